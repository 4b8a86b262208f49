// The frame of an administrative document under Decree 30/2020/NĐ-CP (Appendix I): the
// issuer under its parent, the number and symbol, the national name and motto (in the
// template), the place and date, the kind and subject, the signer block and the
// recipients. Every report template of the project names these fields the same way, so a
// report fills them with one call and adds its own body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "documents/docx_template.h"

namespace dh::documents {

struct DocumentFrame {
  std::string parent_issuer;  // {{co_quan_chu_quan}} "ỦY BAN NHÂN DÂN TỈNH MINH AN"; may be ""
  std::string issuer;         // {{co_quan}} "SỞ TƯ PHÁP"
  std::string number_symbol;  // {{so_ky_hieu}} "125/BC-STP"; "" leaves "     /BC-…" to fill by hand
  std::string symbol = "BC";      // the kind's abbreviation when number_symbol is ""
  std::string place;              // "Minh An"
  Date date;                      // {{dia_danh_ngay}} "Minh An, ngày 06 tháng 12 năm 2026"
  std::string kind = "BÁO CÁO";   // {{loai_van_ban}}
  std::string subject;            // {{trich_yeu}}
  std::string signing_authority;  // {{tham_quyen_ky}} "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"
  std::string signer_title;       // {{chuc_vu_nguoi_ky}} "CHỦ TỊCH"
  std::string signer_name;        // {{nguoi_ky}}
  std::vector<std::string> recipients;  // {{+noi_nhan}} "- Như trên;" … "- Lưu: VT."
};

// "Minh An, ngày 06 tháng 12 năm 2026": days below 10 and the months January and February
// take a leading zero (Decree 30, Appendix I, point 5).
std::string PlaceAndDate(std::string_view place, Date date);

// Capitals as Vietnamese writes them ("sở tư pháp" → "SỞ TƯ PHÁP").
std::string Upper(std::string_view s);

// Adds the frame's fields (the issuer, its parent, the kind and the signer's lines in
// capitals), and its recipients as the list "noi_nhan" (field "noi_dung").
void AddFrame(const DocumentFrame& frame, DocxData& data);

// Helpers for a report's lists: one item with one field.
RepeatItem Item(std::string_view field, std::string value, std::string variant = "");

}  // namespace dh::documents
