// The demo city's socio-economic targets for 2024 and 2025 (see demo_targets.cc).
#pragma once

#include "app/app.h"

namespace dh::demo {

Status LoadDemoTargets(app::App& app);

}  // namespace dh::demo
