#include "investment/investment_writes.h"

namespace dh::investment {

Status ProjectNotFound() { return Status::NotFound("Không tìm thấy dự án."); }

Status RecordChange(db::Connection& c, const auth::Principal* who, const audit::Change& change,
                    int64_t now) {
  return audit::Record(c, who, change, now);
}

}  // namespace dh::investment
