#pragma once
// Where rebuy finds its own files, installed or in a build tree.
#include <filesystem>

namespace rebuy::core {

// The directory of the running program; empty if unknown.
std::filesystem::path executable_dir();

// True when the running program is the one in the bin/ directory of the build tree it was
// built in.
bool running_from_build_tree();

// The bundled samples: <prefix>/share/rebuy/samples, or the source tree's
// samples/ when running from the build tree. Empty when neither exists.
std::filesystem::path samples_dir();

} // namespace rebuy::core
