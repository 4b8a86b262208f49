#include "units/unit_store.h"

#include <tuple>

#include "core/text.h"
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"
#include "units/unit_messages.h"

namespace dh::units {
namespace {

constexpr const char* kAuditHead = "SELECT seq FROM audit_head WHERE id = 1";
constexpr db::Table kUnits{"units", "code, name, kind, valid_from, valid_to",
                           "name_folded, created_at"};
constexpr db::Table kLinks{"unit_parents", "unit_id, parent_id, valid_from, valid_to"};
constexpr db::Table kEvents{"restructure_events", "kind, event_date, note",
                            "created_by, created_at"};
const std::string kSelectUnits = kUnits.Select("ORDER BY id");
const std::string kSelectLinks = kLinks.Select("ORDER BY id");
const std::string kInsertUnit = kUnits.Insert();
const std::string kInsertLink = db::InsertSql(kLinks.name, kLinks.columns);
const std::string kUpdateUnit = kUnits.Update("name, name_folded, kind, valid_to");
const std::string kCloseLink = kLinks.Update("valid_to");
const std::string kInsertEvent = kEvents.Insert();
const std::string kInsertSuccession =
    db::InsertSql("unit_successions", "event_id, predecessor_id, successor_id, is_primary");
const std::string kSelectEvents = kEvents.Select("ORDER BY event_date DESC, id DESC");
const std::string kSelectUnit = kUnits.Select("WHERE id = ?");
constexpr const char* kSelectSuccessions =
    "SELECT s.event_id, s.predecessor_id, s.successor_id, s.is_primary, e.event_date, e.kind "
    "FROM unit_successions s JOIN restructure_events e ON e.id = s.event_id "
    "ORDER BY s.event_id, s.predecessor_id, s.successor_id";
constexpr const char* kOpenLinks =
    "SELECT id, valid_from FROM unit_parents WHERE unit_id = ? AND (valid_to IS NULL OR valid_to "
    ">= ?)";
constexpr const char* kDeleteLink = "DELETE FROM unit_parents WHERE id = ?";
// The successor that takes over first: the primary one of the earliest event.
constexpr const char* kSelectFirstSuccessor =
    "SELECT e.event_date, n.name FROM unit_successions s "
    "JOIN restructure_events e ON e.id = s.event_id JOIN units n ON n.id = s.successor_id "
    "WHERE s.predecessor_id = ? ORDER BY e.event_date, s.is_primary DESC, s.successor_id LIMIT 1";
constexpr const char* kSelectParentOn =
    "SELECT parent_id FROM unit_parents WHERE unit_id = ? AND valid_from <= ? "
    "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC, id DESC LIMIT 1";

using db::OptDate;
using db::OptId;

void UnitFields(db::RowCursor& row, Unit& u) {
  row(u.id, u.code, u.name, u.kind, u.valid_from, u.valid_to);
}

}  // namespace

Result<int64_t> AuditHead(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(std::optional<int64_t> head, db::ReadOne<int64_t>(c, kAuditHead, {}));
  return head.value_or(0);
}

Result<std::shared_ptr<const UnitGraph>> LoadGraph(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(std::vector<Unit> units, db::ReadAll<Unit>(c, kSelectUnits, {}, UnitFields));
  DH_ASSIGN_OR_RETURN(
      std::vector<ParentLink> links,
      db::ReadAll<ParentLink>(c, kSelectLinks, {}, [](db::RowCursor& row, ParentLink& l) {
        row(l.id, l.unit_id, l.parent_id, l.valid_from, l.valid_to);
      }));
  DH_ASSIGN_OR_RETURN(
      std::vector<Succession> successions,
      db::ReadAll<Succession>(c, kSelectSuccessions, {}, [](db::RowCursor& row, Succession& s) {
        row(s.event_id, s.predecessor_id, s.successor_id, s.primary, s.date, s.kind);
      }));
  return std::make_shared<const UnitGraph>(std::move(units), std::move(links),
                                           std::move(successions));
}

Result<int64_t> InsertUnit(db::Connection& c, const Unit& u, std::optional<int64_t> parent_id,
                           int64_t now) {
  auto rows = c.Query(kInsertUnit, {u.code, u.name, u.kind, u.valid_from.ToString(),
                                    OptDate(u.valid_to), text::FoldForSearch(u.name), now});
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kUniqueViolation)
      return Status::UniqueViolation("code", Say(msg::kCodeTaken, {{"code", u.code}}));
    return rows.status();
  }
  const int64_t id = rows->Int(0, 0);
  DH_RETURN_IF_ERROR(
      c.Exec(kInsertLink, {id, OptId(parent_id), u.valid_from.ToString(), OptDate(u.valid_to)})
          .status());
  return id;
}

Status UpdateUnit(db::Connection& c, const Unit& u) {
  return c
      .Exec(kUpdateUnit, {u.name, text::FoldForSearch(u.name), u.kind, OptDate(u.valid_to), u.id})
      .status();
}

Status MoveUnder(db::Connection& c, int64_t unit_id, std::optional<int64_t> parent_id, Date day) {
  DH_RETURN_IF_ERROR(EndLinks(c, unit_id, day.AddDays(-1)));
  return c.Exec(kInsertLink, {unit_id, OptId(parent_id), day.ToString(), db::Value()}).status();
}

Status EndLinks(db::Connection& c, int64_t unit_id, Date last_day) {
  using Link = std::pair<int64_t, Date>;  // id, valid_from
  DH_ASSIGN_OR_RETURN(std::vector<Link> open,
                      db::ReadAll<Link>(c, kOpenLinks, {unit_id, last_day.ToString()}));
  for (const auto& [id, from] : open) {
    // A link that would start after it ends never held: drop it.
    if (from > last_day) {
      DH_RETURN_IF_ERROR(c.Exec(kDeleteLink, {id}).status());
    } else {
      DH_RETURN_IF_ERROR(c.Exec(kCloseLink, {last_day.ToString(), id}).status());
    }
  }
  return Status::Ok();
}

Result<int64_t> InsertEvent(db::Connection& c, const RestructureEvent& e,
                            std::optional<int64_t> created_by, int64_t now) {
  return db::ReadInt(c, kInsertEvent, {e.kind, e.date.ToString(), e.note, OptId(created_by), now});
}

Status InsertSuccession(db::Connection& c, const Succession& s) {
  return c
      .Exec(kInsertSuccession,
            {s.event_id, s.predecessor_id, s.successor_id, static_cast<int64_t>(s.primary ? 1 : 0)})
      .status();
}

Result<std::vector<RestructureEvent>> ListEvents(db::Connection& c) {
  return db::ReadAll<RestructureEvent>(
      c, kSelectEvents, {},
      [](db::RowCursor& row, RestructureEvent& e) { row(e.id, e.kind, e.date, e.note); });
}

Result<std::optional<UnitStanding>> FindUnitStanding(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(std::optional<Unit> unit,
                      db::ReadOne<Unit>(c, kSelectUnit, {id}, UnitFields));
  if (!unit) return std::optional<UnitStanding>();
  UnitStanding out{std::move(*unit), std::nullopt, ""};
  using Successor = std::pair<std::optional<Date>, std::string>;  // restructured on, name
  DH_ASSIGN_OR_RETURN(std::optional<Successor> next,
                      db::ReadOne<Successor>(c, kSelectFirstSuccessor, {id}));
  if (next) std::tie(out.restructured_on, out.successor_name) = std::move(*next);
  return std::optional<UnitStanding>(std::move(out));
}

Result<std::optional<int64_t>> StoredParentOn(db::Connection& c, int64_t unit_id, Date day) {
  DH_ASSIGN_OR_RETURN(std::optional<std::optional<int64_t>> parent,
                      db::ReadOne<std::optional<int64_t>>(
                          c, kSelectParentOn, {unit_id, day.ToString(), day.ToString()}));
  return parent.value_or(std::nullopt);
}

}  // namespace dh::units
