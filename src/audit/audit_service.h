// Reading and verifying the audit log. Reading needs audit.read and sees the entries of
// units in scope (admin: all); verifying walks the whole chain. An entry's unit is the unit
// that owned the object when it was written (a task's lead unit, a directive's issuer, an
// attachment's owner's unit), so a reader sees the entries of objects its scope held then —
// an office keeps the history of its units after a task moves away — and never those of
// objects that were never in its scope. Entries without a unit are the admin's only.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "audit/audit_store.h"
#include "db/database.h"
#include "http/principal.h"

namespace dh::audit {

struct VerifyReport {
  bool ok = true;
  int64_t checked = 0;
  int64_t first_bad_seq = 0;
  std::string reason;
  // The last entry checked: worth keeping outside the database, as an anchor for later checks.
  int64_t head_seq = 0;
  std::string head_hash;
};

// "SEQ:HASH", as `audit verify` prints the head.
struct Anchor {
  int64_t seq = 0;
  std::string hash;
  static std::optional<Anchor> Parse(std::string_view s);
};

// The units whose entries `who` may read (nullopt: every unit), handed in from above: the
// audit log sits below the unit tree, whose changes it records like any other.
using ReadScopeFn =
    std::function<std::optional<std::unordered_set<int64_t>>(const auth::Principal& who)>;

class AuditService {
 public:
  AuditService(db::Database& db, ReadScopeFn read_scope)
      : db_(db), read_scope_(std::move(read_scope)) {}
  Result<std::vector<AuditEntry>> List(const auth::Principal& who, AuditFilter f,
                                       int64_t* total) const;
  // `who` null: the command line.
  Result<VerifyReport> Verify(const auth::Principal* who,
                              const std::optional<Anchor>& anchor = std::nullopt) const;

 private:
  db::Database& db_;
  ReadScopeFn read_scope_;
};

}  // namespace dh::audit
