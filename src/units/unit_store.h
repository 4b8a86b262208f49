// Where units, their dated parent links and restructuring events are kept. Every
// function runs on the caller's connection, inside the caller's transaction.
#pragma once

#include <memory>

#include "db/connection.h"
#include "units/restructure.h"
#include "units/unit_graph.h"

namespace dh::units {

// Everything, for the in-memory graph.
Result<std::shared_ptr<const UnitGraph>> LoadGraph(db::Connection& c);

// Inserts the unit and its first parent link (from valid_from). Returns the new id.
// UniqueViolation on field "code" when the code is taken.
Result<int64_t> InsertUnit(db::Connection& c, const Unit& u, std::optional<int64_t> parent_id,
                           int64_t now);
Status UpdateUnit(db::Connection& c, const Unit& u);
// Ends the link active on `day - 1` at day − 1 and starts a new one from `day`.
Status MoveUnder(db::Connection& c, int64_t unit_id, std::optional<int64_t> parent_id, Date day);
// Closes every open parent link of the unit at `last_day`.
Status EndLinks(db::Connection& c, int64_t unit_id, Date last_day);

Result<int64_t> InsertEvent(db::Connection& c, const RestructureEvent& e,
                            std::optional<int64_t> created_by, int64_t now);
Status InsertSuccession(db::Connection& c, const Succession& s);
Result<std::vector<RestructureEvent>> ListEvents(db::Connection& c);

}  // namespace dh::units
