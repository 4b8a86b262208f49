// A petition and what hangs from it, as the store keeps them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "petitions/petition.h"

namespace dh::petitions {

struct Petition {
  int64_t id = 0;
  int64_t business_unit_id = 0;  // the business (an organisation unit) that raised it
  std::string title, content, category;
  bool publishable = false;        // the business agrees to be named where the answer is published
  std::string channel = "online";  // online | paper | conference
  std::optional<int64_t> session_id;  // the dialogue conference it was raised at
  PetitionState state = PetitionState::kFiled;
  std::optional<int64_t> responsible_unit_id;
  std::vector<int64_t> coordinating_unit_ids;
  std::optional<Date> received_on;  // by the responsible unit: routing, forwarding, reopening
  std::optional<Date> due_on;
  std::optional<int64_t> forwarded_from_unit_id;
  std::optional<Date> forwarded_on;
  std::string answer_text;
  std::string outcome;  // the draft's: directed (đã có chỉ đạo) | resolved (đã giải quyết)
  std::optional<int64_t> answered_by, approved_by;
  std::optional<Date> answered_on;  // the approved answer reached the business
  std::optional<bool> satisfied;
  std::string rating_reason;
  std::optional<Date> rated_on;
  int reopen_count = 0;
  std::string return_reason;  // incomplete | duplicate | outside_authority
  std::string return_note;
  std::optional<int64_t> duplicate_of_id;
  std::string authority;  // who it belongs to, when outside the city's authority
  bool published = false;
  std::optional<Date> published_on;
  std::optional<int64_t> task_id;  // the work it spawned
  int64_t filed_by = 0;
  Date filed_on;
  int64_t created_at = 0, updated_at = 0;
};

struct PetitionEventRecord {
  int64_t id = 0;
  int64_t petition_id = 0;
  std::string kind;  // filed, routed, forwarded, returned, answer_drafted, approved, …
  Date happened_on;
  std::string note;
  std::optional<int64_t> unit_id;
  int64_t user_id = 0;
  int64_t created_at = 0;
};

struct AnswerTemplate {
  int64_t id = 0;
  std::string category;
  std::string title, body;
};

// A dialogue conference (hội nghị đối thoại doanh nghiệp).
struct DialogueSession {
  int64_t id = 0;
  std::string title;
  Date held_on;
  int64_t host_unit_id = 0;
  std::string place;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct PetitionFilter {
  std::optional<PetitionState> state;
  std::optional<std::string> category;
  std::optional<int64_t> unit_id;  // responsible
  std::optional<int64_t> business_unit_id;
  std::optional<int64_t> session_id;
  std::optional<std::string> q;  // folded, matched against title and content
  bool published_only = false;
};

}  // namespace dh::petitions
