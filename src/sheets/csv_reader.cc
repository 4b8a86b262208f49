// CSV as offices save it from Excel: see sheet.h. Bounded like the .xlsx reader.
#include "core/text.h"
#include "sheets/sheet.h"
#include "sheets/sheet_budget.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {
namespace {

// The separator the first lines use most, outside quotes: ',' or ';' (or a tab).
char GuessSeparator(std::string_view s) {
  size_t counts[3] = {0, 0, 0};
  const char seps[3] = {',', ';', '\t'};
  bool quoted = false;
  int lines = 0;
  for (size_t i = 0; i < s.size() && lines < 20; ++i) {
    const char c = s[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') ++lines;
    for (int k = 0; k < 3; ++k) counts[k] += c == seps[k];
  }
  int best = 0;
  for (int k = 1; k < 3; ++k)
    if (counts[k] > counts[best]) best = k;
  return seps[best];
}

// What a CSV that is not UTF-8 most likely is, and how to save it as UTF-8.
Status NotUtf8(std::string_view bytes) {
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  return Status::InvalidInput(
      "file", Say(utf16 ? msg::kCsvUtf16 : msg::kCsvLegacy) + Say(msg::kSaveAsUtf8), "not_utf8");
}

Status UnclosedQuote(int record) {
  return Status::InvalidInput("file", Say(msg::kUnclosedQuote, {{"row", std::to_string(record)}}),
                              "bad_csv");
}

std::string_view TrimView(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool Blank(const SheetRow& r) {
  for (const SheetCell& c : r.cells)
    if (!text::Trim(c.text).empty()) return false;
  return true;
}

// Cells are made only for values: a line of separators holds nothing.
class CsvBuilder {
 public:
  CsvBuilder(const ReadLimits& limits, const RowSink* sink) : budget_(limits), sink_(sink) {
    sheet.name = "CSV";
    budget_.Mark();
  }
  Sheet sheet;
  SheetRow row{1, {}};
  std::string field;
  bool was_quoted = false;

  Status EndField() {
    DH_RETURN_IF_ERROR(budget_.Text(field.size()));
    // The value trimmed in place and copied into the row's cell: a streamed read reuses
    // the row's cells and their strings, so a row costs no allocation.
    std::string_view text = field;
    if (!was_quoted) text = TrimView(text);
    was_quoted = false;
    const size_t column = column_++;
    if (text.empty()) return field.clear(), Status::Ok();
    if (!budget_.ColumnFits(column))
      return budget_.Column(column, Say(msg::kColumnRow, {{"column", std::to_string(column + 1)},
                                                          {"row", std::to_string(row.number)}}));
    DH_RETURN_IF_ERROR(budget_.Cells(row.cells.size(), column + 1));
    row.cells.resize(column + 1);
    row.cells[column].text.assign(text);
    field.clear();
    return Status::Ok();
  }

  Status EndRow(int next_number) {
    DH_RETURN_IF_ERROR(EndField());
    if (!Blank(row)) {
      DH_RETURN_IF_ERROR(budget_.Row(rows_++));
      if (sink_) {
        DH_RETURN_IF_ERROR((*sink_)(std::move(row)));  // a sink that keeps the row moves it
        budget_.BackToMark();
      } else {
        sheet.rows.push_back(std::move(row));
      }
    }
    row.number = next_number;
    row.cells.clear();  // the capacity stays for the next row
    column_ = 0;
    return Status::Ok();
  }

 private:
  SheetBudget budget_;
  const RowSink* sink_;
  size_t column_ = 0;  // of the field being read
  size_t rows_ = 0;    // with a value, so far
};

}  // namespace

Result<Sheet> ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  return ReadCsvTo(bytes, limits, nullptr);
}

Result<Sheet> ReadCsvTo(std::string_view bytes, const ReadLimits& limits, const RowSink* sink) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!text::IsValidUtf8(bytes)) return NotUtf8(bytes);
  const char sep = GuessSeparator(bytes);
  CsvBuilder b(limits, sink);
  bool quoted = false;
  int record = 1, quote_opened_at = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        b.field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        b.field.push_back(c);
      }
    } else if (c == '"' && text::Trim(b.field).empty()) {
      b.field.clear();
      quoted = b.was_quoted = true;
      quote_opened_at = record;
    } else if (c == sep) {
      DH_RETURN_IF_ERROR(b.EndField());
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      DH_RETURN_IF_ERROR(b.EndRow(++record));
    } else {
      b.field.push_back(c);
    }
  }
  if (quoted) return UnclosedQuote(quote_opened_at);
  if (!b.field.empty() || !b.row.cells.empty()) DH_RETURN_IF_ERROR(b.EndRow(record + 1));
  return std::move(b.sheet);
}

UploadKind SniffUpload(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
      bytes.starts_with(std::string_view("PK\x05\x06", 4)))
    return UploadKind::kXlsx;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return UploadKind::kXls;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return UploadKind::kCsv;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.empty()) return UploadKind::kUnknown;
  // Text in any 8-bit encoding: no control characters but tab and line ends. ReadCsv
  // then says whether it needs saving as UTF-8.
  for (unsigned char c : bytes)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return UploadKind::kUnknown;
  return UploadKind::kCsv;
}

}  // namespace dh::sheets
