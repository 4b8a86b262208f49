// The demo city's directive, task groups and tasks (see demo_tasks.cc).
#pragma once

#include "app/app.h"

namespace dh::demo {

Status LoadDemoTasks(app::App& app);

}  // namespace dh::demo
