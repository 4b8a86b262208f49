// TaskService on both databases: the loop of issue 4 as the office, units and officials
// live it — directive, groups, tasks, reports, extensions, delegation, coordination,
// completion, refusal, suspension, restructuring — and what each refuses. After every
// change the read model must tell the same story as the database, and a refused change
// must leave nothing behind.
#include "tasks/task_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <latch>
#include <map>
#include <set>
#include <thread>

#include "support/test_db.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

using auth::Principal;
using auth::Role;
using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

std::string Str(const BoardCounts& c) {
  return "total=" + std::to_string(c.total) + " on_time=" + std::to_string(c.done_on_time) +
         " late=" + std::to_string(c.done_late) + " in_time=" + std::to_string(c.in_time) +
         " soon=" + std::to_string(c.due_soon) + " overdue=" + std::to_string(c.overdue) +
         " none=" + std::to_string(c.no_deadline);
}

std::map<int64_t, std::string> Str(const std::unordered_map<int64_t, BoardCounts>& board) {
  std::map<int64_t, std::string> out;
  for (const auto& [k, c] : board) out[k] = Str(c);
  return out;
}

std::string Str(const CoordinationCounts& c) {
  return "received=" + std::to_string(c.received) +
         " on_time=" + std::to_string(c.answered_on_time) +
         " late=" + std::to_string(c.answered_late) + " overdue=" + std::to_string(c.overdue) +
         " pending=" + std::to_string(c.pending);
}

DelegationPart DelegationPartOf(std::optional<int64_t> unit, std::optional<int64_t> person,
                                int share, std::optional<Date> deadline = std::nullopt) {
  DelegationPart p;
  p.unit_id = unit;
  p.assignee_id = person;
  p.share_percent = share;
  p.deadline = deadline;
  return p;
}

#define ASSERT_OK(expr)                                              \
  ({                                                                 \
    auto _r = (expr);                                                \
    ASSERT_TRUE(_r.ok()) << #expr << ": " << _r.status().ToString(); \
    std::move(_r).value();                                           \
  })

// A refused use case: its code, and the field it names (invalid input, unique key) or its
// error code (the rest).
template <typename R>
void ExpectRefused(const R& r, StatusCode code, const std::string& field_or_code = "",
                   const char* what = "") {
  ASSERT_FALSE(r.ok()) << what << ": expected a refusal";
  EXPECT_EQ(r.status().code(), code) << what << ": " << r.status().ToString();
  if (field_or_code.empty()) return;
  if (code == StatusCode::kInvalidInput || code == StatusCode::kUniqueViolation)
    EXPECT_EQ(r.status().field(), field_or_code) << what << ": " << r.status().ToString();
  else
    EXPECT_EQ(r.status().error_code(), field_or_code) << what << ": " << r.status().ToString();
}

class TaskServiceTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    stc_ = MakeUnit("MA.STC", "Sở Tài chính", "department", city_);
    sxd_ = MakeUnit("MA.SXD", "Sở Xây dựng", "department", city_);
    skhdt_ = MakeUnit("MA.SKHDT", "Sở Kế hoạch và Đầu tư", "department", city_);
    snnmt_ = MakeUnit("MA.SNNMT", "Sở Nông nghiệp và Môi trường", "department", city_);
    ttptqd_ = MakeUnit("MA.TTPTQD", "Trung tâm Phát triển quỹ đất", "agency", snnmt_);
    admin_ = Person("admin", Role::kAdmin, std::nullopt);
    office_ = Person("vanphong", Role::kOffice, city_);
    leader_ = Person("lanhdao", Role::kLeader, city_);
    stc_officer_ = Person("canbo.stc", Role::kOfficer, stc_);
    stc_official_ = Person("chuyenvien.stc", Role::kOfficer, stc_);
    sxd_officer_ = Person("canbo.sxd", Role::kOfficer, sxd_);
    skhdt_officer_ = Person("canbo.skhdt", Role::kOfficer, skhdt_);
    snnmt_officer_ = Person("canbo.snnmt", Role::kOfficer, snnmt_);
    ttptqd_officer_ = Person("canbo.ttptqd", Role::kOfficer, ttptqd_);
    viewer_ = Person("xem", Role::kViewer, city_);
    business_ = Person("doanhnghiep", Role::kBusiness, city_);
  }

  TaskService& svc() { return app().tasks(); }
  calendar::CalendarService& swaps() { return app().calendar_service(); }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent, std::optional<Date> valid_to = std::nullopt) {
    units::UnitInput in{.code = code,
                        .name = name,
                        .kind = kind,
                        .parent_id = parent,
                        .parent_given = true,
                        .valid_from = D("2020-01-01"),
                        .valid_to = valid_to};
    auto r = app().units().Create(nullptr, in);
    EXPECT_TRUE(r.ok()) << code << ": " << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }

  // A real user (notifications reference users), and the principal it logs in as.
  Principal Person(const std::string& username, Role role, std::optional<int64_t> unit) {
    users::UserInput in{.username = username,
                        .full_name = "Nguyễn Văn " + username,
                        .password = "mat-khau-2026",
                        .roles = std::vector<auth::RoleGrant>{{role, unit}}};
    auto u = app().users().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << username << ": " << u.status().ToString();
    return Principal{u.ok() ? u->id : 0, username, "Nguyễn Văn " + username, {{role, unit}}};
  }

  // 09:00 in Vietnam on `day`.
  void SetToday(const char* day) {
    clock().Set(std::chrono::system_clock::time_point(
        std::chrono::seconds(int64_t{D(day).days()} * 86400 + 2 * 3600)));
    ASSERT_EQ(svc().Today().ToString(), day);
  }

  int64_t Scalar(const std::string& sql, const db::Params& params = {}) {
    int64_t v = -1;
    Status s = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
      v = r.empty() ? 0 : r.Int(0, 0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
    return v;
  }
  int64_t Notifications(const std::string& kind, int64_t user_id) {
    return Scalar("SELECT COUNT(*) FROM notifications WHERE kind = ? AND user_id = ?",
                  {kind, user_id});
  }
  int64_t Audits(const std::string& action) {
    return Scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }

  // Everything a refused use case must leave untouched: row counts, every task's mutable
  // fields, the audit head, and what the read model answers.
  std::string Snapshot() {
    std::string s;
    for (const char* table :
         {"directives", "task_groups", "tasks", "task_coordinators", "task_milestones",
          "task_reports", "task_extensions", "coordination_requests", "task_events",
          "task_occurrences", "notifications", "audit_log"})
      s += std::string(table) + "=" +
           std::to_string(Scalar(std::string("SELECT COUNT(*) FROM ") + table)) + " ";
    Status st = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(
          db::Rows r,
          c.Query("SELECT id, state, lead_unit_id, assignee_id, deadline, progress_percent, "
                  "own_progress_percent, finished_on, last_report_on FROM tasks ORDER BY id"));
      for (size_t i = 0; i < r.size(); ++i)
        s += "\n" + std::to_string(r.Int(i, 0)) + " " + r.Text(i, 1) + " " +
             std::to_string(r.Int(i, 2)) + " " + std::to_string(r.Int(i, 3)) + " " + r.Text(i, 4) +
             " " + std::to_string(r.Int(i, 5)) + " " + std::to_string(r.Int(i, 6)) + " " +
             r.Text(i, 7) + " " + r.Text(i, 8);
      DH_ASSIGN_OR_RETURN(db::Rows e,
                          c.Query("SELECT id, status FROM task_extensions ORDER BY id"));
      for (size_t i = 0; i < e.size(); ++i)
        s += "\next " + std::to_string(e.Int(i, 0)) + " " + e.Text(i, 1);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    auto board = svc().Board(admin_, "unit", {});
    EXPECT_TRUE(board.ok());
    for (const auto& [k, v] : Str(*board)) s += "\nboard " + std::to_string(k) + " " + v;
    return s;
  }

  // What the read model must answer, recounted from the database's rows.
  struct Recount {
    std::map<std::string, std::unordered_map<int64_t, BoardCounts>> boards;
    std::map<Timeliness, std::set<int64_t>> ids_by_timeliness;
    std::vector<CoordinationRequest> requests;
    std::set<int64_t> pending_extension;
  };

  void RecountFromDatabase(Recount& r) {
    auto cal = svc().Calendar();
    const Date today = svc().Today();
    Status s = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_RETURN_IF_ERROR(ForEachTask(c, [&](TaskRecord&& t) {
        const Timeliness tl = TimelinessOf(t.state, t.deadline, t.finished_on, today, *cal,
                                           svc().settings().due_soon_days);
        r.boards["unit"][t.lead_unit_id].Add(tl);
        r.boards["directive"][t.directive_id.value_or(0)].Add(tl);
        r.boards["group"][t.group_id.value_or(0)].Add(tl);
        r.ids_by_timeliness[tl].insert(t.id);
      }));
      DH_ASSIGN_OR_RETURN(r.requests, AllCoordinations(c));
      DH_ASSIGN_OR_RETURN(
          db::Rows p,
          c.Query("SELECT DISTINCT task_id FROM task_extensions WHERE status = 'pending'"));
      for (size_t i = 0; i < p.size(); ++i) r.pending_extension.insert(p.Int(i, 0));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // The boards by unit, directive and group, live and from a freshly loaded index.
  void ExpectBoardsMatch(Recount& recount) {
    auto cal = svc().Calendar();
    TaskIndex fresh;
    ASSERT_TRUE(fresh.Load(db(), *cal).ok());
    const TimelinessClock tclock =
        MakeTimelinessClock(svc().Today(), *cal, svc().settings().due_soon_days);
    for (const char* by : {"unit", "directive", "group"}) {
      auto board = svc().Board(admin_, by, {});
      ASSERT_TRUE(board.ok()) << board.status().ToString();
      EXPECT_EQ(Str(*board), Str(recount.boards[by])) << "board by " << by;
      EXPECT_EQ(Str(fresh.Board(by, {}, tclock)), Str(*board)) << "fresh index, by " << by;
    }
  }

  // The timeliness filter against the rule, and the pending-extension filter.
  void ExpectFiltersMatch(Recount& recount) {
    TaskFilter pending;
    pending.extension_pending = true;
    const auto pending_ids = ListIds(admin_, pending);
    EXPECT_EQ(std::set<int64_t>(pending_ids.begin(), pending_ids.end()), recount.pending_extension)
        << "extension pending";
    for (Timeliness t : {Timeliness::kInTime, Timeliness::kDueSoon, Timeliness::kOverdue,
                         Timeliness::kDoneOnTime, Timeliness::kDoneLate, Timeliness::kNoDeadline}) {
      TaskFilter f;
      f.timeliness = t;
      int64_t total = 0;
      auto list = svc().List(admin_, f, 100000, 0, &total);
      ASSERT_TRUE(list.ok());
      std::set<int64_t> got;
      for (const auto& v : *list) {
        got.insert(v.task.id);
        EXPECT_EQ(v.timeliness, t) << "task " << v.task.id << " listed as " << TimelinessName(t);
      }
      EXPECT_EQ(got, recount.ids_by_timeliness[t]) << TimelinessName(t);
      EXPECT_EQ(total, static_cast<int64_t>(got.size()));
    }
  }

  // The coordination board recounted, and the list behind each of its numbers.
  void ExpectCoordinationMatches(const std::vector<CoordinationRequest>& requests) {
    auto cal = svc().Calendar();
    const Date today = svc().Today();
    std::unordered_map<int64_t, CoordinationCounts> counts;
    for (const auto& r : requests) {
      auto& c = counts[r.to_unit_id];
      const AnswerStatus st = AnswerStatusOf(r, today, *cal);
      ++c.received;
      c.answered_on_time += st == AnswerStatus::kAnsweredOnTime;
      c.answered_late += st == AnswerStatus::kAnsweredLate;
      c.overdue += st == AnswerStatus::kOverdue;
      c.pending += st == AnswerStatus::kPending;
    }
    std::map<int64_t, std::string> expected_coordination;
    for (const auto& [k, c] : counts) expected_coordination[k] = Str(c);
    auto coordination = svc().CoordinationBoard(admin_);
    ASSERT_TRUE(coordination.ok());
    std::map<int64_t, std::string> got_coordination;
    for (const auto& [k, c] : *coordination) got_coordination[k] = Str(c);
    EXPECT_EQ(got_coordination, expected_coordination);
    ExpectCoordinationListsMatch(requests);
  }

  // The list behind each number of the coordination board: the same requests, each with its
  // status.
  void ExpectCoordinationListsMatch(const std::vector<CoordinationRequest>& requests) {
    auto cal = svc().Calendar();
    const Date today = svc().Today();
    for (AnswerStatus st : {AnswerStatus::kPending, AnswerStatus::kAnsweredOnTime,
                            AnswerStatus::kAnsweredLate, AnswerStatus::kOverdue}) {
      CoordinationFilter f;
      f.status = st;
      int64_t total = 0;
      auto list = svc().ListCoordinations(admin_, f, 100000, 0, &total);
      ASSERT_TRUE(list.ok());
      int64_t expected = 0;
      for (const auto& r : requests) expected += AnswerStatusOf(r, today, *cal) == st;
      EXPECT_EQ(total, expected) << AnswerStatusName(st);
      for (const auto& item : *list) {
        EXPECT_EQ(AnswerStatusOf(item.request, today, *cal), st);
        EXPECT_FALSE(item.task_title.empty());
      }
    }
  }

  // The read model against the database: the board recounted from every task row, the
  // timeliness filter against the rule, and a freshly loaded index against the live one.
  void ExpectReadModelMatchesDatabase(const std::string& step) {
    SCOPED_TRACE("after " + step);
    Recount recount;
    RecountFromDatabase(recount);
    if (HasFatalFailure()) return;
    ExpectFiltersMatch(recount);
    ExpectBoardsMatch(recount);
    ExpectCoordinationMatches(recount.requests);
  }

  Directive MakeDirective(const std::string& number = "45/TB-UBND") {
    DirectiveInput in{
        .kind = "conclusion",
        .number = number,
        .title = "Kết luận của Chủ tịch UBND thành phố tại hội nghị sơ kết 6 tháng đầu năm",
        .body = "Nhóm 1. Tăng cường giải ngân vốn đầu tư công …",
        .issued_on = D("2026-01-10"),
        .issuer_unit_id = city_};
    auto d = svc().CreateDirective(office_, in);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : Directive{};
  }

  TaskGroup MakeGroup(int64_t directive_id, const std::string& title, int position,
                      std::optional<int64_t> parent = std::nullopt) {
    auto g = svc().CreateGroup(office_, {0, directive_id, parent, title, position});
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? *g : TaskGroup{};
  }

  TaskInput Input(int64_t lead, std::optional<Date> deadline,
                  const std::string& title = "Nhiệm vụ") {
    TaskInput in;
    in.lead_unit_id = lead;
    in.deadline = deadline;
    in.title = title;
    return in;
  }

  TaskView MakeTask(int64_t lead, std::optional<Date> deadline,
                    const std::string& title = "Nhiệm vụ", std::vector<int64_t> coordinators = {}) {
    TaskInput in = Input(lead, deadline, title);
    if (!coordinators.empty()) in.coordinator_ids = coordinators;
    auto t = svc().Create(&office_, in);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : TaskView{};
  }

  TaskDetail Get(const Principal& who, int64_t id) {
    auto d = svc().Get(who, id);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : TaskDetail{};
  }

  std::vector<int64_t> ListIds(const Principal& who, TaskFilter f = {}) {
    int64_t total = 0;
    auto list = svc().List(who, f, 1000, 0, &total);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    std::vector<int64_t> ids;
    if (list.ok())
      for (const auto& v : *list) ids.push_back(v.task.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::vector<std::string> EventKinds(const TaskDetail& d) {
    std::vector<std::string> out;
    for (const auto& e : d.events) out.push_back(e.kind);
    return out;
  }

  // ---- Steps of the loop (DirectiveGroupsTasksReportAndExtensions) ----

  // Groups of a directive, ordered by position; a group's parent in the same directive.
  void MakeGroups(const Directive& d, TaskGroup* g1_out, TaskGroup* g11_out) {
    const TaskGroup g1 = *g1_out = MakeGroup(d.id, "Tăng cường giải ngân vốn đầu tư công", 2);
    const TaskGroup g0 = MakeGroup(d.id, "Cải cách hành chính", 1);
    const TaskGroup g11 = *g11_out = MakeGroup(d.id, "Tháo gỡ vướng mắc mặt bằng", 1, g1.id);
    auto groups = ASSERT_OK(svc().Groups(leader_, d.id));
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].id, g0.id);  // by position
    EXPECT_EQ(groups[2].id, g1.id);
    EXPECT_EQ(groups[1].parent_id, g1.id);
    // A group's parent must belong to the same directive.
    const Directive other = MakeDirective("46/TB-UBND");
    ExpectRefused(svc().CreateGroup(office_, {0, other.id, g1.id, "Lạc văn bản", 1}),
                  StatusCode::kInvalidInput, "parent_id");
    ExpectRefused(svc().CreateGroup(office_, {0, 999999, std::nullopt, "Không có văn bản", 1}),
                  StatusCode::kInvalidInput, "directive_id");
    ExpectRefused(svc().CreateGroup(office_, {0, d.id, std::nullopt, "   ", 1}),
                  StatusCode::kInvalidInput, "title");
    // A directive issued above the officer's unit, with no task of its, does not exist for it.
    ExpectRefused(svc().CreateGroup(stc_officer_, {0, d.id, std::nullopt, "Nhóm của sở", 1}),
                  StatusCode::kInvalidInput, "directive_id");
  }

  // A key task of the directive's group, created and reported on.
  void CreateAndReport(const Directive& d, const TaskGroup& g11, TaskView* out) {
    TaskInput in =
        Input(stc_, D("2026-03-31"), "Giải ngân vốn đầu tư công năm 2026 đạt trên 95% kế hoạch");
    in.directive_id = d.id;
    in.group_id = g11.id;
    in.coordinator_ids = std::vector<int64_t>{sxd_};
    in.is_key = true;
    in.output_kind = "report";
    in.milestones = {{"Tháng 2", D("2026-02-27"), 60},
                     {"Quý I", D("2026-03-31"), 100}};  // to 100 %
    const TaskView t = *out = ASSERT_OK(svc().Create(&office_, in));
    EXPECT_EQ(t.task.state, TaskState::kNotStarted);
    EXPECT_EQ(t.timeliness, Timeliness::kInTime);
    EXPECT_EQ(t.task.original_deadline, D("2026-03-31"));
    EXPECT_EQ(t.task.deadline, D("2026-03-31"));
    EXPECT_EQ(t.task.directive_id, d.id);
    EXPECT_EQ(t.task.coordinator_ids, std::vector<int64_t>{sxd_});
    // Everyone of the lead unit hears of it; the coordinating unit is not told "assigned".
    EXPECT_EQ(Notifications("assigned", stc_officer_.user_id), 1);
    EXPECT_EQ(Notifications("assigned", stc_official_.user_id), 1);
    EXPECT_EQ(Notifications("assigned", sxd_officer_.user_id), 0);
    EXPECT_EQ(Audits("task.create"), 1);
    ExpectReadModelMatchesDatabase("create");

    const TaskDetail created = Get(stc_officer_, t.task.id);
    ASSERT_EQ(created.view.task.milestones.size(), 2u);
    EXPECT_EQ(created.view.task.milestones[1].planned_percent, 100);
    EXPECT_TRUE(created.view.can_work);
    EXPECT_FALSE(created.view.can_manage);

    // The officer reports progress.
    const TaskView reported =
        ASSERT_OK(svc().Report(stc_officer_, t.task.id, std::nullopt, 30, "Đã giải ngân 30%."));
    EXPECT_EQ(reported.task.state, TaskState::kInProgress);
    EXPECT_EQ(reported.task.progress_percent, 30);
    EXPECT_EQ(reported.task.last_report_on, D("2026-01-15"));
    ExpectReadModelMatchesDatabase("report");
  }

  void RequestAndRejectAnExtension(const TaskView& t) {
    // … and asks for an extension; a second one waits for the first to be decided.
    const Extension e1 = ASSERT_OK(svc().RequestExtension(stc_officer_, t.task.id, D("2026-04-30"),
                                                          "Chờ phân bổ vốn bổ sung."));
    EXPECT_EQ(e1.status, ExtensionStatus::kPending);
    EXPECT_EQ(e1.previous_deadline, D("2026-03-31"));
    // The office hears of it at once, and the task shows as awaiting its decision.
    EXPECT_EQ(Notifications("extension_requested", office_.user_id), 1);
    EXPECT_EQ(Notifications("extension_requested", stc_officer_.user_id), 0);
    EXPECT_TRUE(Get(leader_, t.task.id).view.task.extension_pending);
    ExpectReadModelMatchesDatabase("an extension requested");
    ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-05-31"), "Lần nữa"),
                  StatusCode::kConflict, "extension_pending");
    ExpectRefused(svc().DecideExtension(stc_officer_, e1.id, true, ""), StatusCode::kForbidden);
    ExpectRefused(svc().DecideExtension(office_, e1.id, false, ""), StatusCode::kInvalidInput,
                  "note");
    ExpectRefused(svc().DecideExtension(office_, 999999, true, ""), StatusCode::kNotFound);

    // Rejected: the deadline stays.
    const Extension rejected =
        ASSERT_OK(svc().DecideExtension(office_, e1.id, false, "Chưa đủ căn cứ."));
    EXPECT_EQ(rejected.status, ExtensionStatus::kRejected);
    EXPECT_EQ(rejected.decided_by, office_.user_id);
    EXPECT_EQ(Get(leader_, t.task.id).view.task.deadline, D("2026-03-31"));
    ExpectRefused(svc().DecideExtension(office_, e1.id, true, ""), StatusCode::kConflict,
                  "already_decided");
    EXPECT_EQ(Notifications("extension_decided", stc_officer_.user_id), 1);
    EXPECT_FALSE(Get(leader_, t.task.id).view.task.extension_pending);
    ExpectReadModelMatchesDatabase("an extension rejected");
  }

  void RequestAndApproveAnExtension(const Directive& d, const TaskView& t) {
    // Asked again and approved: the deadline moves, the original stays, the history is kept.
    const Extension e2 = ASSERT_OK(svc().RequestExtension(stc_officer_, t.task.id, D("2026-04-30"),
                                                          "Đã có quyết định phân bổ vốn bổ sung."));
    ASSERT_OK(svc().DecideExtension(office_, e2.id, true, "Đồng ý."));
    const TaskDetail extended = Get(leader_, t.task.id);
    EXPECT_EQ(extended.view.task.deadline, D("2026-04-30"));
    EXPECT_EQ(extended.view.task.original_deadline, D("2026-03-31"));
    ASSERT_EQ(extended.extensions.size(), 2u);
    EXPECT_EQ(extended.extensions[0].status, ExtensionStatus::kRejected);
    EXPECT_EQ(extended.extensions[0].decision_note, "Chưa đủ căn cứ.");
    EXPECT_EQ(extended.extensions[1].status, ExtensionStatus::kApproved);
    EXPECT_EQ(extended.extensions[1].previous_deadline, D("2026-03-31"));
    EXPECT_EQ(extended.view.extensions_approved, 1);
    EXPECT_EQ(extended.view.timeliness_reason,
              "Trong hạn, hạn 30/04/2026 (ngày nghỉ, tính đến 04/05/2026), đã gia hạn 1 lần");
    EXPECT_EQ(Notifications("extension_decided", stc_officer_.user_id), 2);
    EXPECT_EQ(Audits("task.extension_rejected"), 1);
    EXPECT_EQ(Audits("task.extension_approved"), 1);
    ExpectReadModelMatchesDatabase("extension approved");

    // Lists say the same as the task's page.
    TaskFilter by_directive;
    by_directive.directive_id = d.id;
    int64_t total = 0;
    auto listed = ASSERT_OK(svc().List(leader_, by_directive, 10, 0, &total));
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].extensions_approved, 1);
    EXPECT_EQ(listed[0].timeliness_reason, extended.view.timeliness_reason);
  }

  // More than 100 % in all is refused, and so is work for units outside the lead unit; the
  // sub-unit sees its part `to_unit`, not the parent task.
  void ExpectBadDelegationsRefused(int64_t task_id, int64_t to_unit) {
    const std::string before = Snapshot();
    const struct {
      const char* what;
      std::vector<DelegationPart> parts;
    } bad[] = {
        {"shares over 100 %", {DelegationPartOf(ttptqd_, std::nullopt, 31)}},
        {"a valid part, then one over 100 %",
         {DelegationPartOf(ttptqd_, std::nullopt, 10),
          DelegationPartOf(ttptqd_, std::nullopt, 25)}},
        {"a unit outside the lead unit", {DelegationPartOf(stc_, std::nullopt, 10)}},
        {"the lead unit itself", {DelegationPartOf(snnmt_, std::nullopt, 10)}},
        {"the parent unit", {DelegationPartOf(city_, std::nullopt, 10)}},
        {"an unknown unit", {DelegationPartOf(999999, std::nullopt, 10)}},
        {"an official of another unit", {DelegationPartOf(std::nullopt, stc_officer_.user_id, 10)}},
        {"an unknown official", {DelegationPartOf(std::nullopt, 999999, 10)}},
        {"a valid part, then a foreign official",
         {DelegationPartOf(ttptqd_, std::nullopt, 10),
          DelegationPartOf(std::nullopt, stc_officer_.user_id, 10)}},
        {"neither unit nor official", {DelegationPartOf(std::nullopt, std::nullopt, 10)}},
        {"a zero share", {DelegationPartOf(ttptqd_, std::nullopt, 0)}},
        {"a negative share", {DelegationPartOf(ttptqd_, std::nullopt, -5)}},
        {"a deadline after the task's",
         {DelegationPartOf(ttptqd_, std::nullopt, 10, D("2026-07-01"))}},
        {"no part at all", {}},
    };
    for (const auto& c : bad) {
      ExpectRefused(svc().Delegate(snnmt_officer_, task_id, c.parts), StatusCode::kInvalidInput,
                    "parts", c.what);
      EXPECT_EQ(Snapshot(), before) << c.what;
    }
    // The sub-unit sees its part, not the parent task.
    ExpectRefused(svc().Get(ttptqd_officer_, task_id), StatusCode::kNotFound);
    ExpectRefused(
        svc().Delegate(ttptqd_officer_, task_id, {DelegationPartOf(ttptqd_, std::nullopt, 5)}),
        StatusCode::kNotFound);
    EXPECT_EQ(Get(ttptqd_officer_, to_unit).view.task.lead_unit_id, ttptqd_);
    EXPECT_EQ(Snapshot(), before);
  }

  // Requests to the lead unit itself, in the past, empty, to no unit, or not by the lead
  // unit: refused, and nothing written.
  void ExpectBadCoordinationRequestsRefused(int64_t task_id) {
    const std::string before = Snapshot();
    ExpectRefused(svc().RequestCoordination(stc_officer_, task_id, stc_, "Tự hỏi", D("2026-01-20")),
                  StatusCode::kInvalidInput, "to_unit_id");
    ExpectRefused(
        svc().RequestCoordination(stc_officer_, task_id, sxd_, "Quá khứ", D("2026-01-14")),
        StatusCode::kInvalidInput, "due_on");
    ExpectRefused(svc().RequestCoordination(stc_officer_, task_id, sxd_, "", D("2026-01-20")),
                  StatusCode::kInvalidInput, "body");
    ExpectRefused(
        svc().RequestCoordination(stc_officer_, task_id, 999999, "Không có", D("2026-01-20")),
        StatusCode::kInvalidInput, "to_unit_id");
    ExpectRefused(
        svc().RequestCoordination(sxd_officer_, task_id, skhdt_, "Không chủ trì", D("2026-01-20")),
        StatusCode::kForbidden);
    EXPECT_EQ(Snapshot(), before);
  }

  // A second answer, an answer by the asking unit, an empty one, by an unrelated unit, or
  // to no request: refused.
  void ExpectBadAnswersRefused(int64_t answered_id, int64_t open_id) {
    ExpectRefused(svc().AnswerCoordination(sxd_officer_, answered_id, "Lần hai"),
                  StatusCode::kConflict, "already_answered");
    ExpectRefused(svc().AnswerCoordination(stc_officer_, open_id, "Tự trả lời"),
                  StatusCode::kForbidden);
    ExpectRefused(svc().AnswerCoordination(sxd_officer_, open_id, ""), StatusCode::kInvalidInput,
                  "answer");
    ExpectRefused(svc().AnswerCoordination(ttptqd_officer_, open_id, "Không liên quan"),
                  StatusCode::kNotFound);
    ExpectRefused(svc().AnswerCoordination(sxd_officer_, 999999, "?"), StatusCode::kNotFound);
  }

  // Done is final: no report, suspension, refusal, extension or second decision.
  void ExpectDoneIsFinal(int64_t task_id) {
    const std::string before = Snapshot();
    ExpectRefused(svc().Report(stc_officer_, task_id, std::nullopt, 100, "Sau khi xong"),
                  StatusCode::kConflict);
    ExpectRefused(svc().Suspend(office_, task_id, true, "Tạm dừng"), StatusCode::kConflict);
    ExpectRefused(svc().Refuse(stc_officer_, task_id, "Không thuộc chức năng"),
                  StatusCode::kConflict);
    ExpectRefused(svc().RequestExtension(stc_officer_, task_id, D("2026-02-27"), "Muộn"),
                  StatusCode::kConflict);
    ExpectRefused(svc().Confirm(office_, task_id, false, "Trả lại lần nữa"), StatusCode::kConflict);
    EXPECT_EQ(Snapshot(), before);
  }

  // What the refusal tests try to change: a task of directive `d` delegated half to
  // ttptqd_, a task done and confirmed, and a group `g_other` of another directive.
  struct RefusalScene {
    Directive d;
    TaskGroup g_other;
    TaskView t, done;
  };
  void MakeRefusalScene(RefusalScene* s) {
    s->d = MakeDirective();
    const Directive other = MakeDirective("46/TB-UBND");
    s->g_other = MakeGroup(other.id, "Nhóm của văn bản khác", 1);
    TaskInput of_d = Input(snnmt_, D("2026-03-31"));
    of_d.directive_id = s->d.id;
    s->t = ASSERT_OK(svc().Create(&office_, of_d));
    DelegationPart first;
    first.unit_id = ttptqd_;
    first.share_percent = 50;
    ASSERT_OK(svc().Delegate(snnmt_officer_, s->t.task.id, {first}));
    s->done = MakeTask(stc_, D("2026-03-31"));
    ASSERT_OK(svc().Submit(stc_officer_, s->done.task.id, std::nullopt, "Xong"));
    ASSERT_OK(svc().Confirm(office_, s->done.task.id, true, ""));
  }

  // A call the service must refuse: with an error of its own (not an internal one), and
  // writing nothing (the database and the read model as they were).
  struct RefusedCall {
    const char* what;
    std::function<Status()> call;
  };
  void ExpectEachRefusedWritingNothing(const std::vector<RefusedCall>& calls) {
    const std::string before = Snapshot();
    for (const auto& c : calls) {
      const Status s = c.call();
      EXPECT_FALSE(s.ok()) << c.what;
      EXPECT_NE(s.code(), StatusCode::kInternal) << c.what << ": " << s.ToString();
      EXPECT_EQ(Snapshot(), before) << c.what;
    }
    ExpectReadModelMatchesDatabase("refusals");
  }

  // skhdt_ and ttptqd_ merged into stc_ on 15/01/2026 by another process (its own unit
  // directory and service): this process's graph has not seen it yet.
  void MergeIntoStcInAnotherProcess() {
    units::UnitDirectory theirs;
    ASSERT_TRUE(theirs.Reload(db()).ok());
    units::UnitService other(db(), app().clock(), theirs);
    other.AddTransfer(std::make_shared<TaskTransfer>(svc()));
    ASSERT_OK(
        other.Restructure(&admin_, {"merge", D("2026-01-15"), {skhdt_, ttptqd_}, {stc_}, {}, ""}));
    ASSERT_TRUE(app().unit_directory().Get()->Find(skhdt_)->ActiveOn(D("2026-01-15")))
        << "our graph should not have seen the merge yet";
  }

  // Calls refused with `code` on `field`, each writing nothing.
  struct FieldRefusal {
    const char* what;
    std::function<Status()> run;
    StatusCode code;
    const char* field;
  };
  void ExpectEachRefusedOnItsField(const std::vector<FieldRefusal>& calls) {
    for (const FieldRefusal& c : calls) {
      SCOPED_TRACE(c.what);
      const std::string before = Snapshot();
      const Status s = c.run();
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.code(), c.code) << s.ToString();
      EXPECT_EQ(s.field(), c.field) << s.ToString();
      EXPECT_EQ(Snapshot(), before);
    }
  }

  // The office's edit of task `id` with only what `set` fills in.
  Status EditTask(int64_t id, const std::function<void(TaskInput&)>& set) {
    TaskInput in;
    set(in);
    return svc().Update(office_, id, in).status();
  }

  int64_t city_ = 0, stc_ = 0, sxd_ = 0, skhdt_ = 0, snnmt_ = 0, ttptqd_ = 0;
  Principal admin_, office_, leader_, stc_officer_, stc_official_, sxd_officer_, skhdt_officer_,
      snnmt_officer_, ttptqd_officer_, viewer_, business_;
};

// ---- The loop ---------------------------------------------------------------------------

TEST_P(TaskServiceTest, DirectiveGroupsTasksReportAndExtensions) {
  const Directive d = MakeDirective();
  ASSERT_GT(d.id, 0);
  EXPECT_EQ(Audits("directive.create"), 1);
  TaskGroup g1, g11;
  MakeGroups(d, &g1, &g11);
  ASSERT_FALSE(HasFatalFailure());
  TaskView t;
  CreateAndReport(d, g11, &t);
  ASSERT_FALSE(HasFatalFailure());
  RequestAndRejectAnExtension(t);
  ASSERT_FALSE(HasFatalFailure());
  RequestAndApproveAnExtension(d, t);
  ASSERT_FALSE(HasFatalFailure());

  // The board changes as the days pass: 30/4 and 1/5/2026 are off, so the deadline is
  // Monday 4/5; on Tuesday 28/4 two working days are left.
  auto board_of = [&](int64_t key) {
    auto b = svc().Board(leader_, "directive", {});
    EXPECT_TRUE(b.ok());
    return b.ok() && b->count(key) ? Str(b->at(key)) : std::string("none");
  };
  EXPECT_EQ(board_of(d.id), "total=1 on_time=0 late=0 in_time=1 soon=0 overdue=0 none=0");
  SetToday("2026-04-28");
  EXPECT_EQ(board_of(d.id), "total=1 on_time=0 late=0 in_time=0 soon=1 overdue=0 none=0");
  ExpectReadModelMatchesDatabase("28/4");
  SetToday("2026-05-04");
  EXPECT_EQ(board_of(d.id), "total=1 on_time=0 late=0 in_time=0 soon=1 overdue=0 none=0");
  SetToday("2026-05-05");
  EXPECT_EQ(board_of(d.id), "total=1 on_time=0 late=0 in_time=0 soon=0 overdue=1 none=0");
  ExpectReadModelMatchesDatabase("5/5");
  auto by_group = ASSERT_OK(svc().Board(leader_, "group", {}));
  EXPECT_EQ(by_group.count(g11.id), 1u);
  EXPECT_EQ(by_group.count(g1.id), 0u);  // a task counts under its own group
}

TEST_P(TaskServiceTest, ExtensionRequestsThatAreRefused) {
  const TaskView t = MakeTask(stc_, D("2026-02-27"));
  const TaskView regular = MakeTask(stc_, std::nullopt, "Theo dõi thường xuyên");
  const std::string before = Snapshot();
  ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-02-27"), "Lý do"),
                StatusCode::kInvalidInput, "new_deadline", "same day");
  ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-02-20"), "Lý do"),
                StatusCode::kInvalidInput, "new_deadline", "earlier");
  ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-03-31"), ""),
                StatusCode::kInvalidInput, "reason", "no reason");
  ExpectRefused(svc().RequestExtension(stc_officer_, regular.task.id, D("2026-03-31"), "Lý do"),
                StatusCode::kConflict, "no_deadline", "regular task");
  ExpectRefused(svc().RequestExtension(sxd_officer_, t.task.id, D("2026-03-31"), "Lý do"),
                StatusCode::kNotFound, "", "another department");
  ExpectRefused(svc().RequestExtension(viewer_, t.task.id, D("2026-03-31"), "Lý do"),
                StatusCode::kForbidden, "", "viewer");
  ExpectRefused(svc().RequestExtension(stc_officer_, 999999, D("2026-03-31"), "Lý do"),
                StatusCode::kNotFound);
  EXPECT_EQ(Snapshot(), before);

  ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo kết quả"));
  EXPECT_EQ(Notifications("completion_submitted", office_.user_id), 1);  // to confirm
  ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-03-31"), "Lý do"),
                StatusCode::kConflict, "invalid_state", "awaiting confirmation");
}

TEST_P(TaskServiceTest, AnExtensionAfterOverdueMakesItInTimeAgain) {
  const TaskView t = MakeTask(stc_, D("2026-01-20"));
  SetToday("2026-01-26");
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kOverdue);
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness_reason,
            "Quá hạn 4 ngày làm việc so với hạn 20/01/2026");
  ExpectReadModelMatchesDatabase("overdue");
  // A new deadline after the old one but already past would leave it overdue.
  const std::string before = Snapshot();
  ExpectRefused(
      svc().RequestExtension(stc_officer_, t.task.id, D("2026-01-23"), "Xin lùi vài ngày."),
      StatusCode::kInvalidInput, "new_deadline");
  EXPECT_EQ(Snapshot(), before);
  const Extension e =
      ASSERT_OK(svc().RequestExtension(stc_officer_, t.task.id, D("2026-02-27"), "Chờ số liệu."));
  // Pending changes nothing yet.
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kOverdue);
  ASSERT_OK(svc().DecideExtension(office_, e.id, true, ""));
  const TaskDetail after = Get(stc_officer_, t.task.id);
  EXPECT_EQ(after.view.timeliness, Timeliness::kInTime);
  EXPECT_EQ(after.view.task.original_deadline, D("2026-01-20"));
  ExpectReadModelMatchesDatabase("extended");
}

// ---- Delegation -------------------------------------------------------------------------

TEST_P(TaskServiceTest, DelegationToASubUnitAndAnOfficialRollsUp) {
  const TaskView t = MakeTask(snnmt_, D("2026-06-30"), "Bàn giao mặt bằng dự án đường vành đai");
  std::vector<DelegationPart> parts(2);
  parts[0].unit_id = ttptqd_;
  parts[0].share_percent = 40;
  parts[0].deadline = D("2026-05-29");
  parts[0].title = "Bồi thường, giải phóng mặt bằng";
  parts[1].assignee_id = snnmt_officer_.user_id;
  parts[1].share_percent = 30;
  const auto created = ASSERT_OK(svc().Delegate(snnmt_officer_, t.task.id, parts));
  ASSERT_EQ(created.size(), 2u);
  const int64_t to_unit = created[0].task.id, to_person = created[1].task.id;
  EXPECT_EQ(created[0].task.parent_task_id, t.task.id);
  EXPECT_EQ(created[0].task.lead_unit_id, ttptqd_);
  EXPECT_EQ(created[0].task.share_percent, 40);
  EXPECT_EQ(created[0].task.deadline, D("2026-05-29"));
  EXPECT_EQ(created[0].task.title, "Bồi thường, giải phóng mặt bằng");
  EXPECT_EQ(created[1].task.lead_unit_id, snnmt_);
  EXPECT_EQ(created[1].task.assignee_id, snnmt_officer_.user_id);
  EXPECT_EQ(created[1].task.deadline, D("2026-06-30"));
  EXPECT_EQ(created[1].task.title, t.task.title);
  EXPECT_EQ(Get(office_, t.task.id).view.task.state, TaskState::kInProgress);
  EXPECT_EQ(Notifications("assigned", ttptqd_officer_.user_id), 1);
  EXPECT_EQ(Notifications("assigned", snnmt_officer_.user_id), 2);  // the task, then the part
  EXPECT_EQ(Audits("task.delegate"), 2);
  ExpectReadModelMatchesDatabase("delegate");

  ExpectBadDelegationsRefused(t.task.id, to_unit);

  // Progress of the parts rolls up, weighted by share: 40 % at 50 → 20.
  ASSERT_OK(svc().Report(ttptqd_officer_, to_unit, std::nullopt, 50, "Đã chi trả 50% hộ dân."));
  EXPECT_EQ(Get(office_, t.task.id).view.task.progress_percent, 20);
  // 30 % done → 20 + 30.
  ASSERT_OK(svc().Report(snnmt_officer_, to_person, std::nullopt, 100, "Xong phần được giao."));
  EXPECT_EQ(Get(office_, t.task.id).view.task.progress_percent, 50);
  // The holder kept 30 %: its own report counts for that share only.
  const TaskView own =
      ASSERT_OK(svc().Report(snnmt_officer_, t.task.id, std::nullopt, 100, "Phần còn lại xong."));
  EXPECT_EQ(own.task.progress_percent, 80);
  ASSERT_OK(svc().Submit(ttptqd_officer_, to_unit, std::nullopt, "Biên bản bàn giao mặt bằng"));
  EXPECT_EQ(Get(office_, t.task.id).view.task.progress_percent, 100);
  const TaskDetail parent = Get(office_, t.task.id);
  ASSERT_EQ(parent.parts.size(), 2u);
  EXPECT_EQ(parent.parts[0].task.progress_percent, 100);
  EXPECT_EQ(parent.parts[0].timeliness, Timeliness::kDoneOnTime);
  ExpectReadModelMatchesDatabase("roll-up");

  // Lists: the parts of a task, and the top level without them.
  TaskFilter f;
  f.parent_id = t.task.id;
  EXPECT_EQ(ListIds(office_, f), (std::vector<int64_t>{to_unit, to_person}));
  TaskFilter top;
  top.top_level_only = true;
  EXPECT_EQ(ListIds(office_, top), std::vector<int64_t>{t.task.id});
  TaskFilter mine;
  mine.assignee_id = snnmt_officer_.user_id;
  EXPECT_EQ(ListIds(office_, mine), std::vector<int64_t>{to_person});
  // The sub-unit's officer sees only its own part.
  EXPECT_EQ(ListIds(ttptqd_officer_), std::vector<int64_t>{to_unit});
}

TEST_P(TaskServiceTest, ASecondDelegationAddsToTheSharesAlreadyGiven) {
  const TaskView t = MakeTask(snnmt_, D("2026-06-30"));
  DelegationPart p;
  p.unit_id = ttptqd_;
  p.share_percent = 60;
  ASSERT_OK(svc().Delegate(snnmt_officer_, t.task.id, {p}));
  p.share_percent = 41;
  ExpectRefused(svc().Delegate(snnmt_officer_, t.task.id, {p}), StatusCode::kInvalidInput, "parts");
  p.share_percent = 40;
  ASSERT_OK(svc().Delegate(snnmt_officer_, t.task.id, {p}));
  // All given away: the holder's own report no longer moves the total.
  const TaskView v =
      ASSERT_OK(svc().Report(snnmt_officer_, t.task.id, std::nullopt, 100, "Đã chỉ đạo."));
  EXPECT_EQ(v.task.progress_percent, 0);
  ExpectReadModelMatchesDatabase("two delegations");
}

// ---- Coordination -----------------------------------------------------------------------

TEST_P(TaskServiceTest, CoordinationRequestsAndLateAnswers) {
  const TaskView t =
      MakeTask(stc_, D("2026-03-31"), "Rà soát danh mục dự án chậm giải ngân", {sxd_});
  // The coordinating unit sees the task, but does not work on it.
  const TaskDetail seen = Get(sxd_officer_, t.task.id);
  EXPECT_FALSE(seen.view.can_work);
  ExpectRefused(svc().Report(sxd_officer_, t.task.id, std::nullopt, 10, "Sở Xây dựng báo cáo"),
                StatusCode::kForbidden);
  EXPECT_EQ(ListIds(sxd_officer_), std::vector<int64_t>{t.task.id});
  TaskFilter by_unit;
  by_unit.unit_id = sxd_;
  EXPECT_EQ(ListIds(leader_, by_unit), std::vector<int64_t>{t.task.id});

  ExpectBadCoordinationRequestsRefused(t.task.id);

  const CoordinationRequest late = ASSERT_OK(svc().RequestCoordination(
      stc_officer_, t.task.id, sxd_, "Đề nghị cho ý kiến về suất vốn đầu tư.", D("2026-01-20")));
  const CoordinationRequest on_time = ASSERT_OK(svc().RequestCoordination(
      stc_officer_, t.task.id, sxd_, "Đề nghị cung cấp danh mục.", D("2026-01-16")));
  const CoordinationRequest unanswered = ASSERT_OK(svc().RequestCoordination(
      stc_officer_, t.task.id, skhdt_, "Đề nghị rà soát kế hoạch vốn.", D("2026-01-22")));
  // Asking a unit makes it a coordinating unit of the task.
  EXPECT_EQ(Get(leader_, t.task.id).view.task.coordinator_ids,
            (std::vector<int64_t>{sxd_, skhdt_}));
  EXPECT_EQ(Notifications("coordination", sxd_officer_.user_id), 2);
  EXPECT_EQ(Notifications("coordination", skhdt_officer_.user_id), 1);
  ExpectReadModelMatchesDatabase("requests");

  SetToday("2026-01-16");
  const CoordinationRequest a1 =
      ASSERT_OK(svc().AnswerCoordination(sxd_officer_, on_time.id, "Danh mục kèm theo."));
  EXPECT_EQ(AnswerStatusOf(a1, svc().Today(), *svc().Calendar()), AnswerStatus::kAnsweredOnTime);
  ExpectBadAnswersRefused(on_time.id, late.id);

  SetToday("2026-01-21");  // a day after the due day
  const CoordinationRequest a2 =
      ASSERT_OK(svc().AnswerCoordination(sxd_officer_, late.id, "Ý kiến của Sở Xây dựng."));
  EXPECT_EQ(a2.answered_on, D("2026-01-21"));
  EXPECT_EQ(AnswerStatusOf(a2, svc().Today(), *svc().Calendar()), AnswerStatus::kAnsweredLate);
  ExpectReadModelMatchesDatabase("answers");

  SetToday("2026-01-23");
  auto board = ASSERT_OK(svc().CoordinationBoard(leader_));
  ASSERT_EQ(board.count(sxd_), 1u);
  ASSERT_EQ(board.count(skhdt_), 1u);
  EXPECT_EQ(Str(board.at(sxd_)), "received=2 on_time=1 late=1 overdue=0 pending=0");
  EXPECT_EQ(Str(board.at(skhdt_)), "received=1 on_time=0 late=0 overdue=1 pending=0");
  EXPECT_EQ(board.count(stc_), 0u);
  // The detail shows each request with its answer.
  const TaskDetail detail = Get(stc_officer_, t.task.id);
  ASSERT_EQ(detail.coordination.size(), 3u);
  EXPECT_EQ(detail.coordination[0].answer, "Ý kiến của Sở Xây dựng.");
  EXPECT_FALSE(detail.coordination[2].answered_on.has_value());
  ExpectReadModelMatchesDatabase("overdue request");
  // An officer's board covers only its own unit.
  auto own = ASSERT_OK(svc().CoordinationBoard(sxd_officer_));
  EXPECT_EQ(own.size(), 1u);
  EXPECT_EQ(own.count(sxd_), 1u);
  ExpectRefused(svc().CoordinationBoard(business_), StatusCode::kForbidden);
}

// ---- Completion ---------------------------------------------------------------------------

TEST_P(TaskServiceTest, SubmitConfirmAndReturn) {
  const TaskView t = MakeTask(stc_, D("2026-01-20"), "Báo cáo quyết toán ngân sách");
  ExpectRefused(svc().Submit(stc_officer_, t.task.id, std::nullopt, ""), StatusCode::kInvalidInput,
                "output_text");
  ExpectRefused(svc().Submit(stc_officer_, t.task.id, D("2026-01-16"), "Sau hôm nay"),
                StatusCode::kInvalidInput, "finished_on");
  ExpectRefused(svc().Confirm(office_, t.task.id, true, ""), StatusCode::kConflict,
                "invalid_state");

  const TaskView submitted =
      ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo số 12/BC-STC"));
  EXPECT_EQ(submitted.task.state, TaskState::kAwaitingConfirmation);
  EXPECT_EQ(submitted.task.finished_on, D("2026-01-15"));
  EXPECT_EQ(submitted.task.progress_percent, 100);
  EXPECT_EQ(submitted.timeliness, Timeliness::kDoneOnTime);
  ExpectRefused(svc().Report(stc_officer_, t.task.id, std::nullopt, 100, "Thêm"),
                StatusCode::kConflict, "invalid_state");
  ExpectRefused(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Lần hai"),
                StatusCode::kConflict, "invalid_state");
  ExpectRefused(svc().Confirm(stc_officer_, t.task.id, true, ""), StatusCode::kForbidden);
  ExpectRefused(svc().Confirm(office_, t.task.id, false, ""), StatusCode::kInvalidInput, "reason");
  ExpectReadModelMatchesDatabase("submitted");

  // While it waits, it is judged by the day it was submitted.
  SetToday("2026-01-22");
  EXPECT_EQ(Get(office_, t.task.id).view.timeliness, Timeliness::kDoneOnTime);
  ExpectReadModelMatchesDatabase("waiting past the deadline");

  // Returned with a reason: open again, and now overdue.
  const TaskView returned =
      ASSERT_OK(svc().Confirm(office_, t.task.id, false, "Thiếu số liệu quý IV."));
  EXPECT_EQ(returned.task.state, TaskState::kReturned);
  EXPECT_FALSE(returned.task.finished_on.has_value());
  EXPECT_EQ(returned.task.progress_percent, 90);
  EXPECT_EQ(returned.timeliness, Timeliness::kOverdue);
  EXPECT_EQ(Notifications("returned", stc_officer_.user_id), 1);
  EXPECT_EQ(Notifications("returned", stc_official_.user_id), 1);
  ExpectReadModelMatchesDatabase("returned");

  // Reported on and submitted again, late, and confirmed.
  ASSERT_OK(svc().Report(stc_officer_, t.task.id, std::nullopt, 95, "Đã bổ sung số liệu."));
  ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo số 15/BC-STC (bổ sung)"));
  const TaskView done = ASSERT_OK(svc().Confirm(office_, t.task.id, true, ""));
  EXPECT_EQ(done.task.state, TaskState::kDone);
  EXPECT_EQ(done.timeliness, Timeliness::kDoneLate);
  EXPECT_EQ(done.timeliness_reason,
            "Hoàn thành ngày 22/01/2026, trễ 2 ngày làm việc so với hạn 20/01/2026");
  const TaskDetail d = Get(office_, t.task.id);
  EXPECT_EQ(EventKinds(d),
            (std::vector<std::string>{"submitted", "returned", "submitted", "confirmed"}));
  EXPECT_EQ(d.events[1].note, "Thiếu số liệu quý IV.");
  EXPECT_EQ(d.reports.size(), 1u);
  ExpectReadModelMatchesDatabase("done late");

  ExpectDoneIsFinal(t.task.id);
}

TEST_P(TaskServiceTest, RefuseAndReassign) {
  const TaskView t = MakeTask(sxd_, D("2026-02-27"), "Xây dựng bảng giá đất điều chỉnh");
  ExpectRefused(svc().Refuse(sxd_officer_, t.task.id, ""), StatusCode::kInvalidInput, "reason");
  ExpectRefused(svc().Refuse(stc_officer_, t.task.id, "Không phải của Sở Tài chính"),
                StatusCode::kNotFound);
  const TaskView refused =
      ASSERT_OK(svc().Refuse(sxd_officer_, t.task.id, "Thuộc chức năng của Sở Tài chính."));
  EXPECT_EQ(refused.task.state, TaskState::kRefused);
  ExpectRefused(svc().Refuse(sxd_officer_, t.task.id, "Lần nữa"), StatusCode::kConflict,
                "invalid_state");
  ExpectReadModelMatchesDatabase("refused");

  const std::string before = Snapshot();
  ExpectRefused(svc().Reassign(sxd_officer_, t.task.id, stc_, "Tự giao"), StatusCode::kForbidden);
  ExpectRefused(svc().Reassign(office_, t.task.id, sxd_, "Cùng đơn vị"), StatusCode::kInvalidInput,
                "lead_unit_id");
  ExpectRefused(svc().Reassign(office_, t.task.id, 999999, "Không có"), StatusCode::kInvalidInput,
                "lead_unit_id");
  ExpectRefused(svc().Reassign(office_, 999999, stc_, "Không có"), StatusCode::kNotFound);
  EXPECT_EQ(Snapshot(), before);

  const TaskView moved =
      ASSERT_OK(svc().Reassign(office_, t.task.id, stc_, "Giao Sở Tài chính chủ trì."));
  EXPECT_EQ(moved.task.state, TaskState::kNotStarted);
  EXPECT_EQ(moved.task.lead_unit_id, stc_);
  const TaskDetail d = Get(stc_officer_, t.task.id);
  EXPECT_TRUE(d.view.can_work);
  EXPECT_EQ(EventKinds(d), (std::vector<std::string>{"refused", "reassigned"}));
  EXPECT_EQ(d.events[1].from_unit_id, sxd_);
  EXPECT_EQ(d.events[1].to_unit_id, stc_);
  EXPECT_EQ(Notifications("assigned", stc_officer_.user_id), 1);
  EXPECT_EQ(Notifications("assigned", sxd_officer_.user_id), 1);  // the first assignment only
  ExpectRefused(svc().Get(sxd_officer_, t.task.id), StatusCode::kNotFound);
  EXPECT_EQ(ListIds(sxd_officer_), std::vector<int64_t>{});
  ExpectReadModelMatchesDatabase("reassigned");
}

TEST_P(TaskServiceTest, SuspendAndResume) {
  const TaskView t = MakeTask(stc_, D("2026-01-20"));
  SetToday("2026-01-26");
  ExpectRefused(svc().Suspend(stc_officer_, t.task.id, true, "Tự dừng"), StatusCode::kForbidden);
  const TaskView s =
      ASSERT_OK(svc().Suspend(office_, t.task.id, true, "Chờ chủ trương của Thành ủy."));
  EXPECT_EQ(s.task.state, TaskState::kSuspended);
  EXPECT_EQ(s.timeliness, Timeliness::kNoDeadline);
  EXPECT_EQ(s.timeliness_reason, "Tạm dừng thực hiện, không tính hạn 20/01/2026");
  ExpectReadModelMatchesDatabase("suspended");
  ExpectRefused(svc().Report(stc_officer_, t.task.id, std::nullopt, 10, "Trong lúc dừng"),
                StatusCode::kConflict);
  ExpectRefused(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Trong lúc dừng"),
                StatusCode::kConflict);
  ExpectRefused(svc().Suspend(office_, t.task.id, true, "Lần nữa"), StatusCode::kConflict);
  ExpectRefused(svc().RequestExtension(stc_officer_, t.task.id, D("2026-03-31"), "Trong lúc dừng"),
                StatusCode::kConflict);
  const TaskView r = ASSERT_OK(svc().Suspend(office_, t.task.id, false, "Tiếp tục."));
  EXPECT_EQ(r.task.state, TaskState::kInProgress);
  EXPECT_EQ(r.timeliness, Timeliness::kOverdue);
  ExpectRefused(svc().Suspend(office_, t.task.id, false, "Lần nữa"), StatusCode::kConflict);
  EXPECT_EQ(EventKinds(Get(office_, t.task.id)),
            (std::vector<std::string>{"suspended", "resumed"}));
  ExpectReadModelMatchesDatabase("resumed");
}

TEST_P(TaskServiceTest, AFirstReportOfZeroDoesNotStartTheTask) {
  const TaskView t = MakeTask(stc_, D("2026-03-31"));
  EXPECT_EQ(ASSERT_OK(svc().Report(stc_officer_, t.task.id, std::nullopt, 0, "Đang chuẩn bị."))
                .task.state,
            TaskState::kNotStarted);
  EXPECT_EQ(
      ASSERT_OK(svc().Report(stc_officer_, t.task.id, D("2026-01-14"), 5, "Đã họp.")).task.state,
      TaskState::kInProgress);
  const std::string before = Snapshot();
  for (int bad : {-1, 101, 150})
    ExpectRefused(svc().Report(stc_officer_, t.task.id, std::nullopt, bad, "Sai"),
                  StatusCode::kInvalidInput, "percent");
  ExpectRefused(svc().Report(stc_officer_, t.task.id, D("2026-01-16"), 10, "Ngày mai"),
                StatusCode::kInvalidInput, "reported_on");
  ExpectRefused(svc().Report(stc_officer_, t.task.id, std::nullopt, 10, ""),
                StatusCode::kInvalidInput, "body");
  EXPECT_EQ(Snapshot(), before);
  // Reports are listed newest first.
  const TaskDetail d = Get(stc_officer_, t.task.id);
  ASSERT_EQ(d.reports.size(), 2u);
  EXPECT_EQ(d.reports[0].reported_on, D("2026-01-15"));
}

TEST_P(TaskServiceTest, ABackDatedReportFillsTheHistoryWithoutTurningProgressBack) {
  const TaskView t = MakeTask(stc_, D("2026-03-31"));
  SetToday("2026-01-20");
  ASSERT_OK(svc().Report(stc_officer_, t.task.id, std::nullopt, 50, "Tuần này: 50%."));
  // Last week's report, sent late: kept in the history, but the work stands where this
  // week's report says, and the task did not go quiet on the 13th.
  const TaskView late =
      ASSERT_OK(svc().Report(stc_officer_, t.task.id, D("2026-01-13"), 30, "Bổ sung tuần trước."));
  EXPECT_EQ(late.task.progress_percent, 50);
  EXPECT_EQ(late.task.last_report_on, D("2026-01-20"));
  const TaskDetail d = Get(stc_officer_, t.task.id);
  ASSERT_EQ(d.reports.size(), 2u);
  EXPECT_EQ(d.reports[0].percent, 50);
  EXPECT_EQ(d.reports[1].percent, 30);
  EXPECT_EQ(d.reports[1].reported_on, D("2026-01-13"));
  // Another report the same day is the latest.
  EXPECT_EQ(ASSERT_OK(svc().Report(stc_officer_, t.task.id, std::nullopt, 55, "Cập nhật."))
                .task.progress_percent,
            55);
  ExpectReadModelMatchesDatabase("back-dated report");
}

// ---- Scope ------------------------------------------------------------------------------

TEST_P(TaskServiceTest, AnOfficerSeesItsUnitsTasksAndThoseItCoordinates) {
  const TaskView of_sxd = MakeTask(sxd_, D("2026-03-31"), "Nhiệm vụ của Sở Xây dựng");
  const TaskView coordinated = MakeTask(sxd_, D("2026-03-31"), "Sở Tài chính phối hợp", {stc_});
  const TaskView of_stc = MakeTask(stc_, D("2026-03-31"), "Nhiệm vụ của Sở Tài chính");
  const std::string before = Snapshot();

  // Another department's task does not exist for the officer.
  const int64_t id = of_sxd.task.id;
  ExpectRefused(svc().Get(stc_officer_, id), StatusCode::kNotFound, "", "get");
  ExpectRefused(svc().Report(stc_officer_, id, std::nullopt, 10, "Báo cáo hộ"),
                StatusCode::kNotFound, "", "report");
  ExpectRefused(svc().RequestExtension(stc_officer_, id, D("2026-04-30"), "Xin hộ"),
                StatusCode::kNotFound, "", "extension");
  ExpectRefused(svc().Submit(stc_officer_, id, std::nullopt, "Nộp hộ"), StatusCode::kNotFound, "",
                "submit");
  ExpectRefused(svc().Refuse(stc_officer_, id, "Từ chối hộ"), StatusCode::kNotFound, "", "refuse");
  ExpectRefused(svc().RequestCoordination(stc_officer_, id, skhdt_, "Hỏi hộ", D("2026-01-20")),
                StatusCode::kNotFound, "", "coordination");
  DelegationPart p;
  p.assignee_id = stc_official_.user_id;
  p.share_percent = 10;
  ExpectRefused(svc().Delegate(stc_officer_, id, {p}), StatusCode::kNotFound, "", "delegate");
  TaskInput rename;
  rename.title = "Đổi tên";
  ExpectRefused(svc().Update(stc_officer_, id, rename), StatusCode::kNotFound, "", "update");
  // The task it coordinates: visible, not its to work on.
  const TaskDetail seen = Get(stc_officer_, coordinated.task.id);
  EXPECT_FALSE(seen.view.can_work);
  ExpectRefused(svc().Report(stc_officer_, coordinated.task.id, std::nullopt, 10, "Phối hợp"),
                StatusCode::kForbidden);
  EXPECT_EQ(ListIds(stc_officer_), (std::vector<int64_t>{coordinated.task.id, of_stc.task.id}));
  auto board = ASSERT_OK(svc().Board(stc_officer_, "unit", {}));
  int64_t total = 0;
  for (const auto& [k, c] : board) total += c.total;
  EXPECT_EQ(total, 2);
  // Creating tasks and directives is the office's.
  ExpectRefused(svc().Create(&stc_officer_, Input(stc_, D("2026-03-31"))), StatusCode::kForbidden);
  DirectiveInput din{.kind = "plan",
                     .number = "1/KH-STC",
                     .title = "Kế hoạch",
                     .issued_on = D("2026-01-10"),
                     .issuer_unit_id = stc_};
  ExpectRefused(svc().CreateDirective(stc_officer_, din), StatusCode::kForbidden);

  // A viewer reads everything in scope and writes nothing; a leader likewise.
  EXPECT_EQ(ListIds(viewer_).size(), 3u);
  for (const Principal* reader : {&viewer_, &leader_}) {
    EXPECT_TRUE(svc().Get(*reader, id).ok());
    ExpectRefused(svc().Report(*reader, id, std::nullopt, 10, "Xem"), StatusCode::kForbidden);
    ExpectRefused(svc().Create(reader, Input(stc_, D("2026-03-31"))), StatusCode::kForbidden);
    ExpectRefused(svc().Suspend(*reader, id, true, "Xem"), StatusCode::kForbidden);
  }
  // A business reads no tasks at all.
  int64_t n = 0;
  ExpectRefused(svc().List(business_, {}, 10, 0, &n), StatusCode::kForbidden);
  ExpectRefused(svc().Board(business_, "unit", {}), StatusCode::kForbidden);
  ExpectRefused(svc().Get(business_, id), StatusCode::kNotFound);
  ExpectRefused(svc().ListDirectives(business_, "", 10, 0, &n), StatusCode::kForbidden);
  EXPECT_EQ(Snapshot(), before);
}

// ---- Restructuring ----------------------------------------------------------------------

TEST_P(TaskServiceTest, AMergeHandsOpenTasksToTheSuccessor) {
  const TaskView open1 =
      MakeTask(skhdt_, D("2026-03-31"), "Tham mưu kế hoạch đầu tư công trung hạn");
  ASSERT_OK(svc().Report(skhdt_officer_, open1.task.id, std::nullopt, 40, "Đang tổng hợp."));
  const TaskView open2 =
      MakeTask(skhdt_, D("2026-01-14"), "Báo cáo thu hút đầu tư");  // already overdue
  const TaskView done = MakeTask(skhdt_, D("2026-02-27"), "Báo cáo đã xong");
  ASSERT_OK(svc().Submit(skhdt_officer_, done.task.id, std::nullopt, "Báo cáo số 3"));
  ASSERT_OK(svc().Confirm(office_, done.task.id, true, ""));
  const TaskView coordinated = MakeTask(sxd_, D("2026-03-31"), "Sở KH&ĐT phối hợp", {skhdt_});
  const CoordinationRequest asked = ASSERT_OK(svc().RequestCoordination(
      sxd_officer_, coordinated.task.id, skhdt_, "Cho ý kiến", D("2026-02-02")));
  ExpectReadModelMatchesDatabase("before the merge");

  units::RestructureRequest merge{"merge", D("2026-01-15"),        {skhdt_}, {stc_},
                                  {},      "Nghị quyết sắp xếp sở"};
  auto out = ASSERT_OK(app().units().Restructure(&admin_, merge));
  EXPECT_EQ(out.moved["tasks"], 2);

  for (int64_t id : {open1.task.id, open2.task.id}) {
    const TaskDetail d = Get(admin_, id);
    EXPECT_EQ(d.view.task.lead_unit_id, stc_) << id;
    ASSERT_FALSE(d.events.empty());
    EXPECT_EQ(d.events.back().kind, "transferred");
    EXPECT_EQ(d.events.back().from_unit_id, skhdt_);
    EXPECT_EQ(d.events.back().to_unit_id, stc_);
    EXPECT_EQ(d.events.back().happened_on, D("2026-01-15"));
    EXPECT_TRUE(Get(stc_officer_, id).view.can_work) << id;  // the successor works on it
  }
  EXPECT_EQ(Get(admin_, open1.task.id).view.task.progress_percent, 40);  // its history goes with it
  EXPECT_EQ(Get(admin_, done.task.id).view.task.lead_unit_id, skhdt_);   // done work stays
  EXPECT_EQ(Get(admin_, coordinated.task.id).view.task.coordinator_ids, std::vector<int64_t>{stc_});
  EXPECT_EQ(Get(admin_, coordinated.task.id).coordination[0].to_unit_id, stc_);
  EXPECT_EQ(Get(admin_, asked.task_id).coordination[0].id, asked.id);
  EXPECT_EQ(Audits("task.transfer"), 2);

  auto board = ASSERT_OK(svc().Board(admin_, "unit", {}));
  ASSERT_EQ(board.count(skhdt_), 1u);
  EXPECT_EQ(Str(board.at(skhdt_)), "total=1 on_time=1 late=0 in_time=0 soon=0 overdue=0 none=0");
  EXPECT_EQ(Str(board.at(stc_)), "total=2 on_time=0 late=0 in_time=1 soon=0 overdue=1 none=0");
  TaskFilter f;
  f.unit_id = stc_;
  EXPECT_EQ(ListIds(admin_, f),
            (std::vector<int64_t>{open1.task.id, open2.task.id, coordinated.task.id}));
  ExpectReadModelMatchesDatabase("after the merge");
  // The coordination board moved too: the open request is now the successor's.
  auto co = ASSERT_OK(svc().CoordinationBoard(admin_));
  EXPECT_EQ(co.count(skhdt_), 0u);
  ASSERT_EQ(co.count(stc_), 1u);
  EXPECT_EQ(co.at(stc_).received, 1);
}

// ---- Nothing half-written ---------------------------------------------------------------

TEST_P(TaskServiceTest, ARefusedChangeWritesNothing) {
  RefusalScene s;
  ASSERT_NO_FATAL_FAILURE(MakeRefusalScene(&s));
  const int64_t id = s.t.task.id;
  const DelegationPart ok_part = DelegationPartOf(ttptqd_, std::nullopt, 20);
  const DelegationPart over = DelegationPartOf(ttptqd_, std::nullopt, 40);
  const DelegationPart foreign = DelegationPartOf(std::nullopt, stc_officer_.user_id, 5);
  TaskInput bad_group = Input(stc_, D("2026-03-31"));
  bad_group.directive_id = s.d.id;
  bad_group.group_id = s.g_other.id;
  TaskInput bad_directive = Input(stc_, D("2026-03-31"));
  bad_directive.directive_id = 999999;
  TaskInput bad_assignee = Input(stc_, D("2026-03-31"));
  bad_assignee.assignee_id = 999999;
  ExpectEachRefusedWritingNothing({
      {"delegation: the second part goes over 100 %",
       [&] {
         return svc().Delegate(snnmt_officer_, id, {ok_part, over}).status();
       }},
      {"delegation: the second part to a foreign official",
       [&] {
         return svc().Delegate(snnmt_officer_, id, {ok_part, foreign}).status();
       }},
      {"task in a group of another directive",
       [&] { return svc().Create(&office_, bad_group).status(); }},
      {"task of an unknown directive",
       [&] { return svc().Create(&office_, bad_directive).status(); }},
      {"task for an unknown official",
       [&] { return svc().Create(&office_, bad_assignee).status(); }},
      {"report of 150 %",
       [&] { return svc().Report(snnmt_officer_, id, std::nullopt, 150, "x").status(); }},
      {"report dated tomorrow",
       [&] { return svc().Report(snnmt_officer_, id, D("2026-01-16"), 10, "x").status(); }},
      {"extension before the deadline",
       [&] { return svc().RequestExtension(snnmt_officer_, id, D("2026-03-01"), "x").status(); }},
      {"coordination with itself",
       [&] {
         return svc()
             .RequestCoordination(snnmt_officer_, id, snnmt_, "x", D("2026-02-02"))
             .status();
       }},
      {"confirming a task nobody submitted",
       [&] { return svc().Confirm(office_, id, true, "").status(); }},
      {"reassigning a done task",
       [&] { return svc().Reassign(office_, s.done.task.id, sxd_, "x").status(); }},
      {"suspending a done task",
       [&] { return svc().Suspend(office_, s.done.task.id, true, "x").status(); }},
      {"a swap on a Saturday made a day off",
       [&] {
         return swaps().AddSwap(admin_, {D("2026-01-17"), false, "Nghỉ thứ Bảy"}).status();
       }},
      {"a swap by the office",
       [&] {
         return swaps().AddSwap(office_, {D("2026-01-19"), false, "Nghỉ"}).status();
       }},
  });
}

TEST_P(TaskServiceTest, ARefusedEditWritesNothing) {
  RefusalScene s;
  ASSERT_NO_FATAL_FAILURE(MakeRefusalScene(&s));
  const int64_t id = s.t.task.id;
  ExpectEachRefusedWritingNothing({
      {"deadline changed by editing",
       [&] { return EditTask(id, [](TaskInput& in) { in.deadline = D("2026-12-31"); }); }},
      {"lead unit changed by editing",
       [&] { return EditTask(id, [&](TaskInput& in) { in.lead_unit_id = stc_; }); }},
      {"the lead unit as its own coordinator",
       [&] {
         return EditTask(id, [&](TaskInput& in) { in.coordinator_ids = std::vector{snnmt_}; });
       }},
      {"an unknown group by editing",
       [&] { return EditTask(id, [](TaskInput& in) { in.group_id = 999999; }); }},
      {"a group of another directive by editing",
       [&] { return EditTask(id, [&](TaskInput& in) { in.group_id = s.g_other.id; }); }},
  });
}

// ---- Creating tasks ---------------------------------------------------------------------

TEST_P(TaskServiceTest, CreateRefusesBadInput) {
  const Directive d = MakeDirective();
  const Directive other = MakeDirective("46/TB-UBND");
  const TaskGroup g_other = MakeGroup(other.id, "Nhóm khác", 1);
  const int64_t ended =
      MakeUnit("MA.SGTVT", "Sở Giao thông vận tải", "department", city_, D("2025-02-28"));
  const std::string before = Snapshot();
  auto with = [&](auto change) {
    TaskInput in = Input(stc_, D("2026-03-31"), "Nhiệm vụ hợp lệ");
    in.directive_id = d.id;
    change(in);
    return in;
  };
  const struct {
    const char* what;
    TaskInput in;
    const char* field;
  } cases[] = {
      {"no title", with([](TaskInput& in) { in.title.reset(); }), "title"},
      {"empty title", with([](TaskInput& in) { in.title = ""; }), "title"},
      {"a title of spaces", with([](TaskInput& in) { in.title = "  \t "; }), "title"},
      {"no lead unit", with([](TaskInput& in) { in.lead_unit_id.reset(); }), "lead_unit_id"},
      {"unknown lead unit", with([](TaskInput& in) { in.lead_unit_id = 999999; }), "lead_unit_id"},
      {"ended lead unit", with([&](TaskInput& in) { in.lead_unit_id = ended; }), "lead_unit_id"},
      {"unknown coordinator",
       with([](TaskInput& in) { in.coordinator_ids = std::vector<int64_t>{999999}; }),
       "coordinator_ids"},
      {"ended coordinator",
       with([&](TaskInput& in) { in.coordinator_ids = std::vector<int64_t>{ended}; }),
       "coordinator_ids"},
      {"coordinator twice", with([&](TaskInput& in) {
         in.coordinator_ids = std::vector<int64_t>{sxd_, sxd_};
       }),
       "coordinator_ids"},
      {"lead unit as coordinator",
       with([&](TaskInput& in) { in.coordinator_ids = std::vector<int64_t>{stc_}; }),
       "coordinator_ids"},
      {"weekly recurrence", with([](TaskInput& in) { in.recurrence = "weekly:1"; }), "recurrence"},
      {"day 32", with([](TaskInput& in) { in.recurrence = "monthly:32"; }), "recurrence"},
      {"milestone over 100 %", with([](TaskInput& in) {
         in.milestones = {{"Quý I", D("2026-03-31"), 101}};
       }),
       "milestones"},
      {"milestone below 0 %", with([](TaskInput& in) {
         in.milestones = {{"Quý I", D("2026-03-31"), -1}};
       }),
       "milestones"},
      {"unknown directive", with([](TaskInput& in) { in.directive_id = 999999; }), "directive_id"},
      {"unknown group", with([](TaskInput& in) { in.group_id = 999999; }), "group_id"},
      {"group of another directive", with([&](TaskInput& in) { in.group_id = g_other.id; }),
       "group_id"},
      {"unknown official", with([](TaskInput& in) { in.assignee_id = 999999; }), "assignee_id"},
      {"an official of another unit",
       with([&](TaskInput& in) { in.assignee_id = sxd_officer_.user_id; }), "assignee_id"},
  };
  for (const auto& c : cases) {
    ExpectRefused(svc().Create(&office_, c.in), StatusCode::kInvalidInput, c.field, c.what);
    EXPECT_EQ(Snapshot(), before) << c.what;
  }
}

// Good values work, and a group alone brings its directive.
TEST_P(TaskServiceTest, CreateInAGroupAloneTakesItsDirective) {
  const Directive other = MakeDirective("46/TB-UBND");
  const TaskGroup g_other = MakeGroup(other.id, "Nhóm khác", 1);
  TaskInput in = Input(stc_, D("2026-03-31"), "Nhiệm vụ hợp lệ");
  in.group_id = g_other.id;
  in.assignee_id = stc_official_.user_id;
  const TaskView t = ASSERT_OK(svc().Create(&office_, in));
  EXPECT_EQ(t.task.directive_id, other.id);
  EXPECT_EQ(t.task.assignee_id, stc_official_.user_id);
  // The assignee sees the task as their own and is told.
  EXPECT_EQ(Notifications("assigned", stc_official_.user_id), 1);
  TaskFilter mine;
  mine.assignee_id = stc_official_.user_id;
  EXPECT_EQ(ListIds(stc_official_, mine), std::vector<int64_t>{t.task.id});
}

TEST_P(TaskServiceTest, DirectivesRefuseBadInput) {
  const Directive d = MakeDirective();
  const std::string before = Snapshot();
  auto with = [&](auto change) {
    DirectiveInput in{.kind = "resolution",
                      .number = "12/NQ-HĐND",
                      .title = "Nghị quyết",
                      .issued_on = D("2026-01-10"),
                      .issuer_unit_id = city_};
    change(in);
    return in;
  };
  const struct {
    const char* what;
    DirectiveInput in;
    StatusCode code;
    const char* field;
  } cases[] = {
      {"unknown kind", with([](DirectiveInput& in) { in.kind = "letter"; }),
       StatusCode::kInvalidInput, "kind"},
      {"no kind", with([](DirectiveInput& in) { in.kind.reset(); }), StatusCode::kInvalidInput,
       "kind"},
      {"no number", with([](DirectiveInput& in) { in.number = ""; }), StatusCode::kInvalidInput,
       "number"},
      {"no date", with([](DirectiveInput& in) { in.issued_on.reset(); }), StatusCode::kInvalidInput,
       "issued_on"},
      {"no title", with([](DirectiveInput& in) { in.title = ""; }), StatusCode::kInvalidInput,
       "title"},
      {"a title of spaces", with([](DirectiveInput& in) { in.title = "   "; }),
       StatusCode::kInvalidInput, "title"},
      {"a number of spaces", with([](DirectiveInput& in) { in.number = " "; }),
       StatusCode::kInvalidInput, "number"},
      {"unknown issuer", with([](DirectiveInput& in) { in.issuer_unit_id = 999999; }),
       StatusCode::kInvalidInput, "issuer_unit_id"},
      {"number taken",
       with([&](DirectiveInput& in) { in.number = d.number, in.issued_on = d.issued_on; }),
       StatusCode::kUniqueViolation, "number"},
  };
  for (const auto& c : cases) {
    auto r = svc().CreateDirective(office_, c.in);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), c.code) << c.what << ": " << r.status().ToString();
    EXPECT_EQ(r.status().field(), c.field) << c.what;
    EXPECT_EQ(Snapshot(), before) << c.what;
  }
}

TEST_P(TaskServiceTest, DirectivesAreFoundFoldedAndEditedInScope) {
  const Directive d = MakeDirective();
  // Search folds Vietnamese.
  int64_t total = 0;
  auto found = ASSERT_OK(svc().ListDirectives(leader_, "ket luan", 10, 0, &total));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, d.id);
  // Editing keeps the audit trail.
  DirectiveInput edit;
  edit.title = "Kết luận (sửa)";
  ASSERT_OK(svc().UpdateDirective(office_, d.id, edit));
  EXPECT_EQ(Audits("directive.update"), 1);
  // Out of the officer's scope (issuer above it, no task of its): not found.
  ExpectRefused(svc().UpdateDirective(stc_officer_, d.id, edit), StatusCode::kNotFound);
  ExpectRefused(svc().UpdateDirective(office_, 999999, edit), StatusCode::kNotFound);
  // Renumbered onto another directive of the same issuer and day: the same refusal as on
  // creation, on both databases (not the driver's message).
  const Directive other = MakeDirective("46/TB-UBND");
  const std::string before_renumber = Snapshot();
  DirectiveInput renumber;
  renumber.number = d.number;
  auto clash = svc().UpdateDirective(office_, other.id, renumber);
  ExpectRefused(clash, StatusCode::kUniqueViolation, "number");
  EXPECT_EQ(clash.status().message(),
            "Văn bản số 45/TB-UBND ngày 10/01/2026 của đơn vị này đã có.");
  EXPECT_EQ(Snapshot(), before_renumber);
}

// ---- Recurring tasks ----------------------------------------------------------------------

TEST_P(TaskServiceTest, RecurringTasksAdvanceOnSubmitAndKeepEachPeriod) {
  TaskInput in = Input(stc_, std::nullopt, "Báo cáo tình hình giải ngân hằng tháng");
  in.recurrence = "monthly:20";
  const TaskView t = ASSERT_OK(svc().Create(&office_, in));
  EXPECT_EQ(t.task.deadline, D("2026-01-20"));  // the first due date from today
  EXPECT_EQ(t.task.original_deadline, D("2026-01-20"));
  EXPECT_EQ(RecurrenceText(t.task.recurrence), "monthly:20");

  SetToday("2026-01-19");
  const TaskView first =
      ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo tháng 1"));
  EXPECT_EQ(first.task.state, TaskState::kInProgress);
  EXPECT_EQ(first.task.deadline, D("2026-02-20"));
  EXPECT_FALSE(first.task.finished_on.has_value());
  // 20/02/2026 is mùng 4 Tết: the February report is due Monday 23/02.
  EXPECT_EQ(first.timeliness, Timeliness::kInTime);
  ExpectReadModelMatchesDatabase("first period");

  SetToday("2026-02-23");
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kDueSoon);
  ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo tháng 2"));
  SetToday("2026-03-24");  // Friday 20/03 has passed
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kOverdue);
  ExpectReadModelMatchesDatabase("third period overdue");
  ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo tháng 3"));

  const TaskDetail d = Get(stc_officer_, t.task.id);
  EXPECT_EQ(d.view.task.deadline, D("2026-04-20"));
  ASSERT_EQ(d.occurrences.size(), 3u);
  const auto cal = svc().Calendar();
  auto on_time = [&](const Occurrence& o) {
    return o.finished_on <= EffectiveDeadline(o.deadline, *cal);
  };
  EXPECT_EQ(d.occurrences[0].deadline, D("2026-01-20"));
  EXPECT_EQ(d.occurrences[0].finished_on, D("2026-01-19"));
  EXPECT_TRUE(on_time(d.occurrences[0]));
  EXPECT_EQ(d.occurrences[1].deadline, D("2026-02-20"));
  EXPECT_TRUE(on_time(d.occurrences[1]));
  EXPECT_EQ(d.occurrences[2].deadline, D("2026-03-20"));
  EXPECT_FALSE(on_time(d.occurrences[2]));
  EXPECT_EQ(d.occurrences[2].note, "Báo cáo tháng 3");
  EXPECT_EQ(EventKinds(d), (std::vector<std::string>{"submitted", "submitted", "submitted"}));
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kInTime);
  ExpectReadModelMatchesDatabase("fourth period");

  // Quarterly: due on the 15th of the quarter's last month; 15/03 has passed.
  TaskInput q = Input(stc_, std::nullopt, "Báo cáo quý");
  q.recurrence = "quarterly:15";
  const TaskView quarterly = ASSERT_OK(svc().Create(&office_, q));
  EXPECT_EQ(quarterly.task.deadline, D("2026-06-15"));  // today is 24/03
  SetToday("2026-06-15");
  TaskInput m = Input(stc_, std::nullopt, "Báo cáo ngày 15");
  m.recurrence = "monthly:15";
  EXPECT_EQ(ASSERT_OK(svc().Create(&office_, m)).task.deadline,
            D("2026-06-15"));  // due today counts
}

// ---- The calendar -----------------------------------------------------------------------

TEST_P(TaskServiceTest, AnAdminsSwapMovesDeadlinesOnTheBoards) {
  const TaskView t = MakeTask(stc_, D("2026-01-16"));  // Friday
  SetToday("2026-01-19");                              // Monday
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kOverdue);
  ExpectReadModelMatchesDatabase("before the swap");
  ExpectRefused(swaps().AddSwap(office_, {D("2026-01-16"), false, "Nghỉ"}), StatusCode::kForbidden);
  ExpectRefused(swaps().AddSwap(admin_, {D("2026-01-16"), true, "Làm bù ngày thường"}),
                StatusCode::kInvalidInput, "working");
  ASSERT_OK(swaps().AddSwap(admin_, {D("2026-01-16"), false, "Nghỉ hoán đổi"}));
  ExpectRefused(swaps().AddSwap(admin_, {D("2026-01-16"), false, "Lần nữa"}),
                StatusCode::kUniqueViolation, "date");
  EXPECT_FALSE(svc().Calendar()->IsWorkingDay(D("2026-01-16")));
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kDueSoon);
  ExpectReadModelMatchesDatabase("after the swap");
  // A Saturday made a working day holds a deadline on that day.
  ASSERT_OK(swaps().AddSwap(admin_, {D("2026-01-24"), true, "Làm bù"}));
  const TaskView sat = MakeTask(stc_, D("2026-01-24"));
  SetToday("2026-01-26");
  EXPECT_EQ(Get(stc_officer_, sat.task.id).view.timeliness, Timeliness::kOverdue);
  ExpectReadModelMatchesDatabase("working Saturday");
}

// ---- Several server processes over one database ------------------------------------------

// Another process is another TaskService with its own read model over the same database.
TEST_P(TaskServiceTest, WhatAnotherProcessCommitsReachesTheReadModel) {
  calendar::CalendarHolder their_holder;
  calendar::CalendarService their_calendar(db(), app().clock(), their_holder);
  TaskIndex their_index;
  TaskService other(db(), app().clock(), app().unit_directory(), their_calendar, their_index);
  ASSERT_TRUE(other.LoadReadModel().ok());
  const TaskView mine = MakeTask(sxd_, D("2026-03-31"), "Việc ghi ở tiến trình này");
  ASSERT_TRUE(svc().CatchUp().ok());  // its own writes read again: harmless

  const TaskView t =
      ASSERT_OK(other.Create(&office_, Input(stc_, D("2026-01-16"), "Việc ghi ở tiến trình khác")));
  ASSERT_OK(other.Report(stc_officer_, t.task.id, std::nullopt, 20, "Đã triển khai."));
  const TaskView parent = ASSERT_OK(other.Create(&office_, Input(snnmt_, D("2026-06-30"))));
  DelegationPart part;
  part.unit_id = ttptqd_;
  part.share_percent = 50;
  ASSERT_OK(
      other.Delegate(snnmt_officer_, parent.task.id, {part}));  // the parent starts, unaudited
  ASSERT_OK(
      other.RequestCoordination(stc_officer_, t.task.id, sxd_, "Cho ý kiến", D("2026-01-16")));
  ASSERT_OK(other.Submit(sxd_officer_, mine.task.id, std::nullopt, "Xong"));
  // Not seen here yet.
  EXPECT_EQ(ASSERT_OK(svc().Board(admin_, "unit", {})).count(stc_), 0u);

  ASSERT_TRUE(svc().CatchUp().ok());
  ExpectReadModelMatchesDatabase("catching up");
  EXPECT_EQ(ListIds(admin_,
                    [] {
                      TaskFilter f;
                      f.state = TaskState::kInProgress;
                      return f;
                    }()),
            (std::vector<int64_t>{t.task.id, parent.task.id}));

  // A swap entered elsewhere moves deadlines here too.
  SetToday("2026-01-19");
  ASSERT_OK(their_calendar.AddSwap(admin_, {D("2026-01-16"), false, "Nghỉ hoán đổi"}));
  EXPECT_TRUE(svc().Calendar()->IsWorkingDay(D("2026-01-16")));
  ASSERT_TRUE(svc().CatchUp().ok());
  EXPECT_FALSE(svc().Calendar()->IsWorkingDay(D("2026-01-16")));
  EXPECT_EQ(Get(stc_officer_, t.task.id).view.timeliness, Timeliness::kDueSoon);
  ExpectReadModelMatchesDatabase("a swap from elsewhere");
  ASSERT_TRUE(svc().CatchUp().ok());  // nothing new
  ExpectReadModelMatchesDatabase("nothing new");
}

// ---- Integrity under concurrency -------------------------------------------------------
// The rules that depend on the database are checked inside the write's transaction, where
// writers take turns; the in-memory unit graph a request starts from may be a moment old.

// Another server process merges two units a moment ago; this one's graph has not seen it
// yet. No new work may go to them: each use case refuses, on the database, and writes
// nothing.
TEST_P(TaskServiceTest, NoNewWorkGoesToAUnitThatAnotherProcessJustMerged) {
  const Directive d = MakeDirective();
  const TaskView stc_task = MakeTask(stc_, D("2026-03-31"), "Việc của Sở Tài chính");
  const TaskView parent = MakeTask(snnmt_, D("2026-06-30"), "Việc có phần cho Trung tâm");
  ASSERT_NO_FATAL_FAILURE(MergeIntoStcInAnotherProcess());

  TaskInput coordinated = Input(sxd_, D("2026-03-31"));
  coordinated.coordinator_ids = std::vector<int64_t>{skhdt_};
  const DelegationPart part = DelegationPartOf(ttptqd_, std::nullopt, 50);
  TaskBatch batch;
  batch.directive_id = d.id;
  batch.items.push_back({Input(sxd_, D("2026-03-31"), "Dòng đúng"), -1, 0, 5});
  batch.items.push_back({Input(skhdt_, D("2026-03-31"), "Dòng của đơn vị đã sáp nhập"), -1, 0, 6});
  std::vector<BatchError> errors;
  ExpectEachRefusedOnItsField({
      {"a task led by it",
       [&] { return svc().Create(&office_, Input(skhdt_, D("2026-03-31"))).status(); },
       StatusCode::kInvalidInput, "lead_unit_id"},
      {"a task it coordinates", [&] { return svc().Create(&office_, coordinated).status(); },
       StatusCode::kInvalidInput, "coordinator_ids"},
      {"made a coordinator of a task",
       [&] {
         return EditTask(stc_task.task.id,
                         [&](TaskInput& in) { in.coordinator_ids = std::vector{skhdt_}; });
       },
       StatusCode::kInvalidInput, "coordinator_ids"},
      {"a task reassigned to it",
       [&] { return svc().Reassign(office_, stc_task.task.id, skhdt_, "Giao lại").status(); },
       StatusCode::kInvalidInput, "lead_unit_id"},
      {"asked to coordinate",
       [&] {
         return svc()
             .RequestCoordination(stc_officer_, stc_task.task.id, skhdt_, "Cho ý kiến",
                                  D("2026-01-30"))
             .status();
       },
       StatusCode::kInvalidInput, "to_unit_id"},
      {"a part delegated to it",
       [&] { return svc().Delegate(snnmt_officer_, parent.task.id, {part}).status(); },
       StatusCode::kInvalidInput, "parts"},
      {"a row of an import", [&] { return svc().CreateBatch(office_, batch, &errors).status(); },
       StatusCode::kInvalidInput, ""},
  });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].row, 6);
  EXPECT_EQ(errors[0].field, "lead_unit_id");
  EXPECT_NE(errors[0].message.find("đã được sắp xếp lại"), std::string::npos) << errors[0].message;
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM tasks WHERE lead_unit_id IN (?, ?)", {skhdt_, ttptqd_}),
            0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM task_coordinators WHERE unit_id = ?", {skhdt_}), 0);
}

// A merge dated later has already handed the unit's open work on: the unit is still
// active today, but takes no new work (the message names the successor).
TEST_P(TaskServiceTest, NoNewWorkGoesToAUnitWhoseMergeIsDatedLater) {
  ASSERT_OK(
      app().units().Restructure(&admin_, {"merge", D("2026-03-01"), {skhdt_}, {stc_}, {}, ""}));
  ASSERT_TRUE(app().unit_directory().Get()->Find(skhdt_)->ActiveOn(D("2026-01-15")));
  const std::string before = Snapshot();
  auto t = svc().Create(&office_, Input(skhdt_, D("2026-03-31")));
  ExpectRefused(t, StatusCode::kInvalidInput, "lead_unit_id");
  EXPECT_NE(t.status().message().find("01/03/2026"), std::string::npos) << t.status().message();
  EXPECT_NE(t.status().message().find("Sở Tài chính"), std::string::npos) << t.status().message();
  EXPECT_EQ(Snapshot(), before);
}

// A merge and new tasks for the unit it ends, at the same moment on two connections: every
// task created before the merge committed went to the successor with the rest, and none
// created after it is led by the ended unit. Run many times, as a race does not show
// itself every time.
TEST_P(TaskServiceTest, AMergeRacingNewTasksLeavesNoneWithTheEndedUnit) {
  int64_t created_total = 0, refused_total = 0;
  for (int round = 0; round < 10; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string n = std::to_string(round);
    const int64_t src = MakeUnit("MA.PB" + n, "Ban " + n, "agency", city_);
    std::latch start(2);
    Status merged = Status::Internal("not run");
    std::vector<int64_t> created;
    Status last;
    std::thread merge([&] {
      start.arrive_and_wait();
      merged = app()
                   .units()
                   .Restructure(&admin_, {"merge", D("2026-01-15"), {src}, {stc_}, {}, ""})
                   .status();
    });
    std::thread create([&] {
      start.arrive_and_wait();
      for (int i = 0; i < 100; ++i) {
        auto t = svc().Create(&office_, Input(src, D("2026-03-31"), "Việc " + std::to_string(i)));
        if (!t.ok()) {
          last = t.status();
          return;
        }
        created.push_back(t->task.id);
      }
    });
    merge.join();
    create.join();
    ASSERT_TRUE(merged.ok()) << merged.ToString();
    if (!last.ok()) {
      EXPECT_EQ(last.code(), StatusCode::kInvalidInput) << last.ToString();
      EXPECT_EQ(last.field(), "lead_unit_id");
      ++refused_total;
    }
    created_total += static_cast<int64_t>(created.size());
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM tasks WHERE lead_unit_id = ?", {src}), 0);
    for (int64_t id : created) EXPECT_EQ(Get(admin_, id).view.task.lead_unit_id, stc_) << id;
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM tasks t JOIN units u ON u.id = t.lead_unit_id "
                   "WHERE t.state <> 'done' AND u.valid_to IS NOT NULL"),
            0);
  ExpectReadModelMatchesDatabase("after the races");
  // Not an assertion on timing: only a note of how the races went.
  std::cout << "created " << created_total << " tasks, refused " << refused_total
            << " after a merge\n";
}

// A pending extension closes when the task's completion is submitted; deciding it then is
// refused (409), and "done late" stays late.
TEST_P(TaskServiceTest, APendingExtensionClosesWhenTheTaskIsFinished) {
  const TaskView t = MakeTask(stc_, D("2026-01-12"), "Báo cáo quá hạn");
  const Extension e =
      ASSERT_OK(svc().RequestExtension(stc_officer_, t.task.id, D("2026-01-30"), "Chờ số liệu."));
  ASSERT_OK(svc().Submit(stc_officer_, t.task.id, std::nullopt, "Báo cáo số 5"));
  TaskDetail after = Get(office_, t.task.id);
  ASSERT_EQ(after.extensions.size(), 1u);
  EXPECT_EQ(after.extensions[0].status, ExtensionStatus::kClosed);
  EXPECT_EQ(after.extensions[0].decided_by, std::nullopt);
  EXPECT_TRUE(after.extensions[0].decided_at.has_value());
  EXPECT_NE(after.extensions[0].decision_note.find("15/01/2026"), std::string::npos)
      << after.extensions[0].decision_note;
  EXPECT_FALSE(after.view.task.extension_pending);
  EXPECT_EQ(Audits("task.extension_closed"), 1);
  ExpectReadModelMatchesDatabase("closed on submit");

  const std::string before = Snapshot();
  ExpectRefused(svc().DecideExtension(office_, e.id, true, ""), StatusCode::kConflict,
                "extension_closed", "approve");
  ExpectRefused(svc().DecideExtension(office_, e.id, false, "Không"), StatusCode::kConflict,
                "extension_closed", "reject");
  EXPECT_EQ(Snapshot(), before);
  ASSERT_OK(svc().Confirm(office_, t.task.id, true, ""));
  after = Get(office_, t.task.id);
  EXPECT_EQ(after.view.task.deadline, D("2026-01-12"));
  EXPECT_EQ(after.view.timeliness, Timeliness::kDoneLate);

  // One left pending on a finished task by older data: deciding it is refused as well.
  const TaskView old = MakeTask(stc_, D("2026-01-13"), "Việc cũ");
  const Extension e2 =
      ASSERT_OK(svc().RequestExtension(stc_officer_, old.task.id, D("2026-01-30"), "Chờ."));
  ASSERT_OK(svc().Submit(stc_officer_, old.task.id, std::nullopt, "Xong"));
  ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& c) {
                return c
                    .Exec(
                        "UPDATE task_extensions SET status = 'pending', decided_at = NULL "
                        "WHERE id = ?",
                        {e2.id})
                    .status();
              }).ok());
  ASSERT_TRUE(svc().index().Refresh(db(), {old.task.id}, *svc().Calendar()).ok());
  ExpectRefused(svc().DecideExtension(office_, e2.id, true, ""), StatusCode::kConflict,
                "task_finished", "older data");

  // A recurring task's period done closes the request made for that period's deadline.
  TaskInput monthly = Input(stc_, std::nullopt, "Báo cáo tháng");
  monthly.recurrence = "monthly:20";
  const TaskView r = ASSERT_OK(svc().Create(&office_, monthly));
  ASSERT_EQ(r.task.deadline, D("2026-01-20"));
  const Extension e3 =
      ASSERT_OK(svc().RequestExtension(stc_officer_, r.task.id, D("2026-01-27"), "Chờ."));
  ASSERT_OK(svc().Submit(stc_officer_, r.task.id, std::nullopt, "Báo cáo tháng 1"));
  EXPECT_EQ(Get(office_, r.task.id).view.task.deadline, D("2026-02-20"));
  ExpectRefused(svc().DecideExtension(office_, e3.id, true, ""), StatusCode::kConflict,
                "extension_closed", "recurring");
  EXPECT_EQ(Get(office_, r.task.id).view.task.deadline, D("2026-02-20"));
  ExpectReadModelMatchesDatabase("recurring");
}

// Completion submitted and the extension decided at the same moment: either the decision
// came first (and the deadline moved before the work was done), or it is refused — never
// a deadline moved after the work was submitted.
TEST_P(TaskServiceTest, AnExtensionDecidedWhileTheTaskIsSubmittedNeverMovesAMetDeadline) {
  for (int round = 0; round < 10; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const TaskView t = MakeTask(stc_, D("2026-01-12"), "Việc " + std::to_string(round));
    const Extension e =
        ASSERT_OK(svc().RequestExtension(stc_officer_, t.task.id, D("2026-01-30"), "Chờ."));
    std::latch start(2);
    Status submitted = Status::Internal("not run"), decided = Status::Internal("not run");
    std::thread submit([&] {
      start.arrive_and_wait();
      submitted = svc().Submit(stc_officer_, t.task.id, std::nullopt, "Xong").status();
    });
    std::thread decide([&] {
      start.arrive_and_wait();
      decided = svc().DecideExtension(office_, e.id, true, "").status();
    });
    submit.join();
    decide.join();
    ASSERT_TRUE(submitted.ok()) << submitted.ToString();
    const int64_t submit_seq = Scalar(
        "SELECT seq FROM audit_log WHERE action = 'task.submit' AND entity_id = ?", {t.task.id});
    if (decided.ok()) {
      EXPECT_LT(Scalar("SELECT seq FROM audit_log WHERE action = 'task.extension_approved' AND "
                       "entity_id = ?",
                       {t.task.id}),
                submit_seq);
      EXPECT_EQ(Get(office_, t.task.id).view.task.deadline, D("2026-01-30"));
    } else {
      EXPECT_EQ(decided.error_code(), "extension_closed") << decided.ToString();
      EXPECT_EQ(Get(office_, t.task.id).view.task.deadline, D("2026-01-12"));
      EXPECT_EQ(Get(office_, t.task.id).view.timeliness, Timeliness::kDoneLate);
    }
  }
  ExpectReadModelMatchesDatabase("after the races");
}

INSTANTIATE_BOTH(TaskServiceTest);

}  // namespace
}  // namespace dh::tasks
