#include "units/unit_rules.h"

#include "units/unit_messages.h"
#include "units/unit_store.h"

namespace dh::units {
namespace {

Status TakesWork(const Unit* u, std::optional<Date> restructured_on,
                 const std::string& successor_name, Date day, const std::string& field,
                 const std::string& label) {
  const Label said{label, ""};
  if (!u) return Status::InvalidInput(field, Say(msg::kNotInDirectory, {{"label", said}}));
  if (restructured_on) {
    return Status::InvalidInput(
        field, Say(successor_name.empty() ? msg::kRestructuredOn : msg::kRestructuredOnGoTo,
                   {{"label", said},
                    {"name", u->name},
                    {"date", restructured_on->ToVietnamese()},
                    {"successor", successor_name}}));
  }
  if (!u->ActiveOn(day))
    return Status::InvalidInput(
        field, Say(msg::kLabelNotActive,
                   {{"label", said}, {"name", u->name}, {"date", day.ToVietnamese()}}));
  return Status::Ok();
}

}  // namespace

Status CheckTakesWork(const UnitGraph& g, int64_t unit_id, Date day, const std::string& field,
                      const std::string& label) {
  std::optional<Date> on;
  std::string successor;
  for (const Succession& s : g.SuccessorsOf(unit_id)) {
    if (on && !(s.date < *on) && !(s.date == *on && s.primary)) continue;
    on = s.date;
    const Unit* next = g.Find(s.successor_id);
    successor = next ? next->name : "";
  }
  return TakesWork(g.Find(unit_id), on, successor, day, field, label);
}

Status CheckTakesWork(db::Connection& c, int64_t unit_id, Date day, const std::string& field,
                      const std::string& label) {
  DH_ASSIGN_OR_RETURN(auto standing, FindUnitStanding(c, unit_id));
  if (!standing) return TakesWork(nullptr, std::nullopt, "", day, field, label);
  return TakesWork(&standing->unit, standing->restructured_on, standing->successor_name, day, field,
                   label);
}

Result<bool> StoredIsUnder(db::Connection& c, int64_t id, int64_t ancestor, Date day) {
  std::optional<int64_t> at = id;
  // A tree is shallow (city, district, ward, …); the guard stops a damaged loop.
  for (int guard = 0; at && guard < 64; ++guard) {
    if (*at == ancestor) return true;
    DH_ASSIGN_OR_RETURN(at, StoredParentOn(c, *at, day));
  }
  return false;
}

}  // namespace dh::units
