// build/bin/bimtek as a child process for the client's integration tests: arguments,
// environment and standard input in; standard output, standard error and the exit status out;
// every wait bounded, and the child killed when the object goes away (a test never hangs).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace bimtek::testing {

std::string client_binary();  // build/bin/bimtek of this build

using env_vars = std::map<std::string, std::string>;

class client_process {
public:
    // Starts bimtek with "args". The environment is the test's, without BIMTEK_* variables, plus
    // "env". With "stdin_text" given and "keep_stdin_open" false, standard input is that text
    // and then ends.
    client_process(std::vector<std::string> args, env_vars env = {}, std::string stdin_text = {},
                   bool keep_stdin_open = false);
    ~client_process();
    client_process(client_process const&) = delete;
    client_process& operator=(client_process const&) = delete;

    void write_stdin(std::string const& text);
    void close_stdin();

    // Waits until standard output (or, with "in_stderr", standard error) holds "needle"; false
    // on timeout or when the process ended without it.
    bool wait_for(std::string const& needle, std::chrono::milliseconds timeout,
                  bool in_stderr = false);
    // Waits for the exit; the status (128 + signal when killed), or -1 on timeout.
    int wait_exit(std::chrono::milliseconds timeout);
    int stop(int sig, std::chrono::milliseconds timeout);

    std::string const& out();
    std::string const& err();
    std::vector<std::string> out_lines();
    pid_t pid() const { return pid_; }

private:
    void pump(std::chrono::milliseconds wait);

    pid_t pid_ = -1;
    int in_fd_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    int status_ = -1;
    std::string out_;
    std::string err_;
};

struct client_result {
    int status = -1;  // -1: timed out (the process was killed)
    std::string out;
    std::string err;
};

// Runs bimtek to the end (at most "timeout").
client_result run_client(std::vector<std::string> args, env_vars env = {},
                         std::string stdin_text = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A loopback port nothing listens on (bound to port 0, then closed).
std::uint16_t free_port();

}  // namespace bimtek::testing
