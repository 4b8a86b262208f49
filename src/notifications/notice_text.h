// What a notice says, in its reader's language. A notice is written with catalogue messages
// (core/message.h) for its title and body and their parameters (outbox.h NoticeText); the
// store keeps the messages' keys and the parameters as JSON beside the Vietnamese text, and
// the text is rendered again when read: in the language of the request for the bell, in the
// recipient's for e-mail. A notice written before keys were stored, or whose key this
// program no longer knows, reads as stored.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/message.h"
#include "db/connection.h"
#include "notifications/notification_store.h"
#include "notifications/notification_text.h"
#include "notifications/outbox.h"
#include "notifications/reminder_source.h"
#include "notifications/reminders.h"

namespace dh::notifications {

// What a notice says: catalogue messages for its title and its body (none: no body) and the
// parameters both take — strings, integers, labels ({vi, en}) and other catalogue messages,
// never a sentence built in one language.
struct NoticeText {
  const MessageText* title = nullptr;
  const MessageText* body = nullptr;
  MessageArgs args;
};

// The outbox (outbox.h) for a notice in its reader's language: inserts one notification per
// user about `item`, stored as keys and parameters beside its Vietnamese text; a user who
// already has `dedup_key` gets none. Returns how many were written. Every feature writes
// through these.
Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, const ItemRef& item, const NoticeText& text,
                       const std::string& dedup_key, int64_t now);
// The same about a task (nullopt: about nothing).
Result<int64_t> Notify(db::Connection& c, const std::vector<int64_t>& user_ids,
                       const std::string& kind, std::optional<int64_t> task_id,
                       const NoticeText& text, const std::string& dedup_key, int64_t now);

// What a reminder says (notification_text.h TextOf is its Vietnamese).
NoticeText ReminderNotice(const Reminder& r, const TaskLabel& task, const ItemNoun& noun = {});

// Makes these messages findable by key when a notice is read. A feature registers the
// messages its notices say at start-up (a process that has written none yet still reads
// them); Notify registers what it writes as well. Thread-safe.
void RegisterNoticeTexts(std::initializer_list<const MessageText*> texts);
const MessageText* FindNoticeText(std::string_view key);
namespace msg {
// A notice's text as its author wrote it (a reason, an answer): the same in every language.
inline constexpr MessageText kText{
    "notifications.text",
    "{text}",
    "{text}",
};
// "Lý do: …" / "Reason: …".
inline constexpr MessageText kReason{
    "notifications.reason",
    "Lý do: {reason}",
    "Reason: {reason}",
};
}  // namespace msg

// Registers at static initialisation: `const NoticeTexts kRegistered{&kA, &kB};`.
struct NoticeTexts {
  NoticeTexts(std::initializer_list<const MessageText*> texts) { RegisterNoticeTexts(texts); }
};

// A notice's catalogue keys and parameters (JSON); none for a notice written before 0015.
struct StoredText {
  std::optional<std::string> title_key, body_key, params;
};
// (notification_store.cc) The stored keys of these notices, by id.
Result<std::unordered_map<int64_t, StoredText>> StoredTexts(db::Connection& c,
                                                            const std::vector<int64_t>& ids);
// (notification_store.cc) The language each of these users chose (users.lang, recorded when
// they sign in); a user without one is left out.
Result<std::unordered_map<int64_t, Lang>> UserLangs(db::Connection& c,
                                                    const std::vector<int64_t>& user_ids);

// The parameters as stored: a JSON object of strings, integers, labels ({"vi","en"}) and
// messages ({"msg": key}).
std::string EncodeArgs(const MessageArgs& args);

// `n`'s title and body in `lang` from its stored keys (those it has and this program knows).
void RenderIn(Notification& n, const StoredText& stored, Lang lang);
// The same for a list read from the database: reads their keys, renders each in `lang`.
Status RenderIn(db::Connection& c, std::vector<Notification>& list, Lang lang);
// ... each in its user's language (`langs`; Vietnamese for a user without one).
Status RenderIn(db::Connection& c, std::vector<Notification>& list,
                const std::unordered_map<int64_t, Lang>& langs);

}  // namespace dh::notifications
