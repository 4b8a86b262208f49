// The reader's language of a request (core/message.h): the router says every answer in it,
// and the server its answers to requests that never reach the router (too large, unreadable).
#pragma once

#include "core/message.h"
#include "http/request.h"

namespace dh::http {

// The `dh_lang` cookie the web sets when the user picks a language (the session's choice),
// else Accept-Language, else Vietnamese.
Lang RequestLang(const Request& r);

}  // namespace dh::http
