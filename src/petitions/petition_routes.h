#pragma once

#include "http/router.h"
#include "petitions/petition_service.h"

namespace dh::petitions {

// /api/v1/petitions…, /api/v1/public/petitions (no login), /api/v1/boards/petitions,
// /api/v1/petition-sessions…
void RegisterRoutes(http::Router& router, PetitionService& service,
                    const units::UnitDirectory& units);

// The public page and dialogue sessions (petition_session_routes.cc).
void RegisterSessionRoutes(http::Router& router, PetitionService& service,
                           const units::UnitDirectory& units);

}  // namespace dh::petitions
