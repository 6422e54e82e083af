// Starting a program for a test (the server, the client) with its standard streams on pipes:
// the fork/exec both server_process and client_process stand on.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace bimtek::testing {

struct child_pipes {
    pid_t pid = -1;
    int in = -1;   // the child's standard input (blocking)
    int out = -1;  // its standard output (non-blocking)
    int err = -1;  // its standard error (non-blocking); -1 when merged into "out"
};

// Starts "bin" with "args", in the environment "env" ("NAME=value" each) or the test's own.
// The pipes are close-on-exec, so a child started later does not hold them open; the child is
// killed when the test process dies (a crashed test leaves nothing running). Everything the
// child needs is built before fork(): the test may have other threads, and a child that
// allocated could wait forever on a lock one of them held at the fork.
child_pipes spawn_child(std::string const& bin, std::vector<std::string> args,
                        std::optional<std::vector<std::string>> env, bool merge_stderr);

}  // namespace bimtek::testing
