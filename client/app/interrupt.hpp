// Ctrl-C and SIGTERM as a flag the long-running commands poll (watch, kiosk, qa). The handler
// is installed without SA_RESTART so blocking reads return early.
#pragma once

namespace bimtek::client::app {

void install_interrupt_handlers();
bool interrupted();

}  // namespace bimtek::client::app
