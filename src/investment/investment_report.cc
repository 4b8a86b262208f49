#include "investment/investment_report.h"

#include <algorithm>
#include <map>

#include "core/roman.h"
#include "investment/investment_store.h"
#include "sheets/table_writer.h"

namespace dh::investment {

RollupNames RollupNamesOf(db::Database& db, const units::UnitDirectory& units) {
  RollupNames n{units.Get(), {}};
  (void)db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto sources, ListCapitalSources(c));
    for (const CapitalSource& s : sources) n.sources[s.id] = s.name;
    return Status::Ok();
  });
  return n;
}

std::string UnitName(const RollupNames& n, int64_t id) {
  const units::Unit* u = n.units->Find(id);
  return u ? u->name : "";
}

std::string KeyName(const InvestmentIndex& index, const RollupNames& n, RollupBy by,
                    const RollupRow& r) {
  switch (by) {
    case RollupBy::kCity:
      return "Toàn thành phố";
    case RollupBy::kInvestor:
      return UnitName(n, r.key);
    case RollupBy::kLocation:
      return r.key == 0 ? std::string(kSeveralPlaces) : UnitName(n, r.key);
    case RollupBy::kManager:
      return r.key == 0 ? "Không có sở quản lý" : UnitName(n, r.key);
    case RollupBy::kSource:
      return n.sources.count(r.key) ? n.sources.at(r.key) : "";
    case RollupBy::kKey:
      return r.key ? "Dự án trọng điểm" : "Dự án khác";
    case RollupBy::kProject: {
      auto p = index.ProjectOf(r.key);
      return p ? p->code + " — " + p->name : "";
    }
    default:
      return r.code;
  }
}

namespace {

using sheets::CellKind;
using sheets::TableCell;
using sheets::TableColumn;

// Triệu đồng with one decimal, from đồng.
TableCell Millions(Money m) { return {static_cast<double>(m) / 1'000'000}; }
TableCell RateCell(Money paid, Money plan) {
  if (plan <= 0) return {};
  return {static_cast<double>(paid) / static_cast<double>(plan)};
}

TableColumn MoneyColumn(std::string heading) {
  return {std::move(heading), CellKind::kMoney, 16, false, false, "#,##0.0"};
}

std::vector<TableColumn> Columns(const std::vector<int64_t>& sources, const RollupNames& n) {
  std::vector<TableColumn> c = {{"STT", CellKind::kText, 6, true},
                                {"Chủ đầu tư / Dự án", CellKind::kText, 44},
                                MoneyColumn("Kế hoạch vốn"),
                                MoneyColumn("Giải ngân"),
                                {"Tỷ lệ", CellKind::kPercent, 10, false, false, "0.0%"}};
  for (int64_t s : sources) {
    const std::string name = n.sources.count(s) ? n.sources.at(s) : std::to_string(s);
    c.push_back(MoneyColumn("Kế hoạch vốn — " + name));
    c.push_back(MoneyColumn("Giải ngân — " + name));
  }
  return c;
}

// Per project: its sums in all and by source.
struct ProjectSums {
  Sums all;
  std::map<int64_t, Sums> by_source;
};

std::vector<TableCell> Cells(const std::string& number, const std::string& name,
                             const ProjectSums& p, const std::vector<int64_t>& sources) {
  std::vector<TableCell> row = {{number},
                                {name},
                                Millions(p.all.plan),
                                Millions(p.all.disbursed),
                                RateCell(p.all.disbursed, p.all.plan)};
  for (int64_t s : sources) {
    auto it = p.by_source.find(s);
    const Sums none;
    const Sums& x = it == p.by_source.end() ? none : it->second;
    row.push_back(Millions(x.plan));
    row.push_back(Millions(x.disbursed));
  }
  return row;
}

struct Gathered {
  std::vector<int64_t> sources;
  std::map<int64_t, ProjectSums> projects;
  Sums total;
  Date as_of;
};

Result<Gathered> Gather(const InvestmentView& view, const auth::Principal& who,
                        const ReportQuery& q) {
  RollupQuery base{q.year, q.basis, RollupBy::kSource, q.filter};
  DH_ASSIGN_OR_RETURN(RollupAnswer by_source, view.Rollup(who, base));
  Gathered g;
  g.as_of = by_source.as_of;
  g.total = by_source.total;
  for (const RollupRow& r : by_source.rows) g.sources.push_back(r.key);
  base.by = RollupBy::kProject;
  DH_ASSIGN_OR_RETURN(RollupAnswer all, view.Rollup(who, base));
  for (const RollupRow& r : all.rows) g.projects[r.key].all = r.sums;
  for (int64_t source : g.sources) {
    base.filter.source_id = source;
    DH_ASSIGN_OR_RETURN(RollupAnswer one, view.Rollup(who, base));
    for (const RollupRow& r : one.rows) g.projects[r.key].by_source[source] = r.sums;
  }
  return g;
}

std::string BasisWords(PlanBasis b) {
  return b == PlanBasis::kPrimeMinister ? "Kế hoạch vốn Thủ tướng Chính phủ giao"
                                        : "Kế hoạch vốn HĐND thành phố giao";
}

sheets::TableTitle TitleOf(const ReportQuery& q, Date as_of, const std::string& what) {
  return {"BÁO CÁO TÌNH HÌNH GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ CÔNG NĂM " + std::to_string(q.year),
          BasisWords(q.basis) + ", không gồm vốn bổ sung sau ngày 30/9. " + what +
              " Đơn vị tính: triệu đồng.",
          "Số liệu đến ngày " + as_of.ToVietnamese() + ".", "Giai ngan"};
}

Status FillUsual(sheets::TableWriter& w, const InvestmentView& view, const RollupNames& n,
                 const Gathered& g) {
  std::map<int64_t, std::vector<std::pair<std::string, int64_t>>> by_investor;  // code, id
  std::map<int64_t, ProjectSums> investor_sums;
  ProjectSums total;
  for (const auto& [id, sums] : g.projects) {
    const auto p = view.index().ProjectOf(id);
    const int64_t investor = p ? p->investor_id : 0;
    by_investor[investor].emplace_back(p ? p->code : "", id);
    ProjectSums& is = investor_sums[investor];
    is.all += sums.all, total.all += sums.all;
    for (const auto& [s, x] : sums.by_source) is.by_source[s] += x, total.by_source[s] += x;
  }
  DH_RETURN_IF_ERROR(w.Row(Cells("", "TỔNG SỐ", total, g.sources)));
  int number = 0;
  for (auto& [investor, projects] : by_investor) {
    DH_RETURN_IF_ERROR(w.Row(
        Cells(text::Roman(++number), UnitName(n, investor), investor_sums[investor], g.sources)));
    std::sort(projects.begin(), projects.end());
    int i = 0;
    for (const auto& [code, id] : projects) {
      const auto p = view.index().ProjectOf(id);
      DH_RETURN_IF_ERROR(w.Row(Cells(std::to_string(++i), p ? p->code + " — " + p->name : "",
                                     g.projects.at(id), g.sources)));
    }
  }
  return Status::Ok();
}

Result<ReportFile> FlatReport(const InvestmentView& view, const RollupNames& n,
                              const auth::Principal& who, const ReportQuery& q) {
  DH_ASSIGN_OR_RETURN(RollupAnswer a, view.Rollup(who, {q.year, q.basis, *q.by, q.filter}));
  std::vector<TableColumn> columns = {{"STT", CellKind::kText, 6, true},
                                      {"Tên", CellKind::kText, 44},
                                      MoneyColumn("Kế hoạch vốn"),
                                      MoneyColumn("Giải ngân"),
                                      {"Tỷ lệ", CellKind::kPercent, 10, false, false, "0.0%"},
                                      MoneyColumn("Vốn bổ sung sau 30/9"),
                                      MoneyColumn("Giải ngân vốn bổ sung")};
  auto bytes = sheets::TableBytes(
      TitleOf(q, a.as_of, "Tổng hợp theo " + std::string(RollupByName(*q.by)) + "."),
      std::move(columns), [&](sheets::TableWriter& w) -> Status {
        auto row = [&](const std::string& no, const std::string& name, const Sums& s) {
          return w.Row({{no},
                        {name},
                        Millions(s.plan),
                        Millions(s.disbursed),
                        RateCell(s.disbursed, s.plan),
                        Millions(s.late_plan),
                        Millions(s.late_disbursed)});
        };
        DH_RETURN_IF_ERROR(row("", "TỔNG SỐ", a.total));
        int i = 0;
        for (const RollupRow& r : a.rows)
          DH_RETURN_IF_ERROR(row(std::to_string(++i), KeyName(view.index(), n, *q.by, r), r.sums));
        return Status::Ok();
      });
  if (!bytes.ok()) return bytes.status();
  return ReportFile{
      "giai-ngan-" + std::to_string(q.year) + "-" + std::string(RollupByName(*q.by)) + ".xlsx",
      std::move(*bytes)};
}

}  // namespace

Result<ReportFile> DisbursementReport(const InvestmentView& view, db::Database& db,
                                      const units::UnitDirectory& units, const auth::Principal& who,
                                      const ReportQuery& q) {
  const RollupNames n = RollupNamesOf(db, units);
  if (q.by) return FlatReport(view, n, who, q);
  DH_ASSIGN_OR_RETURN(Gathered g, Gather(view, who, q));
  auto bytes = sheets::TableBytes(
      TitleOf(q, g.as_of, "Theo chủ đầu tư và dự án, chia theo nguồn vốn."), Columns(g.sources, n),
      [&](sheets::TableWriter& w) { return FillUsual(w, view, n, g); });
  if (!bytes.ok()) return bytes.status();
  return ReportFile{"giai-ngan-" + std::to_string(q.year) + ".xlsx", std::move(*bytes)};
}

}  // namespace dh::investment
