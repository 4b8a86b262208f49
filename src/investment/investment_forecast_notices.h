// The forecast warning's one notice (issue 10): an investor's forecast at 31/01 below the
// year's target tells the investor's people and the office that decides for it, once and
// then once a week while it lasts (the dedup key names the week).
#pragma once

#include <cstdint>
#include <string>

#include "db/connection.h"
#include "units/unit_graph.h"

namespace dh::investment {

struct ForecastWarning {
  int64_t investor_id = 0;
  std::string investor_name;
  int year = 0;
  double point = 0, low = 0, high = 0, target = 0;  // rates
  Date as_of;
};

// "78,5 %".
std::string Percent(double rate);
// The week a day falls in (weeks start on Monday), for the weekly dedup key.
int64_t WeekOf(Date d);
// Writes the notice inside the caller's transaction; returns how many were written (0 when
// every recipient had this week's already).
Result<int64_t> NoticeForecastBelowTarget(db::Connection& c, const units::UnitGraph& g,
                                          const ForecastWarning& w, int64_t now);

}  // namespace dh::investment
