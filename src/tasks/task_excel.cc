#include "tasks/task_excel.h"

#include <algorithm>
#include <unordered_set>

#include "core/roman.h"
#include "core/text.h"
#include "sheets/table_writer.h"
#include "tasks/directive_citation.h"

namespace dh::tasks {

std::string_view TimelinessLabel(Timeliness t) {
  switch (t) {
    case Timeliness::kInTime:
      return "Trong hạn";
    case Timeliness::kDueSoon:
      return "Sắp đến hạn";
    case Timeliness::kOverdue:
      return "Quá hạn";
    case Timeliness::kDoneOnTime:
      return "Hoàn thành đúng hạn";
    case Timeliness::kDoneLate:
      return "Hoàn thành quá hạn";
    case Timeliness::kNoDeadline:
      return "Thường xuyên";
  }
  return "";
}

std::string_view StateLabel(TaskState s) {
  switch (s) {
    case TaskState::kNotStarted:
      return "Chưa thực hiện";
    case TaskState::kInProgress:
      return "Đang thực hiện";
    case TaskState::kAwaitingConfirmation:
      return "Chờ xác nhận hoàn thành";
    case TaskState::kDone:
      return "Đã hoàn thành";
    case TaskState::kReturned:
      return "Bị trả lại";
    case TaskState::kSuspended:
      return "Tạm dừng";
    case TaskState::kRefused:
      return "Đơn vị đề nghị không chủ trì";
    case TaskState::kCancelled:
      return "Đã hủy";
    case TaskState::kDeleted:
      return "Đã xóa";
  }
  return "";
}

// ---- The sheet --------------------------------------------------------------------------

namespace {

// UI.md's status colours: red late, amber soon, green on track or done, grey no deadline.
sheets::Colour ColourOf(Timeliness t) {
  switch (t) {
    case Timeliness::kOverdue:
    case Timeliness::kDoneLate:
      return {0xF6D7D2, 0x8D1F0D};
    case Timeliness::kDueSoon:
      return {0xFCD6C3, 0x6E3619};
    case Timeliness::kInTime:
    case Timeliness::kDoneOnTime:
      return {0xCCE2D8, 0x005A30};
    case Timeliness::kNoDeadline:
      return {0xE5E6E7, 0x383F43};
  }
  return {};
}

// The columns as printed; widths in Excel's character units fit A4 landscape at about 90 %.
std::vector<sheets::TableColumn> TableColumns() {
  using sheets::CellKind;
  const struct {
    CellKind kind;
    double width;
    bool center;
  } kLayout[] = {
      {CellKind::kInteger, 5, true}, {CellKind::kText, 40, false},  {CellKind::kText, 20, false},
      {CellKind::kText, 22, false},  {CellKind::kDate, 11.5, true}, {CellKind::kDate, 11.5, true},
      {CellKind::kPercent, 8, true}, {CellKind::kText, 13, true},   {CellKind::kText, 22, false}};
  std::vector<sheets::TableColumn> out;
  for (size_t c = 0; c < std::size(kLayout); ++c)
    out.push_back(
        {std::string(kExcelColumns[c]), kLayout[c].kind, kLayout[c].width, kLayout[c].center});
  return out;
}

sheets::TableTitle TableTitleOf(const ExcelTitle& t) {
  return {t.heading, t.scope,
          "Số liệu đến ngày " + t.as_of.ToVietnamese() + ". Tổng số: " + std::to_string(t.total) +
              " nhiệm vụ.",
          "Nhiệm vụ"};
}

std::vector<sheets::TableCell> CellsOf(const ExcelTaskRow& r) {
  sheets::TableCell deadline{std::string("Thường xuyên")};
  if (r.deadline) deadline.value = *r.deadline;
  sheets::TableCell start;  // empty without a start date
  if (r.start_on) start.value = *r.start_on;
  return {{r.number},
          {r.title},
          {r.lead_unit},
          {r.coordinators},
          start,
          deadline,
          {r.progress_percent / 100.0},
          {std::string(TimelinessLabel(r.timeliness)), ColourOf(r.timeliness)},
          {r.note}};
}

}  // namespace

struct TaskSheetWriter::Impl {
  std::unique_ptr<sheets::TableWriter> table;
};

TaskSheetWriter::TaskSheetWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TaskSheetWriter::~TaskSheetWriter() = default;

Result<std::unique_ptr<TaskSheetWriter>> TaskSheetWriter::Create(const std::string& path,
                                                                 const ExcelTitle& title) {
  auto impl = std::make_unique<Impl>();
  DH_ASSIGN_OR_RETURN(impl->table,
                      sheets::TableWriter::Create(path, TableTitleOf(title), TableColumns()));
  return std::unique_ptr<TaskSheetWriter>(new TaskSheetWriter(std::move(impl)));
}

Status TaskSheetWriter::Heading(const std::string& number, const std::string& title) {
  return impl_->table->Heading(number, title);
}

Status TaskSheetWriter::Row(const ExcelTaskRow& row) { return impl_->table->Row(CellsOf(row)); }

Status TaskSheetWriter::Finish() { return impl_->table->Finish(); }

// ---- The export -------------------------------------------------------------------------

namespace {

std::string UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "Đơn vị #" + std::to_string(id);
}

// What the list covers, as the line under the title.
std::string DescribeFilter(const TaskFilter& f, const std::optional<Directive>& d,
                           const std::string& group_title, const units::UnitGraph& g,
                           const std::string& query_text) {
  std::vector<std::string> parts;
  if (d)
    parts.push_back("Thực hiện " + Citation(*d, g) + " — " + d->title);
  else if (f.directive_id)
    parts.push_back("Văn bản #" + std::to_string(*f.directive_id));
  if (!group_title.empty()) parts.push_back("Nhóm nhiệm vụ: " + group_title);
  if (f.unit_id) parts.push_back("Đơn vị: " + UnitName(g, *f.unit_id));
  if (f.lead_unit_id) parts.push_back("Đơn vị chủ trì: " + UnitName(g, *f.lead_unit_id));
  if (f.assignee_id) parts.push_back("Cán bộ được giao: #" + std::to_string(*f.assignee_id));
  if (f.parent_id) parts.push_back("Phần việc của nhiệm vụ #" + std::to_string(*f.parent_id));
  if (f.timeliness) parts.push_back("Tình trạng: " + std::string(TimelinessLabel(*f.timeliness)));
  if (f.state) parts.push_back("Trạng thái: " + std::string(StateLabel(*f.state)));
  if (f.due_before) parts.push_back("Thời hạn đến ngày " + f.due_before->ToVietnamese());
  if (f.is_key) parts.push_back(*f.is_key ? "Nhiệm vụ trọng tâm" : "Không gồm nhiệm vụ trọng tâm");
  if (f.extension_pending)
    parts.push_back(*f.extension_pending ? "Có đề nghị gia hạn chờ quyết định"
                                         : "Không có đề nghị gia hạn chờ quyết định");
  if (f.top_level_only) parts.push_back("Không gồm phần việc giao tiếp");
  if (!text::Trim(query_text).empty()) parts.push_back("Từ khóa: “" + text::Trim(query_text) + "”");
  if (parts.empty()) return "Toàn bộ nhiệm vụ trong phạm vi theo dõi";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// The remarks a reader needs beside the numbers: extension, recurrence, delegation, where
// the task stands when that is not plain from the other columns.
std::string NoteOf(const TaskView& v) {
  const TaskRecord& t = v.task;
  std::vector<std::string> lines;
  if (t.parent_task_id)
    lines.push_back("Phần việc được giao tiếp (" + std::to_string(t.share_percent) +
                    "% khối lượng).");
  if (t.deadline && t.original_deadline && *t.deadline != *t.original_deadline &&
      t.recurrence.kind == Recurrence::kNone)
    lines.push_back("Hạn ban đầu " + t.original_deadline->ToVietnamese() + ", đã gia hạn.");
  if (t.recurrence.kind == Recurrence::kMonthly)
    lines.push_back("Định kỳ hằng tháng, hạn ngày " + std::to_string(t.recurrence.day) + ".");
  if (t.recurrence.kind == Recurrence::kQuarterly)
    lines.push_back("Định kỳ hằng quý, hạn ngày " + std::to_string(t.recurrence.day) +
                    " tháng cuối quý.");
  switch (v.timeliness) {
    case Timeliness::kOverdue:
    case Timeliness::kDueSoon:
    case Timeliness::kDoneLate:
      lines.push_back(v.timeliness_reason + ".");
      break;
    case Timeliness::kDoneOnTime:
      if (t.finished_on) lines.push_back("Hoàn thành ngày " + t.finished_on->ToVietnamese() + ".");
      break;
    default:
      break;
  }
  if (t.state == TaskState::kAwaitingConfirmation || t.state == TaskState::kReturned ||
      t.state == TaskState::kSuspended || t.state == TaskState::kRefused)
    lines.push_back(std::string(StateLabel(t.state)) + ".");
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

ExcelTaskRow RowOf(const TaskView& v, const units::UnitGraph& g, int64_t number) {
  ExcelTaskRow r;
  r.number = number;
  r.title = v.task.title;
  r.lead_unit = UnitName(g, v.task.lead_unit_id);
  for (int64_t id : v.task.coordinator_ids)
    r.coordinators += (r.coordinators.empty() ? "" : "; ") + UnitName(g, id);
  r.deadline = v.task.deadline;
  r.start_on = v.task.start_on;
  r.progress_percent = v.task.progress_percent;
  r.timeliness = v.timeliness;
  r.note = NoteOf(v);
  return r;
}

// A stretch of rows, under a heading or (the directive's ungrouped tasks) none.
struct Segment {
  std::string number, title;
  std::vector<int64_t> ids;
};

// Depth-first over the directive's groups: a heading for every group with tasks in the
// list, or with such a group below it; tasks in the order they were entered.
Status PlanGroups(const TaskService& service, const auth::Principal& who, const TaskFilter& f,
                  const std::vector<TaskGroup>& groups, std::optional<int64_t> parent,
                  const std::string& prefix, std::unordered_set<int64_t>& grouped,
                  std::vector<Segment>& out) {
  int shown = 0;
  for (const TaskGroup& grp : groups) {
    if (grp.parent_id != parent) continue;
    TaskFilter gf = f;
    gf.group_id = grp.id;
    DH_ASSIGN_OR_RETURN(auto ids, service.MatchingIds(who, gf));
    std::sort(ids.begin(), ids.end());
    const size_t at = out.size();
    const std::string number =
        prefix.empty() ? text::Roman(shown + 1) : prefix + "." + std::to_string(shown + 1);
    out.push_back({number, grp.title, ids});
    grouped.insert(ids.begin(), ids.end());
    DH_RETURN_IF_ERROR(PlanGroups(service, who, f, groups, grp.id, number, grouped, out));
    if (ids.empty() && out.size() == at + 1) {
      out.pop_back();  // nothing of the list under this heading
      continue;
    }
    ++shown;
  }
  return Status::Ok();
}

// A file name without characters that file systems or headers refuse.
std::string SafeName(std::string s) {
  for (char& c : s)
    if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
        c == '>' || c == '|' || static_cast<unsigned char>(c) < 0x20)
      c = '-';
  return s;
}

// The directive's tasks not in a group, then each group's under its heading.
Result<std::vector<Segment>> GroupedSegments(const TaskService& service, const auth::Principal& who,
                                             const TaskFilter& f,
                                             const std::vector<TaskGroup>& groups,
                                             const std::vector<int64_t>& ids) {
  std::unordered_set<int64_t> grouped;
  std::vector<Segment> under;
  DH_RETURN_IF_ERROR(PlanGroups(service, who, f, groups, std::nullopt, "", grouped, under));
  std::vector<Segment> out(1);
  for (int64_t id : ids)
    if (!grouped.count(id)) out[0].ids.push_back(id);
  std::sort(out[0].ids.begin(), out[0].ids.end());
  for (auto& s : under) out.push_back(std::move(s));
  return out;
}

// What an export holds: the directive it is of (when `who` may see it), the group it is
// limited to, and its stretches of rows.
struct ExportPlan {
  std::optional<Directive> directive;
  std::string group_title;
  std::vector<Segment> segments;
  int64_t total = 0;
};

Result<ExportPlan> PlanExport(const TaskService& service, const auth::Principal& who,
                              const TaskFilter& f) {
  ExportPlan p;
  DH_ASSIGN_OR_RETURN(auto ids, service.MatchingIds(who, f));
  std::vector<TaskGroup> groups;
  if (f.directive_id) {
    if (auto d = service.GetDirective(who, *f.directive_id); d.ok()) p.directive = *d;
    if (p.directive) {
      DH_ASSIGN_OR_RETURN(groups, service.Groups(who, p.directive->id));
    }
  }
  if (f.group_id)
    for (const TaskGroup& grp : groups)
      if (grp.id == *f.group_id) p.group_title = grp.title;
  if (p.directive && !f.group_id) {
    DH_ASSIGN_OR_RETURN(p.segments, GroupedSegments(service, who, f, groups, ids));
  } else {
    p.segments.push_back({"", "", std::move(ids)});
  }
  for (const Segment& s : p.segments) p.total += static_cast<int64_t>(s.ids.size());
  return p;
}

}  // namespace

Result<ExcelFile> ExportTasks(const TaskService& service, const units::UnitGraph& g,
                              const auth::Principal& who, const TaskFilter& f,
                              const std::string& query_text) {
  DH_ASSIGN_OR_RETURN(const ExportPlan plan, PlanExport(service, who, f));
  ExcelTitle title;
  title.scope = DescribeFilter(f, plan.directive, plan.group_title, g, query_text);
  title.as_of = service.Today();
  title.total = plan.total;
  ExcelFile file;
  auto fill = [&](sheets::TableWriter& w) -> Status {
    for (const Segment& s : plan.segments) {
      if (!s.title.empty()) DH_RETURN_IF_ERROR(w.Heading(s.number, s.title));
      DH_RETURN_IF_ERROR(service.VisitTasks(
          who, s.ids, [&](const TaskView& v) { return w.Row(CellsOf(RowOf(v, g, ++file.rows))); }));
    }
    return Status::Ok();
  };
  DH_ASSIGN_OR_RETURN(file.bytes, sheets::TableBytes(TableTitleOf(title), TableColumns(), fill));
  file.filename = SafeName("Danh mục nhiệm vụ" +
                           (plan.directive ? " " + plan.directive->number : std::string()) +
                           " đến " + title.as_of.ToVietnamese()) +
                  ".xlsx";
  return file;
}

}  // namespace dh::tasks
