#include "targets/target_model.h"

#include <mutex>

#include "targets/target_store.h"

namespace dh::targets {
namespace {

// The query's period: exactly, or (with as_of) any period containing it.
bool Matches(const Period& p, const TargetQuery& q) {
  return q.as_of ? q.period->Within(p) : p == *q.period;
}

}  // namespace

Reading ReadingOf(const IndicatorValue& v) { return {v.period, v.value, v.kind}; }

Status TargetModel::Load(db::Database& db) {
  std::vector<Indicator> indicators;
  std::vector<Target> targets;
  std::vector<IndicatorValue> approved;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(indicators, LoadIndicators(c, std::nullopt));
    DH_ASSIGN_OR_RETURN(targets, LoadTargets(c, std::nullopt));
    DH_ASSIGN_OR_RETURN(approved, ApprovedValues(c, std::nullopt, std::nullopt));
    return Status::Ok();
  }));
  Replace(std::move(indicators), std::move(targets), std::move(approved));
  return Status::Ok();
}

void TargetModel::Replace(std::vector<Indicator> indicators, std::vector<Target> targets,
                          std::vector<IndicatorValue> approved) {
  std::unique_lock lock(mu_);
  indicators_.clear();
  targets_.clear();
  values_.clear();
  for (Indicator& i : indicators) indicators_[i.id] = std::move(i);
  for (Target& t : targets) targets_[t.id] = std::move(t);
  PutValues(approved);
}

void TargetModel::PutValues(const std::vector<IndicatorValue>& approved) {
  for (const IndicatorValue& v : approved) {
    // A newer approved value of the same period and kind replaces the older one.
    auto& list = values_[{v.indicator_id, v.unit_id}];
    std::erase_if(list, [&](const Reading& r) { return r.period == v.period && r.kind == v.kind; });
    list.push_back(ReadingOf(v));
  }
}

Status TargetModel::RefreshIndicator(db::Database& db, int64_t id) {
  std::vector<Indicator> rows;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, LoadIndicators(c, std::vector<int64_t>{id}));
    return Status::Ok();
  }));
  std::unique_lock lock(mu_);
  if (rows.empty()) indicators_.erase(id);
  for (Indicator& i : rows) indicators_[i.id] = std::move(i);
  return Status::Ok();
}

Status TargetModel::RefreshTarget(db::Database& db, int64_t id) {
  std::vector<Target> rows;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, LoadTargets(c, std::vector<int64_t>{id}));
    return Status::Ok();
  }));
  std::unique_lock lock(mu_);
  if (rows.empty()) targets_.erase(id);
  for (Target& t : rows) targets_[t.id] = std::move(t);
  return Status::Ok();
}

Status TargetModel::RefreshValues(db::Database& db, int64_t indicator_id, int64_t unit_id) {
  std::vector<IndicatorValue> rows;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, ApprovedValues(c, indicator_id, unit_id));
    return Status::Ok();
  }));
  std::unique_lock lock(mu_);
  values_.erase({indicator_id, unit_id});
  PutValues(rows);
  return Status::Ok();
}

std::optional<Indicator> TargetModel::FindIndicator(int64_t id) const {
  std::shared_lock lock(mu_);
  const auto it = indicators_.find(id);
  return it == indicators_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<Indicator> TargetModel::FindIndicatorByCode(const std::string& code) const {
  std::shared_lock lock(mu_);
  for (const auto& [id, i] : indicators_)
    if (i.code == code) return i;
  return std::nullopt;
}

std::vector<Indicator> TargetModel::Indicators() const {
  std::shared_lock lock(mu_);
  std::vector<Indicator> out;
  out.reserve(indicators_.size());
  for (const auto& [id, i] : indicators_) out.push_back(i);
  std::sort(out.begin(), out.end(),
            [](const Indicator& a, const Indicator& b) { return a.code < b.code; });
  return out;
}

size_t TargetModel::target_count() const {
  std::shared_lock lock(mu_);
  return targets_.size();
}

const std::vector<Reading>* TargetModel::ReadingsAt(const Key& k, const Readings& computed) const {
  const auto c = computed.find(k);
  if (c != computed.end()) return &c->second;
  const auto it = values_.find(k);
  return it == values_.end() ? nullptr : &it->second;
}

TargetModel::Readings TargetModel::ComputedFor(const std::vector<const Target*>& targets) const {
  Readings out;
  std::unordered_map<int64_t, bool> done;
  for (const Target* t : targets) {
    const auto it = indicators_.find(t->indicator_id);
    if (it == indicators_.end() || it->second.computed.empty() || done[t->indicator_id]) continue;
    done[t->indicator_id] = true;
    for (const ComputedValue& v : sources_.ValuesOf(it->second))
      out[{t->indicator_id, v.unit_id}].push_back({v.period, v.value, v.kind});
  }
  return out;
}

TargetRow TargetModel::Judge(const Target& t, const Indicator& i, const Readings& computed,
                             const std::optional<Period>& as_of) const {
  static const std::vector<Reading> kNone;
  const Key key{t.indicator_id, t.unit_id};
  const std::vector<Reading>* readings = ReadingsAt(key, computed);
  // A computed indicator never falls back on typed values.
  if (!readings || (!i.computed.empty() && !computed.count(key))) readings = &kNone;
  std::vector<Reading> cut;
  if (as_of) {
    for (const Reading& r : *readings)
      if (r.period.Last() <= as_of->Last()) cut.push_back(r);
    readings = &cut;
  }
  StatusQuestion q{i.direction, i.aggregation == Aggregation::kSum, t.parsed, t.period, t.split};
  q.reading = PickReading(*readings, t.period);
  const Period prev = t.period.Previous();
  for (const Reading& r : *readings)
    if (r.period == prev && r.kind == ValueKind::kOfficial) q.previous_official = r.value;
  return {t, i, JudgeTarget(q), q.reading};
}

std::optional<TargetRow> TargetModel::Find(int64_t target_id) const {
  std::shared_lock lock(mu_);
  const auto it = targets_.find(target_id);
  if (it == targets_.end()) return std::nullopt;
  const auto ind = indicators_.find(it->second.indicator_id);
  if (ind == indicators_.end()) return std::nullopt;
  return Judge(it->second, ind->second, ComputedFor({&it->second}));
}

std::vector<TargetRow> TargetModel::Query(const TargetQuery& q) const {
  std::shared_lock lock(mu_);
  std::vector<const Target*> picked;
  for (const auto& [id, t] : targets_) {
    if ((q.indicator_id && t.indicator_id != *q.indicator_id) ||
        (q.unit_id && t.unit_id != *q.unit_id) || (q.period && !Matches(t.period, q)) ||
        (q.in_scope && !q.in_scope(t.unit_id)))
      continue;
    picked.push_back(&t);
  }
  const Readings computed = ComputedFor(picked);
  std::vector<TargetRow> out;
  out.reserve(picked.size());
  for (const Target* t : picked) {
    const auto ind = indicators_.find(t->indicator_id);
    if (ind == indicators_.end() || (q.group && ind->second.group != *q.group)) continue;
    TargetRow row = Judge(*t, ind->second, computed, q.as_of);
    if (q.status && row.verdict.status != *q.status) continue;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Reading> TargetModel::ReadingsOf(int64_t indicator_id, int64_t unit_id) const {
  std::shared_lock lock(mu_);
  const auto ind = indicators_.find(indicator_id);
  if (ind != indicators_.end() && !ind->second.computed.empty()) {
    std::vector<Reading> out;
    for (const ComputedValue& v : sources_.ValuesOf(ind->second))
      if (v.unit_id == unit_id) out.push_back({v.period, v.value, v.kind});
    return out;
  }
  const auto it = values_.find({indicator_id, unit_id});
  return it == values_.end() ? std::vector<Reading>{} : it->second;
}

}  // namespace dh::targets
