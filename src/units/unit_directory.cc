#include "units/unit_directory.h"

#include "units/unit_store.h"

namespace dh::units {

std::shared_ptr<const UnitGraph> UnitDirectory::Get() const {
  std::lock_guard lock(mu_);
  return graph_;
}

Status UnitDirectory::Reload(db::Database& db) {
  std::shared_ptr<const UnitGraph> g;
  int64_t seq = 0;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(seq, AuditHead(c));
    DH_ASSIGN_OR_RETURN(g, LoadGraph(c));
    return Status::Ok();
  }));
  std::lock_guard lock(mu_);
  // Concurrent reloads finish in any order: an older snapshot must not replace a newer
  // one (a unit just created would vanish from reads until the next change).
  if (seq < loaded_seq_) return Status::Ok();
  graph_ = std::move(g);
  loaded_seq_ = seq;
  return Status::Ok();
}

Result<std::shared_ptr<const UnitGraph>> UnitDirectory::CurrentIn(db::Connection& c) const {
  std::shared_ptr<const UnitGraph> snapshot;
  int64_t seq = 0;
  {
    std::lock_guard lock(mu_);
    snapshot = graph_;
    seq = loaded_seq_;
  }
  DH_ASSIGN_OR_RETURN(int64_t head, AuditHead(c));
  if (head == seq) return snapshot;
  return LoadGraph(c);
}

}  // namespace dh::units
