#include "petitions/petition_notices.h"

#include <boost/json.hpp>

#include "audit/recorder.h"
#include "core/json.h"
#include "notifications/notice_text.h"
#include "notifications/outbox.h"

namespace dh::petitions {
namespace {

namespace bj = boost::json;

const notifications::NoticeTexts kRegistered{
    &notice::kNewToAnswer, &notice::kUnitToAnswer, &notice::kRouted,   &notice::kRoutedBody,
    &notice::kForwarded,   &notice::kNoteDue,      &notice::kReturned, &notice::kDraftAwaiting,
    &notice::kAnswered,    &notice::kRateAnswer,   &notice::kResolved, &notice::kUnsatisfied,
    &notice::kReopened,    &notice::kReopenedBody};

Status Send(db::Connection& c, const std::vector<int64_t>& users, const Petition& p,
            const MessageText& title, const MessageText* body, MessageArgs args, int64_t now) {
  if (users.empty()) return Status::Ok();
  args.emplace_back("petition", p.title);
  args.emplace_back("due", p.due_on ? Label{" Hạn trả lời: " + p.due_on->ToVietnamese() + ".",
                                            " Answer due: " + p.due_on->ToVietnamese() + "."}
                                    : Label{});
  // One notice per step: the dedup key names the petition, the step and the time.
  const std::string key = "petition:" + std::to_string(p.id) + ":" +
                          std::string(StateName(p.state)) + ":" + std::to_string(now);
  return notifications::Notify(c, users, "petition", notifications::ItemRef{"petition", p.id},
                               {&title, body, std::move(args)}, key, now)
      .status();
}

}  // namespace

Status NoticeBusiness(db::Connection& c, const Petition& p, const MessageText& title,
                      const MessageText* body, MessageArgs args, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto holders, notifications::ActiveRoleHolders(c));
  std::vector<int64_t> users;
  for (const auto& h : holders)
    if (h.role == "business" && h.unit_id == p.business_unit_id) users.push_back(h.user_id);
  return Send(c, users, p, title, body, std::move(args), now);
}

Status NoticeUnit(db::Connection& c, int64_t unit_id, const Petition& p, const MessageText& title,
                  const MessageText* body, MessageArgs args, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto users,
                      notifications::UsersOfUnit(c, unit_id, auth::Permission::kPetitionsRead));
  return Send(c, users, p, title, body, std::move(args), now);
}

bj::object AuditJson(const Petition& p) {
  return {{"business_unit_id", p.business_unit_id},
          {"title", p.title},
          {"category", p.category},
          {"publishable", p.publishable},
          {"state", StateName(p.state)},
          {"responsible_unit_id", json::OrNull(p.responsible_unit_id)},
          {"coordinating_unit_ids", bj::value_from(p.coordinating_unit_ids)},
          {"received_on", json::DateOrNull(p.received_on)},
          {"due_on", json::DateOrNull(p.due_on)},
          {"outcome", p.outcome},
          {"answered_on", json::DateOrNull(p.answered_on)},
          {"satisfied", p.satisfied ? bj::value(*p.satisfied) : bj::value(nullptr)},
          {"reopen_count", p.reopen_count},
          {"return_reason", p.return_reason},
          {"published", p.published},
          {"task_id", json::OrNull(p.task_id)}};
}

Status RecordAudit(db::Connection& c, const auth::Principal* who, const std::string& action,
                   const Petition* before, const Petition& after, int64_t now) {
  const int64_t unit = after.responsible_unit_id.value_or(after.business_unit_id);
  return audit::Record(
      c, who,
      {action, "petition", after.id, unit,
       before ? bj::value(AuditJson(*before)) : bj::value(nullptr), AuditJson(after)},
      now);
}

}  // namespace dh::petitions
