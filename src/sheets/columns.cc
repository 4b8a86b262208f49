#include "sheets/columns.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/text.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {
namespace {

constexpr size_t kHeaderSearchRows = 50;

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }

// “A”, “B” và “C”.
std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    const char* last = CurrentLang() == Lang::kEn ? " and " : " và ";
    if (i > 0) out += i + 1 == names.size() ? last : ", ";
    out += Quote(names[i]);
  }
  return out;
}

// The "(1) (2) (3) …" line officials put under the heading row.
bool IsColumnNumbers(const SheetRow& row) {
  bool any = false;
  for (const SheetCell& c : row.cells) {
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

struct Candidate {
  Header header;
  size_t required_found = 0, found = 0;
};

Candidate Match(const SheetRow& row, const ColumnMap& map) {
  Candidate c;
  c.header.sheet_column.resize(map.columns().size());
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const std::string heading = text::Trim(row.cells[i].text);
    if (heading.empty()) continue;
    const std::optional<size_t> col = map.Match(heading);
    if (!col) {
      c.header.unknown.push_back(heading);
      continue;
    }
    if (c.header.sheet_column[*col]) continue;  // the first of two alike counts
    c.header.sheet_column[*col] = i;
    ++c.found;
    if (map.columns()[*col].required) ++c.required_found;
  }
  return c;
}

Status NoHeader(const ColumnMap& map, const Candidate* closest, int closest_row) {
  std::vector<std::string> required, missing;
  for (size_t i = 0; i < map.columns().size(); ++i) {
    if (!map.columns()[i].required) continue;
    required.push_back(map.columns()[i].heading);
    if (closest && !closest->header.sheet_column[i]) missing.push_back(map.columns()[i].heading);
  }
  std::string message = Say(
      msg::kNoHeader,
      {{"required", QuotedList(required)},
       {"hint", map.template_hint().empty()
                    ? std::string()
                    : Say(msg::kTemplateHint, {{"template", Label{map.template_hint(), ""}}})}});
  if (closest)
    message += Say(msg::kClosestHeader,
                   {{"row", std::to_string(closest_row)}, {"missing", QuotedList(missing)}});
  return Status::InvalidInput("file", message, "no_header_row");
}

}  // namespace

std::string HeadingKey(std::string_view heading) {
  std::string name(heading);
  for (size_t open = name.find('('); open != std::string::npos; open = name.find('(')) {
    const size_t close = name.find(')', open);
    name.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  return WordKey(name);
}

std::string WordKey(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : text::FoldForSearch(s)) {
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

std::string LowerFirst(std::string_view s) {
  if (s.empty()) return "";
  int32_t at = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  if (c < 0) return std::string(s);
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, u_tolower(c), error);
  if (error) return std::string(s);
  return std::string(buf, static_cast<size_t>(n)) + std::string(s.substr(static_cast<size_t>(at)));
}

ColumnMap::ColumnMap(std::vector<ColumnSpec> columns, std::string template_hint)
    : columns_(std::move(columns)), template_hint_(std::move(template_hint)) {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].noun.empty()) columns_[i].noun = columns_[i].heading;
    keys_.emplace_back(HeadingKey(columns_[i].heading), i);
    for (const std::string& a : columns_[i].aliases) keys_.emplace_back(HeadingKey(a), i);
  }
  std::stable_sort(keys_.begin(), keys_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

const ColumnSpec* ColumnMap::Find(std::string_view key) const {
  for (const ColumnSpec& c : columns_)
    if (c.key == key) return &c;
  return nullptr;
}

std::optional<size_t> ColumnMap::Match(std::string_view heading) const {
  const std::string key = HeadingKey(heading);
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key,
                             [](const auto& e, const std::string& k) { return e.first < k; });
  if (it == keys_.end() || it->first != key || key.empty()) return std::nullopt;
  return it->second;
}

std::string ColumnMap::Names() const {
  std::string out;
  for (const ColumnSpec& c : columns_)
    if (!c.ignored) out += (out.empty() ? "" : ", ") + c.heading;
  return out;
}

Result<Header> FindHeader(const Sheet& sheet, const ColumnMap& map) {
  size_t required = 0;
  for (const ColumnSpec& c : map.columns()) required += c.required;
  std::optional<Candidate> closest;
  int closest_row = 0;
  for (size_t at = 0; at < sheet.rows.size() && at < kHeaderSearchRows; ++at) {
    Candidate c = Match(sheet.rows[at], map);
    if (c.required_found == required && c.found > 0) {
      c.header.heading_row = at;
      c.header.first_row = at + 1;
      if (at + 1 < sheet.rows.size() && IsColumnNumbers(sheet.rows[at + 1])) ++c.header.first_row;
      return std::move(c.header);
    }
    if (c.required_found > 0 && (!closest || c.required_found > closest->required_found)) {
      closest = std::move(c);
      closest_row = sheet.rows[at].number;
    }
  }
  return NoHeader(map, closest ? &*closest : nullptr, closest_row);
}

}  // namespace dh::sheets
