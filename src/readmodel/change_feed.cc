#include "readmodel/change_feed.h"

#include "db/read_value.h"

namespace dh::readmodel {

void ChangeFeed::Register(Model model) {
  std::lock_guard lock(mu_);
  models_.push_back(std::move(model));
}

Status ChangeFeed::Load() {
  std::lock_guard lock(mu_);
  // The head first: a change committed during the load is read again, never missed.
  int64_t head = 0;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(head, AuditHead(c));
    return Status::Ok();
  }));
  for (const Model& m : models_) DH_RETURN_IF_ERROR(m.load());
  seen_ = head;
  return Status::Ok();
}

Result<int64_t> ChangeFeed::CatchUp() {
  std::lock_guard lock(mu_);
  DH_ASSIGN_OR_RETURN(std::vector<Change> batch, db::ReadValue(db_, [&](db::Connection& c) {
                        return ChangesAfter(c, seen_, batch_);
                      }));
  // Fewer entries than asked: the head may have moved meanwhile, but everything up to the
  // last entry read is in; as many: the next call goes on from there.
  if (batch.empty()) return 0;
  for (const Model& m : models_) {
    std::vector<Change> mine;
    for (const Change& c : batch)
      if (m.entities.count(c.entity)) mine.push_back(c);
    if (!mine.empty()) DH_RETURN_IF_ERROR(m.apply(mine));
  }
  seen_ = batch.back().seq;
  return static_cast<int64_t>(batch.size());
}

int64_t ChangeFeed::seen() const {
  std::lock_guard lock(mu_);
  return seen_;
}

}  // namespace dh::readmodel
