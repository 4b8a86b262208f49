// A task made from a petition (SpawnTask) or from a referred conference opinion
// (AnswerOpinion, kind referred) is written in ONE transaction with the change that asks
// for it: when the petition's or the opinion's write fails, neither the task nor the
// change remains. The failure is real: a database trigger refuses the second write.
// Both databases.
#include <gtest/gtest.h>

#include <set>

#include "conferences/conference_service.h"
#include "petitions/petition_service.h"
#include "support/test_db.h"
#include "tasks/task_service.h"

namespace dh {
namespace {

using auth::Principal;
using auth::Role;
using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

// A trigger named `name` that refuses `event` on `table` WHEN `when` (a condition on NEW).
struct Refusal {
  const char* name;
  const char* event;  // INSERT | UPDATE
  const char* table;
  const char* when;
};

class TaskLinkTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    dept_ = MakeUnit("MA.STC", "Sở Tài chính", "department", city_);
    business_ = MakeUnit("MA.DN1", "Công ty TNHH Một", "other", city_);
    office_ = Person("vanphong", Role::kOffice, city_);
    auto d = app().tasks().CreateDirective(office_, {.kind = std::string("decision"),
                                                     .number = std::string("12/QĐ-UBND"),
                                                     .title = std::string("Giải quyết kiến nghị"),
                                                     .issued_on = D("2026-01-05"),
                                                     .issuer_unit_id = city_});
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    directive_ = d->id;
  }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent) {
    auto r = app().units().Create(nullptr, {.code = code,
                                            .name = name,
                                            .kind = kind,
                                            .parent_id = parent,
                                            .parent_given = true,
                                            .valid_from = D("2020-01-01")});
    EXPECT_TRUE(r.ok()) << code << ": " << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }

  Principal Person(const std::string& username, Role role, int64_t unit) {
    auto u = app().users().Create(nullptr, {.username = username,
                                            .full_name = "Nguyễn Văn " + username,
                                            .password = "mat-khau-2026",
                                            .roles = std::vector<auth::RoleGrant>{{role, unit}}});
    EXPECT_TRUE(u.ok()) << username << ": " << u.status().ToString();
    return Principal{u.ok() ? u->id : 0, username, "Nguyễn Văn " + username, {{role, unit}}};
  }

  Status Sql(const std::string& sql) {
    auto c = db().Acquire();
    if (!c.ok()) return c.status();
    return (*c)->Exec(sql, {}).status();
  }

  void Install(const Refusal& r) {
    const std::string on = std::string(r.event) + " ON " + r.table;
    if (GetParam() == testing::Backend::kSqlite) {
      ASSERT_TRUE(Sql(std::string("CREATE TRIGGER ") + r.name + " BEFORE " + on +
                      " FOR EACH ROW WHEN " + r.when +
                      " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                      .ok());
      return;
    }
    ASSERT_TRUE(Sql("CREATE OR REPLACE FUNCTION dh_test_refuse() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql")
                    .ok());
    ASSERT_TRUE(Sql(std::string("CREATE TRIGGER ") + r.name + " BEFORE " + on +
                    " FOR EACH ROW WHEN (" + r.when + ") EXECUTE FUNCTION dh_test_refuse()")
                    .ok());
  }
  void Remove(const Refusal& r) {
    const std::string suffix =
        GetParam() == testing::Backend::kSqlite ? "" : std::string(" ON ") + r.table;
    ASSERT_TRUE(Sql(std::string("DROP TRIGGER ") + r.name + suffix).ok());
  }

  int64_t Scalar(const std::string& sql) {
    int64_t v = -1;
    Status s = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, {}));
      v = r.empty() || r.IsNull(0, 0) ? 0 : r.Int(0, 0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
    return v;
  }
  // The tasks the read model lists for the office.
  int64_t Tasks() {
    int64_t total = -1;
    auto list = app().tasks().List(office_, {}, 50, 0, &total);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return total;
  }
  // What a refused step must leave as it was.
  std::string Snapshot() {
    std::string out;
    for (const char* sql :
         {"SELECT COUNT(*) FROM tasks", "SELECT COUNT(*) FROM task_events",
          "SELECT COUNT(*) FROM petition_events", "SELECT COUNT(*) FROM audit_log",
          "SELECT COUNT(*) FROM notifications", "SELECT COUNT(task_id) FROM petitions",
          "SELECT COUNT(answer_kind) FROM conference_opinions",
          "SELECT COUNT(task_id) FROM conference_opinions"})
      out += std::to_string(Scalar(sql)) + " ";
    return out;
  }

  int64_t city_ = 0, dept_ = 0, business_ = 0, directive_ = 0;
  Principal office_;
};
INSTANTIATE_BOTH(TaskLinkTest);

TEST_P(TaskLinkTest, APetitionsTaskAndItsLinkAreWrittenTogether) {
  petitions::PetitionService& svc = app().petitions();
  auto filed = svc.File(office_, {.title = std::string("Hoàn thuế chậm"),
                                  .content = std::string("Hồ sơ hoàn thuế quá hạn."),
                                  .category = std::string("thue_phi"),
                                  .business_unit_id = business_});
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  const int64_t id = filed->p.id;
  ASSERT_TRUE(svc.Route(office_, id, dept_, {}).ok());

  const Refusal refusal{"dh_test_no_task_link", "INSERT", "petition_events",
                        "NEW.kind = 'task_created'"};
  Install(refusal);
  const std::string before = Snapshot();
  auto refused = svc.SpawnTask(office_, id, directive_, D("2026-02-20"));
  EXPECT_FALSE(refused.ok()) << "the trigger refuses the petition's event";
  EXPECT_EQ(Snapshot(), before) << "no task, no link, no event, no audit entry";
  auto read = svc.Get(office_, id);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->view.p.task_id);
  EXPECT_EQ(Tasks(), 0) << "the tasks read model holds no task either";

  Remove(refusal);
  auto made = svc.SpawnTask(office_, id, directive_, D("2026-02-20"));
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  ASSERT_TRUE(made->p.task_id);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM tasks"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM petition_events WHERE kind = 'task_created'"), 1);
}

TEST_P(TaskLinkTest, AReferredOpinionsTaskAndItsAnswerAreWrittenTogether) {
  conferences::ConferenceService& svc = app().conferences();
  conferences::ConferenceInput in{.name = "Kỳ họp thứ 5",
                                  .body_unit_id = city_,
                                  .starts_on = D("2026-01-20"),
                                  .ends_on = D("2026-01-21"),
                                  .place = "Minh An",
                                  .directive_id = directive_};
  in.documents.push_back({.title = "Dự thảo nghị quyết về phí",
                          .drafting_unit_id = dept_,
                          .answer_due_on = D("2026-02-10"),
                          .sections = {"Điều 1"}});
  auto conf = svc.Create(office_, in);
  ASSERT_TRUE(conf.ok()) << conf.status().ToString();
  const int64_t doc = conf->conference.documents.at(0).id;
  auto delegate = svc.AddDelegate(office_, conf->conference.id, {.full_name = "Trần Thị Bình"});
  ASSERT_TRUE(delegate.ok()) << delegate.status().ToString();
  auto opinion = svc.AddOpinion(office_, conf->conference.id,
                                {.delegate_ids = {delegate->id},
                                 .document_id = doc,
                                 .content = "Cần rà soát mức phí cho hộ kinh doanh."});
  ASSERT_TRUE(opinion.ok()) << opinion.status().ToString();
  const int64_t id = opinion->opinion.id;
  const conferences::AnswerInput refer{.kind = "referred",
                                       .text = "Giao Sở Tài chính rà soát.",
                                       .referred_unit_id = dept_,
                                       .due_on = D("2026-03-02")};

  const Refusal refusal{"dh_test_no_referral", "UPDATE", "conference_opinions",
                        "NEW.task_id IS NOT NULL"};
  Install(refusal);
  const std::string before = Snapshot();
  auto refused = svc.AnswerOpinion(office_, id, refer);
  EXPECT_FALSE(refused.ok()) << "the trigger refuses the opinion's answer";
  EXPECT_EQ(Snapshot(), before) << "no task, no answer, no audit entry";
  auto opinions = svc.Opinions(office_, conf->conference.id);
  ASSERT_TRUE(opinions.ok());
  EXPECT_FALSE(opinions->at(0).opinion.answer);
  EXPECT_EQ(Tasks(), 0) << "the tasks read model holds no task either";

  Remove(refusal);
  auto answered = svc.AnswerOpinion(office_, id, refer);
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_TRUE(answered->opinion.task_id);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM tasks"), 1);
}

// The notification bell's batch check (one pass over the read model) answers for every id
// what the one-petition check answers: the business its own, the responsible unit what was
// routed to it, another unit nothing; unknown ids are absent.
TEST_P(TaskLinkTest, TheBellsBatchCheckAgreesWithTheOnePetitionCheck) {
  petitions::PetitionService& svc = app().petitions();
  const int64_t other_business = MakeUnit("MA.DN2", "Công ty TNHH Hai", "other", city_);
  const int64_t other_dept = MakeUnit("MA.SXD", "Sở Xây dựng", "department", city_);
  std::vector<int64_t> ids;
  for (const int64_t business : {business_, other_business, business_}) {
    auto p = svc.File(office_, {.title = std::string("Kiến nghị"),
                                .content = std::string("Nội dung."),
                                .category = std::string("other"),
                                .business_unit_id = business});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    ids.push_back(p->p.id);
  }
  ASSERT_TRUE(svc.Route(office_, ids[0], dept_, {}).ok());
  ASSERT_TRUE(svc.Route(office_, ids[1], other_dept, {dept_}).ok());
  ids.push_back(ids.back() + 1000);  // no such petition
  const struct {
    const char* who;
    Principal p;
    std::set<int64_t> sees;
  } cases[] = {
      {"office", office_, {ids[0], ids[1], ids[2]}},
      {"business", Person("dn1", Role::kBusiness, business_), {ids[0], ids[2]}},
      {"officer of the responsible unit",
       Person("canbo.stc", Role::kOfficer, dept_),
       {ids[0], ids[1]}},
      {"officer of another unit", Person("canbo.sxd", Role::kOfficer, other_dept), {ids[1]}},
  };
  for (const auto& c : cases) {
    const auto batch = svc.VisiblePetitions(c.p, ids);
    EXPECT_EQ(std::set<int64_t>(batch.begin(), batch.end()), c.sees) << c.who;
    for (int64_t id : ids)
      EXPECT_EQ(svc.CheckAccess(c.p, id, false).ok(), c.sees.count(id) > 0) << c.who << " " << id;
  }
}

}  // namespace
}  // namespace dh
