// The one door from investment into the notification outbox (notifications/outbox.h): every
// notice investment sends goes through here, inside the write's transaction, so that the
// reference it carries can change in one place (notices name a task today; an item of any
// kind once notifications are generalised).
#pragma once

#include <string>

#include "core/status.h"
#include "db/connection.h"
#include "notifications/notice_text.h"

namespace dh::investment {

struct Notice {
  std::string kind;                // "investment.plan_adjusted", …
  notifications::NoticeText text;  // in the reader's language
  std::string dedup_key;           // a user who already has it gets none
};

// To the active users of `unit_id` (its investor, its office); how many were written.
Result<int64_t> NotifyUnit(db::Connection& c, int64_t unit_id, const Notice& notice, int64_t now);

}  // namespace dh::investment
