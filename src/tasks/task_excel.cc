#include "tasks/task_excel.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_set>

#include "core/text.h"
#include "sheets/sheet.h"

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
  }
  return "";
}

// ---- The sheet --------------------------------------------------------------------------

namespace {

// Layout: title block, header, column numbers, then data.
constexpr lxw_row_t kHeaderRow = 4;
constexpr lxw_row_t kFirstDataRow = 6;
constexpr lxw_col_t kLastCol = 7;
// Widths in Excel's character units; they fit A4 landscape at about 90 %.
constexpr double kWidths[] = {5, 46, 20, 22, 11.5, 8, 13, 26};
constexpr double kLineHeight = 15.75;  // points, one line of 12 pt Times New Roman
constexpr const char* kFont = "Times New Roman";

// UI.md's status colours: red late, amber soon, green on track or done, grey no deadline.
struct StatusColour {
  lxw_color_t fill, text;
};
StatusColour ColourOf(Timeliness t) {
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
  return {0xFFFFFF, 0x000000};
}

Status Lxw(lxw_error e, const char* what) {
  if (e == LXW_NO_ERROR) return Status::Ok();
  return Status::Internal(std::string("xlsx ") + what + ": " + lxw_strerror(e));
}

// Lines a wrapped cell of `width` takes for `s` (a rough measure: Times New Roman 12 fits
// a little more than one character per width unit).
int LinesFor(std::string_view s, double width) {
  const double per_line = std::max(1.0, width * 1.1 - 1);
  int lines = 0;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    const auto n = static_cast<double>(text::CodePointCount(s.substr(start, end - start)));
    lines += std::max(1, static_cast<int>(std::ceil(n / per_line)));
    start = end + 1;
  }
  return std::max(lines, 1);
}

}  // namespace

struct TaskSheetWriter::Impl {
  std::string path;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_row_t row = kFirstDataRow;
  lxw_format *title = nullptr, *subtitle = nullptr, *header = nullptr, *colnum = nullptr;
  lxw_format *text = nullptr, *center = nullptr, *date = nullptr, *percent = nullptr;
  lxw_format *heading_num = nullptr, *heading_text = nullptr;
  std::map<Timeliness, lxw_format*> status;

  ~Impl() {
    if (wb) {
      workbook_close(wb);
      std::remove(path.c_str());
    }
  }

  lxw_format* Format(double size, bool bold, bool wrap, uint8_t align, bool border) {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, kFont);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (wrap) format_set_text_wrap(f);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    return f;
  }

  void MakeFormats() {
    title = Format(14, true, false, LXW_ALIGN_CENTER, false);
    subtitle = Format(12, false, true, LXW_ALIGN_CENTER, false);
    format_set_italic(subtitle);
    header = Format(12, true, true, LXW_ALIGN_CENTER, true);
    format_set_bg_color(header, 0xF3F2F1);
    colnum = Format(10, false, false, LXW_ALIGN_CENTER, true);
    format_set_italic(colnum);
    text = Format(12, false, true, LXW_ALIGN_LEFT, true);
    center = Format(12, false, true, LXW_ALIGN_CENTER, true);
    date = Format(12, false, false, LXW_ALIGN_CENTER, true);
    format_set_num_format(date, "dd/mm/yyyy");
    percent = Format(12, false, false, LXW_ALIGN_CENTER, true);
    format_set_num_format(percent, "0%");
    heading_num = Format(12, true, false, LXW_ALIGN_CENTER, true);
    heading_text = Format(12, true, true, LXW_ALIGN_LEFT, true);
    for (Timeliness t : {Timeliness::kInTime, Timeliness::kDueSoon, Timeliness::kOverdue,
                         Timeliness::kDoneOnTime, Timeliness::kDoneLate, Timeliness::kNoDeadline}) {
      lxw_format* f = Format(12, false, true, LXW_ALIGN_CENTER, true);
      format_set_bg_color(f, ColourOf(t).fill);
      format_set_font_color(f, ColourOf(t).text);
      status[t] = f;
    }
  }

  void PageSetup() {
    for (lxw_col_t c = 0; c <= kLastCol; ++c) worksheet_set_column(ws, c, c, kWidths[c], nullptr);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_margins(ws, 0.5, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow + 1);
    worksheet_freeze_panes(ws, kFirstDataRow, 0);
    worksheet_set_footer(ws, "&C&\"Times New Roman,Regular\"&10Trang &P/&N");
  }

  Status TitleBlock(const ExcelTitle& t) {
    const std::string as_of = "Số liệu đến ngày " + t.as_of.ToVietnamese() +
                              ". Tổng số: " + std::to_string(t.total) + " nhiệm vụ.";
    worksheet_set_row(ws, 0, 22, nullptr);
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_merge_range(ws, 0, 0, 0, kLastCol, t.heading.c_str(), title), "title"));
    double total_width = 0;
    for (double w : kWidths) total_width += w;
    worksheet_set_row(ws, 1, kLineHeight * LinesFor(t.scope, total_width), nullptr);
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_merge_range(ws, 1, 0, 1, kLastCol, t.scope.c_str(), subtitle), "scope"));
    worksheet_set_row(ws, 2, kLineHeight + 2, nullptr);
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_merge_range(ws, 2, 0, 2, kLastCol, as_of.c_str(), subtitle), "as of"));
    worksheet_set_row(ws, 3, 8, nullptr);
    worksheet_set_row(ws, kHeaderRow, 2 * kLineHeight + 4, nullptr);
    for (lxw_col_t c = 0; c <= kLastCol; ++c) {
      DH_RETURN_IF_ERROR(Lxw(
          worksheet_write_string(ws, kHeaderRow, c, std::string(kExcelColumns[c]).c_str(), header),
          "header"));
    }
    for (lxw_col_t c = 0; c <= kLastCol; ++c) {
      const std::string n = "(" + std::to_string(c + 1) + ")";
      DH_RETURN_IF_ERROR(
          Lxw(worksheet_write_string(ws, kHeaderRow + 1, c, n.c_str(), colnum), "numbers"));
    }
    return Status::Ok();
  }
};

TaskSheetWriter::TaskSheetWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TaskSheetWriter::~TaskSheetWriter() = default;

Result<std::unique_ptr<TaskSheetWriter>> TaskSheetWriter::Create(const std::string& path,
                                                                 const ExcelTitle& title) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  std::string tmpdir = std::filesystem::path(path).parent_path().string();
  if (tmpdir.empty()) tmpdir = ".";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  impl->wb = workbook_new_opt(path.c_str(), &options);
  if (!impl->wb) return Status::Internal("xlsx: cannot create " + path);
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.heading.c_str());
  props.author = const_cast<char*>("dieuhanh");
  workbook_set_properties(impl->wb, &props);
  impl->ws = workbook_add_worksheet(impl->wb, "Nhiệm vụ");
  if (!impl->ws) return Status::Internal("xlsx: cannot add the worksheet");
  impl->MakeFormats();
  impl->PageSetup();
  DH_RETURN_IF_ERROR(impl->TitleBlock(title));
  return std::unique_ptr<TaskSheetWriter>(new TaskSheetWriter(std::move(impl)));
}

Status TaskSheetWriter::Heading(const std::string& number, const std::string& title) {
  Impl& m = *impl_;
  worksheet_set_row(m.ws, m.row, kLineHeight * LinesFor(title, 150) + 3, nullptr);
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_string(m.ws, m.row, 0, number.c_str(), m.heading_num), "heading"));
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_merge_range(m.ws, m.row, 1, m.row, kLastCol, title.c_str(), m.heading_text),
          "heading"));
  ++m.row;
  return Status::Ok();
}

Status TaskSheetWriter::Row(const ExcelTaskRow& r) {
  Impl& m = *impl_;
  const lxw_row_t y = m.row;
  int lines = std::max({LinesFor(r.title, kWidths[1]), LinesFor(r.lead_unit, kWidths[2]),
                        LinesFor(r.coordinators, kWidths[3]), LinesFor(r.note, kWidths[7]),
                        LinesFor(TimelinessLabel(r.timeliness), kWidths[6])});
  worksheet_set_row(m.ws, y, kLineHeight * lines + 3, nullptr);
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_number(m.ws, y, 0, static_cast<double>(r.number), m.center), "row"));
  DH_RETURN_IF_ERROR(Lxw(worksheet_write_string(m.ws, y, 1, r.title.c_str(), m.text), "row"));
  DH_RETURN_IF_ERROR(Lxw(worksheet_write_string(m.ws, y, 2, r.lead_unit.c_str(), m.text), "row"));
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_string(m.ws, y, 3, r.coordinators.c_str(), m.text), "row"));
  if (r.deadline) {
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_write_number(m.ws, y, 4, sheets::ExcelSerial(r.deadline->days()), m.date),
            "row"));
  } else {
    DH_RETURN_IF_ERROR(Lxw(worksheet_write_string(m.ws, y, 4, "Thường xuyên", m.center), "row"));
  }
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_number(m.ws, y, 5, r.progress_percent / 100.0, m.percent), "row"));
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_string(m.ws, y, 6, std::string(TimelinessLabel(r.timeliness)).c_str(),
                                 m.status[r.timeliness]),
          "row"));
  DH_RETURN_IF_ERROR(Lxw(worksheet_write_string(m.ws, y, 7, r.note.c_str(), m.text), "row"));
  ++m.row;
  return Status::Ok();
}

Status TaskSheetWriter::Finish() {
  Impl& m = *impl_;
  if (m.row > kFirstDataRow) worksheet_autofilter(m.ws, kHeaderRow, 0, m.row - 1, kLastCol);
  lxw_workbook* wb = m.wb;
  m.wb = nullptr;  // closed below whatever happens
  return Lxw(workbook_close(wb), "close");
}

// ---- The export -------------------------------------------------------------------------

namespace {

std::string KindName(const std::string& kind) {
  if (kind == "resolution") return "Nghị quyết";
  if (kind == "conclusion") return "Thông báo kết luận";
  if (kind == "plan") return "Kế hoạch";
  if (kind == "decision") return "Quyết định";
  if (kind == "notice") return "Thông báo";
  return "Văn bản";
}

std::string UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "Đơn vị #" + std::to_string(id);
}

std::string Roman(int n) {
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (auto [v, s] : kDigits)
    for (; n >= v; n -= v) out += s;
  return out;
}

// What the list covers, as the line under the title.
std::string DescribeFilter(const TaskFilter& f, const std::optional<Directive>& d,
                           const std::string& group_title, const units::UnitGraph& g,
                           const std::string& query_text) {
  std::vector<std::string> parts;
  if (d)
    parts.push_back("Thực hiện " + KindName(d->kind) + " số " + d->number + " ngày " +
                    d->issued_on.ToVietnamese() + " của " + UnitName(g, d->issuer_unit_id) + " — " +
                    d->title);
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
        prefix.empty() ? Roman(shown + 1) : prefix + "." + std::to_string(shown + 1);
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

// A temporary file that is removed when this goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("xlsx: cannot read " + path);
  in.seekg(0, std::ios::end);
  std::string bytes(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) return Status::Internal("xlsx: cannot read " + path);
  return bytes;
}

}  // namespace

Result<ExcelFile> ExportTasks(const TaskService& service, const units::UnitGraph& g,
                              const auth::Principal& who, const TaskFilter& f,
                              const std::string& query_text) {
  DH_ASSIGN_OR_RETURN(auto ids, service.MatchingIds(who, f));
  std::optional<Directive> directive;
  std::vector<TaskGroup> groups;
  std::string group_title;
  if (f.directive_id) {
    if (auto d = service.GetDirective(who, *f.directive_id); d.ok()) directive = *d;
    if (directive) {
      DH_ASSIGN_OR_RETURN(groups, service.Groups(who, directive->id));
    }
  }
  if (f.group_id)
    for (const TaskGroup& grp : groups)
      if (grp.id == *f.group_id) group_title = grp.title;

  std::vector<Segment> segments;
  if (directive && !f.group_id) {
    std::unordered_set<int64_t> grouped;
    std::vector<Segment> under;
    DH_RETURN_IF_ERROR(PlanGroups(service, who, f, groups, std::nullopt, "", grouped, under));
    Segment loose;
    for (int64_t id : ids)
      if (!grouped.count(id)) loose.ids.push_back(id);
    std::sort(loose.ids.begin(), loose.ids.end());
    segments.push_back(std::move(loose));
    for (auto& s : under) segments.push_back(std::move(s));
  } else {
    segments.push_back({"", "", std::move(ids)});
  }
  int64_t total = 0;
  for (const Segment& s : segments) total += static_cast<int64_t>(s.ids.size());

  ExcelTitle title;
  title.scope = DescribeFilter(f, directive, group_title, g, query_text);
  title.as_of = service.Today();
  title.total = total;

  TempFile tmp;
  {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "dieuhanh-export-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) return Status::Internal("xlsx: cannot create a temporary file");
    close(fd);
    tmp.path = pattern;
  }
  DH_ASSIGN_OR_RETURN(auto writer, TaskSheetWriter::Create(tmp.path, title));
  int64_t number = 0;
  for (const Segment& s : segments) {
    if (!s.title.empty()) DH_RETURN_IF_ERROR(writer->Heading(s.number, s.title));
    DH_RETURN_IF_ERROR(service.VisitTasks(
        who, s.ids, [&](const TaskView& v) { return writer->Row(RowOf(v, g, ++number)); }));
  }
  DH_RETURN_IF_ERROR(writer->Finish());

  ExcelFile file;
  file.rows = number;
  file.filename =
      SafeName("Danh mục nhiệm vụ" + (directive ? " " + directive->number : std::string()) +
               " đến " + title.as_of.ToVietnamese()) +
      ".xlsx";
  DH_ASSIGN_OR_RETURN(file.bytes, ReadWhole(tmp.path));
  return file;
}

std::string ContentDisposition(std::string_view filename) {
  std::string ascii;
  for (char c : text::FoldForSearch(filename)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '-' || c == '_')
      ascii.push_back(c);
    else if (c == ' ')
      ascii.push_back('-');
    else
      ascii.push_back('_');
  }
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : filename) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      encoded.push_back(c);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[u >> 4]);
      encoded.push_back(kHex[u & 15]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace dh::tasks
