#include "tasks/task_import.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "tasks/task_excel.h"

namespace dh::tasks {
namespace {

constexpr size_t kMaxTasks = 20000;
constexpr int kHeaderSearchRows = 50;

enum class Col { kStt, kTitle, kLead, kCoordinators, kDeadline, kProgress, kDescription, kIgnored };

const char* Label(Col c) {
  switch (c) {
    case Col::kStt:
      return "STT";
    case Col::kTitle:
      return "Nhiệm vụ";
    case Col::kLead:
      return "Đơn vị chủ trì";
    case Col::kCoordinators:
      return "Đơn vị phối hợp";
    case Col::kDeadline:
      return "Thời hạn";
    case Col::kProgress:
      return "Tiến độ";
    case Col::kDescription:
      return "Mô tả";
    case Col::kIgnored:
      return "";
  }
  return "";
}

// Folded, with punctuation as spaces: "Tiến độ (%)" → "tien do".
std::string Key(std::string_view s) {
  std::string folded = text::FoldForSearch(s), out;
  bool space = false;
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    } else {
      space = true;
    }
  }
  return out;
}

std::optional<Col> ColumnOfHeader(std::string_view cell) {
  static const std::unordered_map<std::string, Col> kNames = {
      {"stt", Col::kStt},
      {"tt", Col::kStt},
      {"so tt", Col::kStt},
      {"so thu tu", Col::kStt},
      {"nhiem vu", Col::kTitle},
      {"ten nhiem vu", Col::kTitle},
      {"noi dung nhiem vu", Col::kTitle},
      {"noi dung", Col::kTitle},
      {"don vi chu tri", Col::kLead},
      {"co quan chu tri", Col::kLead},
      {"chu tri", Col::kLead},
      {"don vi phoi hop", Col::kCoordinators},
      {"co quan phoi hop", Col::kCoordinators},
      {"phoi hop", Col::kCoordinators},
      {"thoi han", Col::kDeadline},
      {"thoi han hoan thanh", Col::kDeadline},
      {"han hoan thanh", Col::kDeadline},
      {"han xu ly", Col::kDeadline},
      {"tien do", Col::kProgress},
      {"ty le hoan thanh", Col::kProgress},
      {"mo ta", Col::kDescription},
      {"tinh trang", Col::kIgnored},
      {"ghi chu", Col::kIgnored},
  };
  // "Tiến độ (%)", "Thời hạn (ngày/tháng/năm)": what is in brackets only explains.
  std::string name(cell);
  for (size_t open = name.find('('); open != std::string::npos; open = name.find('(')) {
    const size_t close = name.find(')', open);
    name.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  auto it = kNames.find(Key(name));
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

// Where each known column sits in the header row.
using ColumnMap = std::map<Col, size_t>;

std::optional<ColumnMap> HeaderOf(const sheets::SheetRow& row) {
  ColumnMap m;
  for (size_t i = 0; i < row.cells.size(); ++i)
    if (auto c = ColumnOfHeader(row.cells[i].text); c && *c != Col::kIgnored) m.emplace(*c, i);
  if (!m.count(Col::kTitle) || !m.count(Col::kLead)) return std::nullopt;
  return m;
}

// The "(1) (2) (3) …" line officials put under the header.
bool IsColumnNumbers(const sheets::SheetRow& row) {
  bool any = false;
  for (const sheets::SheetCell& c : row.cells) {
    std::string t = text::Trim(c.text);
    if (t.empty()) continue;
    if (t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    if (t.empty() || !std::all_of(t.begin(), t.end(), [](char ch) {
          return std::isdigit(static_cast<unsigned char>(ch));
        }))
      return false;
    any = true;
  }
  return any;
}

// "I", "II", "IV." → depth 0; "I.1", "II.3." → depth 1 … ; -1 when not a heading number.
int HeadingDepth(std::string_view stt) {
  while (!stt.empty() && (stt.back() == '.' || stt.back() == ')')) stt.remove_suffix(1);
  size_t i = 0;
  while (i < stt.size() && std::string_view("IVXLCDM").find(stt[i]) != std::string_view::npos) ++i;
  if (i == 0) return -1;
  int depth = 0;
  while (i < stt.size()) {
    if (stt[i] != '.' || i + 1 >= stt.size() ||
        !std::isdigit(static_cast<unsigned char>(stt[i + 1])))
      return -1;
    ++i;
    while (i < stt.size() && std::isdigit(static_cast<unsigned char>(stt[i]))) ++i;
    ++depth;
  }
  return depth;
}

// ---- Values -----------------------------------------------------------------------------

struct Cells {
  const sheets::SheetRow& row;
  const ColumnMap& cols;
  const sheets::SheetCell* Get(Col c) const {
    auto it = cols.find(c);
    return it == cols.end() ? nullptr : row.At(it->second);
  }
  std::string Text(Col c) const {
    const sheets::SheetCell* cell = Get(c);
    return cell ? text::Trim(cell->text) : "";
  }
};

std::string Quote(const std::string& s) { return "“" + s + "”"; }

// Unit look-up by code or exact name, among the units as they are on `today`.
class UnitMatcher {
 public:
  UnitMatcher(const units::UnitGraph& g, Date today) : g_(g), today_(today) {
    for (const units::Unit& u : g.all()) {
      by_name_[Key(u.name)].push_back(&u);
      by_code_[Key(u.code)].push_back(&u);
    }
  }

  // The unit, or the sentence that says why there is none.
  std::variant<int64_t, std::string> Find(const std::string& raw) const {
    if (const units::Unit* u = g_.FindByCode(raw)) return Check(*u, raw);
    const std::string key = Key(raw);
    for (const auto* index : {&by_code_, &by_name_}) {
      auto it = index->find(key);
      if (it == index->end()) continue;
      std::vector<const units::Unit*> active;
      for (const units::Unit* u : it->second)
        if (u->ActiveOn(today_)) active.push_back(u);
      if (active.size() == 1) return active.front()->id;
      if (active.size() > 1)
        return "Có " + std::to_string(active.size()) + " đơn vị cùng tên " + Quote(raw) +
               "; ghi mã đơn vị (ví dụ " + active.front()->code + ") để phân biệt.";
      return Check(*it->second.front(), raw);
    }
    return "Không tìm thấy đơn vị " + Quote(raw) +
           ". Ghi mã đơn vị (ví dụ MA.STC) hoặc tên đúng như trong danh mục đơn vị.";
  }

 private:
  std::variant<int64_t, std::string> Check(const units::Unit& u, const std::string& raw) const {
    if (u.ActiveOn(today_)) return u.id;
    std::string msg = "Đơn vị " + Quote(raw) + " đã kết thúc hoạt động";
    if (u.valid_to) msg += " từ " + u.valid_to->AddDays(1).ToVietnamese();
    const auto next = g_.SuccessorsOf(u.id);
    for (const auto& s : next)
      if (s.primary)
        if (const units::Unit* succ = g_.Find(s.successor_id))
          msg += "; đơn vị kế thừa là " + succ->name;
    return msg + ".";
  }

  const units::UnitGraph& g_;
  Date today_;
  std::unordered_map<std::string, std::vector<const units::Unit*>> by_name_, by_code_;
};

// A date as officials type it: dd/mm/yyyy (also with - or .), yyyy-mm-dd, or an Excel
// date. nullopt with no message for "no deadline".
std::variant<std::optional<Date>, std::string> ParseDeadline(const sheets::SheetCell* cell) {
  const std::string hint =
      "Nhập thời hạn theo dạng ngày/tháng/năm, ví dụ 15/06/2026; để trống hoặc ghi "
      "“Thường xuyên” nếu nhiệm vụ không có hạn.";
  if (!cell) return std::optional<Date>();
  if (cell->number) {
    // NaN, an infinity or a serial past any calendar (1e300) is no date: checked on the
    // double, before it becomes a day count.
    const std::optional<Date> d = Date::FromSerial(*cell->number);
    if (!d || d->year() < 1990 || d->year() > 2100)
      return "Thời hạn không phải ngày hợp lệ (" + Quote(cell->text) +
             "); thời hạn phải từ năm 1990 đến 2100. " + hint;
    return std::optional<Date>(*d);
  }
  const std::string t = text::Trim(cell->text);
  const std::string key = Key(t);
  if (key.empty() || key == "thuong xuyen" || key == "khong thoi han" || key == "khong co thoi han")
    return std::optional<Date>();
  if (auto d = Date::Parse(t)) {
    if (d->year() < 1990 || d->year() > 2100)
      return "Năm " + std::to_string(d->year()) + " của thời hạn không hợp lý. " + hint;
    return std::optional<Date>(*d);
  }
  // dd/mm/yyyy is at most 10 characters; longer digits would overflow sscanf's %d.
  if (t.size() > 10) return "Thời hạn " + Quote(t) + " không đọc được. " + hint;
  int day = 0, month = 0, year = 0;
  char s1 = 0, s2 = 0, extra = 0;
  if (std::sscanf(t.c_str(), "%d%c%d%c%d%c", &day, &s1, &month, &s2, &year, &extra) == 5 &&
      s1 == s2 && (s1 == '/' || s1 == '-' || s1 == '.') && year >= 1000) {
    if (auto d = Date::FromYmd(year, month, day)) {
      if (year < 1990 || year > 2100)
        return "Năm " + std::to_string(year) + " của thời hạn không hợp lý. " + hint;
      return std::optional<Date>(*d);
    }
    if (month >= 1 && month <= 12)
      return "Ngày " + t + " không có (tháng " + std::to_string(month) + " năm " +
             std::to_string(year) + " có " + std::to_string(DaysInMonth(year, month)) + " ngày).";
    return "Ngày " + t + " không có (tháng phải từ 1 đến 12). " + hint;
  }
  return "Thời hạn " + Quote(t) + " không đọc được. " + hint;
}

std::variant<int, std::string> ParseProgress(const sheets::SheetCell* cell) {
  const std::string bad = "Tiến độ là một số từ 0 đến 100 (%), ví dụ 45 hoặc 45%.";
  if (!cell) return 0;
  double v = 0;
  if (cell->number) {
    v = cell->percent ? *cell->number * 100 : *cell->number;
  } else {
    std::string t = text::Trim(cell->text);
    if (t.empty()) return 0;
    if (!t.empty() && t.back() == '%') t = text::Trim(t.substr(0, t.size() - 1));
    std::replace(t.begin(), t.end(), ',', '.');
    char* end = nullptr;
    v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size())
      return "Tiến độ " + Quote(text::Trim(cell->text)) + " không đọc được. " + bad;
  }
  if (!std::isfinite(v) || v < -0.0001 || v > 100.0001)
    return "Tiến độ " + Quote(text::Trim(cell->text)) + " ngoài khoảng 0–100%. " + bad;
  return static_cast<int>(std::lround(v));
}

// "Sở Xây dựng; UBND phường Bắc Sơn" — also commas or new lines between units.
std::vector<std::string> SplitUnits(const std::string& s, const UnitMatcher& units) {
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    std::string p = text::Trim(piece);
    piece.clear();
    if (p.empty()) return;
    // A comma may be part of nothing we know: try the whole, else its comma-separated parts.
    if (p.find(',') != std::string::npos && !std::holds_alternative<int64_t>(units.Find(p))) {
      size_t start = 0;
      while (start <= p.size()) {
        size_t end = p.find(',', start);
        if (end == std::string::npos) end = p.size();
        std::string part = text::Trim(p.substr(start, end - start));
        if (!part.empty()) out.push_back(part);
        start = end + 1;
      }
      return;
    }
    out.push_back(p);
  };
  for (char c : s) {
    if (c == ';' || c == '\n' || c == '\r')
      flush();
    else
      piece.push_back(c);
  }
  flush();
  return out;
}

// One task row into an item; problems go to `errors`.
void ParseTaskRow(const Cells& cells, const UnitMatcher& units, int heading, TaskBatch& batch,
                  std::vector<ImportRowError>& errors) {
  const int row = cells.row.number;
  auto fail = [&](Col c, std::string message) {
    errors.push_back({row, Label(c), std::move(message)});
  };
  const size_t before = errors.size();
  TaskBatch::Item item;
  item.row = row;
  item.heading = heading;
  const std::string title = cells.Text(Col::kTitle);
  if (title.empty())
    fail(Col::kTitle, "Thiếu tên nhiệm vụ.");
  else if (text::CodePointCount(title) > 1000)
    fail(Col::kTitle, "Tên nhiệm vụ dài quá 1.000 ký tự; đưa phần chi tiết sang cột Mô tả.");
  item.input.title = title;
  const std::string description = cells.Text(Col::kDescription);
  if (!description.empty()) item.input.description = description;

  const std::string lead = cells.Text(Col::kLead);
  if (lead.empty()) {
    fail(Col::kLead, "Thiếu đơn vị chủ trì.");
  } else {
    auto found = units.Find(lead);
    if (auto* id = std::get_if<int64_t>(&found))
      item.input.lead_unit_id = *id;
    else
      fail(Col::kLead, std::get<std::string>(found));
  }

  std::vector<int64_t> coordinators;
  for (const std::string& name : SplitUnits(cells.Text(Col::kCoordinators), units)) {
    auto found = units.Find(name);
    if (auto* id = std::get_if<int64_t>(&found)) {
      if (item.input.lead_unit_id && *id == *item.input.lead_unit_id)
        fail(Col::kCoordinators,
             "Đơn vị " + Quote(name) + " đã là đơn vị chủ trì; bỏ khỏi cột phối hợp.");
      else if (std::find(coordinators.begin(), coordinators.end(), *id) != coordinators.end())
        fail(Col::kCoordinators, "Đơn vị " + Quote(name) + " ghi hai lần.");
      else
        coordinators.push_back(*id);
    } else {
      fail(Col::kCoordinators, std::get<std::string>(found));
    }
  }
  if (!coordinators.empty()) item.input.coordinator_ids = std::move(coordinators);

  auto deadline = ParseDeadline(cells.Get(Col::kDeadline));
  if (auto* d = std::get_if<std::optional<Date>>(&deadline))
    item.input.deadline = *d;
  else
    fail(Col::kDeadline, std::get<std::string>(deadline));

  auto progress = ParseProgress(cells.Get(Col::kProgress));
  if (auto* p = std::get_if<int>(&progress))
    item.progress_percent = *p;
  else
    fail(Col::kProgress, std::get<std::string>(progress));

  if (errors.size() == before) batch.items.push_back(std::move(item));
}

}  // namespace

std::string ColumnOfField(std::string_view field) {
  if (field == "title") return Label(Col::kTitle);
  if (field == "lead_unit_id") return Label(Col::kLead);
  if (field == "coordinator_ids") return Label(Col::kCoordinators);
  if (field == "deadline" || field == "recurrence") return Label(Col::kDeadline);
  if (field == "progress_percent") return Label(Col::kProgress);
  if (field == "description") return Label(Col::kDescription);
  return "";
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : hash) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

Result<ParsedSheet> ParseTaskSheet(const sheets::Sheet& sheet, const units::UnitGraph& g,
                                   Date today) {
  size_t at = 0;
  std::optional<ColumnMap> cols;
  for (; at < sheet.rows.size() && at < kHeaderSearchRows && !cols; ++at)
    cols = HeaderOf(sheet.rows[at]);
  if (!cols)
    return Status::InvalidInput(
        "file",
        "Không tìm thấy dòng tiêu đề của bảng: cần ít nhất các cột “Nhiệm vụ” và “Đơn vị "
        "chủ trì” (như tệp xuất từ hệ thống, tải tại Nhiệm vụ → Xuất Excel).",
        "no_header_row");
  if (at < sheet.rows.size() && IsColumnNumbers(sheet.rows[at])) ++at;

  ParsedSheet out;
  const UnitMatcher units(g, today);
  std::vector<int> open;  // the heading at each depth, for nesting
  int heading = -1;
  for (; at < sheet.rows.size(); ++at) {
    const Cells cells{sheet.rows[at], *cols};
    const std::string stt = cells.Text(Col::kStt), title = cells.Text(Col::kTitle);
    const bool only_title =
        cells.Text(Col::kLead).empty() && cells.Text(Col::kCoordinators).empty() &&
        cells.Text(Col::kDeadline).empty() && cells.Text(Col::kProgress).empty();
    if (stt.empty() && title.empty() && only_title) continue;
    if (const int depth = HeadingDepth(stt); depth >= 0 && only_title && !title.empty()) {
      open.resize(std::min<size_t>(open.size(), static_cast<size_t>(depth)));
      const int parent = open.empty() ? -1 : open.back();
      out.batch.headings.push_back({title, parent, cells.row.number});
      heading = static_cast<int>(out.batch.headings.size()) - 1;
      open.push_back(heading);
      continue;
    }
    if (out.batch.items.size() + out.errors.size() >= kMaxTasks)
      return Status::PayloadTooLarge("Mỗi lần nhập tối đa " + std::to_string(kMaxTasks) +
                                     " nhiệm vụ; hãy chia tệp thành nhiều phần.");
    ParseTaskRow(cells, units, heading, out.batch, out.errors);
  }
  return out;
}

Result<ImportOutcome> ImportTasks(TaskService& service, const units::UnitGraph& g,
                                  const auth::Principal& who, const ImportRequest& req) {
  if (!req.directive_id)
    return Status::InvalidInput("directive_id",
                                "Chọn văn bản chỉ đạo để nhập nhiệm vụ vào (directive_id).");
  DH_ASSIGN_OR_RETURN(
      sheets::Sheet sheet,
      sheets::ReadUpload(req.bytes, req.content_type,
                         "STT, Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Tiến độ"));
  DH_ASSIGN_OR_RETURN(ParsedSheet parsed, ParseTaskSheet(sheet, g, service.Today()));

  TaskBatch& batch = parsed.batch;
  batch.directive_id = *req.directive_id;
  batch.group_id = req.group_id;
  batch.source_sha256 = Sha256Hex(req.bytes);
  batch.source_name = req.file_name.empty() ? "tệp tải lên" : req.file_name;
  // With rows already wrong, the rest is still checked (scope, directive) but never written.
  batch.dry_run = req.dry_run || !parsed.errors.empty();

  ImportOutcome outcome;
  std::vector<BatchError> batch_errors;
  if (!batch.items.empty() || parsed.errors.empty()) {
    auto created = service.CreateBatch(who, batch, &batch_errors);
    if (!created.ok() && batch_errors.empty()) return created.status();  // not a row's fault
    if (created.ok()) {
      outcome.valid_rows = created->created;
      outcome.groups_created = created->groups_created;
      if (!batch.dry_run) outcome.imported = created->created;
    }
  }
  outcome.errors = std::move(parsed.errors);
  for (const BatchError& e : batch_errors)
    outcome.errors.push_back({e.row, ColumnOfField(e.field), e.message});
  std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.row < b.row; });
  outcome.ok = outcome.errors.empty();
  return outcome;
}

}  // namespace dh::tasks
