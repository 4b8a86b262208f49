// Who may attach files to a petition, and see them: the petitions room's rule, offered to
// the files room. Whoever sees the petition sees its files; the business, the office and the
// responsible unit's officers attach.
#pragma once

#include "files/attachment_service.h"
#include "petitions/petition_service.h"

namespace dh::petitions {

std::shared_ptr<files::OwnerAccess> PetitionAttachments(PetitionService& service);

}  // namespace dh::petitions
