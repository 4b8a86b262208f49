#include "sheets/table_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "core/text.h"
#include "sheets/sheet.h"

namespace dh::sheets {
namespace {

// Layout: title block (rows 0–2, a thin row 3), headings, column numbers, then data.
constexpr lxw_row_t kHeaderRow = 4;
constexpr lxw_row_t kFirstDataRow = 6;
constexpr double kLineHeight = 15.75;  // points, one line of 12 pt Times New Roman
constexpr const char* kFont = "Times New Roman";

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

std::string KindFormat(const TableColumn& c, size_t value_index) {
  if (!c.number_format.empty() && value_index != 1) return c.number_format;
  switch (value_index) {
    case 2:
      return c.kind == CellKind::kMoney ? "#,##0" : "";
    case 3:
      return "dd/mm/yyyy";
    case 4:
      return c.kind == CellKind::kPercent ? "0%" : "";
    default:
      return "";
  }
}

}  // namespace

struct TableWriter::Impl {
  std::string path;
  std::vector<TableColumn> columns;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_row_t row = kFirstDataRow;
  lxw_col_t last_col = 0;
  lxw_format *title = nullptr, *subtitle = nullptr, *header = nullptr, *colnum = nullptr;
  lxw_format *heading_num = nullptr, *heading_text = nullptr;
  // By column, kind of value, colour and boldness.
  std::map<std::tuple<size_t, size_t, std::optional<Colour>, bool>, lxw_format*> cells;
  std::vector<int64_t> totals;
  std::string totals_label;

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
    heading_num = Format(12, true, false, LXW_ALIGN_CENTER, true);
    heading_text = Format(12, true, true, LXW_ALIGN_LEFT, true);
  }

  // The format of a value (variant index `kind`) in column `c`, made once.
  lxw_format* CellFormat(size_t c, size_t kind, const std::optional<Colour>& colour,
                         bool bold = false) {
    auto [it, added] = cells.try_emplace({c, kind, colour, bold}, nullptr);
    if (!added) return it->second;
    const TableColumn& col = columns[c];
    const bool number = kind >= 2 || (kind == 0 && col.kind != CellKind::kText);
    const uint8_t align = col.center ? LXW_ALIGN_CENTER : number ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT;
    lxw_format* f = Format(12, bold, kind <= 1, align, true);
    if (const std::string nf = KindFormat(col, kind); !nf.empty())
      format_set_num_format(f, nf.c_str());
    if (colour) {
      format_set_bg_color(f, colour->fill);
      format_set_font_color(f, colour->text);
    }
    return it->second = f;
  }

  void PageSetup() {
    for (lxw_col_t c = 0; c <= last_col; ++c)
      worksheet_set_column(ws, c, c, columns[c].width, nullptr);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_margins(ws, 0.5, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow + 1);
    worksheet_freeze_panes(ws, kFirstDataRow, 0);
    worksheet_set_footer(ws, "&C&\"Times New Roman,Regular\"&10Trang &P/&N");
  }

  double TotalWidth(size_t from) const {
    double w = 0;
    for (size_t c = from; c < columns.size(); ++c) w += columns[c].width;
    return w;
  }

  // Text across the whole table (one cell when it has one column).
  Status Across(lxw_row_t r, const std::string& text, lxw_format* f, const char* what) {
    if (last_col == 0) return Lxw(worksheet_write_string(ws, r, 0, text.c_str(), f), what);
    return Lxw(worksheet_merge_range(ws, r, 0, r, last_col, text.c_str(), f), what);
  }

  Status TitleBlock(const TableTitle& t) {
    worksheet_set_row(ws, 0, 22, nullptr);
    DH_RETURN_IF_ERROR(Across(0, t.heading, title, "title"));
    worksheet_set_row(ws, 1, kLineHeight * LinesFor(t.scope, TotalWidth(0)), nullptr);
    DH_RETURN_IF_ERROR(Across(1, t.scope, subtitle, "scope"));
    worksheet_set_row(ws, 2, kLineHeight + 2, nullptr);
    DH_RETURN_IF_ERROR(Across(2, t.as_of, subtitle, "as of"));
    worksheet_set_row(ws, 3, 8, nullptr);
    worksheet_set_row(ws, kHeaderRow, 2 * kLineHeight + 4, nullptr);
    // Row by row: constant-memory mode writes a row out when the next one begins.
    for (lxw_col_t c = 0; c <= last_col; ++c)
      DH_RETURN_IF_ERROR(Lxw(
          worksheet_write_string(ws, kHeaderRow, c, columns[c].heading.c_str(), header), "header"));
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      const std::string n = "(" + std::to_string(c + 1) + ")";
      DH_RETURN_IF_ERROR(
          Lxw(worksheet_write_string(ws, kHeaderRow + 1, c, n.c_str(), colnum), "numbers"));
    }
    return Status::Ok();
  }

  Status Write(lxw_col_t c, const TableCell& cell, bool bold = false) {
    lxw_format* f = CellFormat(c, cell.value.index(), cell.colour, bold);
    return std::visit(
        [&](const auto& v) -> Status {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            return Lxw(worksheet_write_blank(ws, row, c, f), "row");
          else if constexpr (std::is_same_v<T, std::string>)
            return Lxw(worksheet_write_string(ws, row, c, v.c_str(), f), "row");
          else if constexpr (std::is_same_v<T, Date>)
            return Lxw(worksheet_write_number(ws, row, c, ExcelSerial(v.days()), f), "row");
          else
            return Lxw(worksheet_write_number(ws, row, c, static_cast<double>(v), f), "row");
        },
        cell.value);
  }

  // A row of the sum of each total column, as a formula Excel keeps current.
  Status Totals(const std::string& label) {
    if (std::none_of(columns.begin(), columns.end(), [](const auto& c) { return c.total; }))
      return Status::Ok();
    worksheet_set_row(ws, row, kLineHeight + 3, nullptr);
    bool labelled = false;
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      if (!columns[c].total) {
        TableCell cell;
        if (!labelled) cell.value = label;
        labelled = true;
        DH_RETURN_IF_ERROR(Write(c, cell, true));
        continue;
      }
      char range[32];
      lxw_rowcol_to_range(range, kFirstDataRow, c, std::max(row, kFirstDataRow + 1) - 1, c);
      const std::string formula = std::string("=SUM(") + range + ")";
      DH_RETURN_IF_ERROR(Lxw(worksheet_write_formula_num(ws, row, c, formula.c_str(),
                                                         CellFormat(c, 2, std::nullopt, true),
                                                         static_cast<double>(totals[c])),
                             "totals"));
    }
    ++row;
    return Status::Ok();
  }
};

TableWriter::TableWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TableWriter::~TableWriter() = default;

Result<std::unique_ptr<TableWriter>> TableWriter::Create(const std::string& path,
                                                         const TableTitle& title,
                                                         std::vector<TableColumn> columns) {
  if (columns.empty()) return Status::Internal("xlsx: a table needs columns");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->columns = std::move(columns);
  impl->last_col = static_cast<lxw_col_t>(impl->columns.size() - 1);
  impl->totals.assign(impl->columns.size(), 0);
  impl->totals_label = title.totals_label;
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
  impl->ws = workbook_add_worksheet(impl->wb, title.sheet_name.c_str());
  if (!impl->ws) return Status::Internal("xlsx: cannot add the worksheet");
  impl->MakeFormats();
  impl->PageSetup();
  DH_RETURN_IF_ERROR(impl->TitleBlock(title));
  return std::unique_ptr<TableWriter>(new TableWriter(std::move(impl)));
}

Status TableWriter::Heading(const std::string& number, const std::string& title) {
  Impl& m = *impl_;
  worksheet_set_row(m.ws, m.row, kLineHeight * LinesFor(title, m.TotalWidth(1)) + 3, nullptr);
  DH_RETURN_IF_ERROR(
      Lxw(worksheet_write_string(m.ws, m.row, 0, number.c_str(), m.heading_num), "heading"));
  if (m.last_col == 1)
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_write_string(m.ws, m.row, 1, title.c_str(), m.heading_text), "heading"));
  if (m.last_col > 1)
    DH_RETURN_IF_ERROR(
        Lxw(worksheet_merge_range(m.ws, m.row, 1, m.row, m.last_col, title.c_str(), m.heading_text),
            "heading"));
  ++m.row;
  return Status::Ok();
}

Status TableWriter::Row(const std::vector<TableCell>& cells) {
  Impl& m = *impl_;
  int lines = 1;
  for (size_t c = 0; c < cells.size() && c < m.columns.size(); ++c)
    if (const auto* s = std::get_if<std::string>(&cells[c].value);
        s && m.columns[c].kind == CellKind::kText)
      lines = std::max(lines, LinesFor(*s, m.columns[c].width));
  worksheet_set_row(m.ws, m.row, kLineHeight * lines + 3, nullptr);
  for (lxw_col_t c = 0; c <= m.last_col; ++c) {
    const TableCell cell = c < cells.size() ? cells[c] : TableCell{};
    if (const auto* n = std::get_if<int64_t>(&cell.value)) m.totals[c] += *n;
    DH_RETURN_IF_ERROR(m.Write(c, cell));
  }
  ++m.row;
  return Status::Ok();
}

Status TableWriter::Finish() {
  Impl& m = *impl_;
  if (m.row > kFirstDataRow) worksheet_autofilter(m.ws, kHeaderRow, 0, m.row - 1, m.last_col);
  Status s = m.Totals(m.totals_label);
  lxw_workbook* wb = m.wb;
  m.wb = nullptr;  // closed below whatever happens
  const Status closed = Lxw(workbook_close(wb), "close");
  if (!s.ok()) std::remove(m.path.c_str());
  return s.ok() ? closed : s;
}

namespace {

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

Result<std::string> TableBytes(const TableTitle& title, std::vector<TableColumn> columns,
                               const std::function<Status(TableWriter&)>& fill) {
  TempFile tmp;
  std::string pattern =
      (std::filesystem::temp_directory_path() / "dieuhanh-export-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return Status::Internal("xlsx: cannot create a temporary file");
  close(fd);
  tmp.path = pattern;
  DH_ASSIGN_OR_RETURN(auto writer, TableWriter::Create(tmp.path, title, std::move(columns)));
  DH_RETURN_IF_ERROR(fill(*writer));
  DH_RETURN_IF_ERROR(writer->Finish());
  return ReadWhole(tmp.path);
}

}  // namespace dh::sheets
