// The door kiosk's logic, apart from reading and drawing: every scan is committed to the local
// queue first, then the queue is sent oldest first; a scan leaves the queue only once the
// server has answered it for good (checked in, already checked in, unknown code, refused).
// No answer (server unreachable, 5xx, 429) leaves it queued for the next attempt. Used by one
// thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "client/api/api_client.hpp"
#include "client/result.hpp"
#include "client/store/checkin_queue.hpp"
#include "client/ui/kiosk_view.hpp"
#include "client/ui/messages.hpp"
#include "shared/time/time_zone.hpp"

namespace bimtek::client::app {

class kiosk_display {
public:
    virtual ~kiosk_display() = default;
    virtual void show(
        ui::kiosk_result const& r) = 0;  // a scan's outcome, or that it waits in the queue
};

struct kiosk_options {
    std::optional<std::int64_t> event_id;  // --event; else the account's most recent event
    ui::lang language = ui::lang::id;
};

// Why sending stopped before the queue was empty.
struct send_report {
    int sent = 0;                           // scans answered for good in this attempt
    std::optional<api::api_reply> blocked;  // the answer that stopped it (unreachable, auth, ...)
    bool no_event = false;                  // the account is on no event
};

class kiosk {
public:
    // "queue", "api" and "display" must outlive the kiosk; "now" gives the time of a scan.
    kiosk(store::checkin_queue& queue, api::api_client& api, kiosk_display& display,
          kiosk_options o, std::function<timestamp()> now);

    // Queues "code" (trimmed; empty lines are ignored), then sends the queue. When the new
    // scan could not be sent it is shown as queued.
    result<send_report> scan(std::string const& code);
    // Sends queued scans, oldest first, until the queue is empty or one cannot be sent.
    result<send_report> send_pending();
    result<std::int64_t> waiting() { return queue_.pending_count(); }

private:
    // Resolves the event (once); the failing reply when it cannot now.
    std::optional<api::api_reply> resolve_event(send_report& report);
    result<send_report> send(std::string const& fresh_id);

    store::checkin_queue& queue_;
    api::api_client& api_;
    kiosk_display& display_;
    kiosk_options options_;
    std::function<timestamp()> now_;
    std::optional<std::int64_t> event_id_;
    time_zone tz_;
    bool resolved_ = false;
};

}  // namespace bimtek::client::app
