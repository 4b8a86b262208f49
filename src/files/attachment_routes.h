#pragma once

#include "files/attachment_service.h"
#include "http/router.h"

namespace dh::files {

// POST /api/v1/attachments?owner_kind=&owner_id=&filename= (body: the file's bytes),
// GET /api/v1/attachments?owner_kind=&owner_id=, GET /api/v1/attachments/{id}/content
void RegisterRoutes(http::Router& router, AttachmentService& service);

}  // namespace dh::files
