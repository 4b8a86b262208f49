// The demo city's business petitions: eight fictional businesses (each an organisation
// unit; four with a login), and 60 petitions filed over the last six months across every category
// and state — some overdue, some rated unsatisfied, some published — and one dialogue
// conference. Deterministic: the same "today" gives the same data. Past dates are written
// through the petitions store (the services date every step today), each petition with its
// history and one audit entry.
#include "demo/demo_petitions.h"

#include <array>
#include <string>

#include "audit/recorder.h"
#include "demo/demo_city.h"
#include "demo/demo_users.h"
#include "petitions/petition_notices.h"
#include "petitions/petition_store.h"

namespace dh::demo {
namespace {

using petitions::Petition;
using petitions::PetitionState;

// Organisation units of fictional businesses; the first four have a login (kLogins).
struct Business {
  const char* code;
  const char* name;
};
constexpr std::array<Business, 8> kBusinesses = {{
    {"MA.DN.NANGLUONG", "Công ty CP Năng lượng Xanh Tân Việt (minh họa)"},
    {"MA.DN.COKHI", "Công ty TNHH Cơ khí Kiến An (minh họa)"},
    {"MA.DN.DETMAY", "Công ty CP Dệt may Sao Mai (minh họa)"},
    {"MA.DN.MINHANXANH", "Công ty CP Minh An Xanh (minh họa)"},
    {"MA.DN.XAYDUNG", "Công ty CP Xây dựng Trường Thịnh (minh họa)"},
    {"MA.DN.LOGISTICS", "Công ty TNHH Logistics Hải Đăng (minh họa)"},
    {"MA.DN.PHANMEM", "Công ty CP Phần mềm Lạc Hồng (minh họa)"},
    {"MA.DN.DULICH", "Công ty TNHH Du lịch Ngọc Lan (minh họa)"},
}};

// Logins of businesses (role business on their own organisation: each files petitions and
// sees its own only), with the demo password. `business` indexes kBusinesses.
struct BusinessLogin {
  const char* username;
  const char* full_name;
  size_t business;
};
// `doanhnghiep`, the oldest demo login, is Minh An Xanh's: like the others it sees its own
// organisation only, never the whole city.
constexpr std::array<BusinessLogin, 4> kLogins = {{
    {"dn.nangluong", "Nguyễn Thị Thu (Năng lượng Xanh Tân Việt, minh họa)", 0},
    {"dn.cokhi", "Trần Văn Kiên (Cơ khí Kiến An, minh họa)", 1},
    {"dn.detmay", "Lê Thị Mai Anh (Dệt may Sao Mai, minh họa)", 2},
    {"doanhnghiep", "Công ty CP Minh An Xanh (minh họa)", 3},
}};

struct Topic {
  const char* category;
  const char* title;
  const char* content;
  const char* answer;
};
constexpr std::array<Topic, 10> kTopics = {{
    {"thue_phi", "Hoàn thuế giá trị gia tăng chậm",
     "Hồ sơ hoàn thuế GTGT hàng xuất khẩu nộp đã quá thời hạn giải quyết.",
     "Sở Tài chính đã phối hợp Thuế thành phố rà soát; hồ sơ được giải quyết trong kỳ."},
    {"dat_dai", "Chậm cấp giấy chứng nhận quyền sử dụng đất cho nhà xưởng",
     "Doanh nghiệp đã hoàn thành nghĩa vụ tài chính nhưng chưa được cấp giấy chứng nhận.",
     "Sở Nông nghiệp và Môi trường chỉ đạo Văn phòng đăng ký đất đai cấp giấy trong 10 ngày."},
    {"xay_dung", "Thủ tục cấp phép xây dựng nhà xưởng mở rộng kéo dài",
     "Hồ sơ xin phép xây dựng phải bổ sung nhiều lần, mỗi lần một yêu cầu khác.",
     "Sở Xây dựng hướng dẫn đầy đủ thành phần hồ sơ một lần và giao phòng chuyên môn xử lý."},
    {"thu_tuc_hanh_chinh", "Thủ tục đăng ký thay đổi nội dung kinh doanh trực tuyến bị lỗi",
     "Cổng dịch vụ công báo lỗi khi nộp hồ sơ có chữ ký số của người đại diện.",
     "Đơn vị vận hành đã sửa lỗi; doanh nghiệp nộp lại hồ sơ trực tuyến bình thường."},
    {"dau_tu", "Điều chỉnh chủ trương đầu tư dự án chậm tiến độ",
     "Dự án cần điều chỉnh tiến độ do giải phóng mặt bằng chậm, hồ sơ chưa được thẩm định.",
     "Sở Tài chính tổ chức thẩm định, trình UBND thành phố quyết định điều chỉnh."},
    {"lao_dong", "Thiếu lao động kỹ thuật cho khu công nghiệp",
     "Doanh nghiệp đề nghị hỗ trợ kết nối cơ sở đào tạo nghề để tuyển lao động.",
     "Sở Nội vụ giao Trung tâm dịch vụ việc làm tổ chức phiên giao dịch việc làm chuyên đề."},
    {"thue_phi", "Phí sử dụng hạ tầng cảng thu trùng",
     "Doanh nghiệp logistics bị thu phí hạ tầng hai lần cho cùng một lô hàng.",
     "Đơn vị thu phí đã hoàn trả khoản thu trùng và điều chỉnh quy trình đối soát."},
    {"dat_dai", "Giá thuê đất điều chỉnh tăng đột biến",
     "Đơn giá thuê đất kỳ ổn định mới tăng gấp ba lần so với kỳ trước.",
     "Sở Tài chính rà soát hệ số điều chỉnh giá đất và trả lời doanh nghiệp căn cứ áp dụng."},
    {"other", "Chiếu sáng và an ninh trật tự tuyến đường vào cụm công nghiệp",
     "Tuyến đường vào cụm công nghiệp thiếu đèn chiếu sáng, xảy ra mất trộm tài sản.",
     "UBND phường đã lắp bổ sung đèn chiếu sáng và tăng cường tuần tra."},
    {"xay_dung", "Đấu nối hệ thống thoát nước của nhà máy",
     "Chưa được chấp thuận đấu nối nước thải đã xử lý vào hệ thống thoát nước chung.",
     "Sở Xây dựng đã chấp thuận phương án đấu nối, doanh nghiệp thực hiện theo hướng dẫn."},
}};

constexpr std::array<const char*, 6> kUnits = {"MA.STC", "MA.SXD", "MA.STNMT",
                                               "MA.SCT", "MA.SNV", "MA.STP"};
// What happens to petition i, by i % 10.
constexpr std::array<PetitionState, 10> kFates = {
    PetitionState::kFiled,     PetitionState::kReturned,      PetitionState::kRouted,
    PetitionState::kForwarded, PetitionState::kAnswerDrafted, PetitionState::kDirected,
    PetitionState::kDirected,  PetitionState::kResolved,      PetitionState::kRated,
    PetitionState::kRated};

struct Ids {
  std::vector<int64_t> businesses;
  std::vector<int64_t> units;
  int64_t city = 0;
};

Result<Ids> CreateBusinesses(app::App& app) {
  Ids ids;
  auto g = app.unit_directory().Get();
  ids.city = g->FindByCode("MA")->id;
  for (const char* code : kUnits) ids.units.push_back(g->FindByCode(code)->id);
  for (const Business& b : kBusinesses) {
    units::UnitInput in;
    in.code = b.code;
    in.name = b.name;
    in.kind = "other";
    in.parent_id = ids.city;
    in.valid_from = Date::Parse("2020-01-01");
    DH_ASSIGN_OR_RETURN(auto row, app.units().Create(nullptr, in));
    ids.businesses.push_back(row.unit.id);
  }
  return ids;
}

Status CreateLogins(app::App& app, const Ids& ids) {
  for (const BusinessLogin& l : kLogins) {
    DH_RETURN_IF_ERROR(CreateDemoUser(app, l.username, l.full_name, "doanhnghiep.example",
                                      {auth::Role::kBusiness, ids.businesses[l.business]}));
  }
  return Status::Ok();
}

// Petition i: who, what, when, and how far it got by today.
// `session_day`: raised at the dialogue conference held that day.
Petition Make(int i, const Ids& ids, Date today, std::optional<Date> session_day,
              const calendar::WorkCalendar& cal, const petitions::PetitionSettings& settings) {
  const Topic& topic = kTopics[(i * 3 + i / 10) % kTopics.size()];
  Petition p;
  p.business_unit_id = ids.businesses[(i * 3) % ids.businesses.size()];
  p.title = topic.title;
  p.content = std::string(topic.content) + " (Dữ liệu minh họa.)";
  p.category = topic.category;
  p.publishable = i % 3 != 0;
  p.channel = i % 5 == 0 ? "paper" : "online";
  p.filed_on = today.AddDays(-(180 - i * 3));
  p.state = kFates[i % kFates.size()];
  if (p.state == PetitionState::kFiled) p.filed_on = today.AddDays(-(i % 4));
  // Half of those still with a unit arrived recently: in time or due soon.
  if (petitions::WithUnit(p.state) && i % 20 < 10) p.filed_on = today.AddDays(-(i % 9));
  if (session_day) {
    p.filed_on = *session_day;
    p.channel = "conference";
  }
  if (p.state == PetitionState::kReturned) {
    p.return_reason = "incomplete";
    p.return_note = "Bổ sung hợp đồng thuê đất và giấy chứng nhận đăng ký doanh nghiệp.";
    return p;
  }
  if (p.state == PetitionState::kFiled) return p;
  const int64_t unit = ids.units[i % ids.units.size()];
  p.responsible_unit_id = unit;
  if (i % 4 == 0) p.coordinating_unit_ids = {ids.units[(i + 1) % ids.units.size()]};
  p.received_on = cal.AddWorkingDays(p.filed_on, 1);
  if (p.state == PetitionState::kForwarded) {
    p.forwarded_from_unit_id = ids.units[(i + 2) % ids.units.size()];
    p.forwarded_on = cal.AddWorkingDays(*p.received_on, 3);
    p.received_on = p.forwarded_on;
  }
  p.due_on = petitions::AnswerDue(settings, p.category, !p.coordinating_unit_ids.empty(),
                                  *p.received_on, cal);
  if (p.state == PetitionState::kAnswerDrafted || petitions::Answered(p.state)) {
    p.answer_text = topic.answer;
    p.outcome = p.state == PetitionState::kResolved || i % 4 == 1 ? "resolved" : "directed";
  }
  if (!petitions::Answered(p.state)) return p;
  // Most answered in time; every seventh a few working days late.
  p.answered_on = cal.AddWorkingDays(*p.received_on, i % 7 == 0 ? 25 : 2 + i % 5);
  if (*p.answered_on > today) p.answered_on = today;
  if (p.state == PetitionState::kRated) {
    p.satisfied = i % 3 != 2;
    if (!*p.satisfied) p.rating_reason = "Câu trả lời chưa nêu thời hạn giải quyết cụ thể.";
    p.rated_on = std::min(today, p.answered_on->AddDays(3));
  }
  p.published = i % 2 == 0;
  if (p.published) p.published_on = p.answered_on;
  return p;
}

// The history a petition in this state has been through.
std::vector<std::pair<std::string, Date>> History(const Petition& p) {
  std::vector<std::pair<std::string, Date>> out{{"filed", p.filed_on}};
  if (p.state == PetitionState::kReturned) out.push_back({"returned", p.filed_on.AddDays(2)});
  if (p.forwarded_on) out.push_back({"forwarded", *p.forwarded_on});
  if (p.received_on && !p.forwarded_on) out.push_back({"routed", *p.received_on});
  if (!p.answer_text.empty()) out.push_back({"answer_drafted", p.answered_on.value_or(p.filed_on)});
  if (p.answered_on) out.push_back({"answer_approved", *p.answered_on});
  if (p.rated_on)
    out.push_back({*p.satisfied ? "rated_satisfied" : "rated_unsatisfied", *p.rated_on});
  if (p.published_on) out.push_back({"published", *p.published_on});
  return out;
}

Status Write(db::Connection& c, Petition& p, int64_t now) {
  p.created_at = p.updated_at = now;
  DH_ASSIGN_OR_RETURN(p.id, petitions::InsertPetition(c, p));
  for (const auto& [kind, day] : History(p))
    DH_RETURN_IF_ERROR(
        petitions::InsertPetitionEvent(c, {0, p.id, kind, day, "", p.responsible_unit_id, 0, now})
            .status());
  return petitions::RecordAudit(c, nullptr, "petition.demo", nullptr, p, now);
}

Status CreatePetitions(app::App& app, const Ids& ids) {
  const Date today = app.clock().Today();
  auto cal = app.petitions().Calendar();
  const petitions::DialogueSession session{
      0,
      "Hội nghị đối thoại doanh nghiệp 6 tháng đầu năm (minh họa)",
      today.AddDays(-40),
      ids.city,
      "Hội trường UBND thành phố",
      0,
      app.clock().NowSeconds()};
  return db::InTransaction(app.db(), [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(int64_t session_id, petitions::InsertSession(c, session));
    for (int i = 0; i < 60; ++i) {
      // Six raised at the dialogue conference, taken away to be answered.
      const bool raised = i >= 40 && i < 46;
      Petition p = Make(i, ids, today, raised ? std::optional(session.held_on) : std::nullopt, *cal,
                        app.petitions().settings());
      if (raised) p.session_id = session_id;
      DH_RETURN_IF_ERROR(Write(c, p, app.clock().NowSeconds()));
    }
    return audit::Record(c, nullptr,
                         {"petition_session.create", "petition_session", session_id, ids.city,
                          nullptr, boost::json::object{{"title", session.title}}},
                         session.created_at);
  });
}

}  // namespace

Status LoadDemoPetitions(app::App& app) {
  DH_ASSIGN_OR_RETURN(Ids ids, CreateBusinesses(app));
  DH_RETURN_IF_ERROR(CreateLogins(app, ids));
  DH_RETURN_IF_ERROR(CreatePetitions(app, ids));
  return app.petitions().LoadReadModel();
}

}  // namespace dh::demo
