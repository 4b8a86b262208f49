#include "targets/target_review.h"

#include <algorithm>

#include "sheets/table_writer.h"
#include "targets/target_json.h"

namespace dh::targets {
namespace {

namespace bj = boost::json;

// Red first (at risk, missed), then amber (on track), green (achieved), grey (not reported);
// indexed as TargetStatus is declared (achieved, on track, at risk, missed, not reported).
int Urgency(TargetStatus s) {
  static constexpr int kUrgency[] = {3, 2, 0, 1, 4};
  return kUrgency[static_cast<int>(s)];
}

std::vector<const ReviewLine*> Ordered(const std::vector<ReviewLine>& lines) {
  std::vector<const ReviewLine*> out;
  for (const ReviewLine& l : lines) out.push_back(&l);
  std::stable_sort(out.begin(), out.end(), [](const ReviewLine* a, const ReviewLine* b) {
    return Urgency(a->row.verdict.status) < Urgency(b->row.verdict.status);
  });
  return out;
}

std::string UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "";
}

std::string StatusLabel(TargetStatus s) {
  static const char* const kLabels[] = {"Đạt", "Đúng tiến độ", "Có nguy cơ", "Chưa đạt",
                                        "Chưa có số liệu"};
  return kLabels[static_cast<int>(s)];
}

bj::object LineJson(const ReviewLine& l, const units::UnitGraph& g) {
  bj::object o = TargetJson(l.row);
  o["unit_name"] = UnitName(g, l.row.target.unit_id);
  bj::array trend, lagging;
  for (const Reading& r : l.trend) trend.push_back(ReadingJson(r));
  for (const TargetRow& r : l.lagging)
    lagging.push_back({{"unit_id", r.target.unit_id},
                       {"unit_name", UnitName(g, r.target.unit_id)},
                       {"target_id", r.target.id},
                       {"status", StatusName(r.verdict.status)},
                       {"status_reason", StatusReason(r.verdict)}});
  o["trend"] = std::move(trend);
  o["lagging_units"] = std::move(lagging);
  return o;
}

}  // namespace

bj::object ReviewJson(const Period& p, const std::vector<ReviewLine>& lines,
                      const units::UnitDirectory& units) {
  const auto g = units.Get();
  bj::object summary;
  for (int i = 0; i <= static_cast<int>(TargetStatus::kNotReported); ++i)
    summary[StatusName(static_cast<TargetStatus>(i))] = 0;
  bj::array items;
  for (const ReviewLine* l : Ordered(lines)) {
    summary[StatusName(l->row.verdict.status)].as_int64() += 1;
    items.push_back(LineJson(*l, *g));
  }
  return {{"period", p.ToString()},
          {"period_label", p.Label()},
          {"summary", std::move(summary)},
          {"items", std::move(items)},
          {"total", static_cast<int64_t>(lines.size())}};
}

Result<std::string> ReviewXlsx(const Period& p, const std::vector<ReviewLine>& lines,
                               const units::UnitDirectory& units, Date today) {
  const auto g = units.Get();
  sheets::TableTitle title{"ĐÁNH GIÁ THỰC HIỆN CÁC CHỈ TIÊU",
                           "Các chỉ tiêu " + p.Label() + " và các chỉ tiêu năm tính đến hết kỳ",
                           "Số liệu đến ngày " + today.ToVietnamese() +
                               ". Tổng số: " + std::to_string(lines.size()) + " chỉ tiêu.",
                           "Danh gia"};
  std::vector<sheets::TableColumn> cols = {{"STT", sheets::CellKind::kInteger, 6, true},
                                           {"Chỉ số", sheets::CellKind::kText, 36},
                                           {"Đơn vị", sheets::CellKind::kText, 24},
                                           {"Kỳ", sheets::CellKind::kText, 12},
                                           {"Chỉ tiêu", sheets::CellKind::kText, 18},
                                           {"Thực hiện", sheets::CellKind::kText, 16},
                                           {"Đánh giá", sheets::CellKind::kText, 16},
                                           {"Căn cứ đánh giá", sheets::CellKind::kText, 48},
                                           {"Đơn vị chậm", sheets::CellKind::kText, 30}};
  return sheets::TableBytes(title, cols, [&](sheets::TableWriter& w) -> Status {
    int64_t n = 0;
    for (const ReviewLine* l : Ordered(lines)) {
      const TargetRow& r = l->row;
      std::string lagging;
      for (const TargetRow& o : l->lagging)
        lagging += (lagging.empty() ? "" : "; ") + UnitName(*g, o.target.unit_id);
      const std::string value =
          r.reading ? FormatWithUnit(r.reading->value, r.indicator.unit_of_measure) +
                          (r.reading->kind == ValueKind::kEstimate ? " (ước)" : "")
                    : "";
      DH_RETURN_IF_ERROR(
          w.Row({{++n},
                 {r.indicator.name},
                 {UnitName(*g, r.target.unit_id)},
                 {r.target.period.Label()},
                 {r.target.expression.empty() ? r.target.parsed.reading : r.target.expression},
                 {value},
                 {StatusLabel(r.verdict.status)},
                 {r.verdict.reason},
                 {lagging}}));
    }
    return Status::Ok();
  });
}

}  // namespace dh::targets
