// The sheets' file-level messages in both languages (core/message.h): what reading an
// uploaded .xlsx or .csv answers when the file itself cannot be read. A cell's own errors are
// in cells.cc.
#pragma once

#include "core/message.h"

namespace dh::sheets::msg {

// {required}: the headings needed, quoted; {hint}: kTemplateHint or nothing.
inline constexpr MessageText kNoHeader{
    "sheets.no_header",
    "Không tìm thấy dòng tiêu đề của bảng: cần ít nhất các cột {required}{hint}.",
    "The table's header row was not found: it needs at least the columns {required}{hint}.",
};
// {template}: where the template is.
inline constexpr MessageText kTemplateHint{
    "sheets.template_hint",
    " ({template})",
    " ({template})",
};
// {row}: the row most like a header; {missing}: the headings it lacks, quoted.
inline constexpr MessageText kClosestHeader{
    "sheets.closest_header",
    " Dòng {row} giống dòng tiêu đề nhưng thiếu cột {missing}.",
    " Row {row} looks like the header row but lacks the columns {missing}.",
};
inline constexpr MessageText kSaveAsUtf8{
    "sheets.save_as_utf8",
    " Trong Excel: Tệp → Lưu thành → chọn kiểu «CSV UTF-8 (Comma delimited) (*.csv)» rồi gửi lại; "
    "hoặc gửi thẳng tệp .xlsx.",
    " In Excel: File → Save As → choose «CSV UTF-8 (Comma delimited) (*.csv)» and send it again; "
    "or send the .xlsx file itself.",
};
inline constexpr MessageText kCsvUtf16{
    "sheets.csv_utf16",
    "Tệp CSV này lưu theo mã UTF-16 (kiểu «Unicode Text» của Excel), không phải UTF-8.",
    "This CSV file is saved as UTF-16 (Excel's «Unicode Text»), not UTF-8.",
};
inline constexpr MessageText kCsvLegacy{
    "sheets.csv_legacy",
    "Tệp CSV này không lưu theo mã UTF-8 mà có lẽ theo mã Windows-1258 (tiếng Việt của Windows, "
    "Excel dùng khi lưu kiểu «CSV (Comma delimited)»), nên chữ có dấu sẽ bị sai.",
    "This CSV file is not saved as UTF-8 but probably as Windows-1258 (Windows' Vietnamese, which "
    "Excel uses for «CSV (Comma delimited)»), so accented letters would come out wrong.",
};
// {row}: the record's number.
inline constexpr MessageText kUnclosedQuote{
    "sheets.unclosed_quote",
    "Dòng {row} của tệp CSV mở dấu ngoặc kép (\") mà không đóng.",
    "Row {row} of the CSV file opens a double quote (\") and does not close it.",
};
// {column}, {row}: where a cell is, for kOutsideTable.
inline constexpr MessageText kColumnRow{
    "sheets.column_row",
    "cột {column} dòng {row}",
    "column {column} row {row}",
};
// {into}: what the file was imported into; {date}; {n} rows of {what}.
inline constexpr MessageText kAlreadyImported{
    "sheets.already_imported",
    "Tệp này đã được nhập vào {into} ngày {date} ({n} {what}). Không nhập lại để tránh trùng "
    "{what}.",
    "This file was already imported into the {into} on {date} ({n} {what}). It is not imported "
    "again, to avoid duplicate {what}.",
};
inline constexpr MessageText kJustImported{
    "sheets.just_imported",
    "Tệp này vừa được nhập vào {into}.",
    "This file was just imported into the {into}.",
};
inline constexpr MessageText kImportedOnce{
    "sheets.imported_once",
    "Tệp này đã được nhập.",
    "This file was already imported.",
};
// {max}: the limits of one import.
inline constexpr MessageText kTooManyCells{
    "sheets.too_many_cells",
    "Bảng tính có quá nhiều ô (tối đa {max} ô mỗi lần nhập, kể cả ô trống xen giữa). Hãy xóa các "
    "cột và dòng thừa hoặc chia thành nhiều tệp.",
    "The spreadsheet has too many cells (at most {max} cells per import, counting empty cells in "
    "between). Delete the extra columns and rows or split it into several files.",
};
inline constexpr MessageText kTooMuchText{
    "sheets.too_much_text",
    "Bảng tính có quá nhiều chữ (tối đa {max} MiB mỗi lần nhập). Hãy chia thành nhiều tệp.",
    "The spreadsheet has too much text (at most {max} MiB per import). Split it into several "
    "files.",
};
inline constexpr MessageText kTooManyRows{
    "sheets.too_many_sheet_rows",
    "Bảng tính có quá nhiều dòng (tối đa {max} dòng mỗi lần nhập). Hãy chia thành nhiều tệp.",
    "The spreadsheet has too many rows (at most {max} rows per import). Split it into several "
    "files.",
};
// {where}: the cell ("C5" or kColumnRow).
inline constexpr MessageText kOutsideTable{
    "sheets.outside_table",
    "Ô {where} nằm ngoài vùng bảng (tối đa {max} cột). Hãy xóa nội dung các cột thừa ở bên phải "
    "rồi gửi lại.",
    "Cell {where} is outside the table (at most {max} columns). Clear the extra columns on the "
    "right and send it again.",
};
inline constexpr MessageText kCsvNotDeclared{
    "sheets.csv_not_declared",
    "Tệp gửi lên không phải bảng tính Excel (.xlsx). Tệp CSV thì gửi với Content-Type: text/csv.",
    "The file sent is not an Excel spreadsheet (.xlsx). Send a CSV file with Content-Type: "
    "text/csv.",
};
inline constexpr MessageText kXls{
    "sheets.xls",
    "Tệp Excel 97–2003 (.xls) chưa đọc được. Mở tệp trong Excel và lưu lại dạng Excel Workbook "
    "(.xlsx).",
    "Excel 97–2003 files (.xls) cannot be read yet. Open the file in Excel and save it as an Excel "
    "Workbook (.xlsx).",
};
// {columns}: kWithColumns or nothing.
inline constexpr MessageText kNotSpreadsheet{
    "sheets.not_spreadsheet",
    "Tệp gửi lên không phải bảng tính Excel (.xlsx) hay CSV. Hãy gửi tệp .xlsx (hoặc "
    ".csv){columns}.",
    "The file sent is not an Excel spreadsheet (.xlsx) or a CSV file. Send an .xlsx (or .csv) "
    "file{columns}.",
};
// {columns}: the column headings the file should have.
inline constexpr MessageText kWithColumns{
    "sheets.with_columns",
    " có các cột {columns}",
    " with the columns {columns}",
};
// {ref}: the cell; {what}: one of the kCell… reasons.
inline constexpr MessageText kBadCell{
    "sheets.bad_cell",
    "Không đọc được ô {ref} của bảng tính ({what}). Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi "
    "gửi lại.",
    "Cell {ref} of the spreadsheet cannot be read ({what}). Open the file in Excel, save it as "
    ".xlsx and send it again.",
};
inline constexpr MessageText kCellSharedString{
    "sheets.cell_shared_string",
    "tham chiếu chuỗi dùng chung sai",
    "wrong shared string reference",
};
inline constexpr MessageText kCellNumber{
    "sheets.cell_number",
    "ô số không đọc được",
    "unreadable number",
};
inline constexpr MessageText kCellRowOrder{
    "sheets.cell_row_order",
    "thứ tự dòng sai",
    "rows out of order",
};
inline constexpr MessageText kCellAddress{
    "sheets.cell_address",
    "địa chỉ ô sai",
    "wrong cell address",
};
// {row}: the row's number, as the cell of kBadCell.
inline constexpr MessageText kRowRef{
    "sheets.row_ref",
    "dòng {row}",
    "row {row}",
};
inline constexpr MessageText kNotXlsx{
    "sheets.not_xlsx",
    "Tệp nén này không phải bảng tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng Excel "
    "Workbook (.xlsx).",
    "This compressed file is not an Excel spreadsheet (.xlsx). Open the file in Excel and save it "
    "as an Excel Workbook (.xlsx).",
};
// {what}: one of the kXlsx… reasons.
inline constexpr MessageText kBadXlsx{
    "sheets.bad_xlsx",
    "Không đọc được bảng tính ({what}). Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi gửi lại.",
    "The spreadsheet cannot be read ({what}). Open the file in Excel, save it as .xlsx and send it "
    "again.",
};
// {part}: a part of the file ("xl/workbook.xml").
inline constexpr MessageText kXlsxPartNotXml{
    "sheets.xlsx_part_not_xml",
    "phần {part} không phải XML hợp lệ",
    "part {part} is not valid XML",
};
inline constexpr MessageText kXlsxNoSheet{
    "sheets.xlsx_no_sheet",
    "không có trang tính nào",
    "there is no worksheet",
};
inline constexpr MessageText kXlsxSheetName{
    "sheets.xlsx_sheet_name",
    "tên trang tính không phải chữ UTF-8",
    "the worksheet's name is not UTF-8 text",
};
// {sheet}: the worksheet's name.
inline constexpr MessageText kXlsxMissingSheet{
    "sheets.xlsx_missing_sheet",
    "thiếu trang tính {sheet}",
    "worksheet {sheet} is missing",
};
inline constexpr MessageText kDoctype{
    "sheets.doctype",
    "Phần {part} có khai báo DOCTYPE, không được phép.",
    "Part {part} declares a DOCTYPE, which is not allowed.",
};
// {line}: the line of the part; {error}: the XML parser's own words.
inline constexpr MessageText kNotXml{
    "sheets.not_xml",
    "Phần {part} không phải XML hợp lệ (dòng {line}: {error}).",
    "Part {part} is not valid XML (line {line}: {error}).",
};
inline constexpr MessageText kNotZip{
    "sheets.not_zip",
    "Tệp không phải tệp nén ZIP hợp lệ.",
    "The file is not a valid ZIP archive.",
};
inline constexpr MessageText kZipPartBroken{
    "sheets.zip_part_broken",
    "Phần {part} của tệp nén bị hỏng hoặc bị mã hóa.",
    "Part {part} of the archive is damaged or encrypted.",
};
inline constexpr MessageText kZipNoPart{
    "sheets.zip_no_part",
    "Không có phần {part}.",
    "There is no part {part}.",
};
// {max}: MiB.
inline constexpr MessageText kZipPartTooLarge{
    "sheets.zip_part_too_large",
    "Tệp quá lớn khi giải nén (tối đa {max} MiB mỗi phần).",
    "The file is too large once uncompressed (at most {max} MiB per part).",
};

}  // namespace dh::sheets::msg
