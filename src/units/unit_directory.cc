#include "units/unit_directory.h"

#include "units/unit_store.h"

namespace dh::units {
namespace {

constexpr const char* kAuditHead = "SELECT seq FROM audit_head WHERE id = 1";
constexpr const char* kUnitChangesSince =
    "SELECT seq FROM audit_log WHERE seq > ? AND entity = 'unit' LIMIT 1";

}  // namespace

std::shared_ptr<const UnitGraph> UnitDirectory::Get() const {
  std::lock_guard lock(mu_);
  return graph_;
}

Status UnitDirectory::Reload(db::Database& db) {
  std::shared_ptr<const UnitGraph> g;
  int64_t seq = 0;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(db::Rows head, c.Query(kAuditHead));
    seq = head.empty() ? 0 : head.Int(0, 0);
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
  DH_ASSIGN_OR_RETURN(db::Rows head, c.Query(kAuditHead));
  if (!head.empty() && head.Int(0, 0) == seq) return snapshot;
  return LoadGraph(c);
}

Status UnitDirectory::RefreshIfChanged(db::Database& db) {
  int64_t since;
  {
    std::lock_guard lock(mu_);
    since = loaded_seq_;
  }
  bool changed = false;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kUnitChangesSince, {since}));
    changed = !r.empty();
    return Status::Ok();
  }));
  return changed ? Reload(db) : Status::Ok();
}

}  // namespace dh::units
