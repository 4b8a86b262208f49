// What a use case that needs a permission says first: Forbidden, in the reader's language,
// when the principal lacks it. No principal (the command line, jobs, the demo loader) may do
// anything.
#pragma once

#include "core/message.h"
#include "core/status.h"
#include "http/principal.h"

namespace dh::auth {

inline Status Require(const Principal* who, Permission p, const MessageText& refusal) {
  if (who && !who->Can(p)) return Status::Forbidden(Say(refusal));
  return Status::Ok();
}

}  // namespace dh::auth
