// What the writes of investment share, whichever file they live in: the audit entry every
// write records inside its transaction (its entity names are the change feed's, listed in
// investment.h), and the one "not found" of a project.
#pragma once

#include "audit/recorder.h"
#include "core/status.h"
#include "db/connection.h"

namespace dh::investment {

Status ProjectNotFound();

// `who` null: the system (command line, demo loader).
Status RecordChange(db::Connection& c, const auth::Principal* who, const audit::Change& change,
                    int64_t now);

}  // namespace dh::investment
