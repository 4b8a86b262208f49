// A write tried and undone: for a dry run that must make every check the real write makes,
// reading its own writes, and leave nothing behind.
#pragma once

#include <functional>

#include "db/database.h"

namespace dh::db {

// Runs `body` in a write transaction, as InTransaction does (taking the writers' turn), then
// rolls back whatever it did, whether `body` succeeded or not. Returns what `body` returned.
Status InTrialTransaction(Database& db, const std::function<Status(Connection&)>& body);

}  // namespace dh::db
