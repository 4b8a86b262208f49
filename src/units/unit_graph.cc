#include "units/unit_graph.h"

#include <algorithm>

#include "core/text.h"

namespace dh::units {
namespace {

// Siblings read as officials list them: party, office, departments, investors, then
// districts and wards.
int KindRank(const std::string& kind) {
  static const char* kOrder[] = {"city",     "party",    "agency", "department",
                                 "investor", "district", "ward",   "other"};
  for (int i = 0; i < 8; ++i)
    if (kind == kOrder[i]) return i;
  return 8;
}

}  // namespace

UnitGraph::UnitGraph(std::vector<Unit> units, std::vector<ParentLink> links,
                     std::vector<Succession> successions)
    : units_(std::move(units)), successions_(std::move(successions)) {
  name_keys_.reserve(units_.size());
  for (size_t i = 0; i < units_.size(); ++i) {
    by_id_[units_[i].id] = i;
    by_code_[units_[i].code] = i;
    name_keys_.push_back(text::CollationKey(units_[i].name));
  }
  for (auto& l : links) {
    if (l.parent_id) ever_children_[*l.parent_id].push_back(l.unit_id);
    links_by_unit_[l.unit_id].push_back(std::move(l));
  }
  for (const auto& s : successions_) predecessors_[s.successor_id].push_back(s.predecessor_id);
  for (auto& [id, children] : ever_children_) {
    std::sort(children.begin(), children.end());
    children.erase(std::unique(children.begin(), children.end()), children.end());
  }
}

const Unit* UnitGraph::Find(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &units_[it->second];
}

const Unit* UnitGraph::FindByCode(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &units_[it->second];
}

const std::vector<ParentLink>& UnitGraph::LinksOf(int64_t id) const {
  static const std::vector<ParentLink> kNone;
  auto it = links_by_unit_.find(id);
  return it == links_by_unit_.end() ? kNone : it->second;
}

std::optional<int64_t> UnitGraph::ParentOn(int64_t id, Date day) const {
  for (const auto& l : LinksOf(id))
    if (l.ActiveOn(day)) return l.parent_id;
  return std::nullopt;
}

std::vector<int64_t> UnitGraph::ChildrenOn(int64_t id, Date day) const {
  std::vector<int64_t> out;
  auto it = ever_children_.find(id);
  if (it == ever_children_.end()) return out;
  for (int64_t c : it->second) {
    const Unit* u = Find(c);
    if (u && u->ActiveOn(day) && ParentOn(c, day) == id) out.push_back(c);
  }
  return out;
}

std::vector<const Unit*> UnitGraph::TreeOn(Date day) const {
  {
    std::lock_guard lock(scopes_mu_);
    if (auto it = trees_.find(day.days()); it != trees_.end()) return it->second;
  }
  std::vector<const Unit*> tree = BuildTreeOn(day);
  std::lock_guard lock(scopes_mu_);
  if (trees_.size() >= 32) trees_.clear();  // a few days are asked for: today, some as_of
  trees_.emplace(day.days(), tree);
  return tree;
}

std::vector<const Unit*> UnitGraph::BuildTreeOn(Date day) const {
  std::unordered_map<int64_t, std::vector<const Unit*>> children;
  std::vector<const Unit*> roots;
  for (const Unit& u : units_) {
    if (!u.ActiveOn(day)) continue;
    auto parent = ParentOn(u.id, day);
    const Unit* p = parent ? Find(*parent) : nullptr;
    if (p && p->ActiveOn(day)) {
      children[*parent].push_back(&u);
    } else {
      roots.push_back(&u);
    }
  }
  auto by_name = [this](const Unit* a, const Unit* b) {
    const int ra = KindRank(a->kind), rb = KindRank(b->kind);
    return ra != rb ? ra < rb : name_keys_[a - units_.data()] < name_keys_[b - units_.data()];
  };
  std::vector<const Unit*> out;
  std::vector<const Unit*> stack;
  std::sort(roots.begin(), roots.end(), by_name);
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back(*it);
  while (!stack.empty()) {
    const Unit* u = stack.back();
    stack.pop_back();
    out.push_back(u);
    auto& kids = children[u->id];
    std::sort(kids.begin(), kids.end(), by_name);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

std::vector<Succession> UnitGraph::SuccessorsOf(int64_t id) const {
  std::vector<Succession> out;
  for (const auto& s : successions_)
    if (s.predecessor_id == id) out.push_back(s);
  return out;
}

std::vector<Succession> UnitGraph::PredecessorsOf(int64_t id) const {
  std::vector<Succession> out;
  for (const auto& s : successions_)
    if (s.successor_id == id) out.push_back(s);
  return out;
}

std::shared_ptr<const std::unordered_set<int64_t>> UnitGraph::SharedScopeOf(int64_t root) const {
  {
    std::lock_guard lock(scopes_mu_);
    if (auto it = scopes_.find(root); it != scopes_.end()) return it->second;
  }
  const auto& preds = predecessors_;
  auto scope = std::make_shared<std::unordered_set<int64_t>>();
  std::unordered_set<int64_t>& seen = *scope;
  std::vector<int64_t> work = {root};
  while (!work.empty()) {
    const int64_t id = work.back();
    work.pop_back();
    if (!seen.insert(id).second) continue;
    if (auto it = ever_children_.find(id); it != ever_children_.end())
      work.insert(work.end(), it->second.begin(), it->second.end());
    if (auto it = preds.find(id); it != preds.end())
      work.insert(work.end(), it->second.begin(), it->second.end());
  }
  std::lock_guard lock(scopes_mu_);
  return scopes_.emplace(root, std::move(scope)).first->second;
}

bool UnitGraph::IsUnder(int64_t id, int64_t ancestor, Date day) const {
  for (int guard = 0; guard < 64; ++guard) {
    if (id == ancestor) return true;
    auto p = ParentOn(id, day);
    if (!p) return false;
    id = *p;
  }
  return false;
}

}  // namespace dh::units
