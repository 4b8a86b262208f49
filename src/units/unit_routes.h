#pragma once

#include "http/router.h"
#include "units/unit_service.h"

namespace dh::units {

// /api/v1/units…
void RegisterRoutes(http::Router& router, UnitService& service);

}  // namespace dh::units
