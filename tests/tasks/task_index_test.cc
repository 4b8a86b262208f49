// The tasks read model's scoped questions (TaskIndex): the rows a scope or a unit selects
// through the per-unit lists, against the rule applied to every row.
#include "tasks/task_index.h"

#include <gtest/gtest.h>

#include <set>

namespace dh::tasks {
namespace {

struct Task {
  int64_t id, lead;
  std::vector<int64_t> coordinators;
  int64_t assignee = 0;
};

// Six tasks of units 1–4 and 40 fillers led by unit 9 (so that a scope of unit 9 holds most
// tasks and is scanned, the others gathered from the lists).
std::vector<Task> Tasks() {
  std::vector<Task> t = {{1, 1, {2}}, {2, 2, {1, 3}}, {3, 3, {}, 50},
                         {4, 4, {}},  {5, 1, {}},     {6, 4, {3}, 51}};
  for (int64_t id = 7; id <= 46; ++id) t.push_back({id, 9, {}});
  return t;
}

void Load(TaskIndex& index) {
  const std::vector<Task> tasks = Tasks();
  auto rows = [&](const ModelRowVisitor& visit) {
    for (const Task& t : tasks) {
      ModelRow m;
      m.id = t.id, m.lead_unit_id = t.lead, m.assignee_id = t.assignee;
      m.coordinator_ids = t.coordinators;
      m.title_folded = "nhiem vu " + std::to_string(t.id);
      visit(m);
    }
    return Status::Ok();
  };
  EXPECT_TRUE(index.LoadRows(tasks.size(), 46, rows, calendar::WorkCalendar()).ok());
}

std::vector<bool> Scope(const std::vector<int64_t>& units) {
  std::vector<bool> bits(60, false);
  for (int64_t u : units) bits[u] = true;
  return bits;
}

std::set<int64_t> Fillers() {
  std::set<int64_t> s;
  for (int64_t id = 7; id <= 46; ++id) s.insert(id);
  return s;
}

TEST(TaskIndex, ScopedQuestionsSeeWhatTheScopeHolds) {
  struct Case {
    std::string name;
    std::optional<std::vector<int64_t>> scope;  // nullopt: every unit
    int64_t viewer = 0;
    std::optional<int64_t> unit_id, lead_unit_id;
    std::set<int64_t> ids;
  };
  const std::vector<Case> cases = {
      {"led or coordinated by the unit", std::vector<int64_t>{1}, 0, {}, {}, {1, 2, 5}},
      {"a task in two lists counts once", std::vector<int64_t>{1, 2}, 0, {}, {}, {1, 2, 5}},
      {"coordinating only", std::vector<int64_t>{3}, 0, {}, {}, {2, 3, 6}},
      {"assigned to the viewer outside the scope", std::vector<int64_t>{2}, 50, {}, {}, {1, 2, 3}},
      {"nothing but the viewer's", std::vector<int64_t>{}, 51, {}, {}, {6}},
      {"an empty scope", std::vector<int64_t>{}, 0, {}, {}, {}},
      {"a unit with no tasks", std::vector<int64_t>{55}, 0, {}, {}, {}},
      {"a scope holding most tasks is scanned", std::vector<int64_t>{9}, 0, {}, {}, Fillers()},
      {"scope and unit filter", std::vector<int64_t>{1, 3}, 0, 3, {}, {2, 3, 6}},
      {"scope and lead filter", std::vector<int64_t>{1, 3}, 0, {}, 1, {1, 5}},
      {"unit filter alone", std::nullopt, 0, 1, {}, {1, 2, 5}},
      {"lead filter alone", std::nullopt, 0, {}, 4, {4, 6}},
      {"lead filter on a unit with no tasks", std::nullopt, 0, {}, 33, {}},
  };
  TaskIndex index;
  Load(index);
  const TimelinessClock clock{};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TaskFilter f;
    std::vector<bool> bits;
    if (c.scope) {
      bits = Scope(*c.scope);
      f.visible_units = &bits;
      f.viewer_id = c.viewer;
    }
    f.unit_id = c.unit_id;
    f.lead_unit_id = c.lead_unit_id;
    int64_t total = 0;
    const auto found = index.Find(f, clock, 1000, 0, &total);
    EXPECT_EQ(std::set<int64_t>(found.begin(), found.end()), c.ids);
    EXPECT_EQ(total, static_cast<int64_t>(c.ids.size()));
    int64_t counted = 0;
    for (const auto& [unit, counts] : index.Board("unit", f, clock)) counted += counts.total;
    EXPECT_EQ(counted, static_cast<int64_t>(c.ids.size()));
    EXPECT_EQ(index.Any(f), !c.ids.empty());
    // The same rule asked of each task alone.
    std::vector<int64_t> all;
    for (int64_t id = 1; id <= 46; ++id) all.push_back(id);
    const auto matching = index.Matching(all, f);
    EXPECT_EQ(std::set<int64_t>(matching.begin(), matching.end()), c.ids);
  }
}

}  // namespace
}  // namespace dh::tasks
