// The one door from the targets room to the notification outbox: explanation requests tell
// the unit that must explain when asked (and asked again), and the asker when answered.
// Written on the write's own connection, so a rolled-back write tells nobody. Each notice is
// about the request (item kind "explanation"); late requests are reminded through
// target_reminders.h.
#pragma once

#include "core/message.h"
#include "db/connection.h"
#include "targets/targets.h"

namespace dh::targets {

enum class ExplanationNotice { kAsked, kAskedAgain, kAnswered, kAccepted };

Status NotifyExplanation(db::Connection& c, const ExplanationRequest& r, ExplanationNotice what,
                         const Label& subject, int64_t now);

}  // namespace dh::targets
