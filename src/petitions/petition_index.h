// The petitions read model: every petition's routing and dates in memory, loaded at start
// and re-read as writes commit (through the change feed), so that lists filter and the board
// counts without a GROUP BY. Long texts stay in the database; only their folded form for
// search is kept. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "db/database.h"
#include "petitions/petition_record.h"

namespace dh::petitions {

struct IndexedPetition {
  Petition p;          // answer and content left empty
  std::string folded;  // title and content, without diacritics
};

class PetitionIndex {
 public:
  Status Load(db::Database& db);
  // Re-reads these petitions (gone ones are dropped).
  Status Refresh(db::Database& db, const std::vector<int64_t>& ids);
  // Visits every petition, newest first, while `visit` returns true.
  void Scan(const std::function<bool(const IndexedPetition&)>& visit) const;
  // Visits those of `ids` the index holds (any order; an id given twice, twice).
  void Each(const std::vector<int64_t>& ids,
            const std::function<void(const IndexedPetition&)>& visit) const;
  size_t size() const;

 private:
  static IndexedPetition Entry(Petition&& p);
  mutable std::mutex mu_;
  std::map<int64_t, IndexedPetition, std::greater<>> rows_;  // GUARDED_BY(mu_)
};

}  // namespace dh::petitions
