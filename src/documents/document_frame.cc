#include "documents/document_frame.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace dh::documents {

std::string PlaceAndDate(std::string_view place, Date date) {
  const int day = date.day(), month = date.month();
  const std::string d = fmt::format("{:02}", day);
  const std::string m = month <= 2 ? fmt::format("{:02}", month) : std::to_string(month);
  return fmt::format("{}, ngày {} tháng {} năm {}", place, d, m, date.year());
}

std::string Upper(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toUpper(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

void AddFrame(const DocumentFrame& frame, DocxData& data) {
  Fields& f = data.fields;
  f["co_quan_chu_quan"] = Upper(frame.parent_issuer);
  f["co_quan"] = Upper(frame.issuer);
  f["so_ky_hieu"] = frame.number_symbol.empty() ? "      /" + frame.symbol : frame.number_symbol;
  f["dia_danh_ngay"] = PlaceAndDate(frame.place, frame.date);
  f["loai_van_ban"] = Upper(frame.kind);
  f["trich_yeu"] = frame.subject;
  f["tham_quyen_ky"] = Upper(frame.signing_authority);
  f["chuc_vu_nguoi_ky"] = Upper(frame.signer_title);
  f["nguoi_ky"] = frame.signer_name;
  std::vector<RepeatItem>& recipients = data.lists["noi_nhan"];
  recipients.clear();
  for (const std::string& r : frame.recipients) recipients.push_back(Item("noi_dung", r));
}

RepeatItem Item(std::string_view field, std::string value, std::string variant) {
  RepeatItem item{std::move(variant), {}};
  item.fields.emplace(std::string(field), std::move(value));
  return item;
}

}  // namespace dh::documents
