#include "notifications/notification_store.h"

#include <algorithm>
#include <map>

#include "db/sql_lists.h"
#include "http/principal.h"

namespace dh::notifications {
namespace {

#define DH_NOTIFICATION_FIELDS                                                            \
  "id, user_id, kind, task_id, title, body, dedup_key, created_at, read_at, emailed_at, " \
  "item_kind, item_id, resolved_at"
constexpr const char* kColumns = "SELECT " DH_NOTIFICATION_FIELDS " FROM notifications";
constexpr const char* kUsersOfUnit =
    "SELECT r.user_id, r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.unit_id "
    "= ? AND u.active = 1 ORDER BY r.user_id";
constexpr const char* kRefsOfUser =
    "SELECT id, item_kind, item_id, read_at, resolved_at FROM notifications WHERE user_id = ? "
    "ORDER BY id DESC";
constexpr const char* kHasKey = "SELECT 1 FROM notifications WHERE dedup_key = ?";
constexpr const char* kInsert =
    "INSERT INTO notifications (user_id, kind, item_kind, item_id, title, body, dedup_key, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kResolve =
    "UPDATE notifications SET resolved_at = ? WHERE item_kind = ? AND item_id = ? AND kind = ? "
    "AND resolved_at IS NULL";
// The written keys are "<key>/u<user>": those that begin with "<key>/u".
constexpr const char* kResolveKeys =
    "UPDATE notifications SET resolved_at = ? WHERE item_kind = ? AND item_id = ? "
    "AND substr(dedup_key, 1, CAST(? AS INTEGER)) = ? AND resolved_at IS NULL";
constexpr const char* kCount = "SELECT COUNT(*) FROM notifications";
// Conditions and orders that follow kColumns or kCount.
constexpr const char* kOfUser = " WHERE user_id = ?";
constexpr const char* kUnreadOfUser = " WHERE user_id = ? AND read_at IS NULL";
constexpr const char* kNewestFirstPage = " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr const char* kUnsentOldestFirst = " WHERE emailed_at IS NULL ORDER BY id LIMIT ?";
constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL";
constexpr const char* kMarkEmailed = "UPDATE notifications SET emailed_at = ? WHERE id = ?";
constexpr const char* kActiveRoleHolders =
    "SELECT r.user_id, r.role, r.unit_id FROM user_roles r JOIN users u ON u.id = r.user_id "
    "WHERE u.active = 1 ORDER BY r.user_id, r.id";
// A notice resolved before it was e-mailed is not sent: nothing waits on its reader.
constexpr const char* kToEmail =
    "SELECT " DH_NOTIFICATION_FIELDS
    " FROM notifications WHERE emailed_at IS NULL "
    "AND created_at >= ? AND email_attempts < ? AND resolved_at IS NULL AND user_id IN "
    "(SELECT id FROM users WHERE active = 1 AND email <> '') ORDER BY user_id, id LIMIT ?";
// These end where an IN list of bound parameters goes (InList).
constexpr const char* kWhereIdIn = " WHERE id IN ";
constexpr const char* kExistingKeysIn = "SELECT dedup_key FROM notifications WHERE dedup_key IN ";
constexpr const char* kContactsIn =
    "SELECT id, username, full_name, email FROM users WHERE active = 1 AND email <> '' AND id IN ";
constexpr const char* kMarkEmailedIn = "UPDATE notifications SET emailed_at = ? WHERE id IN ";
constexpr const char* kCountAttemptIn =
    "UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id IN ";
constexpr const char* kDigestedOn = "SELECT user_id FROM notification_digests WHERE day = ?";
constexpr const char* kRecordDigest =
    "INSERT INTO notification_digests (user_id, day, items, sent_at) VALUES (?, ?, ?, ?)";
constexpr const char* kLease = "SELECT holder, expires_at FROM job_leases WHERE name = ?";
constexpr const char* kInsertLease =
    "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?)";
constexpr const char* kTakeLease =
    "UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ?";
constexpr const char* kReleaseLease =
    "UPDATE job_leases SET expires_at = 0 WHERE name = ? AND holder = ?";

constexpr size_t kBatch = 500;  // bound parameters per IN list

using db::InList;

// Runs `sql` + an IN list over `values` in batches; `sql` ends where the list goes.
template <typename T, typename Visit>
Status ForBatches(db::Connection& c, const std::string& sql, const std::vector<T>& values,
                  Visit visit) {
  for (size_t from = 0; from < values.size(); from += kBatch) {
    const size_t n = std::min(kBatch, values.size() - from);
    db::Params params(values.begin() + from, values.begin() + from + n);
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql + InList(n), params));
    visit(r);
  }
  return Status::Ok();
}

ItemRef RefAt(const db::Rows& r, size_t i, size_t col) {
  if (r.IsNull(i, col)) return {};
  return {r.Text(i, col), r.OptInt(i, col + 1).value_or(0)};
}

Notification FromRow(const db::Rows& r, size_t i) {
  Notification n{r.Int(i, 0),    r.Int(i, 1),    r.Text(i, 2),    std::nullopt,
                 r.Text(i, 4),   r.Text(i, 5),   r.Text(i, 6),    r.Int(i, 7),
                 r.OptInt(i, 8), r.OptInt(i, 9), RefAt(r, i, 10), r.OptInt(i, 12)};
  if (n.item.kind == kTaskItem) n.task_id = n.item.id;
  return n;
}

}  // namespace

Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, std::optional<int64_t> task_id,
                       const std::string& title, const std::string& body,
                       const std::string& dedup_key, int64_t now) {
  return Notify(c, user_ids, kind, task_id ? TaskItem(*task_id) : ItemRef{}, title, body, dedup_key,
                now);
}

Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, const ItemRef& item, const std::string& title,
                       const std::string& body, const std::string& dedup_key, int64_t now) {
  const db::Value item_kind = item.empty() ? db::Value() : db::Value(item.kind);
  const db::Value item_id = item.empty() ? db::Value() : db::Value(item.id);
  int64_t n = 0;
  std::unordered_set<int64_t> seen;
  for (int64_t u : user_ids) {
    if (!seen.insert(u).second) continue;
    const std::string key = dedup_key + "/u" + std::to_string(u);
    DH_ASSIGN_OR_RETURN(db::Rows have, c.Query(kHasKey, {key}));
    if (!have.empty()) continue;
    DH_RETURN_IF_ERROR(
        c.Exec(kInsert, {u, kind, item_kind, item_id, title, body, key, now}).status());
    ++n;
  }
  return n;
}

Result<int64_t> Resolve(db::Connection& c, const ItemRef& item, const std::string& kind,
                        int64_t now) {
  return c.Exec(kResolve, {now, item.kind, item.id, kind});
}

Result<int64_t> ResolveKey(db::Connection& c, const ItemRef& item, const std::string& dedup_key,
                           int64_t now) {
  const std::string prefix = dedup_key + "/u";  // ASCII: characters are bytes
  return c.Exec(kResolveKeys,
                {now, item.kind, item.id, static_cast<int64_t>(prefix.size()), prefix});
}

Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id) {
  return UsersOfUnit(c, unit_id, auth::Permission::kTasksRead);
}

Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id,
                                         auth::Permission reads) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kUsersOfUnit, {unit_id}));
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) {
    // A role that does not read the feature's items (a business for tasks) is not told.
    const auto role = auth::ParseRole(r.Text(i, 1));
    if (!role || !auth::RoleGrants(*role, reads)) continue;
    if (out.empty() || out.back() != r.Int(i, 0)) out.push_back(r.Int(i, 0));
  }
  return out;
}

Result<std::vector<Notification>> ForUser(db::Connection& c, int64_t user_id, bool unread_only,
                                          int64_t limit, int64_t offset, int64_t* total) {
  const char* where = unread_only ? kUnreadOfUser : kOfUser;
  DH_ASSIGN_OR_RETURN(db::Rows r, db::CountAndPage(c, {kCount, kColumns, kNewestFirstPage}, where,
                                                   {user_id}, limit, offset, total));
  return db::ReadRows(r, FromRow);
}

Result<std::vector<Notification>> SeenByUser(db::Connection& c, int64_t user_id,
                                             const SeenItemsFn& seen, const UserPage& page,
                                             int64_t* total, int64_t* unread) {
  DH_ASSIGN_OR_RETURN(db::Rows refs, c.Query(kRefsOfUser, {user_id}));
  std::map<std::string, std::vector<int64_t>> ids_of;  // by kind of item
  for (size_t i = 0; i < refs.size(); ++i)
    if (!refs.IsNull(i, 1)) ids_of[refs.Text(i, 1)].push_back(refs.Int(i, 2));
  std::map<std::string, std::unordered_set<int64_t>> shown;
  for (auto& [kind, ids] : ids_of) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    shown[kind] = seen(kind, ids);
  }
  std::vector<int64_t> ids;
  *total = *unread = 0;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (!refs.IsNull(i, 1) && !shown[refs.Text(i, 1)].count(refs.Int(i, 2))) continue;
    const bool read = !refs.IsNull(i, 3), resolved = !refs.IsNull(i, 4);
    if (resolved && !page.with_resolved) continue;
    *unread += read || resolved ? 0 : 1;
    if (page.unread_only && read) continue;
    if ((*total)++ >= page.offset && static_cast<int64_t>(ids.size()) < page.limit)
      ids.push_back(refs.Int(i, 0));
  }
  std::vector<Notification> out;
  DH_RETURN_IF_ERROR(ForBatches(c, std::string(kColumns) + kWhereIdIn, ids, [&](const db::Rows& r) {
    for (size_t i = 0; i < r.size(); ++i) out.push_back(FromRow(r, i));
  }));
  std::sort(out.begin(), out.end(),
            [](const Notification& x, const Notification& y) { return x.id > y.id; });
  return out;
}

Result<int64_t> MarkRead(db::Connection& c, int64_t user_id, int64_t id, int64_t now) {
  return c.Exec(kMarkRead, {now, id, user_id});
}

Result<std::vector<Notification>> Unsent(db::Connection& c, int64_t limit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kColumns) + kUnsentOldestFirst, {limit}));
  return db::ReadRows(r, FromRow);
}

Status MarkEmailed(db::Connection& c, int64_t id, int64_t now) {
  return c.Exec(kMarkEmailed, {now, id}).status();
}

Result<std::unordered_set<std::string>> ExistingKeys(db::Connection& c,
                                                     const std::vector<std::string>& keys) {
  std::unordered_set<std::string> out;
  DH_RETURN_IF_ERROR(ForBatches(c, kExistingKeysIn, keys, [&](const db::Rows& r) {
    for (size_t i = 0; i < r.size(); ++i) out.insert(r.Text(i, 0));
  }));
  return out;
}

Result<std::vector<RoleHolder>> ActiveRoleHolders(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kActiveRoleHolders));
  std::vector<RoleHolder> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.Int(i, 0), r.Text(i, 1), r.OptInt(i, 2)});
  return out;
}

Result<std::unordered_map<int64_t, Contact>> Contacts(db::Connection& c,
                                                      const std::vector<int64_t>& user_ids) {
  std::unordered_map<int64_t, Contact> out;
  DH_RETURN_IF_ERROR(ForBatches(c, kContactsIn, user_ids, [&](const db::Rows& r) {
    for (size_t i = 0; i < r.size(); ++i)
      out[r.Int(i, 0)] = {r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3)};
  }));
  return out;
}

Result<std::vector<Notification>> ToEmail(db::Connection& c, int64_t since, int max_attempts,
                                          int64_t limit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kToEmail, {since, int64_t{max_attempts}, limit}));
  return db::ReadRows(r, FromRow);
}

Status MarkEmailed(db::Connection& c, const std::vector<int64_t>& ids, int64_t now) {
  for (size_t from = 0; from < ids.size(); from += kBatch) {
    const size_t n = std::min(kBatch, ids.size() - from);
    db::Params params{now};
    params.insert(params.end(), ids.begin() + from, ids.begin() + from + n);
    DH_RETURN_IF_ERROR(c.Exec(kMarkEmailedIn + InList(n), params).status());
  }
  return Status::Ok();
}

Status CountEmailAttempt(db::Connection& c, const std::vector<int64_t>& ids) {
  for (size_t from = 0; from < ids.size(); from += kBatch) {
    const size_t n = std::min(kBatch, ids.size() - from);
    db::Params params(ids.begin() + from, ids.begin() + from + n);
    DH_RETURN_IF_ERROR(c.Exec(kCountAttemptIn + InList(n), params).status());
  }
  return Status::Ok();
}

Result<std::unordered_set<int64_t>> DigestedOn(db::Connection& c, Date day) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kDigestedOn, {day.ToString()}));
  std::unordered_set<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.insert(r.Int(i, 0));
  return out;
}

Status RecordDigest(db::Connection& c, int64_t user_id, Date day, int64_t items, int64_t now) {
  return c.Exec(kRecordDigest, {user_id, day.ToString(), items, now}).status();
}

Result<bool> AcquireLease(db::Connection& c, const std::string& name, const std::string& holder,
                          int64_t now, int64_t ttl_seconds) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kLease, {name}));
  if (r.empty()) {
    DH_RETURN_IF_ERROR(c.Exec(kInsertLease, {name, holder, now + ttl_seconds}).status());
    return true;
  }
  if (r.Text(0, 0) != holder && r.Int(0, 1) > now) return false;
  DH_RETURN_IF_ERROR(c.Exec(kTakeLease, {holder, now + ttl_seconds, name}).status());
  return true;
}

Status ReleaseLease(db::Connection& c, const std::string& name, const std::string& holder) {
  return c.Exec(kReleaseLease, {name, holder}).status();
}

}  // namespace dh::notifications
