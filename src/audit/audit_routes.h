#pragma once

#include "audit/audit_service.h"
#include "http/router.h"

namespace dh::audit {

// /api/v1/audit, /api/v1/audit/verify
void RegisterRoutes(http::Router& router, AuditService& service);

}  // namespace dh::audit
