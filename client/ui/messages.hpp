// Every user-facing string of the client, in Indonesian (the default) and English, in one
// catalog (messages.cpp). Placeholders are {0}, {1}, ...; both languages of a message use the
// same ones (a unit test checks that every message has both, with the same placeholders).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "client/net/link_fault.hpp"

namespace bimtek::client::ui {

enum class lang { id, en };

// "id"/"in"/"indonesian" or "en"/"english" (any case); nullopt otherwise.
std::optional<lang> parse_lang(std::string_view text);
char const* lang_code(lang l);  // "id" or "en"

enum class msg {
    // command line
    app_description,
    exit_codes_epilog,
    opt_server,
    opt_token,
    opt_lang,
    opt_help,
    cmd_login,
    cmd_join,
    cmd_logout,
    cmd_watch,
    cmd_checkin,
    cmd_questions,
    cmd_ask,
    cmd_vote,
    cmd_qa,
    cmd_session,
    cmd_attendance,
    opt_user,
    opt_join_code,
    opt_json,
    opt_since,
    opt_queue,
    opt_drain_timeout,
    opt_flush,
    opt_checkin_code,
    opt_event,
    opt_session,
    opt_anonymous,
    opt_text,
    opt_question_id,
    opt_unvote,
    opt_qa_action,
    opt_qa_question,
    opt_session_action,
    opt_session_id,
    opt_format,
    opt_out,
    opt_all,
    usage_error,
    cli_required,
    cli_unexpected,
    cli_excludes,
    cli_requires,
    cli_bad_value,
    cli_invalid,
    cli_no_value,
    usage_hint,
    bad_server_url,
    bad_lang,
    fault_name_not_found,
    fault_refused,
    fault_no_route,
    fault_timed_out,
    fault_dropped,
    fault_closed,
    fault_silent,
    fault_stream_gap,
    // errors
    err_no_token,
    err_unreachable,
    err_auth_token,
    err_auth_forbidden,
    err_rejected,
    err_server,
    err_local,
    err_invalid_credentials,
    err_unknown_join_code,
    err_too_many,
    err_no_event,
    err_no_live_session,
    err_queue,
    err_save_token,
    err_write_file,
    err_read_password,
    err_bad_reply,
    // login / join
    password_prompt,
    login_ok,
    join_ok,
    logout_ok,
    token_saved_at,
    // watch and the live view
    watch_reconnecting,
    watch_connected,
    watch_resync,
    view_present_now,
    view_onsite,
    view_online,
    view_of_target,
    view_current_session,
    view_no_session,
    view_elapsed,
    view_recent,
    view_no_activity,
    view_top_questions,
    view_no_questions,
    view_connected,
    view_reconnecting,
    view_quit_hint,
    view_by,
    act_checkin,
    act_checkin_anon,
    act_checkout,
    act_checkout_anon,
    act_join,
    act_join_anon,
    act_leave,
    act_leave_anon,
    q_status_pending,
    q_status_approved,
    q_status_answered,
    q_status_pinned,
    q_status_hidden,
    q_anonymous,
    q_votes,
    // kiosk
    kiosk_title,
    kiosk_ready,
    kiosk_big_checked_in,
    kiosk_big_already,
    kiosk_big_unknown,
    kiosk_big_queued,
    kiosk_big_rejected,
    kiosk_checked_in,
    kiosk_already,
    kiosk_unknown,
    kiosk_rejected,
    kiosk_queued,
    kiosk_from_queue,
    kiosk_sending_queue,
    kiosk_draining,
    kiosk_queue_empty,
    kiosk_still_queued,
    kiosk_mode_mismatch,
    kiosk_over_capacity,
    kiosk_onsite_count,
    kiosk_flush_not_empty,
    // questions, Q&A, sessions, attendance
    q_none,
    q_header,
    ask_sent,
    ask_pending,
    vote_ok,
    unvote_ok,
    qa_done,
    qa_help,
    qa_unknown_command,
    qa_queue_header,
    session_started,
    session_ended,
    attendance_written,
    attendance_list_written,
    count_  // not a message
};

std::string_view text(lang l, msg m);
// text(l, m) with {0}, {1}, ... replaced by "args".
std::string format(lang l, msg m, std::initializer_list<std::string_view> args = {});

// Why a connection failed or ended, in words for the user: the library's own words only for
// what has no name of ours (fault_kind::other); empty for no fault.
std::string describe(lang l, net::link_fault const& f);

// For the catalog's test: the key of "m" ("opt_server") and its text in each language.
struct catalog_entry {
    msg key;
    std::string_view name;
    std::string_view id;
    std::string_view en;
};
catalog_entry const& entry(msg m);

}  // namespace bimtek::client::ui
