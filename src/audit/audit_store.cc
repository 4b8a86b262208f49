#include "audit/audit_store.h"

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::audit {
namespace {

// The columns a row is written with (and read back in this order).
constexpr const char* kAuditFields =
    "seq, at, user_id, username, action, entity, entity_id, unit_id, before_json, after_json, "
    "prev_hash, hash";
const std::string kSelect = db::SelectSql("audit_log", kAuditFields);
constexpr const char* kBatchAfter = " WHERE seq > ? ORDER BY seq LIMIT ?";
// The list: a count and a page over one WHERE built from these parts.
const std::string kCount = db::CountSql("audit_log");
constexpr const char* kWhereAll = " WHERE 1=1";
constexpr const char* kWhereEntity = " AND entity = ?";
constexpr const char* kWhereEntityId = " AND entity_id = ?";
constexpr const char* kWhereUser = " AND user_id = ?";
constexpr const char* kWhereFrom = " AND at >= ?";
constexpr const char* kWhereTo = " AND at < ?";
constexpr const char* kWhereUnitIn = " AND unit_id IN ";
constexpr const char* kPage = " ORDER BY seq DESC LIMIT ? OFFSET ?";
constexpr const char* kHeadSqlite = "SELECT seq, hash FROM audit_head WHERE id = 1";
constexpr const char* kHeadPg = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
const std::string kInsert = db::InsertSql("audit_log", kAuditFields);
constexpr const char* kSetHead = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";

void Fields(db::RowCursor& row, AuditEntry& e) {
  row(e.seq, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.unit_id, e.before_json,
      e.after_json, e.prev_hash, e.hash);
}

using HeadRow = std::pair<int64_t, std::string>;  // seq, hash

}  // namespace

Result<AuditEntry> Append(db::Connection& c, const NewEntry& n, int64_t now) {
  const bool pg = c.dialect() == db::Dialect::kPostgres;
  DH_ASSIGN_OR_RETURN(std::optional<HeadRow> head,
                      db::ReadOne<HeadRow>(c, pg ? kHeadPg : kHeadSqlite, {}));
  if (!head) return Status::Internal("audit_head row is missing");
  AuditEntry e;
  e.seq = head->first + 1;
  e.prev_hash = head->second;
  e.at = now;
  e.user_id = n.user_id;
  e.username = n.username;
  e.action = n.action;
  e.entity = n.entity;
  e.entity_id = n.entity_id;
  e.unit_id = n.unit_id;
  e.before_json = n.before_json;
  e.after_json = n.after_json;
  e.hash = ComputeHash(e);
  DH_RETURN_IF_ERROR(c.Exec(kInsert, {e.seq, e.at, db::OptId(e.user_id), e.username, e.action,
                                      e.entity, db::OptId(e.entity_id), db::OptId(e.unit_id),
                                      e.before_json, e.after_json, e.prev_hash, e.hash})
                         .status());
  DH_RETURN_IF_ERROR(c.Exec(kSetHead, {e.seq, e.hash}).status());
  return e;
}

namespace {

// The WHERE of a list and its parameters; nullopt when the filter can match nothing.
std::optional<std::string> ListWhere(const AuditFilter& f, db::Params& params) {
  std::string where = kWhereAll;
  if (f.entity) where += kWhereEntity, params.push_back(*f.entity);
  if (f.entity_id) where += kWhereEntityId, params.push_back(*f.entity_id);
  if (f.user_id) where += kWhereUser, params.push_back(*f.user_id);
  if (f.from_at) where += kWhereFrom, params.push_back(*f.from_at);
  if (f.to_at) where += kWhereTo, params.push_back(*f.to_at);
  if (f.units) {
    if (f.units->empty()) return std::nullopt;
    where += kWhereUnitIn;
    db::AppendInList(std::vector<int64_t>(f.units->begin(), f.units->end()), where, params);
  }
  return where;
}

}  // namespace

Result<std::vector<AuditEntry>> List(db::Connection& c, const AuditFilter& f, int64_t* total) {
  db::Params params;
  const std::optional<std::string> where = ListWhere(f, params);
  return db::ReadPage<AuditEntry>(c, {kCount, kSelect, kPage}, where, std::move(params), f.limit,
                                  f.offset, total, Fields);
}

Status ForEach(db::Connection& c, const std::function<bool(const AuditEntry&)>& visit) {
  constexpr int64_t kBatch = 5000;
  int64_t after = -1;
  while (true) {
    DH_ASSIGN_OR_RETURN(
        std::vector<AuditEntry> batch,
        db::ReadAll<AuditEntry>(c, std::string(kSelect) + kBatchAfter, {after, kBatch}, Fields));
    for (const AuditEntry& e : batch) {
      after = e.seq;
      if (!visit(e)) return Status::Ok();
    }
    if (static_cast<int64_t>(batch.size()) < kBatch) return Status::Ok();
  }
}

Status Head(db::Connection& c, int64_t* seq, std::string* hash) {
  DH_ASSIGN_OR_RETURN(std::optional<HeadRow> head, db::ReadOne<HeadRow>(c, kHeadSqlite, {}));
  if (!head) return Status::Internal("audit_head row is missing");
  *seq = head->first;
  *hash = head->second;
  return Status::Ok();
}

}  // namespace dh::audit
