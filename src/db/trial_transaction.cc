#include "db/trial_transaction.h"

#include "db/statements.h"

namespace dh::db {

Status InTrialTransaction(Database& db, const std::function<Status(Connection&)>& body) {
  DH_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  DH_RETURN_IF_ERROR(conn->Begin(true));
  Status s = Status::Ok();
  // The writers' turn on PostgreSQL, as InTransaction takes it: the trial appends to the
  // audit chain like a real write and must not race one.
  if (conn->dialect() == Dialect::kPostgres) s = conn->Query(kWriteTurnPg).status();
  if (s.ok()) s = body(*conn);
  conn->Rollback();
  return s;
}

}  // namespace dh::db
