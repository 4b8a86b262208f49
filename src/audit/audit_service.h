// Reading and verifying the audit log. Reading needs audit.read and sees the entries of
// units in scope (admin: all); verifying walks the whole chain.
#pragma once

#include "audit/audit_store.h"
#include "auth/scope.h"
#include "db/database.h"
#include "units/unit_service.h"

namespace dh::audit {

struct VerifyReport {
  bool ok = true;
  int64_t checked = 0;
  int64_t first_bad_seq = 0;
  std::string reason;
};

class AuditService {
 public:
  AuditService(db::Database& db, const units::UnitDirectory& units) : db_(db), units_(units) {}
  Result<std::vector<AuditEntry>> List(const auth::Principal& who, AuditFilter f, int64_t* total) const;
  // `who` null: the command line.
  Result<VerifyReport> Verify(const auth::Principal* who) const;

 private:
  db::Database& db_;
  const units::UnitDirectory& units_;
};

}  // namespace dh::audit
