#include "tasks/task_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/hash.h"
#include "core/text.h"
#include "sheets/rows.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_excel.h"
#include "tasks/task_import_messages.h"
#include "tasks/task_messages.h"

namespace dh::tasks {

// The export's columns (task_excel.h), keyed by the TaskInput field each fills.
const sheets::ColumnMap& TaskImportColumns() {
  static const sheets::ColumnMap kMap(
      {{.key = "stt",
        .heading = "STT",
        .aliases = {"TT", "Số TT", "Số thứ tự"},
        .help = "Số thứ tự; dòng tên nhóm nhiệm vụ ghi số La Mã I, II, I.1 … và chỉ có tên."},
       {.key = "title",
        .heading = "Nhiệm vụ",
        .aliases = {"Tên nhiệm vụ", "Nội dung nhiệm vụ", "Nội dung"},
        .required = true,
        .help = "Tên nhiệm vụ, tối đa 1.000 ký tự.",
        .noun = "Tên nhiệm vụ"},
       {.key = "lead_unit_id",
        .heading = "Đơn vị chủ trì",
        .aliases = {"Cơ quan chủ trì", "Chủ trì"},
        .required = true,
        .help = "Mã đơn vị (ví dụ MA.STC) hoặc tên đúng như trong danh mục đơn vị."},
       {.key = "coordinator_ids",
        .heading = "Đơn vị phối hợp",
        .aliases = {"Cơ quan phối hợp", "Phối hợp"},
        .help = "Mã hoặc tên đơn vị, cách nhau bởi dấu ; hoặc xuống dòng."},
       {.key = "start_on",
        .heading = "Ngày giao",
        .aliases = {"Ngày giao việc", "Ngày bắt đầu"},
        .help = "Ngày giao nhiệm vụ theo dạng ngày/tháng/năm, không sau thời hạn; để trống là "
                "ngày nhập."},
       {.key = "deadline",
        .heading = "Thời hạn",
        .aliases = {"Thời hạn hoàn thành", "Hạn hoàn thành", "Hạn xử lý"},
        .help = "Nhập thời hạn theo dạng ngày/tháng/năm, ví dụ 15/06/2026; để trống hoặc ghi "
                "“Thường xuyên” nếu nhiệm vụ không có hạn."},
       {.key = "progress_percent",
        .heading = "Tiến độ",
        .aliases = {"Tỷ lệ hoàn thành"},
        .help = "Tiến độ là một số từ 0 đến 100 (%), ví dụ 45 hoặc 45%."},
       {.key = "description", .heading = "Mô tả", .help = "Không bắt buộc."},
       {.key = "timeliness", .heading = "Tình trạng", .ignored = true},
       {.key = "note", .heading = "Ghi chú", .ignored = true}},
      "như tệp xuất từ hệ thống, tải tại Nhiệm vụ → Xuất Excel");
  return kMap;
}

namespace {

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

std::string Quote(const std::string& s) { return "“" + s + "”"; }

// Unit look-up by code or exact name, among the units as they are on `today`.
class UnitMatcher {
 public:
  UnitMatcher(const units::UnitGraph& g, Date today) : g_(g), today_(today) {
    for (const units::Unit& u : g.all()) {
      by_name_[sheets::WordKey(u.name)].push_back(&u);
      by_code_[sheets::WordKey(u.code)].push_back(&u);
    }
  }

  // The unit, or the sentence that says why there is none.
  std::variant<int64_t, std::string> Find(const std::string& raw) const {
    if (const units::Unit* u = g_.FindByCode(raw)) return Check(*u, raw);
    const std::string key = sheets::WordKey(raw);
    for (const auto* index : {&by_code_, &by_name_}) {
      auto it = index->find(key);
      if (it == index->end()) continue;
      std::vector<const units::Unit*> active;
      for (const units::Unit* u : it->second)
        if (u->ActiveOn(today_)) active.push_back(u);
      if (active.size() == 1) return active.front()->id;
      if (active.size() > 1)
        return Say(msg::kImportUnitsAlike, {{"n", static_cast<int64_t>(active.size())},
                                            {"name", Quote(raw)},
                                            {"code", active.front()->code}});
      return Check(*it->second.front(), raw);
    }
    return Say(msg::kImportNoUnit, {{"name", Quote(raw)}});
  }

 private:
  std::variant<int64_t, std::string> Check(const units::Unit& u, const std::string& raw) const {
    if (u.ActiveOn(today_)) return u.id;
    std::string since, successors;
    if (u.valid_to)
      since = Say(msg::kImportEndedSince, {{"date", u.valid_to->AddDays(1).ToVietnamese()}});
    const auto next = g_.SuccessorsOf(u.id);
    for (const auto& s : next)
      if (s.primary)
        if (const units::Unit* succ = g_.Find(s.successor_id))
          successors += Say(msg::kImportSuccessor, {{"name", succ->name}});
    return Say(msg::kImportUnitEnded,
               {{"name", Quote(raw)}, {"since", since}, {"successors", successors}});
  }

  const units::UnitGraph& g_;
  Date today_;
  std::unordered_map<std::string, std::vector<const units::Unit*>> by_name_, by_code_;
};

// A deadline, or none: empty, "Thường xuyên" or "Không thời hạn".
std::optional<Date> Deadline(sheets::RowReader& r) {
  const std::string key = sheets::WordKey(r.Raw("deadline"));
  if (key == "thuong xuyen" || key == "khong thoi han" || key == "khong co thoi han")
    return std::nullopt;
  return r.DateOf("deadline", {.min_year = 1990, .max_year = 2100});
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

// The coordinating units of a row, none twice and not the lead.
void Coordinators(sheets::RowReader& r, const UnitMatcher& units, TaskInput& in) {
  std::vector<int64_t> ids;
  for (const std::string& name : SplitUnits(r.Raw("coordinator_ids"), units)) {
    auto found = units.Find(name);
    const int64_t* id = std::get_if<int64_t>(&found);
    if (!id)
      r.Fail("coordinator_ids", std::get<std::string>(found));
    else if (in.lead_unit_id && *id == *in.lead_unit_id)
      r.Fail("coordinator_ids", Say(msg::kImportLeadAsCoordinator, {{"unit", Quote(name)}}));
    else if (std::find(ids.begin(), ids.end(), *id) != ids.end())
      r.Fail("coordinator_ids", Say(msg::kImportUnitTwice, {{"unit", Quote(name)}}));
    else
      ids.push_back(*id);
  }
  if (!ids.empty()) in.coordinator_ids = std::move(ids);
}

// One task row into an item when the row is right; its problems go to the reader.
void ParseTaskRow(sheets::RowReader& r, const UnitMatcher& units, int heading, TaskBatch& batch) {
  TaskBatch::Item item;
  item.row = r.number();
  item.heading = heading;
  TaskInput& in = item.input;
  in.title = r.Text("title", 1000, Say(msg::kImportTitleAdvice)).value_or("");
  if (std::string d = r.Raw("description"); !d.empty()) in.description = std::move(d);
  if (const auto lead = r.Text("lead_unit_id", 1000)) {
    auto found = units.Find(*lead);
    if (const int64_t* id = std::get_if<int64_t>(&found))
      in.lead_unit_id = *id;
    else
      r.Fail("lead_unit_id", std::get<std::string>(found));
  }
  Coordinators(r, units, in);
  in.deadline = Deadline(r);
  in.start_on = r.DateOf("start_on", {.min_year = 1990, .max_year = 2100});
  if (const auto p = r.Percent("progress_percent", 0, 100))
    item.progress_percent = static_cast<int>(std::lround(*p));
  if (r.ok()) batch.items.push_back(std::move(item));
}

// A task group heading ("I", "II.1" with only a title): opens it and returns true.
bool GroupHeading(const sheets::RowReader& r, TaskBatch& batch, std::vector<int>& open,
                  int& heading) {
  const std::string title = r.Raw("title");
  const int depth = HeadingDepth(r.Raw("stt"));
  if (depth < 0 || title.empty()) return false;
  for (const char* key :
       {"lead_unit_id", "coordinator_ids", "start_on", "deadline", "progress_percent"})
    if (!r.Raw(key).empty()) return false;
  open.resize(std::min<size_t>(open.size(), static_cast<size_t>(depth)));
  const int parent = open.empty() ? -1 : open.back();
  batch.headings.push_back({title, parent, r.number()});
  heading = static_cast<int>(batch.headings.size()) - 1;
  open.push_back(heading);
  return true;
}

}  // namespace

std::string ColumnOfField(std::string_view field) {
  const sheets::ColumnSpec* c =
      TaskImportColumns().Find(field == "recurrence" ? "deadline" : field);
  return c && !c->ignored ? c->heading : "";
}

Result<ParsedSheet> ParseTaskSheet(const sheets::Sheet& sheet, const units::UnitGraph& g,
                                   Date today) {
  ParsedSheet out;
  const UnitMatcher units(g, today);
  std::vector<int> open;  // the heading at each depth, for nesting
  int heading = -1;
  DH_ASSIGN_OR_RETURN(out.errors, sheets::ParseRows(sheet, TaskImportColumns(), kMaxImportTasks,
                                                    "nhiệm vụ", [&](sheets::RowReader& r) {
                                                      if (GroupHeading(r, out.batch, open, heading))
                                                        return false;
                                                      ParseTaskRow(r, units, heading, out.batch);
                                                      return true;
                                                    }));
  return out;
}

namespace {

// Rows matching tasks already in the directive: found (also on a dry run, for the page to
// ask), then left out or created again as the request says. True: the request said
// nothing and the import is to be refused (MatchesConflict) once the rest is checked.
Result<bool> HandleMatches(const TaskService& service, const auth::Principal& who,
                           const ImportRequest& req, TaskBatch& batch, ImportOutcome& outcome) {
  if (req.on_match != "" && req.on_match != "skip" && req.on_match != "create" &&
      req.on_match != "update")
    return Status::InvalidInput("on_match", Say(msg::kChooseHowTreatDuplicateRows));
  DH_ASSIGN_OR_RETURN(outcome.matches, MatchExisting(service, who, batch));
  if (outcome.matches.empty() || req.on_match == "create") return false;
  if (req.on_match == "update") {  // tasksa: matched rows update their tasks
    for (const ImportMatch& m : outcome.matches)
      batch.updates.push_back({batch.items[m.item], m.task_id});
    DropMatched(batch, outcome.matches);
    return false;
  }
  if (req.on_match == "skip") {
    outcome.skipped = static_cast<int64_t>(outcome.matches.size());
    DropMatched(batch, outcome.matches);
    return false;
  }
  return !batch.dry_run;
}

Status MatchesConflict(const ImportOutcome& outcome) {
  return Status::Conflict(
      Say(msg::kImportMatchesExisting, {{"n", static_cast<int64_t>(outcome.matches.size())},
                                        {"row", std::to_string(outcome.matches.front().row)},
                                        {"title", outcome.matches.front().title}}),
      "matches_existing");
}

}  // namespace

Result<ImportOutcome> ImportTasks(TaskService& service, const units::UnitGraph& g,
                                  const auth::Principal& who, const ImportRequest& req) {
  if (!req.directive_id)
    return Status::InvalidInput("directive_id", Say(msg::kChooseDirectiveImportTasksInto));
  DH_ASSIGN_OR_RETURN(sheets::Sheet sheet,
                      sheets::ReadUpload(req.bytes, req.content_type, TaskImportColumns().Names()));
  DH_ASSIGN_OR_RETURN(ParsedSheet parsed, ParseTaskSheet(sheet, g, service.Today()));

  TaskBatch& batch = parsed.batch;
  batch.directive_id = *req.directive_id;
  batch.group_id = req.group_id;
  batch.source_sha256 = Sha256Hex(req.bytes);
  batch.source_name = req.file_name.empty() ? "tệp tải lên" : req.file_name;
  // With rows already wrong, the rest is still checked (scope, directive) but never written.
  batch.dry_run = req.dry_run || !parsed.errors.empty();

  ImportOutcome outcome;
  DH_ASSIGN_OR_RETURN(const bool refuse, HandleMatches(service, who, req, batch, outcome));
  if (refuse) batch.dry_run = true;  // tasksreport: checked whole, then refused
  if (batch.items.empty() && batch.updates.empty() && outcome.skipped > 0 &&
      parsed.errors.empty()) {
    outcome.ok = true;  // every row was a task already there
    return outcome;
  }
  std::vector<BatchError> batch_errors;
  if (!batch.items.empty() || !batch.updates.empty() || parsed.errors.empty()) {
    auto created = service.CreateBatch(who, batch, &batch_errors);
    if (!created.ok() && batch_errors.empty()) return created.status();  // not a row's fault
    if (created.ok()) {
      outcome.valid_rows = created->created;
      outcome.groups_created = created->groups_created;
      if (!batch.dry_run) outcome.imported = created->created;
      outcome.updated = created->updated;  // on a dry run: would be updated
    }
  }
  outcome.errors = std::move(parsed.errors);
  for (const BatchError& e : batch_errors)
    outcome.errors.push_back({e.row, ColumnOfField(e.field), e.message});
  sheets::SortByRow(outcome.errors);
  outcome.ok = outcome.errors.empty();
  if (refuse && outcome.ok) return MatchesConflict(outcome);
  return outcome;
}

}  // namespace dh::tasks
