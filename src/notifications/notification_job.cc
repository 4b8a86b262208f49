#include "notifications/notification_job.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <span>
#include <unordered_set>

#include "db/read_value.h"
#include "notifications/digest.h"
#include "notifications/notice_text.h"
#include "notifications/notification_store.h"
#include "notifications/notification_text.h"
#include "notifications/recipients.h"

namespace dh::notifications {
namespace {

constexpr const char* kLeaseName = "notifications";
constexpr int64_t kLeaseSeconds = 15 * 60;
constexpr size_t kWriteBatch = 200;     // reminders per transaction
constexpr int64_t kEmailBatch = 20000;  // notifications e-mailed per pass at most
constexpr int kRenewEvery = 50;         // sends between renewals of the lease
constexpr int64_t kUnreadListed = 10;

// Each role holder as the principal its grants make: what a digest may show them.
std::unordered_map<int64_t, auth::Principal> Principals(const std::vector<RoleHolder>& roles) {
  std::unordered_map<int64_t, auth::Principal> out;
  for (const RoleHolder& r : roles) {
    auth::Principal& p = out[r.user_id];
    p.user_id = r.user_id;
    if (auto role = auth::ParseRole(r.role)) p.grants.push_back({*role, r.unit_id});
  }
  return out;
}

uint64_t Hash(const std::string& key) { return std::hash<std::string>{}(key); }

std::string NewHolder() {
  std::random_device rd;
  return std::to_string(getpid()) + "-" + std::to_string(rd()) + std::to_string(rd());
}

int LocalHour(const Clock& clock) { return VietnamSecondOfDay(clock.NowSeconds()) / 3600; }

std::vector<int64_t> Audience(const Reminder& r, const OpenItem& t, const Recipients& rec,
                              const units::UnitGraph& g, Date today) {
  if (r.to_head()) return rec.HeadsOf(t.lead_unit_id, g, today);
  std::vector<int64_t> users = rec.PeopleOf(t.lead_unit_id);
  if (t.assignee_id != 0 && std::find(users.begin(), users.end(), t.assignee_id) == users.end())
    users.push_back(t.assignee_id);
  return users;
}

Result<ItemsNow> LoadItems(db::Database& db, const ReminderSource& source, std::vector<int64_t> ids,
                           const calendar::WorkCalendar& cal) {
  DH_ASSIGN_OR_RETURN(ItemsNow out, db::ReadValue(db, [&](db::Connection& c) {
                        return source.Load(c, std::move(ids), cal);
                      }));
  return out;
}

// The read model may lag a write of another process: the item read now decides.
bool StillDue(const Reminder& r, const ItemNow& t) {
  if (!t.holder_acts) return false;
  if (r.kind == ReminderKind::kDueSoon || r.kind == ReminderKind::kOverdue)
    return t.deadline && *t.deadline == r.since;
  return true;
}

TaskLabel LabelOf(const ItemNow& t, const units::UnitGraph& g) {
  const units::Unit* u = g.Find(t.lead_unit_id);
  return {t.title, u ? u->name : ""};
}

// The language a user's e-mails are written in: the one they chose, else Vietnamese.
Lang LangOf(const std::unordered_map<int64_t, Lang>& langs, int64_t user) {
  auto it = langs.find(user);
  return it == langs.end() ? Lang::kVi : it->second;
}

void Keep(Status& first, Status s) {
  if (first.ok() && !s.ok()) first = std::move(s);
}

}  // namespace

NotificationJob::NotificationJob(db::Database& db, const Clock& clock,
                                 const units::UnitDirectory& units,
                                 calendar::CalendarHolder& calendar, JobOptions options,
                                 std::unique_ptr<Mailer> mailer)
    : db_(db),
      clock_(clock),
      units_(units),
      calendar_(calendar),
      options_(std::move(options)),
      holder_(NewHolder()),
      mailer_(std::move(mailer)) {}

NotificationJob::~NotificationJob() { Stop(); }

void NotificationJob::SetReminderSource(std::shared_ptr<const ReminderSource> source) {
  std::lock_guard run(run_mu_);
  sources_.clear();
  if (source) sources_.push_back(std::move(source));
}

void NotificationJob::AddReminderSource(std::shared_ptr<const ReminderSource> source) {
  std::lock_guard run(run_mu_);
  if (source) sources_.push_back(std::move(source));
}

void NotificationJob::SetItemKinds(std::shared_ptr<const ItemKinds> kinds) {
  std::lock_guard run(run_mu_);
  kinds_ = std::move(kinds);
}

std::unordered_set<int64_t> NotificationJob::Visible(const std::string& kind,
                                                     const auth::Principal& who,
                                                     const units::UnitGraph& g,
                                                     const std::vector<int64_t>& ids) const {
  if (kinds_ && kinds_->Has(kind)) return kinds_->Visible(kind, who, ids);
  for (const auto& s : sources_)
    if (s->Kind() == kind) return s->Seen(who, g, ids);
  return {};
}

const ReminderSource* NotificationJob::TaskSource() const {
  for (const auto& s : sources_)
    if (s->Kind() == kTaskItem) return s.get();
  return nullptr;
}

// The first unread notifications whose items `who` still sees, as the app lists them.
Status NotificationJob::UnreadSeen(const units::UnitGraph& g, const auth::Principal& who,
                                   std::vector<Notification>* out, int64_t* total) {
  const SeenItemsFn seen = [&](const std::string& kind, const std::vector<int64_t>& ids) {
    return Visible(kind, who, g, ids);
  };
  int64_t unread = 0;
  return db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(
        *out, SeenByUser(c, who.user_id, seen, {.unread_only = true, .limit = kUnreadListed}, total,
                         &unread));
    return RenderIn(c, *out, CurrentLang());  // the recipient's: SendDigests sets it
  });
}

// Leaves out the notifications whose item their recipient no longer sees (a task reassigned
// since); returns their ids, settled without an e-mail.
std::vector<int64_t> NotificationJob::DropUnseen(std::vector<Notification>& rows,
                                                 const std::vector<RoleHolder>& roles,
                                                 const units::UnitGraph& g) const {
  auto principals = Principals(roles);
  std::map<std::pair<int64_t, std::string>, std::vector<int64_t>> ids_of;  // by user, kind
  for (const auto& n : rows)
    if (!n.item.empty()) ids_of[{n.user_id, n.item.kind}].push_back(n.item.id);
  std::map<std::pair<int64_t, std::string>, std::unordered_set<int64_t>> seen;
  for (const auto& [key, ids] : ids_of) {
    auth::Principal& who = principals[key.first];
    who.user_id = key.first;
    seen[key] = Visible(key.second, who, g, ids);
  }
  std::vector<int64_t> dropped;
  std::erase_if(rows, [&](const Notification& n) {
    const bool out = !n.item.empty() && !seen[{n.user_id, n.item.kind}].count(n.item.id);
    if (out) dropped.push_back(n.id);
    return out;
  });
  return dropped;
}

void NotificationJob::Start(std::chrono::seconds period) {
  thread_ = std::jthread([this, period](std::stop_token stop) {
    while (!stop.stop_requested()) {
      const PassReport r = RunOnce(stop);
      if (!r.error.ok()) spdlog::warn("notifications: {}", r.error.message());
      int64_t written = 0;
      for (const auto& [kind, n] : r.written) written += n;
      if (written || !r.sent.empty() || !r.failed.empty())
        spdlog::info("notifications: {} written, {} e-mails sent, {} failed", written,
                     r.sent.size(), r.failed.size());
      std::unique_lock lock(wait_mu_);
      wait_cv_.wait_for(lock, stop, period, [] { return false; });
    }
  });
}

void NotificationJob::Stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wait_cv_.notify_all();
  thread_.join();
}

void NotificationJob::AddCheck(std::string kind, Check check) {
  std::lock_guard run(run_mu_);
  checks_.emplace_back(std::move(kind), std::move(check));
}

PassReport NotificationJob::RunOnce(std::stop_token stop) {
  std::lock_guard run(run_mu_);
  PassReport report;
  auto mine = Lease(true);
  if (!mine.ok()) {
    report.error = mine.status();
    return report;
  }
  if (!*mine) {
    report.skipped = true;
    return report;
  }
  const Date today = clock_.Today();
  Keep(report.error, WriteReminders(today, report));
  for (const auto& [kind, check] : checks_) {
    auto n = check();
    if (n.ok() && *n > 0) report.written[kind] += *n;
    if (!n.ok()) Keep(report.error, n.status());
  }
  if (mailer_) {
    Keep(report.error, EmailUnsent(report, stop));
    if (!report.mail_unavailable) Keep(report.error, SendDigests(today, report, stop));
  }
  Keep(report.error, Lease(false).status());
  return report;
}

Result<bool> NotificationJob::Lease(bool take) {
  bool mine = false;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    if (!take) return ReleaseLease(c, kLeaseName, holder_);
    DH_ASSIGN_OR_RETURN(mine,
                        AcquireLease(c, kLeaseName, holder_, clock_.NowSeconds(), kLeaseSeconds));
    return Status::Ok();
  }));
  return mine;
}

Status NotificationJob::WriteReminders(Date today, PassReport& report) {
  if (written_keys_day_ != today) written_keys_.clear(), written_keys_day_ = today;
  Status first;
  for (const auto& source : sources_) Keep(first, WriteReminders(*source, today, report));
  return first;
}

Status NotificationJob::WriteReminders(const ReminderSource& source, Date today,
                                       PassReport& report) {
  const auto cal = calendar_.Get();
  const std::vector<OpenItem> open = source.OpenItems();
  std::vector<Reminder> due = DecideReminders(open, today, *cal, options_.reminders);
  if (source.Kind() != kTaskItem)  // tasks' keys stay as they were written
    for (Reminder& r : due) r.dedup_key = source.Kind() + "/" + r.dedup_key;
  std::erase_if(due, [&](const Reminder& r) { return written_keys_.count(Hash(r.dedup_key)) > 0; });
  if (due.empty()) return Status::Ok();
  const auto graph = units_.Get();
  DH_ASSIGN_OR_RETURN(std::vector<Addressed> pending, Address(due, open, *graph, today));
  if (pending.empty()) return Status::Ok();

  std::vector<int64_t> ids;
  for (const auto& p : pending) ids.push_back(p.reminder->task_id);
  DH_ASSIGN_OR_RETURN(auto items, LoadItems(db_, source, ids, *cal));
  for (size_t from = 0; from < pending.size(); from += kWriteBatch) {
    const std::span<const Addressed> batch(pending.data() + from,
                                           std::min(pending.size() - from, kWriteBatch));
    DH_RETURN_IF_ERROR(WriteBatch(source, batch, items, *graph, report));
  }
  return Status::Ok();
}

Result<std::vector<NotificationJob::Addressed>> NotificationJob::Address(
    const std::vector<Reminder>& due, const std::vector<OpenItem>& open, const units::UnitGraph& g,
    Date today) {
  std::unordered_map<int64_t, const OpenItem*> row_of;
  for (const auto& t : open) row_of.emplace(t.id, &t);
  DH_ASSIGN_OR_RETURN(std::vector<RoleHolder> roles,
                      db::ReadValue(db_, [&](db::Connection& c) { return ActiveRoleHolders(c); }));
  const Recipients recipients(roles);

  // Who each reminder goes to; then leave out those who already have it.
  std::vector<Addressed> pending;
  std::vector<std::string> keys;
  for (const Reminder& r : due) {
    std::vector<int64_t> users = Audience(r, *row_of.at(r.task_id), recipients, g, today);
    if (users.empty()) {
      written_keys_.insert(Hash(r.dedup_key));
      continue;
    }
    for (int64_t u : users) keys.push_back(r.dedup_key + "/u" + std::to_string(u));
    pending.push_back({&r, std::move(users)});
  }
  DH_ASSIGN_OR_RETURN(std::unordered_set<std::string> existing,
                      db::ReadValue(db_, [&](db::Connection& c) { return ExistingKeys(c, keys); }));
  std::erase_if(pending, [&](Addressed& p) {
    std::erase_if(p.users, [&](int64_t u) {
      return existing.count(p.reminder->dedup_key + "/u" + std::to_string(u)) > 0;
    });
    if (p.users.empty()) written_keys_.insert(Hash(p.reminder->dedup_key));
    return p.users.empty();
  });
  return pending;
}

Status NotificationJob::WriteBatch(const ReminderSource& source, std::span<const Addressed> batch,
                                   const ItemsNow& items, const units::UnitGraph& g,
                                   PassReport& report) {
  const int64_t now = clock_.NowSeconds();
  std::map<std::string, int64_t> counts;
  std::vector<uint64_t> done;
  const std::string item_kind = source.Kind();
  const ItemNoun noun = source.Noun();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    counts.clear(), done.clear();
    for (const Addressed& p : batch) {
      const Reminder& r = *p.reminder;
      auto it = items.find(r.task_id);
      if (it == items.end() || !StillDue(r, it->second)) continue;
      const NoticeText text = ReminderNotice(r, LabelOf(it->second, g), noun);
      const std::string kind(ReminderKindName(r.kind));
      DH_ASSIGN_OR_RETURN(int64_t n, Notify(c, p.users, kind, ItemRef{item_kind, r.task_id}, text,
                                            r.dedup_key, now));
      counts[kind] += n;
      done.push_back(Hash(r.dedup_key));
    }
    return Status::Ok();
  }));
  for (const auto& [kind, n] : counts) report.written[kind] += n;
  written_keys_.insert(done.begin(), done.end());
  return Status::Ok();
}

bool NotificationJob::Deliver(const MailMessage& m, bool digest, PassReport& report,
                              SendOutcome* outcome) {
  *outcome = mailer_->Send(m);
  if (outcome->ok()) {
    report.sent.push_back({m.to.email, m.subject, digest});
    return true;
  }
  report.failed.push_back(m.to.email + ": " + outcome->error);
  if (outcome->kind == SendOutcome::kUnavailable) report.mail_unavailable = true;
  return outcome->kind != SendOutcome::kUnavailable;
}

Status NotificationJob::EmailUnsent(PassReport& report, std::stop_token stop) {
  const int64_t now = clock_.NowSeconds();
  std::vector<Notification> rows;
  std::vector<int64_t> dropped;
  std::unordered_map<int64_t, Contact> contacts;
  std::unordered_map<int64_t, Lang> langs;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, ToEmail(c, now - options_.email_window_seconds,
                                      options_.max_email_attempts, kEmailBatch));
    DH_ASSIGN_OR_RETURN(auto roles, ActiveRoleHolders(c));
    dropped = DropUnseen(rows, roles, *units_.Get());
    std::vector<int64_t> users;
    for (const auto& n : rows)
      if (users.empty() || users.back() != n.user_id) users.push_back(n.user_id);
    DH_ASSIGN_OR_RETURN(contacts, Contacts(c, users));
    DH_ASSIGN_OR_RETURN(langs, UserLangs(c, users));
    return RenderIn(c, rows, langs);  // each in its recipient's language
  }));
  if (!dropped.empty())
    DH_RETURN_IF_ERROR(db::InTransaction(
        db_, [&](db::Connection& c) { return MarkEmailed(c, dropped, clock_.NowSeconds()); }));
  const MailContext ctx = Mail();
  int sends = 0;
  for (size_t from = 0; from < rows.size() && !stop.stop_requested();) {
    size_t to = from;
    while (to < rows.size() && rows[to].user_id == rows[from].user_id) ++to;
    const std::vector<Notification> group(rows.begin() + from, rows.begin() + to);
    from = to;
    auto contact = contacts.find(group.front().user_id);
    if (contact == contacts.end()) continue;
    SendOutcome outcome;
    const ScopedLang lang(LangOf(langs, contact->first));  // the mail's own sentences
    const bool go_on =
        Deliver(NotificationsMail(contact->second, group, ctx), false, report, &outcome);
    std::vector<int64_t> ids;
    for (const auto& n : group) ids.push_back(n.id);
    if (outcome.ok() || outcome.kind == SendOutcome::kRejected)
      DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) {
        return outcome.ok() ? MarkEmailed(c, ids, clock_.NowSeconds()) : CountEmailAttempt(c, ids);
      }));
    if (!go_on) break;
    if (++sends % kRenewEvery == 0) {
      DH_ASSIGN_OR_RETURN(bool still, Lease(true));
      if (!still) break;
    }
  }
  return Status::Ok();
}

Status NotificationJob::SendDigests(Date today, PassReport& report, std::stop_token stop) {
  const auto cal = calendar_.Get();
  if (!cal->IsWorkingDay(today) || LocalHour(clock_) < options_.digest_hour ||
      digests_done_ == today)
    return Status::Ok();
  const auto graph = units_.Get();
  DH_ASSIGN_OR_RETURN(DigestPlan plan, PlanDigests(today, *graph, *cal));
  const MailContext ctx = Mail();
  std::unordered_map<int64_t, Lang> langs;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(langs, UserLangs(c, plan.users));
    return Status::Ok();
  }));
  bool all_sent = true;
  int sends = 0;
  for (int64_t u : plan.users) {
    auto contact = plan.contacts.find(u);
    if (contact == plan.contacts.end()) continue;  // no address: nothing to send
    if (stop.stop_requested()) {
      all_sent = false;
      break;
    }
    const DigestItems& items = plan.digests.at(u);
    std::vector<Notification> unread;
    int64_t unread_total = 0;
    auth::Principal& who = plan.principals[u];
    who.user_id = u;
    const ScopedLang lang(LangOf(langs, u));  // the digest's sentences and notices
    DH_RETURN_IF_ERROR(UnreadSeen(*graph, who, &unread, &unread_total));
    SendOutcome outcome;
    const bool go_on =
        Deliver(DigestMail(contact->second, today, items, plan.labels, unread, unread_total, ctx),
                true, report, &outcome);
    if (outcome.ok()) {
      Status s = db::InTransaction(db_, [&](db::Connection& c) {
        return RecordDigest(c, u, today, static_cast<int64_t>(items.size()), clock_.NowSeconds());
      });
      if (!s.ok() && s.code() != StatusCode::kUniqueViolation) return s;
    } else {
      all_sent = false;
    }
    if (!go_on) break;
    if (++sends % kRenewEvery == 0) {
      DH_ASSIGN_OR_RETURN(bool still, Lease(true));
      if (!still) return Status::Ok();
    }
  }
  if (all_sent && !report.mail_unavailable) digests_done_ = today;
  return Status::Ok();
}

Result<NotificationJob::DigestPlan> NotificationJob::PlanDigests(
    Date today, const units::UnitGraph& graph, const calendar::WorkCalendar& cal) {
  DigestPlan plan;
  std::vector<PendingExtension> extensions;
  std::vector<RoleHolder> roles;
  std::unordered_set<int64_t> done;
  const ReminderSource* source = TaskSource();
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    if (source) {
      DH_ASSIGN_OR_RETURN(extensions, source->PendingExtensions(c));
    }
    DH_ASSIGN_OR_RETURN(roles, ActiveRoleHolders(c));
    DH_ASSIGN_OR_RETURN(done, DigestedOn(c, today));
    return Status::Ok();
  }));
  const std::vector<OpenItem> open = source ? source->OpenItems() : std::vector<OpenItem>{};
  plan.digests = BuildDigests(open, extensions, Recipients(roles), graph, today, cal,
                              options_.reminders.due_soon_days);
  plan.principals = Principals(roles);
  for (const auto& [user, items] : plan.digests)
    if (!done.count(user)) plan.users.push_back(user);
  std::sort(plan.users.begin(), plan.users.end());
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(plan.contacts, Contacts(c, plan.users));
    return Status::Ok();
  }));
  // Only the tasks the e-mails will name.
  std::vector<int64_t> shown;
  for (int64_t u : plan.users) {
    if (!plan.contacts.count(u)) continue;
    const DigestItems& d = plan.digests.at(u);
    for (const auto* list : {&d.overdue, &d.due_soon, &d.extensions, &d.awaiting_confirmation})
      for (size_t i = 0; i < list->size() && i < kDigestSectionLimit; ++i)
        shown.push_back((*list)[i].task_id);
  }
  if (!source || shown.empty()) return plan;
  DH_ASSIGN_OR_RETURN(auto records, LoadItems(db_, *source, shown, cal));
  for (const auto& [id, t] : records) plan.labels.emplace(id, LabelOf(t, graph));
  return plan;
}

}  // namespace dh::notifications
