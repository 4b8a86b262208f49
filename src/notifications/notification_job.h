// The notification job: one pass writes the day's reminders (reminders.h) as in-app
// notifications, e-mails every notification not yet e-mailed (one message per user per
// pass), and from the digest hour sends each user's daily digest (digest.h) once a day.
//
// `dieuhanh serve` runs a pass every few minutes on a thread of its own; `dieuhanh notify
// run` runs one (cron, tests). Passes are idempotent: dedup keys keep one reminder per
// task, kind and day, sent notifications are marked, digests are recorded per user and
// day. A send that fails is retried by the next pass and never delays a request. Where
// several processes share the database a lease lets one run at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <stop_token>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "calendar/work_calendar.h"
#include "db/database.h"
#include "notifications/digest.h"
#include "notifications/item_kinds.h"
#include "notifications/mailer.h"
#include "notifications/notification_store.h"
#include "notifications/notification_text.h"
#include "notifications/reminder_source.h"
#include "notifications/reminders.h"
#include "units/unit_directory.h"

namespace dh::notifications {

struct JobOptions {
  ReminderSettings reminders;
  int digest_hour = 7;  // hour of the day in Vietnam from which the day's digest goes out
  std::string
      public_url;  // base of links in e-mails ("https://dieuhanh.minhan.gov.vn"); "" for none
  int max_email_attempts = 8;                // a notification refused this often is given up
  int64_t email_window_seconds = 3 * 86400;  // older unsent notifications are not e-mailed
};

// What one pass did.
struct PassReport {
  bool skipped = false;                    // another process held the job's lease
  std::map<std::string, int64_t> written;  // in-app notifications written, by kind
  struct Mail {
    std::string to, subject;
    bool digest = false;
  };
  std::vector<Mail> sent;
  std::vector<std::string> failed;  // "address: reason"
  bool mail_unavailable = false;    // the SMTP server could not be reached; the rest waits
  Status error;                     // the first step that failed (the others still ran)
};

class NotificationJob {
 public:
  // `mailer` null: in-app only (no e-mail, no digest).
  NotificationJob(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                  calendar::CalendarHolder& calendar, JobOptions options,
                  std::unique_ptr<Mailer> mailer);
  ~NotificationJob();

  // The open work that reminds people, registered at start-up by the feature that owns it
  // (tasks/task_reminders.h), one source per kind of item; tasks' also fills the digests.
  // Without one nothing reminds. Set replaces every source with this one; Add adds one.
  void SetReminderSource(std::shared_ptr<const ReminderSource> source);
  void AddReminderSource(std::shared_ptr<const ReminderSource> source);
  // Who sees which items and where their links lead (the app's registry). Without it, a
  // kind's reminder source decides who sees its items, and links lead to tasks only; a
  // notice about an item of a kind neither knows is not e-mailed.
  void SetItemKinds(std::shared_ptr<const ItemKinds> kinds);
  // A feature's own check, run by every pass before the e-mails (a forecast below its target):
  // it writes its notices through the outbox and returns how many; counted under `kind`.
  using Check = std::function<Result<int64_t>()>;
  void AddCheck(std::string kind, Check check);

  // One pass on the clock's today. Thread-safe (passes queue).
  PassReport RunOnce(std::stop_token stop = {});
  // Runs a pass now and every `period` on a background thread, until Stop().
  void Start(std::chrono::seconds period);
  void Stop();
  bool emails() const { return mailer_ != nullptr; }
  const JobOptions& options() const { return options_; }

 private:
  // A reminder due and the users who do not have it yet.
  struct Addressed {
    const Reminder* reminder;
    std::vector<int64_t> users;
  };
  // What the day's digests say and to whom, before any is sent.
  struct DigestPlan {
    std::unordered_map<int64_t, DigestItems> digests;
    std::unordered_map<int64_t, auth::Principal> principals;
    std::vector<int64_t> users;  // not sent one yet today, by id
    std::unordered_map<int64_t, Contact> contacts;
    std::unordered_map<int64_t, TaskLabel> labels;  // of the items the e-mails name
  };

  Status WriteReminders(Date today, PassReport& report);
  Status WriteReminders(const ReminderSource& source, Date today, PassReport& report);
  Result<std::vector<Addressed>> Address(const std::vector<Reminder>& due,
                                         const std::vector<OpenItem>& open,
                                         const units::UnitGraph& g, Date today);
  Status WriteBatch(const ReminderSource& source, std::span<const Addressed> batch,
                    const ItemsNow& items, const units::UnitGraph& g, PassReport& report);
  // Which of these ids of `kind` `who` sees (SetItemKinds, else the kind's source).
  std::unordered_set<int64_t> Visible(const std::string& kind, const auth::Principal& who,
                                      const units::UnitGraph& g,
                                      const std::vector<int64_t>& ids) const;
  const ReminderSource* TaskSource() const;  // the digests' source; null without one
  std::vector<int64_t> DropUnseen(std::vector<Notification>& rows,
                                  const std::vector<RoleHolder>& roles,
                                  const units::UnitGraph& g) const;
  Status UnreadSeen(const units::UnitGraph& g, const auth::Principal& who,
                    std::vector<Notification>* out, int64_t* total);
  MailContext Mail() const { return {options_.public_url, kinds_.get()}; }
  Result<DigestPlan> PlanDigests(Date today, const units::UnitGraph& graph,
                                 const calendar::WorkCalendar& cal);
  Status EmailUnsent(PassReport& report, std::stop_token stop);
  Status SendDigests(Date today, PassReport& report, std::stop_token stop);
  Result<bool> Lease(bool take);
  // Sends and says so in the report; false when the server is unavailable.
  bool Deliver(const MailMessage& m, bool digest, PassReport& report, SendOutcome* outcome);

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  calendar::CalendarHolder& calendar_;
  const JobOptions options_;
  const std::string holder_;  // this process's name on the lease

  std::mutex run_mu_;                                           // one pass at a time
  std::unique_ptr<Mailer> mailer_;                              // GUARDED_BY(run_mu_)
  std::vector<std::shared_ptr<const ReminderSource>> sources_;  // GUARDED_BY(run_mu_)
  std::shared_ptr<const ItemKinds> kinds_;                      // GUARDED_BY(run_mu_)
  std::vector<std::pair<std::string, Check>> checks_;           // GUARDED_BY(run_mu_)
  // Reminder keys known to be written, so that a pass every few minutes asks the database
  // only about new ones. Cleared each day.
  std::unordered_set<uint64_t> written_keys_;  // GUARDED_BY(run_mu_)
  Date written_keys_day_;                      // GUARDED_BY(run_mu_)
  Date digests_done_;                          // GUARDED_BY(run_mu_)

  std::mutex wait_mu_;
  std::condition_variable_any wait_cv_;
  std::jthread thread_;  // last: stops before the members it reads go
};

}  // namespace dh::notifications
