// In-app notifications (thông báo). Written inside the transaction of the change that
// causes them; e-mailed later by the mailer. A dedup key keeps one reminder per task,
// kind and day however often the scheduler runs.
#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/date.h"
#include "db/connection.h"
#include "notifications/outbox.h"

namespace dh::notifications {

struct Notification {
  int64_t id = 0;
  int64_t user_id = 0;
  // assigned | due_soon | overdue | no_report | escalation | extension_requested |
  // extension_decided | completion_submitted | returned | coordination | a feature's own
  std::string kind;
  std::optional<int64_t> task_id;  // item.id when the item is a task
  std::string title, body;
  std::string dedup_key;
  int64_t created_at = 0;
  std::optional<int64_t> read_at, emailed_at;
  ItemRef item;                        // what it is about; empty: nothing in particular
  std::optional<int64_t> resolved_at;  // dealt with: no longer waits on its reader
};

Result<std::vector<Notification>> ForUser(db::Connection& c, int64_t user_id, bool unread_only,
                                          int64_t limit, int64_t offset, int64_t* total);
// Which of these items of one kind the user sees (item_kinds.h, handed in from above:
// notifications include no feature).
using SeenItemsFn = std::function<std::unordered_set<int64_t>(const std::string& kind,
                                                              const std::vector<int64_t>& ids)>;
// Which notifications of a user one page shows.
struct UserPage {
  bool unread_only = false;
  bool with_resolved = false;  // also those already dealt with
  int64_t limit = 50, offset = 0;
};
// A user's notifications newest first, of those only the ones whose item `seen` lets through
// (a notification about nothing always): one page, with `total` counted over the same list
// and `unread` over the unread ones not yet resolved (what still waits on the reader).
Result<std::vector<Notification>> SeenByUser(db::Connection& c, int64_t user_id,
                                             const SeenItemsFn& seen, const UserPage& page,
                                             int64_t* total, int64_t* unread);
Result<int64_t> MarkRead(db::Connection& c, int64_t user_id, int64_t id, int64_t now);
// Not yet e-mailed, oldest first.
Result<std::vector<Notification>> Unsent(db::Connection& c, int64_t limit);
Status MarkEmailed(db::Connection& c, int64_t id, int64_t now);

// --- For the notification job (reminders, e-mail, digests) ---

// Which of these full dedup keys ("<key>/u<user>") are already written.
Result<std::unordered_set<std::string>> ExistingKeys(db::Connection& c,
                                                     const std::vector<std::string>& keys);

// Where to write to a user. Users without an address, or inactive, are left out.
struct Contact {
  int64_t user_id = 0;
  std::string username, full_name, email;
};
Result<std::unordered_map<int64_t, Contact>> Contacts(db::Connection& c,
                                                      const std::vector<int64_t>& user_ids);

// Notifications not yet e-mailed, created at or after `since`, tried fewer than
// `max_attempts` times, to users with an address: by user, then oldest first.
Result<std::vector<Notification>> ToEmail(db::Connection& c, int64_t since, int max_attempts,
                                          int64_t limit);
Status MarkEmailed(db::Connection& c, const std::vector<int64_t>& ids, int64_t now);
// A send failed for these (the address or the message was refused): counts an attempt.
Status CountEmailAttempt(db::Connection& c, const std::vector<int64_t>& ids);

// Daily digests: who was sent one on `day`, and recording one sent.
Result<std::unordered_set<int64_t>> DigestedOn(db::Connection& c, Date day);
Status RecordDigest(db::Connection& c, int64_t user_id, Date day, int64_t items, int64_t now);

// A named lease: true when `holder` now holds `name` until now + ttl (free, expired, or
// already its own). Run it in a write transaction.
Result<bool> AcquireLease(db::Connection& c, const std::string& name, const std::string& holder,
                          int64_t now, int64_t ttl_seconds);
Status ReleaseLease(db::Connection& c, const std::string& name, const std::string& holder);

}  // namespace dh::notifications
