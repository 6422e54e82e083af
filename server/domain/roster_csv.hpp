// Reading a roster spreadsheet (CSV) into participants: the header's column names in English or
// Indonesian, and every data line checked with the participant rules. Pure function; use from
// any thread.
#pragma once

#include <string_view>
#include <vector>

#include "server/domain/participant.hpp"
#include "server/domain/result.hpp"

namespace bimtek::domain {

// The participants of "csv", in file order, without event, id, code or creation time. The first
// record is the header; its names are matched case-insensitively after trimming, with spaces,
// dashes, dots and slashes read as underscores ("No. HP", "Kabupaten/Kota"):
//   name           name | nama | nama_lengkap
//   category       category | kategori
//   region         region | wilayah | daerah | kabupaten_kota | kota
//   phone          phone | telepon | no_hp | nomor_hp | hp | whatsapp | no_wa          (optional)
//   business_name  business | business_name | usaha | nama_usaha                      (optional)
//   mode           mode | kehadiran | mode_kehadiran
// Other columns are ignored. Errors (422):
//   "empty_roster"    no data lines;
//   "too_many_rows"   more than max_roster_rows data lines;
//   "invalid_roster"  problems, each with its CSV line: a missing or repeated column (line 1),
//                     a syntax error, a line with another number of fields than the header
//                     ("wrong_field_count"), or a bad field (the participant rules' codes).
result<std::vector<participant>> read_roster_csv(std::string_view csv, std::size_t max_rows);

}  // namespace bimtek::domain
