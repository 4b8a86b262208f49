// Business petitions (kiến nghị doanh nghiệp): the rules, with no I/O. A business files a
// petition; the office routes it to a responsible unit (with coordinating units) or returns
// it; the unit forwards it within 5 working days when it lies outside its own authority, or
// drafts an answer that its leader approves — "directed" (đã có chỉ đạo: a unit was told to
// act) or "resolved" (the business's problem is gone); the business rates the answer and may
// reopen the petition once, which sends it back to the unit with a new deadline.
//
//   filed ──route──▶ routed ──forward──▶ forwarded ──answer──▶ answer_drafted
//     │                 └──────────answer─────────────────────────▲   │ approve-answer
//     └─return─▶ returned                                             ▼
//                         rated ◀──rate── directed ──resolve──▶ resolved ──rate──▶ rated
//                           └──────────── reopen (once) ──▶ routed (a new deadline)
//
// Deadlines are counted in working days by calendar/deadline.h, as tasks' are: one rule.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/deadline.h"
#include "calendar/work_calendar.h"
#include "core/date.h"
#include "core/status.h"

namespace dh::petitions {

enum class PetitionState {
  kFiled,
  kRouted,
  kForwarded,
  kAnswerDrafted,
  kDirected,
  kResolved,
  kRated,
  kReturned,
};
std::string_view StateName(PetitionState s);
std::optional<PetitionState> ParseState(std::string_view s);
// "Đã tiếp nhận", "Đã chuyển đơn vị xử lý"… for messages and the web page.
std::string_view StateLabel(PetitionState s);

// With the unit: routed, forwarded or drafted, not yet answered.
bool WithUnit(PetitionState s);
// An approved answer has reached the business: directed, resolved or rated.
bool Answered(PetitionState s);

enum class PetitionEvent {
  kRoute,
  kForward,
  kReturn,
  kDraftAnswer,
  kApproveDirected,
  kApproveResolved,
  kResolve,
  kRate,
  kReopen,
};
// The next state, or Conflict saying why the petition cannot take this step now (the field
// named is the one the form shows for the step). Reopening twice is Reopen's own rule.
Result<PetitionState> Transition(PetitionState from, PetitionEvent e);

// ---- Categories and deadlines ----------------------------------------------------------
struct Category {
  std::string_view code, label;
};
// thu_tuc_hanh_chinh, dat_dai, thue_phi, xay_dung, dau_tu, lao_dong, other.
const std::vector<Category>& Categories();
std::optional<std::string_view> CategoryLabel(std::string_view code);

// Working days to answer from the day the unit received the petition.
struct AnswerDays {
  int one_unit = 7;  // within one unit's authority
  int several = 20;  // needs several agencies (coordinating units)
};
struct PetitionSettings {
  AnswerDays defaults;
  std::map<std::string, AnswerDays, std::less<>> per_category;  // overrides by category code
  int forward_days = 5;  // a unit forwards within this many working days (NĐ 20/2008)
  int due_soon_days = 3;
};
int AnswerDaysFor(const PetitionSettings& s, std::string_view category, bool several_units);
// The deadline of a unit that received the petition on `received_on`: that many working
// days after it.
Date AnswerDue(const PetitionSettings& s, std::string_view category, bool several_units,
               Date received_on, const calendar::WorkCalendar& cal);
// Whether a unit that received the petition on `received_on` may still forward it on `day`:
// at most `forward_days` working days after. Forwarding restarts the clock for the unit it
// goes to and takes it off the forwarding unit, so that no deadline counts twice.
bool MayForwardOn(const PetitionSettings& s, Date received_on, Date day,
                  const calendar::WorkCalendar& cal);

// Timeliness in the tasks' vocabulary (calendar::DueStatus): with the unit, by today against
// the deadline; answered, by the day the answer was approved; filed or returned: none.
calendar::DueStatus TimelinessOf(PetitionState s, std::optional<Date> due_on,
                                 std::optional<Date> answered_on, Date today,
                                 const calendar::WorkCalendar& cal, int due_soon_days);

// ---- Return reasons ------------------------------------------------------------------
enum class ReturnReason { kIncomplete, kDuplicate, kOutsideAuthority };
std::string_view ReturnReasonName(ReturnReason r);
std::optional<ReturnReason> ParseReturnReason(std::string_view s);

// ---- The QĐ 766/QĐ-TTg 2022 indexes ---------------------------------------------------
// One petition as the indexes read it: the unit that holds it (after any forwarding) and
// the day it received it. A returned petition, and one forwarded away, are not within that
// unit's authority and do not count for it.
struct IndexFacts {
  int64_t unit_id = 0;
  Date received_on;
  Date due_on;
  std::optional<Date> answered_on;  // the approved answer
  std::optional<bool> satisfied;    // the business's rating
  std::optional<Date> rated_on;
};
// Per unit and period [from, to], judged as of `to`: the petitions the unit received in the
// period; answered on time or early (by the effective deadline, and by `to`); overdue
// (answered late, or unanswered past the effective deadline at `to`); marked unsatisfied.
struct IndexCounts {
  int64_t total = 0, on_time = 0, overdue = 0, unsatisfied = 0, pending = 0;
  int64_t overdue_or_unsatisfied = 0;  // each petition once, whichever it is
  // answered on time or early ÷ total × 100 %; nullopt without petitions.
  std::optional<double> OnTimeRate() const;
  // (total − unsatisfied − overdue) ÷ total × 100 %; nullopt without petitions. A petition
  // both overdue and unsatisfied is subtracted once, so the rate never falls below 0.
  std::optional<double> SatisfactionRate() const;
};
// Adds one petition to `counts` when it belongs to the period.
void Count(const IndexFacts& p, Date from, Date to, const calendar::WorkCalendar& cal,
           IndexCounts& counts);
// Which of the counts a petition falls in, for the filters the board's numbers open:
// "on_time", "overdue", "unsatisfied", "pending"; none outside the period.
std::vector<std::string_view> IndexBuckets(const IndexFacts& p, Date from, Date to,
                                           const calendar::WorkCalendar& cal);

}  // namespace dh::petitions
