#include "notifications/notification_store.h"

#include <algorithm>
#include <map>

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"
#include "http/principal.h"
#include "notifications/notice_text.h"

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
const std::string kInsertKeyed =
    db::InsertSql("notifications",
                  "user_id, kind, item_kind, item_id, title, body, dedup_key, created_at, "
                  "title_key, body_key, params");
constexpr const char* kResolve =
    "UPDATE notifications SET resolved_at = ? WHERE item_kind = ? AND item_id = ? AND kind = ? "
    "AND resolved_at IS NULL";
// The written keys are "<key>/u<user>": those that begin with "<key>/u".
constexpr const char* kResolveKeys =
    "UPDATE notifications SET resolved_at = ? WHERE item_kind = ? AND item_id = ? "
    "AND substr(dedup_key, 1, CAST(? AS INTEGER)) = ? AND resolved_at IS NULL";
const std::string kCount = db::CountSql("notifications");
// Conditions and orders that follow kColumns or kCount.
constexpr const char* kOfUser = " WHERE user_id = ?";
constexpr const char* kUnreadOfUser = " WHERE user_id = ? AND read_at IS NULL";
constexpr const char* kNewestFirstPage = " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr const char* kUnsentOldestFirst = " WHERE emailed_at IS NULL ORDER BY id LIMIT ?";
constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL";
const std::string kMarkEmailed = db::UpdateSql("notifications", "emailed_at");
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
const std::string kRecordDigest =
    db::InsertSql("notification_digests", "user_id, day, items, sent_at");
constexpr const char* kLease = "SELECT holder, expires_at FROM job_leases WHERE name = ?";
const std::string kInsertLease = db::InsertSql("job_leases", "name, holder, expires_at");
const std::string kTakeLease = db::UpdateSql("job_leases", "holder, expires_at", "name");
constexpr const char* kReleaseLease =
    "UPDATE job_leases SET expires_at = 0 WHERE name = ? AND holder = ?";

constexpr size_t kBatch = 500;  // bound parameters per IN list

using db::InList;

void Fields(db::RowCursor& row, Notification& n) {
  std::optional<std::string> item_kind;
  std::optional<int64_t> item_id;
  row(n.id, n.user_id, n.kind, n.task_id, n.title, n.body, n.dedup_key, n.created_at, n.read_at,
      n.emailed_at, item_kind, item_id, n.resolved_at);
  if (item_kind) n.item = {*item_kind, item_id.value_or(0)};
  // The task is the item's (the task_id column is the older way of saying it).
  n.task_id = n.item.kind == kTaskItem ? std::optional(n.item.id) : std::nullopt;
}

// What SeenByUser sorts out before it reads whole notifications.
struct Ref {
  int64_t id = 0;
  std::optional<std::string> item_kind;
  int64_t item_id = 0;
  std::optional<int64_t> read_at, resolved_at;
};

}  // namespace

namespace {

// One notification per user not already holding `dedup_key`, with the message keys and
// parameters `keyed` it was rendered from.
Result<int64_t> Insert(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, const ItemRef& item, const std::string& title,
                       const std::string& body, const std::vector<db::Value>& keyed,
                       const std::string& dedup_key, int64_t now) {
  const db::Value item_kind = item.empty() ? db::Value() : db::Value(item.kind);
  const db::Value item_id = item.empty() ? db::Value() : db::Value(item.id);
  int64_t n = 0;
  std::unordered_set<int64_t> seen;
  for (int64_t u : user_ids) {
    if (!seen.insert(u).second) continue;
    const std::string key = dedup_key + "/u" + std::to_string(u);
    DH_ASSIGN_OR_RETURN(db::Rows have, c.Query(kHasKey, {key}));
    if (!have.empty()) continue;
    db::Params params{u, kind, item_kind, item_id, title, body, key, now};
    params.insert(params.end(), keyed.begin(), keyed.end());
    DH_RETURN_IF_ERROR(c.Exec(kInsertKeyed, params).status());
    ++n;
  }
  return n;
}

}  // namespace

Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, std::optional<int64_t> task_id,
                       const NoticeText& text, const std::string& dedup_key, int64_t now) {
  return Notify(c, user_ids, kind, task_id ? TaskItem(*task_id) : ItemRef{}, text, dedup_key, now);
}

Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, const ItemRef& item, const NoticeText& text,
                       const std::string& dedup_key, int64_t now) {
  RegisterNoticeTexts({text.title, text.body});
  auto key_of = [](const MessageText* t) {
    return t ? db::Value(std::string(t->key)) : db::Value();
  };
  return Insert(
      c, user_ids, kind, item, text.title ? Render(*text.title, text.args, Lang::kVi) : "",
      text.body ? Render(*text.body, text.args, Lang::kVi) : "",
      {key_of(text.title), key_of(text.body), db::Value(EncodeArgs(text.args))}, dedup_key, now);
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
  using Holder = std::pair<int64_t, std::string>;  // user, role
  DH_ASSIGN_OR_RETURN(std::vector<Holder> holders, db::ReadAll<Holder>(c, kUsersOfUnit, {unit_id}));
  std::vector<int64_t> out;
  for (const auto& [user, name] : holders) {
    // A role that does not read the feature's items (a business for tasks) is not told.
    const auto role = auth::ParseRole(name);
    if (!role || !auth::RoleGrants(*role, reads)) continue;
    if (out.empty() || out.back() != user) out.push_back(user);
  }
  return out;
}

Result<std::vector<Notification>> ForUser(db::Connection& c, int64_t user_id, bool unread_only,
                                          int64_t limit, int64_t offset, int64_t* total) {
  const char* where = unread_only ? kUnreadOfUser : kOfUser;
  return db::ReadPage<Notification>(c, {kCount, kColumns, kNewestFirstPage}, where, {user_id},
                                    limit, offset, total, Fields);
}

Result<std::vector<Notification>> SeenByUser(db::Connection& c, int64_t user_id,
                                             const SeenItemsFn& seen, const UserPage& page,
                                             int64_t* total, int64_t* unread) {
  DH_ASSIGN_OR_RETURN(std::vector<Ref> refs,
                      db::ReadAll<Ref>(c, kRefsOfUser, {user_id}, [](db::RowCursor& row, Ref& r) {
                        row(r.id, r.item_kind, r.item_id, r.read_at, r.resolved_at);
                      }));
  std::map<std::string, std::vector<int64_t>> ids_of;  // by kind of item
  for (const Ref& r : refs)
    if (r.item_kind) ids_of[*r.item_kind].push_back(r.item_id);
  std::map<std::string, std::unordered_set<int64_t>> shown;
  for (auto& [kind, ids] : ids_of) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    shown[kind] = seen(kind, ids);
  }
  std::vector<int64_t> ids;
  *total = *unread = 0;
  for (const Ref& r : refs) {
    if (r.item_kind && !shown[*r.item_kind].count(r.item_id)) continue;
    const bool read = r.read_at.has_value(), resolved = r.resolved_at.has_value();
    if (resolved && !page.with_resolved) continue;
    *unread += read || resolved ? 0 : 1;
    if (page.unread_only && read) continue;
    if ((*total)++ >= page.offset && static_cast<int64_t>(ids.size()) < page.limit)
      ids.push_back(r.id);
  }
  DH_ASSIGN_OR_RETURN(
      std::vector<Notification> out,
      db::ReadAllIn<Notification>(c, std::string(kColumns) + kWhereIdIn, ids, Fields));
  std::sort(out.begin(), out.end(),
            [](const Notification& x, const Notification& y) { return x.id > y.id; });
  return out;
}

Result<int64_t> MarkRead(db::Connection& c, int64_t user_id, int64_t id, int64_t now) {
  return c.Exec(kMarkRead, {now, id, user_id});
}

Result<std::vector<Notification>> Unsent(db::Connection& c, int64_t limit) {
  return db::ReadAll<Notification>(c, std::string(kColumns) + kUnsentOldestFirst, {limit}, Fields);
}

Status MarkEmailed(db::Connection& c, int64_t id, int64_t now) {
  return c.Exec(kMarkEmailed, {now, id}).status();
}

Result<std::unordered_set<std::string>> ExistingKeys(db::Connection& c,
                                                     const std::vector<std::string>& keys) {
  DH_ASSIGN_OR_RETURN(std::vector<std::string> found,
                      db::ReadAllIn<std::string>(c, kExistingKeysIn, keys));
  return std::unordered_set<std::string>(found.begin(), found.end());
}

Result<std::vector<RoleHolder>> ActiveRoleHolders(db::Connection& c) {
  return db::ReadAll<RoleHolder>(c, kActiveRoleHolders, {}, [](db::RowCursor& row, RoleHolder& h) {
    row(h.user_id, h.role, h.unit_id);
  });
}

Result<std::unordered_map<int64_t, Contact>> Contacts(db::Connection& c,
                                                      const std::vector<int64_t>& user_ids) {
  DH_ASSIGN_OR_RETURN(
      std::vector<Contact> found,
      db::ReadAllIn<Contact>(c, kContactsIn, user_ids, [](db::RowCursor& row, Contact& k) {
        row(k.user_id, k.username, k.full_name, k.email);
      }));
  std::unordered_map<int64_t, Contact> out;
  for (Contact& k : found) out[k.user_id] = std::move(k);
  return out;
}

Result<std::vector<Notification>> ToEmail(db::Connection& c, int64_t since, int max_attempts,
                                          int64_t limit) {
  return db::ReadAll<Notification>(c, kToEmail, {since, int64_t{max_attempts}, limit}, Fields);
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
  DH_ASSIGN_OR_RETURN(std::vector<int64_t> users,
                      db::ReadAll<int64_t>(c, kDigestedOn, {day.ToString()}));
  return std::unordered_set<int64_t>(users.begin(), users.end());
}

Status RecordDigest(db::Connection& c, int64_t user_id, Date day, int64_t items, int64_t now) {
  return c.Exec(kRecordDigest, {user_id, day.ToString(), items, now}).status();
}

Result<bool> AcquireLease(db::Connection& c, const std::string& name, const std::string& holder,
                          int64_t now, int64_t ttl_seconds) {
  using Lease = std::pair<std::string, int64_t>;  // holder, expires_at
  DH_ASSIGN_OR_RETURN(std::optional<Lease> lease, db::ReadOne<Lease>(c, kLease, {name}));
  if (!lease) {
    DH_RETURN_IF_ERROR(c.Exec(kInsertLease, {name, holder, now + ttl_seconds}).status());
    return true;
  }
  if (lease->first != holder && lease->second > now) return false;
  DH_RETURN_IF_ERROR(c.Exec(kTakeLease, {holder, now + ttl_seconds, name}).status());
  return true;
}

Status ReleaseLease(db::Connection& c, const std::string& name, const std::string& holder) {
  return c.Exec(kReleaseLease, {name, holder}).status();
}

// --- Issue 9: notices in their reader's language (migration 0015) ---

namespace {

constexpr const char* kStoredTextsIn =
    "SELECT id, title_key, body_key, params FROM notifications WHERE id IN ";
constexpr const char* kUserLangsIn = "SELECT id, lang FROM users WHERE id IN ";

}  // namespace

Result<std::unordered_map<int64_t, StoredText>> StoredTexts(db::Connection& c,
                                                            const std::vector<int64_t>& ids) {
  using Row = std::pair<int64_t, StoredText>;
  DH_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      db::ReadAllIn<Row>(c, kStoredTextsIn, ids, [](db::RowCursor& row, Row& r) {
                        row(r.first, r.second.title_key, r.second.body_key, r.second.params);
                      }));
  std::unordered_map<int64_t, StoredText> out;
  for (Row& r : rows) out[r.first] = std::move(r.second);
  return out;
}

Result<std::unordered_map<int64_t, Lang>> UserLangs(db::Connection& c,
                                                    const std::vector<int64_t>& user_ids) {
  using Row = std::pair<int64_t, std::optional<std::string>>;
  DH_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      db::ReadAllIn<Row>(c, kUserLangsIn, user_ids, [](db::RowCursor& row, Row& r) {
                        row(r.first, r.second);
                      }));
  std::unordered_map<int64_t, Lang> out;
  for (const auto& [user, tag] : rows)
    if (tag) out[user] = ParseLang(*tag).value_or(Lang::kVi);
  return out;
}

}  // namespace dh::notifications
