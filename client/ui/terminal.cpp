#include "client/ui/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace bimtek::client::ui {

bool is_terminal(int fd) {
    return ::isatty(fd) == 1;
}

terminal_size size_of(int fd) {
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0)
        return {ws.ws_col, ws.ws_row};
    return {};
}

alternate_screen::alternate_screen() : active_(true) {
    std::fputs("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J", stdout);
    std::fflush(stdout);
}

alternate_screen::~alternate_screen() {
    restore();
}

void alternate_screen::restore() {
    if (!active_) return;
    active_ = false;
    std::fputs("\x1b[?25h\x1b[?1049l", stdout);
    std::fflush(stdout);
}

void alternate_screen::draw(std::vector<std::string> const& lines) {
    std::string frame = "\x1b[H";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        frame += lines[i];
        frame += "\x1b[K";
        if (i + 1 < lines.size()) frame += "\r\n";
    }
    frame += "\x1b[J";
    std::fwrite(frame.data(), 1, frame.size(), stdout);
    std::fflush(stdout);
}

}  // namespace bimtek::client::ui
