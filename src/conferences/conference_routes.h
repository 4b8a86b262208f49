// The HTTP routes of conferences, opinions and votes (docs/openapi.yaml).
#pragma once

#include "conferences/conference_service.h"
#include "http/router.h"

namespace dh::conferences {

void RegisterRoutes(http::Router& router, ConferenceService& service);

}  // namespace dh::conferences
