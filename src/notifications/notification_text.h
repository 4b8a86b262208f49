// What the notification job says, in Vietnamese: the in-app reminders' titles and bodies,
// and the e-mails (plain text and HTML). The one place these sentences live.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "notifications/digest.h"
#include "notifications/item_kinds.h"
#include "notifications/mailer.h"
#include "notifications/notification_store.h"
#include "notifications/reminders.h"

namespace dh::notifications {

// A task as the texts name it.
struct TaskLabel {
  std::string title;
  std::string unit_name;  // of the lead unit
};

struct ReminderText {
  std::string title, body;
};
ReminderText TextOf(const Reminder& r, const TaskLabel& task, const ItemNoun& noun = {});

// Links point at `public_url` + the page of the notice's item (item_kinds.h; without
// `kinds`, "/tasks/<id>" for a task); "" leaves them out.
struct MailContext {
  std::string public_url;
  const ItemKinds* kinds = nullptr;
};

// One e-mail with a user's new notifications (one or more).
MailMessage NotificationsMail(const Contact& to, const std::vector<Notification>& list,
                              const MailContext& ctx);

// The daily digest. `tasks` names every task the items list; `unread` are the newest
// unread notifications, `unread_total` how many there are in all.
MailMessage DigestMail(const Contact& to, Date today, const DigestItems& items,
                       const std::unordered_map<int64_t, TaskLabel>& tasks,
                       const std::vector<Notification>& unread, int64_t unread_total,
                       const MailContext& ctx);

// At most this many entries of a digest's section are listed; the rest are counted.
inline constexpr size_t kDigestSectionLimit = 20;

// A title cut to about 80 characters at a word, for subjects and notification titles.
std::string ShortTitle(const std::string& title);

}  // namespace dh::notifications
