#include "targets/target_parse.h"

#include <cmath>

#include "core/json.h"
#include "targets/target_messages.h"

namespace dh::targets {
namespace {

namespace bj = boost::json;

constexpr size_t kMaxSplitParts = 12;

template <typename E>
Result<std::optional<E>> OptionalEnum(const bj::object& o, json::Field f,
                                      std::optional<E> (*parse)(std::string_view),
                                      const char* allowed) {
  DH_ASSIGN_OR_RETURN(auto s, json::OptionalString(o, f, 40));
  if (!s) return std::optional<E>();
  auto e = parse(*s);
  if (!e)
    return Status::InvalidInput(
        std::string(f.key),
        Say(msg::kOneOf, {{"name", Label{std::string(f.label), ""}}, {"allowed", allowed}}));
  return e;
}

Result<std::optional<double>> OptionalNumber(const bj::object& o, json::Field f) {
  const bj::value* v = o.if_contains(f.key);
  if (!v || v->is_null()) return std::optional<double>();
  double d = 0;
  if (v->is_int64())
    d = static_cast<double>(v->as_int64());
  else if (v->is_uint64())
    d = static_cast<double>(v->as_uint64());
  else if (v->is_double())
    d = v->as_double();
  else
    return Status::InvalidInput(std::string(f.key),
                                Say(msg::kNotNumber, {{"name", Label{std::string(f.label), ""}}}));
  if (!std::isfinite(d) || std::abs(d) >= 1e15)
    return Status::InvalidInput(
        std::string(f.key), Say(msg::kNumberTooLarge, {{"name", Label{std::string(f.label), ""}}}));
  return std::optional(d);
}

template <typename T>
Status Set(Result<std::optional<T>> r, T& out) {
  if (!r.ok()) return r.status();
  if (*r) out = **r;
  return Status::Ok();
}

Status RequireSet(bool present, const char* field, const char* label) {
  if (present) return Status::Ok();
  return Status::InvalidInput(field, Say(msg::kFillIn, {{"name", Label{label, ""}}}), "required");
}

}  // namespace

Result<Period> ParsePeriodField(const std::string& text, const char* field) {
  return Period::Parse(text, field);
}

Result<Indicator> ParseIndicator(const bj::object& o, Indicator in, bool patch) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"code", "name", "name_en", "unit_of_measure", "direction", "aggregation",
                           "periodicity", "responsible_unit_id", "group", "computed"}));
  DH_RETURN_IF_ERROR(Set(json::OptionalString(o, {"code", "Mã chỉ số"}, 50), in.code));
  DH_RETURN_IF_ERROR(Set(json::OptionalString(o, {"name", "Tên chỉ số"}, 300), in.name));
  DH_RETURN_IF_ERROR(Set(json::OptionalString(o, {"name_en", "Tên tiếng Anh"}, 300), in.name_en));
  DH_RETURN_IF_ERROR(
      Set(json::OptionalString(o, {"unit_of_measure", "Đơn vị tính"}, 40), in.unit_of_measure));
  DH_RETURN_IF_ERROR(Set(OptionalEnum<Direction>(o, {"direction", "Chiều đánh giá"}, ParseDirection,
                                                 "higher_better, lower_better, in_range"),
                         in.direction));
  DH_RETURN_IF_ERROR(
      Set(OptionalEnum<Aggregation>(o, {"aggregation", "Cách tổng hợp"}, ParseAggregation,
                                    "sum, average, weighted, none"),
          in.aggregation));
  DH_RETURN_IF_ERROR(Set(OptionalEnum<Periodicity>(o, {"periodicity", "Kỳ báo cáo"},
                                                   ParsePeriodicity, "month, quarter, year"),
                         in.periodicity));
  DH_RETURN_IF_ERROR(
      Set(json::OptionalId(o, {"responsible_unit_id", "Đơn vị chủ trì"}), in.responsible_unit_id));
  DH_RETURN_IF_ERROR(Set(json::OptionalString(o, {"group", "Nhóm"}, 50), in.group));
  DH_RETURN_IF_ERROR(Set(json::OptionalString(o, {"computed", "Cách tính"}, 80), in.computed));
  if (patch) return in;
  DH_RETURN_IF_ERROR(RequireSet(!in.code.empty(), "code", "Mã chỉ số"));
  DH_RETURN_IF_ERROR(RequireSet(!in.name.empty(), "name", "Tên chỉ số"));
  DH_RETURN_IF_ERROR(RequireSet(json::Has(o, "direction"), "direction", "Chiều đánh giá"));
  DH_RETURN_IF_ERROR(RequireSet(json::Has(o, "aggregation"), "aggregation", "Cách tổng hợp"));
  DH_RETURN_IF_ERROR(RequireSet(json::Has(o, "periodicity"), "periodicity", "Kỳ báo cáo"));
  DH_RETURN_IF_ERROR(
      RequireSet(in.responsible_unit_id != 0, "responsible_unit_id", "Đơn vị chủ trì"));
  return in;
}

namespace {

Result<TargetExpression> ParseGivenExpression(const bj::object& o) {
  DH_ASSIGN_OR_RETURN(auto name, json::OptionalString(o, {"comparator", "Phép so sánh"}, 10));
  const auto c = name ? ParseComparator(*name) : std::nullopt;
  if (!c) return Status::InvalidInput("expression", Say(msg::kExpressionOrComparator), "required");
  std::vector<double> values;
  const bj::value* v = o.if_contains("values");
  if (!v || !v->is_array()) return Status::InvalidInput("values", Say(msg::kValuesArray));
  for (const bj::value& x : v->as_array()) {
    bj::object one{{"values", x}};
    DH_ASSIGN_OR_RETURN(auto d, OptionalNumber(one, {"values", "Giá trị chỉ tiêu"}));
    if (!d) return Status::InvalidInput("values", Say(msg::kValuesArray));
    values.push_back(*d);
  }
  DH_ASSIGN_OR_RETURN(auto unit, json::OptionalString(o, {"unit", "Đơn vị"}, 40));
  DH_ASSIGN_OR_RETURN(auto relative, json::OptionalBool(o, {"relative", "So với kỳ trước"}));
  return MakeTargetExpression(*c, std::move(values), unit.value_or(""), relative.value_or(false));
}

Result<std::vector<SplitPart>> ParseSplit(const bj::object& o, const TargetInput& t) {
  std::vector<SplitPart> out;
  const bj::value* v = o.if_contains("split");
  if (!v || v->is_null()) return out;
  if (!v->is_array() || v->as_array().size() > kMaxSplitParts)
    return Status::InvalidInput("split", Say(msg::kSplitList, {{"max", int64_t{kMaxSplitParts}}}));
  for (const bj::value& x : v->as_array()) {
    if (!x.is_object()) return Status::InvalidInput("split", Say(msg::kSplitItem));
    const bj::object& part = x.as_object();
    DH_RETURN_IF_ERROR(json::OnlyFields(part, {"period", "share", "value"}, "split[]."));
    DH_ASSIGN_OR_RETURN(auto period, json::RequiredString(part, {"period", "Kỳ"}, 10));
    DH_ASSIGN_OR_RETURN(const Period p, Period::Parse(period, "split"));
    DH_ASSIGN_OR_RETURN(auto share, OptionalNumber(part, {"share", "Tỷ lệ"}));
    DH_ASSIGN_OR_RETURN(auto value, OptionalNumber(part, {"value", "Khối lượng"}));
    const double base = t.parsed.values.at(0);
    if (!share && value && base != 0) share = *value / base * 100;
    if (!share) return Status::InvalidInput("split", Say(msg::kSplitShareOrValue));
    out.push_back({p, *share});
  }
  return out;
}

}  // namespace

Result<TargetInput> ParseTargetInput(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"indicator_id", "unit_id", "period", "expression", "comparator",
                           "values", "unit", "relative", "split", "note"}));
  TargetInput in;
  DH_ASSIGN_OR_RETURN(in.indicator_id, json::RequiredId(o, {"indicator_id", "Chỉ số"}));
  DH_ASSIGN_OR_RETURN(in.unit_id, json::RequiredId(o, {"unit_id", "Đơn vị"}));
  DH_ASSIGN_OR_RETURN(auto period, json::RequiredString(o, {"period", "Kỳ"}, 20));
  DH_ASSIGN_OR_RETURN(in.period, Period::Parse(period));
  DH_ASSIGN_OR_RETURN(auto text, json::OptionalString(o, {"expression", "Chỉ tiêu"}, 400));
  if (text) {
    in.expression = *text;
    DH_ASSIGN_OR_RETURN(in.parsed, ReadTargetExpression(*text));
  } else {
    DH_ASSIGN_OR_RETURN(in.parsed, ParseGivenExpression(o));
  }
  DH_ASSIGN_OR_RETURN(in.split, ParseSplit(o, in));
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Ghi chú"}, 2000));
  in.note = note.value_or("");
  return in;
}

Result<ValueInput> ParseValueInput(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"indicator_id", "unit_id", "period", "value", "kind", "source", "note"}));
  ValueInput in;
  DH_ASSIGN_OR_RETURN(in.indicator_id, json::RequiredId(o, {"indicator_id", "Chỉ số"}));
  DH_ASSIGN_OR_RETURN(in.unit_id, json::RequiredId(o, {"unit_id", "Đơn vị"}));
  DH_ASSIGN_OR_RETURN(auto period, json::RequiredString(o, {"period", "Kỳ"}, 20));
  DH_ASSIGN_OR_RETURN(in.period, Period::Parse(period));
  DH_ASSIGN_OR_RETURN(auto value, OptionalNumber(o, {"value", "Giá trị"}));
  DH_RETURN_IF_ERROR(RequireSet(value.has_value(), "value", "Giá trị"));
  in.value = *value;
  DH_ASSIGN_OR_RETURN(auto kind, OptionalEnum<ValueKind>(o, {"kind", "Loại số liệu"},
                                                         ParseValueKind, "estimate, official"));
  DH_RETURN_IF_ERROR(
      RequireSet(kind.has_value(), "kind", "Loại số liệu (ước tính hay chính thức)"));
  in.kind = *kind;
  DH_ASSIGN_OR_RETURN(auto source, json::OptionalString(o, {"source", "Nguồn số liệu"}, 300));
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Ghi chú"}, 2000));
  in.source = source.value_or("");
  in.note = note.value_or("");
  return in;
}

Result<AskInput> ParseAskInput(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"target_id", "task_id", "due_on", "due_in_days", "question"}));
  AskInput in;
  DH_ASSIGN_OR_RETURN(in.target_id, json::OptionalId(o, {"target_id", "Chỉ tiêu"}));
  DH_ASSIGN_OR_RETURN(in.task_id, json::OptionalId(o, {"task_id", "Nhiệm vụ"}));
  if (in.target_id.has_value() == in.task_id.has_value())
    return Status::InvalidInput("target_id", Say(msg::kTargetOrTask));
  DH_ASSIGN_OR_RETURN(in.due_on, json::OptionalDate(o, {"due_on", "Hạn trả lời"}));
  DH_ASSIGN_OR_RETURN(auto days, json::OptionalInt(o, {"due_in_days", "Số ngày làm việc"}, 1, 60));
  if (days) in.due_in_days = static_cast<int>(*days);
  DH_ASSIGN_OR_RETURN(in.question, json::RequiredString(o, {"question", "Nội dung yêu cầu"}, 2000));
  return in;
}

Result<AnswerInput> ParseAnswerInput(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"causes", "measures", "expected_value", "expected_on"}));
  AnswerInput in;
  DH_ASSIGN_OR_RETURN(in.causes, json::RequiredString(o, {"causes", "Nguyên nhân"}, 4000));
  DH_ASSIGN_OR_RETURN(in.measures, json::RequiredString(o, {"measures", "Giải pháp"}, 4000));
  DH_ASSIGN_OR_RETURN(in.expected_value, OptionalNumber(o, {"expected_value", "Giá trị dự kiến"}));
  DH_ASSIGN_OR_RETURN(in.expected_on, json::OptionalDate(o, {"expected_on", "Ngày dự kiến đạt"}));
  if (!in.expected_value && !in.expected_on)
    return Status::InvalidInput("expected_value", Say(msg::kExpectedValueOrDate), "required");
  return in;
}

}  // namespace dh::targets
