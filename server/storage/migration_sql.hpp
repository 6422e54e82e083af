// The SQL of each schema migration, one function per migration, each defined in its own
// migration_NNN_name.cpp. Listed, in order, by migrations.cpp.
#pragma once

#include <string_view>

namespace bimtek::storage {

// Version 1: staff accounts, events and their staff, agenda, roster, check-ins, tokens and the
// update stream.
std::string_view migration_001_foundation();
// Version 2: Q&A (questions, votes) and online presence intervals.
std::string_view migration_002_live();
// Version 3: materials of the sessions, completion rules and certificates.
std::string_view migration_003_materials();

}  // namespace bimtek::storage
