#include "tests/client/client_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

#include "tests/harness/child_process.hpp"

extern char** environ;

namespace bimtek::testing {

std::string client_binary() {
    return std::string(BIMTEK_BIN_DIR) + "/bimtek";
}

client_process::client_process(std::vector<std::string> args, env_vars env, std::string stdin_text,
                               bool keep_stdin_open) {
    env_vars full;
    for (char** e = environ; *e; ++e) {
        std::string kv(*e);
        auto eq = kv.find('=');
        if (eq == std::string::npos || kv.starts_with("BIMTEK_")) continue;
        full[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (auto& [k, v] : env) full[k] = v;
    std::vector<std::string> env_strings;
    for (auto& [k, v] : full) env_strings.push_back(k + "=" + v);

    ::signal(SIGPIPE, SIG_IGN);  // writing to a kiosk that died must not kill the test
    auto child = spawn_child(client_binary(), std::move(args), std::move(env_strings), false);
    pid_ = child.pid;
    in_fd_ = child.in;
    out_fd_ = child.out;
    err_fd_ = child.err;
    if (!stdin_text.empty()) write_stdin(stdin_text);
    if (!keep_stdin_open) close_stdin();
}

client_process::~client_process() {
    if (status_ < 0 && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    close_stdin();
    if (out_fd_ >= 0) ::close(out_fd_);
    if (err_fd_ >= 0) ::close(err_fd_);
}

void client_process::write_stdin(std::string const& text) {
    std::size_t done = 0;
    while (in_fd_ >= 0 && done < text.size()) {
        auto n = ::write(in_fd_, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
}

void client_process::close_stdin() {
    if (in_fd_ >= 0) ::close(in_fd_);
    in_fd_ = -1;
}

void client_process::pump(std::chrono::milliseconds wait) {
    pollfd p[2]{{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    if (::poll(p, 2, static_cast<int>(wait.count())) <= 0) return;
    char buf[8192];
    ssize_t n;
    while ((n = ::read(out_fd_, buf, sizeof buf)) > 0)
        out_.append(buf, static_cast<std::size_t>(n));
    while ((n = ::read(err_fd_, buf, sizeof buf)) > 0)
        err_.append(buf, static_cast<std::size_t>(n));
}

bool client_process::wait_for(std::string const& needle, std::chrono::milliseconds timeout,
                              bool in_stderr) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        pump(std::chrono::milliseconds(20));
        if ((in_stderr ? err_ : out_).find(needle) != std::string::npos) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        int st;
        if (status_ < 0 && ::waitpid(pid_, &st, WNOHANG) == pid_) {
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            pump(std::chrono::milliseconds(0));
            return (in_stderr ? err_ : out_).find(needle) != std::string::npos;
        }
    }
}

int client_process::wait_exit(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (status_ < 0) {
        int st;
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) return -1;
        pump(std::chrono::milliseconds(20));
    }
    // Drain what is left in the pipes.
    for (int i = 0; i < 50; ++i) {
        auto before = out_.size() + err_.size();
        pump(std::chrono::milliseconds(10));
        if (out_.size() + err_.size() == before) break;
    }
    return status_;
}

int client_process::stop(int sig, std::chrono::milliseconds timeout) {
    if (status_ >= 0) return status_;
    ::kill(pid_, sig);
    return wait_exit(timeout);
}

std::string const& client_process::out() {
    pump(std::chrono::milliseconds(0));
    return out_;
}

std::string const& client_process::err() {
    pump(std::chrono::milliseconds(0));
    return err_;
}

std::vector<std::string> client_process::out_lines() {
    std::vector<std::string> lines;
    std::istringstream in(out());
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

client_result run_client(std::vector<std::string> args, env_vars env, std::string stdin_text,
                         std::chrono::milliseconds timeout) {
    client_process p(std::move(args), std::move(env), std::move(stdin_text));
    client_result r;
    r.status = p.wait_exit(timeout);
    if (r.status < 0) p.stop(SIGKILL, std::chrono::seconds(5));
    r.out = p.out();
    r.err = p.err();
    return r;
}

std::uint16_t free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(a.sin_port);
}

}  // namespace bimtek::testing
