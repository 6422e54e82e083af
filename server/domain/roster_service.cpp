#include "server/domain/roster_service.hpp"

#include "server/domain/access.hpp"
#include "server/domain/access_code.hpp"
#include "server/domain/participant_rules.hpp"
#include "server/domain/roster_csv.hpp"

namespace bimtek::domain {
namespace {

// 31^8 codes: a collision is rare; this many in a row means the generator is broken.
constexpr int max_code_attempts = 64;

error participant_not_found() {
    return make_error(error_kind::not_found, "participant_not_found", "no such participant");
}

}  // namespace

roster_service::roster_service(store& s, crypto& c, clock const& k)
    : store_(s), crypto_(c), clock_(k) {}

result<std::string> roster_service::unique_code(repositories& r,
                                                std::set<std::string> const& batch) {
    for (int attempt = 0; attempt < max_code_attempts; ++attempt) {
        std::string code = generate_access_code(crypto_);
        if (!batch.contains(code) && !r.participants.code_exists(code)) return code;
    }
    return make_error(error_kind::internal, "no_free_code", "could not find an unused access code");
}

result<roster_import> roster_service::import_csv(principal const& by, event_id event,
                                                 std::string_view csv) {
    // Refuse strangers before reading their file.
    if (status s = store_.read([&](repositories& r) { return require_coordinator(r, by, event); });
        !s)
        return s.error();
    auto rows = read_roster_csv(csv, max_roster_rows);
    if (!rows) return rows.error();
    timestamp now = clock_.now();

    return write_value<roster_import>(store_, [&](repositories& r) -> result<roster_import> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        roster_import out;
        out.imported.reserve(rows->size());
        std::set<std::string> batch;
        for (participant p : *rows) {
            auto code = unique_code(r, batch);
            if (!code) return code.error();
            batch.insert(*code);
            p.event = event;
            p.access_code = std::move(*code);
            p.created_at = now;
            p.id = r.participants.insert(p);
            out.imported.push_back(std::move(p));
        }
        return out;
    });
}

result<participant> roster_service::add_participant(principal const& by, event_id event,
                                                    participant_fields const& f) {
    return write_value<participant>(store_, [&](repositories& r) -> result<participant> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        field_problems problems;
        participant p;
        apply_participant_fields(f, true, p, problems);
        if (!problems.empty()) return problems.to_status().error();
        auto code = unique_code(r);
        if (!code) return code.error();
        p.event = event;
        p.access_code = std::move(*code);
        p.created_at = clock_.now();
        p.id = r.participants.insert(p);
        return p;
    });
}

result<participant> roster_service::update_participant(principal const& by, participant_id id,
                                                       participant_fields const& f) {
    return write_value<participant>(store_, [&](repositories& r) -> result<participant> {
        auto p = r.participants.find(id);
        if (!p) return participant_not_found();
        if (status s = require_coordinator(r, by, p->event); !s) return s.error();
        field_problems problems;
        apply_participant_fields(f, false, *p, problems);
        if (!problems.empty()) return problems.to_status().error();
        r.participants.update(*p);
        return std::move(*p);
    });
}

result<participant> roster_service::reissue_code(principal const& by, participant_id id) {
    return write_value<participant>(store_, [&](repositories& r) -> result<participant> {
        auto p = r.participants.find(id);
        if (!p) return participant_not_found();
        if (status s = require_coordinator(r, by, p->event); !s) return s.error();
        auto code = unique_code(r);
        if (!code) return code.error();
        p->access_code = std::move(*code);
        r.participants.update(*p);
        return std::move(*p);
    });
}

result<std::vector<participant>> roster_service::list_participants(principal const& by,
                                                                   event_id event) {
    return read_value<std::vector<participant>>(
        store_, [&](repositories& r) -> result<std::vector<participant>> {
            if (status s = require_coordinator(r, by, event); !s) return s.error();
            return r.participants.list_by_event(event);
        });
}

result<participant> roster_service::get_participant(principal const& by, participant_id id) {
    // A participant may see only itself: refuse before looking, so ids cannot be probed.
    if (by.is_participant() && by.subject != id)
        return forbidden("you may see only your own details");
    return read_value<participant>(store_, [&](repositories& r) -> result<participant> {
        auto p = r.participants.find(id);
        if (!p) return participant_not_found();
        if (by.is_participant()) return std::move(*p);
        if (status s = require_coordinator(r, by, p->event); !s) return s.error();
        return std::move(*p);
    });
}

}  // namespace bimtek::domain
