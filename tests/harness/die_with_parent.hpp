// For a child process a test starts (the server, the client), between fork() and exec(): the
// kernel kills it when the test process dies, so a test that crashes leaves nothing running
// (holding a port, a data directory, a terminal). The signal survives exec. Async-signal-safe.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace bimtek::testing {

// "parent" is getpid() of the test process, taken before fork(). Exits the child at once when
// the parent is already gone (it could no longer send the signal).
inline void die_with_parent(pid_t parent) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
}

}  // namespace bimtek::testing
