// The demo city: "Thành phố Minh An", fictional and labelled as demo data. Its units,
// the restructuring of 1 March 2025 (departments merged) and 1 July 2025 (districts
// ended, wards merged into new wards and communes), and one login per role.
#pragma once

#include "app/app.h"

namespace dh::demo {

inline constexpr const char* kDemoPassword = "Demo@2026";

// Loads the demo city when the database has no units yet; returns whether it did.
Result<bool> LoadIfEmpty(app::App& app);

}  // namespace dh::demo
