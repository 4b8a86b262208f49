// Column maps: what an importer declares about its table, and where those columns sit in
// an uploaded sheet. A feature lists its columns (key, the Vietnamese heading it prints,
// the other headings offices use, required or not, help for the import page); FindHeader
// finds the heading row and matches headings to columns.
//
// Headings are matched on a key: folded to ASCII without case or diacritics, what is in
// brackets dropped ("Tiến độ (%)" is "Tiến độ"), punctuation, spaces and line breaks
// between words counted as one space ("Đơn vị\nphối  hợp" is "don vi phoi hop"). A
// heading no column declares is not an error: it is ignored and listed in
// Header::unknown, so that an import page can say which columns it did not read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "sheets/sheet.h"

namespace dh::sheets {

struct ColumnSpec {
  std::string key;                        // the feature's name for it, e.g. "lead_unit_id"
  std::string heading;                    // as printed and named in errors: "Đơn vị chủ trì"
  std::vector<std::string> aliases = {};  // other headings offices write: "Cơ quan chủ trì"
  bool required = false;  // the heading row must have it, and every row a value in it
  std::string help = {};  // for the import page, and added to a wrong value's message
  // The column in a sentence, as it starts one ("Tên nhiệm vụ"); the heading when empty.
  std::string noun = {};
  // Recognised and left unread (derived by the system, such as "Tình trạng"): not listed
  // as unknown, and a row with values only here counts as blank.
  bool ignored = false;
};

// Folded to ASCII without case or diacritics, anything but letters and digits as one space
// between words: "Sở Xây dựng," → "so xay dung".
std::string WordKey(std::string_view s);
// WordKey without what is in brackets: "Tiến độ (%)" → "tien do".
std::string HeadingKey(std::string_view heading);

class ColumnMap {
 public:
  // `template_hint` ends the "no heading row" message: where to get a file in the right
  // layout ("như tệp xuất từ hệ thống, tải tại Nhiệm vụ → Xuất Excel").
  explicit ColumnMap(std::vector<ColumnSpec> columns, std::string template_hint = "");

  const std::vector<ColumnSpec>& columns() const { return columns_; }
  // The column declared as `key`; nullptr when none is.
  const ColumnSpec* Find(std::string_view key) const;
  // The index of the column a heading names, by heading or alias.
  std::optional<size_t> Match(std::string_view heading) const;
  // "STT, Nhiệm vụ, …": the columns read, for ReadUpload's advice.
  std::string Names() const;
  const std::string& template_hint() const { return template_hint_; }

 private:
  std::vector<ColumnSpec> columns_;
  std::string template_hint_;
  std::vector<std::pair<std::string, size_t>> keys_;  // heading keys, sorted
};

struct Header {
  size_t heading_row = 0;  // index in Sheet::rows
  size_t first_row = 0;    // of the data, past the "(1) (2) (3)" line officials add
  std::vector<std::optional<size_t>> sheet_column;  // per ColumnSpec, in its order
  std::vector<std::string> unknown;                 // headings no column declares
};

// The heading row: the first of the sheet's first 50 rows that has every required column.
// InvalidInput ("no_header_row", field "file") when none has: naming the required columns,
// and those missing from the row that came closest.
Result<Header> FindHeader(const Sheet& sheet, const ColumnMap& map);

// The first code point in lower case ("Thời hạn" → "thời hạn"), for a noun mid-sentence.
std::string LowerFirst(std::string_view s);

}  // namespace dh::sheets
