// What the investment read model reads besides invest's streams (investment_store.h): the
// monthly commitments, the city's milestones of every year, and how many bottlenecks of each
// project are still open (a bottleneck is a task: open while its task is, tasks/task.h).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "db/connection.h"
#include "investment/investment.h"

namespace dh::investment {

// A project's commitments of a year, by month (index 0 = January).
struct YearCommitments {
  int64_t project_id = 0;
  int year = 0;
  std::array<Money, 12> months{};
};
// Every project's, or one project's (`project_id`).
Result<std::vector<YearCommitments>> LoadCommitments(db::Connection& c,
                                                     std::optional<int64_t> project_id);
// Every year's milestones, by year.
Result<std::unordered_map<int, std::vector<TargetMilestone>>> LoadMilestones(db::Connection& c);
// Open bottlenecks by project (projects without any are absent).
Result<std::unordered_map<int64_t, int>> OpenBottlenecks(db::Connection& c);
// How many rows the model will hold: projects and lines (project × source × year of plans).
struct ModelSize {
  int64_t projects = 0, lines = 0;
};
Result<ModelSize> ModelSizeOf(db::Connection& c);

}  // namespace dh::investment
