#include "cli/context.hpp"

int main(int argc, char **argv) { return rebuy::core::run_cli(argc, argv); }
