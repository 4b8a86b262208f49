// Whether a unit may be given new work — lead or coordinate a task, be asked to
// coordinate, hold a role — on a day: it exists, it is active that day, and no
// restructuring has been recorded for it. A merge or split hands the open work of its
// sources to their successor when it is recorded, so work given to a source afterwards
// would stay behind with a unit that ends.
//
// The same rule on two pictures of the units: the in-memory graph (a quick first answer,
// and what an import reports row by row) and the database read inside the write's own
// transaction, which is the answer that counts — writers take turns (SQLite's write lock,
// PostgreSQL's advisory lock), so nothing can change between that check and the write,
// while the graph may be a moment old.
#pragma once

#include <string>

#include "core/status.h"
#include "db/connection.h"
#include "units/unit_graph.h"

namespace dh::units {

// InvalidInput on `field` when the unit may not take new work on `day`; `label` is how
// the form names the unit ("Đơn vị chủ trì").
Status CheckTakesWork(const UnitGraph& g, int64_t unit_id, Date day, const std::string& field,
                      const std::string& label);
Status CheckTakesWork(db::Connection& c, int64_t unit_id, Date day, const std::string& field,
                      const std::string& label);

// True when `ancestor` is `id` or above it on `day`, as the database holds it now.
Result<bool> StoredIsUnder(db::Connection& c, int64_t id, int64_t ancestor, Date day);

}  // namespace dh::units
