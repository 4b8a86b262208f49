// The disbursement report in the officials' usual layout (issue 10), as .xlsx through
// sheets/table_writer.h: STT, Chủ đầu tư / Dự án, Kế hoạch vốn, Giải ngân, Tỷ lệ, then plan and
// disbursement by capital source; a row per investor with its subtotals (I, II, …) followed by
// its projects (1, 2, …); amounts in triệu đồng. With `by`, any roll-up as it is filtered.
// Everything comes from the read model through InvestmentView, in the caller's scope.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "db/database.h"
#include "investment/investment_index_service.h"
#include "units/unit_directory.h"

namespace dh::investment {

// The names a roll-up's keys carry: units and capital sources.
struct RollupNames {
  std::shared_ptr<const units::UnitGraph> units;
  std::unordered_map<int64_t, std::string> sources;
};
RollupNames RollupNamesOf(db::Database& db, const units::UnitDirectory& units);
std::string UnitName(const RollupNames& n, int64_t id);
// The row's name: a unit's, a source's, "DA01 — Đường …", a sector or group code…
std::string KeyName(const InvestmentIndex& index, const RollupNames& n, RollupBy by,
                    const RollupRow& r);

struct ReportQuery {
  int year = 0;
  PlanBasis basis = PlanBasis::kCouncil;
  std::optional<RollupBy> by;  // none: the usual layout by investor and project
  RollupFilter filter;
};

struct ReportFile {
  std::string filename, bytes;
};
Result<ReportFile> DisbursementReport(const InvestmentView& view, db::Database& db,
                                      const units::UnitDirectory& units, const auth::Principal& who,
                                      const ReportQuery& q);

}  // namespace dh::investment
