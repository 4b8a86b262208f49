#include "investment/investment_writes.h"

#include "investment/investment_messages.h"

namespace dh::investment {

Status ProjectNotFound() { return Status::NotFound(Say(msg::kProjectNotFound)); }

Status RecordChange(db::Connection& c, const auth::Principal* who, const audit::Change& change,
                    int64_t now) {
  return audit::Record(c, who, change, now);
}

}  // namespace dh::investment
