// The client's entry point after main.cpp captured the environment and chose the network:
// parses the arguments and runs the command.
#pragma once

#include <string>
#include <vector>

#include "client/app/command_context.hpp"

namespace bimtek::client::app {

// "args" without the program name. Returns the exit code.
int run(std::vector<std::string> const& args, store::environment const& env, network const& net);

}  // namespace bimtek::client::app
