// What the door kiosk shows for one scan: a plain line (logs, pipes, tests) and, on a terminal,
// a full screen with the result and the name in large letters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/ui/messages.hpp"

namespace bimtek::client::ui {

struct kiosk_result {
    enum class kind { checked_in, already, unknown, rejected, queued };
    kind what = kind::checked_in;
    std::string code;          // as scanned
    std::string name;          // the participant (checked_in, already)
    std::string time;          // local HH:MM of the check-in
    std::string reason;        // rejected: the server's code
    std::string scanned_time;  // local HH:MM of the scan, shown for scans sent from the queue
    bool from_queue = false;
    bool mode_mismatch = false;
    bool over_capacity = false;
    int onsite_present = -1;   // -1: unknown
    std::int64_t waiting = 0;  // scans still queued
};

std::string kiosk_line(lang l, kiosk_result const& r);
// Exactly "height" lines of at most "width" columns.
std::vector<std::string> kiosk_screen(lang l, kiosk_result const& r, std::string const& title,
                                      std::size_t width, std::size_t height);

}  // namespace bimtek::client::ui
