#include "petitions/petition_attachments.h"

namespace dh::petitions {
namespace {

class Access final : public files::OwnerAccess {
 public:
  explicit Access(PetitionService& s) : service_(s) {}
  Result<int64_t> Check(const auth::Principal& who, int64_t id, bool write) override {
    return service_.CheckAccess(who, id, write);
  }

 private:
  PetitionService& service_;
};

}  // namespace

std::shared_ptr<files::OwnerAccess> PetitionAttachments(PetitionService& s) {
  return std::make_shared<Access>(s);
}

}  // namespace dh::petitions
