// The targets part of the read model (DESIGN §3): the catalogue, every target and the
// approved values, in memory, so that the target list with its statuses, the scoreboard and
// the review answer without SQL. Loaded at start, refreshed after each commit and through
// the change feed. Each target's verdict (status and sentence) is kept, made again when the
// target, its indicator or its unit's values change; computed indicators take their values
// from their source on each read, outside the lock (a source may bring its own read model up
// to date first), and are judged then. Thread-safe: many readers, one writer at a time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "db/database.h"
#include "targets/computed_source.h"
#include "targets/targets.h"

namespace dh::targets {

// A target as the list and the scoreboard show it.
struct TargetRow {
  Target target;
  Indicator indicator;
  StatusVerdict verdict;
  std::optional<Reading> reading;  // what it was judged on
};

struct TargetQuery {
  std::optional<int64_t> indicator_id, unit_id;
  std::optional<Period> period;  // targets of exactly this period
  std::optional<TargetStatus> status;
  std::optional<std::string> group;
  // Judge on the readings of periods ending by this one's end (a mid-year review).
  std::optional<Period> as_of;
  // nullptr: every unit; else whether a unit is in the caller's scope.
  std::function<bool(int64_t)> in_scope;
  // The units in scope, when known: only their targets are looked at (a province's
  // scoreboard reads its own targets, not the country's).
  std::optional<std::vector<int64_t>> units;
  // Judge every target on this read instead of taking the verdict kept since its target or
  // values last changed (the benchmark's baseline).
  bool judge_now = false;
};

class TargetModel {
 public:
  explicit TargetModel(const ComputedSources& sources) : sources_(sources) {}

  Status Load(db::Database& db);
  // Re-read one object after a commit (or a change another process made).
  Status RefreshIndicator(db::Database& db, int64_t id);
  Status RefreshTarget(db::Database& db, int64_t id);
  Status RefreshValues(db::Database& db, int64_t indicator_id, int64_t unit_id);
  // Fills the model from rows built elsewhere (the benchmark), replacing what it holds.
  void Replace(std::vector<Indicator> indicators, std::vector<Target> targets,
               std::vector<IndicatorValue> approved);

  std::optional<Indicator> FindIndicator(int64_t id) const;
  std::optional<Indicator> FindIndicatorByCode(const std::string& code) const;
  std::vector<Indicator> Indicators() const;
  std::optional<TargetRow> Find(int64_t target_id) const;
  // Matching targets by period, indicator code, unit; each with its status.
  std::vector<TargetRow> Query(const TargetQuery& q) const;
  // The readings of an indicator for a unit (approved, or computed), oldest first.
  std::vector<Reading> ReadingsOf(int64_t indicator_id, int64_t unit_id) const;
  size_t target_count() const;

 private:
  using Key = std::pair<int64_t, int64_t>;  // indicator, unit
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<int64_t>()(k.first * 1000003 ^ k.second);
    }
  };
  using Readings = std::unordered_map<Key, std::vector<Reading>, KeyHash>;
  struct Kept {
    StatusVerdict verdict;
    std::optional<Reading> reading;
  };
  // Caller holds the lock. `computed`: the values of computed indicators for this read.
  TargetRow Judge(const Target& t, const Indicator& i, const Readings& computed,
                  const std::optional<Period>& as_of = std::nullopt) const;
  // The kept verdict when there is one and the query allows it, else Judge.
  TargetRow RowOf(const Target& t, const Indicator& i, const Readings& computed,
                  const TargetQuery& q) const;
  const std::vector<Reading>* ReadingsAt(const Key& k, const Readings& computed) const;
  // Without the lock: the values of these computed indicators.
  Readings Evaluate(const std::vector<Indicator>& computed) const;
  // The computed indicators among the query's targets (takes the lock).
  std::vector<Indicator> ComputedOf(const TargetQuery& q) const;
  bool Picked(const Target& t, const TargetQuery& q) const;
  void PutValues(const std::vector<IndicatorValue>& approved);        // caller holds the lock
  void PutTarget(Target t);                                           // caller holds the lock
  void DropTarget(int64_t id);                                        // caller holds the lock
  void Rejudge(const Key& k);                                         // caller holds the lock
  void Rejudge(int64_t target_id);                                    // caller holds the lock
  std::vector<const Target*> Candidates(const TargetQuery& q) const;  // caller holds the lock

  const ComputedSources& sources_;
  mutable std::shared_mutex mu_;
  std::unordered_map<int64_t, Indicator> indicators_;              // GUARDED_BY(mu_)
  std::map<int64_t, Target> targets_;                              // GUARDED_BY(mu_), by id
  std::unordered_map<int64_t, std::vector<int64_t>> by_unit_;      // GUARDED_BY(mu_): target ids
  Readings values_;                                                // GUARDED_BY(mu_)
  std::unordered_map<Key, std::vector<int64_t>, KeyHash> by_key_;  // GUARDED_BY(mu_): targets
  std::unordered_map<int64_t, Kept> kept_;  // GUARDED_BY(mu_): typed indicators' verdicts
};

// Whether a reading counts as an indicator's: approved values only (the store's filter).
Reading ReadingOf(const IndicatorValue& v);

}  // namespace dh::targets
