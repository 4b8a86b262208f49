// The HTTP API of public investment's records (docs/openapi.yaml, "Investment" block).
#pragma once

#include "http/router.h"
#include "investment/investment_service.h"

namespace dh::investment {

void RegisterRoutes(http::Router& router, InvestmentService& service);

}  // namespace dh::investment
