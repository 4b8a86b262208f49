// The records of conferences: the conference and the drafts it discusses (each with its
// sections), its delegates, their opinions with the drafting unit's answers, and votes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "conferences/conference_rules.h"
#include "core/date.h"

namespace dh::conferences {

struct Section {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string title;  // "Điều 3. Đối tượng áp dụng"
  int position = 0;
};

// A draft under discussion.
struct Document {
  int64_t id = 0;
  int64_t conference_id = 0;
  std::string title;
  std::string kind = "resolution";  // resolution | decision | other
  int64_t drafting_unit_id = 0;     // answers the opinions on it
  int round = 1;
  std::optional<Date> answer_due_on;
  int position = 0;
  std::vector<Section> sections;
};

struct Conference {
  int64_t id = 0;
  std::string name;
  int64_t body_unit_id = 0;
  Date starts_on, ends_on;
  std::string place;
  std::optional<int64_t> directive_id;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
  std::vector<Document> documents;

  const Document* FindDocument(int64_t id) const;
};

struct Delegate {
  int64_t id = 0;
  int64_t conference_id = 0;
  std::string full_name;
  std::optional<int64_t> unit_id;
  std::string delegation;  // tổ đại biểu, đoàn, nhóm
  int64_t created_at = 0;
};

struct Opinion {
  int64_t id = 0;
  int64_t conference_id = 0;
  int64_t document_id = 0;
  std::optional<int64_t> section_id;
  int round = 1;
  std::string content;
  std::optional<int64_t> speech_no;
  std::optional<int64_t> merged_into_id;
  std::vector<int64_t> delegate_ids;  // in the order they spoke
  std::optional<Answer> answer;
  std::optional<int64_t> task_id;
  std::optional<Date> answered_on;
  std::optional<int64_t> answered_by;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

enum class Choice { kFor, kAgainst, kAbstain };
std::string_view ChoiceName(Choice c);  // "for", "against", "abstain"
std::optional<Choice> ParseChoice(std::string_view s);

struct Ballot {
  int64_t delegate_id = 0;
  Choice choice = Choice::kAbstain;
};

struct Vote {
  int64_t id = 0;
  int64_t conference_id = 0;
  std::optional<int64_t> document_id;
  std::string subject;
  VoteRule rule = VoteRule::kMajorityOfAll;
  VoteTally tally;
  bool by_delegate = false;
  bool passed = false;
  Date voted_on;
  std::vector<Ballot> ballots;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

}  // namespace dh::conferences
