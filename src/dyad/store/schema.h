// The event database's schema (documented in docs/store.md) and its
// migrations. The schema version is SQLite's user_version; opening a database
// applies whatever migrations it lacks, each in its own transaction.
#pragma once

#include "dyad/store/sqlite.h"

namespace dyad {

inline constexpr int kSchemaVersion = 2;

// Brings `db` to kSchemaVersion; throws SqliteError (a newer database than
// this dyad knows is an error too).
void migrate(Database& db);

}  // namespace dyad
