#include "tests/harness/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>
#include <stdexcept>
#include <thread>

#include "tests/harness/child_process.hpp"

namespace bimtek::testing {

std::string server_binary() { return std::string(BIMTEK_BIN_DIR) + "/bimtek-server"; }

server_process::server_process(std::vector<std::string> args, std::string stdin_text) {
    auto child = spawn_child(server_binary(), std::move(args), std::nullopt, true);
    pid_ = child.pid;
    out_fd_ = child.out;
    if (!stdin_text.empty()) {
        auto n = ::write(child.in, stdin_text.data(), stdin_text.size());
        (void)n;
    }
    ::close(child.in);
}

server_process::~server_process() {
    if (status_ < 0 && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) ::close(out_fd_);
}

void server_process::read_available(std::chrono::milliseconds wait) {
    pollfd p{out_fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out_fd_, buf, sizeof buf)) > 0) output_.append(buf, static_cast<std::size_t>(n));
}

std::uint16_t server_process::wait_listening(std::chrono::milliseconds timeout) {
    static std::regex const listening(R"(listening on http://[^:\s]+:(\d+))");
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        read_available(std::chrono::milliseconds(50));
        std::smatch m;
        if (std::regex_search(output_, m, listening)) return static_cast<std::uint16_t>(std::stoi(m[1]));
        int st;
        if (status_ < 0 && ::waitpid(pid_, &st, WNOHANG) == pid_) {
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            read_available(std::chrono::milliseconds(0));
            return 0;
        }
    }
    return 0;
}

int server_process::wait_exit(std::chrono::milliseconds timeout) {
    if (status_ >= 0) return status_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int st;
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            read_available(std::chrono::milliseconds(0));
            return status_;
        }
        read_available(std::chrono::milliseconds(20));
    }
    return -1;
}

int server_process::stop(int sig, std::chrono::milliseconds timeout) {
    if (status_ >= 0) return status_;
    ::kill(pid_, sig);
    return wait_exit(timeout);
}

std::string const& server_process::output() {
    read_available(std::chrono::milliseconds(0));
    return output_;
}

}  // namespace bimtek::testing
