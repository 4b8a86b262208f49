// Who may attach files to directives and tasks, and see them: the tasks room's rules,
// offered to the files room.
#pragma once

#include "files/attachment_service.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// Directives: anyone who reads tasks sees their files; the issuer's office attaches.
std::shared_ptr<files::OwnerAccess> DirectiveAttachments(TaskService& service);
// Tasks: whoever sees the task sees its files; whoever works on it attaches (evidence,
// the output on completion).
std::shared_ptr<files::OwnerAccess> TaskAttachments(TaskService& service);

}  // namespace dh::tasks
