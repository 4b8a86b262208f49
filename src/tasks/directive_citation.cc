#include "tasks/directive_citation.h"

namespace dh::tasks {

std::string KindName(const std::string& kind) {
  if (kind == "resolution") return "Nghị quyết";
  if (kind == "conclusion") return "Thông báo kết luận";
  if (kind == "plan") return "Kế hoạch";
  if (kind == "decision") return "Quyết định";
  if (kind == "notice") return "Thông báo";
  return "Văn bản";
}

}  // namespace dh::tasks

namespace dh::tasks {

std::string CitedKind(const Directive& d) {
  // A party committee's conclusion ("31-KL/TU") is a Kết luận, not a notice of one.
  if (d.kind == "conclusion" &&
      (d.number.find("-KL/") != std::string::npos || d.number.find("/KL-") != std::string::npos))
    return "Kết luận";
  return KindName(d.kind);
}

std::string ShortCitation(const Directive& d) { return CitedKind(d) + " số " + d.number; }

std::string Citation(const Directive& d, const units::UnitGraph& g) {
  std::string out = ShortCitation(d) + " ngày " + d.issued_on.ToVietnamese();
  if (const units::Unit* u = g.Find(d.issuer_unit_id)) out += " của " + u->name;
  return out;
}

}  // namespace dh::tasks
