#include "targets/target_import.h"

#include <charconv>
#include <unordered_map>

#include "audit/recorder.h"
#include "core/hash.h"
#include "sheets/cells.h"
#include "sheets/import_ledger.h"
#include "sheets/table_writer.h"
#include "targets/target_json.h"
#include "targets/target_messages.h"
#include "targets/target_service.h"

namespace dh::targets {

const sheets::ColumnMap& ValueImportColumns() {
  static const sheets::ColumnMap kMap(
      {{"stt", "STT", {}, false, "", "", true},
       {"indicator_code", "Mã chỉ số", {"Mã chỉ tiêu"}, true, "Mã trong danh mục chỉ số."},
       {"indicator_name", "Tên chỉ số", {"Chỉ tiêu", "Chỉ số"}, false, "", "", true},
       {"unit_code", "Mã đơn vị", {}, true, "Mã đơn vị báo cáo, ví dụ MA.SXD."},
       {"period", "Kỳ", {"Kỳ báo cáo"}, true, "Năm 2024, quý 2024-Q2 hoặc tháng 2024-06."},
       {"value", "Giá trị", {"Số liệu", "Thực hiện"}, true, "Số viết 1.234,5 hoặc 7,5."},
       {"kind", "Loại số liệu", {"Loại"}, true, "Ghi \"ước tính\" hoặc \"chính thức\"."},
       {"source", "Nguồn số liệu", {"Nguồn"}},
       {"note", "Ghi chú"}},
      "như tệp xuất từ hệ thống (Chỉ tiêu → Số liệu → Xuất Excel)");
  return kMap;
}

namespace {

std::optional<double> CellNumber(const sheets::SheetCell* cell) {
  if (!cell) return std::nullopt;
  if (cell->number) return *cell->number;
  const auto d = sheets::ParseVietnameseDecimal(cell->text);
  if (!d) return std::nullopt;
  const std::string plain =
      (d->negative ? "-" : "") + d->whole + "." + (d->fraction.empty() ? "0" : d->fraction);
  double v = 0;
  const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  return ec == std::errc() && end == plain.data() + plain.size() ? std::optional(v) : std::nullopt;
}

std::optional<ValueKind> KindOf(const std::string& raw) {
  const std::string k = sheets::WordKey(raw);
  if (k == "uoc tinh" || k == "uoc" || k == "estimate") return ValueKind::kEstimate;
  if (k == "chinh thuc" || k == "official") return ValueKind::kOfficial;
  return std::nullopt;
}

}  // namespace

Result<std::vector<IndicatorValue>> TargetService::ParseValueRows(
    const TargetAccess& a, const ValueUpload& up, std::vector<sheets::RowError>* errors) const {
  DH_ASSIGN_OR_RETURN(sheets::Sheet sheet,
                      sheets::ReadUpload(up.bytes, up.content_type, ValueImportColumns().Names()));
  std::unordered_map<std::string, Indicator> by_code;
  for (Indicator& i : model_.Indicators()) by_code[i.code] = std::move(i);
  const auto g = units_.Get();
  std::vector<IndicatorValue> out;
  DH_ASSIGN_OR_RETURN(*errors,
                      sheets::ParseRows(sheet, ValueImportColumns(), kMaxImportValues, "số liệu",
                                        [&](sheets::RowReader& r) {
                                          IndicatorValue v;
                                          const auto ind = by_code.find(r.Raw("indicator_code"));
                                          if (ind == by_code.end())
                                            r.Fail("indicator_code", Say(msg::kImportUnknownCode));
                                          else if (!ind->second.computed.empty())
                                            r.Fail("indicator_code", Say(msg::kImportComputed));
                                          else
                                            v.indicator_id = ind->second.id;
                                          const units::Unit* u = g->FindByCode(r.Raw("unit_code"));
                                          if (!u || !MaySubmitValue(a, u->id))
                                            r.Fail("unit_code", Say(msg::kUnitNotInScope));
                                          else
                                            v.unit_id = u->id;
                                          auto p = Period::Parse(r.Raw("period"));
                                          if (!p.ok())
                                            r.Fail("period", p.status().message());
                                          else
                                            v.period = *p;
                                          const auto value = CellNumber(r.Cell("value"));
                                          if (!value)
                                            r.Fail("value", Say(msg::kImportBadValue));
                                          else
                                            v.value = *value;
                                          const auto kind = KindOf(r.Raw("kind"));
                                          if (!kind)
                                            r.Fail("kind", Say(msg::kImportBadKind));
                                          else
                                            v.kind = *kind;
                                          v.source = r.Text("source", 300).value_or("");
                                          v.note = r.Text("note", 2000).value_or("");
                                          if (r.ok()) out.push_back(std::move(v));
                                          return true;
                                        }));
  return out;
}

Result<ValueImportOutcome> TargetService::ImportValues(const auth::Principal& who,
                                                       const ValueUpload& up) {
  const TargetAccess a = AccessOf(who);
  ValueImportOutcome outcome;
  DH_ASSIGN_OR_RETURN(auto rows, ParseValueRows(a, up, &outcome.errors));
  if (!outcome.errors.empty()) return outcome;
  outcome.valid_rows = static_cast<int64_t>(rows.size());
  if (up.dry_run) return outcome;
  const int64_t now = clock_.NowSeconds();
  const sheets::ImportRecord record{0,
                                    "indicator_values",
                                    0,
                                    Sha256Hex(up.bytes),
                                    up.file_name,
                                    static_cast<int64_t>(rows.size()),
                                    who.user_id,
                                    now};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(sheets::RecordOnce(c, record, "số liệu chỉ tiêu", "số liệu"));
    for (IndicatorValue& v : rows) {
      v.state = ValueState::kSubmitted;
      v.submitted_by = who.user_id;
      v.submitted_at = now;
      DH_ASSIGN_OR_RETURN(v.id, InsertValue(c, v));
      DH_RETURN_IF_ERROR(audit::Record(
          c, &who, {"indicator_value.import", kValueEntity, v.id, v.unit_id, nullptr, ValueJson(v)},
          now));
    }
    return Status::Ok();
  }));
  outcome.imported = static_cast<int64_t>(rows.size());
  return outcome;
}

Result<std::string> ValuesXlsx(const std::vector<IndicatorValue>& values,
                               const std::vector<Indicator>& indicators, const units::UnitGraph& g,
                               Date today) {
  std::unordered_map<int64_t, const Indicator*> by_id;
  for (const Indicator& i : indicators) by_id[i.id] = &i;
  sheets::TableTitle title{"SỐ LIỆU CHỈ TIÊU", "Các số liệu trong phạm vi của tài khoản",
                           "Số liệu đến ngày " + today.ToVietnamese() +
                               ". Tổng số: " + std::to_string(values.size()) + " số liệu.",
                           "So lieu"};
  std::vector<sheets::TableColumn> cols;
  for (const auto& c : ValueImportColumns().columns())
    cols.push_back({c.heading,
                    c.key == "stt" ? sheets::CellKind::kInteger : sheets::CellKind::kText,
                    c.key == "indicator_name" ? 36.0 : 14.0});
  return sheets::TableBytes(title, cols, [&](sheets::TableWriter& w) -> Status {
    int64_t n = 0;
    for (const IndicatorValue& v : values) {
      const Indicator* i = by_id.count(v.indicator_id) ? by_id[v.indicator_id] : nullptr;
      const units::Unit* u = g.Find(v.unit_id);
      DH_RETURN_IF_ERROR(w.Row({{++n},
                                {i ? i->code : ""},
                                {i ? i->name : ""},
                                {u ? u->code : ""},
                                {v.period.ToString()},
                                {FormatNumber(v.value)},
                                {v.kind == ValueKind::kOfficial ? "chính thức" : "ước tính"},
                                {v.source},
                                {v.note}}));
    }
    return Status::Ok();
  });
}

}  // namespace dh::targets
