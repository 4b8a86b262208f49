// One change feed for every in-memory read model (DESIGN §3). Models register what they
// follow; the feed loads them whole at start and then hands each one, in commit order and
// in bounded batches, the changes other processes (and this one) committed since: the audit
// sequence (audit_log.seq) is the one change log of the database.
//
//   feed.Register({"tasks", {"task", "calendar", "unit"}, load, apply});
//
// Nothing is missed: the head is read before the models load, so a change committed during
// a load is handed over again afterwards (applying a change twice must be harmless: models
// re-read what a change names). A model whose apply fails sees the same batch again on the
// next call. Thread-safe: one load or catch-up at a time.
#pragma once

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "readmodel/change_store.h"

namespace dh::readmodel {

struct Model {
  std::string name;                // for logs: "tasks", "units"…
  std::set<std::string> entities;  // the audit_log.entity values it follows
  std::function<Status()> load;    // everything, as the database holds it now
  std::function<Status(const std::vector<Change>&)> apply;  // its changes, in seq order
};

class ChangeFeed {
 public:
  static constexpr int64_t kDefaultBatch = 20000;
  explicit ChangeFeed(db::Database& db, int64_t batch = kDefaultBatch) : db_(db), batch_(batch) {}

  // Adds a model; Load or CatchUp then include it. Register before the first Load.
  void Register(Model model);
  // The head, then every model's load: everything up to the head is in.
  Status Load();
  // One batch of at most `batch` entries after the last one handed over, each model given
  // those of its entities (models with none in the batch are not called). Cheap when
  // nothing changed. Returns how many entries were read (`batch`: call again for more).
  Result<int64_t> CatchUp();
  int64_t seen() const;

 private:
  db::Database& db_;
  const int64_t batch_;
  mutable std::mutex mu_;
  std::vector<Model> models_;  // GUARDED_BY(mu_)
  int64_t seen_ = 0;           // GUARDED_BY(mu_): the entries every model reflects
};

}  // namespace dh::readmodel
