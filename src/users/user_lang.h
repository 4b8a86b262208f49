// The language a user reads in (users.lang, migration 0015): recorded when they sign in
// (auth), read by the notification job to write their e-mails in it.
#pragma once

#include <cstdint>

#include "core/message.h"
#include "core/status.h"
#include "db/connection.h"

namespace dh::users {

Status SetLang(db::Connection& c, int64_t user_id, Lang lang);

}  // namespace dh::users
