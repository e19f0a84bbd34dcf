#pragma once
// The store's schema and its forward migrations, versioned in PRAGMA user_version.
#include "store/sql.hpp"

namespace rebuy::core {

// The schema version this build writes.
int schema_version();

// Brings the database up to schema_version(), one migration per transaction.
// Throws when the database was written by a newer rebuy.
void migrate(sql::connection &db);

} // namespace rebuy::core
