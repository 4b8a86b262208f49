// The demo city's mid-year session of the city council (fictional, labelled demo data):
// two drafts under discussion, 40 delegates in 8 groups, about 120 opinions in 43 speeches,
// most answered (a few referred as tasks, a few merged as duplicates, some still waiting
// past the drafting unit's deadline), and the resolution voted. Deterministic: the same
// data on every load, dated from "today".
#include "demo/demo_conferences.h"

#include <array>

#include "demo/demo_users.h"

namespace dh::demo {
namespace {

using conferences::ConferenceService;

constexpr std::array kFamily = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
constexpr std::array kMiddle = {"Văn", "Thị", "Minh", "Quốc", "Thu"};
constexpr std::array kGiven = {"An",   "Bình", "Cường", "Dung", "Giang", "Hà",   "Hải",   "Khoa",
                               "Lan",  "Long", "Mai",   "Nam",  "Oanh",  "Phúc", "Quân",  "Sơn",
                               "Tâm",  "Thảo", "Trung", "Uyên", "Việt",  "Xuân", "Yến",   "Hùng",
                               "Hạnh", "Kiên", "Linh",  "Nga",  "Nhân",  "Quý",  "Thắng", "Tú",
                               "Vân",  "Vinh", "Đức",   "Hoa",  "Huy",   "Lộc",  "Ngọc",  "Thủy"};
constexpr std::array kAsks = {"Đề nghị làm rõ căn cứ xác định",
                              "Đề nghị bổ sung quy định về",
                              "Đề nghị rà soát lại",
                              "Đề nghị cân nhắc điều chỉnh",
                              "Đề nghị quy định cụ thể hơn về",
                              "Đề nghị đánh giá tác động của"};
constexpr std::array kTopics = {"đối tượng áp dụng",        "mức thu và mức chi",
                                "trình tự, thủ tục",        "trách nhiệm của các sở, ngành",
                                "nguồn kinh phí thực hiện", "thời điểm có hiệu lực"};

Result<auth::Principal> Office(app::App& app) { return PrincipalOf(app, "vanphong"); }

int64_t UnitOf(app::App& app, const char* code) {
  const units::Unit* u = app.unit_directory().Get()->FindByCode(code);
  return u ? u->id : 0;
}

Result<conferences::ConferenceView> CreateSession(app::App& app, const auth::Principal& office,
                                                  Date today) {
  tasks::DirectiveInput d;
  d.kind = "conclusion";
  d.number = "38/TB-HĐND";
  d.issued_on = today.AddDays(-140);
  d.issuer_unit_id = UnitOf(app, "MA");
  d.title = "Thông báo kết luận kỳ họp giữa năm của HĐND thành phố (dữ liệu minh họa)";
  d.body = "Giao các cơ quan xử lý ý kiến đại biểu đã được chuyển tại kỳ họp.";
  DH_ASSIGN_OR_RETURN(auto directive, app.tasks().CreateDirective(office, d));
  conferences::ConferenceInput in;
  in.name = "Kỳ họp thứ 9 HĐND thành phố Minh An (dữ liệu minh họa)";
  in.body_unit_id = UnitOf(app, "MA");
  in.starts_on = today.AddDays(-150);
  in.ends_on = today.AddDays(-148);
  in.place = "Minh An";
  in.directive_id = directive.id;
  in.documents = {
      {"Dự thảo Nghị quyết quy định mức thu phí tham quan các điểm du lịch",
       "resolution",
       UnitOf(app, "MA.STC"),
       today.AddDays(-130),
       {"Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng", "Điều 3. Mức thu phí",
        "Điều 4. Tổ chức thực hiện"}},
      {"Dự thảo Nghị quyết về chính sách hỗ trợ chuyển đổi số cấp xã",
       "resolution",
       UnitOf(app, "MA.STP"),
       today.AddDays(-130),
       {"Điều 1. Phạm vi và đối tượng", "Điều 2. Nội dung hỗ trợ", "Điều 3. Kinh phí"}}};
  return app.conferences().Create(office, in);
}

Result<std::vector<int64_t>> AddDelegates(app::App& app, const auth::Principal& office,
                                          int64_t conference) {
  std::vector<int64_t> ids;
  for (size_t i = 0; i < 40; ++i) {
    conferences::DelegateInput d;
    d.full_name = std::string(kFamily[i % kFamily.size()]) + " " +
                  kMiddle[(i / 3) % kMiddle.size()] + " " + kGiven[i];
    d.delegation = "Tổ đại biểu số " + std::to_string(i / 5 + 1);
    DH_ASSIGN_OR_RETURN(auto delegate, app.conferences().AddDelegate(office, conference, d));
    ids.push_back(delegate.id);
  }
  return ids;
}

// The answer opinion `i` gets: most are answered; one in eight waits.
conferences::AnswerInput AnswerFor(size_t i, Date today, int64_t referred_unit) {
  switch (i % 8) {
    case 0:
    case 3:
      return {"accepted", "Đã tiếp thu, chỉnh sửa tại dự thảo trình kỳ họp."};
    case 1:
      return {"accepted", "", true};
    case 2:
    case 5:
      return {"explained",
              "Nội dung này đã được quy định tại văn bản của Trung ương; dự thảo giữ nguyên để bảo "
              "đảm thống nhất."};
    case 4:
      return {"noted", "Ghi nhận để nghiên cứu khi sửa đổi."};
    case 6:
      return i % 24 == 6
                 ? conferences::AnswerInput{"referred", "", false, referred_unit, today.AddDays(30)}
                 : conferences::AnswerInput{"noted", ""};
    default:
      return {};
  }
}

Status AddOpinions(app::App& app, const auth::Principal& office,
                   const conferences::ConferenceView& v, const std::vector<int64_t>& delegates,
                   Date today) {
  const auto& docs = v.conference.documents;
  std::vector<int64_t> first_of_doc(docs.size(), 0);
  for (size_t i = 0; i < 120; ++i) {
    const auto& doc = docs[i % 2];
    const size_t speech = i * 43 / 120;
    conferences::OpinionInput in{{delegates[speech % delegates.size()]},
                                 doc.id,
                                 doc.sections[(i / 2) % doc.sections.size()].id,
                                 "",
                                 static_cast<int64_t>(speech + 1)};
    if (i % 11 == 0) in.delegate_ids.push_back(delegates[(speech + 7) % delegates.size()]);
    in.content = std::string(kAsks[i % kAsks.size()]) + " " + kTopics[(i / 3) % kTopics.size()] +
                 " tại " + doc.sections[(i / 2) % doc.sections.size()].title + ".";
    DH_ASSIGN_OR_RETURN(auto op, app.conferences().AddOpinion(office, v.conference.id, in));
    if (i == 2 || i == 3) first_of_doc[i % 2] = op.opinion.id;
    if (i >= 116 && first_of_doc[i % 2]) {  // the last four repeat an earlier one: merged
      DH_RETURN_IF_ERROR(
          app.conferences().Merge(office, first_of_doc[i % 2], {op.opinion.id}).status());
      continue;
    }
    const conferences::AnswerInput a =
        AnswerFor(i, today, UnitOf(app, i % 2 ? "MA.SNV" : "MA.SVHTTDL"));
    if (!a.kind.empty())
      DH_RETURN_IF_ERROR(app.conferences().AnswerOpinion(office, op.opinion.id, a).status());
  }
  return Status::Ok();
}

}  // namespace

Status LoadDemoConferences(app::App& app) {
  DH_ASSIGN_OR_RETURN(auth::Principal office, Office(app));
  const Date today = app.clock().Today();
  DH_ASSIGN_OR_RETURN(auto session, CreateSession(app, office, today));
  DH_ASSIGN_OR_RETURN(auto delegates, AddDelegates(app, office, session.conference.id));
  DH_RETURN_IF_ERROR(AddOpinions(app, office, session, delegates, today));
  conferences::VoteInput vote;
  vote.subject = "Thông qua Nghị quyết quy định mức thu phí tham quan các điểm du lịch";
  vote.document_id = session.conference.documents[0].id;
  for (size_t i = 0; i < 39; ++i)  // one delegate absent
    vote.ballots.emplace_back(delegates[i], i < 35 ? "for" : i < 37 ? "against" : "abstain");
  vote.voted_on = session.conference.ends_on;
  return app.conferences().CastVote(office, session.conference.id, vote).status();
}

}  // namespace dh::demo
