// Use cases on units: list the tree as of a date, read one, create, edit, end, and
// restructure (merge, split). Each checks permission and scope, validates, writes with
// its audit entry in one transaction, and then refreshes the in-memory unit graph.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "core/date.h"
#include "db/database.h"
#include "units/open_work_transfer.h"
#include "units/restructure.h"
#include "units/unit_directory.h"
#include "units/unit_graph.h"

namespace dh::units {

struct UnitListQuery {
  std::optional<Date> as_of;  // default today
  std::string q;              // diacritics ignored
  std::string kind;
  bool include_ended = false;
  int64_t limit = 1000;
  int64_t offset = 0;
};

struct UnitRow {
  Unit unit;
  std::optional<int64_t> parent_id;  // as of the query date
};

struct UnitDetail {
  UnitRow row;
  std::vector<Succession> predecessors, successors;
  std::vector<ParentLink> parents;
};

struct UnitInput {
  std::optional<std::string> code, name, kind;
  std::optional<int64_t> parent_id;
  bool parent_given = false;  // to tell "no parent" from "not sent"
  std::optional<Date> valid_from, valid_to, effective;
  bool valid_to_given = false;
};

struct RestructureOutcome {
  int64_t event_id = 0;
  std::vector<int64_t> sources, successors;
  int64_t children_moved = 0;
  std::map<std::string, int64_t> moved;  // by OpenWorkTransfer::name()
};

class UnitService {
 public:
  UnitService(db::Database& db, const Clock& clock, UnitDirectory& directory)
      : db_(db), clock_(clock), directory_(directory) {}
  void AddTransfer(std::shared_ptr<OpenWorkTransfer> t) { transfers_.push_back(std::move(t)); }

  Result<std::vector<UnitRow>> List(const auth::Principal& who, const UnitListQuery& q,
                                    int64_t* total) const;
  Result<UnitDetail> Get(const auth::Principal& who, int64_t id) const;
  Result<UnitRow> Create(const auth::Principal* who, const UnitInput& in);
  Result<UnitRow> Update(const auth::Principal& who, int64_t id, const UnitInput& in);
  Result<RestructureOutcome> Restructure(const auth::Principal* who, const RestructureRequest& r);
  Result<std::vector<RestructureEvent>> Events(const auth::Principal& who) const;

  std::shared_ptr<const UnitGraph> graph() const { return directory_.Get(); }
  Date Today() const { return clock_.Today(); }

 private:
  Status CheckWrite(const auth::Principal* who, std::optional<int64_t> unit_id,
                    const UnitGraph& g) const;
  // What an edit changes, decided on the graph read inside the edit's transaction.
  struct UnitChange {
    Unit before, after;
    std::optional<int64_t> old_parent;
    bool move = false;
    Date effective;
  };
  Status CheckCreate(const auth::Principal* who, const UnitInput& in, const Unit& u,
                     const UnitGraph& g) const;
  Result<UnitChange> PlanUpdate(const auth::Principal& who, int64_t id, const UnitInput& in,
                                const UnitGraph& g) const;
  Result<RestructurePlan> PlanRestructureFor(const auth::Principal* who,
                                             const RestructureRequest& r, const UnitGraph& g) const;
  Status ApplyRestructure(db::Connection& c, const auth::Principal* who,
                          const RestructureRequest& r, const RestructurePlan& plan,
                          const UnitGraph& g, RestructureOutcome& out);
  Status EndSource(db::Connection& c, const auth::Principal* who, const RestructureRequest& r,
                   int64_t src, const UnitGraph& g, RestructureOutcome& out);

  db::Database& db_;
  const Clock& clock_;
  UnitDirectory& directory_;
  std::vector<std::shared_ptr<OpenWorkTransfer>> transfers_;
};

}  // namespace dh::units
