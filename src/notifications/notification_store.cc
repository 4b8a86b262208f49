#include "notifications/notification_store.h"

namespace dh::notifications {
namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, kind, task_id, title, body, dedup_key, created_at, read_at, emailed_at FROM notifications";

Notification FromRow(const db::Rows& r, size_t i) {
  return {r.Int(i, 0),  r.Int(i, 1), r.Text(i, 2), r.OptInt(i, 3),  r.Text(i, 4),
          r.Text(i, 5), r.Text(i, 6), r.Int(i, 7), r.OptInt(i, 8), r.OptInt(i, 9)};
}

}  // namespace

Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids, const std::string& kind,
                       std::optional<int64_t> task_id, const std::string& title, const std::string& body,
                       const std::string& dedup_key, int64_t now) {
  int64_t n = 0;
  std::unordered_set<int64_t> seen;
  for (int64_t u : user_ids) {
    if (!seen.insert(u).second) continue;
    const std::string key = dedup_key + "/u" + std::to_string(u);
    DH_ASSIGN_OR_RETURN(db::Rows have, c.Query("SELECT 1 FROM notifications WHERE dedup_key = ?", {key}));
    if (!have.empty()) continue;
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO notifications (user_id, kind, task_id, title, body, dedup_key, "
                              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              {u, kind, task_id ? db::Value(*task_id) : db::Value(), title, body, key, now})
                           .status());
    ++n;
  }
  return n;
}

Result<std::vector<int64_t>> UsersOfUnit(db::Connection& c, int64_t unit_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query("SELECT DISTINCT r.user_id FROM user_roles r JOIN users u ON u.id = "
                                          "r.user_id WHERE r.unit_id = ? AND u.active = 1 ORDER BY r.user_id",
                                          {unit_id}));
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Result<std::vector<Notification>> ForUser(db::Connection& c, int64_t user_id, bool unread_only, int64_t limit,
                                          int64_t offset, int64_t* total) {
  const std::string where = unread_only ? " WHERE user_id = ? AND read_at IS NULL" : " WHERE user_id = ?";
  DH_ASSIGN_OR_RETURN(db::Rows count, c.Query("SELECT COUNT(*) FROM notifications" + where, {user_id}));
  *total = count.Int(0, 0);
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kColumns) + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                          {user_id, limit, offset}));
  std::vector<Notification> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(FromRow(r, i));
  return out;
}

Result<int64_t> MarkRead(db::Connection& c, int64_t user_id, int64_t id, int64_t now) {
  return c.Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                {now, id, user_id});
}

Result<std::vector<Notification>> Unsent(db::Connection& c, int64_t limit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kColumns) + " WHERE emailed_at IS NULL ORDER BY id LIMIT ?",
                                          {limit}));
  std::vector<Notification> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(FromRow(r, i));
  return out;
}

Status MarkEmailed(db::Connection& c, int64_t id, int64_t now) {
  return c.Exec("UPDATE notifications SET emailed_at = ? WHERE id = ?", {now, id}).status();
}

}  // namespace dh::notifications
