// Why a connection to the server could not be made, or ended: coarse enough to be told to a
// user in their language (ui::describe), with the library's own words kept in "detail" for the
// cases it has no name for. Plain C++17: shared by both sides of the network boundary.
#pragma once

#include <string>

namespace bimtek::client::net {

enum class fault_kind {
    none,            // no fault: connected, or answered
    name_not_found,  // the server's name did not resolve
    refused,         // nothing listens there (connection refused)
    no_route,        // the network or host cannot be reached
    timed_out,       // no connection or answer within the time allowed
    dropped,         // the connection broke (reset, closed mid-way)
    closed,          // the server closed the live connection (going away, restarting)
    silent,          // the live connection stayed quiet past the limit (client's own check)
    stream_gap,      // updates were missed; the client reconnects to catch up (client's own)
    other            // anything else: see detail
};

struct link_fault {
    fault_kind kind = fault_kind::none;
    std::string detail;  // the library's or server's words, for "other" and for logs

    explicit operator bool() const { return kind != fault_kind::none; }
};

}  // namespace bimtek::client::net
