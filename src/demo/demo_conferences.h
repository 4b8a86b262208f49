// The demo city's mid-year council session (demo_conferences.cc).
#pragma once

#include "app/app.h"

namespace dh::demo {

Status LoadDemoConferences(app::App& app);

}  // namespace dh::demo
