#include "readmodel/change_store.h"

#include "db/row_reader.h"

namespace dh::readmodel {
namespace {

constexpr const char* kAuditHead = "SELECT COALESCE(MAX(seq), 0) FROM audit_log";
constexpr const char* kChangesAfter =
    "SELECT seq, entity, entity_id, action FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?";

}  // namespace

Result<int64_t> AuditHead(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(std::optional<int64_t> head, db::ReadOne<int64_t>(c, kAuditHead, {}));
  return head.value_or(0);
}

Result<std::vector<Change>> ChangesAfter(db::Connection& c, int64_t seq, int64_t limit) {
  return db::ReadAll<Change>(c, kChangesAfter, {seq, limit}, [](db::RowCursor& row, Change& x) {
    row(x.seq, x.entity, x.entity_id, x.action);
  });
}

}  // namespace dh::readmodel
