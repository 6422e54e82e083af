#include "client/app/line_reader.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace bimtek::client::app {

bool line_reader::take_line(std::string& line) {
    auto nl = buffer_.find('\n');
    if (nl == std::string::npos) return false;
    line = buffer_.substr(0, nl);
    buffer_.erase(0, nl + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

line_reader::status line_reader::next(std::string& line, std::chrono::milliseconds timeout) {
    if (take_line(line)) return status::line;
    if (eof_) {
        if (buffer_.empty()) return status::eof;
        line = std::move(buffer_);
        buffer_.clear();
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return status::line;
    }
    pollfd p{fd_, POLLIN, 0};
    int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (n <= 0) return status::timeout;
    char buf[4096];
    auto got = ::read(fd_, buf, sizeof buf);
    if (got < 0)
        return errno == EINTR || errno == EAGAIN ? status::timeout
                                                 : (eof_ = true, next(line, timeout));
    if (got == 0) {
        eof_ = true;
        return next(line, timeout);
    }
    buffer_.append(buf, static_cast<std::size_t>(got));
    if (take_line(line)) return status::line;
    return status::timeout;
}

}  // namespace bimtek::client::app
