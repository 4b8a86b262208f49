#include "units/unit_store.h"

#include "core/text.h"
#include "db/sql_lists.h"

namespace dh::units {
namespace {

constexpr const char* kAuditHead = "SELECT seq FROM audit_head WHERE id = 1";
constexpr const char* kSelectUnits =
    "SELECT id, code, name, kind, valid_from, valid_to FROM units ORDER BY id";
constexpr const char* kSelectLinks =
    "SELECT id, unit_id, parent_id, valid_from, valid_to FROM unit_parents ORDER BY id";
constexpr const char* kSelectSuccessions =
    "SELECT s.event_id, s.predecessor_id, s.successor_id, s.is_primary, e.event_date, e.kind "
    "FROM unit_successions s JOIN restructure_events e ON e.id = s.event_id "
    "ORDER BY s.event_id, s.predecessor_id, s.successor_id";
constexpr const char* kInsertUnit =
    "INSERT INTO units (code, name, name_folded, kind, valid_from, valid_to, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertLink =
    "INSERT INTO unit_parents (unit_id, parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?)";
constexpr const char* kUpdateUnit =
    "UPDATE units SET name = ?, name_folded = ?, kind = ?, valid_to = ? WHERE id = ?";
constexpr const char* kOpenLinks =
    "SELECT id, valid_from FROM unit_parents WHERE unit_id = ? AND (valid_to IS NULL OR valid_to "
    ">= ?)";
constexpr const char* kCloseLink = "UPDATE unit_parents SET valid_to = ? WHERE id = ?";
constexpr const char* kDeleteLink = "DELETE FROM unit_parents WHERE id = ?";
constexpr const char* kInsertEvent =
    "INSERT INTO restructure_events (kind, event_date, note, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertSuccession =
    "INSERT INTO unit_successions (event_id, predecessor_id, successor_id, is_primary) "
    "VALUES (?, ?, ?, ?)";
constexpr const char* kSelectEvents =
    "SELECT id, kind, event_date, note FROM restructure_events ORDER BY event_date DESC, id DESC";
constexpr const char* kSelectUnit =
    "SELECT id, code, name, kind, valid_from, valid_to FROM units WHERE id = ?";
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
using db::ReadDate;

}  // namespace

Result<int64_t> AuditHead(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows head, c.Query(kAuditHead));
  return head.empty() ? int64_t{0} : head.Int(0, 0);
}

Result<std::shared_ptr<const UnitGraph>> LoadGraph(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows ur, c.Query(kSelectUnits));
  std::vector<Unit> units;
  units.reserve(ur.size());
  for (size_t i = 0; i < ur.size(); ++i)
    units.push_back({ur.Int(i, 0), ur.Text(i, 1), ur.Text(i, 2), ur.Text(i, 3),
                     ReadDate(ur, i, 4).value_or(Date()), ReadDate(ur, i, 5)});
  DH_ASSIGN_OR_RETURN(db::Rows lr, c.Query(kSelectLinks));
  std::vector<ParentLink> links;
  links.reserve(lr.size());
  for (size_t i = 0; i < lr.size(); ++i)
    links.push_back({lr.Int(i, 0), lr.Int(i, 1), lr.OptInt(i, 2),
                     ReadDate(lr, i, 3).value_or(Date()), ReadDate(lr, i, 4)});
  DH_ASSIGN_OR_RETURN(db::Rows sr, c.Query(kSelectSuccessions));
  std::vector<Succession> successions;
  for (size_t i = 0; i < sr.size(); ++i)
    successions.push_back({sr.Int(i, 0), sr.Int(i, 1), sr.Int(i, 2), sr.Int(i, 3) != 0,
                           ReadDate(sr, i, 4).value_or(Date()), sr.Text(i, 5)});
  return std::make_shared<const UnitGraph>(std::move(units), std::move(links),
                                           std::move(successions));
}

Result<int64_t> InsertUnit(db::Connection& c, const Unit& u, std::optional<int64_t> parent_id,
                           int64_t now) {
  auto rows = c.Query(kInsertUnit, {u.code, u.name, text::FoldForSearch(u.name), u.kind,
                                    u.valid_from.ToString(), OptDate(u.valid_to), now});
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kUniqueViolation)
      return Status::UniqueViolation("code",
                                     "Mã đơn vị " + u.code + " đã được dùng; chọn mã khác.");
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
  DH_ASSIGN_OR_RETURN(db::Rows open, c.Query(kOpenLinks, {unit_id, last_day.ToString()}));
  for (size_t i = 0; i < open.size(); ++i) {
    const auto from = Date::Parse(open.Text(i, 1));
    // A link that would start after it ends never held: drop it.
    if (from && *from > last_day) {
      DH_RETURN_IF_ERROR(c.Exec(kDeleteLink, {open.Int(i, 0)}).status());
    } else {
      DH_RETURN_IF_ERROR(c.Exec(kCloseLink, {last_day.ToString(), open.Int(i, 0)}).status());
    }
  }
  return Status::Ok();
}

Result<int64_t> InsertEvent(db::Connection& c, const RestructureEvent& e,
                            std::optional<int64_t> created_by, int64_t now) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertEvent, {e.kind, e.date.ToString(), e.note,
                                                         OptId(created_by), now}));
  return r.Int(0, 0);
}

Status InsertSuccession(db::Connection& c, const Succession& s) {
  return c
      .Exec(kInsertSuccession,
            {s.event_id, s.predecessor_id, s.successor_id, static_cast<int64_t>(s.primary ? 1 : 0)})
      .status();
}

Result<std::vector<RestructureEvent>> ListEvents(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectEvents));
  std::vector<RestructureEvent> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.Int(i, 0), r.Text(i, 1), ReadDate(r, i, 2).value_or(Date()), r.Text(i, 3)});
  return out;
}

Result<std::optional<UnitStanding>> FindUnitStanding(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows u, c.Query(kSelectUnit, {id}));
  if (u.empty()) return std::optional<UnitStanding>();
  UnitStanding out{{u.Int(0, 0), u.Text(0, 1), u.Text(0, 2), u.Text(0, 3),
                    ReadDate(u, 0, 4).value_or(Date()), ReadDate(u, 0, 5)},
                   std::nullopt,
                   ""};
  DH_ASSIGN_OR_RETURN(db::Rows s, c.Query(kSelectFirstSuccessor, {id}));
  if (!s.empty()) {
    out.restructured_on = ReadDate(s, 0, 0);
    out.successor_name = s.Text(0, 1);
  }
  return std::optional<UnitStanding>(std::move(out));
}

Result<std::optional<int64_t>> StoredParentOn(db::Connection& c, int64_t unit_id, Date day) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kSelectParentOn, {unit_id, day.ToString(), day.ToString()}));
  if (r.empty()) return std::optional<int64_t>();
  return r.OptInt(0, 0);
}

}  // namespace dh::units
