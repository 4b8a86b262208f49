#include "sheets/rows.h"

#include <algorithm>
#include <cassert>

#include "core/common_messages.h"
#include "core/message.h"
#include "core/money.h"
#include "core/text.h"

namespace dh::sheets {
namespace {

constexpr MessageText kMissingCell{
    "sheets.missing",
    "Thiếu {noun}.",
    "{noun} is missing.",
};
constexpr MessageText kTooManyRows{
    "sheets.too_many_rows",
    "Mỗi lần nhập tối đa {max} {what}; hãy chia tệp thành nhiều phần.",
    "At most {max} {what} can be imported at once; split the file into parts.",
};

}  // namespace

void SortByRow(RowErrors& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
}

boost::json::object RowErrorsBody(const RowErrors& errors, std::string_view what) {
  boost::json::array list;
  for (const RowError& e : errors)
    list.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message}});
  const std::string message =
      Say(dh::msg::kInvalidRows,
          {{"n", static_cast<int64_t>(errors.size())}, {"what", Label{std::string(what), ""}}});
  return boost::json::object{{"ok", false},
                             {"errors", std::move(list)},
                             {"error", {{"code", "invalid_rows"}, {"message", message}}}};
}

RowReader::RowReader(const SheetRow& row, const Header& header, const ColumnMap& map,
                     RowErrors& errors)
    : row_(row), header_(header), map_(map), errors_(errors), errors_before_(errors.size()) {}

const ColumnSpec& RowReader::Column(std::string_view key) const {
  const ColumnSpec* c = map_.Find(key);
  assert(c && "a column the feature did not declare");
  return *c;
}

const SheetCell* RowReader::Cell(std::string_view key) const {
  const ColumnSpec& c = Column(key);
  const size_t index = static_cast<size_t>(&c - map_.columns().data());
  const std::optional<size_t> at = header_.sheet_column[index];
  return at ? row_.At(*at) : nullptr;
}

std::string RowReader::Raw(std::string_view key) const {
  const SheetCell* c = Cell(key);
  return c ? text::Trim(c->text) : "";
}

bool RowReader::Blank() const {
  for (size_t i = 0; i < map_.columns().size(); ++i) {
    if (map_.columns()[i].ignored || !header_.sheet_column[i]) continue;
    const SheetCell* c = row_.At(*header_.sheet_column[i]);
    if (c && (c->number || !text::Trim(c->text).empty())) return false;
  }
  return true;
}

void RowReader::Fail(std::string_view key, std::string message) {
  errors_.push_back({row_.number, Column(key).heading, std::move(message)});
}

template <class T>
std::optional<T> RowReader::Keep(std::string_view key, Parsed<T> parsed) {
  if (!parsed.ok()) {
    Fail(key, std::move(parsed.error));
    return std::nullopt;
  }
  if (!parsed.value && Column(key).required)
    Fail(key, Say(kMissingCell, {{"noun", Label{LowerFirst(Column(key).noun),
                                                LabelIn(Column(key).noun, Lang::kEn)}}}));
  return std::move(parsed.value);
}

std::optional<std::string> RowReader::Text(std::string_view key, size_t max_chars,
                                           std::string_view advice) {
  return Keep(key, ReadText(Cell(key), Column(key), max_chars, advice));
}

std::optional<int64_t> RowReader::Integer(std::string_view key, int64_t min, int64_t max) {
  return Keep(key, ReadInteger(Cell(key), Column(key), min, max));
}

std::optional<Date> RowReader::DateOf(std::string_view key, DateRule rule) {
  return Keep(key, ReadDate(Cell(key), Column(key), rule));
}

std::optional<double> RowReader::Percent(std::string_view key, double min, double max) {
  return Keep(key, ReadPercent(Cell(key), Column(key), min, max));
}

std::optional<Money> RowReader::MoneyOf(std::string_view key, MoneyRule rule) {
  return Keep(key, ReadMoney(Cell(key), Column(key), rule));
}

namespace {

// One row of ForEachRow and StreamRows: blank ones left out, PayloadTooLarge past max_rows.
struct RowCounter {
  const Header& header;
  const ColumnMap& map;
  size_t max_rows;
  std::string_view what;
  RowErrors& errors;
  const std::function<bool(RowReader&)>& parse;
  size_t counted = 0;

  Status operator()(const SheetRow& row) {
    RowReader reader(row, header, map, errors);
    if (reader.Blank()) return Status::Ok();
    if (counted >= max_rows)
      return Status::PayloadTooLarge(Say(kTooManyRows, {{"max", static_cast<int64_t>(max_rows)},
                                                        {"what", Label{std::string(what), ""}}}));
    if (parse(reader)) ++counted;
    return Status::Ok();
  }
};

// The rows FindHeader looks at, and the one after them (the "(1) (2) (3)" line).
constexpr size_t kHeadRows = 51;

}  // namespace

Status ForEachRow(const Sheet& sheet, const Header& header, const ColumnMap& map, size_t max_rows,
                  std::string_view what, RowErrors& errors,
                  const std::function<bool(RowReader&)>& parse) {
  RowCounter each{header, map, max_rows, what, errors, parse};
  for (size_t at = header.first_row; at < sheet.rows.size(); ++at)
    DH_RETURN_IF_ERROR(each(sheet.rows[at]));
  return Status::Ok();
}

Result<RowErrors> ParseRows(const Sheet& sheet, const ColumnMap& map, size_t max_rows,
                            std::string_view what, const std::function<bool(RowReader&)>& parse) {
  DH_ASSIGN_OR_RETURN(const Header header, FindHeader(sheet, map));
  RowErrors errors;
  DH_RETURN_IF_ERROR(ForEachRow(sheet, header, map, max_rows, what, errors, parse));
  return errors;
}

Result<RowErrors> ReadRows(std::string_view bytes, std::string_view content_type,
                           const ColumnMap& map, size_t max_rows, std::string_view what,
                           const std::function<bool(RowReader&)>& parse) {
  DH_ASSIGN_OR_RETURN(const Sheet sheet, ReadUpload(bytes, content_type, map.Names()));
  return ParseRows(sheet, map, max_rows, what, parse);
}

Result<RowErrors> StreamRows(std::string_view bytes, std::string_view content_type,
                             const ColumnMap& map, const ReadLimits& limits, size_t max_rows,
                             size_t max_errors, std::string_view what,
                             const std::function<bool(RowReader&)>& parse) {
  Sheet head;  // the first rows, held until the heading row is found
  std::optional<Header> header;
  std::optional<RowCounter> each;
  RowErrors errors;
  bool enough = false;  // max_errors reached: the read was stopped on purpose
  const auto found = [&]() -> Status {
    DH_ASSIGN_OR_RETURN(header, FindHeader(head, map));
    each.emplace(RowCounter{*header, map, max_rows, what, errors, parse});
    for (size_t at = header->first_row; at < head.rows.size(); ++at)
      DH_RETURN_IF_ERROR((*each)(head.rows[at]));
    head.rows.clear();
    return Status::Ok();
  };
  const Status read = StreamUpload(bytes, content_type, map.Names(), limits, [&](SheetRow&& row) {
    if (!each) {
      head.rows.push_back(std::move(row));
      return head.rows.size() < kHeadRows ? Status::Ok() : found();
    }
    DH_RETURN_IF_ERROR((*each)(row));
    enough = errors.size() >= max_errors;
    return enough ? Status::PayloadTooLarge("") : Status::Ok();  // stops the read
  });
  if (enough) return errors;
  DH_RETURN_IF_ERROR(read);
  if (!each) DH_RETURN_IF_ERROR(found());
  return errors;
}

boost::json::array ColumnHelp(const ColumnMap& map) {
  boost::json::array out;
  for (const ColumnSpec& c : map.columns()) {
    if (c.ignored) continue;
    boost::json::array aliases;
    for (const std::string& a : c.aliases) aliases.push_back(boost::json::string(a));
    out.push_back({{"heading", c.heading},
                   {"aliases", std::move(aliases)},
                   {"required", c.required},
                   {"help", c.help}});
  }
  return out;
}

}  // namespace dh::sheets
