// Units (Đơn vị): organisations in a tree that changes over time. A unit exists from
// `valid_from` to `valid_to` (inclusive; none = still exists); which unit it hangs under
// is a separate, dated link, so the past keeps the structure it had.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace dh::units {

// city, department, district, ward, investor, party, agency, other.
bool IsUnitKind(std::string_view kind);

struct Unit {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  Date valid_from;
  std::optional<Date> valid_to;

  bool ActiveOn(Date d) const { return valid_from <= d && (!valid_to || d <= *valid_to); }
};

struct ParentLink {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::optional<int64_t> parent_id;  // none: a root
  Date valid_from;
  std::optional<Date> valid_to;

  bool ActiveOn(Date d) const { return valid_from <= d && (!valid_to || d <= *valid_to); }
};

struct Succession {
  int64_t event_id = 0;
  int64_t predecessor_id = 0;
  int64_t successor_id = 0;
  bool primary = false;  // the successor that takes over open work
  Date date;             // the first day of the new structure
  std::string kind;      // merge | split
};

struct RestructureEvent {
  int64_t id = 0;
  std::string kind;
  Date date;
  std::string note;
};

}  // namespace dh::units
