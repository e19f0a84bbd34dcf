#include "cli/context.hpp"
void rebuy::core::add_plugins_new_command(CLI::App &) {}
