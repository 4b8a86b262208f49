// The first worksheet of an .xlsx, streamed: see sheet.h for the bounds.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <pugixml.hpp>
#include <unordered_map>

#include "core/date.h"
#include "core/text.h"
#include "sheets/sheet.h"
#include "sheets/sheet_budget.h"
#include "sheets/sheet_messages.h"
#include "sheets/worksheet.h"
#include "sheets/xml_stream.h"
#include "sheets/zip_part.h"

namespace dh::sheets {
namespace {

Status NotXlsx() { return Status::UnsupportedMediaType("file", Say(msg::kNotXlsx)); }

Status BadXlsx(const MessageText& what, const MessageArgs& args = {}) {
  return Status::InvalidInput("file", Say(msg::kBadXlsx, {{"what", Say(what, args)}}), "bad_xlsx");
}

// A small part (workbook, relationships, styles) as a tree; nullopt when absent.
Result<std::optional<pugi::xml_document>> SmallPart(const ZipPackage& zip, const std::string& name,
                                                    const ReadLimits& limits) {
  DH_ASSIGN_OR_RETURN(auto bytes, zip.Read(name, limits.max_small_part_bytes));
  if (!bytes) return std::optional<pugi::xml_document>();
  std::optional<pugi::xml_document> doc(std::in_place);
  if (!doc->load_buffer(bytes->data(), bytes->size(), pugi::parse_default)) {
    return BadXlsx(msg::kXlsxPartNotXml, {{"part", name}});
  }
  return doc;
}

// "xl/worksheets/sheet1.xml" for a relationship target relative to "xl/".
std::string ResolveTarget(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

Result<std::pair<std::string, std::string>> FirstSheet(const ZipPackage& zip,
                                                       const ReadLimits& limits) {
  DH_ASSIGN_OR_RETURN(auto wb, SmallPart(zip, "xl/workbook.xml", limits));
  if (!wb) return NotXlsx();
  pugi::xml_node sheet = wb->child("workbook").child("sheets").child("sheet");
  if (!sheet) return BadXlsx(msg::kXlsxNoSheet);
  const std::string name = sheet.attribute("name").as_string();
  // pugixml does not check the encoding: a name is quoted in messages, so it must be text.
  if (!text::IsValidUtf8(name)) return BadXlsx(msg::kXlsxSheetName);
  const std::string rid = sheet.attribute("r:id").as_string();
  DH_ASSIGN_OR_RETURN(auto rels, SmallPart(zip, "xl/_rels/workbook.xml.rels", limits));
  if (rels && !rid.empty())
    for (pugi::xml_node rel : rels->child("Relationships").children("Relationship"))
      if (rid == rel.attribute("Id").as_string())
        return std::pair{name, ResolveTarget(rel.attribute("Target").as_string())};
  return std::pair{name, std::string("xl/worksheets/sheet1.xml")};
}

// A custom number format's kind: what is left once quoted text, [colours] and escaped
// characters are taken out.
NumberKind KindOfFormat(std::string_view code) {
  bool percent = false, date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"' || c == '[') {
      const size_t end = code.find(c == '"' ? '"' : ']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '%') {
      percent = true;
    } else if (c != '\0' && std::strchr("dDmMyYhHsS", c)) {
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
Result<std::vector<NumberKind>> StyleKinds(const ZipPackage& zip, const ReadLimits& limits) {
  std::vector<NumberKind> out;
  DH_ASSIGN_OR_RETURN(auto doc, SmallPart(zip, "xl/styles.xml", limits));
  if (!doc) return out;
  pugi::xml_node ss = doc->child("styleSheet");
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

// ---- Shared strings, streamed -----------------------------------------------------------

// All the <t> of each <si>, runs included, phonetic hints (<rPh>) left out.
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SheetBudget& budget, const ReadLimits& limits)
      : budget_(budget), limits_(limits) {}
  std::vector<std::string> strings;

  Status Start(std::string_view name, const char**) override {
    if (name == "si") {
      if (strings.size() >= limits_.max_cells) return budget_.Cells(0, limits_.max_cells + 1);
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      in_text_ = true;
    }
    return Status::Ok();
  }
  Status End(std::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "rPh") --phonetic_;
    if (name == "si") strings.push_back(std::move(current_));
    return Status::Ok();
  }
  Status Text(std::string_view text) override {
    if (!in_text_) return Status::Ok();
    DH_RETURN_IF_ERROR(budget_.Text(text.size()));
    current_.append(text);
    return Status::Ok();
  }

 private:
  SheetBudget& budget_;
  const ReadLimits& limits_;
  std::string current_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

Result<std::vector<std::string>> SharedStrings(const ZipPackage& zip, SheetBudget& budget,
                                               const ReadLimits& limits) {
  SharedStringsHandler handler(budget, limits);
  if (zip.Has("xl/sharedStrings.xml"))
    DH_RETURN_IF_ERROR(StreamXml(zip, "xl/sharedStrings.xml", limits.max_part_bytes, handler));
  return std::move(handler.strings);
}

}  // namespace

Result<Sheet> ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  return ReadXlsxTo(bytes, limits, nullptr);
}

Result<Sheet> ReadXlsxTo(std::string_view bytes, const ReadLimits& limits, const RowSink* sink) {
  auto zip = ZipPackage::Open(bytes, limits.max_zip_entries);
  if (!zip.ok()) return NotXlsx();
  DH_ASSIGN_OR_RETURN(auto first, FirstSheet(*zip, limits));
  if (!zip->Has(first.second)) return BadXlsx(msg::kXlsxMissingSheet, {{"sheet", first.first}});
  SheetBudget budget(limits);
  WorkbookParts parts;
  DH_ASSIGN_OR_RETURN(parts.shared, SharedStrings(*zip, budget, limits));
  DH_ASSIGN_OR_RETURN(parts.kinds, StyleKinds(*zip, limits));
  DH_ASSIGN_OR_RETURN(Sheet sheet, ReadWorksheet(*zip, first.second, parts, budget, limits, sink));
  sheet.name = first.first;
  return sheet;
}

}  // namespace dh::sheets
