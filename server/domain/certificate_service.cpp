#include "server/domain/certificate_service.hpp"

#include "server/domain/access.hpp"
#include "server/domain/certificate_code.hpp"
#include "server/domain/completion_service.hpp"
#include "server/domain/validation.hpp"

namespace bimtek::domain {
namespace {

constexpr std::size_t max_reason = 500;
constexpr int code_attempts = 16;

error participant_not_found() {
    return make_error(error_kind::not_found, "participant_not_found", "no such participant");
}

error certificate_not_found() {
    return make_error(error_kind::not_found, "certificate_not_found",
                      "no certificate has this code");
}

// The participant's certificate, issued now when there is none yet. Inside a write.
result<domain::certificate> issue(repositories& r, crypto& c, participant const& p, timestamp now) {
    if (auto existing = r.certificates.find_by_participant(p.id)) return std::move(*existing);
    domain::certificate cert;
    for (int attempt = 0; attempt < code_attempts && cert.code.empty(); ++attempt) {
        std::string code = generate_certificate_code(c);
        if (!r.certificates.find_by_code(code)) cert.code = std::move(code);
    }
    if (cert.code.empty())
        return make_error(error_kind::internal, "code_exhausted",
                          "could not draw an unused certificate code");
    cert.event = p.event;
    cert.participant = p.id;
    cert.issued_at = now;
    cert.id = r.certificates.insert(cert);
    return cert;
}

}  // namespace

certificate_service::certificate_service(store& s, crypto& c, clock const& k)
    : store_(s), crypto_(c), clock_(k) {}

result<issued_certificate> certificate_service::certificate_for(principal const& by,
                                                                participant_id id) {
    timestamp now = clock_.now();
    return write_value<issued_certificate>(
        store_, [&](repositories& r) -> result<issued_certificate> {
            auto p = r.participants.find(id);
            if (!p) return participant_not_found();
            if (by.is_participant()) {
                if (by.subject != id) return forbidden("you may only get your own certificate");
            } else if (status s = require_staff(r, by, p->event); !s) {
                return s.error();
            }
            auto e = r.events.find(p->event);
            if (!e) return event_not_found();
            participant_completion completion = evaluate_participant(r, *e, id, now);
            if (completion.status != completion_status::completed)
                return make_error(error_kind::conflict, "not_completed",
                                  "the participant has not completed the event (" +
                                      std::string(to_string(completion.status)) + ")");
            auto cert = issue(r, crypto_, *p, now);
            if (!cert) return cert.error();
            if (cert->revoked())
                return make_error(error_kind::conflict, "certificate_revoked",
                                  "this participant's certificate was revoked");
            return issued_certificate{std::move(*cert), std::move(*p), std::move(*e),
                                      std::move(completion)};
        });
}

result<std::vector<issued_certificate>> certificate_service::certificates_for_event(
    principal const& by, event_id event) {
    timestamp now = clock_.now();
    using list = std::vector<issued_certificate>;
    return write_value<list>(store_, [&](repositories& r) -> result<list> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        auto e = r.events.find(event);
        if (!e) return event_not_found();
        completion_report report = build_completion_report(r, *e, now);
        list out;
        for (completion_row& row : report.rows) {
            if (row.completion.status != completion_status::completed) continue;
            auto cert = issue(r, crypto_, row.who, now);
            if (!cert) return cert.error();
            if (cert->revoked()) continue;
            out.push_back(issued_certificate{std::move(*cert), std::move(row.who), *e,
                                             std::move(row.completion)});
        }
        if (out.empty())
            return make_error(error_kind::conflict, "no_completed_participants",
                              "no participant has completed the event yet");
        return out;
    });
}

result<certificate_check> certificate_service::verify(std::string_view code) {
    auto normal = normalize_certificate_code(code);
    if (!normal) return certificate_not_found();
    return read_value<certificate_check>(store_, [&](repositories& r) -> result<certificate_check> {
        auto cert = r.certificates.find_by_code(*normal);
        if (!cert) return certificate_not_found();
        auto p = r.participants.find(cert->participant);
        auto e = r.events.find(cert->event);
        if (!p || !e) return certificate_not_found();
        return certificate_check{std::move(*cert), std::move(p->name), std::move(*e)};
    });
}

result<domain::certificate> certificate_service::revoke(principal const& by, std::string_view code,
                                                        std::string const& reason) {
    field_problems problems;
    auto cleaned = clean_line("reason", reason, 0, max_reason, problems);
    if (!problems.empty()) return problems.to_status().error();
    auto normal = normalize_certificate_code(code);
    if (!normal) return certificate_not_found();
    timestamp now = clock_.now();
    return write_value<domain::certificate>(
        store_, [&](repositories& r) -> result<domain::certificate> {
            auto cert = r.certificates.find_by_code(*normal);
            if (!cert) return certificate_not_found();
            if (status s = require_coordinator(r, by, cert->event); !s) return s.error();
            if (cert->revoked()) return std::move(*cert);
            cert->revoked_at = now;
            cert->revoked_by = by.subject;
            cert->revoke_reason = cleaned.value_or("");
            r.certificates.update(*cert);
            return std::move(*cert);
        });
}

}  // namespace bimtek::domain
