// UnitService on both databases: what an office clerk does with the organisation tree, and
// what happens when the request is wrong.
#include "units/unit_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <thread>

#include "support/test_db.h"
#include "users/user_service.h"

namespace dh::units {
namespace {

using auth::Principal;
using auth::Role;
using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

class UnitServiceTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    stc_ = MakeUnit("MA.STC", "Sở Tài chính", "department", city_);
    sxd_ = MakeUnit("MA.SXD", "Sở Xây dựng", "department", city_);
  }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent, const char* from = "2020-01-01") {
    UnitInput in{.code = code,
                 .name = name,
                 .kind = kind,
                 .parent_id = parent,
                 .parent_given = true,
                 .valid_from = D(from)};
    auto r = svc().Create(nullptr, in);
    EXPECT_TRUE(r.ok()) << code << ": " << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }

  UnitService& svc() { return app().units(); }
  std::shared_ptr<const UnitGraph> graph() { return app().unit_directory().Get(); }

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
  int64_t AuditHead() { return Scalar("SELECT seq FROM audit_head WHERE id = 1"); }
  int64_t AuditCount(const std::string& action) {
    return Scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }
  // Everything a failed use case must leave untouched.
  std::vector<int64_t> Snapshot() {
    return {Scalar("SELECT COUNT(*) FROM units"),
            Scalar("SELECT COUNT(*) FROM unit_parents"),
            Scalar("SELECT COUNT(*) FROM units WHERE valid_to IS NOT NULL"),
            Scalar("SELECT COUNT(*) FROM unit_parents WHERE valid_to IS NOT NULL"),
            Scalar("SELECT COUNT(*) FROM restructure_events"),
            Scalar("SELECT COUNT(*) FROM unit_successions"),
            AuditHead()};
  }

  int64_t MakeUser(const std::string& username, Role role, std::optional<int64_t> unit) {
    users::UserInput in{.username = username,
                        .full_name = "Nguyễn Văn " + username,
                        .password = "mat-khau-2026",
                        .roles = {{{role, unit}}}};
    auto u = app().users().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? u->id : 0;
  }
  std::vector<auth::RoleGrant> RolesOf(int64_t user_id) {
    auto u = app().users().Get(admin_, user_id);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? u->roles : std::vector<auth::RoleGrant>{};
  }

  Principal Office(int64_t unit) { return {900, "vanphong", "Văn phòng", {{Role::kOffice, unit}}}; }
  Principal Viewer(int64_t unit) { return {901, "xem", "Xem", {{Role::kViewer, unit}}}; }

  Principal admin_{1, "admin", "Quản trị", {{Role::kAdmin, std::nullopt}}};
  int64_t city_ = 0, stc_ = 0, sxd_ = 0;
};

TEST_P(UnitServiceTest, CreateUpdateAndEndAUnit) {
  const int64_t head = AuditHead();
  UnitInput in{.code = "MA.SNV",
               .name = "Sở Nội vụ",
               .kind = "department",
               .parent_id = city_,
               .parent_given = true,
               .valid_from = D("2024-01-01")};
  auto created = svc().Create(&admin_, in);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const int64_t id = created->unit.id;
  EXPECT_EQ(created->parent_id, city_);
  EXPECT_EQ(graph()->Find(id)->name, "Sở Nội vụ");
  EXPECT_EQ(graph()->ParentOn(id, D("2024-01-01")), city_);
  EXPECT_EQ(graph()->ParentOn(id, D("2023-12-31")), std::nullopt);

  UnitInput rename{.name = "Sở Nội vụ và Lao động", .kind = "agency"};
  auto renamed = svc().Update(admin_, id, rename);
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  EXPECT_EQ(graph()->Find(id)->name, "Sở Nội vụ và Lao động");
  EXPECT_EQ(graph()->Find(id)->kind, "agency");
  EXPECT_EQ(graph()->ParentOn(id, D("2026-01-15")), city_);  // untouched

  UnitInput end{.valid_to = D("2026-01-31"), .valid_to_given = true};
  auto ended = svc().Update(admin_, id, end);
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(graph()->Find(id)->valid_to, D("2026-01-31"));
  EXPECT_TRUE(graph()->Find(id)->ActiveOn(D("2026-01-31")));
  EXPECT_FALSE(graph()->Find(id)->ActiveOn(D("2026-02-01")));
  EXPECT_EQ(graph()->ParentOn(id, D("2026-01-31")), city_);
  EXPECT_EQ(graph()->ParentOn(id, D("2026-02-01")), std::nullopt);

  // The list as of a later day leaves it out unless ended units are asked for.
  int64_t total = 0;
  UnitListQuery q{.as_of = D("2026-02-01")};
  auto later = svc().List(admin_, q, &total);
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(std::none_of(later->begin(), later->end(),
                           [&](const UnitRow& r) { return r.unit.id == id; }));
  q.include_ended = true;
  auto with_ended = svc().List(admin_, q, &total);
  ASSERT_TRUE(with_ended.ok());
  EXPECT_TRUE(std::any_of(with_ended->begin(), with_ended->end(),
                          [&](const UnitRow& r) { return r.unit.id == id; }));

  EXPECT_EQ(AuditHead(), head + 3);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'unit' AND entity_id = ?", {id}),
            3);
  auto verify = app().audit().Verify(nullptr);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->reason;
}

// Inputs that Create refuses, each with its code and the field it names (`city`: the
// province, an existing parent).
struct CreateRefusal {
  const char* what;
  UnitInput in;
  StatusCode code;
  const char* field;
};
std::vector<CreateRefusal> CreateRefusals(int64_t city) {
  return {
      {"no code",
       {.name = "A", .kind = "department", .parent_id = city},
       StatusCode::kInvalidInput,
       "code"},
      {"empty code",
       {.code = "", .name = "A", .kind = "department"},
       StatusCode::kInvalidInput,
       "code"},
      {"no name", {.code = "X1", .kind = "department"}, StatusCode::kInvalidInput, "name"},
      {"empty name",
       {.code = "X1", .name = "", .kind = "department"},
       StatusCode::kInvalidInput,
       "name"},
      {"no kind", {.code = "X1", .name = "A"}, StatusCode::kInvalidInput, "kind"},
      {"unknown kind",
       {.code = "X1", .name = "A", .kind = "province"},
       StatusCode::kInvalidInput,
       "kind"},
      {"kind in Vietnamese",
       {.code = "X1", .name = "A", .kind = "Sở"},
       StatusCode::kInvalidInput,
       "kind"},
      {"ends before it starts",
       {.code = "X1",
        .name = "A",
        .kind = "other",
        .valid_from = D("2025-01-02"),
        .valid_to = D("2025-01-01")},
       StatusCode::kInvalidInput,
       "valid_to"},
      {"unknown parent",
       {.code = "X1", .name = "A", .kind = "other", .parent_id = 4040},
       StatusCode::kInvalidInput,
       "parent_id"},
      {"parent not yet created",
       {.code = "X1",
        .name = "A",
        .kind = "other",
        .parent_id = city,
        .valid_from = D("2019-06-01")},
       StatusCode::kInvalidInput,
       "parent_id"},
      {"code taken",
       {.code = "MA.STC", .name = "Sở khác", .kind = "department", .parent_id = city},
       StatusCode::kUniqueViolation,
       "code"},
  };
}

TEST_P(UnitServiceTest, CreateRefusesBadInput) {
  for (const auto& c : CreateRefusals(city_)) {
    const auto before = Snapshot();
    auto r = svc().Create(&admin_, c.in);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), c.code) << c.what << ": " << r.status().ToString();
    EXPECT_EQ(r.status().field(), c.field) << c.what;
    EXPECT_EQ(Snapshot(), before) << c.what << ": something was written";
  }
  EXPECT_EQ(graph()->all().size(), 3u);
}

TEST_P(UnitServiceTest, CreateChecksTheRoleAndScope) {
  UnitInput under_stc{.code = "MA.STC.P1",
                      .name = "Phòng Ngân sách",
                      .kind = "other",
                      .parent_id = stc_,
                      .parent_given = true};
  UnitInput under_sxd = under_stc;
  under_sxd.code = "MA.SXD.P1";
  under_sxd.parent_id = sxd_;
  UnitInput root{.code = "HN", .name = "Thành phố Hà Nội", .kind = "city"};

  const Principal viewer = Viewer(city_);
  auto v = svc().Create(&viewer, under_stc);
  EXPECT_EQ(v.status().code(), StatusCode::kForbidden);

  const Principal office = Office(stc_);
  // A parent outside the office's scope does not exist for it.
  auto outside = svc().Create(&office, under_sxd);
  EXPECT_EQ(outside.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(outside.status().field(), "parent_id");
  // Only the admin creates roots.
  EXPECT_EQ(svc().Create(&office, root).status().code(), StatusCode::kForbidden);
  EXPECT_EQ(graph()->all().size(), 3u);

  auto inside = svc().Create(&office, under_stc);
  ASSERT_TRUE(inside.ok()) << inside.status().ToString();
  EXPECT_TRUE(svc().Create(&admin_, root).ok());
}

TEST_P(UnitServiceTest, UpdateRefusesBadInput) {
  const int64_t ward = MakeUnit("MA.P1", "Phường 1", "ward", sxd_);
  struct Case {
    const char* what;
    int64_t id;
    UnitInput in;
    StatusCode code;
    const char* field;
  } cases[] = {
      {"unknown unit", 4040, {.name = "X"}, StatusCode::kNotFound, ""},
      {"new code", stc_, {.code = "MA.STC2"}, StatusCode::kInvalidInput, "code"},
      {"empty name", stc_, {.name = ""}, StatusCode::kInvalidInput, "name"},
      {"unknown kind", stc_, {.kind = "ministry"}, StatusCode::kInvalidInput, "kind"},
      {"end with a live child",
       sxd_,
       {.valid_to = D("2026-01-31"), .valid_to_given = true},
       StatusCode::kConflict,
       "valid_to"},
      {"end before creation",
       stc_,
       {.valid_to = D("2019-01-01"), .valid_to_given = true},
       StatusCode::kInvalidInput,
       "valid_to"},
      {"under its own child",
       sxd_,
       {.parent_id = ward, .parent_given = true},
       StatusCode::kInvalidInput,
       "parent_id"},
      {"under itself",
       sxd_,
       {.parent_id = sxd_, .parent_given = true},
       StatusCode::kInvalidInput,
       "parent_id"},
      {"under an unknown unit",
       sxd_,
       {.parent_id = 4040, .parent_given = true},
       StatusCode::kInvalidInput,
       "parent_id"},
      {"move before creation",
       stc_,
       {.parent_id = sxd_, .parent_given = true, .effective = D("2019-01-01")},
       StatusCode::kInvalidInput,
       "parent_id"},
  };
  for (const auto& c : cases) {
    const auto before = Snapshot();
    auto r = svc().Update(admin_, c.id, c.in);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), c.code) << c.what << ": " << r.status().ToString();
    EXPECT_EQ(r.status().field(), c.field) << c.what;
    EXPECT_EQ(Snapshot(), before) << c.what << ": something was written";
  }
  EXPECT_EQ(graph()->Find(stc_)->name, "Sở Tài chính");
}

TEST_P(UnitServiceTest, UpdateChecksTheRoleAndScope) {
  UnitInput rename{.name = "Sở Tài chính (mới)"};
  // A sibling is not found, not forbidden: it does not exist for this office.
  EXPECT_EQ(svc().Update(Office(sxd_), stc_, rename).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(svc().Update(Viewer(stc_), stc_, rename).status().code(), StatusCode::kForbidden);
  // Moving a unit of one's scope under a unit outside it: for this office, no such parent.
  const int64_t p1 = MakeUnit("MA.STC.P1", "Phòng 1", "other", stc_);
  UnitInput move{.parent_id = sxd_, .parent_given = true};
  auto moved = svc().Update(Office(stc_), p1, move);
  EXPECT_EQ(moved.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(moved.status().field(), "parent_id");
  // Only the admin makes roots: an office cannot detach a unit from the tree.
  UnitInput to_root{.parent_id = std::nullopt, .parent_given = true};
  EXPECT_EQ(svc().Update(Office(city_), stc_, to_root).status().code(), StatusCode::kForbidden);
  EXPECT_EQ(graph()->ParentOn(stc_, D("2026-01-15")), city_);
  EXPECT_EQ(graph()->ParentOn(p1, D("2026-01-15")), stc_);
  auto ok = svc().Update(Office(stc_), stc_, rename);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(graph()->Find(stc_)->name, "Sở Tài chính (mới)");
}

TEST_P(UnitServiceTest, MovingAUnitKeepsItsOldParentForEarlierDates) {
  const int64_t agency = MakeUnit("MA.BQL", "Ban Quản lý dự án", "agency", city_);
  const int64_t team = MakeUnit("MA.STC.T", "Tổ công tác giải ngân", "other", stc_);
  UnitInput move{.parent_id = agency, .parent_given = true, .effective = D("2025-07-01")};
  auto r = svc().Update(admin_, team, move);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->parent_id, agency);
  auto g = graph();
  EXPECT_EQ(g->ParentOn(team, D("2020-01-01")), stc_);
  EXPECT_EQ(g->ParentOn(team, D("2025-06-30")), stc_);
  EXPECT_EQ(g->ParentOn(team, D("2025-07-01")), agency);
  EXPECT_EQ(g->ParentOn(team, D("2026-01-15")), agency);
  EXPECT_EQ(g->ChildrenOn(stc_, D("2025-06-30")), (std::vector<int64_t>{team}));
  EXPECT_TRUE(g->ChildrenOn(stc_, D("2025-07-01")).empty());
  ASSERT_EQ(g->LinksOf(team).size(), 2u);

  // The list as of a day answers with that day's parent.
  int64_t total = 0;
  auto past = svc().List(admin_, {.as_of = D("2025-06-30"), .q = "to cong tac"}, &total);
  ASSERT_TRUE(past.ok());
  ASSERT_EQ(past->size(), 1u);
  EXPECT_EQ((*past)[0].parent_id, stc_);
  auto now = svc().List(admin_, {.q = "TỔ CÔNG TÁC"}, &total);
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ((*now)[0].parent_id, agency);
  EXPECT_EQ(total, 1);

  // Without a date the move takes effect today.
  UnitInput back{.parent_id = stc_, .parent_given = true};
  ASSERT_TRUE(svc().Update(admin_, team, back).ok());
  EXPECT_EQ(graph()->ParentOn(team, D("2026-01-14")), agency);
  EXPECT_EQ(graph()->ParentOn(team, D("2026-01-15")), stc_);
  EXPECT_EQ(AuditCount("unit.update"), 2);
}

TEST_P(UnitServiceTest, ListIsScopedOrderedAndPaged) {
  const int64_t p1 = MakeUnit("MA.STC.P1", "Phòng Ngân sách", "other", stc_);
  int64_t total = 0;
  auto all = svc().List(admin_, {}, &total);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(total, 4);
  std::vector<int64_t> ids;
  for (const auto& r : *all) ids.push_back(r.unit.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{city_, stc_, p1, sxd_}));

  auto scoped = svc().List(Office(stc_), {}, &total);
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(total, 2);
  EXPECT_EQ(scoped->size(), 2u);

  auto page = svc().List(admin_, {.limit = 2, .offset = 1}, &total);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(total, 4);
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].unit.id, stc_);

  auto kind = svc().List(admin_, {.kind = "department"}, &total);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(total, 2);

  EXPECT_EQ(svc().Get(Office(stc_), sxd_).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(svc().Get(Office(stc_), p1).ok());
  EXPECT_EQ(svc().Get(admin_, 4040).status().code(), StatusCode::kNotFound);
}

// Two districts with their wards, merged into a new district on 2025-07-01.
class RestructureServiceTest : public UnitServiceTest {
 protected:
  void SetUp() override {
    UnitServiceTest::SetUp();
    if (HasFatalFailure()) return;
    q1_ = MakeUnit("MA.Q1", "Quận 1", "district", city_);
    q2_ = MakeUnit("MA.Q2", "Quận 2", "district", city_);
    w1_ = MakeUnit("MA.Q1.P1", "Phường Bến Nghé", "ward", q1_);
    w2_ = MakeUnit("MA.Q1.P2", "Phường Đa Kao", "ward", q1_);
    w3_ = MakeUnit("MA.Q2.P1", "Phường An Phú", "ward", q2_);
    officer1_ = MakeUser("canbo.q1", Role::kOfficer, q1_);
    officer2_ = MakeUser("canbo.q2", Role::kOffice, q2_);
    ward_officer_ = MakeUser("canbo.p1", Role::kOfficer, w1_);
  }

  RestructureRequest MergeDistricts() {
    return {"merge",
            D("2025-07-01"),
            {q1_, q2_},
            {},
            {{"MA.QTT", "Quận Trung tâm", "district", city_}},
            "Nghị quyết 1234/NQ-UBTVQH15"};
  }

  int64_t q1_ = 0, q2_ = 0, w1_ = 0, w2_ = 0, w3_ = 0;
  int64_t officer1_ = 0, officer2_ = 0, ward_officer_ = 0;
};

// A source of a merge on 1/7/2025: ended the day before, under `parent` until then, with
// `successor` as its one, primary successor from the date.
void ExpectEndedInto(const UnitGraph& g, int64_t src, int64_t parent, int64_t successor) {
  EXPECT_EQ(g.Find(src)->valid_to, D("2025-06-30"));
  EXPECT_EQ(g.ParentOn(src, D("2025-06-30")), parent);
  EXPECT_EQ(g.ParentOn(src, D("2025-07-01")), std::nullopt);
  ASSERT_EQ(g.SuccessorsOf(src).size(), 1u);
  EXPECT_EQ(g.SuccessorsOf(src)[0].successor_id, successor);
  EXPECT_TRUE(g.SuccessorsOf(src)[0].primary);
  EXPECT_EQ(g.SuccessorsOf(src)[0].date, D("2025-07-01"));
}

bool InTreeOn(const UnitGraph& g, Date day, int64_t id) {
  const auto tree = g.TreeOn(day);
  return std::any_of(tree.begin(), tree.end(), [&](const Unit* u) { return u->id == id; });
}

// The merge's one event, as the admin sees it; an office elsewhere does not see it.
void ExpectOneMergeEventSeenOnlyInScope(UnitService& svc, const Principal& admin,
                                        const Principal& elsewhere_office) {
  auto events = svc.Events(admin);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].kind, "merge");
  EXPECT_EQ((*events)[0].note, "Nghị quyết 1234/NQ-UBTVQH15");
  EXPECT_EQ((*events)[0].date, D("2025-07-01"));
  // An office elsewhere does not see the event.
  auto elsewhere = svc.Events(elsewhere_office);
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_TRUE(elsewhere->empty());
}

TEST_P(RestructureServiceTest, MergeEndsSourcesMovesChildrenAndRoles) {
  const int64_t head = AuditHead();
  auto out = svc().Restructure(&admin_, MergeDistricts());
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto g = graph();
  const Unit* merged = g->FindByCode("MA.QTT");
  ASSERT_NE(merged, nullptr);
  const int64_t qtt = merged->id;
  EXPECT_EQ(merged->valid_from, D("2025-07-01"));
  EXPECT_EQ(out->sources, (std::vector<int64_t>{q1_, q2_}));
  EXPECT_EQ(out->successors, (std::vector<int64_t>{qtt}));
  EXPECT_EQ(out->children_moved, 3);
  EXPECT_EQ(out->moved["roles"], 2);
  EXPECT_GT(out->event_id, 0);

  // Sources end the day before.
  for (int64_t src : {q1_, q2_}) ExpectEndedInto(*g, src, city_, qtt);
  EXPECT_EQ(g->PredecessorsOf(qtt).size(), 2u);
  // Children move from the date; the day before keeps the old structure.
  EXPECT_EQ(g->ParentOn(w1_, D("2025-06-30")), q1_);
  EXPECT_EQ(g->ParentOn(w3_, D("2025-06-30")), q2_);
  for (int64_t w : {w1_, w2_, w3_}) EXPECT_EQ(g->ParentOn(w, D("2025-07-01")), qtt);
  const Date before = D("2025-06-30"), after = D("2025-07-01");
  EXPECT_TRUE(InTreeOn(*g, before, q1_));
  EXPECT_TRUE(InTreeOn(*g, before, q2_));
  EXPECT_FALSE(InTreeOn(*g, before, qtt));
  EXPECT_FALSE(InTreeOn(*g, after, q1_));
  EXPECT_TRUE(InTreeOn(*g, after, qtt));
  std::vector<int64_t> kids = g->ChildrenOn(qtt, D("2025-07-01"));
  std::sort(kids.begin(), kids.end());
  EXPECT_EQ(kids, (std::vector<int64_t>{w1_, w2_, w3_}));
  // The new district inherits the old ones' past.
  const auto scope = g->ScopeOf(qtt);
  for (int64_t id : {q1_, q2_, w1_, w2_, w3_}) EXPECT_TRUE(scope.count(id)) << id;

  // Roles on the sources pass to the successor; a role on a ward stays.
  ASSERT_EQ(RolesOf(officer1_).size(), 1u);
  EXPECT_EQ(RolesOf(officer1_)[0].unit_id, qtt);
  EXPECT_EQ(RolesOf(officer1_)[0].role, Role::kOfficer);
  EXPECT_EQ(RolesOf(officer2_)[0].unit_id, qtt);
  EXPECT_EQ(RolesOf(officer2_)[0].role, Role::kOffice);
  EXPECT_EQ(RolesOf(ward_officer_)[0].unit_id, w1_);

  // One audit entry per change, all in one unbroken chain.
  EXPECT_EQ(AuditCount("unit.restructure"), 2);
  EXPECT_EQ(AuditCount("unit.move"), 3);
  EXPECT_EQ(AuditCount("user.roles_transfer"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.create' AND entity_id = ?",
                   {qtt}),
            1);
  EXPECT_EQ(AuditHead(), head + 1 + 2 + 2 + 3);
  auto verify = app().audit().Verify(nullptr);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->reason;

  ExpectOneMergeEventSeenOnlyInScope(svc(), admin_, Office(stc_));
}

TEST_P(RestructureServiceTest, SplitHandsChildrenToTheFirstSuccessor) {
  RestructureRequest split{
      "split", D("2025-07-01"), {q1_}, {q2_}, {{"MA.Q1B", "Quận 1B", "district", city_}}, ""};
  auto out = svc().Restructure(&admin_, split);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto g = graph();
  const int64_t q1b = g->FindByCode("MA.Q1B")->id;
  EXPECT_EQ(out->successors, (std::vector<int64_t>{q2_, q1b}));
  EXPECT_EQ(g->Find(q1_)->valid_to, D("2025-06-30"));
  EXPECT_FALSE(g->Find(q2_)->valid_to.has_value());  // an existing successor goes on
  // The existing target is listed first, so it is the primary successor.
  for (const auto& s : g->SuccessorsOf(q1_)) EXPECT_EQ(s.primary, s.successor_id == q2_);
  EXPECT_EQ(g->SuccessorsOf(q1_).size(), 2u);
  EXPECT_EQ(g->ParentOn(w1_, D("2025-07-01")), q2_);
  EXPECT_EQ(g->ParentOn(w2_, D("2025-07-01")), q2_);
  EXPECT_EQ(g->ParentOn(w1_, D("2025-06-30")), q1_);
  EXPECT_EQ(RolesOf(officer1_)[0].unit_id, q2_);
  EXPECT_EQ(out->moved["roles"], 1);
  EXPECT_EQ(out->children_moved, 2);
}

// A district merged into one of its own wards: the ward takes the district's place under the
// city, and its former sister wards come under it.
TEST_P(RestructureServiceTest, ASuccessorThatHungUnderTheSourceTakesItsPlace) {
  RestructureRequest merge{"merge", D("2025-07-01"), {q1_}, {w1_}, {}, ""};
  auto out = svc().Restructure(&admin_, merge);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto g = graph();
  EXPECT_EQ(g->ParentOn(w1_, D("2025-06-30")), q1_);
  EXPECT_EQ(g->ParentOn(w1_, D("2025-07-01")), city_);
  EXPECT_EQ(g->ParentOn(w2_, D("2025-07-01")), w1_);
  EXPECT_EQ(out->children_moved, 1);
  auto tree = g->TreeOn(D("2025-07-01"));
  ASSERT_FALSE(tree.empty());
  EXPECT_EQ(tree.front()->id, city_) << "the ward is not a root of its own";
  EXPECT_EQ(std::count_if(tree.begin(), tree.end(), [&](const Unit* u) { return u->id == w1_; }),
            1);
  EXPECT_EQ(AuditCount("unit.move"), 2);  // the ward lifted, its sister moved
  auto verify = app().audit().Verify(nullptr);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->reason;
}

TEST_P(RestructureServiceTest, NothingIsWrittenWhenValidationFails) {
  RestructureRequest two_successors = MergeDistricts();
  two_successors.target_ids = {stc_};
  RestructureRequest duplicate_code = MergeDistricts();
  duplicate_code.new_units[0].code = "MA.STC";
  RestructureRequest ended_source = MergeDistricts();
  ended_source.date = D("2019-06-01");
  RestructureRequest split_in_one = {"split", D("2025-07-01"), {q1_}, {q2_}, {}, ""};
  RestructureRequest under_source = MergeDistricts();
  under_source.new_units[0].parent_id = q1_;
  for (const auto& r : {two_successors, duplicate_code, ended_source, split_in_one, under_source}) {
    const auto before = Snapshot();
    auto out = svc().Restructure(&admin_, r);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidInput) << out.status().ToString();
    EXPECT_EQ(Snapshot(), before) << out.status().message();
  }
  EXPECT_EQ(RolesOf(officer1_)[0].unit_id, q1_);
  EXPECT_FALSE(graph()->Find(q1_)->valid_to.has_value());
}

TEST_P(RestructureServiceTest, NothingIsWrittenWhenAStepFailsHalfway) {
  // A feature whose open work cannot follow (a later feature's transfer failing) must undo
  // the whole restructuring: new unit, ended sources, moved roles and audit entries.
  struct Failing final : OpenWorkTransfer {
    std::string name() const override { return "tasks"; }
    Result<int64_t> Transfer(db::Connection&, int64_t, int64_t, Date, const Principal*,
                             int64_t) override {
      return Status::Conflict("cannot move the tasks");
    }
  };
  svc().AddTransfer(std::make_shared<Failing>());
  const auto before = Snapshot();
  auto out = svc().Restructure(&admin_, MergeDistricts());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM units WHERE code = 'MA.QTT'"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM user_roles WHERE unit_id = ?", {q1_}), 1);
  EXPECT_EQ(graph()->FindByCode("MA.QTT"), nullptr);
  EXPECT_FALSE(graph()->Find(q1_)->valid_to.has_value());
  EXPECT_EQ(RolesOf(officer1_)[0].unit_id, q1_);
}

TEST_P(RestructureServiceTest, RestructureChecksTheRoleAndScope) {
  // An office of one district cannot end the other: for it, the other does not exist.
  const Principal office_q1 = Office(q1_);
  const auto before = Snapshot();
  auto outside = svc().Restructure(&office_q1, MergeDistricts());
  EXPECT_EQ(outside.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(outside.status().field(), "source_ids");
  const Principal viewer = Viewer(city_);
  auto viewer_out = svc().Restructure(&viewer, MergeDistricts());
  EXPECT_EQ(viewer_out.status().code(), StatusCode::kForbidden);
  EXPECT_EQ(Snapshot(), before);
}

// ---- Integrity under concurrency -------------------------------------------------------
// Every rule that depends on the database is checked inside the write's transaction, where
// writers take turns; the in-memory graph a request starts from may be a moment old.

// A unit that a restructuring already ends is not restructured again (409), whether the
// first one is long done, dated later, or committed a moment ago by another process whose
// change this one's graph has not seen yet.
TEST_P(RestructureServiceTest, ARestructuredUnitIsNotRestructuredAgain) {
  // Quận 2 merges into Sở Xây dựng from a day still to come; Quận 1 into the new district.
  RestructureRequest q2_later{"merge", D("2026-03-01"), {q2_}, {sxd_}, {}, ""};
  ASSERT_TRUE(svc().Restructure(&admin_, q2_later).ok());
  // Another server process over the same database: its restructuring is not in our graph.
  UnitDirectory theirs;
  ASSERT_TRUE(theirs.Reload(db()).ok());
  UnitService other(db(), app().clock(), theirs);
  RestructureRequest q1_now{"merge", D("2026-01-15"), {q1_}, {stc_}, {}, ""};
  ASSERT_TRUE(other.Restructure(&admin_, q1_now).ok());
  ASSERT_EQ(graph()->SuccessorsOf(q1_).size(), 0u) << "our graph should not have seen it yet";

  struct Case {
    const char* what;
    RestructureRequest r;
    const char* field;
  };
  const Case cases[] = {
      {"a source merged a moment ago elsewhere",
       {"merge", D("2026-01-20"), {q1_}, {sxd_}, {}, ""},
       "source_ids"},
      {"the same merge again", q1_now, "source_ids"},
      {"a source whose merge is dated later, merged earlier",
       {"merge", D("2026-02-01"), {q2_}, {stc_}, {}, ""},
       "source_ids"},
      {"a source split after its merge",
       {"split", D("2026-04-01"), {q2_}, {stc_, sxd_}, {}, ""},
       "source_ids"},
      {"a target that a merge will end",
       {"merge", D("2026-02-01"), {w3_}, {q2_}, {}, ""},
       "target_ids"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const auto before = Snapshot();
    auto out = svc().Restructure(&admin_, c.r);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), StatusCode::kConflict) << out.status().ToString();
    EXPECT_EQ(out.status().error_code(), "already_restructured");
    EXPECT_EQ(out.status().field(), c.field);
    EXPECT_NE(out.status().message().find("đã được sắp xếp lại"), std::string::npos);
    EXPECT_EQ(Snapshot(), before);
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM unit_successions WHERE predecessor_id = ?", {q1_}), 1);
}

// Two merges of one unit at the same moment, each on its own connection: exactly one
// succeeds and the unit keeps one primary successor; the other hears 409. Run many times,
// as a race does not show itself every time.
TEST_P(RestructureServiceTest, TwoMergesOfOneUnitAtOnceOneWins) {
  for (int round = 0; round < 12; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string n = std::to_string(round);
    const int64_t src = MakeUnit("MA.R" + n, "Phòng " + n, "agency", city_);
    const int64_t a = MakeUnit("MA.RA" + n, "Phòng A" + n, "agency", city_);
    const int64_t b = MakeUnit("MA.RB" + n, "Phòng B" + n, "agency", city_);
    std::latch start(2);
    Result<RestructureOutcome> out_a = Status::Internal("not run"),
                               out_b = Status::Internal("not run");
    auto merge = [&](int64_t target, Result<RestructureOutcome>& out) {
      RestructureRequest r{"merge", D("2026-01-15"), {src}, {target}, {}, ""};
      start.arrive_and_wait();
      out = svc().Restructure(&admin_, r);
    };
    std::thread ta(merge, a, std::ref(out_a)), tb(merge, b, std::ref(out_b));
    ta.join();
    tb.join();
    ASSERT_NE(out_a.ok(), out_b.ok())
        << out_a.status().ToString() << " / " << out_b.status().ToString();
    const Status& lost = out_a.ok() ? out_b.status() : out_a.status();
    EXPECT_EQ(lost.code(), StatusCode::kConflict) << lost.ToString();
    EXPECT_EQ(lost.error_code(), "already_restructured");
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM unit_successions WHERE predecessor_id = ? AND "
                     "is_primary = 1",
                     {src}),
              1);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM restructure_events e WHERE EXISTS (SELECT 1 FROM "
                     "unit_successions s WHERE s.event_id = e.id AND s.predecessor_id = ?)",
                     {src}),
              1);
    EXPECT_EQ(graph()->SuccessorsOf(src).size(), 1u);
  }
}

// Two moves that each alone are fine but together make a loop (A under B, B under A): the
// second sees the first inside its transaction and is refused.
TEST_P(RestructureServiceTest, TwoMovesThatWouldMakeALoopOneWins) {
  for (int round = 0; round < 12; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string n = std::to_string(round);
    const int64_t a = MakeUnit("MA.LA" + n, "Phòng A" + n, "agency", city_);
    const int64_t b = MakeUnit("MA.LB" + n, "Phòng B" + n, "agency", city_);
    std::latch start(2);
    Result<UnitRow> out_a = Status::Internal("not run"), out_b = Status::Internal("not run");
    auto move = [&](int64_t unit, int64_t parent, Result<UnitRow>& out) {
      UnitInput in{.parent_id = parent, .parent_given = true};
      start.arrive_and_wait();
      out = svc().Update(admin_, unit, in);
    };
    std::thread ta(move, a, b, std::ref(out_a)), tb(move, b, a, std::ref(out_b));
    ta.join();
    tb.join();
    ASSERT_NE(out_a.ok(), out_b.ok())
        << out_a.status().ToString() << " / " << out_b.status().ToString();
    const Status& lost = out_a.ok() ? out_b.status() : out_a.status();
    EXPECT_EQ(lost.code(), StatusCode::kInvalidInput) << lost.ToString();
    EXPECT_EQ(lost.field(), "parent_id");
    // Both still in the tree, under the city.
    EXPECT_TRUE(graph()->IsUnder(a, city_, D("2026-01-15")));
    EXPECT_TRUE(graph()->IsUnder(b, city_, D("2026-01-15")));
  }
}

// A role is not granted on a unit that a restructuring ends: its roles went to the
// successor when it was recorded. Also when our graph has not seen that restructuring.
TEST_P(RestructureServiceTest, ARoleIsNotGrantedOnARestructuredUnit) {
  UnitDirectory theirs;
  ASSERT_TRUE(theirs.Reload(db()).ok());
  UnitService other(db(), app().clock(), theirs);
  other.AddTransfer(std::make_shared<users::RoleTransfer>());
  ASSERT_TRUE(other.Restructure(&admin_, {"merge", D("2026-03-01"), {q1_}, {q2_}, {}, ""}).ok());
  ASSERT_TRUE(graph()->Find(q1_)->ActiveOn(D("2026-01-15")));  // still active, and ours is stale
  EXPECT_EQ(RolesOf(officer1_)[0].unit_id, q2_);

  const auto before = Snapshot();
  users::UserInput in{.username = "moi.q1",
                      .full_name = "Nguyễn Văn Mới",
                      .password = "mat-khau-2026",
                      .roles = {{{Role::kOfficer, q1_}}}};
  auto created = app().users().Create(&admin_, in);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kInvalidInput) << created.status().ToString();
  EXPECT_EQ(created.status().field(), "roles");
  users::UserInput regrant{.roles = {{{Role::kOfficer, q1_}}}};
  auto updated = app().users().Update(admin_, officer2_, regrant);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.status().field(), "roles");
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM user_roles WHERE unit_id = ?", {q1_}), 0);
}

// A unit whose restructuring is recorded (dated later: it is still active today) takes no
// new child that would outlive it — its children went to the successor already — also when
// another process recorded it and our graph has not seen it. One that ends with it is fine.
TEST_P(RestructureServiceTest, NoNewChildUnderAUnitARestructuringEnds) {
  UnitDirectory theirs;
  ASSERT_TRUE(theirs.Reload(db()).ok());
  UnitService other(db(), app().clock(), theirs);
  ASSERT_TRUE(other.Restructure(&admin_, {"merge", D("2026-03-01"), {q1_}, {q2_}, {}, ""}).ok());
  ASSERT_EQ(graph()->SuccessorsOf(q1_).size(), 0u) << "our graph should not have seen it yet";
  const auto before = Snapshot();
  UnitInput child{.code = "MA.Q1.P9",
                  .name = "Phường Mới",
                  .kind = "ward",
                  .parent_id = q1_,
                  .parent_given = true,
                  .valid_from = D("2026-01-15")};
  auto created = svc().Create(&admin_, child);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().field(), "parent_id") << created.status().ToString();
  EXPECT_NE(created.status().message().find("Quận 2"), std::string::npos)
      << created.status().message();
  UnitInput move{.parent_id = q1_, .parent_given = true};
  auto moved = svc().Update(admin_, w3_, move);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().field(), "parent_id") << moved.status().ToString();
  EXPECT_EQ(Snapshot(), before);
  // History that ends with it is allowed.
  child.valid_to = D("2026-02-28");
  EXPECT_TRUE(svc().Create(&admin_, child).ok());
}

// Two edits of one account at once each change one field: neither undoes the other.
TEST_P(RestructureServiceTest, TwoEditsOfOneUserKeepBoth) {
  const auto edit = [&](users::UserInput in) {
    auto r = app().users().Update(admin_, officer1_, in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  };
  for (int round = 0; round < 8; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string name = "Trần Thị " + std::to_string(round);
    const std::string email = "canbo" + std::to_string(round) + "@minhan.gov.vn";
    std::latch start(2);
    std::thread ta([&] {
      start.arrive_and_wait();
      edit(users::UserInput{.full_name = name});
    });
    std::thread tb([&] {
      start.arrive_and_wait();
      edit(users::UserInput{.email = email});
    });
    ta.join();
    tb.join();
    auto u = app().users().Get(admin_, officer1_);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->full_name, name);
    EXPECT_EQ(u->email, email);
  }
}

INSTANTIATE_BOTH(UnitServiceTest);
INSTANTIATE_BOTH(RestructureServiceTest);

}  // namespace
}  // namespace dh::units
