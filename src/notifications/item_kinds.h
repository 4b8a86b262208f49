// The kinds of item notifications may be about, registered at start-up by the feature that
// owns each (or by the app for it): where a notice about one leads (the web path of the
// e-mail link and of the bell) and who may see which of them (a notice about an item its
// reader may no longer see is not shown nor e-mailed). notifications/ includes no feature:
// each kind is a name, a path and a function.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "http/principal.h"
#include "notifications/outbox.h"

namespace dh::notifications {

// Which of these ids of one kind `who` may see now.
using VisibleFn = std::function<std::unordered_set<int64_t>(const auth::Principal& who,
                                                            const std::vector<int64_t>& ids)>;

struct ItemKind {
  std::string kind;         // "task", "project", "petition" …
  std::string path_prefix;  // the web page of item `id` is path_prefix + id: "/tasks/"
  VisibleFn visible;
};

// Filled at start-up, read-only once the server answers (no lock).
class ItemKinds {
 public:
  // A kind registered twice keeps the last.
  void Register(ItemKind k);
  bool Has(const std::string& kind) const { return kinds_.count(kind) > 0; }
  // "/tasks/12"; "" for no item or a kind nobody registered.
  std::string PathOf(const ItemRef& item) const;
  // Which of these ids of `kind` `who` sees; none for a kind nobody registered.
  std::unordered_set<int64_t> Visible(const std::string& kind, const auth::Principal& who,
                                      const std::vector<int64_t>& ids) const;

 private:
  std::map<std::string, ItemKind> kinds_;
};

}  // namespace dh::notifications
