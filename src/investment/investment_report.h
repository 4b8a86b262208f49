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
// By location, a project counts once: under its place when it has one, else in key 0 (a
// project spanning several wards is not split nor counted in each), so rows add up to the city.
inline constexpr const char* kSeveralPlaces =
    "Dự án trên nhiều địa bàn (tính một lần) hoặc chưa ghi địa bàn";
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
