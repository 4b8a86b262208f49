// The notification job over a real database (SQLite and PostgreSQL): reminders written
// once whatever the number of runs, e-mail to the right people with failures retried,
// the daily digest (only when something is due, only from its hour), escalation to the
// head of the unit, the lease between processes, and in-app only without SMTP.
#include "notifications/notification_job.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "notifications/notice_text.h"
#include "notifications/notification_store.h"
#include "support/test_db.h"
#include "tasks/task_reminders.h"

namespace dh::notifications {
namespace {

using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

// Records what would have been sent; fails on demand.
struct MailBox {
  std::vector<MailMessage> sent;
  SendOutcome::Kind next = SendOutcome::kSent;
};

class FakeMailer final : public Mailer {
 public:
  explicit FakeMailer(std::shared_ptr<MailBox> box) : box_(std::move(box)) {}
  SendOutcome Send(const MailMessage& m) override {
    if (box_->next != SendOutcome::kSent) return {box_->next, "thử lỗi"};
    box_->sent.push_back(m);
    return {};
  }

 private:
  std::shared_ptr<MailBox> box_;
};

class NotificationJobTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = Unit("X", "Thành phố X", std::nullopt);
    stc_ = Unit("X.STC", "Sở Tài chính", city_);
    sxd_ = Unit("X.SXD", "Sở Xây dựng", city_);
    officer_ = User("canbo.stc", "Lê Thị Hồng", auth::Role::kOfficer, stc_);
    leader_ = User("giamdoc.stc", "Phạm Văn Đức", auth::Role::kLeader, stc_);
    office_ = User("vanphong", "Trần Thị Mai", auth::Role::kOffice, city_);
    builder_ = User("canbo.sxd", "Đỗ Minh Tuấn", auth::Role::kOfficer, sxd_);
    viewer_ = User("xem", "Người xem", auth::Role::kViewer, stc_);
    no_mail_ = User("khongthu", "Không có thư", auth::Role::kOfficer, stc_, "");
  }

  int64_t Unit(const char* code, const char* name, std::optional<int64_t> parent) {
    units::UnitInput in{.code = code,
                        .name = name,
                        .kind = parent ? "department" : "city",
                        .parent_id = parent,
                        .valid_from = D("2020-01-01")};
    auto u = app().units().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u->unit.id;
  }

  int64_t User(const char* username, const char* name, auth::Role role, int64_t unit,
               std::optional<std::string> email = std::nullopt) {
    users::UserInput in;
    in.username = username;
    in.full_name = name;
    in.email = email.value_or(std::string(username) + "@x.example");
    in.password = "Mat-khau@2026";
    in.roles = std::vector<auth::RoleGrant>{{role, unit}};
    auto u = app().users().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u->id;
  }

  int64_t NewTask(const char* title, int64_t unit, std::optional<const char*> deadline) {
    tasks::TaskInput in;
    in.title = title;
    in.lead_unit_id = unit;
    in.output_kind = "report";
    if (deadline) in.deadline = D(*deadline);
    auto t = app().tasks().Create(nullptr, in);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t->task.id;
  }

  // Moves the clock to `day` at `hour` in Vietnam.
  void At(const char* day, int hour = 9) {
    const int64_t secs = int64_t{D(day).days()} * 86400 + (hour - 7) * 3600;
    clock().Set(std::chrono::system_clock::time_point(std::chrono::seconds(secs)));
  }

  std::unique_ptr<NotificationJob> Job(bool with_mail = true, JobOptions options = {}) {
    auto job = std::make_unique<NotificationJob>(
        db(), clock(), app().unit_directory(), app().calendar(), options,
        with_mail ? std::make_unique<FakeMailer>(box_) : nullptr);
    job->SetReminderSource(std::make_shared<tasks::TaskReminders>(app().tasks().index()));
    return job;
  }

  // Notifications of `kind` for `user`, as (task id, title).
  std::vector<Notification> Of(int64_t user, const std::string& kind = "") {
    std::vector<Notification> out;
    EXPECT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  int64_t total = 0;
                  DH_ASSIGN_OR_RETURN(auto all, ForUser(c, user, false, 1000, 0, &total));
                  for (auto& n : all)
                    if (kind.empty() || n.kind == kind) out.push_back(n);
                  return Status::Ok();
                }).ok());
    return out;
  }

  std::vector<MailMessage> MailsTo(const std::string& username) const {
    std::vector<MailMessage> out;
    for (const auto& m : box_->sent)
      if (m.to.email == username + "@x.example") out.push_back(m);
    return out;
  }

  static bool Mentions(const MailMessage& m, const std::string& text) {
    return m.text.find(text) != std::string::npos;
  }

  std::shared_ptr<MailBox> box_ = std::make_shared<MailBox>();
  int64_t city_ = 0, stc_ = 0, sxd_ = 0;
  int64_t officer_ = 0, leader_ = 0, office_ = 0, builder_ = 0, viewer_ = 0, no_mail_ = 0;
};

TEST_P(NotificationJobTest, DueSoonRemindsTheUnitOnceAndMailsEachPersonOnce) {
  const int64_t soon = NewTask("Báo cáo giải ngân quý I", stc_, "2026-01-20");  // 3 working days
  NewTask("Kế hoạch năm sau", stc_, "2026-06-30");
  auto job = Job();
  const PassReport first = job->RunOnce();
  ASSERT_TRUE(first.error.ok()) << first.error.ToString();
  EXPECT_EQ(first.written.at("due_soon"), 3)
      << "officer, leader, the one without e-mail; not the viewer";
  const auto due = Of(officer_, "due_soon");
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].task_id, soon);
  EXPECT_EQ(due[0].title, "Sắp đến hạn: Báo cáo giải ngân quý I");
  EXPECT_NE(due[0].body.find("20/01/2026, còn 3 ngày làm việc"), std::string::npos) << due[0].body;
  EXPECT_TRUE(Of(viewer_, "due_soon").empty()) << "viewers are not reminded";
  EXPECT_TRUE(Of(office_, "due_soon").empty());

  // One e-mail per person with the new notifications (assignments and the reminder), and
  // the digest: the officer and the leader have a task due soon.
  const auto to_officer = MailsTo("canbo.stc");
  ASSERT_EQ(to_officer.size(), 2u);
  EXPECT_EQ(to_officer[0].subject, "[Điều hành] 3 thông báo mới");
  EXPECT_TRUE(Mentions(to_officer[0], "Sắp đến hạn: Báo cáo giải ngân quý I"));
  EXPECT_TRUE(Mentions(to_officer[0], "Nhiệm vụ mới: Kế hoạch năm sau"));
  EXPECT_EQ(to_officer[1].subject, "[Điều hành] Bản tin ngày 15/01/2026: 1 sắp đến hạn");
  EXPECT_TRUE(Mentions(to_officer[1], "Nhiệm vụ sắp đến hạn (1)"));
  EXPECT_TRUE(Mentions(to_officer[1], "Thông báo chưa đọc (3)"));
  EXPECT_EQ(to_officer[1].to.name, "Lê Thị Hồng");
  EXPECT_EQ(MailsTo("giamdoc.stc").size(), 2u);
  for (const auto& m : MailsTo("xem")) EXPECT_FALSE(Mentions(m, "Sắp đến hạn")) << m.subject;
  EXPECT_TRUE(MailsTo("vanphong").empty()) << "nothing of the city's office is due, no digest";
  const size_t sent = box_->sent.size();

  // Again the same day, and with a new job (a restart): nothing new anywhere.
  for (int i = 0; i < 2; ++i) {
    const PassReport again = (i == 0 ? job : (job = Job()))->RunOnce();
    EXPECT_TRUE(again.error.ok());
    EXPECT_TRUE(again.written.empty());
    EXPECT_TRUE(again.sent.empty());
    EXPECT_EQ(box_->sent.size(), sent);
  }
  // The next day it is still due soon: no second reminder, a new digest.
  At("2026-01-16");
  const PassReport next = job->RunOnce();
  EXPECT_TRUE(next.written.empty());
  ASSERT_EQ(next.sent.size(), 2u);
  EXPECT_TRUE(next.sent[0].digest && next.sent[1].digest);
}

TEST_P(NotificationJobTest, ARoleThatDoesNotReadTasksIsNotToldAboutThem) {
  const int64_t business = User("doanhnghiep", "Công ty Minh An Xanh", auth::Role::kBusiness, stc_);
  NewTask("Báo cáo giải ngân quý I", stc_, "2026-01-20");
  EXPECT_EQ(Of(officer_, "assigned").size(), 1u);
  EXPECT_TRUE(Of(business).empty());
  ASSERT_TRUE(Job()->RunOnce().error.ok());
  EXPECT_TRUE(Of(business).empty());
  EXPECT_TRUE(MailsTo("doanhnghiep").empty());
  EXPECT_FALSE(MailsTo("canbo.stc").empty());
}

TEST_P(NotificationJobTest, ATaskReassignedAwayIsNotMailedToThoseWhoNoLongerSeeIt) {
  NewTask("Báo cáo giải ngân quý I", stc_, "2026-01-20");  // due soon: a digest today
  const int64_t moved = NewTask("Rà soát quỹ đất công", stc_, "2026-06-30");
  const auth::Principal office{office_, "vanphong", "Trần Thị Mai", {{auth::Role::kOffice, city_}}};
  ASSERT_TRUE(app().tasks().Reassign(office, moved, sxd_, "Đúng chức năng").ok());
  ASSERT_TRUE(Job()->RunOnce().error.ok());
  const auto to_officer = MailsTo("canbo.stc");
  ASSERT_EQ(to_officer.size(), 2u) << "the new notices, and the digest";
  for (const auto& m : to_officer) {
    EXPECT_TRUE(Mentions(m, "Báo cáo giải ngân quý I")) << m.subject;
    EXPECT_FALSE(Mentions(m, "Rà soát quỹ đất công")) << m.subject;
  }
  bool told = false;
  for (const auto& m : MailsTo("canbo.sxd")) told |= Mentions(m, "Rà soát quỹ đất công");
  EXPECT_TRUE(told) << "the unit it moved to is told";
}

TEST_P(NotificationJobTest, OverdueRemindsAgainEachPeriodNotEachRun) {
  const int64_t late = NewTask("Thẩm định dự toán", stc_, "2026-01-16");
  auto job = Job();
  job->RunOnce();
  At("2026-01-19");
  auto r = job->RunOnce();
  EXPECT_EQ(r.written.at("overdue"), 3);
  auto overdue = Of(officer_, "overdue");
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].task_id, late);
  EXPECT_NE(overdue[0].body.find("quá hạn 1 ngày làm việc (hạn 16/01/2026)"), std::string::npos)
      << overdue[0].body;
  for (const char* day : {"2026-01-20", "2026-01-23"}) {
    At(day);
    EXPECT_EQ(job->RunOnce().written.count("overdue"), 0u) << day;
  }
  At("2026-01-26");
  EXPECT_EQ(job->RunOnce().written.at("overdue"), 3);
  EXPECT_EQ(Of(officer_, "overdue").size(), 2u);
}

// A feature other than tasks: one open petition of Sở XD, due 19/01 and silent since 05/01.
class PetitionSource final : public ReminderSource {
 public:
  explicit PetitionSource(int64_t unit) : unit_(unit) {}
  std::string Kind() const override { return "petition"; }
  ItemNoun Noun() const override { return {"Đơn thư", "đơn thư"}; }
  std::vector<OpenItem> OpenItems() const override {
    return {{.id = 7,
             .lead_unit_id = unit_,
             .deadline = D("2026-01-19"),
             .last_activity = D("2026-01-05"),
             .holder_acts = true}};
  }
  Result<std::vector<PendingExtension>> PendingExtensions(db::Connection&) const override {
    return std::vector<PendingExtension>{};
  }
  Result<std::unordered_map<int64_t, ItemNow>> Load(db::Connection&, std::vector<int64_t> ids,
                                                    const calendar::WorkCalendar&) const override {
    std::unordered_map<int64_t, ItemNow> out;
    for (int64_t id : ids)
      if (id == 7) out[7] = {"Đơn kiến nghị về tiếng ồn", unit_, true, D("2026-01-19")};
    return out;
  }
  std::unordered_set<int64_t> Seen(const auth::Principal&, const units::UnitGraph&,
                                   const std::vector<int64_t>& ids) const override {
    return {ids.begin(), ids.end()};
  }

 private:
  int64_t unit_;
};

TEST_P(NotificationJobTest, ASecondFeatureRemindsAndEscalatesUnderTheSameRules) {
  auto job = Job(true, {.public_url = "https://dieuhanh.test"});
  job->AddReminderSource(std::make_shared<PetitionSource>(sxd_));
  auto kinds = std::make_shared<ItemKinds>();
  kinds->Register({"petition", "/petitions/", [](const auth::Principal&, const auto& ids) {
                     return std::unordered_set<int64_t>(ids.begin(), ids.end());
                   }});
  job->SetItemKinds(kinds);
  At("2026-01-26");  // 5 working days late, 15 without a report since 05/01
  ASSERT_TRUE(job->RunOnce().error.ok());
  const auto late = Of(builder_, "overdue");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].item, (ItemRef{"petition", 7}));
  EXPECT_FALSE(late[0].task_id);
  EXPECT_EQ(late[0].title, "Quá hạn: Đơn kiến nghị về tiếng ồn");
  EXPECT_EQ(late[0].body.rfind("Đơn thư đã quá hạn 5 ngày làm việc", 0), 0u) << late[0].body;
  EXPECT_EQ(late[0].dedup_key.rfind("petition/overdue/7/", 0), 0u) << late[0].dedup_key;
  const auto head = Of(office_, "escalation");
  ASSERT_EQ(head.size(), 1u) << "Sở XD has no leader: the city's office";
  EXPECT_NE(head[0].body.find("chưa báo cáo tiến độ đơn thư này"), std::string::npos);
  bool linked = false;
  for (const auto& m : MailsTo("canbo.sxd"))
    linked |= m.html.find("href=\"https://dieuhanh.test/petitions/7\"") != std::string::npos;
  EXPECT_TRUE(linked) << "the link comes from the kind";
  EXPECT_EQ(job->RunOnce().written.size(), 0u) << "once per kind and day";
}

TEST_P(NotificationJobTest, SilenceRemindsTheHolderThenTheHeadOfTheUnit) {
  const int64_t a = NewTask("Rà soát vốn đầu tư công", stc_, std::nullopt);  // created 15/1
  const int64_t b = NewTask("Quy hoạch phân khu", sxd_, std::nullopt);
  auto job = Job();
  At("2026-01-28");  // 9 working days
  EXPECT_EQ(job->RunOnce().written.count("no_report"), 0u);
  At("2026-01-29");  // 10
  auto r = job->RunOnce();
  EXPECT_EQ(r.written.at("no_report"), 4)
      << "officer, leader, the one without e-mail of Sở TC; officer of Sở XD";
  EXPECT_EQ(r.written.count("escalation"), 0u);
  EXPECT_EQ(Of(builder_, "no_report").size(), 1u);
  EXPECT_NE(Of(builder_, "no_report")[0].body.find("10 ngày làm việc"), std::string::npos);

  // Sở TC reports on its task; Sở XD stays silent.
  auth::Principal who{officer_, "canbo.stc", "Lê Thị Hồng", {{auth::Role::kOfficer, stc_}}};
  ASSERT_TRUE(app().tasks().Report(who, a, std::nullopt, 30, "Đã rà soát 12 dự án").ok());
  At("2026-02-05");  // 15 working days since 15/1
  r = job->RunOnce();
  EXPECT_EQ(r.written.at("escalation"), 1) << "only Sở XD's task";
  const auto head = Of(office_, "escalation");
  ASSERT_EQ(head.size(), 1u) << "Sở XD has no leader: the city's office";
  EXPECT_EQ(head[0].task_id, b);
  EXPECT_EQ(head[0].title, "Đơn vị chưa báo cáo tiến độ: Quy hoạch phân khu");
  EXPECT_NE(
      head[0].body.find(
          "Sở Xây dựng chưa báo cáo tiến độ nhiệm vụ này 15 ngày làm việc (kể từ 15/01/2026)"),
      std::string::npos)
      << head[0].body;
  EXPECT_TRUE(Of(leader_, "escalation").empty());
  EXPECT_TRUE(Of(builder_, "escalation").empty()) << "the head is told, not the holder again";

  // Sở TC's task, silent again since its report on 29/1: its own leader is the head.
  At("2026-02-06");
  job->RunOnce();
  At("2026-03-13");
  job->RunOnce();
  const auto stc_head = Of(leader_, "escalation");
  ASSERT_EQ(stc_head.size(), 1u);
  EXPECT_EQ(stc_head[0].task_id, a);
  EXPECT_EQ(Of(office_, "escalation").size(), 1u) << "the city's office only for Sở XD";
  bool mailed = false;
  for (const auto& m : MailsTo("giamdoc.stc"))
    mailed |= Mentions(m, "Đơn vị chưa báo cáo tiến độ: Rà soát vốn đầu tư công");
  EXPECT_TRUE(mailed);
}

TEST_P(NotificationJobTest, AFailedSendIsRetriedByTheNextRun) {
  NewTask("Báo cáo giải ngân", stc_, "2026-01-20");
  auto job = Job();
  box_->next = SendOutcome::kUnavailable;
  auto r = job->RunOnce();
  EXPECT_TRUE(r.error.ok()) << "a mail server down is not an error of the pass";
  EXPECT_TRUE(r.mail_unavailable);
  EXPECT_EQ(r.failed.size(), 1u) << "stops at the first: the server is down";
  EXPECT_GT(r.written.at("due_soon"), 0) << "in-app notifications do not wait for mail";
  EXPECT_TRUE(box_->sent.empty());

  box_->next = SendOutcome::kSent;
  r = job->RunOnce();
  EXPECT_TRUE(r.written.empty());
  EXPECT_EQ(MailsTo("canbo.stc").size(), 2u) << "the notifications and the digest";
  EXPECT_EQ(MailsTo("giamdoc.stc").size(), 2u);
  EXPECT_TRUE(job->RunOnce().sent.empty());
}

TEST_P(NotificationJobTest, ARefusedAddressIsGivenUpAfterSomeAttempts) {
  NewTask("Báo cáo giải ngân", stc_, "2026-06-30");
  JobOptions o;
  o.max_email_attempts = 3;
  auto job = Job(true, o);
  box_->next = SendOutcome::kRejected;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(job->RunOnce().failed.size(), 3u) << "each assigned person, run " << i;
  EXPECT_TRUE(job->RunOnce().failed.empty()) << "given up";
  box_->next = SendOutcome::kSent;
  EXPECT_TRUE(job->RunOnce().sent.empty());
}

TEST_P(NotificationJobTest, NoDigestWhenNothingIsDueNorBeforeItsHour) {
  NewTask("Kế hoạch năm sau", stc_, "2026-06-30");
  At("2026-01-15", 6);
  auto job = Job();
  auto r = job->RunOnce();
  for (const auto& m : r.sent) EXPECT_FALSE(m.digest) << m.subject;
  EXPECT_EQ(r.sent.size(), 3u) << "the assignment, to each person of Sở TC with an address";
  NewTask("Báo cáo nhanh", stc_, "2026-01-16");
  At("2026-01-15", 7);
  r = job->RunOnce();
  size_t digests = 0;
  for (const auto& m : r.sent) digests += m.digest;
  EXPECT_EQ(digests, 2u);
  // Unread notifications alone bring no digest: the viewer has some but nothing due.
  EXPECT_FALSE(Of(viewer_).empty());
  for (const auto& m : MailsTo("xem")) EXPECT_EQ(m.subject.find("Bản tin"), std::string::npos);
}

TEST_P(NotificationJobTest, OfficeDigestListsWhatAwaitsItsDecision) {
  const int64_t t = NewTask("Thẩm định giá đất", stc_, "2026-03-31");
  auth::Principal who{officer_, "canbo.stc", "Lê Thị Hồng", {{auth::Role::kOfficer, stc_}}};
  ASSERT_TRUE(app().tasks().RequestExtension(who, t, D("2026-04-30"), "Chờ ý kiến Bộ").ok());
  const int64_t done = NewTask("Báo cáo tổng kết", stc_, "2026-03-31");
  ASSERT_TRUE(app().tasks().Submit(who, done, std::nullopt, "Báo cáo số 12/BC-STC").ok());
  auto job = Job();
  job->RunOnce();
  // The office was told of each at once (its e-mails), and the digest sums them up.
  auto mails = MailsTo("vanphong");
  const auto told = std::stable_partition(mails.begin(), mails.end(), [](const auto& m) {
    return m.subject.find("Bản tin") != std::string::npos;
  });
  EXPECT_NE(told, mails.end()) << "the request and the completion, e-mailed as they came";
  mails.erase(told, mails.end());
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "[Điều hành] Bản tin ngày 15/01/2026: 2 chờ quyết định");
  EXPECT_TRUE(Mentions(mails[0], "Đề nghị gia hạn chờ quyết định (1)"));
  EXPECT_TRUE(Mentions(mails[0], "Thẩm định giá đất"));
  EXPECT_TRUE(Mentions(mails[0], "xin gia hạn đến 30/04/2026"));
  EXPECT_TRUE(Mentions(mails[0], "Báo cáo hoàn thành chờ xác nhận (1)"));
  EXPECT_TRUE(Mentions(mails[0], "Báo cáo tổng kết"));
  EXPECT_NE(mails[0].html.find("<h3"), std::string::npos);
}

TEST_P(NotificationJobTest, NothingOnADayOff) {
  NewTask("Báo cáo giải ngân", stc_, "2026-01-16");
  At("2026-01-17");
  auto r = Job()->RunOnce();
  EXPECT_TRUE(r.written.empty());
  for (const auto& m : r.sent) EXPECT_FALSE(m.digest);
}

TEST_P(NotificationJobTest, WithoutSmtpNotificationsStayInApp) {
  NewTask("Báo cáo giải ngân", stc_, "2026-01-20");
  auto r = Job(false)->RunOnce();
  EXPECT_GT(r.written.at("due_soon"), 0);
  EXPECT_TRUE(r.sent.empty());
  std::vector<Notification> unsent;
  ASSERT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(unsent, Unsent(c, 100));
                return Status::Ok();
              }).ok());
  EXPECT_FALSE(unsent.empty()) << "e-mailed once SMTP is configured, if still recent";
}

TEST_P(NotificationJobTest, OneProcessAtATime) {
  NewTask("Báo cáo giải ngân", stc_, "2026-01-20");
  ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(bool mine, AcquireLease(c, "notifications", "other",
                                                            clock().NowSeconds(), 600));
                EXPECT_TRUE(mine);
                return Status::Ok();
              }).ok());
  auto job = Job();
  EXPECT_TRUE(job->RunOnce().skipped);
  EXPECT_TRUE(box_->sent.empty());
  clock().Advance(std::chrono::seconds(601));  // the other process died: its lease lapses
  const auto r = job->RunOnce();
  EXPECT_FALSE(r.skipped);
  EXPECT_FALSE(r.sent.empty());
  EXPECT_FALSE(job->RunOnce().skipped) << "released after each pass";
}

TEST_P(NotificationJobTest, StoreFunctionsAgreeOnBothDatabases) {
  ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& c) -> Status {
                DH_ASSIGN_OR_RETURN(
                    int64_t n,
                    Notify(c, {officer_, leader_, officer_}, "due_soon", std::nullopt,
                           {&notifications::msg::kText, nullptr, {{"text", "t"}}}, "k/1", 100));
                EXPECT_EQ(n, 2);
                DH_ASSIGN_OR_RETURN(
                    auto have, ExistingKeys(c, {"k/1/u" + std::to_string(officer_), "k/2/u1"}));
                EXPECT_EQ(have.size(), 1u);
                DH_ASSIGN_OR_RETURN(auto contacts, Contacts(c, {officer_, no_mail_, 987654}));
                EXPECT_EQ(contacts.size(), 1u) << "no address, no contact";
                EXPECT_EQ(contacts.at(officer_).full_name, "Lê Thị Hồng");
                DH_ASSIGN_OR_RETURN(auto roles, ActiveRoleHolders(c));
                EXPECT_EQ(roles.size(), 6u);
                DH_ASSIGN_OR_RETURN(auto mail, ToEmail(c, 0, 3, 100));
                EXPECT_EQ(mail.size(), 2u);
                DH_RETURN_IF_ERROR(CountEmailAttempt(c, {mail[0].id, mail[0].id}));
                DH_RETURN_IF_ERROR(MarkEmailed(c, std::vector<int64_t>{mail[1].id}, 200));
                DH_ASSIGN_OR_RETURN(mail, ToEmail(c, 0, 1, 100));
                EXPECT_TRUE(mail.empty());
                DH_ASSIGN_OR_RETURN(mail, ToEmail(c, 101, 3, 100));
                EXPECT_TRUE(mail.empty()) << "older than the window";
                DH_RETURN_IF_ERROR(RecordDigest(c, officer_, D("2026-01-15"), 3, 100));
                DH_ASSIGN_OR_RETURN(auto digested, DigestedOn(c, D("2026-01-15")));
                EXPECT_EQ(digested, std::unordered_set<int64_t>{officer_});
                DH_ASSIGN_OR_RETURN(digested, DigestedOn(c, D("2026-01-16")));
                EXPECT_TRUE(digested.empty());
                DH_ASSIGN_OR_RETURN(bool a, AcquireLease(c, "job", "p1", 1000, 60));
                DH_ASSIGN_OR_RETURN(bool b, AcquireLease(c, "job", "p2", 1030, 60));
                DH_ASSIGN_OR_RETURN(bool a2, AcquireLease(c, "job", "p1", 1030, 60));
                DH_RETURN_IF_ERROR(ReleaseLease(c, "job", "p1"));
                DH_ASSIGN_OR_RETURN(bool b2, AcquireLease(c, "job", "p2", 1031, 60));
                EXPECT_TRUE(a && !b && a2 && b2);
                return Status::Ok();
              }).ok());
  auto again = db::InTransaction(
      db(), [&](db::Connection& c) { return RecordDigest(c, officer_, D("2026-01-15"), 1, 100); });
  EXPECT_EQ(again.code(), StatusCode::kUniqueViolation);
}

INSTANTIATE_BOTH(NotificationJobTest);

}  // namespace
}  // namespace dh::notifications
