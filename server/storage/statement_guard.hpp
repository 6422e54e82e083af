// Readies a repository's prepared statement for its next use when the current use ends, even by
// an exception (a constraint violation, a busy file): bind -> executeStep -> reset, as in
// SQLiteCpp's examples. Lives on the stack of one repository call, on the store's thread.
#pragma once

#include <SQLiteCpp/Statement.h>

namespace bimtek::storage {

class statement_guard {
public:
    // "s" must outlive the guard. Every use binds all of the statement's parameters, so the
    // bindings are not cleared.
    explicit statement_guard(SQLite::Statement& s) : s_(s) {}
    ~statement_guard() {
        // The code tryReset returns repeats the failed step's error, already thrown to the caller.
        static_cast<void>(s_.tryReset());
    }

    statement_guard(statement_guard const&) = delete;
    statement_guard& operator=(statement_guard const&) = delete;

private:
    SQLite::Statement& s_;
};

}  // namespace bimtek::storage
