// Notices of petitions, through the outbox inside the change's own transaction. The one
// place that calls notifications::Notify for petitions, so that switching to notifications
// of items of any kind (issue 8, "house") changes only this file.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "db/connection.h"
#include "http/principal.h"
#include "petitions/petition_record.h"

namespace dh::petitions {

// To the business's users (role business on its organisation unit).
Status NoticeBusiness(db::Connection& c, const Petition& p, const std::string& title,
                      const std::string& body, int64_t now);
// To the people of a unit (the responsible unit, a coordinating one).
Status NoticeUnit(db::Connection& c, int64_t unit_id, const Petition& p, const std::string& title,
                  const std::string& body, int64_t now);

// What the audit log keeps of a petition.
boost::json::object AuditJson(const Petition& p);
Status RecordAudit(db::Connection& c, const auth::Principal* who, const std::string& action,
                   const Petition* before, const Petition& after, int64_t now);

}  // namespace dh::petitions
