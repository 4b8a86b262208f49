#include "audit/recorder.h"

#include <boost/json/serialize.hpp>

namespace dh::audit {

Status Record(db::Connection& c, const auth::Principal* who, const Change& change, int64_t now) {
  NewEntry e;
  if (who) {
    e.user_id = who->user_id;
    e.username = who->username;
  } else {
    e.username = "system";
  }
  e.action = change.action;
  e.entity = change.entity;
  e.entity_id = change.entity_id;
  e.unit_id = change.unit_id;
  e.before_json = boost::json::serialize(change.before);
  e.after_json = boost::json::serialize(change.after);
  return Append(c, e, now).status();
}

}  // namespace dh::audit
