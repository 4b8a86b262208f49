#include "investment/investment_parse.h"

#include <functional>

#include "core/json.h"
#include "investment/investment_messages.h"

namespace dh::investment {
namespace {

namespace bj = boost::json;
constexpr int64_t kMaxMoney = int64_t{1} << 60;

Result<int> Year(const bj::object& o, json::Field f) {
  DH_ASSIGN_OR_RETURN(int64_t y, json::RequiredInt(o, f, 2000, 2100));
  return static_cast<int>(y);
}

template <typename E>
Result<E> Enum(const bj::object& o, json::Field f, std::optional<E> (*parse)(std::string_view),
               const MessageText& allowed, std::optional<E> fallback = std::nullopt) {
  DH_ASSIGN_OR_RETURN(auto text, json::OptionalString(o, f, 40));
  if (!text && fallback) return *fallback;
  const Label name{std::string(f.label), ""};
  if (!text)
    return Status::InvalidInput(std::string(f.key), Say(msg::kChooseField, {{"name", name}}),
                                "required");
  const auto v = parse(*text);
  if (!v)
    return Status::InvalidInput(std::string(f.key),
                                Say(msg::kFieldMustBe, {{"name", name}, {"allowed", &allowed}}),
                                "invalid_value");
  return *v;
}

// The project and the capital source a plan or a payment is for, as every form labels them.
template <typename T>
Status ReadProjectAndSource(const bj::object& o, T& out) {
  DH_ASSIGN_OR_RETURN(out.project_id, json::RequiredId(o, {"project_id", "Dự án"}));
  DH_ASSIGN_OR_RETURN(out.source_id, json::RequiredId(o, {"source_id", "Nguồn vốn"}));
  return Status::Ok();
}

// Each object of the list `key` (at most `max`) to `each`, with the prefix its fields' paths
// take ("moves[2]."). Anything else than such a list is `not_list` at `key`; an item that is
// not an object is `not_object` at the item's path, or at its field `item_field` when given.
using EachObject = std::function<Status(const bj::object&, const std::string& at)>;
Status ForEachObject(const bj::object& o, std::string_view key, size_t max,
                     const MessageText& not_list, const MessageText& not_object,
                     std::string_view item_field, const EachObject& each) {
  const auto it = o.find(key);
  if (it == o.end() || !it->value().is_array() || it->value().as_array().size() > max)
    return Status::InvalidInput(std::string(key),
                                Say(not_list, {{"max", static_cast<int64_t>(max)}}), "wrong_type");
  const bj::array& list = it->value().as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = std::string(key) + "[" + std::to_string(i) + "].";
    if (!list[i].is_object()) {
      const std::string field =
          item_field.empty() ? at.substr(0, at.size() - 1) : at + std::string(item_field);
      return Status::InvalidInput(field, Say(not_object), "wrong_type");
    }
    DH_RETURN_IF_ERROR(each(list[i].as_object(), at));
  }
  return Status::Ok();
}

Result<std::string> Decision(const bj::object& o) {
  return json::RequiredString(o, {"decision_number", "Số quyết định"}, 100);
}

// Each form label, list filter and import column of public investment, with its English.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"Chủ đầu tư", "Investor"},
    {"Cấp giao kế hoạch", "Plan assigned by"},
    {"Cấp ngân sách", "Budget level"},
    {"Dự án", "Project"},
    {"Dự án chuyển vốn", "Project giving capital"},
    {"Dự án nhận vốn", "Project receiving capital"},
    {"Dự án trọng điểm", "Key project"},
    {"Ghi chú", "Note"},
    {"Giai đoạn", "Period"},
    {"Khối lượng thực hiện (%)", "Work done (%)"},
    {"Khởi công mới", "New start"},
    {"Kế hoạch kiểm tra", "Inspection plan"},
    {"Kết quả", "Findings"},
    {"Kết quả kiểm tra", "Inspection findings"},
    {"Loại kế hoạch", "Plan kind"},
    {"Loại điểm nghẽn", "Bottleneck kind"},
    {"Lĩnh vực", "Sector"},
    {"Mã dự án", "Project code"},
    {"Mã nguồn vốn", "Source code"},
    {"Mô tả", "Description"},
    {"Mốc ngày", "Milestone date"},
    {"Nguyên nhân chủ quan", "Within own control"},
    {"Nguồn vốn", "Capital source"},
    {"Nguồn vốn cấp trên", "Parent source"},
    {"Nguồn vốn nhận", "Receiving source"},
    {"Ngày báo cáo", "Report date"},
    {"Ngày giải ngân", "Payment date"},
    {"Ngày kiểm tra", "Inspection date"},
    {"Ngày phê duyệt", "Approval date"},
    {"Ngày quyết định", "Decision date"},
    {"Ngày đạt", "Date reached"},
    {"Nhóm dự án", "Project group"},
    {"Năm", "Year"},
    {"Năm hoàn thành", "Completion year"},
    {"Năm khởi công", "Start year"},
    {"Năm kế hoạch", "Plan year"},
    {"Nội dung", "Content"},
    {"Quyết định phê duyệt", "Approval decision"},
    {"Số quyết định", "Decision number"},
    {"Số tiền", "Amount"},
    {"Số tiền giải ngân", "Amount disbursed"},
    {"Số vốn", "Amount"},
    {"Số vốn cam kết", "Committed amount"},
    {"Số vốn điều chỉnh", "Amount moved"},
    {"Tháng", "Month"},
    {"Thời hạn", "Deadline"},
    {"Thứ tự", "Position"},
    {"Tên dự án", "Project name"},
    {"Tên kế hoạch kiểm tra", "Inspection plan name"},
    {"Tên mốc", "Milestone name"},
    {"Tên nguồn vốn", "Source name"},
    {"Tìm kiếm", "Search"},
    {"Tình trạng", "Status"},
    {"Tổng mức đầu tư", "Total investment"},
    {"Tỷ lệ mục tiêu", "Target rate"},
    {"Đơn vị chủ trì", "Lead unit"},
    {"Đơn vị quản lý", "Managing unit"},
    {"Địa điểm", "Location"},
    // The disbursement import (disbursement_import.cc): its hints and what it imports.
    {"Mã dự án như trong danh mục dự án của hệ thống.",
     "The project's code as in the system's list of projects."},
    {"Mã nguồn vốn như NSDP-TT, NSTW-TN.", "The source's code, such as NSDP-TT or NSTW-TN."},
    {"Năm của kế hoạch vốn được giải ngân, như 2026.",
     "The year of the capital plan disbursed, such as 2026."},
    {"Viết dd/mm/yyyy hoặc yyyy-mm-dd.", "Write dd/mm/yyyy or yyyy-mm-dd."},
    {"Số đồng, có thể có dấu chấm phân cách hàng nghìn: 1.250.000.000.",
     "An amount in đồng; thousands may be separated by dots: 1.250.000.000."},
    {"các cột project_code, source_code, plan_year, paid_on, amount",
     "the columns project_code, source_code, plan_year, paid_on, amount"},
    {"dòng giải ngân", "disbursement rows"},
    // The project reminders' noun inside a sentence (project_reminders.h).
    {"dự án", "project"},
    {"Cập nhật tiến độ, giải ngân dự án", "Progress and disbursement update of project"},
    {"giải ngân", "disbursements"}};

}  // namespace

void RegisterInvestmentLabels() {
  for (const auto& [vi, en] : kLabels) RegisterLabels({{vi, en}});
}

Result<CapitalSource> ParseSource(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"code", "name", "parent_id", "level", "position"}));
  CapitalSource s;
  DH_ASSIGN_OR_RETURN(s.code, json::RequiredString(o, {"code", "Mã nguồn vốn"}, 50));
  DH_ASSIGN_OR_RETURN(s.name, json::RequiredString(o, {"name", "Tên nguồn vốn"}, 300));
  DH_ASSIGN_OR_RETURN(s.parent_id, json::OptionalId(o, {"parent_id", "Nguồn vốn cấp trên"}));
  DH_ASSIGN_OR_RETURN(
      s.level, Enum<BudgetLevel>(o, {"level", "Cấp ngân sách"}, ParseBudgetLevel, msg::kLevels));
  DH_ASSIGN_OR_RETURN(auto pos, json::OptionalInt(o, {"position", "Thứ tự"}, 0, 10000));
  s.position = static_cast<int>(pos.value_or(0));
  return s;
}

Result<ProjectInput> ParseProject(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"code", "name", "investor_id", "managing_unit_id", "sector", "location_unit_ids", "group",
          "is_key", "total_investment", "approval_number", "approval_date", "start_year",
          "end_year", "is_new", "status", "physical_percent"}));
  ProjectInput in;
  DH_ASSIGN_OR_RETURN(in.code, json::OptionalString(o, {"code", "Mã dự án"}, 50));
  DH_ASSIGN_OR_RETURN(in.name, json::OptionalString(o, {"name", "Tên dự án"}, 500));
  DH_ASSIGN_OR_RETURN(in.investor_id, json::OptionalId(o, {"investor_id", "Chủ đầu tư"}));
  in.managing_unit_given = o.contains("managing_unit_id");
  DH_ASSIGN_OR_RETURN(in.managing_unit_id,
                      json::OptionalId(o, {"managing_unit_id", "Đơn vị quản lý"}));
  DH_ASSIGN_OR_RETURN(in.sector, json::OptionalString(o, {"sector", "Lĩnh vực"}, 50));
  if (o.contains("location_unit_ids")) {
    DH_ASSIGN_OR_RETURN(in.location_unit_ids,
                        json::IdArray(o, {"location_unit_ids", "Địa điểm"}, 100));
  }
  DH_ASSIGN_OR_RETURN(in.group, json::OptionalString(o, {"group", "Nhóm dự án"}, 20));
  DH_ASSIGN_OR_RETURN(in.is_key, json::OptionalBool(o, {"is_key", "Dự án trọng điểm"}));
  DH_ASSIGN_OR_RETURN(in.total_investment,
                      json::OptionalInt(o, {"total_investment", "Tổng mức đầu tư"}, 0, kMaxMoney));
  DH_ASSIGN_OR_RETURN(in.approval_number,
                      json::OptionalString(o, {"approval_number", "Quyết định phê duyệt"}, 100));
  DH_ASSIGN_OR_RETURN(in.approval_date, json::OptionalDate(o, {"approval_date", "Ngày phê duyệt"}));
  DH_ASSIGN_OR_RETURN(auto start, json::OptionalInt(o, {"start_year", "Năm khởi công"}, 0, 9999));
  DH_ASSIGN_OR_RETURN(auto end, json::OptionalInt(o, {"end_year", "Năm hoàn thành"}, 0, 9999));
  if (start) in.start_year = static_cast<int>(*start);
  if (end) in.end_year = static_cast<int>(*end);
  DH_ASSIGN_OR_RETURN(in.is_new, json::OptionalBool(o, {"is_new", "Khởi công mới"}));
  DH_ASSIGN_OR_RETURN(in.status, json::OptionalString(o, {"status", "Tình trạng"}, 20));
  DH_ASSIGN_OR_RETURN(
      auto pct, json::OptionalInt(o, {"physical_percent", "Khối lượng thực hiện (%)"}, 0, 100));
  if (pct) in.physical_percent = static_cast<int>(*pct);
  return in;
}

Result<MediumTermPlan> ParseMediumTermPlan(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"period", "project_id", "source_id", "amount", "decision_number", "decision_date"}));
  MediumTermPlan m;
  DH_ASSIGN_OR_RETURN(m.period, json::RequiredString(o, {"period", "Giai đoạn"}, 9));
  DH_RETURN_IF_ERROR(ReadProjectAndSource(o, m));
  DH_ASSIGN_OR_RETURN(m.amount, json::RequiredInt(o, {"amount", "Số vốn"}, 0, kMaxMoney));
  DH_ASSIGN_OR_RETURN(m.decision_number, Decision(o));
  DH_ASSIGN_OR_RETURN(m.decision_date, json::OptionalDate(o, {"decision_date", "Ngày quyết định"}));
  return m;
}

Result<PlanVersion> ParsePlanVersion(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"year", "project_id", "source_id", "amount", "basis",
                                          "version_kind", "decision_number", "decision_date"}));
  PlanVersion v;
  DH_ASSIGN_OR_RETURN(v.year, Year(o, {"year", "Năm kế hoạch"}));
  DH_RETURN_IF_ERROR(ReadProjectAndSource(o, v));
  DH_ASSIGN_OR_RETURN(v.amount, json::RequiredInt(o, {"amount", "Số vốn"}, -kMaxMoney, kMaxMoney));
  DH_ASSIGN_OR_RETURN(
      v.basis, Enum<PlanBasis>(o, {"basis", "Cấp giao kế hoạch"}, ParsePlanBasis, msg::kBases));
  DH_ASSIGN_OR_RETURN(v.kind,
                      Enum<VersionKind>(o, {"version_kind", "Loại kế hoạch"}, ParseVersionKind,
                                        msg::kVersionKinds, VersionKind::kInitial));
  DH_ASSIGN_OR_RETURN(v.decision_number, Decision(o));
  DH_ASSIGN_OR_RETURN(v.decision_date, json::RequiredDate(o, {"decision_date", "Ngày quyết định"}));
  return v;
}

Result<Disbursement> ParseDisbursement(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"project_id", "source_id", "plan_year", "paid_on", "amount"}));
  Disbursement d;
  DH_RETURN_IF_ERROR(ReadProjectAndSource(o, d));
  DH_ASSIGN_OR_RETURN(d.plan_year, Year(o, {"plan_year", "Năm kế hoạch"}));
  DH_ASSIGN_OR_RETURN(d.paid_on, json::RequiredDate(o, {"paid_on", "Ngày giải ngân"}));
  DH_ASSIGN_OR_RETURN(d.amount,
                      json::RequiredInt(o, {"amount", "Số tiền giải ngân"}, -kMaxMoney, kMaxMoney));
  return d;
}

Result<PlanAdjustment> ParseAdjustment(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"year", "basis", "decision_number", "decision_date", "note", "moves"}));
  PlanAdjustment a;
  DH_ASSIGN_OR_RETURN(a.year, Year(o, {"year", "Năm kế hoạch"}));
  DH_ASSIGN_OR_RETURN(
      a.basis, Enum<PlanBasis>(o, {"basis", "Cấp giao kế hoạch"}, ParsePlanBasis, msg::kBases));
  DH_ASSIGN_OR_RETURN(a.decision_number, Decision(o));
  DH_ASSIGN_OR_RETURN(a.decision_date, json::RequiredDate(o, {"decision_date", "Ngày quyết định"}));
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Ghi chú"}, 2000));
  a.note = note.value_or("");
  DH_RETURN_IF_ERROR(ForEachObject(
      o, "moves", 500, msg::kMovesList, msg::kMoveObject, "",
      [&](const bj::object& m, const std::string& at) -> Status {
        DH_RETURN_IF_ERROR(json::OnlyFields(
            m, {"from_project_id", "to_project_id", "source_id", "to_source_id", "amount"}, at));
        const std::string from = at + "from_project_id", to = at + "to_project_id",
                          src = at + "source_id", to_src = at + "to_source_id", amt = at + "amount";
        Move mv;
        DH_ASSIGN_OR_RETURN(mv.from_project_id,
                            json::RequiredId(m, {"from_project_id", "Dự án chuyển vốn", from}));
        DH_ASSIGN_OR_RETURN(mv.to_project_id,
                            json::RequiredId(m, {"to_project_id", "Dự án nhận vốn", to}));
        DH_ASSIGN_OR_RETURN(mv.source_id, json::RequiredId(m, {"source_id", "Nguồn vốn", src}));
        DH_ASSIGN_OR_RETURN(mv.to_source_id,
                            json::OptionalId(m, {"to_source_id", "Nguồn vốn nhận", to_src}));
        DH_ASSIGN_OR_RETURN(mv.amount, json::RequiredInt(m, {"amount", "Số vốn điều chỉnh", amt},
                                                         -kMaxMoney, kMaxMoney));
        a.moves.push_back(mv);
        return Status::Ok();
      }));
  return a;
}

Result<std::pair<int, std::vector<Commitment>>> ParseCommitments(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"year", "months"}));
  std::pair<int, std::vector<Commitment>> out;
  DH_ASSIGN_OR_RETURN(out.first, Year(o, {"year", "Năm"}));
  DH_RETURN_IF_ERROR(ForEachObject(
      o, "months", 12, msg::kMonthsList, msg::kMonthObject, "month",
      [&](const bj::object& m, const std::string& at) -> Status {
        const std::string month = at + "month", amount = at + "amount";
        Commitment c;
        DH_ASSIGN_OR_RETURN(auto mo, json::RequiredInt(m, {"month", "Tháng", month}, 1, 12));
        DH_ASSIGN_OR_RETURN(
            c.amount, json::RequiredInt(m, {"amount", "Số vốn cam kết", amount}, 0, kMaxMoney));
        c.month = static_cast<int>(mo);
        out.second.push_back(c);
        return Status::Ok();
      }));
  return out;
}

Result<std::vector<TargetMilestone>> ParseTrajectory(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"milestones"}));
  std::vector<TargetMilestone> out;
  DH_RETURN_IF_ERROR(ForEachObject(
      o, "milestones", 24, msg::kMilestonesList, msg::kMilestoneObject, "due_on",
      [&](const bj::object& m, const std::string& at) -> Status {
        const std::string due = at + "due_on", rate = at + "rate_bp";
        TargetMilestone t;
        DH_ASSIGN_OR_RETURN(t.due_on, json::RequiredDate(m, {"due_on", "Mốc ngày", due}));
        DH_ASSIGN_OR_RETURN(auto bp,
                            json::RequiredInt(m, {"rate_bp", "Tỷ lệ mục tiêu", rate}, 0, 10000));
        t.rate_bp = static_cast<int>(bp);
        out.push_back(t);
        return Status::Ok();
      }));
  return out;
}

Result<ProgressUpdate> ParseProgress(const bj::object& o, Date today) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"physical_percent", "reported_on", "note"}));
  ProgressUpdate u;
  DH_ASSIGN_OR_RETURN(
      auto pct, json::RequiredInt(o, {"physical_percent", "Khối lượng thực hiện (%)"}, 0, 100));
  u.physical_percent = static_cast<int>(pct);
  DH_ASSIGN_OR_RETURN(auto on, json::OptionalDate(o, {"reported_on", "Ngày báo cáo"}));
  u.reported_on = on.value_or(today);
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Ghi chú"}, 2000));
  u.note = note.value_or("");
  return u;
}

Result<ProjectMilestone> ParseMilestone(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"label", "due_on", "done_on", "position"}));
  ProjectMilestone m;
  DH_ASSIGN_OR_RETURN(m.label, json::RequiredString(o, {"label", "Tên mốc"}, 300));
  DH_ASSIGN_OR_RETURN(m.due_on, json::RequiredDate(o, {"due_on", "Thời hạn"}));
  DH_ASSIGN_OR_RETURN(m.done_on, json::OptionalDate(o, {"done_on", "Ngày đạt"}));
  DH_ASSIGN_OR_RETURN(auto pos, json::OptionalInt(o, {"position", "Thứ tự"}, 0, 1000));
  m.position = static_cast<int>(pos.value_or(0));
  return m;
}

Result<tasks::TaskInput> ParseRecommendation(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"title", "description", "lead_unit_id", "deadline"}));
  tasks::TaskInput t;
  DH_ASSIGN_OR_RETURN(auto title, json::RequiredString(o, {"title", "Nội dung"}, 1000));
  t.title = title;
  DH_ASSIGN_OR_RETURN(t.description, json::OptionalString(o, {"description", "Mô tả"}, 10000));
  DH_ASSIGN_OR_RETURN(t.lead_unit_id, json::OptionalId(o, {"lead_unit_id", "Đơn vị chủ trì"}));
  DH_ASSIGN_OR_RETURN(t.deadline, json::OptionalDate(o, {"deadline", "Thời hạn"}));
  return t;
}

Result<BottleneckInput> ParseBottleneck(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"title", "description", "lead_unit_id", "deadline", "category", "within_own_control"}));
  BottleneckInput in;
  bj::object task;
  for (const char* k : {"title", "description", "lead_unit_id", "deadline"})
    if (o.contains(k)) task[k] = o.at(k);
  DH_ASSIGN_OR_RETURN(in.task, ParseRecommendation(task));
  DH_ASSIGN_OR_RETURN(in.category, json::OptionalString(o, {"category", "Loại điểm nghẽn"}, 40));
  DH_ASSIGN_OR_RETURN(auto own,
                      json::OptionalBool(o, {"within_own_control", "Nguyên nhân chủ quan"}));
  in.within_own_control = own.value_or(false);
  return in;
}

Result<InspectionPlan> ParseInspectionPlan(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"year", "title", "decision_number", "lead_unit_id"}));
  InspectionPlan p;
  DH_ASSIGN_OR_RETURN(p.year, Year(o, {"year", "Năm"}));
  DH_ASSIGN_OR_RETURN(p.title, json::RequiredString(o, {"title", "Tên kế hoạch kiểm tra"}, 500));
  DH_ASSIGN_OR_RETURN(auto number,
                      json::OptionalString(o, {"decision_number", "Số quyết định"}, 100));
  p.decision_number = number.value_or("");
  DH_ASSIGN_OR_RETURN(p.lead_unit_id, json::RequiredId(o, {"lead_unit_id", "Đơn vị chủ trì"}));
  return p;
}

Result<Inspection> ParseInspection(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"plan_id", "investor_id", "project_id", "planned_on", "findings"}));
  Inspection x;
  DH_ASSIGN_OR_RETURN(x.plan_id, json::RequiredId(o, {"plan_id", "Kế hoạch kiểm tra"}));
  DH_ASSIGN_OR_RETURN(x.investor_id, json::RequiredId(o, {"investor_id", "Chủ đầu tư"}));
  DH_ASSIGN_OR_RETURN(x.project_id, json::OptionalId(o, {"project_id", "Dự án"}));
  DH_ASSIGN_OR_RETURN(x.planned_on, json::RequiredDate(o, {"planned_on", "Ngày kiểm tra"}));
  DH_ASSIGN_OR_RETURN(auto findings, json::OptionalString(o, {"findings", "Kết quả"}, 20000));
  x.findings = findings.value_or("");
  return x;
}

}  // namespace dh::investment
