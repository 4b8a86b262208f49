// Directives as officials cite them: "Thông báo kết luận số 45/TB-UBND ngày 10/01/2026 của
// Ủy ban nhân dân thành phố". One place for the words, used by lists, pages and exports.
#pragma once

#include <string>

#include "tasks/task_records.h"
#include "units/unit_graph.h"

namespace dh::tasks {

// The kind as a document names itself: "Nghị quyết", "Thông báo kết luận", "Kế hoạch", …
std::string KindName(const std::string& kind);

// The kind as the directive is cited: KindName, except that a conclusion numbered as a
// party committee's ("31-KL/TU") is a "Kết luận".
std::string CitedKind(const Directive& d);
// "Thông báo kết luận số 45/TB-UBND", "Kết luận số 31-KL/TU": what lists and pages show.
std::string ShortCitation(const Directive& d);
// "Thông báo kết luận số 45/TB-UBND ngày 10/01/2026 của Ủy ban nhân dân thành phố": what
// reports and exports write (the issuer as named today; none when unknown).
std::string Citation(const Directive& d, const units::UnitGraph& g);

}  // namespace dh::tasks
