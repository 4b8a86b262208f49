#include "petitions/petition.h"

#include <algorithm>
#include <array>

#include "core/names.h"
#include "petitions/petition_messages.h"

namespace dh::petitions {
namespace {

struct StateRow {
  PetitionState state;
  std::string_view name, label;
};
constexpr std::array<StateRow, 8> kStates = {{
    {PetitionState::kFiled, "filed", "Đã tiếp nhận"},
    {PetitionState::kRouted, "routed", "Đã chuyển đơn vị xử lý"},
    {PetitionState::kForwarded, "forwarded", "Đã chuyển tiếp đơn vị có thẩm quyền"},
    {PetitionState::kAnswerDrafted, "answer_drafted", "Đã có dự thảo trả lời"},
    {PetitionState::kDirected, "directed", "Đã có chỉ đạo"},
    {PetitionState::kResolved, "resolved", "Đã giải quyết xong"},
    {PetitionState::kRated, "rated", "Doanh nghiệp đã đánh giá"},
    {PetitionState::kReturned, "returned", "Đã trả lại"},
}};

const std::vector<Category> kCategories = {
    {"thu_tuc_hanh_chinh", "Thủ tục hành chính"},
    {"dat_dai", "Đất đai"},
    {"thue_phi", "Thuế – phí"},
    {"xay_dung", "Xây dựng"},
    {"dau_tu", "Đầu tư"},
    {"lao_dong", "Lao động"},
    {"other", "Khác"},
};

constexpr NameTable<ReturnReason, 3> kReasons = {{
    {ReturnReason::kIncomplete, "incomplete"},
    {ReturnReason::kDuplicate, "duplicate"},
    {ReturnReason::kOutsideAuthority, "outside_authority"},
}};

using S = PetitionState;
using E = PetitionEvent;

// Which states each event starts from, and where it leads; from any other state it is refused
// with `refused`, the error `code` and the form's `field`.
struct Step {
  E event;
  std::vector<S> from;
  S to;
  const MessageText* refused;
  const char* code;
  const char* field;
};
const std::vector<Step>& Steps() {
  static const std::vector<Step> steps = {
      {E::kRoute, {S::kFiled}, S::kRouted, &msg::kRouteOnlyFiled, "invalid_state", "unit_id"},
      {E::kForward,
       {S::kRouted, S::kForwarded},
       S::kForwarded,
       &msg::kForwardOnlyWithUnit,
       "invalid_state",
       "unit_id"},
      {E::kReturn, {S::kFiled}, S::kReturned, &msg::kReturnOnlyFiled, "invalid_state", "reason"},
      {E::kDraftAnswer,
       {S::kRouted, S::kForwarded, S::kAnswerDrafted},
       S::kAnswerDrafted,
       &msg::kNotAwaitingAnswer,
       "invalid_state",
       "text"},
      {E::kApproveDirected,
       {S::kAnswerDrafted},
       S::kDirected,
       &msg::kNoDraftToApprove,
       "invalid_state",
       "outcome"},
      {E::kApproveResolved,
       {S::kAnswerDrafted},
       S::kResolved,
       &msg::kNoDraftToApprove,
       "invalid_state",
       "outcome"},
      {E::kResolve,
       {S::kDirected},
       S::kResolved,
       &msg::kResolveOnlyDirected,
       "invalid_state",
       "outcome"},
      {E::kRate,
       {S::kDirected, S::kResolved},
       S::kRated,
       &msg::kRateOnlyAnswered,
       "not_answered",
       "satisfied"},
      {E::kReopen,
       {S::kDirected, S::kResolved, S::kRated},
       S::kRouted,
       &msg::kReopenOnlyAnswered,
       "not_answered",
       "reason"},
  };
  return steps;
}

// The first row of the states' table that `pred` takes; nullptr when none does.
template <typename Pred>
const StateRow* FindState(Pred pred) {
  auto it = std::find_if(kStates.begin(), kStates.end(), pred);
  return it == kStates.end() ? nullptr : &*it;
}

const StateRow* RowOf(PetitionState s) {
  return FindState([s](const StateRow& r) { return r.state == s; });
}

}  // namespace

std::string_view StateName(PetitionState s) { return RowOf(s) ? RowOf(s)->name : ""; }

std::optional<PetitionState> ParseState(std::string_view s) {
  const StateRow* r = FindState([s](const StateRow& x) { return x.name == s; });
  return r ? std::optional(r->state) : std::nullopt;
}

std::string_view StateLabel(PetitionState s) { return RowOf(s) ? RowOf(s)->label : ""; }

bool WithUnit(PetitionState s) {
  return s == S::kRouted || s == S::kForwarded || s == S::kAnswerDrafted;
}

bool Answered(PetitionState s) { return s == S::kDirected || s == S::kResolved || s == S::kRated; }

Result<PetitionState> Transition(PetitionState from, PetitionEvent e) {
  for (const Step& step : Steps()) {
    if (step.event != e) continue;
    for (S s : step.from)
      if (s == from) return step.to;
    return Status::Conflict(Say(*step.refused), step.code, step.field);
  }
  return Status::Conflict(Say(msg::kStepRefused), "invalid_state");
}

const std::vector<Category>& Categories() { return kCategories; }

std::optional<std::string_view> CategoryLabel(std::string_view code) {
  for (const auto& c : kCategories)
    if (c.code == code) return c.label;
  return std::nullopt;
}

int AnswerDaysFor(const PetitionSettings& s, std::string_view category, bool several_units) {
  auto it = s.per_category.find(category);
  const AnswerDays& d = it == s.per_category.end() ? s.defaults : it->second;
  return several_units ? d.several : d.one_unit;
}

Date AnswerDue(const PetitionSettings& s, std::string_view category, bool several_units,
               Date received_on, const calendar::WorkCalendar& cal) {
  return cal.AddWorkingDays(received_on, AnswerDaysFor(s, category, several_units));
}

bool MayForwardOn(const PetitionSettings& s, Date received_on, Date day,
                  const calendar::WorkCalendar& cal) {
  return day <= cal.AddWorkingDays(received_on, s.forward_days);
}

calendar::DueStatus TimelinessOf(PetitionState s, std::optional<Date> due_on,
                                 std::optional<Date> answered_on, Date today,
                                 const calendar::WorkCalendar& cal, int due_soon_days) {
  if (Answered(s) && answered_on) return calendar::FinishedDueStatus(due_on, *answered_on, cal);
  if (WithUnit(s)) return calendar::OpenDueStatus(due_on, today, cal, due_soon_days);
  return calendar::DueStatus::kNoDeadline;
}

std::string_view ReturnReasonName(ReturnReason r) { return NameIn(kReasons, r); }

std::optional<ReturnReason> ParseReturnReason(std::string_view s) { return ValueIn(kReasons, s); }

std::optional<double> IndexCounts::OnTimeRate() const {
  if (total == 0) return std::nullopt;
  return 100.0 * static_cast<double>(on_time) / static_cast<double>(total);
}

std::optional<double> IndexCounts::SatisfactionRate() const {
  if (total == 0) return std::nullopt;
  return 100.0 * static_cast<double>(total - overdue_or_unsatisfied) / static_cast<double>(total);
}

std::vector<std::string_view> IndexBuckets(const IndexFacts& p, Date from, Date to,
                                           const calendar::WorkCalendar& cal) {
  std::vector<std::string_view> out;
  if (p.received_on < from || to < p.received_on) return out;
  const Date due = calendar::EffectiveDeadline(p.due_on, cal);
  const bool answered = p.answered_on && *p.answered_on <= to;
  if (answered && *p.answered_on <= due)
    out.push_back("on_time");
  else if (answered || due < to)
    out.push_back("overdue");
  else
    out.push_back("pending");
  if (answered && p.satisfied && !*p.satisfied && p.rated_on && *p.rated_on <= to)
    out.push_back("unsatisfied");
  return out;
}

void Count(const IndexFacts& p, Date from, Date to, const calendar::WorkCalendar& cal,
           IndexCounts& c) {
  const auto buckets = IndexBuckets(p, from, to, cal);
  if (buckets.empty()) return;
  ++c.total;
  bool bad = false;
  for (std::string_view b : buckets) {
    if (b == "on_time") ++c.on_time;
    if (b == "pending") ++c.pending;
    if (b == "overdue") ++c.overdue, bad = true;
    if (b == "unsatisfied") ++c.unsatisfied, bad = true;
  }
  if (bad) ++c.overdue_or_unsatisfied;
}

}  // namespace dh::petitions
