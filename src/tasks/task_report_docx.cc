#include "tasks/task_report_docx.h"

#include <fmt/format.h>

#include "core/money.h"
#include "core/text.h"
#include "documents/document_frame.h"
#include "tasks/directive_citation.h"
#include "tasks/task_as_of.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_excel.h"
#include "tasks/task_messages.h"

namespace dh::tasks {
namespace {

struct Subject {
  std::optional<Directive> directive;
  int64_t issuer = 0;  // the unit that reports
  std::string what;  // "thực hiện Thông báo kết luận số …", "của Sở Tài chính"
};

std::string UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "";
}

Status CheckLength(const std::string& value, size_t max, const char* field, const char* label) {
  if (text::CodePointCount(value) <= max) return Status::Ok();
  return Status::InvalidInput(
      field,
      Say(msg::kReportTooLong, {{"name", Label{label, ""}}, {"max", static_cast<int64_t>(max)}}),
      "too_long");
}

Status CheckRequest(const TaskReportRequest& in, Date today) {
  if (!in.directive_id && !in.unit_id)
    return Status::InvalidInput("directive_id", Say(msg::kChooseDirectiveUnitReport));
  if (in.as_of && *in.as_of > today)
    return Status::InvalidInput("as_of",
                                Say(msg::kAsOfAfterToday, {{"date", today.ToVietnamese()}}));
  DH_RETURN_IF_ERROR(CheckLength(in.number, kReportNumberMax, "number", "Số, ký hiệu"));
  DH_RETURN_IF_ERROR(CheckLength(in.place, kReportNameMax, "place", "Địa danh"));
  DH_RETURN_IF_ERROR(
      CheckLength(in.signing_authority, kReportNameMax, "signing_authority", "Thẩm quyền ký"));
  DH_RETURN_IF_ERROR(
      CheckLength(in.signer_title, kReportNameMax, "signer_title", "Chức vụ người ký"));
  return CheckLength(in.signer_name, kReportNameMax, "signer_name", "Người ký");
}

Result<Subject> SubjectOf(const TaskService& service, const units::UnitGraph& g,
                          const auth::Principal& who, const TaskReportRequest& in) {
  Subject s;
  if (in.unit_id) {
    const units::Unit* u = g.Find(*in.unit_id);
    if (!u || !AccessFor(who, g).read.Contains(u->id))
      return Status::NotFound(Say(msg::kThisUnitWasFound));
    s.issuer = u->id;
  }
  if (in.unit_id) s.what = "do " + UnitName(g, s.issuer) + " chủ trì";
  if (in.directive_id) {
    DH_ASSIGN_OR_RETURN(s.directive, service.GetDirective(who, *in.directive_id));
    if (!in.unit_id) s.issuer = s.directive->issuer_unit_id;
    s.what += (s.what.empty() ? "theo " : " theo ") + Citation(*s.directive, g);
  }
  return s;
}

std::string Count(int64_t n) { return FormatDong(n); }  // 1.000

std::vector<std::string> Figures(const BoardCounts& c, Date day) {
  const int64_t done = c.done_on_time + c.done_late;
  const int64_t open = c.in_time + c.due_soon + c.overdue;
  return {
      fmt::format("Tính đến ngày {}, tổng số nhiệm vụ: {}.", day.ToVietnamese(), Count(c.total)),
      fmt::format("- Đã hoàn thành: {} (đúng hạn {}, quá hạn {}).", Count(done),
                  Count(c.done_on_time), Count(c.done_late)),
      fmt::format("- Đang thực hiện: {} (trong hạn {}, sắp đến hạn {}, quá hạn {}).", Count(open),
                  Count(c.in_time), Count(c.due_soon), Count(c.overdue)),
      fmt::format("- Nhiệm vụ thường xuyên: {}.", Count(c.no_deadline))};
}

std::string Outcome(const TaskView& v) {
  std::string out = std::string(StateLabel(v.task.state));
  if (v.task.state != TaskState::kDone)
    out += fmt::format(", tiến độ {}%", v.task.progress_percent);
  out += ".\n" + (v.timeliness_reason.empty() ? std::string(TimelinessLabel(v.timeliness))
                                              : v.timeliness_reason);
  return out;
}

documents::RepeatItem Row(int number, const TaskView& v, const units::UnitGraph& g) {
  return {"",
          {{"so", std::to_string(number)},
           {"ten", v.task.title},
           {"chu_tri", UnitName(g, v.task.lead_unit_id)},
           {"thoi_han", v.task.deadline ? v.task.deadline->ToVietnamese() : "Thường xuyên"},
           {"ket_qua", Outcome(v)}}};
}

documents::DocumentFrame Frame(const TaskReportRequest& in, const Subject& s,
                               const units::UnitGraph& g, Date today) {
  documents::DocumentFrame f;
  const auto parent = g.ParentOn(s.issuer, today);
  f.parent_issuer = parent ? UnitName(g, *parent) : "";
  f.issuer = UnitName(g, s.issuer);
  f.number_symbol = in.number;
  f.place = in.place.empty() ? "……" : in.place;
  f.date = today;
  f.subject = "Tình hình thực hiện nhiệm vụ " + s.what;
  f.signing_authority = in.signing_authority.empty() ? "TM. " + f.issuer : in.signing_authority;
  f.signer_title = in.signer_title;
  f.signer_name = in.signer_name;
  f.recipients = {"- Như trên;", "- Lưu: VT."};
  if (s.directive && s.directive->issuer_unit_id != s.issuer)
    f.recipients.insert(f.recipients.begin(),
                        "- " + UnitName(g, s.directive->issuer_unit_id) + ";");
  return f;
}

}  // namespace

Result<TaskReportFile> TaskReportDocx(TaskService& service, const units::UnitGraph& g,
                                      const documents::TemplateShelf& shelf,
                                      const auth::Principal& who, const TaskReportRequest& in) {
  const Date today = service.Today();
  DH_RETURN_IF_ERROR(CheckRequest(in, today));
  DH_ASSIGN_OR_RETURN(Subject s, SubjectOf(service, g, who, in));
  const Date day = in.as_of.value_or(today);
  TaskFilter f;
  f.directive_id = in.directive_id;
  f.lead_unit_id = in.unit_id;
  DH_ASSIGN_OR_RETURN(std::vector<TaskView> tasks, TasksAsOf(service, who, f, day));
  BoardCounts counts;
  for (const TaskView& v : tasks) counts.Add(v.timeliness);
  const documents::DocumentFrame frame = Frame(in, s, g, today);
  documents::DocxData doc;
  documents::AddFrame(frame, doc);
  doc.lists["mo_dau"] = {documents::Item(
      "noi_dung", fmt::format("{} báo cáo tình hình thực hiện nhiệm vụ {}, số liệu đến ngày {}, "
                              "như sau:",
                              frame.issuer, s.what, day.ToVietnamese()))};
  for (std::string& line : Figures(counts, day))
    doc.lists["tong_hop"].push_back(documents::Item("noi_dung", std::move(line)));
  auto& rows = doc.lists["nhiem_vu"];
  int number = 0;
  for (const TaskView& v : tasks) rows.push_back(Row(++number, v, g));
  doc.lists["ket_luan"] = {documents::Item(
      "noi_dung", fmt::format("Trên đây là báo cáo tình hình thực hiện nhiệm vụ {}, số liệu đến "
                              "ngày {}./.",
                              s.what, day.ToVietnamese()))};
  DH_ASSIGN_OR_RETURN(std::string bytes, shelf.Render("bao_cao_nhiem_vu", doc));
  return TaskReportFile{"bao-cao-nhiem-vu-" + day.ToString() + ".docx", std::move(bytes)};
}

}  // namespace dh::tasks
