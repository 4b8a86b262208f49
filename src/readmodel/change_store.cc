#include "readmodel/change_store.h"

namespace dh::readmodel {
namespace {

constexpr const char* kAuditHead = "SELECT COALESCE(MAX(seq), 0) FROM audit_log";
constexpr const char* kChangesAfter =
    "SELECT seq, entity, entity_id, action FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?";

}  // namespace

Result<int64_t> AuditHead(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kAuditHead));
  return r.empty() ? 0 : r.Int(0, 0);
}

Result<std::vector<Change>> ChangesAfter(db::Connection& c, int64_t seq, int64_t limit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kChangesAfter, {seq, limit}));
  std::vector<Change> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.Int(i, 0), r.Text(i, 1), r.OptInt(i, 2), r.Text(i, 3)});
  return out;
}

}  // namespace dh::readmodel
