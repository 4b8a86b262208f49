#include "petitions/petition_index.h"

#include "core/text.h"
#include "db/read_value.h"
#include "petitions/petition_store.h"

namespace dh::petitions {

IndexedPetition PetitionIndex::Entry(Petition&& p) {
  IndexedPetition e;
  e.folded = text::FoldForSearch(p.title + " " + p.content);
  p.content.clear();
  p.answer_text.clear();
  e.p = std::move(p);
  return e;
}

Status PetitionIndex::Load(db::Database& db) {
  std::map<int64_t, IndexedPetition, std::greater<>> rows;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) {
    return ForEachPetition(c, [&](Petition&& p) {
      const int64_t id = p.id;
      rows.emplace(id, Entry(std::move(p)));
    });
  }));
  std::lock_guard lock(mu_);
  rows_ = std::move(rows);
  return Status::Ok();
}

Status PetitionIndex::Refresh(db::Database& db, const std::vector<int64_t>& ids) {
  if (ids.empty()) return Status::Ok();
  DH_ASSIGN_OR_RETURN(std::vector<Petition> found,
                      db::ReadValue(db, [&](db::Connection& c) { return FindPetitions(c, ids); }));
  std::lock_guard lock(mu_);
  for (int64_t id : ids) rows_.erase(id);
  for (Petition& p : found) {
    const int64_t id = p.id;
    rows_.emplace(id, Entry(std::move(p)));
  }
  return Status::Ok();
}

void PetitionIndex::Scan(const std::function<bool(const IndexedPetition&)>& visit) const {
  std::lock_guard lock(mu_);
  for (const auto& [id, e] : rows_)
    if (!visit(e)) return;
}

void PetitionIndex::Each(const std::vector<int64_t>& ids,
                         const std::function<void(const IndexedPetition&)>& visit) const {
  std::lock_guard lock(mu_);
  for (int64_t id : ids)
    if (auto it = rows_.find(id); it != rows_.end()) visit(it->second);
}

size_t PetitionIndex::size() const {
  std::lock_guard lock(mu_);
  return rows_.size();
}

}  // namespace dh::petitions
