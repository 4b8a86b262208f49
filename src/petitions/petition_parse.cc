#include "petitions/petition_parse.h"

#include "core/json.h"
#include "http/list_query.h"
#include "petitions/petition_messages.h"

namespace dh::petitions {
namespace {

namespace bj = boost::json;
using T = http::ListFilter::Type;

const http::ListSpec& Spec() {
  static const http::ListSpec spec{{{"state", T::kText, "Trạng thái"},
                                    {"category", T::kText, "Lĩnh vực"},
                                    {"unit_id", T::kId, "Đơn vị xử lý"},
                                    {"business_unit_id", T::kId, "Doanh nghiệp"},
                                    {"session_id", T::kId, "Hội nghị đối thoại"},
                                    {"task_id", T::kId, "Nhiệm vụ"},
                                    {"q", T::kText, "Tìm kiếm"},
                                    {"timeliness", T::kText, "Tình trạng hạn"},
                                    {"bucket", T::kText, "Nhóm chỉ số"},
                                    {"from", T::kDate, "Từ ngày"},
                                    {"to", T::kDate, "Đến ngày"}},
                                   50,
                                   1000,
                                   {"id", "title", "category", "unit", "due_on", "state"}};
  return spec;
}

const http::ListSpec& PublicSpec() {
  static const http::ListSpec spec{{{"q", T::kText, "Tìm kiếm"},
                                    {"category", T::kText, "Lĩnh vực"},
                                    {"unit_id", T::kId, "Đơn vị trả lời"}}};
  return spec;
}

Status CheckCategory(const std::optional<std::string>& c) {
  if (c && !CategoryLabel(*c))
    return Status::InvalidInput("category", Say(msg::kUnknownCategory), "unknown_category");
  return Status::Ok();
}

}  // namespace

Result<PetitionInput> ParsePetition(const bj::object& o, bool creating) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, creating ? std::initializer_list<std::string_view>{"title", "content", "category",
                                                            "publishable", "business_unit_id",
                                                            "channel", "session_id"}
                  : std::initializer_list<std::string_view>{"title", "content", "category",
                                                            "publishable", "due_on"}));
  PetitionInput in;
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Tiêu đề"}, 300));
  DH_ASSIGN_OR_RETURN(in.content,
                      json::OptionalString(o, {"content", "Nội dung kiến nghị"}, 20000));
  DH_ASSIGN_OR_RETURN(in.category, json::OptionalString(o, {"category", "Lĩnh vực"}, 40));
  DH_ASSIGN_OR_RETURN(in.publishable, json::OptionalBool(o, {"publishable", "Đồng ý công khai"}));
  DH_ASSIGN_OR_RETURN(in.business_unit_id,
                      json::OptionalId(o, {"business_unit_id", "Doanh nghiệp"}));
  DH_ASSIGN_OR_RETURN(in.channel, json::OptionalString(o, {"channel", "Kênh tiếp nhận"}, 20));
  DH_ASSIGN_OR_RETURN(in.session_id, json::OptionalId(o, {"session_id", "Hội nghị đối thoại"}));
  DH_ASSIGN_OR_RETURN(in.due_on, json::OptionalDate(o, {"due_on", "Hạn trả lời"}));
  return in;
}

Result<ReturnInput> ParseReturn(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"reason", "note", "duplicate_of_id", "authority"}));
  ReturnInput in;
  DH_ASSIGN_OR_RETURN(in.reason, json::RequiredString(o, {"reason", "Lý do trả lại"}, 40));
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Ghi chú"}, 2000));
  DH_ASSIGN_OR_RETURN(in.duplicate_of_id,
                      json::OptionalId(o, {"duplicate_of_id", "Kiến nghị đã trả lời"}));
  DH_ASSIGN_OR_RETURN(auto authority,
                      json::OptionalString(o, {"authority", "Cơ quan có thẩm quyền"}, 300));
  in.note = note.value_or("");
  in.authority = authority.value_or("");
  return in;
}

Result<SessionInput> ParseSession(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"title", "held_on", "host_unit_id", "place"}));
  SessionInput in;
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Tên hội nghị"}, 300));
  DH_ASSIGN_OR_RETURN(in.place, json::OptionalString(o, {"place", "Địa điểm"}, 300));
  DH_ASSIGN_OR_RETURN(in.held_on, json::OptionalDate(o, {"held_on", "Ngày tổ chức"}));
  DH_ASSIGN_OR_RETURN(in.host_unit_id, json::OptionalId(o, {"host_unit_id", "Đơn vị chủ trì"}));
  return in;
}

Result<ListFilter> ParseListFilter(const http::Request& req, int64_t* limit, int64_t* offset) {
  DH_ASSIGN_OR_RETURN(auto q, http::ListQuery::Parse(req, Spec()));
  ListFilter f;
  if (auto s = q.Text("state")) {
    f.f.state = ParseState(*s);
    if (!f.f.state) return Status::InvalidInput("state", Say(msg::kUnknownState));
  }
  f.f.category = q.Text("category");
  DH_RETURN_IF_ERROR(CheckCategory(f.f.category));
  f.f.unit_id = q.Id("unit_id");
  f.f.business_unit_id = q.Id("business_unit_id");
  f.f.session_id = q.Id("session_id");
  f.task_id = q.Id("task_id");
  f.f.q = q.Text("q");
  if (auto t = q.Text("timeliness")) {
    f.timeliness = calendar::ParseDueStatus(*t);
    if (!f.timeliness) return Status::InvalidInput("timeliness", Say(msg::kUnknownTimeliness));
  }
  f.bucket = q.Text("bucket");
  f.from = q.Day("from");
  f.to = q.Day("to");
  if (f.bucket && (!f.from || !f.to))
    return Status::InvalidInput("from", Say(msg::kBucketNeedsPeriod));
  f.sort = q.sort();
  f.descending = q.descending();
  *limit = q.limit();
  *offset = q.offset();
  return f;
}

Result<PetitionFilter> ParsePublicFilter(const http::Request& req, int64_t* limit,
                                         int64_t* offset) {
  DH_ASSIGN_OR_RETURN(auto q, http::ListQuery::Parse(req, PublicSpec()));
  PetitionFilter f;
  f.q = q.Text("q");
  f.category = q.Text("category");
  DH_RETURN_IF_ERROR(CheckCategory(f.category));
  f.unit_id = q.Id("unit_id");
  *limit = q.limit();
  *offset = q.offset();
  return f;
}

}  // namespace dh::petitions
