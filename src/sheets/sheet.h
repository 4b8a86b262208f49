// Reading a table of cells from what an office uploads: an Excel workbook (.xlsx, its
// first sheet) or a CSV file. No feature knowledge here: an importer decides what the
// columns mean. The upload's kind is sniffed from its bytes, never taken from its name.
//
// Memory is bounded by ReadLimits whatever the upload: the sheet and its shared strings
// are streamed from the ZIP through an XML tokenizer (never a whole-part DOM), every
// cell held counts against max_cells (the empty ones before a value included) and every
// byte of text against max_text_bytes, and a value beyond max_columns is refused. With
// the defaults a read holds at most about 300 MiB beside the upload itself
// (HeldBytesBound), and a real office sheet a few MiB.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dh::sheets {

struct SheetCell {
  std::string text;              // as a person reads it; for a number, its shortest form
  std::optional<double> number;  // numeric cells (Excel numbers and dates); always finite
  bool percent = false;          // formatted as a percentage (0.45 shows as 45 %)
  bool date = false;             // formatted as a date (the number is a serial date)
};

struct SheetRow {
  int number = 0;                // as Excel (or a spreadsheet opening the CSV) shows it, from 1
  std::vector<SheetCell> cells;  // by column, A = 0; may be shorter than other rows

  const SheetCell* At(size_t column) const {
    return column < cells.size() ? &cells[column] : nullptr;
  }
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;  // rows without any cell are left out
};

enum class UploadKind { kXlsx, kXls, kCsv, kUnknown };

// From the first bytes: a ZIP container (maybe .xlsx), the old binary Excel format,
// text (CSV, in UTF-8 or not: ReadCsv says which encoding it needs), or anything else.
UploadKind SniffUpload(std::string_view bytes);

struct ReadLimits {
  size_t max_part_bytes = 256u << 20;      // uncompressed bytes of one streamed part
  size_t max_small_part_bytes = 8u << 20;  // workbook, relationships, styles (parsed whole)
  size_t max_rows = 100000;
  size_t max_columns = 256;           // A … IV; a value further right is refused
  size_t max_cells = 1000000;         // cells held, empty ones before a value included
  size_t max_text_bytes = 32u << 20;  // text held: shared strings and cells each
  size_t max_zip_entries = 10000;
};

// The most a read may hold in memory under `limits`, the upload's own bytes aside.
size_t HeldBytesBound(const ReadLimits& limits);

// The first worksheet. UnsupportedMediaType when the ZIP is not a workbook; InvalidInput
// ("bad_xlsx") when a part cannot be read, ("too_many_columns") for a value beyond
// max_columns; PayloadTooLarge past the other limits.
Result<Sheet> ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

// UTF-8 with or without a byte-order mark; fields separated by commas or semicolons
// (whichever the first lines use more), quoted with "…" ("" inside quotes is one "),
// quoted fields may span lines. InvalidInput ("not_utf8") for other encodings, with
// the encoding it seems to be in and how to save the file as UTF-8.
Result<Sheet> ReadCsv(std::string_view bytes, const ReadLimits& limits = {});

// What an importer calls: the upload read by its sniffed kind, at most two at once in
// the process (a third waits), so imports together hold at most twice the bound.
// UnsupportedMediaType (415) for what is neither .xlsx nor CSV (CSV must also be declared as text
// by `content_type`), naming `columns_hint` ("STT, Nhiệm vụ, …") in the advice.
Result<Sheet> ReadUpload(std::string_view bytes, std::string_view content_type,
                         std::string_view columns_hint, const ReadLimits& limits = {});

// A row handed over as soon as it is read (StreamUpload); an error stops the read with it.
using RowSink = std::function<Status(SheetRow&& row)>;

// ReadUpload for uploads too large to hold as a Sheet: each row with a value goes to `sink`
// as it is read and is not kept, so that the read holds one row (and an .xlsx's shared
// strings) whatever the number of rows. max_cells and max_text_bytes then bound what is
// held at once, max_rows counts the rows handed over, max_part_bytes what is streamed.
Status StreamUpload(std::string_view bytes, std::string_view content_type,
                    std::string_view columns_hint, const ReadLimits& limits, const RowSink& sink);

// The Excel serial day (days since 1899-12-30, the 1900 date system) of a day counted
// from 1970-01-01. Back from a cell's number: Date::FromSerial, which checks the range.
inline double ExcelSerial(int32_t days_since_epoch) { return days_since_epoch + 25569.0; }

}  // namespace dh::sheets
