#include "targets/target_notices.h"

#include "notifications/outbox.h"
#include "targets/target_reminders.h"

namespace dh::targets {

Status NotifyExplanation(db::Connection& c, const ExplanationRequest& r, ExplanationNotice what,
                         const std::string& subject, int64_t now) {
  std::vector<int64_t> users;
  std::string kind, title;
  if (what == ExplanationNotice::kAsked || what == ExplanationNotice::kAskedAgain) {
    DH_ASSIGN_OR_RETURN(users, notifications::UsersOfUnit(c, r.unit_id));
    kind = "explanation.asked";
    title =
        (what == ExplanationNotice::kAsked ? "Yêu cầu giải trình: " : "Yêu cầu giải trình lại: ") +
        subject;
  } else {
    if (r.asked_by) users.push_back(*r.asked_by);
    kind = what == ExplanationNotice::kAnswered ? "explanation.answered" : "explanation.accepted";
    title = (what == ExplanationNotice::kAnswered ? "Đã có giải trình: "
                                                  : "Giải trình được chấp nhận: ") +
            subject;
  }
  const std::string body = what == ExplanationNotice::kAnswered
                               ? r.causes
                               : r.question + " Hạn trả lời: " + r.due_on.ToVietnamese() + ".";
  const std::string dedup = kind + ":" + std::to_string(r.id) + ":" + std::to_string(r.round);
  return notifications::Notify(c, users, kind, {kExplanationItem, r.id}, title, body, dedup, now)
      .status();
}

}  // namespace dh::targets
