#include "sheets/worksheet.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/date.h"
#include "core/text.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {
namespace {

Status BadCell(const std::string& ref, const MessageText& what) {
  return Status::InvalidInput("file", Say(msg::kBadCell, {{"ref", ref}, {"what", &what}}),
                              "bad_xlsx");
}

std::string NumberText(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Finite numbers only: "nan" and "inf" are not numbers a cell can hold.
std::optional<double> ParseFinite(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

bool IsNonFinite(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && !std::isfinite(v);
}

std::string ColumnName(size_t column) {
  std::string name;
  for (size_t c = column + 1; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

// One <c> as read so far. One RawCell is reused for every cell of the sheet (its strings
// keep their capacity): nothing is allocated per cell to read it.
struct RawCell {
  int row = 0;
  size_t column = 0;
  std::string type;  // the t attribute
  size_t style = 0;
  std::string value;    // <v>
  std::string inline_;  // <is>
  bool has_value = false;

  // "B7": the cell's name, for messages only.
  std::string Ref() const { return ColumnName(column) + std::to_string(row); }
  void Reset(int in_row, size_t at_column) {
    row = in_row, column = at_column, style = 0, has_value = false;
    type.clear(), value.clear(), inline_.clear();
  }
};

Result<SheetCell> ToCell(const RawCell& raw, const WorkbookParts& parts) {
  SheetCell cell;
  const std::string& t = raw.type;
  if (t == "s") {
    const auto index = ParseFinite(raw.value);
    if (!index || *index < 0 || *index >= static_cast<double>(parts.shared.size()))
      return BadCell(raw.Ref(), msg::kCellSharedString);
    cell.text = parts.shared[static_cast<size_t>(*index)];
  } else if (t == "inlineStr") {
    cell.text = raw.inline_;
  } else if (t == "str" || t == "e") {
    cell.text = raw.value;
  } else if (t == "b") {
    cell.text = raw.value == "1" ? "TRUE" : "FALSE";
  } else if (t == "d") {
    // An ISO 8601 date, as a few tools write: keep it a date.
    cell.text = raw.value;
    if (auto d = Date::Parse(std::string_view(raw.value).substr(0, 10))) {
      cell.number = ExcelSerial(d->days());
      cell.date = true;
    }
  } else if (!raw.value.empty()) {
    cell.number = ParseFinite(raw.value);
    // "nan" and "inf" are no numbers a cell can hold: kept as the text written, for the
    // importer to report on its row like any other wrong value.
    if (!cell.number && !IsNonFinite(raw.value)) return BadCell(raw.Ref(), msg::kCellNumber);
    cell.text = cell.number ? NumberText(*cell.number) : raw.value;
    if (!cell.number) return cell;
    if (raw.style < parts.kinds.size()) {
      cell.percent = parts.kinds[raw.style] == NumberKind::kPercent;
      cell.date = parts.kinds[raw.style] == NumberKind::kDate;
    }
  }
  return cell;
}

bool Blank(const SheetRow& r) {
  for (const SheetCell& c : r.cells)
    if (c.number || !text::Trim(c.text).empty()) return false;
  return true;
}

}  // namespace

bool ParseCellRef(std::string_view ref, size_t* column, int* row) {
  size_t col = 0, i = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    col =
        col * 26 + static_cast<size_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0 || col > 16384) return false;
  int r = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || p != ref.data() + ref.size() || r < 1 || r > 1048576) return false;
  *column = col - 1;
  *row = r;
  return true;
}

Status StreamXml(const ZipPackage& zip, const std::string& part, size_t limit,
                 XmlHandler& handler) {
  XmlStream xml(handler, part);
  DH_RETURN_IF_ERROR(zip.Stream(part, limit, [&](std::string_view c) { return xml.Feed(c); }));
  return xml.Finish();
}

namespace {

// <sheetData><row r="…"><c r="…" t="…" s="…"><v>…</v> or <is><t>…</t></is></c></row>
class WorksheetHandler : public XmlHandler {
 public:
  WorksheetHandler(const WorkbookParts& parts, SheetBudget& budget, const RowSink* sink)
      : parts_(parts), budget_(budget), sink_(sink) {}
  Sheet sheet;

  Status Start(std::string_view name, const char** attrs) override {
    if (name == "row") return StartRow(Attr(attrs, "r"));
    if (name == "c") return in_row_ ? StartCell(attrs) : Status::Ok();
    if (!in_cell_) return Status::Ok();
    if (name == "v") text_ = &cell_.value;
    if (name == "rPh") ++phonetic_;
    if (name == "t" && in_inline_ && phonetic_ == 0) text_ = &cell_.inline_;
    if (name == "is") in_inline_ = true;
    return Status::Ok();
  }

  Status End(std::string_view name) override {
    if (name == "v" || name == "t") text_ = nullptr;
    if (name == "rPh") --phonetic_;
    if (name == "is") in_inline_ = false;
    if (name == "c" && in_cell_) return EndCell();
    if (name == "row" && in_row_) return EndRow();
    return Status::Ok();
  }

  Status Text(std::string_view text) override {
    if (!text_) return Status::Ok();
    DH_RETURN_IF_ERROR(budget_.Text(text.size()));
    text_->append(text);
    cell_.has_value = true;
    return Status::Ok();
  }

 private:
  Status StartRow(std::string_view r) {
    int number = next_row_;
    if (!r.empty()) {
      auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
      if (ec != std::errc() || p != r.data() + r.size() || number < next_row_ || number > 1048576)
        return BadCell(Say(msg::kRowRef, {{"row", std::string(r)}}), msg::kCellRowOrder);
    }
    row_.number = number;
    row_.cells.clear();  // its capacity kept: no allocation per row
    next_row_ = number + 1;
    next_col_ = 0;
    in_row_ = true;
    return Status::Ok();
  }

  Status StartCell(const char** attrs) {
    cell_.Reset(row_.number, next_col_);
    const std::string_view ref = Attr(attrs, "r");
    int ref_row = row_.number;
    if (!ref.empty() && (!ParseCellRef(ref, &cell_.column, &ref_row) || ref_row != row_.number))
      return BadCell(std::string(ref), msg::kCellAddress);
    cell_.type.assign(Attr(attrs, "t"));
    const std::string_view s = Attr(attrs, "s");
    std::from_chars(s.data(), s.data() + s.size(), cell_.style);
    next_col_ = cell_.column + 1;
    in_cell_ = true;
    return Status::Ok();
  }

  Status EndCell() {
    in_cell_ = false;
    text_ = nullptr;
    if (!cell_.has_value) return Status::Ok();  // formatting only: nothing held
    DH_ASSIGN_OR_RETURN(SheetCell cell, ToCell(cell_, parts_));
    if (!cell.number && cell.text.empty()) return Status::Ok();
    // A shared string is held again by each cell that uses it.
    if (cell_.type == "s") DH_RETURN_IF_ERROR(budget_.Text(cell.text.size()));
    if (!budget_.ColumnFits(cell_.column)) return budget_.Column(cell_.column, cell_.Ref());
    if (row_.cells.size() <= cell_.column) {
      DH_RETURN_IF_ERROR(budget_.Cells(row_.cells.size(), cell_.column + 1));
      row_.cells.resize(cell_.column + 1);
    }
    row_.cells[cell_.column] = std::move(cell);
    return Status::Ok();
  }

  Status EndRow() {
    in_row_ = false;
    if (Blank(row_)) return Status::Ok();
    DH_RETURN_IF_ERROR(budget_.Row(rows_++));
    if (!sink_) {
      sheet.rows.push_back(std::move(row_));
      return Status::Ok();
    }
    DH_RETURN_IF_ERROR((*sink_)(std::move(row_)));
    budget_.BackToMark();
    return Status::Ok();
  }

  const WorkbookParts& parts_;
  SheetBudget& budget_;
  const RowSink* sink_;
  size_t rows_ = 0;  // with a value, so far
  SheetRow row_;
  RawCell cell_;
  std::string* text_ = nullptr;  // where text goes now, if anywhere
  int next_row_ = 1;
  size_t next_col_ = 0;
  int phonetic_ = 0;
  bool in_row_ = false, in_cell_ = false, in_inline_ = false;
};

}  // namespace

Result<Sheet> ReadWorksheet(const ZipPackage& zip, const std::string& part,
                            const WorkbookParts& parts, SheetBudget& budget,
                            const ReadLimits& limits, const RowSink* sink) {
  WorksheetHandler handler(parts, budget, sink);
  budget.Mark();
  DH_RETURN_IF_ERROR(StreamXml(zip, part, limits.max_part_bytes, handler));
  return std::move(handler.sheet);
}

}  // namespace dh::sheets
