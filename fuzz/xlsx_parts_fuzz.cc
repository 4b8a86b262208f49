// The XML inside an Excel upload (sheets::ReadXlsx): the input is the workbook's parts,
// separated by a line "=====" — the sheet, shared strings, styles, workbook and its
// relationships, in that order — and is packed into a real (stored, uncompressed) ZIP
// before it is read, so the mutations reach the XML instead of the ZIP checksums.
// A part left out is a minimal valid one. Checks as in xlsx_fuzz.
#include <zip.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "sheet_check.h"
#include "sheets/sheet.h"

namespace sheets = dh::sheets;

namespace {

constexpr std::string_view kSeparator = "\n=====\n";

struct Part {
  const char* name;
  const char* fallback;
};

constexpr std::array<Part, 5> kParts = {{
    {"xl/worksheets/sheet1.xml",
     R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)"},
    {"xl/sharedStrings.xml", R"(<sst><si><t>Nhiệm vụ</t></si></sst>)"},
    {"xl/styles.xml", R"(<styleSheet><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>)"},
    {"xl/workbook.xml",
     R"(<workbook xmlns:r="r"><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels",
     R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
}};

std::vector<std::string> SplitParts(std::string_view in) {
  std::vector<std::string> out;
  while (out.size() + 1 < kParts.size()) {
    const size_t at = in.find(kSeparator);
    if (at == std::string_view::npos) break;
    out.emplace_back(in.substr(0, at));
    in.remove_prefix(at + kSeparator.size());
  }
  out.emplace_back(in);
  for (size_t i = out.size(); i < kParts.size(); ++i) out.emplace_back(kParts[i].fallback);
  return out;
}

// The parts as a ZIP file in memory.
std::string Zip(const std::vector<std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  FUZZ_CHECK(src != nullptr);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  FUZZ_CHECK(z != nullptr);
  zip_source_keep(src);
  for (size_t i = 0; i < parts.size(); ++i) {
    zip_source_t* p = zip_source_buffer(z, parts[i].data(), parts[i].size(), 0);
    const zip_int64_t index = zip_file_add(z, kParts[i].name, p, ZIP_FL_OVERWRITE);
    FUZZ_CHECK(index >= 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  FUZZ_CHECK(zip_close(z) == 0);
  std::string out;
  zip_stat_t st;
  FUZZ_CHECK(zip_source_open(src) == 0 && zip_source_stat(src, &st) == 0);
  out.resize(st.size);
  FUZZ_CHECK(zip_source_read(src, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes = Zip(SplitParts(dh::fuzz::Bytes(data, size)));
  const sheets::ReadLimits limits{.max_part_bytes = 1 << 20, .max_rows = 1000};
  auto sheet = sheets::ReadXlsx(bytes, limits);
  dh::fuzz::CheckSheetResult(sheet, limits);
  return 0;
}
