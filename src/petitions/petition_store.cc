#include "petitions/petition_store.h"

#include <unordered_map>

#include "core/text.h"
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::petitions {
namespace {

using db::OptDate;
using db::OptId;

// The columns INSERT and UPDATE write, in the order of their parameters.
constexpr db::Table kPetitions{
    "petitions",
    "business_unit_id, title, content, category, publishable, channel, session_id, state, "
    "responsible_unit_id, received_on, due_on, forwarded_from_unit_id, forwarded_on, answer_text, "
    "outcome, answered_by, approved_by, answered_on, satisfied, rating_reason, rated_on, "
    "reopen_count, return_reason, return_note, duplicate_of_id, authority, published, "
    "published_on, task_id, filed_by, filed_on, created_at, updated_at",
    "search_folded"};
const std::string kInsertPetitionSql = kPetitions.Insert();
const std::string kUpdatePetitionSql = kPetitions.Update(kPetitions.Written());
const std::string kPetitionColumns = kPetitions.Select();
const std::string kCoordinatorsOfSql =
    "SELECT petition_id, unit_id FROM petition_coordinators WHERE petition_id IN ";
constexpr char kCoordinatorsInRangeSql[] =
    "SELECT petition_id, unit_id FROM petition_coordinators WHERE petition_id > ? AND "
    "petition_id <= ? ORDER BY petition_id, unit_id";
constexpr char kDeleteCoordinatorsSql[] = "DELETE FROM petition_coordinators WHERE petition_id = ?";
const std::string kInsertCoordinatorSql =
    db::InsertSql("petition_coordinators", "petition_id, unit_id");
constexpr db::Table kEvents{"petition_events",
                            "petition_id, kind, happened_on, note, unit_id, user_id, created_at"};
const std::string kInsertEventSql = kEvents.Insert();
const std::string kEventsOfSql = kEvents.Select("WHERE petition_id = ? ORDER BY id");
constexpr char kTemplatesForSql[] =
    "SELECT id, category, title, body FROM petition_templates WHERE category = ? OR category = "
    "'other' ORDER BY CASE WHEN category = ? THEN 0 ELSE 1 END, id";
constexpr db::Table kSessions{"petition_sessions",
                              "title, held_on, host_unit_id, place, created_by, created_at"};
const std::string kInsertSessionSql = kSessions.Insert();
const std::string kSessionColumns = kSessions.Select();

db::Value OptBool(const std::optional<bool>& b) {
  return b ? db::Value(int64_t{*b ? 1 : 0}) : db::Value();
}

// The bound values of every column but id, in kPetitions.Written() order.
db::Params Bind(const Petition& p) {
  return {p.business_unit_id,
          p.title,
          p.content,
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
          p.updated_at,
          text::FoldForSearch(p.title + " " + p.content)};
}

void Fields(db::RowCursor& row, Petition& p) {
  row(p.id, p.business_unit_id, p.title, p.content, p.category, p.publishable, p.channel,
      p.session_id, db::As(p.state, ParseState, PetitionState::kFiled), p.responsible_unit_id,
      p.received_on, p.due_on, p.forwarded_from_unit_id, p.forwarded_on, p.answer_text, p.outcome,
      p.answered_by, p.approved_by, p.answered_on, p.satisfied, p.rating_reason, p.rated_on,
      p.reopen_count, p.return_reason, p.return_note, p.duplicate_of_id, p.authority, p.published,
      p.published_on, p.task_id, p.filed_by, p.filed_on, p.created_at, p.updated_at);
}

void AddCoordinator(Petition& p, int64_t unit) { p.coordinating_unit_ids.push_back(unit); }

Status WriteCoordinators(db::Connection& c, const Petition& p) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteCoordinatorsSql, {p.id}).status());
  for (int64_t u : p.coordinating_unit_ids)
    DH_RETURN_IF_ERROR(c.Exec(kInsertCoordinatorSql, {p.id, u}).status());
  return Status::Ok();
}

Status AttachCoordinators(db::Connection& c, std::vector<Petition>& list) {
  return db::AttachChildrenIn<int64_t>(c, kCoordinatorsOfSql, " ORDER BY unit_id", list,
                                       AddCoordinator);
}

void SessionFields(db::RowCursor& row, DialogueSession& s) {
  row(s.id, s.title, s.held_on, s.host_unit_id, s.place, s.created_by, s.created_at);
}

}  // namespace

Result<int64_t> InsertPetition(db::Connection& c, const Petition& p) {
  Petition with_id = p;
  DH_ASSIGN_OR_RETURN(with_id.id, db::ReadInt(c, kInsertPetitionSql, Bind(p)));
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
  return db::First(FindPetitions(c, {id}));
}

Result<std::vector<Petition>> FindPetitions(db::Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<Petition>{};
  std::string sql = std::string(kPetitionColumns) + " WHERE id IN ";
  db::Params params;
  db::AppendInList(ids, sql, params);
  DH_ASSIGN_OR_RETURN(std::vector<Petition> found, db::ReadAll<Petition>(c, sql, params, Fields));
  DH_RETURN_IF_ERROR(AttachCoordinators(c, found));
  return db::InOrderOf(ids, std::move(found));
}

Status ForEachPetition(db::Connection& c, const std::function<void(Petition&&)>& visit) {
  return db::ForEachById<Petition, int64_t>(c, kPetitionColumns, Fields, kCoordinatorsInRangeSql,
                                            AddCoordinator, visit);
}

Result<int64_t> InsertPetitionEvent(db::Connection& c, const PetitionEventRecord& e) {
  return db::ReadInt(c, kInsertEventSql,
                     {e.petition_id, e.kind, e.happened_on.ToString(), e.note, OptId(e.unit_id),
                      OptId(e.user_id ? std::optional(e.user_id) : std::nullopt), e.created_at});
}

Result<std::vector<PetitionEventRecord>> EventsOf(db::Connection& c, int64_t petition_id) {
  return db::ReadAll<PetitionEventRecord>(
      c, kEventsOfSql, {petition_id}, [](db::RowCursor& row, PetitionEventRecord& e) {
        row(e.id, e.petition_id, e.kind, e.happened_on, e.note, e.unit_id, e.user_id, e.created_at);
      });
}

Result<std::vector<AnswerTemplate>> TemplatesFor(db::Connection& c, const std::string& category) {
  return db::ReadAll<AnswerTemplate>(
      c, kTemplatesForSql, {category, category},
      [](db::RowCursor& row, AnswerTemplate& t) { row(t.id, t.category, t.title, t.body); });
}

Result<int64_t> InsertSession(db::Connection& c, const DialogueSession& s) {
  return db::ReadInt(
      c, kInsertSessionSql,
      {s.title, s.held_on.ToString(), s.host_unit_id, s.place,
       OptId(s.created_by ? std::optional(s.created_by) : std::nullopt), s.created_at});
}

Result<std::optional<DialogueSession>> FindSession(db::Connection& c, int64_t id) {
  return db::ReadOne<DialogueSession>(c, std::string(kSessionColumns) + " WHERE id = ?", {id},
                                      SessionFields);
}

Result<std::vector<DialogueSession>> ListSessions(db::Connection& c) {
  return db::ReadAll<DialogueSession>(
      c, std::string(kSessionColumns) + " ORDER BY held_on DESC, id DESC", {}, SessionFields);
}

}  // namespace dh::petitions
