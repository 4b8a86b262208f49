#include "targets/target_model.h"

#include <algorithm>
#include <mutex>

#include "db/read_value.h"
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
  by_unit_.clear();
  values_.clear();
  for (Indicator& i : indicators) indicators_[i.id] = std::move(i);
  kept_.clear();
  by_key_.clear();
  PutValues(approved);
  for (Target& t : targets) PutTarget(std::move(t));
}

void TargetModel::PutValues(const std::vector<IndicatorValue>& approved) {
  for (const IndicatorValue& v : approved) {
    // A newer approved value of the same period and kind replaces the older one.
    auto& list = values_[{v.indicator_id, v.unit_id}];
    std::erase_if(list, [&](const Reading& r) { return r.period == v.period && r.kind == v.kind; });
    list.push_back(ReadingOf(v));
  }
  std::vector<Key> keys;
  for (const IndicatorValue& v : approved) keys.push_back({v.indicator_id, v.unit_id});
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const Key& k : keys) Rejudge(k);
}

void TargetModel::Rejudge(const Key& k) {
  const auto it = by_key_.find(k);
  if (it == by_key_.end()) return;
  for (int64_t id : it->second) Rejudge(id);
}

void TargetModel::Rejudge(int64_t target_id) {
  kept_.erase(target_id);
  const auto t = targets_.find(target_id);
  if (t == targets_.end()) return;
  const auto i = indicators_.find(t->second.indicator_id);
  if (i == indicators_.end() || !i->second.computed.empty()) return;
  TargetRow row = Judge(t->second, i->second, {});
  kept_[target_id] = {std::move(row.verdict), std::move(row.reading)};
}

Status TargetModel::RefreshIndicator(db::Database& db, int64_t id) {
  DH_ASSIGN_OR_RETURN(std::vector<Indicator> rows, db::ReadValue(db, [&](db::Connection& c) {
                        return LoadIndicators(c, std::vector<int64_t>{id});
                      }));
  std::unique_lock lock(mu_);
  if (rows.empty()) indicators_.erase(id);
  for (Indicator& i : rows) indicators_[i.id] = std::move(i);
  for (const auto& [key, ids] : by_key_)
    if (key.first == id)
      for (int64_t t : ids) Rejudge(t);
  return Status::Ok();
}

Status TargetModel::RefreshTarget(db::Database& db, int64_t id) {
  DH_ASSIGN_OR_RETURN(std::vector<Target> rows, db::ReadValue(db, [&](db::Connection& c) {
                        return LoadTargets(c, std::vector<int64_t>{id});
                      }));
  std::unique_lock lock(mu_);
  DropTarget(id);
  for (Target& t : rows) PutTarget(std::move(t));
  return Status::Ok();
}

Status TargetModel::RefreshValues(db::Database& db, int64_t indicator_id, int64_t unit_id) {
  DH_ASSIGN_OR_RETURN(std::vector<IndicatorValue> rows, db::ReadValue(db, [&](db::Connection& c) {
                        return ApprovedValues(c, indicator_id, unit_id);
                      }));
  std::unique_lock lock(mu_);
  values_.erase({indicator_id, unit_id});
  PutValues(rows);
  Rejudge(Key{indicator_id, unit_id});
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

TargetModel::Readings TargetModel::Evaluate(const std::vector<Indicator>& computed) const {
  Readings out;
  const auto values = sources_.ValuesOf(computed);  // each source refreshed once
  for (size_t i = 0; i < computed.size(); ++i)
    for (const ComputedValue& v : values[i])
      out[{computed[i].id, v.unit_id}].push_back({v.period, v.value, v.kind});
  return out;
}

bool TargetModel::Picked(const Target& t, const TargetQuery& q) const {
  return !((q.indicator_id && t.indicator_id != *q.indicator_id) ||
           (q.unit_id && t.unit_id != *q.unit_id) || (q.period && !Matches(t.period, q)) ||
           (q.in_scope && !q.in_scope(t.unit_id)));
}

std::vector<Indicator> TargetModel::ComputedOf(const TargetQuery& q) const {
  std::shared_lock lock(mu_);
  std::unordered_map<int64_t, const Indicator*> computed;
  for (const auto& [id, i] : indicators_)
    if (!i.computed.empty()) computed[id] = &i;
  std::vector<Indicator> out;
  if (computed.empty()) return out;
  for (const Target* t : Candidates(q)) {
    const auto it = computed.find(t->indicator_id);
    if (it == computed.end() || !it->second || !Picked(*t, q)) continue;
    out.push_back(*it->second);
    it->second = nullptr;  // once
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

TargetRow TargetModel::RowOf(const Target& t, const Indicator& i, const Readings& computed,
                             const TargetQuery& q) const {
  if (!q.judge_now && !q.as_of) {
    const auto k = kept_.find(t.id);
    if (k != kept_.end()) return {t, i, k->second.verdict, k->second.reading};
  }
  return Judge(t, i, computed, q.as_of);
}

std::optional<TargetRow> TargetModel::Find(int64_t target_id) const {
  TargetQuery q;
  {
    std::shared_lock lock(mu_);
    const auto it = targets_.find(target_id);
    if (it == targets_.end()) return std::nullopt;
    q.indicator_id = it->second.indicator_id;
    q.unit_id = it->second.unit_id;
    q.period = it->second.period;
  }
  const Readings computed = Evaluate(ComputedOf(q));
  std::shared_lock lock(mu_);
  const auto it = targets_.find(target_id);
  if (it == targets_.end()) return std::nullopt;
  const auto ind = indicators_.find(it->second.indicator_id);
  if (ind == indicators_.end()) return std::nullopt;
  return RowOf(it->second, ind->second, computed, q);
}

void TargetModel::PutTarget(Target t) {
  DropTarget(t.id);
  const int64_t id = t.id;
  auto& ids = by_unit_[t.unit_id];
  ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id);
  by_key_[{t.indicator_id, t.unit_id}].push_back(id);
  targets_[id] = std::move(t);
  Rejudge(id);
}

void TargetModel::DropTarget(int64_t id) {
  const auto it = targets_.find(id);
  if (it == targets_.end()) return;
  std::erase(by_unit_[it->second.unit_id], id);
  std::erase(by_key_[{it->second.indicator_id, it->second.unit_id}], id);
  kept_.erase(id);
  targets_.erase(it);
}

std::vector<const Target*> TargetModel::Candidates(const TargetQuery& q) const {
  std::vector<const Target*> out;
  if (!q.units && !q.unit_id) {
    for (const auto& [id, t] : targets_) out.push_back(&t);
    return out;
  }
  std::vector<int64_t> ids;
  for (int64_t u : q.unit_id ? std::vector<int64_t>{*q.unit_id} : *q.units) {
    const auto it = by_unit_.find(u);
    if (it != by_unit_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  std::sort(ids.begin(), ids.end());
  for (int64_t id : ids) out.push_back(&targets_.at(id));
  return out;
}

std::vector<TargetRow> TargetModel::Query(const TargetQuery& q) const {
  const Readings computed = Evaluate(ComputedOf(q));
  std::shared_lock lock(mu_);
  std::vector<TargetRow> out;
  for (const Target* t : Candidates(q)) {
    if (!Picked(*t, q)) continue;
    const auto ind = indicators_.find(t->indicator_id);
    if (ind == indicators_.end() || (q.group && ind->second.group != *q.group)) continue;
    TargetRow row = RowOf(*t, ind->second, computed, q);
    if (q.status && row.verdict.status != *q.status) continue;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Reading> TargetModel::ReadingsOf(int64_t indicator_id, int64_t unit_id) const {
  const auto ind = FindIndicator(indicator_id);
  if (ind && !ind->computed.empty()) {
    std::vector<Reading> out;
    for (const ComputedValue& v : sources_.ValuesOf(*ind))
      if (v.unit_id == unit_id) out.push_back({v.period, v.value, v.kind});
    return out;
  }
  std::shared_lock lock(mu_);
  const auto it = values_.find({indicator_id, unit_id});
  return it == values_.end() ? std::vector<Reading>{} : it->second;
}

}  // namespace dh::targets
