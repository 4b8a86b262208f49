// The demo city's businesses (organisation units) and ~60 petitions (see demo_petitions.cc).
#pragma once

#include "app/app.h"

namespace dh::demo {

Status LoadDemoPetitions(app::App& app);

}  // namespace dh::demo
