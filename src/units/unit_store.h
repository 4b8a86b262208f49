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
// The audit head (the sequence number of the last audited write; 0 before any).
Result<int64_t> AuditHead(db::Connection& c);

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

// One unit as the database holds it now, for the rules a write checks inside its own
// transaction (the in-memory graph may be a moment old). `restructured_on`: the first day
// of a restructuring recorded for it (it then has successors and its open work has gone
// to them), with the name of the successor that took it over.
struct UnitStanding {
  Unit unit;
  std::optional<Date> restructured_on;
  std::string successor_name;
};
Result<std::optional<UnitStanding>> FindUnitStanding(db::Connection& c, int64_t id);
// The parent of `unit_id` on `day` as the database holds it now; nullopt for a root.
Result<std::optional<int64_t>> StoredParentOn(db::Connection& c, int64_t unit_id, Date day);

}  // namespace dh::units
