#include "conferences/conference_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/money.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

std::string Count(int n) { return FormatDong(n); }  // "1.000": the grouping, not money

std::string Percent(int part, int whole) {
  if (whole <= 0) return "0 %";
  std::string s = fmt::format("{:.1f}", 100.0 * part / whole);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  std::replace(s.begin(), s.end(), '.', ',');
  return s + " %";
}

}  // namespace

// ---- Votes ----

std::string_view VoteRuleName(VoteRule r) {
  return r == VoteRule::kMajorityOfAll ? "majority_of_all" : "two_thirds_of_all";
}

std::optional<VoteRule> ParseVoteRule(std::string_view s) {
  if (s == "majority_of_all") return VoteRule::kMajorityOfAll;
  if (s == "two_thirds_of_all") return VoteRule::kTwoThirdsOfAll;
  return std::nullopt;
}

int VotesNeeded(VoteRule rule, int delegates) {
  if (delegates <= 0) return 1;
  if (rule == VoteRule::kMajorityOfAll) return delegates / 2 + 1;  // more than half
  return (2 * delegates + 2) / 3;                                  // at least two thirds
}

Status CheckTally(const VoteTally& t) {
  if (t.delegates <= 0)
    return Status::InvalidInput(
        "delegates", "Hội nghị chưa có đại biểu nào; thêm đại biểu trước khi biểu quyết.",
        "no_delegates");
  if (t.in_favour < 0 || t.against < 0 || t.abstain < 0)
    return Status::InvalidInput("in_favour", "Số phiếu không được âm.", "negative_votes");
  const int64_t cast = int64_t{t.in_favour} + t.against + t.abstain;
  if (cast > t.delegates)
    return Status::InvalidInput(
        "in_favour",
        fmt::format("Tổng số phiếu tán thành, không tán thành và không biểu quyết ({}) vượt quá "
                    "tổng số đại biểu ({}). Kiểm tra lại số phiếu.",
                    Count(static_cast<int>(cast)), Count(t.delegates)),
        "too_many_votes");
  return Status::Ok();
}

VoteOutcome Decide(VoteRule rule, const VoteTally& t) {
  VoteOutcome o;
  o.needed = VotesNeeded(rule, t.delegates);
  o.passed = t.delegates > 0 && t.in_favour >= o.needed;
  if (rule == VoteRule::kMajorityOfAll)
    o.rule = fmt::format(
        "Nghị quyết được thông qua khi có quá nửa tổng số đại biểu (không phải số đại biểu có "
        "mặt) biểu quyết tán thành: cần ít nhất {}/{} phiếu (Luật Tổ chức chính quyền địa "
        "phương, Điều 91, khoản 3).",
        Count(o.needed), Count(t.delegates));
  else
    o.rule = fmt::format(
        "Được thông qua khi có ít nhất hai phần ba tổng số đại biểu biểu quyết tán thành: cần ít "
        "nhất {}/{} phiếu.",
        Count(o.needed), Count(t.delegates));
  o.outcome = fmt::format(
      "{}: {}/{} đại biểu tán thành ({}); không tán thành {}, không biểu quyết {}; cần ít nhất {}.",
      o.passed ? "Thông qua" : "Không thông qua", Count(t.in_favour), Count(t.delegates),
      Percent(t.in_favour, t.delegates), Count(t.against), Count(t.abstain), Count(o.needed));
  return o;
}

// ---- Answers ----

std::string_view AnswerKindName(AnswerKind k) {
  switch (k) {
    case AnswerKind::kAccepted:
      return "accepted";
    case AnswerKind::kExplained:
      return "explained";
    case AnswerKind::kNoted:
      return "noted";
    case AnswerKind::kReferred:
      return "referred";
  }
  return "noted";
}

std::string_view AnswerKindLabel(AnswerKind k) {
  switch (k) {
    case AnswerKind::kAccepted:
      return "Tiếp thu";
    case AnswerKind::kExplained:
      return "Giải trình";
    case AnswerKind::kNoted:
      return "Ghi nhận";
    case AnswerKind::kReferred:
      return "Chuyển";
  }
  return "Ghi nhận";
}

std::optional<AnswerKind> ParseAnswerKind(std::string_view s) {
  for (AnswerKind k : kAnswerKinds)
    if (AnswerKindName(k) == s) return k;
  return std::nullopt;
}

Result<Answer> CheckAnswer(const AnswerInput& in, Date today) {
  const auto kind = ParseAnswerKind(in.kind);
  if (!kind)
    return Status::InvalidInput("kind",
                                "Chọn cách trả lời: tiếp thu, giải trình, ghi nhận hoặc chuyển.",
                                "unknown_answer_kind");
  Answer a{*kind, text::Trim(in.text), in.when_possible && *kind == AnswerKind::kAccepted, 0, {}};
  if (text::CodePointCount(a.text) > kMaxAnswerChars)
    return Status::InvalidInput("text", "Nội dung trả lời dài quá 10.000 ký tự; rút gọn lại.",
                                "too_long");
  if (a.kind == AnswerKind::kAccepted && a.text.empty() && !a.when_possible)
    return Status::InvalidInput(
        "text",
        "Ghi rõ dự thảo đã được sửa thế nào, hoặc chọn «Tiếp thu, thực hiện "
        "khi có điều kiện».",
        "required");
  if (a.kind == AnswerKind::kExplained && a.text.empty())
    return Status::InvalidInput("text", "Nêu lý do giữ nguyên dự thảo trong ô «Nội dung trả lời».",
                                "required");
  if (a.kind != AnswerKind::kReferred) return a;
  if (in.referred_unit_id <= 0)
    return Status::InvalidInput("referred_unit_id", "Chọn đơn vị được chuyển ý kiến để xử lý.",
                                "required");
  if (!in.due_on)
    return Status::InvalidInput(
        "due_on", "Nhập hạn xử lý theo dạng ngày/tháng/năm, ví dụ 15/06/2026.", "required");
  if (*in.due_on < today)
    return Status::InvalidInput("due_on", "Hạn xử lý đã qua; chọn một ngày từ hôm nay trở đi.",
                                "in_the_past");
  a.referred_unit_id = in.referred_unit_id;
  a.due_on = in.due_on;
  return a;
}

std::string AnswerForReport(const Answer& a, std::string_view referred_unit_name) {
  switch (a.kind) {
    case AnswerKind::kAccepted:
      if (a.text.empty()) return "Tiếp thu, sẽ thực hiện khi có điều kiện.";
      return "Tiếp thu: " + a.text + (a.when_possible ? " (thực hiện khi có điều kiện)" : "");
    case AnswerKind::kExplained:
      return "Giải trình: " + a.text;
    case AnswerKind::kNoted:
      return a.text.empty() ? "Ghi nhận." : "Ghi nhận: " + a.text;
    case AnswerKind::kReferred:
      return fmt::format("Chuyển {} xử lý, hạn {}.{}", referred_unit_name,
                         a.due_on ? a.due_on->ToVietnamese() : "",
                         a.text.empty() ? "" : " " + a.text);
  }
  return a.text;
}

// ---- Merging duplicates ----

std::string RaisersText(const std::vector<Raiser>& raisers) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // first-spoken order
  for (const Raiser& r : raisers) {
    auto g =
        std::find_if(groups.begin(), groups.end(), [&](auto& x) { return x.first == r.group; });
    if (g == groups.end()) g = groups.insert(groups.end(), {r.group, {}});
    if (std::find(g->second.begin(), g->second.end(), r.name) == g->second.end())
      g->second.push_back(r.name);
  }
  std::string out;
  for (const auto& [group, names] : groups) {
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
    if (!out.empty()) out += "; ";
    out += group.empty() ? joined : joined + " (" + group + ")";
  }
  return out;
}

Status CheckMerge(const OpinionHead& kept, const std::vector<OpinionHead>& others) {
  if (others.empty())
    return Status::InvalidInput("opinion_ids", "Chọn ít nhất một ý kiến trùng để gộp.", "required");
  if (kept.merged)
    return Status::Conflict("Ý kiến giữ lại đã được gộp vào ý kiến khác.", "already_merged");
  for (const OpinionHead& o : others) {
    if (o.id == kept.id)
      return Status::InvalidInput("opinion_ids", "Không gộp một ý kiến vào chính nó.",
                                  "self_merge");
    if (o.document_id != kept.document_id)
      return Status::InvalidInput("opinion_ids", "Chỉ gộp các ý kiến về cùng một dự thảo.",
                                  "other_document");
    if (o.merged)
      return Status::Conflict(fmt::format("Ý kiến số {} đã được gộp trước đó.", o.id),
                              "already_merged");
    if (o.answered)
      return Status::Conflict(
          fmt::format(
              "Ý kiến số {} đã được trả lời; chỉ gộp các ý kiến chưa trả lời vào một ý kiến.",
              o.id),
          "already_answered");
  }
  return Status::Ok();
}

// ---- Rounds ----

Status CheckNewRound(int current, int unanswered_in_current) {
  if (unanswered_in_current > 0)
    return Status::Conflict(fmt::format("Còn {} ý kiến của vòng {} chưa được trả lời; trả lời hết "
                                        "trước khi mở vòng {}.",
                                        Count(unanswered_in_current), current, current + 1),
                            "unanswered_opinions");
  return Status::Ok();
}

}  // namespace dh::conferences
