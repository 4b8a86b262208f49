#include "petitions/petition_store.h"

#include <unordered_map>

#include "core/text.h"
#include "db/sql_lists.h"

namespace dh::petitions {
namespace {

using db::OptDate;
using db::OptId;
using db::ReadDate;

constexpr char kInsertPetitionSql[] =
    "INSERT INTO petitions (business_unit_id, title, content, search_folded, category, "
    "publishable, channel, session_id, state, responsible_unit_id, received_on, due_on, "
    "forwarded_from_unit_id, forwarded_on, answer_text, outcome, answered_by, approved_by, "
    "answered_on, satisfied, rating_reason, rated_on, reopen_count, return_reason, return_note, "
    "duplicate_of_id, authority, published, published_on, task_id, filed_by, filed_on, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kUpdatePetitionSql[] =
    "UPDATE petitions SET business_unit_id = ?, title = ?, content = ?, search_folded = ?, "
    "category = ?, publishable = ?, channel = ?, session_id = ?, state = ?, "
    "responsible_unit_id = ?, received_on = ?, due_on = ?, forwarded_from_unit_id = ?, "
    "forwarded_on = ?, answer_text = ?, outcome = ?, answered_by = ?, approved_by = ?, "
    "answered_on = ?, satisfied = ?, rating_reason = ?, rated_on = ?, reopen_count = ?, "
    "return_reason = ?, return_note = ?, duplicate_of_id = ?, authority = ?, published = ?, "
    "published_on = ?, task_id = ?, filed_by = ?, filed_on = ?, created_at = ?, updated_at = ? "
    "WHERE id = ?";
constexpr char kPetitionColumns[] =
    "SELECT id, business_unit_id, title, content, category, publishable, channel, session_id, "
    "state, responsible_unit_id, received_on, due_on, forwarded_from_unit_id, forwarded_on, "
    "answer_text, outcome, answered_by, approved_by, answered_on, satisfied, rating_reason, "
    "rated_on, reopen_count, return_reason, return_note, duplicate_of_id, authority, published, "
    "published_on, task_id, filed_by, filed_on, created_at, updated_at FROM petitions";
const std::string kCoordinatorsOfSql =
    "SELECT petition_id, unit_id FROM petition_coordinators WHERE petition_id IN ";
constexpr char kCoordinatorsInRangeSql[] =
    "SELECT petition_id, unit_id FROM petition_coordinators WHERE petition_id > ? AND "
    "petition_id <= ? ORDER BY petition_id, unit_id";
constexpr char kDeleteCoordinatorsSql[] = "DELETE FROM petition_coordinators WHERE petition_id = ?";
constexpr char kInsertCoordinatorSql[] =
    "INSERT INTO petition_coordinators (petition_id, unit_id) VALUES (?, ?)";
constexpr char kInsertEventSql[] =
    "INSERT INTO petition_events (petition_id, kind, happened_on, note, unit_id, user_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kEventsOfSql[] =
    "SELECT id, petition_id, kind, happened_on, note, unit_id, user_id, created_at "
    "FROM petition_events WHERE petition_id = ? ORDER BY id";
constexpr char kTemplatesForSql[] =
    "SELECT id, category, title, body FROM petition_templates WHERE category = ? OR category = "
    "'other' ORDER BY CASE WHEN category = ? THEN 0 ELSE 1 END, id";
constexpr char kInsertSessionSql[] =
    "INSERT INTO petition_sessions (title, held_on, host_unit_id, place, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kSessionColumns[] =
    "SELECT id, title, held_on, host_unit_id, place, created_by, created_at FROM "
    "petition_sessions";

db::Value OptBool(const std::optional<bool>& b) {
  return b ? db::Value(int64_t{*b ? 1 : 0}) : db::Value();
}

// The bound values of every column but id, in kInsertPetitionSql's order.
db::Params Bind(const Petition& p) {
  return {p.business_unit_id,
          p.title,
          p.content,
          text::FoldForSearch(p.title + " " + p.content),
          p.category,
          int64_t{p.publishable ? 1 : 0},
          p.channel,
          OptId(p.session_id),
          std::string(StateName(p.state)),
          OptId(p.responsible_unit_id),
          OptDate(p.received_on),
          OptDate(p.due_on),
          OptId(p.forwarded_from_unit_id),
          OptDate(p.forwarded_on),
          p.answer_text,
          p.outcome,
          OptId(p.answered_by),
          OptId(p.approved_by),
          OptDate(p.answered_on),
          OptBool(p.satisfied),
          p.rating_reason,
          OptDate(p.rated_on),
          int64_t{p.reopen_count},
          p.return_reason,
          p.return_note,
          OptId(p.duplicate_of_id),
          p.authority,
          int64_t{p.published ? 1 : 0},
          OptDate(p.published_on),
          OptId(p.task_id),
          OptId(p.filed_by ? std::optional(p.filed_by) : std::nullopt),
          p.filed_on.ToString(),
          p.created_at,
          p.updated_at};
}

Petition FromRow(const db::Rows& r, size_t i) {
  Petition p;
  p.id = r.Int(i, 0);
  p.business_unit_id = r.Int(i, 1);
  p.title = r.Text(i, 2);
  p.content = r.Text(i, 3);
  p.category = r.Text(i, 4);
  p.publishable = r.Int(i, 5) != 0;
  p.channel = r.Text(i, 6);
  p.session_id = r.OptInt(i, 7);
  p.state = ParseState(r.Text(i, 8)).value_or(PetitionState::kFiled);
  p.responsible_unit_id = r.OptInt(i, 9);
  p.received_on = ReadDate(r, i, 10);
  p.due_on = ReadDate(r, i, 11);
  p.forwarded_from_unit_id = r.OptInt(i, 12);
  p.forwarded_on = ReadDate(r, i, 13);
  p.answer_text = r.Text(i, 14);
  p.outcome = r.Text(i, 15);
  p.answered_by = r.OptInt(i, 16);
  p.approved_by = r.OptInt(i, 17);
  p.answered_on = ReadDate(r, i, 18);
  if (!r.IsNull(i, 19)) p.satisfied = r.Int(i, 19) != 0;
  p.rating_reason = r.Text(i, 20);
  p.rated_on = ReadDate(r, i, 21);
  p.reopen_count = static_cast<int>(r.Int(i, 22));
  p.return_reason = r.Text(i, 23);
  p.return_note = r.Text(i, 24);
  p.duplicate_of_id = r.OptInt(i, 25);
  p.authority = r.Text(i, 26);
  p.published = r.Int(i, 27) != 0;
  p.published_on = ReadDate(r, i, 28);
  p.task_id = r.OptInt(i, 29);
  p.filed_by = r.Int(i, 30);
  p.filed_on = ReadDate(r, i, 31).value_or(Date());
  p.created_at = r.Int(i, 32);
  p.updated_at = r.Int(i, 33);
  return p;
}

Status WriteCoordinators(db::Connection& c, const Petition& p) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteCoordinatorsSql, {p.id}).status());
  for (int64_t u : p.coordinating_unit_ids)
    DH_RETURN_IF_ERROR(c.Exec(kInsertCoordinatorSql, {p.id, u}).status());
  return Status::Ok();
}

Status AttachCoordinators(db::Connection& c, std::vector<Petition>& list) {
  if (list.empty()) return Status::Ok();
  std::unordered_map<int64_t, Petition*> by_id;
  db::Params ids;
  for (auto& p : list) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  DH_ASSIGN_OR_RETURN(
      db::Rows r, c.Query(kCoordinatorsOfSql + db::InList(ids.size()) + " ORDER BY unit_id", ids));
  for (size_t i = 0; i < r.size(); ++i)
    by_id[r.Int(i, 0)]->coordinating_unit_ids.push_back(r.Int(i, 1));
  return Status::Ok();
}

DialogueSession SessionFromRow(const db::Rows& r, size_t i) {
  return {r.Int(i, 0), r.Text(i, 1), ReadDate(r, i, 2).value_or(Date()), r.Int(i, 3), r.Text(i, 4),
          r.Int(i, 5), r.Int(i, 6)};
}

}  // namespace

Result<int64_t> InsertPetition(db::Connection& c, const Petition& p) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertPetitionSql, Bind(p)));
  Petition with_id = p;
  with_id.id = r.Int(0, 0);
  DH_RETURN_IF_ERROR(WriteCoordinators(c, with_id));
  return with_id.id;
}

Status UpdatePetition(db::Connection& c, const Petition& p) {
  db::Params params = Bind(p);
  params.push_back(p.id);
  DH_RETURN_IF_ERROR(c.Exec(kUpdatePetitionSql, params).status());
  return WriteCoordinators(c, p);
}

Result<std::optional<Petition>> FindPetition(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(auto list, FindPetitions(c, {id}));
  if (list.empty()) return std::optional<Petition>();
  return std::optional<Petition>(std::move(list.front()));
}

Result<std::vector<Petition>> FindPetitions(db::Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<Petition>{};
  std::string sql = std::string(kPetitionColumns) + " WHERE id IN ";
  db::Params params;
  db::AppendInList(ids, sql, params);
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
  std::vector<Petition> found = db::ReadRows(r, FromRow);
  DH_RETURN_IF_ERROR(AttachCoordinators(c, found));
  std::unordered_map<int64_t, Petition*> by_id;
  for (auto& p : found) by_id[p.id] = &p;
  std::vector<Petition> out;
  out.reserve(found.size());
  for (int64_t id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(*it->second);
  return out;
}

Status ForEachPetition(db::Connection& c, const std::function<void(Petition&&)>& visit) {
  constexpr int64_t kBatch = 20000;
  int64_t after = 0;
  for (;;) {
    DH_ASSIGN_OR_RETURN(db::Rows r,
                        c.Query(std::string(kPetitionColumns) + " WHERE id > ? ORDER BY id LIMIT ?",
                                {after, kBatch}));
    std::vector<Petition> batch = db::ReadRows(r, FromRow);
    if (!batch.empty()) {
      DH_ASSIGN_OR_RETURN(db::Rows co, c.Query(kCoordinatorsInRangeSql, {after, batch.back().id}));
      size_t j = 0;
      for (auto& p : batch) {
        while (j < co.size() && co.Int(j, 0) < p.id) ++j;
        while (j < co.size() && co.Int(j, 0) == p.id)
          p.coordinating_unit_ids.push_back(co.Int(j++, 1));
      }
      after = batch.back().id;
    }
    for (auto& p : batch) visit(std::move(p));
    if (static_cast<int64_t>(r.size()) < kBatch) return Status::Ok();
  }
}

Result<int64_t> InsertPetitionEvent(db::Connection& c, const PetitionEventRecord& e) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertEventSql,
              {e.petition_id, e.kind, e.happened_on.ToString(), e.note, OptId(e.unit_id),
               OptId(e.user_id ? std::optional(e.user_id) : std::nullopt), e.created_at}));
  return r.Int(0, 0);
}

Result<std::vector<PetitionEventRecord>> EventsOf(db::Connection& c, int64_t petition_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kEventsOfSql, {petition_id}));
  return db::ReadRows(r, [](const db::Rows& r, size_t i) {
    return PetitionEventRecord{
        r.Int(i, 0),  r.Int(i, 1),    r.Text(i, 2), ReadDate(r, i, 3).value_or(Date()),
        r.Text(i, 4), r.OptInt(i, 5), r.Int(i, 6),  r.Int(i, 7)};
  });
}

Result<std::vector<AnswerTemplate>> TemplatesFor(db::Connection& c, const std::string& category) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kTemplatesForSql, {category, category}));
  return db::ReadRows(r, [](const db::Rows& r, size_t i) {
    return AnswerTemplate{r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3)};
  });
}

Result<int64_t> InsertSession(db::Connection& c, const DialogueSession& s) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertSessionSql,
              {s.title, s.held_on.ToString(), s.host_unit_id, s.place,
               OptId(s.created_by ? std::optional(s.created_by) : std::nullopt), s.created_at}));
  return r.Int(0, 0);
}

Result<std::optional<DialogueSession>> FindSession(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kSessionColumns) + " WHERE id = ?", {id}));
  if (r.empty()) return std::optional<DialogueSession>();
  return std::optional(SessionFromRow(r, 0));
}

Result<std::vector<DialogueSession>> ListSessions(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(std::string(kSessionColumns) + " ORDER BY held_on DESC, id DESC"));
  return db::ReadRows(r, SessionFromRow);
}

}  // namespace dh::petitions
