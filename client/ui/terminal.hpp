// The terminal as the full-screen views use it: is it one, how big is it, and an RAII guard
// that switches to the alternate screen (hidden cursor) and always switches back.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bimtek::client::ui {

bool is_terminal(int fd);

struct terminal_size {
    std::size_t columns = 80;
    std::size_t rows = 24;
};
// The size of the terminal on "fd" (80x24 when it cannot be asked).
terminal_size size_of(int fd);

// While alive, stdout shows the alternate screen buffer with the cursor hidden. The destructor
// restores the normal screen; restore() does it earlier (e.g. before printing an error).
class alternate_screen {
public:
    alternate_screen();
    ~alternate_screen();
    alternate_screen(alternate_screen const&) = delete;
    alternate_screen& operator=(alternate_screen const&) = delete;
    void restore();

    // Draws "lines" from the top-left corner, clearing what is left of each line and below.
    void draw(std::vector<std::string> const& lines);

private:
    bool active_ = false;
};

}  // namespace bimtek::client::ui
