#include "targets/target_status.h"

#include <algorithm>
#include <cmath>

#include "targets/target_messages.h"

namespace dh::targets {
namespace {

double Eps(double b) { return 1e-9 * std::max(1.0, std::abs(b)); }

// The value meets the bound(s). "=" leans on the direction: more than planned is still
// achieved when higher is better.
bool Met(Comparator c, Direction d, const std::vector<double>& b, double x) {
  switch (c) {
    case Comparator::kGreater:
      return x > b[0] + Eps(b[0]);
    case Comparator::kGreaterEq:
      return x >= b[0] - Eps(b[0]);
    case Comparator::kLess:
      return x < b[0] - Eps(b[0]);
    case Comparator::kLessEq:
      return x <= b[0] + Eps(b[0]);
    case Comparator::kBetween:
      return x >= b[0] - Eps(b[0]) && x <= b[1] + Eps(b[1]);
    case Comparator::kEqual:
      break;
  }
  if (d == Direction::kHigherBetter) return x >= b[0] - Eps(b[0]);
  if (d == Direction::kLowerBetter) return x <= b[0] + Eps(b[0]);
  return std::abs(x - b[0]) <= Eps(b[0]);
}

// A label in the language reasons are said in now.
std::string In(const Label& l) { return CurrentLang() == Lang::kEn ? l.en : l.vi; }

// "7,17 % < 7,5 %", "7,8 % trong khoảng 7,5 % – 8 %": how the value stands to the bound.
std::string Relation(double x, const std::vector<double>& b, Comparator c, std::string_view unit) {
  const auto f = [&](double v) {
    return unit.empty() ? SayNumber(v) : SayNumber(v) + " " + std::string(unit);
  };
  if (c == Comparator::kBetween) {
    if (x < b[0] - Eps(b[0])) return f(x) + " < " + f(b[0]);
    if (x > b[1] + Eps(b[1])) return f(x) + " > " + f(b[1]);
    return Say(msg::kWithinRange, {{"x", f(x)}, {"low", f(b[0])}, {"high", f(b[1])}});
  }
  const char* sym = x > b[0] + Eps(b[0]) ? " > " : x < b[0] - Eps(b[0]) ? " < " : " = ";
  return f(x) + sym + f(b[0]);
}

// A ceiling rather than a floor: "tối đa", "dưới", or "=" when lower is better.
bool IsCeiling(Comparator c, Direction d) {
  return c == Comparator::kLess || c == Comparator::kLessEq ||
         (c == Comparator::kEqual && d == Direction::kLowerBetter);
}

struct Bounds {
  std::vector<double> values;
  std::string note;  // for a relative target: " (năm 2023: 1.000 căn)"
};

// The bounds in the indicator's own unit: a relative target is applied to the previous
// period's official value.
Bounds Resolve(const StatusQuestion& q) {
  const TargetExpression& t = q.target;
  if (!t.relative) return {t.values, ""};
  const double prev = *q.previous_official;
  Bounds b{{}, " (" + In(q.period.Previous().Named()) + ": " + SayNumber(prev) + ")"};
  for (double v : t.values) b.values.push_back(t.unit == "%" ? prev * (1 + v / 100) : prev + v);
  return b;
}

std::string ValueUnit(const TargetExpression& t) {
  return t.relative && t.unit == "%" ? "" : t.unit;
}

StatusVerdict JudgeWhole(const StatusQuestion& q, const Bounds& b, const Reading& r) {
  const bool met = Met(q.target.comparator, q.direction, b.values, r.value);
  const std::string rel =
      Relation(r.value, b.values, q.target.comparator, ValueUnit(q.target)) + b.note;
  if (r.kind == ValueKind::kOfficial)
    return met ? StatusVerdict{TargetStatus::kAchieved, Say(msg::kReasonAchieved, {{"rel", rel}})}
               : StatusVerdict{TargetStatus::kMissed, Say(msg::kReasonNotAchieved, {{"rel", rel}})};
  return met ? StatusVerdict{TargetStatus::kOnTrack,
                             Say(msg::kReasonEstimateAchieved, {{"rel", rel}})}
             : StatusVerdict{TargetStatus::kAtRisk,
                             Say(msg::kReasonEstimateAtRisk, {{"rel", rel}})};
}

// A rate or an index in a part of the period: judged as it stands.
StatusVerdict JudgeLevel(const StatusQuestion& q, const Bounds& b, const Reading& r) {
  const bool met = Met(q.target.comparator, q.direction, b.values, r.value);
  const std::string part = In(r.period.ShortNamed());
  const std::string head =
      r.kind == ValueKind::kEstimate ? Say(msg::kEstimateMark, {{"part", part}}) : part;
  const std::string text =
      head + ": " + Relation(r.value, b.values, q.target.comparator, ValueUnit(q.target)) + b.note;
  return met ? StatusVerdict{TargetStatus::kOnTrack, Say(msg::kReasonOnTrack, {{"text", text}})}
             : StatusVerdict{TargetStatus::kAtRisk, Say(msg::kReasonAtRisk, {{"text", text}})};
}

// A volume in a part of the period: its share of the target against the planned share.
StatusVerdict JudgeProgress(const StatusQuestion& q, const Bounds& b, const Reading& r) {
  const Comparator c = q.target.comparator;
  const double bound = b.values[0];
  if (bound <= 0) return JudgeLevel(q, b, r);
  const bool met = Met(c, q.direction, b.values, r.value);
  const bool ceiling = IsCeiling(c, q.direction);
  const std::string part = In(r.period.ShortNamed());
  const MessageArgs parts = {{"part", part},
                             {"rel", Relation(r.value, b.values, c, ValueUnit(q.target)) + b.note}};
  if (met && !ceiling && r.kind == ValueKind::kOfficial)
    return {TargetStatus::kAchieved, Say(msg::kPartAchieved, parts)};
  if (!met && ceiling)
    return {r.kind == ValueKind::kOfficial ? TargetStatus::kMissed : TargetStatus::kAtRisk,
            Say(msg::kPartOverLimit, parts)};
  const double share = r.value / bound * 100;
  const double need = PlannedShareBy(q.split, r.period, q.period);
  const std::string head =
      Say(ceiling ? msg::kPartUsedCeiling : msg::kPartReachedPlan,
          {{"part", part}, {"share", SayNumber(share)}, {"noun", q.period.NounNamed()}});
  const bool ahead = ceiling ? share <= need + 1e-9 : share >= need - 1e-9;
  const MessageArgs need_arg = {{"need", SayNumber(need)}};
  if (ahead)
    return {TargetStatus::kOnTrack,
            Say(msg::kReasonOnTrack,
                {{"text", head + Say(ceiling ? msg::kWithinLimit : msg::kNeeded, need_arg)}})};
  return {TargetStatus::kAtRisk,
          Say(msg::kReasonAtRisk,
              {{"text", head + Say(ceiling ? msg::kOverLimit : msg::kNeeded, need_arg)}})};
}

}  // namespace

std::string_view DirectionName(Direction d) {
  static const char* const kNames[] = {"higher_better", "lower_better", "in_range"};
  return kNames[static_cast<int>(d)];
}

std::optional<Direction> ParseDirection(std::string_view name) {
  for (int i = 0; i < 3; ++i)
    if (DirectionName(static_cast<Direction>(i)) == name) return static_cast<Direction>(i);
  return std::nullopt;
}

std::string_view StatusName(TargetStatus s) {
  static const char* const kNames[] = {"achieved", "on_track", "at_risk", "missed", "not_reported"};
  return kNames[static_cast<int>(s)];
}

std::string_view ValueKindName(ValueKind k) {
  return k == ValueKind::kOfficial ? "official" : "estimate";
}

std::optional<ValueKind> ParseValueKind(std::string_view name) {
  if (name == "official") return ValueKind::kOfficial;
  if (name == "estimate") return ValueKind::kEstimate;
  return std::nullopt;
}

std::optional<Reading> PickReading(const std::vector<Reading>& values, const Period& target) {
  const Reading* best = nullptr;
  // Higher ranks first: the whole period, then the latest end, then official, then longer.
  auto rank = [&](const Reading& r) {
    return std::make_tuple(r.period == target, r.period.LastMonth(), r.kind == ValueKind::kOfficial,
                           r.period.Months());
  };
  for (const Reading& r : values)
    if (r.period.Within(target) && (!best || rank(r) > rank(*best))) best = &r;
  return best ? std::optional(*best) : std::nullopt;
}

std::vector<Reading> TrendOf(const std::vector<Reading>& readings, PeriodKind kind,
                             const Period& until, size_t n) {
  std::vector<Reading> out;
  for (const Reading& r : readings)
    if (r.period.kind == kind && r.period.Last() <= until.Last()) out.push_back(r);
  // Oldest first; within a period the official value last, so that it is the one kept.
  std::sort(out.begin(), out.end(), [](const Reading& a, const Reading& b) {
    return std::make_pair(a.period, a.kind == ValueKind::kOfficial) <
           std::make_pair(b.period, b.kind == ValueKind::kOfficial);
  });
  std::vector<Reading> one;
  for (const Reading& r : out) {
    if (!one.empty() && one.back().period == r.period) one.pop_back();
    one.push_back(r);
  }
  if (one.size() > n) one.erase(one.begin(), one.end() - static_cast<std::ptrdiff_t>(n));
  return one;
}

double PlannedShareBy(const std::vector<SplitPart>& split, const Period& part,
                      const Period& target) {
  if (split.empty()) return 100.0 * (part.LastMonth() - target.FirstMonth() + 1) / target.Months();
  double share = 0;
  for (const SplitPart& s : split)
    if (s.period.LastMonth() <= part.LastMonth()) share += s.share;
  return share;
}

namespace {

// JudgeTarget, its reason said in the current language.
StatusVerdict JudgeIn(const StatusQuestion& q) {
  if (!q.reading)
    return {TargetStatus::kNotReported, Say(msg::kNoValuesYet, {{"period", q.period.Named()}})};
  if (q.target.relative && !q.previous_official)
    return {TargetStatus::kNotReported,
            Say(msg::kNoPreviousOfficial, {{"period", q.period.Previous().Named()}})};
  const Bounds b = Resolve(q);
  if (q.reading->period == q.period) return JudgeWhole(q, b, *q.reading);
  if (q.cumulative) return JudgeProgress(q, b, *q.reading);
  return JudgeLevel(q, b, *q.reading);
}

}  // namespace

StatusVerdict JudgeTarget(const StatusQuestion& q) {
  StatusVerdict v;
  {
    ScopedLang vi(Lang::kVi);
    v = JudgeIn(q);
  }
  ScopedLang en(Lang::kEn);
  v.reason_en = JudgeIn(q).reason;
  return v;
}

const std::string& StatusReason(const StatusVerdict& v) {
  return CurrentLang() == Lang::kEn ? v.reason_en : v.reason;
}

}  // namespace dh::targets
