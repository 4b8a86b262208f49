// The documents' messages in both languages (core/message.h): why a .docx template cannot be
// used, or the document cannot be made. The documents' own texts stay Vietnamese.
#pragma once

#include "core/message.h"

namespace dh::documents::msg {

// {what}: one of the kTemplate… reasons below.
inline constexpr MessageText kBadTemplate{
    "documents.bad_template",
    "Mẫu văn bản (.docx) không dùng được: {what}",
    "The document template (.docx) cannot be used: {what}",
};
// {max}: MiB.
inline constexpr MessageText kTemplateTooLarge{
    "documents.template_too_large",
    "tệp lớn hơn {max} MiB.",
    "the file is larger than {max} MiB.",
};
// {max}: the most parts a template may have.
inline constexpr MessageText kTemplateNotDocx{
    "documents.template_not_docx",
    "đây không phải tệp Word .docx (tệp nén hỏng hoặc quá {max} phần).",
    "this is not a Word .docx file (a damaged compressed file or more than {max} parts).",
};
inline constexpr MessageText kTemplateMissingPart{
    "documents.template_missing_part",
    "thiếu phần word/document.xml hoặc [Content_Types].xml.",
    "the part word/document.xml or [Content_Types].xml is missing.",
};
// {part}: the part's name in the package; {max}: MiB.
inline constexpr MessageText kTemplatePartTooLarge{
    "documents.template_part_too_large",
    "phần {part} hỏng hoặc lớn hơn {max} MiB khi giải nén.",
    "the part {part} is damaged or larger than {max} MiB uncompressed.",
};
inline constexpr MessageText kTemplateTotalTooLarge{
    "documents.template_total_too_large",
    "nội dung giải nén lớn hơn {max} MiB.",
    "the uncompressed content is larger than {max} MiB.",
};
// {field}: the placeholder as written in the template, {{name}}.
inline constexpr MessageText kTemplateUnknownField{
    "documents.template_unknown_field",
    "mẫu có trường {field} mà báo cáo này không có. Sửa tên trường trong mẫu.",
    "the template has the field {field}, which this report does not have. Correct the field's "
    "name in the template.",
};
// {marker}: the repeat marker as written, {{#list}}.
inline constexpr MessageText kTemplateMarkerOutsideRow{
    "documents.template_marker_outside_row",
    "dấu {marker} phải nằm trong một hàng của bảng.",
    "the marker {marker} must be inside a table row.",
};
// {marker}: as written; {other}: the other marker's list.
inline constexpr MessageText kTemplateTwoMarkers{
    "documents.template_two_markers",
    "dấu lặp {marker} nằm trong cùng hàng hoặc đoạn với dấu lặp «{other}»; mỗi hàng chỉ có một dấu "
    "lặp.",
    "the repeat marker {marker} is in the same row or paragraph as the repeat marker «{other}»; "
    "each row has one repeat marker only.",
};
inline constexpr MessageText kTemplateUnknownList{
    "documents.template_unknown_list",
    "mẫu có danh sách {marker} mà báo cáo này không có.",
    "the template has the list {marker}, which this report does not have.",
};
inline constexpr MessageText kTemplateDoctype{
    "documents.template_doctype",
    "phần {part} có khai báo DOCTYPE.",
    "the part {part} declares a DOCTYPE.",
};
// {detail}: the XML parser's words; {offset}: where, in bytes.
inline constexpr MessageText kTemplateNotXml{
    "documents.template_not_xml",
    "phần {part} không phải XML hợp lệ ({detail}, vị trí {offset}).",
    "the part {part} is not valid XML ({detail}, at {offset}).",
};
// {path}: the office's own template file.
inline constexpr MessageText kTemplateUnreadable{
    "documents.template_unreadable",
    "không đọc được tệp {path}.",
    "the file {path} cannot be read.",
};
inline constexpr MessageText kTemplateFileTooLarge{
    "documents.template_file_too_large",
    "tệp {path} lớn hơn {max} MiB.",
    "the file {path} is larger than {max} MiB.",
};
// {name}: the template asked for.
inline constexpr MessageText kNoTemplate{
    "documents.no_template",
    "Không có mẫu văn bản {name}.",
    "There is no document template {name}.",
};
inline constexpr MessageText kCannotReread{
    "documents.cannot_reread",
    "Không đọc lại được tệp .docx vừa tạo.",
    "The .docx file just made cannot be read back.",
};
inline constexpr MessageText kCannotMakePart{
    "documents.cannot_make_part",
    "Không tạo được phần {part} của tệp .docx.",
    "The part {part} of the .docx file cannot be made.",
};
inline constexpr MessageText kCannotAddPart{
    "documents.cannot_add_part",
    "Không thêm được phần {part} vào tệp .docx.",
    "The part {part} cannot be added to the .docx file.",
};
inline constexpr MessageText kCannotMakeDocx{
    "documents.cannot_make_docx",
    "Không tạo được tệp .docx.",
    "The .docx file cannot be made.",
};
inline constexpr MessageText kCannotWriteDocx{
    "documents.cannot_write_docx",
    "Không ghi được tệp .docx.",
    "The .docx file cannot be written.",
};

}  // namespace dh::documents::msg
