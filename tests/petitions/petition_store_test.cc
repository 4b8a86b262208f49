// The petitions store on both databases: a petition round-trips every field, its
// coordinating units and history; updates replace them; templates and dialogue sessions.
#include "petitions/petition_store.h"

#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::petitions {
namespace {

using testing::StoreTest;
STORE_TEST_SUITE(PetitionStoreTest);

Date D(const char* s) { return *Date::Parse(s); }

int64_t AddUnit(db::Connection& c, const char* code, std::optional<int64_t> parent) {
  units::Unit u{.code = code, .name = code, .kind = "other", .valid_from = D("2020-01-01")};
  return *units::InsertUnit(c, u, parent, 1);
}

// A petition routed to `dept` with `other` coordinating, every optional field set.
Petition Routed(int64_t biz, int64_t dept, int64_t other) {
  Petition p;
  p.business_unit_id = biz;
  p.title = "Thủ tục cấp phép kéo dài";
  p.content = "Hồ sơ nộp đã 3 tháng.";
  p.category = "xay_dung";
  p.publishable = true;
  p.state = PetitionState::kRouted;
  p.responsible_unit_id = dept;
  p.coordinating_unit_ids = {other};
  p.received_on = D("2025-06-02");
  p.due_on = D("2025-06-30");
  p.satisfied = false;
  p.filed_on = D("2025-06-01");
  p.created_at = p.updated_at = 100;
  return p;
}

TEST_P(PetitionStoreTest, APetitionRoundTripsEveryField) {
  int64_t city = 0, dept = 0, other = 0, biz = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) {
                city = AddUnit(c, "X", std::nullopt);
                dept = AddUnit(c, "X.STC", city);
                other = AddUnit(c, "X.SXD", city);
                biz = AddUnit(c, "X.DN1", city);
                return Status::Ok();
              }).ok());
  Petition p = Routed(biz, dept, other);
  p.id = MustWrite<int64_t>([&](db::Connection& c) { return InsertPetition(c, p); });
  auto got =
      MustRead<std::optional<Petition>>([&](db::Connection& c) { return FindPetition(c, p.id); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, p.title);
  EXPECT_EQ(got->state, PetitionState::kRouted);
  EXPECT_EQ(got->responsible_unit_id, dept);
  EXPECT_EQ(got->coordinating_unit_ids, std::vector<int64_t>{other});
  EXPECT_EQ(got->due_on, D("2025-06-30"));
  EXPECT_EQ(got->satisfied, std::optional<bool>(false));
  EXPECT_TRUE(got->publishable);
  EXPECT_EQ(got->answered_on, std::nullopt);

  got->state = PetitionState::kDirected;
  got->coordinating_unit_ids.clear();
  got->answered_on = D("2025-06-20");
  got->satisfied.reset();
  ASSERT_TRUE(Write([&](db::Connection& c) { return UpdatePetition(c, *got); }).ok());
  std::vector<Petition> all;
  ASSERT_TRUE(Read([&](db::Connection& c) {
                return ForEachPetition(c, [&](Petition&& x) { all.push_back(std::move(x)); });
              }).ok());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].state, PetitionState::kDirected);
  EXPECT_TRUE(all[0].coordinating_unit_ids.empty());
  EXPECT_EQ(all[0].answered_on, D("2025-06-20"));
  EXPECT_EQ(all[0].satisfied, std::nullopt);

  ASSERT_TRUE(Write([&](db::Connection& c) {
                return InsertPetitionEvent(c,
                                           {0, p.id, "routed", D("2025-06-02"), "", dept, 0, 100})
                    .status();
              }).ok());
  auto events = MustRead<std::vector<PetitionEventRecord>>(
      [&](db::Connection& c) { return EventsOf(c, p.id); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "routed");
  EXPECT_EQ(events[0].unit_id, dept);
}

TEST_P(PetitionStoreTest, TemplatesAndSessions) {
  auto t = MustRead<std::vector<AnswerTemplate>>(
      [](db::Connection& c) { return TemplatesFor(c, "dat_dai"); });
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].category, "dat_dai");
  EXPECT_EQ(t[1].category, "other");
  int64_t city = MustWrite<int64_t>(
      [](db::Connection& c) -> Result<int64_t> { return AddUnit(c, "X", std::nullopt); });
  const int64_t id = MustWrite<int64_t>([&](db::Connection& c) {
    return InsertSession(
        c, {0, "Hội nghị đối thoại quý II", D("2025-06-20"), city, "Hội trường", 0, 100});
  });
  auto s = MustRead<std::optional<DialogueSession>>(
      [&](db::Connection& c) { return FindSession(c, id); });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->held_on, D("2025-06-20"));
  EXPECT_EQ(MustRead<std::vector<DialogueSession>>([](db::Connection& c) {
              return ListSessions(c);
            }).size(),
            1u);
}

}  // namespace
}  // namespace dh::petitions
