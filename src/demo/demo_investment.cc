// The demo city's public investment: "Thành phố Minh An (dữ liệu minh họa)". Everything
// is generated from fixed seeds, so every load tells the same story: eight investors with
// about three hundred projects, four years of plans (2023 to this year), disbursement that
// creeps through the year and jumps in its last months as it does in reality, a mid-year
// adjustment moving capital from the civil-works board (which heads well below 95 %) to the
// transport board, key projects with milestones and open bottlenecks, three inspection plans.
#include "demo/demo_investment.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "audit/recorder.h"
#include "investment/investment_store.h"
#include "investment/key_project_store.h"
#include "investment/plan_rules.h"
#include "investment/plan_store.h"
#include "sheets/import_ledger.h"

namespace dh::demo {
namespace {

using namespace investment;  // NOLINT: the demo writes investment's records

constexpr int64_t kTy = 1'000'000'000;  // một tỷ đồng

// splitmix64: a small deterministic generator (the same numbers on every machine).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int64_t Between(int64_t lo, int64_t hi) {  // inclusive
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }

 private:
  uint64_t s_;
};

// The share of a year's disbursement paid in each month (January … December) and in
// January of the next year, in thousandths: little until mid-year, most in the last
// quarter (back-loaded, as Vietnamese cities report).
constexpr std::array<int, 13> kMonthShare = {15, 25, 35, 45, 55, 65, 70, 75, 95, 120, 150, 200, 50};

struct InvestorSeed {
  const char* code;
  const char* sector;
  const char* managing;  // unit code of the managing department
  double rate;           // share of the plan it pays by 31/01 (this year: its pace)
};

const InvestorSeed kInvestors[] = {
    {"MA.BQLGT", "transport", "MA.SXD", 0.97},
    {"MA.BQLDD", "civil", "MA.SXD", 0.71},
    {"MA.BQLNN", "agriculture", "MA.SNNMT", 0.94},
    {"MA.BQLKV", "urban", "MA.SXD", 0.96},
    {"MA.P.TRUNGTAM", "education", "MA.SGDDT", 0.98},
    {"MA.P.BACSON", "health", "MA.SYT", 0.93},
    {"MA.X.SONGCAU", "environment", "MA.SNNMT", 0.95},
    {"MA.X.DONGLAM", "culture", "MA.SVHTTDL", 0.92},
};

const char* const kWorks[] = {"Nâng cấp, mở rộng đường",
                              "Xây dựng trường tiểu học",
                              "Cải tạo trạm y tế",
                              "Kè chống sạt lở",
                              "Xây dựng nhà văn hóa",
                              "Cải tạo hệ thống thoát nước",
                              "Xây dựng cầu",
                              "Nạo vét, chỉnh trang kênh",
                              "Xây dựng trường trung học cơ sở",
                              "Chỉnh trang vỉa hè, chiếu sáng"};
const char* const kPlaces[] = {"An Hòa",   "Bình Minh", "Cầu Đá",   "Đông Xuyên", "Hoa Sen",
                               "Phú Lợi",  "Tân Tiến",  "Sông Cầu", "Tân Phú",    "Phước An",
                               "Hòa Bình", "Đồng Tâm",  "Lâm Sơn",  "Thạch Bàn",  "Hưng Đạo"};

struct Ids {
  std::map<std::string, int64_t> units, sources;
  std::vector<int64_t> wards;  // where projects are built (the city's wards and communes today)
};

// The wards and communes a demo project is built in.
const char* const kWardCodes[] = {"MA.P.ANHOA",    "MA.P.TRUNGTAM", "MA.P.HSDONG",
                                  "MA.P.HSTAY",    "MA.P.BACSON",   "MA.X.SONGCAU",
                                  "MA.X.PHUOCHOA", "MA.X.DONGLAM",  "MA.X.THACHBAN"};

Result<int64_t> UnitId(app::App& app, const std::string& code) {
  const units::Unit* u = app.unit_directory().Get()->FindByCode(code);
  if (!u) return Status::Internal("demo: no unit " + code);
  return u->id;
}

// The two project boards the city adds for investment (investors).
Status CreateBoards(app::App& app, Ids& ids) {
  const std::pair<const char*, const char*> kBoards[] = {
      {"MA.BQLNN", "Ban QLDA đầu tư xây dựng các công trình nông nghiệp (minh họa)"},
      {"MA.BQLKV", "Ban QLDA đầu tư xây dựng khu vực Sông Cầu (minh họa)"}};
  DH_ASSIGN_OR_RETURN(int64_t city, UnitId(app, "MA"));
  for (const auto& [code, name] : kBoards) {
    if (app.unit_directory().Get()->FindByCode(code)) continue;
    units::UnitInput in;
    in.code = code, in.name = name, in.kind = "investor", in.parent_id = city;
    in.valid_from = Date::Parse("2020-01-01");
    DH_RETURN_IF_ERROR(app.units().Create(nullptr, in).status());
  }
  for (const InvestorSeed& s : kInvestors) {
    DH_ASSIGN_OR_RETURN(ids.units[s.code], UnitId(app, s.code));
    DH_ASSIGN_OR_RETURN(ids.units[s.managing], UnitId(app, s.managing));
  }
  for (const char* code : kWardCodes) {
    DH_ASSIGN_OR_RETURN(const int64_t id, UnitId(app, code));
    ids.wards.push_back(id);
  }
  return Status::Ok();
}

Status LoadSources(db::Connection& c, Ids& ids) {
  DH_ASSIGN_OR_RETURN(auto sources, ListCapitalSources(c));
  for (const CapitalSource& s : sources) ids.sources[s.code] = s.id;
  return Status::Ok();
}

Status Audit(db::Connection& c, const std::string& action, const std::string& entity, int64_t id,
             std::optional<int64_t> unit, int64_t now) {
  return audit::Record(c, nullptr, {action, entity, id, unit, nullptr, nullptr}, now);
}

// One entry for many rows written at once (entity_id none: a read model reloads the
// entity's records, investment.h).
Status Bulk(db::Connection& c, const std::string& action, const std::string& entity, size_t rows,
            int64_t now) {
  return audit::Record(c, nullptr,
                       {action, entity, std::nullopt, std::nullopt, nullptr,
                        boost::json::object{{"rows", static_cast<int64_t>(rows)}, {"demo", true}}},
                       now);
}

// One demo project, its number `i` choosing everything.
Project MakeProject(int i, Rng& rng, const Ids& ids, int this_year) {
  const InvestorSeed& inv = kInvestors[i % std::size(kInvestors)];
  Project p;
  p.code = "MA-DA-" + std::to_string(1001 + i);
  p.name = std::string(kWorks[(i / 8) % std::size(kWorks)]) + " " +
           kPlaces[(i * 7 + i / 10) % std::size(kPlaces)] + " (giai đoạn " +
           std::to_string(1 + i % 3) + ")";
  p.investor_id = ids.units.at(inv.code);
  p.managing_unit_id = ids.units.at(inv.managing);
  p.sector = inv.sector;
  const int64_t roll = rng.Between(0, 99);
  p.group = i < 2       ? ProjectGroup::kNational
            : roll < 6  ? ProjectGroup::kA
            : roll < 30 ? ProjectGroup::kB
                        : ProjectGroup::kC;
  p.is_key = p.group == ProjectGroup::kNational || p.group == ProjectGroup::kA || i % 29 == 0;
  const int64_t size = p.group == ProjectGroup::kC   ? rng.Between(8, 45)
                       : p.group == ProjectGroup::kB ? rng.Between(60, 800)
                                                     : rng.Between(1200, 5000);
  p.total_investment = size * kTy;
  p.start_year = static_cast<int>(rng.Between(this_year - 5, this_year));
  p.end_year = p.start_year + static_cast<int>(rng.Between(2, 4));
  p.is_new = p.start_year == this_year;
  p.status = p.end_year < this_year ? ProjectStatus::kCompleted : ProjectStatus::kInProgress;
  p.approval_number = std::to_string(100 + i) + "/QĐ-UBND";
  p.approval_date = Date::FromYmd(p.start_year - 1, 1 + i % 12, 10);
  p.physical_percent = 0;
  // One ward each; every twelfth (a road, a dyke) runs through two.
  const size_t w = (i * 5 + i / 9) % ids.wards.size();
  p.location_unit_ids = {ids.wards[w]};
  if (i % 12 == 5) p.location_unit_ids.push_back(ids.wards[(w + 1) % ids.wards.size()]);
  return p;
}

// The sources a project is funded from: its sector's local source, and for key and large
// projects a share of the central budget.
std::vector<std::pair<std::string, double>> SourcesOf(const Project& p, int i) {
  const std::string local = p.sector == "urban" ? "NSDP-SDD"
                            : (p.sector == "education" || p.sector == "health") && i % 2
                                ? "NSDP-XS"
                                : "NSDP-TT";
  if (!p.is_key && p.group != ProjectGroup::kA) return {{local, 1.0}};
  return {{local, 0.6}, {"NSTW-TN", 0.4}};
}

// A year's plans, disbursement and commitments of the portfolio, built in memory and written
// in one transaction.
struct Portfolio {
  std::vector<Project> projects;
  std::vector<PlanVersion> versions;
  std::vector<MediumTermPlan> medium;
  std::vector<Disbursement> paid;
  std::vector<Commitment> commitments;
};

int64_t RoundMillion(double v) { return static_cast<int64_t>(v / 1e6) * 1'000'000; }

// The council's (and for central money the Prime Minister's) initial plan of year `y`, and
// what was paid against it month by month up to `today`.
void PlanYear(Portfolio& f, const Project& p, size_t pi, int y, int64_t source, double per_year,
              double rate, Rng& rng, Date today, bool central) {
  const int64_t plan = RoundMillion(per_year * (0.85 + 0.2 * rng.Unit()));
  const Date decided = *Date::FromYmd(y - 1, 12, 10);
  f.versions.push_back({.year = y,
                        .project_id = static_cast<int64_t>(pi),
                        .source_id = source,
                        .basis = PlanBasis::kCouncil,
                        .kind = VersionKind::kInitial,
                        .amount = plan,
                        .decision_number = std::to_string(40 + y % 100) + "/NQ-HĐND",
                        .decision_date = decided});
  if (central)
    f.versions.push_back({.year = y,
                          .project_id = static_cast<int64_t>(pi),
                          .source_id = source,
                          .basis = PlanBasis::kPrimeMinister,
                          .kind = VersionKind::kInitial,
                          .amount = plan,
                          .decision_number = std::to_string(1500 + y % 100) + "/QĐ-TTg",
                          .decision_date = *Date::FromYmd(y - 1, 12, 1)});
  const double r = std::min(1.0, rate * (0.92 + 0.1 * rng.Unit()));
  const int day = 5 + static_cast<int>(pi * 3 % 20);
  for (int m = 1; m <= 13; ++m) {
    const Date on = *Date::FromYmd(m == 13 ? y + 1 : y, m == 13 ? 1 : m, day);
    const int64_t amount = RoundMillion(plan * r * kMonthShare[m - 1] / 1000.0);
    if (on > today || amount <= 0) continue;
    f.paid.push_back({.project_id = static_cast<int64_t>(pi),
                      .source_id = source,
                      .plan_year = y,
                      .paid_on = on,
                      .amount = amount});
  }
  (void)p;
}

// Everything of project number `pi` (its id is set when written): plans of the years the
// demo covers, medium-term ceilings with headroom, disbursement, this year's commitments.
void PlanProject(Portfolio& f, size_t pi, int i, Rng& rng, const Ids& ids, Date today) {
  const Project& p = f.projects[pi];
  const int this_year = today.year(), first = std::max(p.start_year, this_year - 3);
  const double rate = kInvestors[i % std::size(kInvestors)].rate;
  double project_per_year = 0;
  for (const auto& [code, share] : SourcesOf(p, i)) {
    const int64_t source = ids.sources.at(code);
    const double per_year = p.total_investment * share * 0.9 / (p.end_year - p.start_year + 1);
    project_per_year += per_year;
    for (int y = first; y <= std::min(p.end_year, this_year); ++y)
      PlanYear(f, p, pi, y, source, per_year, rate, rng, today, code == "NSTW-TN");
    for (int start : {2021, 2026}) {
      const int years = std::min(p.end_year, start + 4) - std::max(p.start_year, start) + 1;
      if (years <= 0) continue;
      f.medium.push_back({.period = MediumTermPeriodOf(start),
                          .project_id = static_cast<int64_t>(pi),
                          .source_id = source,
                          .amount = RoundMillion(per_year * years * 1.25),
                          .decision_number = start == 2021 ? "12/NQ-HĐND" : "88/NQ-HĐND",
                          .decision_date = *Date::FromYmd(start - 1, 12, 8)});
    }
  }
  if (p.end_year < this_year) return;
  for (int m = 1; m <= 12; ++m)  // promises: nearly all of the plan, on the usual curve
    f.commitments.push_back({static_cast<int64_t>(pi), this_year, m,
                             RoundMillion(project_per_year * 0.98 * kMonthShare[m - 1] / 1000.0)});
}

Status WriteCommitments(db::Connection& c, const Portfolio& f, const std::vector<int64_t>& id_of,
                        int64_t now) {
  std::map<int64_t, std::vector<Commitment>> by_project;
  for (const Commitment& m : f.commitments) by_project[id_of[m.project_id]].push_back(m);
  for (const auto& [project, months] : by_project) {
    DH_RETURN_IF_ERROR(
        ReplaceCommitments(c, project, months.front().year, months, std::nullopt, now));
  }
  return Bulk(c, "commitment.set", "commitment", by_project.size(), now);
}

// The city's target trajectory of each year the demo covers.
Status WriteTrajectories(db::Connection& c, int this_year, int64_t now) {
  for (int y = this_year - 3; y <= this_year; ++y) {
    const std::vector<TargetMilestone> m = {{y, *Date::FromYmd(y, 3, 31), 1500},
                                            {y, *Date::FromYmd(y, 6, 30), 4000},
                                            {y, *Date::FromYmd(y, 9, 30), 6500},
                                            {y, *Date::FromYmd(y, 12, 31), 9500}};
    DH_RETURN_IF_ERROR(ReplaceTargetTrajectory(c, y, m, std::nullopt, now));
    DH_RETURN_IF_ERROR(Audit(c, "disbursement_target.set", "disbursement_target", y, {}, now));
  }
  return Status::Ok();
}

// The portfolio into the database in one transaction, each record with the audit entry a
// read model follows (investment.h): projects and plan versions one by one, each year's
// disbursement as one Treasury "file".
Status WritePortfolio(db::Connection& c, Portfolio& f, int64_t now) {
  std::vector<int64_t> id_of;
  for (Project& p : f.projects) {
    p.created_at = p.updated_at = now;
    DH_ASSIGN_OR_RETURN(p.id, InsertProject(c, p));
    id_of.push_back(p.id);
  }
  DH_RETURN_IF_ERROR(Bulk(c, "project.create", "project", f.projects.size(), now));
  for (MediumTermPlan& m : f.medium) {
    m.project_id = id_of[m.project_id], m.created_at = m.updated_at = now;
    DH_ASSIGN_OR_RETURN(m.id, SaveMediumTermPlan(c, m));
  }
  DH_RETURN_IF_ERROR(Bulk(c, "medium_term_plan.set", "medium_term_plan", f.medium.size(), now));
  for (PlanVersion& v : f.versions) {
    v.project_id = id_of[v.project_id], v.created_at = now;
    DH_ASSIGN_OR_RETURN(v.id, InsertPlanVersion(c, v));
  }
  DH_RETURN_IF_ERROR(Bulk(c, "annual_plan.create", "annual_plan", f.versions.size(), now));
  std::map<int, std::vector<Disbursement>> by_year;
  for (Disbursement& d : f.paid) {
    d.project_id = id_of[d.project_id], d.created_at = now;
    by_year[d.plan_year].push_back(d);
  }
  for (auto& [year, rows] : by_year) {
    const std::string name =
        "Kho bạc - giải ngân kế hoạch năm " + std::to_string(year) + " (minh họa).xlsx";
    const sheets::ImportRecord record{0,
                                      "disbursements",
                                      0,
                                      "demo-" + std::to_string(year),
                                      name,
                                      static_cast<int64_t>(rows.size()),
                                      std::nullopt,
                                      now};
    DH_ASSIGN_OR_RETURN(const int64_t import_id, sheets::RecordImport(c, record));
    for (Disbursement& d : rows) d.import_id = import_id;
    DH_RETURN_IF_ERROR(InsertDisbursements(c, rows));
    DH_RETURN_IF_ERROR(Audit(c, "disbursement.import", "disbursement_import", import_id, {}, now));
  }
  return WriteCommitments(c, f, id_of, now);
}

// Key projects: three milestones each, and monthly physical progress this year — except the
// civil-works board, whose reports stopped after September (the reminders' case).
Status WriteKeyProjects(db::Connection& c, const Portfolio& f, Date today, int64_t now) {
  for (const Project& p : f.projects) {
    if (!p.is_key || p.status != ProjectStatus::kInProgress) continue;
    const ProjectMilestone ms[] = {
        {0, p.id, "Khởi công", *Date::FromYmd(p.start_year, 3, 1),
         *Date::FromYmd(p.start_year, 3, 1), 1},
        {0, p.id, "Hoàn thành 50% khối lượng",
         *Date::FromYmd((p.start_year + p.end_year) / 2, 9, 30), std::nullopt, 2},
        {0, p.id, "Hoàn thành, đưa vào sử dụng", *Date::FromYmd(p.end_year, 12, 31), std::nullopt,
         3}};
    for (const ProjectMilestone& m : ms) DH_RETURN_IF_ERROR(InsertProjectMilestone(c, m).status());
    const bool stale = p.sector == "civil";
    const int span = p.end_year - p.start_year + 1;
    for (int m = 1; m < today.month(); ++m) {
      if (stale && m > 9) break;
      const int done = (today.year() - p.start_year) * 100 / span + m * 100 / (12 * span);
      const ProgressUpdate u{0,
                             p.id,
                             *Date::FromYmd(today.year(), m + 1, 3),
                             std::min(95, done),
                             "Báo cáo định kỳ (minh họa)",
                             std::nullopt,
                             now};
      DH_RETURN_IF_ERROR(InsertProgressUpdate(c, u).status());
    }
  }
  return Bulk(c, "progress_update.create", "progress_update", 0, now);
}

Result<Portfolio> BuildPortfolio(const Ids& ids, Date today) {
  Portfolio f;
  Rng rng(20260101);
  constexpr int kProjects = 320;
  for (int i = 0; i < kProjects; ++i) f.projects.push_back(MakeProject(i, rng, ids, today.year()));
  for (int i = 0; i < kProjects; ++i) PlanProject(f, static_cast<size_t>(i), i, rng, ids, today);
  return f;
}

// Projects of `investor` that have a plan this year in `source`, in id order.
std::vector<int64_t> Planned(const Portfolio& f, int64_t investor, int64_t source, int year) {
  std::set<int64_t> with_plan;
  for (const PlanVersion& v : f.versions)
    if (v.year == year && v.source_id == source && v.basis == PlanBasis::kCouncil)
      with_plan.insert(v.project_id);
  std::vector<int64_t> out;
  for (const Project& p : f.projects)
    if (p.investor_id == investor && with_plan.count(p.id)) out.push_back(p.id);
  return out;
}

// The mid-year adjustment (15/07): capital moved from three civil-works projects that
// cannot spend it to three transport projects that can, through the service and its rules.
Status Adjust(app::App& app, const Portfolio& f, const Ids& ids, int year) {
  const int64_t src = ids.sources.at("NSDP-TT");
  const auto from = Planned(f, ids.units.at("MA.BQLDD"), src, year);
  const auto to = Planned(f, ids.units.at("MA.BQLGT"), src, year);
  PlanAdjustment a{.year = year,
                   .basis = PlanBasis::kCouncil,
                   .decision_number = "1234/QĐ-UBND",
                   .decision_date = *Date::FromYmd(year, 7, 15),
                   .note = "Điều chuyển vốn giữa năm (minh họa)"};
  for (size_t i = 0; i < 3 && i < from.size() && i < to.size(); ++i)
    a.moves.push_back({from[i], to[i], src, 500'000'000});
  if (a.moves.empty()) return Status::Ok();
  return app.investment().Adjust(nullptr, a).status();
}

struct BottleneckSeed {
  const char* title;
  const char* category;
  const char* lead;  // unit code; nullptr: the investor
  int days;          // deadline from today
  bool own;
};

const BottleneckSeed kBottlenecks[] = {
    {"Bàn giao 2,3 ha mặt bằng còn vướng 14 hộ dân chưa nhận tiền bồi thường", "site_clearance",
     "MA.P.BACSON", -12, true},
    {"Thẩm định điều chỉnh chủ trương đầu tư kéo dài quá thời hạn", "procedures", "MA.STC", 4,
     true},
    {"Nhà thầu thi công thiếu nhân lực, thiết bị; khối lượng chậm 20 %", "contractor", nullptr, 15,
     false},
    {"Thiếu cát đắp nền, giá vật liệu tăng", "materials", "MA.SXD", -3, false},
    {"Điều chỉnh quy hoạch phân khu chưa được phê duyệt", "planning", "MA.SXD", 25, true},
    {"Chưa bố trí đủ vốn đối ứng ngân sách địa phương", "capital", "MA.STC", 8, true},
};

Status OpenBottlenecks(app::App& app, const Portfolio& f, Date today) {
  size_t next = 0;
  for (const Project& p : f.projects) {
    if (next == std::size(kBottlenecks)) break;
    if (!p.is_key || p.status != ProjectStatus::kInProgress) continue;
    const BottleneckSeed& b = kBottlenecks[next++];
    BottleneckInput in;
    in.task.title = b.title;
    in.task.description = "Điểm nghẽn của dự án " + p.code + " " + p.name + " (minh họa).";
    if (b.lead) {
      DH_ASSIGN_OR_RETURN(in.task.lead_unit_id, UnitId(app, b.lead));
    }
    in.task.deadline = today.AddDays(b.days);
    in.category = b.category;
    in.within_own_control = b.own;
    DH_RETURN_IF_ERROR(app.investment().OpenBottleneck(nullptr, p.id, in).status());
  }
  return Status::Ok();
}

// ---- Inspections ------------------------------------------------------------------------------
// A visit of a plan: the investor (one of its key projects when `key_project`), planned
// `days` from today; visited that day when `findings` is given (and before today), with a
// recommendation made a task when `recommendation` is given, due `due_days` from today.
struct VisitSeed {
  const char* investor;
  bool key_project;
  int days;
  const char* findings;
  const char* recommendation;
  int due_days;
};

struct InspectionSeed {
  int year_offset;  // 0: this year, -1: last year
  const char* title;
  const char* decision;
  const char* lead;
  std::vector<VisitSeed> visits;
};

const InspectionSeed kInspections[] = {
    {0,
     "Kiểm tra tiến độ giải ngân vốn đầu tư công năm ",
     "321/QĐ-UBND",
     "MA.STC",
     {{"MA.BQLDD", false, -47,
       "Giải ngân đạt thấp; hồ sơ thanh toán khối lượng hoàn thành chậm (minh họa).",
       "Hoàn thiện hồ sơ thanh toán khối lượng hoàn thành", 9},
      {"MA.BQLNN", false, -40,
       "Giải ngân đạt khá; còn 2 gói thầu chưa nghiệm thu khối lượng quý III (minh họa).", nullptr,
       0}}},
    {0,
     "Kiểm tra công tác giải phóng mặt bằng các dự án trọng điểm năm ",
     "415/QĐ-UBND",
     "MA.SXD",
     {{"MA.BQLGT", true, -20,
       "Còn 14 hộ chưa nhận tiền bồi thường; phương án tái định cư chưa được phê duyệt "
       "(minh họa).",
       "Trình phê duyệt phương án tái định cư cho 14 hộ còn lại", 20},
      {"MA.BQLKV", true, 12, nullptr, nullptr, 0}}},
    {-1,
     "Kiểm tra quyết toán dự án hoàn thành năm ",
     "198/QĐ-UBND",
     "MA.STC",
     {{"MA.BQLGT", false, -300,
       "Hồ sơ quyết toán đầy đủ; 1 dự án chậm quyết toán quá 9 tháng (minh họa).",
       "Lập hồ sơ quyết toán dự án chậm quyết toán", -200},
      {"MA.BQLDD", false, -290, "Chưa lập báo cáo quyết toán 3 dự án hoàn thành (minh họa).",
       nullptr, 0}}},
};

// The first key project of `investor` in the portfolio, if any.
std::optional<int64_t> KeyProjectOf(const Portfolio& f, int64_t investor) {
  for (const Project& p : f.projects)
    if (p.is_key && p.investor_id == investor) return p.id;
  return std::nullopt;
}

Status SeedVisit(app::App& app, const Portfolio& f, const Ids& ids, int64_t plan_id,
                 const VisitSeed& v, Date today) {
  Inspection x{.plan_id = plan_id, .investor_id = ids.units.at(v.investor)};
  if (v.key_project) x.project_id = KeyProjectOf(f, x.investor_id);
  x.planned_on = today.AddDays(v.days);
  if (v.findings && v.days < 0) x.visited_on = x.planned_on, x.findings = v.findings;
  DH_ASSIGN_OR_RETURN(x, app.investment().CreateInspection(nullptr, x));
  if (!v.recommendation || !x.visited_on) return Status::Ok();
  tasks::TaskInput rec;
  rec.title = v.recommendation;
  rec.description = "Kiến nghị của đoàn kiểm tra (minh họa).";
  rec.deadline = today.AddDays(v.due_days);
  return app.investment().Recommend(nullptr, x.id, rec).status();
}

// This year's and last year's inspection plans: visits made with their findings, one still
// to come, recommendations made tasks (one overdue).
Status Inspect(app::App& app, const Portfolio& f, const Ids& ids, Date today) {
  for (const InspectionSeed& seed : kInspections) {
    const int year = today.year() + seed.year_offset;
    DH_ASSIGN_OR_RETURN(int64_t lead, UnitId(app, seed.lead));
    InspectionPlan in{.year = year,
                      .title = seed.title + std::to_string(year),
                      .decision_number = seed.decision,
                      .lead_unit_id = lead};
    DH_ASSIGN_OR_RETURN(auto plan, app.investment().CreateInspectionPlan(nullptr, in));
    for (const VisitSeed& v : seed.visits)
      DH_RETURN_IF_ERROR(SeedVisit(app, f, ids, plan.id, v, today));
  }
  return Status::Ok();
}

// ---- The national data set --------------------------------------------------------------------
// Investors "NQ.CDT.0001" … under the demo city, created through the unit service.
Result<std::vector<int64_t>> NationalInvestors(app::App& app, int count) {
  DH_ASSIGN_OR_RETURN(int64_t city, UnitId(app, "MA"));
  std::vector<int64_t> out;
  for (int i = 1; i <= count; ++i) {
    char code[32];
    std::snprintf(code, sizeof code, "NQ.CDT.%04d", i);
    if (const units::Unit* u = app.unit_directory().Get()->FindByCode(code)) {
      out.push_back(u->id);
      continue;
    }
    units::UnitInput in;
    in.code = code, in.name = std::string("Chủ đầu tư quy mô quốc gia ") + (code + 7);
    in.kind = "investor", in.parent_id = city, in.valid_from = Date::Parse("2020-01-01");
    DH_ASSIGN_OR_RETURN(auto row, app.units().Create(nullptr, in));
    out.push_back(row.unit.id);
  }
  return out;
}

// One national project: investor by number, a plan in one source for this year and last.
Project NationalProject(int64_t i, Rng& rng, const std::vector<int64_t>& investors, int year,
                        int64_t now) {
  Project p;
  p.code = "NQ-" + std::to_string(1000000 + i);
  p.name = std::string(kWorks[i % std::size(kWorks)]) + " số " + std::to_string(i);
  p.investor_id = investors[static_cast<size_t>(i) % investors.size()];
  p.sector = kInvestors[i % std::size(kInvestors)].sector;
  p.group = i % 50 == 0 ? ProjectGroup::kA : i % 5 == 0 ? ProjectGroup::kB : ProjectGroup::kC;
  p.is_key = i % 100 == 0;
  p.total_investment = rng.Between(10, 500) * kTy;
  p.start_year = year - 1, p.end_year = year + 2;
  p.approval_number = "QG/" + std::to_string(i);
  p.created_at = p.updated_at = now;
  return p;
}

// Projects `from` … `to` (exclusive) with their plans and their share of the disbursement
// rows (`rows_each`), in one transaction and one "file" of the ledger.
Status WriteNationalChunk(db::Connection& c, int64_t from, int64_t to, int64_t rows_each,
                          const std::vector<int64_t>& investors, int64_t source, Date today,
                          uint64_t seed, int64_t now) {
  Rng rng(seed + static_cast<uint64_t>(from));
  std::vector<PlanVersion> versions;
  std::vector<Disbursement> paid;
  const int year = today.year();
  for (int64_t i = from; i < to; ++i) {
    Project p = NationalProject(i, rng, investors, year, now);
    DH_ASSIGN_OR_RETURN(p.id, InsertProject(c, p));
    const int64_t plan = p.total_investment / 4;
    for (int y : {year - 1, year})
      versions.push_back({.year = y,
                          .project_id = p.id,
                          .source_id = source,
                          .kind = VersionKind::kInitial,
                          .amount = plan,
                          .decision_number = "QG-" + std::to_string(y),
                          .decision_date = *Date::FromYmd(y - 1, 12, 10),
                          .created_at = now});
    for (int64_t k = 0; k < rows_each; ++k) {
      const int y = k % 2 ? year : year - 1;
      const int month = 1 + static_cast<int>((k / 2) % (y == year ? today.month() : 12));
      const Date on = *Date::FromYmd(y, month, std::min<int>(28, 1 + static_cast<int>(k % 28)));
      paid.push_back({.project_id = p.id,
                      .source_id = source,
                      .plan_year = y,
                      .paid_on = std::min(on, today),
                      .amount = RoundMillion(plan * 0.9 / (rows_each / 2.0 + 1))});
    }
  }
  DH_RETURN_IF_ERROR(InsertPlanVersions(c, versions));
  const sheets::ImportRecord record{0,
                                    "disbursements",
                                    0,
                                    "national-" + std::to_string(seed) + "-" + std::to_string(from),
                                    "national",
                                    static_cast<int64_t>(paid.size()),
                                    std::nullopt,
                                    now};
  DH_ASSIGN_OR_RETURN(const int64_t import_id, sheets::RecordImport(c, record));
  for (Disbursement& d : paid) d.import_id = import_id, d.created_at = now;
  DH_RETURN_IF_ERROR(InsertDisbursements(c, paid));
  return Audit(c, "disbursement.import", "disbursement_import", import_id, {}, now);
}

}  // namespace

Status LoadNationalInvestment(app::App& app, const NationalScale& scale,
                              const std::function<void(int64_t, int64_t)>& progress) {
  DH_ASSIGN_OR_RETURN(auto investors, NationalInvestors(app, std::max(1, scale.investors)));
  Ids ids;
  DH_RETURN_IF_ERROR(db::Read(app.db(), [&](db::Connection& c) { return LoadSources(c, ids); }));
  const Date today = app.clock().Today();
  const int64_t now = app.clock().NowSeconds();
  const int64_t rows_each =
      std::max<int64_t>(1, scale.disbursements / std::max<int64_t>(1, scale.projects));
  constexpr int64_t kProjectsPerTransaction = 10000;
  for (int64_t from = 0; from < scale.projects; from += kProjectsPerTransaction) {
    const int64_t to = std::min(scale.projects, from + kProjectsPerTransaction);
    DH_RETURN_IF_ERROR(db::InTransaction(app.db(), [&](db::Connection& c) {
      return WriteNationalChunk(c, from, to, rows_each, investors, ids.sources.at("NSDP-TT"), today,
                                scale.seed, now);
    }));
    if (progress) progress(to * rows_each, scale.projects * rows_each);
  }
  return db::InTransaction(app.db(), [&](db::Connection& c) {
    // One entry for the projects and plans loaded without their own (a read model reloads).
    return audit::Record(c, nullptr,
                         {"investment.national", "project", std::nullopt, std::nullopt, nullptr,
                          boost::json::object{{"projects", scale.projects}}},
                         now);
  });
}

Status LoadDemoInvestment(app::App& app) {
  Ids ids;
  DH_RETURN_IF_ERROR(CreateBoards(app, ids));
  const Date today = app.clock().Today();
  const int64_t now = app.clock().NowSeconds();
  DH_RETURN_IF_ERROR(db::Read(app.db(), [&](db::Connection& c) { return LoadSources(c, ids); }));
  DH_ASSIGN_OR_RETURN(Portfolio f, BuildPortfolio(ids, today));
  DH_RETURN_IF_ERROR(db::InTransaction(app.db(), [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(WritePortfolio(c, f, now));
    DH_RETURN_IF_ERROR(WriteTrajectories(c, today.year(), now));
    return WriteKeyProjects(c, f, today, now);
  }));
  DH_RETURN_IF_ERROR(Adjust(app, f, ids, today.year()));
  DH_RETURN_IF_ERROR(OpenBottlenecks(app, f, today));
  return Inspect(app, f, ids, today);
}

}  // namespace dh::demo
