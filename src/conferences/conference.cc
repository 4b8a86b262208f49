#include "conferences/conference.h"

namespace dh::conferences {

const Document* Conference::FindDocument(int64_t id) const {
  for (const Document& d : documents)
    if (d.id == id) return &d;
  return nullptr;
}

std::string_view ChoiceName(Choice c) {
  switch (c) {
    case Choice::kFor:
      return "for";
    case Choice::kAgainst:
      return "against";
    case Choice::kAbstain:
      return "abstain";
  }
  return "abstain";
}

std::optional<Choice> ParseChoice(std::string_view s) {
  for (Choice c : {Choice::kFor, Choice::kAgainst, Choice::kAbstain})
    if (ChoiceName(c) == s) return c;
  return std::nullopt;
}

}  // namespace dh::conferences
