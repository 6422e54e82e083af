// RFC 4180 CSV: a reader that reports where each record starts, and a writer.
// Roster imports come from spreadsheets: a UTF-8 byte-order mark, CRLF or LF line ends, quoted
// fields holding commas, quotes and line breaks, and a ';' separator (Excel in an Indonesian
// locale) are all accepted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bimtek::text {

struct csv_record {
    std::size_t line = 0;             // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct csv_error {
    std::size_t line = 0;
    std::string message;
};

struct csv_document {
    std::vector<csv_record> records;  // blank lines are skipped
    std::optional<csv_error> error;   // the first syntax error; records holds what came before
};

// Reads every record of "text". The separator is ',' unless the first line holds more ';' than
// ',' outside quotes.
csv_document read_csv(std::string_view text);

// Appends one record, quoting fields that need it, ending in CRLF (RFC 4180). Fields that
// start with '=', '+', '-' or '@' are prefixed with an apostrophe so spreadsheet programs do not
// run them as formulas.
void write_csv_record(std::string& out, std::vector<std::string> const& fields);

}  // namespace bimtek::text
