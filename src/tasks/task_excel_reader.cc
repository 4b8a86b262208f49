#include "tasks/task_excel_reader.h"

#include <zip.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <pugixml.hpp>
#include <unordered_map>

#include "core/date.h"
#include "core/text.h"

namespace dh::tasks {
namespace {

Status NotXlsx() {
  return Status::InvalidInput(
      "file",
      "Tệp nén này không phải bảng tính Excel (.xlsx). Hãy mở tệp trong Excel "
      "và lưu lại dạng Excel Workbook (.xlsx).",
      "not_xlsx");
}

Status BadXlsx(const std::string& what) {
  return Status::InvalidInput("file",
                              "Không đọc được bảng tính (" + what +
                                  "). Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi gửi lại.",
                              "bad_xlsx");
}

Status TooManyRows(size_t max) {
  return Status::PayloadTooLarge("Bảng tính có quá nhiều dòng (tối đa " + std::to_string(max) +
                                 " dòng mỗi lần nhập). Hãy chia thành nhiều tệp.");
}

// ---- ZIP --------------------------------------------------------------------------------

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

Result<ZipPtr> OpenZip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return NotXlsx();
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!z) {
    zip_source_free(src);
    return NotXlsx();
  }
  return ZipPtr(z);
}

// The part's bytes; nullopt when the archive has no such part. A part is read at most to
// the limit, whatever its header claims (a ZIP bomb stops there).
Result<std::optional<std::string>> ReadPart(zip_t* z, const std::string& name, size_t limit) {
  const zip_int64_t index = zip_name_locate(z, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  std::unique_ptr<zip_file_t, ZipFileCloser> f(
      zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0));
  if (!f) return BadXlsx("phần " + name + " bị mã hóa hoặc hỏng");
  std::string out;
  char buf[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
    if (n < 0) return BadXlsx("phần " + name + " hỏng");
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > limit)
      return Status::PayloadTooLarge("Bảng tính quá lớn khi giải nén (tối đa " +
                                     std::to_string(limit >> 20) + " MiB mỗi phần).");
  }
  return std::optional<std::string>(std::move(out));
}

Result<pugi::xml_document> ParseXml(const std::string& bytes, const std::string& name) {
  pugi::xml_document doc;
  const auto r = doc.load_buffer(bytes.data(), bytes.size(),
                                 pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r) return BadXlsx("phần " + name + " không phải XML hợp lệ");
  return doc;
}

// ---- Workbook structure -----------------------------------------------------------------

// "xl/worksheets/sheet1.xml" for a relationship target relative to "xl/".
std::string ResolveTarget(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = "xl/" + target;
  // "xl/../x" does not occur in practice; keep the path as written otherwise.
  return path;
}

Result<std::pair<std::string, std::string>> FirstSheet(zip_t* z, const ReadLimits& limits) {
  DH_ASSIGN_OR_RETURN(auto workbook, ReadPart(z, "xl/workbook.xml", limits.max_part_bytes));
  if (!workbook) return NotXlsx();
  DH_ASSIGN_OR_RETURN(pugi::xml_document wb, ParseXml(*workbook, "workbook.xml"));
  pugi::xml_node sheet = wb.child("workbook").child("sheets").child("sheet");
  if (!sheet) return BadXlsx("không có trang tính nào");
  const std::string name = sheet.attribute("name").as_string();
  const std::string rid = sheet.attribute("r:id").as_string();
  DH_ASSIGN_OR_RETURN(auto rels, ReadPart(z, "xl/_rels/workbook.xml.rels", limits.max_part_bytes));
  if (rels && !rid.empty()) {
    DH_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*rels, "workbook.xml.rels"));
    for (pugi::xml_node rel : doc.child("Relationships").children("Relationship"))
      if (rid == rel.attribute("Id").as_string())
        return std::pair{name, ResolveTarget(rel.attribute("Target").as_string())};
  }
  return std::pair{name, std::string("xl/worksheets/sheet1.xml")};
}

// All the <t> of a shared or inline string, runs included, phonetic hints left out.
std::string StringItem(pugi::xml_node si) {
  std::string out;
  if (pugi::xml_node t = si.child("t")) out += t.text().get();
  for (pugi::xml_node r : si.children("r")) out += r.child("t").text().get();
  return out;
}

Result<std::vector<std::string>> SharedStrings(zip_t* z, const ReadLimits& limits) {
  std::vector<std::string> out;
  DH_ASSIGN_OR_RETURN(auto part, ReadPart(z, "xl/sharedStrings.xml", limits.max_part_bytes));
  if (!part) return out;
  DH_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*part, "sharedStrings.xml"));
  for (pugi::xml_node si : doc.child("sst").children("si")) out.push_back(StringItem(si));
  return out;
}

enum class NumberKind : uint8_t { kPlain, kPercent, kDate };

// A custom number format's kind: what is left once quoted text, [colours] and escaped
// characters are taken out.
NumberKind KindOfFormat(std::string_view code) {
  bool percent = false, date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      const size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '%') {
      percent = true;
    } else if (std::strchr("dDmMyYhHsS", c) && c != '\0') {
      date = true;
    }
  }
  return percent ? NumberKind::kPercent : date ? NumberKind::kDate : NumberKind::kPlain;
}

NumberKind KindOfBuiltin(int id) {
  if (id == 9 || id == 10) return NumberKind::kPercent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return NumberKind::kDate;
  return NumberKind::kPlain;
}

// Number kind by cell style index (the `s` attribute).
Result<std::vector<NumberKind>> StyleKinds(zip_t* z, const ReadLimits& limits) {
  std::vector<NumberKind> out;
  DH_ASSIGN_OR_RETURN(auto part, ReadPart(z, "xl/styles.xml", limits.max_part_bytes));
  if (!part) return out;
  DH_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*part, "styles.xml"));
  pugi::xml_node ss = doc.child("styleSheet");
  std::unordered_map<int, NumberKind> custom;
  for (pugi::xml_node f : ss.child("numFmts").children("numFmt"))
    custom[f.attribute("numFmtId").as_int()] = KindOfFormat(f.attribute("formatCode").as_string());
  for (pugi::xml_node xf : ss.child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? it->second : KindOfBuiltin(id));
  }
  return out;
}

// ---- Cells ------------------------------------------------------------------------------

// "BC12" → column 54 (0-based), row 12. False when the reference is not of that shape.
bool ParseRef(std::string_view ref, size_t* column, int* row) {
  size_t col = 0, i = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    col =
        col * 26 + static_cast<size_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (++i > 3) return false;
  }
  if (i == 0) return false;
  int r = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || p != ref.data() + ref.size() || r < 1) return false;
  *column = col - 1;
  *row = r;
  return true;
}

std::string NumberText(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::optional<double> ParseDouble(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

struct CellContext {
  const std::vector<std::string>& shared;
  const std::vector<NumberKind>& kinds;
};

Result<SheetCell> ReadCell(pugi::xml_node c, const CellContext& ctx) {
  SheetCell cell;
  const std::string_view type = c.attribute("t").as_string();
  const char* v = c.child("v").text().get();
  if (type == "s") {
    const auto index = ParseDouble(v);
    if (!index || *index < 0 || *index >= static_cast<double>(ctx.shared.size()))
      return BadXlsx("tham chiếu chuỗi dùng chung sai");
    cell.text = ctx.shared[static_cast<size_t>(*index)];
  } else if (type == "inlineStr") {
    cell.text = StringItem(c.child("is"));
  } else if (type == "str" || type == "e") {
    cell.text = v;
  } else if (type == "b") {
    cell.text = std::string_view(v) == "1" ? "TRUE" : "FALSE";
  } else if (type == "d") {
    // An ISO 8601 date, as a few tools write: keep it a date.
    cell.text = v;
    if (auto d = Date::Parse(std::string_view(v).substr(0, 10))) {
      cell.number = ExcelSerial(d->days());
      cell.date = true;
    }
  } else if (*v) {
    cell.number = ParseDouble(v);
    if (!cell.number) return BadXlsx("ô số không đọc được");
    cell.text = NumberText(*cell.number);
    const size_t style = c.attribute("s").as_uint();
    if (style < ctx.kinds.size()) {
      cell.percent = ctx.kinds[style] == NumberKind::kPercent;
      cell.date = ctx.kinds[style] == NumberKind::kDate;
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

UploadKind SniffUpload(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
      bytes.starts_with(std::string_view("PK\x05\x06", 4)))
    return UploadKind::kXlsx;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return UploadKind::kXls;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.empty() || !text::IsValidUtf8(bytes)) return UploadKind::kUnknown;
  for (unsigned char c : bytes)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return UploadKind::kUnknown;
  return UploadKind::kCsv;
}

Result<Sheet> ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  DH_ASSIGN_OR_RETURN(ZipPtr z, OpenZip(bytes));
  DH_ASSIGN_OR_RETURN(auto first, FirstSheet(z.get(), limits));
  DH_ASSIGN_OR_RETURN(auto shared, SharedStrings(z.get(), limits));
  DH_ASSIGN_OR_RETURN(auto kinds, StyleKinds(z.get(), limits));
  DH_ASSIGN_OR_RETURN(auto part, ReadPart(z.get(), first.second, limits.max_part_bytes));
  if (!part) return BadXlsx("thiếu trang tính " + first.first);
  DH_ASSIGN_OR_RETURN(pugi::xml_document doc, ParseXml(*part, first.second));
  part.reset();  // the DOM holds what it needs

  Sheet sheet;
  sheet.name = first.first;
  const CellContext ctx{shared, kinds};
  int next_row = 1;
  for (pugi::xml_node r : doc.child("worksheet").child("sheetData").children("row")) {
    SheetRow row;
    row.number = r.attribute("r").as_int(next_row);
    if (row.number < next_row) return BadXlsx("thứ tự dòng sai");
    next_row = row.number + 1;
    size_t next_col = 0;
    for (pugi::xml_node c : r.children("c")) {
      size_t col = next_col;
      int ref_row = row.number;
      if (const char* ref = c.attribute("r").as_string(); *ref && !ParseRef(ref, &col, &ref_row))
        return BadXlsx("địa chỉ ô " + std::string(ref) + " sai");
      if (col > 16383) return BadXlsx("quá nhiều cột");
      next_col = col + 1;
      DH_ASSIGN_OR_RETURN(SheetCell cell, ReadCell(c, ctx));
      if (row.cells.size() <= col) row.cells.resize(col + 1);
      row.cells[col] = std::move(cell);
    }
    if (Blank(row)) continue;
    if (sheet.rows.size() >= limits.max_rows) return TooManyRows(limits.max_rows);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

// ---- CSV --------------------------------------------------------------------------------

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

}  // namespace

Result<Sheet> ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!text::IsValidUtf8(bytes))
    return Status::InvalidInput(
        "file",
        "Tệp CSV phải lưu theo mã UTF-8 (trong Excel: Lưu thành → CSV UTF-8 "
        "(Comma delimited)).",
        "not_utf8");
  const char sep = GuessSeparator(bytes);
  Sheet sheet;
  sheet.name = "CSV";
  SheetRow row{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false;
  int quote_opened_at = 0;
  auto end_field = [&] {
    row.cells.push_back({was_quoted ? field : text::Trim(field), std::nullopt, false, false});
    field.clear();
    was_quoted = false;
  };
  auto end_row = [&]() -> Status {
    end_field();
    if (!Blank(row)) {
      if (sheet.rows.size() >= limits.max_rows) return TooManyRows(limits.max_rows);
      sheet.rows.push_back(std::move(row));
    }
    row = SheetRow{0, {}};
    return Status::Ok();
  };
  int record = 1;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && text::Trim(field).empty()) {
      field.clear();
      quoted = was_quoted = true;
      quote_opened_at = record;
    } else if (c == sep) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      DH_RETURN_IF_ERROR(end_row());
      row.number = ++record;
    } else {
      field.push_back(c);
    }
  }
  if (quoted)
    return Status::InvalidInput("file",
                                "Dòng " + std::to_string(quote_opened_at) +
                                    " của tệp CSV mở dấu ngoặc kép (\") mà không đóng.",
                                "bad_csv");
  if (!field.empty() || !row.cells.empty()) {
    row.number = record;
    DH_RETURN_IF_ERROR(end_row());
  }
  return sheet;
}

}  // namespace dh::tasks
