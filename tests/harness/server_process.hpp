// build/bin/bimtek-server as a child process: started with arguments, its output captured,
// stopped with a signal. For tests of the command line, signals and crash durability.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace bimtek::testing {

class server_process {
public:
    // Starts the server with "args" (the binary path is added). Does not wait.
    explicit server_process(std::vector<std::string> args, std::string stdin_text = {});
    ~server_process();  // SIGKILL if still running
    server_process(server_process const&) = delete;
    server_process& operator=(server_process const&) = delete;

    // Waits for "listening on http://ADDR:PORT" and returns PORT; 0 when the process exited or
    // printed nothing of the kind within "timeout".
    std::uint16_t wait_listening(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Sends "sig" and waits for the exit; returns the exit status (128 + signal if killed by it).
    int stop(int sig, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // Waits for the process to exit by itself; returns the exit status, or -1 on timeout.
    int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(20));

    std::string const& output();  // everything read from stdout and stderr so far
    pid_t pid() const { return pid_; }

private:
    void read_available(std::chrono::milliseconds wait);

    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string output_;
    int status_ = -1;
};

std::string server_binary();  // build/bin/bimtek-server of this build

}  // namespace bimtek::testing
