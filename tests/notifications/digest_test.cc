// Who hears about a unit's tasks, who heads a unit, and what each user's daily digest
// lists — including the users who get none.
#include "notifications/digest.h"

#include <gtest/gtest.h>

#include "tasks/task_reminders.h"

namespace dh::notifications {
namespace {

using tasks::TaskState;

Date D(const char* s) { return *Date::Parse(s); }

const calendar::WorkCalendar& Cal() {
  static const calendar::WorkCalendar cal;
  return cal;
}

// City 1 → Sở Tài chính 2 → Trung tâm 4; Sở Xây dựng 3 → nothing below. Quận 5 is
// another city's subtree (root 6), with its own office.
units::UnitGraph Graph() {
  std::vector<units::Unit> u;
  for (auto [id, code] : std::vector<std::pair<int64_t, const char*>>{
           {1, "MA"}, {2, "MA.STC"}, {3, "MA.SXD"}, {4, "MA.STC.TT"}, {5, "B.Q1"}, {6, "B"}})
    u.push_back({id, code, code, "department", D("2020-01-01"), std::nullopt});
  std::vector<units::ParentLink> links = {{1, 1, std::nullopt, D("2020-01-01"), std::nullopt},
                                          {2, 2, 1, D("2020-01-01"), std::nullopt},
                                          {3, 3, 1, D("2020-01-01"), std::nullopt},
                                          {4, 4, 2, D("2020-01-01"), std::nullopt},
                                          {5, 5, 6, D("2020-01-01"), std::nullopt},
                                          {6, 6, std::nullopt, D("2020-01-01"), std::nullopt}};
  return units::UnitGraph(std::move(u), std::move(links), {});
}

// 10 officer Sở TC, 11 leader Sở TC, 12 office city, 13 viewer Sở TC, 14 business city,
// 15 officer Sở XD, 16 office of the other city, 17 admin, 18 investor Trung tâm.
Recipients People() {
  return Recipients({{10, "officer", 2},
                     {11, "leader", 2},
                     {12, "office", 1},
                     {13, "viewer", 2},
                     {14, "business", 1},
                     {15, "officer", 3},
                     {16, "office", 6},
                     {17, "admin", std::nullopt},
                     {18, "investor", 4}});
}

OpenItem Task(int64_t id, int64_t unit, std::optional<const char*> deadline,
              TaskState state = TaskState::kInProgress, int64_t assignee = 0) {
  tasks::OpenTaskRow t;
  t.id = id;
  t.lead_unit_id = unit;
  t.assignee_id = assignee;
  t.state = state;
  if (deadline) t.deadline = tasks::EffectiveDeadline(D(*deadline), Cal());
  t.last_activity = D("2026-01-10");
  return tasks::ReminderItem(t);
}

std::vector<int64_t> Ids(const std::vector<DigestEntry>& v) {
  std::vector<int64_t> out;
  for (const auto& e : v) out.push_back(e.task_id);
  return out;
}

TEST(Recipients, PeopleOfAUnitAreThoseWhoWorkOnOrLeadItsTasks) {
  const Recipients r = People();
  EXPECT_EQ(r.PeopleOf(2), (std::vector<int64_t>{10, 11}));  // not the viewer
  EXPECT_EQ(r.PeopleOf(1), (std::vector<int64_t>{12}));      // not the business
  EXPECT_TRUE(r.PeopleOf(99).empty());
}

TEST(Recipients, HeadIsTheLeaderElseTheOfficeAbove) {
  const Recipients r = People();
  const auto g = Graph();
  EXPECT_EQ(r.HeadsOf(2, g, D("2026-01-15")), (std::vector<int64_t>{11})) << "its own leader";
  EXPECT_EQ(r.HeadsOf(3, g, D("2026-01-15")), (std::vector<int64_t>{12}))
      << "no leader: the city's office";
  EXPECT_EQ(r.HeadsOf(4, g, D("2026-01-15")), (std::vector<int64_t>{12}))
      << "no office on Sở TC: further up";
  EXPECT_EQ(r.HeadsOf(5, g, D("2026-01-15")), (std::vector<int64_t>{16}))
      << "another subtree, its own office";
  EXPECT_TRUE(r.HeadsOf(1, g, D("2026-01-15")).empty()) << "the root has nobody above";
}

TEST(Digest, ListsEachUsersDueSoonAndOverdueTasks) {
  const std::vector<OpenItem> open = {
      Task(1, 2, "2026-01-14"),                              // overdue, Sở TC
      Task(2, 2, "2026-01-20"),                              // due soon, Sở TC
      Task(3, 2, "2026-03-31"),                              // in time
      Task(4, 2, std::nullopt),                              // regular
      Task(5, 3, "2026-01-19", TaskState::kNotStarted, 10),  // due soon, Sở XD, assigned to 10
      Task(6, 2, "2026-01-12", TaskState::kRefused),         // the office's turn, not the holder's
  };
  const auto d = BuildDigests(open, {}, People(), Graph(), D("2026-01-15"), Cal(), 3);
  ASSERT_TRUE(d.count(10));
  EXPECT_EQ(Ids(d.at(10).overdue), std::vector<int64_t>{1});
  EXPECT_EQ(Ids(d.at(10).due_soon), (std::vector<int64_t>{5, 2})) << "by date: 19/1 before 20/1";
  EXPECT_EQ(d.at(10).overdue[0].days, 1);
  EXPECT_EQ(d.at(10).due_soon[0].days, 2);
  EXPECT_EQ(Ids(d.at(11).due_soon), std::vector<int64_t>{2});
  EXPECT_EQ(Ids(d.at(15).due_soon), std::vector<int64_t>{5});
  for (int64_t nobody : {12, 13, 14, 16, 17, 18}) EXPECT_FALSE(d.count(nobody)) << nobody;
}

TEST(Digest, OfficeUsersGetWhatAwaitsTheirDecisionInTheirScope) {
  const std::vector<OpenItem> open = {
      Task(1, 2, "2026-03-31", TaskState::kAwaitingConfirmation),
      Task(2, 4, "2026-03-31"),  // an extension asked, Trung tâm (under Sở TC)
      Task(3, 5, "2026-03-31", TaskState::kAwaitingConfirmation),  // the other city's
      Task(4, 5, "2026-03-31"),
  };
  const std::vector<PendingExtension> pending = {
      {2, D("2026-04-30")}, {4, D("2026-05-15")}, {99, D("2026-05-15")}};
  const auto d = BuildDigests(open, pending, People(), Graph(), D("2026-01-15"), Cal(), 3);
  ASSERT_TRUE(d.count(12));
  EXPECT_EQ(Ids(d.at(12).awaiting_confirmation), std::vector<int64_t>{1});
  EXPECT_EQ(Ids(d.at(12).extensions), std::vector<int64_t>{2});
  EXPECT_EQ(d.at(12).extensions[0].date, D("2026-04-30"));
  ASSERT_TRUE(d.count(16));
  EXPECT_EQ(Ids(d.at(16).awaiting_confirmation), std::vector<int64_t>{3});
  EXPECT_EQ(Ids(d.at(16).extensions), std::vector<int64_t>{4});
  EXPECT_FALSE(d.count(10)) << "officers do not decide";
  EXPECT_FALSE(d.count(11)) << "nor do leaders";
}

TEST(Digest, NobodyGetsOneWhenNothingIsDue) {
  const std::vector<OpenItem> open = {Task(1, 2, "2026-03-31"), Task(2, 3, std::nullopt),
                                      Task(3, 2, "2026-01-30", TaskState::kNotStarted, 15)};
  EXPECT_TRUE(BuildDigests(open, {}, People(), Graph(), D("2026-01-15"), Cal(), 3).empty());
  EXPECT_TRUE(BuildDigests({}, {}, People(), Graph(), D("2026-01-15"), Cal(), 3).empty());
}

TEST(Digest, NoneOnADayOff) {
  const std::vector<OpenItem> open = {Task(1, 2, "2026-01-14")};
  EXPECT_FALSE(BuildDigests(open, {}, People(), Graph(), D("2026-01-16"), Cal(), 3).empty());
  EXPECT_TRUE(BuildDigests(open, {}, People(), Graph(), D("2026-01-17"), Cal(), 3).empty());
  EXPECT_TRUE(BuildDigests(open, {}, People(), Graph(), D("2026-02-17"), Cal(), 3).empty());
}

TEST(Digest, AnAssigneeWhoIsAlsoOfTheUnitHearsOnce) {
  const std::vector<OpenItem> open = {Task(1, 2, "2026-01-14", TaskState::kInProgress, 10)};
  const auto d = BuildDigests(open, {}, People(), Graph(), D("2026-01-15"), Cal(), 3);
  EXPECT_EQ(d.at(10).size(), 1u);
}

}  // namespace
}  // namespace dh::notifications
