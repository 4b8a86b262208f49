#include "tasks/task_attachments.h"

namespace dh::tasks {
namespace {

class Access final : public files::OwnerAccess {
 public:
  Access(TaskService& s, bool directive) : service_(s), directive_(directive) {}
  Result<int64_t> Check(const auth::Principal& who, int64_t id, bool write) override {
    return directive_ ? service_.CheckDirectiveAccess(who, id, write)
                      : service_.CheckTaskAccess(who, id, write);
  }

 private:
  TaskService& service_;
  bool directive_;
};

}  // namespace

std::shared_ptr<files::OwnerAccess> DirectiveAttachments(TaskService& s) {
  return std::make_shared<Access>(s, true);
}
std::shared_ptr<files::OwnerAccess> TaskAttachments(TaskService& s) {
  return std::make_shared<Access>(s, false);
}

}  // namespace dh::tasks
