// The targets room's HTTP API (docs/openapi.yaml, "Targets and indicators"): indicators,
// targets (with their status) and the expression reader, indicator values and their
// approval, explanation requests, and the review with its .xlsx.
#pragma once

#include "http/router.h"
#include "targets/target_service.h"

namespace dh::targets {

void RegisterRoutes(http::Router& router, TargetService& service);

}  // namespace dh::targets
