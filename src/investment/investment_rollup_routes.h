// GET /api/v1/investment/rollup, /investment/forecast and /investment/report.xlsx: thin
// handlers over InvestmentView (parse the query, ask the read model, serialise).
#pragma once

#include "http/router.h"
#include "investment/investment_index_service.h"
#include "units/unit_directory.h"

namespace dh::investment {

void RegisterRollupRoutes(http::Router& router, InvestmentView& view, db::Database& db,
                          const units::UnitDirectory& units);

}  // namespace dh::investment
