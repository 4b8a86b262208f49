// The demo city's scoreboard: fifteen indicators with targets for 2024 and 2025 (the seeds'
// GRDP growth of 7,5–8 % and disbursement above 95 % among them), official values for 2024
// and values up to the third quarter of 2025, so that the statuses mix: achieved, on track,
// at risk, missed and not yet reported. Two indicators are computed: the on-time rate from the
// task records, the disbursement rate (GIAINGAN) from the demo's public investment.
// Three explanation requests: one answered, one late about a target, one late about a task
// (the task boards show it). Fictional figures, labelled demo; deterministic (the computed
// indicator's targets are for the quarter and year of today).
#include "demo/demo_targets.h"

#include <map>

#include "demo/demo_users.h"
#include "targets/target_store.h"
#include "tasks/task_service.h"

namespace dh::demo {
namespace {

using targets::Period;

struct IndicatorSeed {
  const char* code;
  const char* name;
  const char* name_en;
  const char* uom;
  const char* direction;
  const char* aggregation;
  const char* periodicity;
  const char* unit;
  const char* group;
  const char* computed;
};

const IndicatorSeed kIndicators[] = {
    {"GRDP", "Tốc độ tăng trưởng GRDP", "GRDP growth", "%", "higher_better", "none", "quarter",
     "MA.STC", "economy", ""},
    {"GIAINGAN", "Tỷ lệ giải ngân vốn đầu tư công", "Public investment disbursement rate", "%",
     "higher_better", "none", "month", "MA.STC", "economy", targets::kDisbursementSource},
    {"THUNS", "Thu ngân sách nhà nước trên địa bàn", "State budget revenue", "tỷ đồng",
     "higher_better", "sum", "month", "MA.STC", "economy", ""},
    {"NOXH", "Số căn nhà ở xã hội hoàn thành", "Social housing units completed", "căn",
     "higher_better", "sum", "quarter", "MA.SXD", "society", ""},
    {"DVCTT", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình",
     "Share of administrative dossiers handled fully online", "%", "higher_better", "average",
     "quarter", "MA.VP", "administration", ""},
    {"VIECLAM", "Số lao động được tạo việc làm", "Jobs created", "việc làm", "higher_better", "sum",
     "quarter", "MA.SNV", "society", ""},
    {"PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Provincial Competitiveness Index", "điểm",
     "higher_better", "none", "year", "MA.STC", "administration", ""},
    {"DDCI", "Chỉ số năng lực cạnh tranh sở, ngành (DDCI)",
     "Department and District Competitiveness Index", "điểm", "higher_better", "none", "year",
     "MA.SNV", "administration", ""},
    {"HONGHEO", "Tỷ lệ hộ nghèo", "Poverty rate", "%", "lower_better", "none", "year", "MA.SNV",
     "society", ""},
    {"TNGT", "Số vụ tai nạn giao thông", "Traffic accidents", "vụ", "lower_better", "sum",
     "quarter", "MA.SXD", "society", ""},
    {"XUATKHAU", "Kim ngạch xuất khẩu", "Export turnover", "tỷ USD", "higher_better", "sum",
     "quarter", "MA.SCT", "economy", ""},
    {"FDI", "Vốn đầu tư trực tiếp nước ngoài thu hút", "Foreign direct investment attracted",
     "tỷ USD", "higher_better", "sum", "quarter", "MA.STC", "economy", ""},
    {"GIUONGBENH", "Số giường bệnh trên 10.000 dân", "Hospital beds per 10,000 people", "giường",
     "higher_better", "none", "year", "MA.SYT", "society", ""},
    {"TRUONGCHUAN", "Tỷ lệ trường đạt chuẩn quốc gia", "Schools meeting national standards", "%",
     "higher_better", "none", "year", "MA.SGDDT", "society", ""},
    {"NVDUNGHAN", "Tỷ lệ nhiệm vụ UBND giao hoàn thành đúng hạn",
     "Tasks of the People's Committee finished on time", "%", "higher_better", "average", "quarter",
     "MA.VP", "administration", targets::kTaskOnTimeSource},
};

struct TargetSeed {
  const char* indicator;
  const char* unit;
  const char* period;
  const char* expression;
};

const TargetSeed kTargets[] = {
    {"GRDP", "MA", "2024", "7,5 – 8 %"},
    {"GRDP", "MA", "2025", "8 – 8,5 %"},
    {"GIAINGAN", "MA", "2024", "trên 95%"},
    {"GIAINGAN", "MA", "2025", "trên 95%"},
    {"THUNS", "MA", "2024", "≥ 52.000 tỷ đồng"},
    {"THUNS", "MA", "2025", "trên 58.000 tỷ đồng"},
    {"NOXH", "MA", "2024", "≥ 1.000 căn"},
    {"NOXH", "MA", "2025", "≥ 1.500 căn"},
    {"DVCTT", "MA", "2024", "tối thiểu 50%"},
    {"DVCTT", "MA", "2025", "tối thiểu 60%"},
    {"DVCTT", "MA.STC", "2025", "tối thiểu 60%"},
    {"DVCTT", "MA.SXD", "2025", "tối thiểu 60%"},
    {"VIECLAM", "MA", "2024", "≥ 45.000 việc làm"},
    {"VIECLAM", "MA", "2025", "≥ 48.000 việc làm"},
    {"PCI", "MA", "2024", "≥ 70 điểm"},
    {"PCI", "MA", "2025", "≥ 70 điểm"},
    {"DDCI", "MA", "2024", "≥ 75 điểm"},
    {"HONGHEO", "MA", "2024", "dưới 1 %"},
    {"HONGHEO", "MA", "2025", "giảm 10%"},
    {"TNGT", "MA", "2024", "không quá 420 vụ"},
    {"TNGT", "MA", "2025", "tối đa 400 vụ"},
    {"XUATKHAU", "MA", "2024", "tăng 8% so với năm trước"},
    {"XUATKHAU", "MA", "2025", "tăng 10% so với năm trước"},
    {"FDI", "MA", "2024", "từ 1 đến 1,3 tỷ USD"},
    {"FDI", "MA", "2025", "từ 1,2 đến 1,5 tỷ USD"},
    {"GIUONGBENH", "MA", "2025", "≥ 33 giường"},
    {"TRUONGCHUAN", "MA", "2025", "trên 75%"},
};

struct ValueSeed {
  const char* indicator;
  const char* unit;
  const char* period;
  double value;
  bool official;
};

const ValueSeed kValues[] = {
    {"GRDP", "MA", "2024", 7.17, true},        {"GRDP", "MA", "2025-Q3", 8.1, true},
    {"GRDP", "MA", "2025", 8.2, false},        {"THUNS", "MA", "2024", 55300, true},
    {"THUNS", "MA", "2025-09", 40100, true},   {"NOXH", "MA", "2024", 1120, true},
    {"NOXH", "MA", "2025-Q2", 410, true},      {"NOXH", "MA", "2025-Q3", 950, true},
    {"DVCTT", "MA", "2024", 46.2, true},       {"DVCTT", "MA", "2025-Q3", 61.5, true},
    {"DVCTT", "MA.STC", "2025-Q3", 72, true},  {"DVCTT", "MA.SXD", "2025-Q3", 48.5, true},
    {"VIECLAM", "MA", "2024", 47800, true},    {"VIECLAM", "MA", "2025-Q3", 36900, true},
    {"PCI", "MA", "2024", 68.9, true},         {"DDCI", "MA", "2024", 76.4, true},
    {"HONGHEO", "MA", "2024", 0.82, true},     {"HONGHEO", "MA", "2025", 0.75, false},
    {"TNGT", "MA", "2024", 431, true},         {"TNGT", "MA", "2025-Q3", 270, true},
    {"XUATKHAU", "MA", "2023", 42.5, true},    {"XUATKHAU", "MA", "2024", 46.8, true},
    {"XUATKHAU", "MA", "2025-Q3", 37.2, true}, {"FDI", "MA", "2024", 1.18, true},
    {"FDI", "MA", "2025-Q3", 0.95, true},      {"GIUONGBENH", "MA", "2025", 32.8, false},
};

struct Loader {
  app::App& app;
  auth::Principal office;
  std::map<std::string, int64_t> units, indicators, targets;

  int64_t Unit(const std::string& code) { return app.unit_directory().Get()->FindByCode(code)->id; }

  Status Indicators() {
    for (const IndicatorSeed& s : kIndicators) {
      targets::Indicator i{0, s.code, s.name, s.name_en, s.uom};
      i.direction = *targets::ParseDirection(s.direction);
      i.aggregation = *targets::ParseAggregation(s.aggregation);
      i.periodicity = *targets::ParsePeriodicity(s.periodicity);
      i.responsible_unit_id = Unit(s.unit);
      i.group = s.group;
      i.computed = s.computed;
      DH_ASSIGN_OR_RETURN(auto made, app.targets().CreateIndicator(office, i));
      indicators[s.code] = made.id;
    }
    return Status::Ok();
  }

  Status Target(const char* indicator, const char* unit, const Period& p, const char* text) {
    targets::TargetInput in{indicators.at(indicator), Unit(unit), p, text};
    DH_ASSIGN_OR_RETURN(in.parsed, targets::ReadTargetExpression(text));
    if (std::string(indicator) == "NOXH" && p.kind == targets::PeriodKind::kYear && p.year == 2025)
      in.split = {{Period::Quarter(2025, 1), 10},
                  {Period::Quarter(2025, 2), 20},
                  {Period::Quarter(2025, 3), 30},
                  {Period::Quarter(2025, 4), 40}};
    DH_ASSIGN_OR_RETURN(auto row, app.targets().CreateTarget(office, in));
    targets[std::string(indicator) + "/" + unit + "/" + p.ToString()] = row.target.id;
    return Status::Ok();
  }

  Status Targets() {
    for (const TargetSeed& s : kTargets)
      DH_RETURN_IF_ERROR(Target(s.indicator, s.unit, *Period::Parse(s.period), s.expression));
    // The computed indicator: this quarter and this year, for two departments.
    const Date today = app.targets().Today();
    for (const char* unit : {"MA.STC", "MA.SXD"}) {
      DH_RETURN_IF_ERROR(Target("NVDUNGHAN", unit,
                                Period::Quarter(today.year(), (today.month() + 2) / 3),
                                "tối thiểu 90%"));
      DH_RETURN_IF_ERROR(Target("NVDUNGHAN", unit, Period::Year(today.year()), "tối thiểu 90%"));
    }
    return Status::Ok();
  }

  Status Values() {
    for (const ValueSeed& s : kValues) {
      targets::ValueInput in{
          indicators.at(s.indicator),
          Unit(s.unit),
          *Period::Parse(s.period),
          s.value,
          s.official ? targets::ValueKind::kOfficial : targets::ValueKind::kEstimate,
          "Cục Thống kê thành phố (số liệu minh họa)"};
      DH_ASSIGN_OR_RETURN(auto v, app.targets().SubmitValue(office, in));
      DH_RETURN_IF_ERROR(app.targets().DecideValue(office, v.id, true, "").status());
    }
    return Status::Ok();
  }

  Status Explanations();
  Status LateAbout(const targets::AskInput& in);
  Status AboutALateTask();
};

// Asked, then dated back so that its date has passed: a late request of the demo.
Status Loader::LateAbout(const targets::AskInput& in) {
  DH_ASSIGN_OR_RETURN(auto leader, PrincipalOf(app, "lanhdao"));
  DH_ASSIGN_OR_RETURN(auto late, app.targets().Ask(leader, in));
  late.due_on = app.targets().Today().AddDays(-7);
  return db::InTransaction(app.db(),
                           [&](db::Connection& c) { return targets::UpdateExplanation(c, late); });
}

// The task boards show requests about tasks: one about an overdue task Sở Tài chính leads.
Status Loader::AboutALateTask() {
  DH_ASSIGN_OR_RETURN(auto leader, PrincipalOf(app, "lanhdao"));
  tasks::TaskFilter f;
  f.lead_unit_id = Unit("MA.STC");
  f.timeliness = tasks::Timeliness::kOverdue;
  int64_t total = 0;
  DH_ASSIGN_OR_RETURN(auto overdue, app.tasks().List(leader, f, 1, 0, &total));
  if (overdue.empty()) return Status::Ok();
  return LateAbout({std::nullopt, overdue.front().task.id, std::nullopt, 5,
                    "Nhiệm vụ đã quá hạn; đề nghị Sở Tài chính giải trình nguyên nhân và thời "
                    "điểm hoàn thành."});
}

Status Loader::Explanations() {
  DH_ASSIGN_OR_RETURN(auto leader, PrincipalOf(app, "lanhdao"));
  targets::AskInput budget{targets.at("THUNS/MA/2025"), std::nullopt, std::nullopt, 5,
                           "Thu ngân sách 9 tháng mới đạt 69 % dự toán năm; đề nghị Sở Tài chính "
                           "giải trình nguyên nhân và giải pháp."};
  DH_ASSIGN_OR_RETURN(auto asked, app.targets().Ask(leader, budget));
  // The city's own target: the office answers for the city, from the finance department's
  // report.
  targets::AnswerInput answer{
      "Thu tiền sử dụng đất đạt thấp do thị trường bất động sản trầm lắng; một số khoản thu "
      "dời sang quý IV.",
      "Đẩy nhanh đấu giá 12 khu đất; đôn đốc thu nợ thuế; rà soát các khoản thu chưa kịp "
      "thời.",
      58500, std::nullopt};
  DH_RETURN_IF_ERROR(app.targets().Answer(office, asked.id, answer).status());
  targets::AskInput online{targets.at("DVCTT/MA.SXD/2025"), std::nullopt, std::nullopt, 5,
                           "Tỷ lệ hồ sơ trực tuyến toàn trình của Sở Xây dựng quý III chỉ "
                           "48,5 %; đề nghị giải trình."};
  DH_RETURN_IF_ERROR(LateAbout(online));
  return AboutALateTask();
}

}  // namespace

Status LoadDemoTargets(app::App& app) {
  DH_ASSIGN_OR_RETURN(auto office, PrincipalOf(app, "vanphong"));
  Loader l{app, office};
  DH_RETURN_IF_ERROR(l.Indicators());
  DH_RETURN_IF_ERROR(l.Targets());
  DH_RETURN_IF_ERROR(l.Values());
  return l.Explanations();
}

}  // namespace dh::demo
