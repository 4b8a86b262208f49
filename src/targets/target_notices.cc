#include "targets/target_notices.h"

#include "notifications/notice_text.h"
#include "notifications/outbox.h"
#include "targets/target_reminders.h"

namespace dh::targets {

namespace {

inline constexpr MessageText kAsked{
    "targets.notice_asked",
    "Yêu cầu giải trình: {subject}",
    "Explanation requested: {subject}",
};
inline constexpr MessageText kAskedAgain{
    "targets.notice_asked_again",
    "Yêu cầu giải trình lại: {subject}",
    "Explanation requested again: {subject}",
};
inline constexpr MessageText kAnswered{
    "targets.notice_answered",
    "Đã có giải trình: {subject}",
    "Explanation given: {subject}",
};
inline constexpr MessageText kAccepted{
    "targets.notice_accepted",
    "Giải trình được chấp nhận: {subject}",
    "Explanation accepted: {subject}",
};
inline constexpr MessageText kQuestionBody{
    "targets.notice_question",
    "{question} Hạn trả lời: {date}.",
    "{question} Answer by: {date}.",
};
const notifications::NoticeTexts kRegistered{&kAsked, &kAskedAgain, &kAnswered, &kAccepted,
                                             &kQuestionBody};

}  // namespace

Status NotifyExplanation(db::Connection& c, const ExplanationRequest& r, ExplanationNotice what,
                         const Label& subject, int64_t now) {
  std::vector<int64_t> users;
  std::string kind;
  const MessageText* title = nullptr;
  if (what == ExplanationNotice::kAsked || what == ExplanationNotice::kAskedAgain) {
    DH_ASSIGN_OR_RETURN(users, notifications::UsersOfUnit(c, r.unit_id));
    kind = "explanation.asked";
    title = what == ExplanationNotice::kAsked ? &kAsked : &kAskedAgain;
  } else {
    if (r.asked_by) users.push_back(*r.asked_by);
    kind = what == ExplanationNotice::kAnswered ? "explanation.answered" : "explanation.accepted";
    title = what == ExplanationNotice::kAnswered ? &kAnswered : &kAccepted;
  }
  const notifications::NoticeText text{
      title,
      what == ExplanationNotice::kAnswered ? &notifications::msg::kText : &kQuestionBody,
      {{"subject", subject},
       {"text", r.causes},
       {"question", r.question},
       {"date", r.due_on.ToVietnamese()}}};
  const std::string dedup = kind + ":" + std::to_string(r.id) + ":" + std::to_string(r.round);
  return notifications::Notify(c, users, kind, {kExplanationItem, r.id}, text, dedup, now).status();
}

}  // namespace dh::targets
