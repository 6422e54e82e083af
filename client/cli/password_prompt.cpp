#include "client/cli/password_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace bimtek::client::cli {

std::optional<std::string> read_password(std::string const& prompt) {
    std::string line;
    if (::isatty(STDIN_FILENO) != 1) {
        if (!std::getline(std::cin, line)) return std::nullopt;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    std::fputs(prompt.c_str(), stderr);
    std::fflush(stderr);
    termios old{};
    bool restore = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (restore) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (restore) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    if (!got) return std::nullopt;
    return line;
}

}  // namespace bimtek::client::cli
