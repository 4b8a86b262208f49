// Word documents from .docx templates: the built-in synthesis report template filled and
// read back (the Decree 30 frame, the table's rows and group headings, A4 and its margins,
// Times New Roman), placeholders that Word split into runs, line breaks, values that look
// like placeholders, and templates an office might supply broken, as a table of cases.
#include "documents/docx_template.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "documents/document_frame.h"
#include "documents/docx_package.h"
#include "documents/templates.h"
#include "sheets/zip_part.h"

namespace dh::documents {
namespace {

constexpr const char* kHead =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
constexpr const char* kTail = "</w:body></w:document>";
constexpr const char* kTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";

// A .docx holding `body` (inside w:body) as its document.
std::string Docx(const std::string& body) {
  auto bytes = WritePackage(
      {{"[Content_Types].xml", kTypes}, {"word/document.xml", std::string(kHead) + body + kTail}});
  EXPECT_TRUE(bytes.ok());
  return *bytes;
}

std::string PartOf(const std::string& docx, const std::string& name) {
  auto zip = sheets::ZipPackage::Open(docx, 100);
  EXPECT_TRUE(zip.ok());
  if (!zip.ok()) return "";
  auto part = zip->Read(name, 1 << 24);
  EXPECT_TRUE(part.ok() && part->has_value()) << name;
  return part.ok() && part->has_value() ? **part : "";
}

// The document's text, paragraph by paragraph ("\n" after each), w:br as "|".
std::string Text(const std::string& docx) {
  pugi::xml_document doc;
  const std::string xml = PartOf(docx, "word/document.xml");
  EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  std::string out;
  for (auto p : doc.select_nodes("//w:p")) {
    for (auto r : p.node().select_nodes(".//w:r"))
      for (auto n : r.node().children())
        if (std::string(n.name()) == "w:br")
          out += "|";
        else if (std::string(n.name()) == "w:t")
          out += n.text().get();
    out += "\n";
  }
  return out;
}

DocxData SampleReport() {
  DocxData data;
  AddFrame({.parent_issuer = "ỦY BAN NHÂN DÂN TỈNH MINH AN",
            .issuer = "SỞ TƯ PHÁP",
            .number_symbol = "125/BC-STP",
            .place = "Minh An",
            .date = *Date::FromYmd(2026, 12, 6),
            .subject = "Tổng hợp, tiếp thu, giải trình ý kiến đại biểu",
            .signing_authority = "KT. GIÁM ĐỐC",
            .signer_title = "PHÓ GIÁM ĐỐC",
            .signer_name = "Nguyễn Văn An",
            .recipients = {"- Thường trực HĐND tỉnh;", "- Lưu: VT."}},
           data);
  data.lists["mo_dau"] = {Item("noi_dung", "Thực hiện chương trình kỳ họp…")};
  data.lists["ket_luan"] = {};
  auto row = [](std::string no, std::string content, std::string who, std::string answer) {
    return RepeatItem{"",
                      {{"so", no}, {"noi_dung", content}, {"dai_bieu", who}, {"tra_loi", answer}}};
  };
  data.lists["y_kien"] = {
      RepeatItem{"nhom", {{"so", "I"}, {"tieu_de", "Dự thảo Nghị quyết A — Điều 3"}}},
      row("1", "Đề nghị làm rõ phạm vi.", "Đại biểu Trần Thị Bình (Tổ 1)", "Tiếp thu."),
      row("2", "Dòng một\nDòng hai", "Đại biểu Lê Văn C", "Giải trình: {{co_quan}}"),
  };
  return data;
}

TEST(DocxTemplate, TheSynthesisReportHasTheDecree30FrameAndTheTableRows) {
  auto docx = TemplateShelf().Render("tong_hop_y_kien", SampleReport());
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  const std::string text = Text(*docx);
  for (const char* expected :
       {"ỦY BAN NHÂN DÂN TỈNH MINH AN\n", "SỞ TƯ PHÁP\n", "Số: 125/BC-STP\n",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc\n",
        "Minh An, ngày 06 tháng 12 năm 2026\n", "BÁO CÁO\n",
        "STT\nNội dung ý kiến\nĐại biểu, đơn vị\nTiếp thu, giải trình\n",
        "I\nDự thảo Nghị quyết A — Điều 3\n", "1\nĐề nghị làm rõ phạm vi.\n", "Dòng một|Dòng hai\n",
        "Giải trình: {{co_quan}}\n",  // a value is never expanded
        "Nơi nhận:\n- Thường trực HĐND tỉnh;\n- Lưu: VT.\n", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n",
        "Nguyễn Văn An\n"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n--- in ---\n" << text;
  EXPECT_EQ(text.find("{{y_kien"), std::string::npos) << text;
  const std::string xml = PartOf(*docx, "word/document.xml");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  EXPECT_EQ(doc.select_nodes("//w:tbl[2]/w:tr").size(), 4u);  // heading, group, two opinions
  EXPECT_TRUE(doc.select_node("//w:pgSz[@w:w='11906'][@w:h='16838']"));
  EXPECT_TRUE(doc.select_node("//w:pgMar[@w:left='1701'][@w:right='851'][@w:top='1134']"));
  EXPECT_NE(PartOf(*docx, "word/styles.xml").find("Times New Roman"), std::string::npos);
}

TEST(DocxTemplate, PlaceholdersSplitAcrossRunsAreFilledInTheFirstRun) {
  const std::string body =
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Số: {{so_</w:t></w:r><w:r><w:t>ky</w:t></w:r>"
      "<w:r><w:t>_hieu}} ngày {</w:t></w:r><w:r><w:t>{ngay}}.</w:t></w:r></w:p>";
  DocxData data{.fields = {{"so_ky_hieu", "12/BC-UBND"}, {"ngay", "06/12/2026"}}};
  auto docx = FillDocx(Docx(body), data);
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  EXPECT_EQ(Text(*docx), "Số: 12/BC-UBND ngày 06/12/2026.\n");
  EXPECT_NE(PartOf(*docx, "word/document.xml")
                .find("<w:b/></w:rPr><w:t xml:space=\"preserve\">Số: 12/BC-UBND"),
            std::string::npos);
}

TEST(DocxTemplate, ParagraphsRepeatPerItemAndVariantsWithoutAPatternAreLeftOut) {
  const std::string body =
      "<w:p><w:r><w:t>{{+ds}}- {{ds.ten}};</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>{{+ds:dam}}{{ds.ten}} "
      "({{tong}})</w:t></w:r></w:p><w:p><w:r><w:t>Hết</w:t></w:r></w:p>";
  DocxData data{.fields = {{"tong", "3"}}};
  data.lists["ds"] = {Item("ten", "A", "dam"), Item("ten", "B"), Item("ten", "C", "khac"),
                      Item("ten", "D")};
  auto docx = FillDocx(Docx(body), data);
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  EXPECT_EQ(Text(*docx), "A (3)\n- B;\n- D;\nHết\n");
  data.lists["ds"].clear();
  docx = FillDocx(Docx(body), data);
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(Text(*docx), "Hết\n");
}

TEST(DocxTemplate, ABrokenTemplateIsRefusedWithASentence) {
  const std::string ok_body = "<w:p><w:r><w:t>{{a}}</w:t></w:r></w:p>";
  std::string many_parts;
  {
    std::vector<Part> parts{{"[Content_Types].xml", kTypes},
                            {"word/document.xml", std::string(kHead) + ok_body + kTail}};
    for (int i = 0; i < 20; ++i) parts.push_back({"x/" + std::to_string(i), "x"});
    many_parts = *WritePackage(parts);
  }
  const struct {
    const char* name;
    std::string docx;
    TemplateLimits limits;
    const char* says;
  } kCases[] = {
      {"not a zip", "PK\x03\x04 not really", {}, "không phải tệp Word"},
      {"no document",
       *WritePackage({{"[Content_Types].xml", kTypes}}),
       {},
       "thiếu phần word/document.xml"},
      {"a doctype",
       *WritePackage({{"[Content_Types].xml", kTypes},
                      {"word/document.xml", "<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"}}),
       {},
       "DOCTYPE"},
      {"broken XML", Docx("<w:p><w:r><w:t>{{a}}</w:r></w:p>"), {}, "không phải XML hợp lệ"},
      {"an unknown field", Docx("<w:p><w:r><w:t>{{b}}</w:t></w:r></w:p>"), {}, "trường {{b}}"},
      {"an unknown list", Docx("<w:p><w:r><w:t>{{+c}}</w:t></w:r></w:p>"), {}, "danh sách {{#c}}"},
      {"a row marker outside a table",
       Docx("<w:p><w:r><w:t>{{#c}}</w:t></w:r></w:p>"),
       {},
       "một hàng của bảng"},
      {"too large", Docx(ok_body), {.max_bytes = 100}, "lớn hơn 0 MiB"},
      {"too many parts", many_parts, {.max_entries = 10}, "quá 10 phần"},
      {"a part too large unzipped",
       Docx(ok_body + std::string(5000, ' ')),
       {.max_part_bytes = 4096},
       "khi giải nén"},
  };
  DocxData data{.fields = {{"a", "x"}}};
  for (const auto& k : kCases) {
    auto filled = FillDocx(k.docx, data, k.limits);
    ASSERT_FALSE(filled.ok()) << k.name;
    EXPECT_EQ(filled.status().code(), StatusCode::kInvalidInput) << k.name;
    EXPECT_EQ(filled.status().error_code(), "bad_template") << k.name;
    EXPECT_EQ(filled.status().field(), "template") << k.name;
    EXPECT_NE(filled.status().message().find(k.says), std::string::npos)
        << k.name << ": " << filled.status().message();
  }
  EXPECT_TRUE(FillDocx(Docx(ok_body), data).ok());
}

TEST(DocxTemplate, PlaceAndDateFollowDecree30) {
  const struct {
    int y, m, d;
    const char* expected;
  } kCases[] = {
      {2026, 12, 6, "Minh An, ngày 06 tháng 12 năm 2026"},
      {2026, 1, 15, "Minh An, ngày 15 tháng 01 năm 2026"},
      {2026, 2, 1, "Minh An, ngày 01 tháng 02 năm 2026"},
      {2026, 3, 10, "Minh An, ngày 10 tháng 3 năm 2026"},
      {2026, 9, 30, "Minh An, ngày 30 tháng 9 năm 2026"},
  };
  for (const auto& k : kCases)
    EXPECT_EQ(PlaceAndDate("Minh An", *Date::FromYmd(k.y, k.m, k.d)), k.expected);
}

TEST(DocxTemplate, AnOfficesOwnTemplateTakesPrecedenceOverTheBuiltInOne) {
  const auto folder = std::filesystem::temp_directory_path() / "dh-docx-shelf-test";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "tong_hop_y_kien.docx", std::ios::binary)
      << Docx("<w:p><w:r><w:t>SỞ KẾ HOẠCH — {{co_quan}}</w:t></w:r></w:p>");
  auto docx = TemplateShelf(folder.string()).Render("tong_hop_y_kien", SampleReport());
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  EXPECT_EQ(Text(*docx), "SỞ KẾ HOẠCH — SỞ TƯ PHÁP\n");
  EXPECT_EQ(TemplateShelf(folder.string()).Load("khong_co").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(TemplateShelf().Load("../etc/passwd").status().code(), StatusCode::kNotFound);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace dh::documents
