#include "units/unit_json.h"

#include "core/json.h"

namespace dh::units {

boost::json::object ToJson(const Unit& u, std::optional<int64_t> parent_id, Date as_of) {
  return {{"id", u.id},
          {"code", u.code},
          {"name", u.name},
          {"kind", u.kind},
          {"parent_id", json::OrNull(parent_id)},
          {"valid_from", u.valid_from.ToString()},
          {"valid_to", json::DateOrNull(u.valid_to)},
          {"active", u.ActiveOn(as_of)}};
}

boost::json::object SuccessionJson(const Succession& s, const UnitGraph& g, bool successor_side) {
  const int64_t other = successor_side ? s.successor_id : s.predecessor_id;
  const Unit* u = g.Find(other);
  return {{"id", other},
          {"code", u ? u->code : ""},
          {"name", u ? u->name : ""},
          {"date", s.date.ToString()},
          {"event_id", s.event_id},
          {"event_kind", s.kind},
          {"primary", s.primary}};
}

}  // namespace dh::units
