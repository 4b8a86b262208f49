#include <semaphore>

#include "core/text.h"
#include "sheets/sheet.h"
#include "sheets/sheet_budget.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {
namespace {

bool DeclaredAsText(std::string_view content_type) {
  const std::string t = text::FoldForSearch(content_type.substr(0, content_type.find(';')));
  return t == "text/csv" || t == "application/csv" || t == "text/plain" ||
         t == "application/vnd.ms-excel" || t == "text/comma-separated-values" ||
         t == "application/octet-stream";
}

// At most two uploads are read at once, so the bound of sheet.h holds for the server as
// a whole (twice over), however many imports arrive together; the others wait their turn.
std::counting_semaphore<2> read_slots(2);

struct ReadSlot {
  ReadSlot() { read_slots.acquire(); }
  ~ReadSlot() { read_slots.release(); }
};

Result<Sheet> ReadUploadTo(std::string_view bytes, std::string_view content_type,
                           std::string_view columns_hint, const ReadLimits& limits,
                           const RowSink* sink) {
  const std::string columns =
      columns_hint.empty() ? "" : Say(msg::kWithColumns, {{"columns", std::string(columns_hint)}});
  const ReadSlot slot;
  switch (SniffUpload(bytes)) {
    case UploadKind::kXlsx:
      return ReadXlsxTo(bytes, limits, sink);
    case UploadKind::kCsv:
      if (!DeclaredAsText(content_type))
        return Status::UnsupportedMediaType("file", Say(msg::kCsvNotDeclared));
      return ReadCsvTo(bytes, limits, sink);
    case UploadKind::kXls:
      return Status::UnsupportedMediaType("file", Say(msg::kXls));
    case UploadKind::kUnknown:
      break;
  }
  return Status::UnsupportedMediaType("file", Say(msg::kNotSpreadsheet, {{"columns", columns}}));
}

}  // namespace

Result<Sheet> ReadUpload(std::string_view bytes, std::string_view content_type,
                         std::string_view columns_hint, const ReadLimits& limits) {
  return ReadUploadTo(bytes, content_type, columns_hint, limits, nullptr);
}

Status StreamUpload(std::string_view bytes, std::string_view content_type,
                    std::string_view columns_hint, const ReadLimits& limits, const RowSink& sink) {
  return ReadUploadTo(bytes, content_type, columns_hint, limits, &sink).status();
}

}  // namespace dh::sheets
