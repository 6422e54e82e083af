#include "tests/harness/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace bimtek::testing {

child_pipes spawn_child(std::string const& bin, std::vector<std::string> args,
                        std::optional<std::vector<std::string>> env, bool merge_stderr) {
    std::string path = bin;
    std::vector<char*> argv{path.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    if (env) {
        for (auto& e : *env) envp.push_back(e.data());
        envp.push_back(nullptr);
    }
    char* const* child_env = env ? envp.data() : environ;

    int in[2], out[2], err[2] = {-1, -1};
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 ||
        (!merge_stderr && ::pipe2(err, O_CLOEXEC) != 0))
        throw std::runtime_error("pipe failed");
    pid_t const parent = ::getpid();
    pid_t const pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // Only async-signal-safe calls from here. The death signal survives exec; a parent
        // already gone before it was set would never send it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(merge_stderr ? out[1] : err[1], STDERR_FILENO);  // dup2 clears close-on-exec
        ::execve(path.c_str(), argv.data(), child_env);
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    if (!merge_stderr) ::close(err[1]);
    child_pipes c{pid, in[1], out[0], merge_stderr ? -1 : err[0]};
    for (int fd : {c.out, c.err})
        if (fd >= 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return c;
}

}  // namespace bimtek::testing
