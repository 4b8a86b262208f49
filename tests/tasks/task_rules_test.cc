// The other pure rules of tasks: what may happen in which state, recurring deadlines,
// the roll-up of delegated progress, and the timeliness of coordination answers.
#include <gtest/gtest.h>

#include <map>

#include "tasks/task.h"
#include "tasks/task_records.h"

namespace dh::tasks {
namespace {

using S = TaskState;
using E = TaskEvent;

Date D(const char* s) { return *Date::Parse(s); }

const char* EventName(E e) {
  switch (e) {
    case E::kReport:
      return "report";
    case E::kSubmit:
      return "submit";
    case E::kConfirm:
      return "confirm";
    case E::kReturn:
      return "return";
    case E::kSuspend:
      return "suspend";
    case E::kResume:
      return "resume";
    case E::kRefuse:
      return "refuse";
    case E::kReassign:
      return "reassign";
  }
  return "?";
}

// Every (state, event) pair: the state it leads to, or refused.
TEST(TransitionTest, EveryStateAndEvent) {
  const std::vector<S> states = {S::kNotStarted, S::kInProgress, S::kAwaitingConfirmation,
                                 S::kDone,       S::kReturned,   S::kSuspended,
                                 S::kRefused};
  const std::vector<E> events = {E::kReport,  E::kSubmit, E::kConfirm, E::kReturn,
                                 E::kSuspend, E::kResume, E::kRefuse,  E::kReassign};
  const std::map<std::pair<S, E>, S> allowed = {
      // Reporting progress starts or continues the work, and takes up a returned task.
      {{S::kNotStarted, E::kReport}, S::kInProgress},
      {{S::kInProgress, E::kReport}, S::kInProgress},
      {{S::kReturned, E::kReport}, S::kInProgress},
      // Completion may be submitted from any open working state.
      {{S::kNotStarted, E::kSubmit}, S::kAwaitingConfirmation},
      {{S::kInProgress, E::kSubmit}, S::kAwaitingConfirmation},
      {{S::kReturned, E::kSubmit}, S::kAwaitingConfirmation},
      // Only the office's decision ends the wait.
      {{S::kAwaitingConfirmation, E::kConfirm}, S::kDone},
      {{S::kAwaitingConfirmation, E::kReturn}, S::kReturned},
      // Suspension stops anything not finished; resuming goes back to work.
      {{S::kNotStarted, E::kSuspend}, S::kSuspended},
      {{S::kInProgress, E::kSuspend}, S::kSuspended},
      {{S::kAwaitingConfirmation, E::kSuspend}, S::kSuspended},
      {{S::kReturned, E::kSuspend}, S::kSuspended},
      {{S::kRefused, E::kSuspend}, S::kSuspended},
      {{S::kSuspended, E::kResume}, S::kInProgress},
      // A unit refuses work that is not its remit before it has delivered anything.
      {{S::kNotStarted, E::kRefuse}, S::kRefused},
      {{S::kInProgress, E::kRefuse}, S::kRefused},
      // The office hands refused (or not yet delivered) work to another unit.
      {{S::kRefused, E::kReassign}, S::kNotStarted},
      {{S::kNotStarted, E::kReassign}, S::kNotStarted},
      {{S::kInProgress, E::kReassign}, S::kNotStarted},
  };
  int refused = 0;
  for (S from : states) {
    for (E ev : events) {
      const auto r = Transition(from, ev);
      const std::string what = std::string(StateName(from)) + " + " + EventName(ev);
      auto it = allowed.find({from, ev});
      if (it != allowed.end()) {
        ASSERT_TRUE(r.ok()) << what << ": " << r.status().ToString();
        EXPECT_EQ(StateName(*r), StateName(it->second)) << what;
        continue;
      }
      ++refused;
      ASSERT_FALSE(r.ok()) << what << " should be refused, gave " << StateName(*r);
      EXPECT_EQ(r.status().code(), StatusCode::kConflict) << what;
      EXPECT_EQ(r.status().error_code(), "invalid_state") << what;
      // The message names the state the task is in, so the user knows why.
      EXPECT_NE(r.status().message().find(std::string(StateName(from))), std::string::npos)
          << what << ": " << r.status().message();
    }
  }
  EXPECT_EQ(refused, 56 - static_cast<int>(allowed.size()));
}

TEST(TransitionTest, DoneIsFinal) {
  for (E ev : {E::kReport, E::kSubmit, E::kConfirm, E::kReturn, E::kSuspend, E::kResume, E::kRefuse,
               E::kReassign})
    EXPECT_FALSE(Transition(S::kDone, ev).ok()) << EventName(ev);
}

// ---- Recurrence ---------------------------------------------------------------------

TEST(RecurrenceTest, ParsesWhatTheFormSends) {
  const struct {
    const char* text;
    bool ok;
    Recurrence::Kind kind;
    int day;
  } cases[] = {
      {"", true, Recurrence::kNone, 0},
      {"monthly:20", true, Recurrence::kMonthly, 20},
      {"monthly:1", true, Recurrence::kMonthly, 1},
      {"monthly:31", true, Recurrence::kMonthly, 31},
      {"quarterly:15", true, Recurrence::kQuarterly, 15},
      {"quarterly:31", true, Recurrence::kQuarterly, 31},
      {"monthly", false},
      {"monthly:", false},
      {"monthly:0", false},
      {"monthly:32", false},
      {"monthly:-1", false},
      {"monthly:2a", false},
      {"monthly:20:1", false},
      {"monthly: 20", false},
      {" monthly:20", false},
      {"Monthly:20", false},
      {"weekly:5", false},
      {"yearly:1", false},
      {":20", false},
      {"monthly:99999999999999999999", false},
  };
  for (const auto& c : cases) {
    const auto r = ParseRecurrence(c.text);
    ASSERT_EQ(r.has_value(), c.ok) << '"' << c.text << '"';
    if (!r) continue;
    EXPECT_EQ(r->kind, c.kind) << c.text;
    EXPECT_EQ(r->day, c.day) << c.text;
    EXPECT_EQ(RecurrenceText(*r), c.text);  // round trip
  }
}

TEST(RecurrenceTest, NextOccurrence) {
  const Recurrence m20{Recurrence::kMonthly, 20}, m31{Recurrence::kMonthly, 31},
      m30{Recurrence::kMonthly, 30};
  const Recurrence q15{Recurrence::kQuarterly, 15}, q31{Recurrence::kQuarterly, 31};
  const struct {
    const char* what;
    Recurrence r;
    const char* after;
    const char* next;
  } cases[] = {
      {"monthly 20, before the 20th", m20, "2025-06-19", "2025-06-20"},
      {"monthly 20, on the 20th: strictly after", m20, "2025-06-20", "2025-07-20"},
      {"monthly 20, year end", m20, "2025-12-20", "2026-01-20"},
      {"monthly 20, 31 December", m20, "2025-12-31", "2026-01-20"},
      {"monthly 31 → end of February", m31, "2025-01-31", "2025-02-28"},
      {"monthly 31 → 29 February in a leap year", m31, "2024-01-31", "2024-02-29"},
      {"monthly 31, back to 31 after February", m31, "2025-02-28", "2025-03-31"},
      {"monthly 31 → 30 April", m31, "2025-03-31", "2025-04-30"},
      {"monthly 31, after 30 April", m31, "2025-04-30", "2025-05-31"},
      {"monthly 31 → 30 June", m31, "2025-05-31", "2025-06-30"},
      {"monthly 31, December → January", m31, "2025-12-31", "2026-01-31"},
      {"monthly 30, February, no drift", m30, "2025-01-30", "2025-02-28"},
      {"monthly 30, after February", m30, "2025-02-28", "2025-03-30"},
      {"quarterly 15, January", q15, "2025-01-01", "2025-03-15"},
      {"quarterly 15, on the date", q15, "2025-03-15", "2025-06-15"},
      {"quarterly 15, between", q15, "2025-07-16", "2025-09-15"},
      {"quarterly 15, November", q15, "2025-11-30", "2025-12-15"},
      {"quarterly 15, year end", q15, "2025-12-15", "2026-03-15"},
      {"quarterly 31 → 30 June", q31, "2025-03-31", "2025-06-30"},
      {"quarterly 31 → 30 September", q31, "2025-06-30", "2025-09-30"},
      {"quarterly 31 → 31 December", q31, "2025-09-30", "2025-12-31"},
      {"quarterly 31, year end", q31, "2025-12-31", "2026-03-31"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(NextOccurrence(c.r, D(c.after)).ToString(), c.next) << c.what;
}

TEST(RecurrenceTest, AYearOfMonthlyReportsHasTwelveDeadlines) {
  const Recurrence m31{Recurrence::kMonthly, 31};
  std::vector<std::string> got;
  for (Date d = NextOccurrence(m31, D("2025-12-31")); d.year() == 2026; d = NextOccurrence(m31, d))
    got.push_back(d.ToString());
  EXPECT_EQ(got,
            (std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
                                      "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31",
                                      "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"}));
  const Recurrence q20{Recurrence::kQuarterly, 20};
  got.clear();
  for (Date d = NextOccurrence(q20, D("2025-12-31")); d.year() == 2026; d = NextOccurrence(q20, d))
    got.push_back(d.ToString());
  EXPECT_EQ(got,
            (std::vector<std::string>{"2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20"}));
}

// ---- Roll-up of delegated progress ----------------------------------------------------

TEST(RollUpProgressTest, WeightsPartsByTheirShares) {
  const struct {
    const char* what;
    int own;
    std::vector<Part> parts;
    int expected;
  } cases[] = {
      {"no parts: the holder's own progress", 40, {}, 40},
      {"no parts, done", 100, {}, 100},
      {"no parts, nothing yet", 0, {}, 0},
      // Shares below 100 %: the holder keeps the rest, weighted by its own report.
      {"60 % given, holder at 50 %", 50, {{60, 100}}, 80},
      {"30 % + 30 % given, holder keeps 40 %", 50, {{30, 100}, {30, 0}}, 50},
      {"holder done, parts not started", 100, {{60, 0}}, 40},
      {"holder not started, part done", 0, {{25, 100}}, 25},
      // Exactly 100 %: the holder's own report no longer counts.
      {"100 % given, holder says 0", 0, {{50, 100}, {50, 40}}, 70},
      {"100 % given, holder says 100", 100, {{50, 100}, {50, 40}}, 70},
      {"100 % given, all done", 0, {{70, 100}, {30, 100}}, 100},
      {"one part with everything", 90, {{100, 10}}, 10},
      // Rounded down: 99.x % is not done.
      {"three thirds done, holder keeps 1 %", 0, {{33, 100}, {33, 100}, {33, 100}}, 99},
      {"three thirds done, holder done too", 100, {{33, 100}, {33, 100}, {33, 100}}, 100},
      {"41.5 % → 41", 10, {{70, 55}}, 41},
      {"99.99 % → 99", 99, {{99, 100}}, 99},
      {"a tiny share", 0, {{1, 100}}, 1},
  };
  for (const auto& c : cases) EXPECT_EQ(RollUpProgress(c.own, c.parts), c.expected) << c.what;
}

TEST(RollUpProgressTest, NeverLeavesZeroToHundred) {
  // The service refuses shares over 100 %; the rule still stays within bounds.
  EXPECT_EQ(RollUpProgress(0, {{80, 100}, {50, 100}}), 100);
  EXPECT_EQ(RollUpProgress(100, {{80, 0}, {50, 0}}), 0);
  for (int own = 0; own <= 100; own += 5)
    for (int share = 1; share <= 100; share += 9)
      for (int p = 0; p <= 100; p += 10) {
        const int r = RollUpProgress(own, {{share, p}});
        ASSERT_GE(r, 0);
        ASSERT_LE(r, 100);
        ASSERT_GE(r, std::min(own, p));
        ASSERT_LE(r, std::max(own, p));
      }
}

// ---- Coordination answers -----------------------------------------------------------

TEST(AnswerStatusTest, LateAnswersCountAgainstTheUnitAsked) {
  calendar::WorkCalendar cal;
  auto request = [](const char* due, const char* answered) {
    CoordinationRequest r;
    r.due_on = D(due);
    if (answered) r.answered_on = D(answered);
    return r;
  };
  const struct {
    const char* what;
    const char* due;
    const char* answered;
    const char* today;
    AnswerStatus expected;
  } cases[] = {
      {"pending, before the due day", "2025-06-13", nullptr, "2025-06-12", AnswerStatus::kPending},
      {"pending, on the due day", "2025-06-13", nullptr, "2025-06-13", AnswerStatus::kPending},
      {"unanswered after the due day", "2025-06-13", nullptr, "2025-06-16", AnswerStatus::kOverdue},
      {"unanswered on the weekend after", "2025-06-13", nullptr, "2025-06-14",
       AnswerStatus::kOverdue},
      {"answered before", "2025-06-13", "2025-06-10", "2025-06-30", AnswerStatus::kAnsweredOnTime},
      {"answered on the due day", "2025-06-13", "2025-06-13", "2025-06-30",
       AnswerStatus::kAnsweredOnTime},
      {"answered a day late", "2025-06-13", "2025-06-16", "2025-06-16",
       AnswerStatus::kAnsweredLate},
      {"due on a Saturday, answered Monday", "2025-06-14", "2025-06-16", "2025-06-16",
       AnswerStatus::kAnsweredOnTime},
      {"due on a Saturday, pending Monday", "2025-06-14", nullptr, "2025-06-16",
       AnswerStatus::kPending},
      {"due on a Saturday, unanswered Tuesday", "2025-06-14", nullptr, "2025-06-17",
       AnswerStatus::kOverdue},
      {"due during Tết, answered after", "2025-01-30", "2025-02-04", "2025-02-04",
       AnswerStatus::kAnsweredOnTime},
      {"due during Tết, answered a day later", "2025-01-30", "2025-02-05", "2025-02-05",
       AnswerStatus::kAnsweredLate},
  };
  for (const auto& c : cases)
    EXPECT_EQ(AnswerStatusName(AnswerStatusOf(request(c.due, c.answered), D(c.today), cal)),
              AnswerStatusName(c.expected))
        << c.what;
}

TEST(DirectiveKindTest, TheFiveKinds) {
  for (const char* k : {"resolution", "conclusion", "plan", "decision", "notice"})
    EXPECT_TRUE(IsDirectiveKind(k)) << k;
  for (const char* k : {"", "Conclusion", "nghi_quyet", "letter", "plan "})
    EXPECT_FALSE(IsDirectiveKind(k)) << k;
}

}  // namespace
}  // namespace dh::tasks
