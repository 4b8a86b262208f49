// What a feature gives the notification job so that its open work reminds people and
// escalates to the head of the unit under the same rules (reminders.h): tasks today;
// projects, petitions, explanation requests … next. The feature implements ReminderSource
// in its own room and registers it at start-up (src/app/, NotificationJob::AddReminderSource);
// notifications/ includes no feature. Each source is one kind of item (item_kinds.h); the
// daily digest lists the items of kind "task" only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "calendar/work_calendar.h"
#include "core/date.h"
#include "db/connection.h"
#include "db/database.h"
#include "http/principal.h"
#include "units/unit_graph.h"

namespace dh::notifications {

// One open item as the reminder rules (reminders.h) and the digest (digest.h) read it.
struct OpenItem {
  int64_t id = 0, lead_unit_id = 0;
  int64_t parent_id = 0, assignee_id = 0;  // 0: none
  std::optional<Date> deadline;            // effective: rolled forward to a working day
  Date last_activity;              // the last progress report, else the day the item was created
  bool holder_acts = false;        // its holder is the one to act (not awaiting the office)
  bool awaiting_decision = false;  // done by its holder, awaiting the office's confirmation
};

// A request to move an item's deadline that the office has not decided yet.
struct PendingExtension {
  int64_t task_id = 0;
  Date requested_deadline;
};

// An item as the database holds it now: the source's read model may lag a write that
// another process made.
struct ItemNow {
  std::string title;
  int64_t lead_unit_id = 0;
  bool holder_acts = false;
  std::optional<Date> deadline;  // effective
};

// How the reminders' sentences name an item of the source's kind.
struct ItemNoun {
  std::string capital = "Nhiệm vụ";  // at the start of a sentence
  std::string lower = "nhiệm vụ";    // inside one
  // What of the item falls due, said before its title in the reminders' titles where that is
  // not the item itself ("Cập nhật tiến độ, giải ngân dự án" DA-01 …); "" for the item. Its
  // English is registered by the feature (RegisterLabels).
  std::string due_part;
};

// The items a source read now (ReminderSource::Load), by id.
using ItemsNow = std::unordered_map<int64_t, ItemNow>;

class ReminderSource {
 public:
  virtual ~ReminderSource() = default;
  // The kind of item (item_kinds.h) its ids name: the notices' item, the reminders' keys.
  virtual std::string Kind() const { return "task"; }
  virtual ItemNoun Noun() const { return {}; }
  // Every open item, from the feature's read model.
  virtual std::vector<OpenItem> OpenItems() const = 0;
  // The requests to move a deadline not decided yet; none where the date moves otherwise.
  virtual Result<std::vector<PendingExtension>> PendingExtensions(db::Connection&) const {
    return std::vector<PendingExtension>();
  }
  // These items read on `c` (those no longer there are absent), deadlines under `cal`.
  virtual Result<ItemsNow> Load(db::Connection& c, std::vector<int64_t> ids,
                                const calendar::WorkCalendar& cal) const = 0;
  // Which of these items `who` may see now.
  virtual std::unordered_set<int64_t> Seen(const auth::Principal& who, const units::UnitGraph& g,
                                           const std::vector<int64_t>& ids) const = 0;
};

// A source that reads its open items from the database on the job's clock and calendar
// (rather than from a read model in memory): what it reads with, kept once for each such source.
class DatabaseReminderSource : public ReminderSource {
 public:
  using CalendarFn = std::function<std::shared_ptr<const calendar::WorkCalendar>()>;
  DatabaseReminderSource(db::Database& db, const Clock& clock, CalendarFn calendar)
      : db_(db), clock_(clock), calendar_(std::move(calendar)) {}

 protected:
  db::Database& db_;
  const Clock& clock_;
  CalendarFn calendar_;
};

}  // namespace dh::notifications
