#pragma once
// The store's schema on PostgreSQL: the tables of the SQLite store at the same
// schema version, in PostgreSQL's types, versioned in the table rebuy_schema.
#include "store/sql.hpp"

namespace rebuy::core {

// Creates the schema on an empty database, or checks the version of one that
// has it. Several rebuys may open a new database at once: one creates it.
void migrate_postgres(sql::connection &db, int version);

} // namespace rebuy::core
