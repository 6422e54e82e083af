// Lines from a file descriptor (standard input: a keyboard, a barcode scanner, a pipe) with a
// timeout, so a loop can do other work while no line comes. One thread.
#pragma once

#include <chrono>
#include <string>

namespace bimtek::client::app {

class line_reader {
public:
    explicit line_reader(int fd) : fd_(fd) {}

    enum class status { line, timeout, eof };
    // The next line without its "\n" (and "\r"); at end of input a last unterminated line is
    // still returned before eof. An interrupted wait returns timeout.
    status next(std::string& line, std::chrono::milliseconds timeout);

private:
    bool take_line(std::string& line);

    int fd_;
    std::string buffer_;
    bool eof_ = false;
};

}  // namespace bimtek::client::app
