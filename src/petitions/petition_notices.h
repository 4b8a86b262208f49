// Notices of petitions, through the outbox inside the change's own transaction. The one
// place that calls notifications::Notify for petitions, so that switching to notifications
// of items of any kind (issue 8, "house") changes only this file.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "core/message.h"
#include "db/connection.h"
#include "http/principal.h"
#include "petitions/petition_record.h"

namespace dh::petitions {

// What petitions' notices say (notifications/outbox.h NoticeText), in both languages. Every
// one may name {petition} (its title) and {due} (" Hạn trả lời: …." when it has a due date).
namespace notice {

inline constexpr MessageText kNewToAnswer{
    "petitions.notice_new_to_answer",
    "Kiến nghị mới cần trả lời: {petition}",
    "New petition to answer: {petition}",
};
inline constexpr MessageText kUnitToAnswer{
    "petitions.notice_unit_to_answer",
    "Đơn vị được giao trả lời kiến nghị.{due}",
    "Your unit is to answer this petition.{due}",
};
inline constexpr MessageText kRouted{
    "petitions.notice_routed",
    "Kiến nghị đã được chuyển đơn vị xử lý",
    "Your petition was sent to the unit that handles it",
};
inline constexpr MessageText kRoutedBody{
    "petitions.notice_routed_body",
    "Kiến nghị \"{petition}\" đã được chuyển đơn vị có thẩm quyền.{due}",
    "The petition \"{petition}\" was sent to the competent unit.{due}",
};
inline constexpr MessageText kForwarded{
    "petitions.notice_forwarded",
    "Kiến nghị được chuyển tiếp đến đơn vị: {petition}",
    "Petition forwarded to your unit: {petition}",
};
inline constexpr MessageText kNoteDue{
    "petitions.notice_note_due",
    "{text}{due}",
    "{text}{due}",
};
inline constexpr MessageText kReturned{
    "petitions.notice_returned",
    "Kiến nghị được trả lại: {petition}",
    "Petition returned: {petition}",
};
inline constexpr MessageText kDraftAwaiting{
    "petitions.notice_draft_awaiting",
    "Dự thảo trả lời kiến nghị chờ duyệt",
    "A draft answer to a petition awaits approval",
};
inline constexpr MessageText kAnswered{
    "petitions.notice_answered",
    "Kiến nghị đã có trả lời: {petition}",
    "Your petition has been answered: {petition}",
};
inline constexpr MessageText kRateAnswer{
    "petitions.notice_rate_answer",
    "Mời doanh nghiệp xem câu trả lời và đánh giá mức độ hài lòng.",
    "Please read the answer and rate how satisfied you are.",
};
inline constexpr MessageText kResolved{
    "petitions.notice_resolved",
    "Vướng mắc đã được giải quyết xong: {petition}",
    "Issue resolved: {petition}",
};
inline constexpr MessageText kUnsatisfied{
    "petitions.notice_unsatisfied",
    "Doanh nghiệp chưa hài lòng với câu trả lời: {petition}",
    "The business is not satisfied with the answer: {petition}",
};
inline constexpr MessageText kReopened{
    "petitions.notice_reopened",
    "Kiến nghị được mở lại: {petition}",
    "Petition reopened: {petition}",
};
inline constexpr MessageText kReopenedBody{
    "petitions.notice_reopened_body",
    "{text} Hạn trả lời mới: {date}.",
    "{text} New answer due date: {date}.",
};

}  // namespace notice

// To the business's users (role business on its organisation unit). `args` adds to
// {petition} and {due}; `body` may be null.
Status NoticeBusiness(db::Connection& c, const Petition& p, const MessageText& title,
                      const MessageText* body, MessageArgs args, int64_t now);
// To the people of a unit (the responsible unit, a coordinating one).
Status NoticeUnit(db::Connection& c, int64_t unit_id, const Petition& p, const MessageText& title,
                  const MessageText* body, MessageArgs args, int64_t now);

// What the audit log keeps of a petition.
boost::json::object AuditJson(const Petition& p);
Status RecordAudit(db::Connection& c, const auth::Principal* who, const std::string& action,
                   const Petition* before, const Petition& after, int64_t now);

}  // namespace dh::petitions
