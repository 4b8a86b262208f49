#include "demo/demo_city.h"

#include <map>

#include "demo/demo_conferences.h"
#include "demo/demo_investment.h"
#include "demo/demo_petitions.h"
#include "demo/demo_targets.h"
#include "demo/demo_tasks.h"
#include "demo/demo_users.h"

namespace dh::demo {
namespace {

struct UnitSeed {
  const char* code;
  const char* name;
  const char* kind;
  const char* parent;  // code, or nullptr for the root
};

constexpr const char* kFounded = "2020-01-01";

// Before restructuring.
const UnitSeed kUnits[] = {
    {"MA", "Thành phố Minh An (dữ liệu minh họa)", "city", nullptr},
    {"MA.TU", "Thành ủy Minh An", "party", "MA"},
    {"MA.VP", "Văn phòng UBND thành phố", "agency", "MA"},
    {"MA.STC", "Sở Tài chính", "department", "MA"},
    {"MA.SKHDT", "Sở Kế hoạch và Đầu tư", "department", "MA"},
    {"MA.SXD", "Sở Xây dựng", "department", "MA"},
    {"MA.SGTVT", "Sở Giao thông vận tải", "department", "MA"},
    {"MA.STNMT", "Sở Tài nguyên và Môi trường", "department", "MA"},
    {"MA.SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "department", "MA"},
    {"MA.TTPTQD", "Trung tâm Phát triển quỹ đất", "agency", "MA.STNMT"},
    {"MA.SYT", "Sở Y tế", "department", "MA"},
    {"MA.SGDDT", "Sở Giáo dục và Đào tạo", "department", "MA"},
    {"MA.SCT", "Sở Công Thương", "department", "MA"},
    {"MA.SNV", "Sở Nội vụ", "department", "MA"},
    {"MA.STP", "Sở Tư pháp", "department", "MA"},
    {"MA.SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "department", "MA"},
    {"MA.BQLGT", "Ban QLDA đầu tư xây dựng các công trình giao thông", "investor", "MA"},
    {"MA.BQLDD", "Ban QLDA đầu tư xây dựng các công trình dân dụng và công nghiệp", "investor",
     "MA"},
    {"MA.Q1", "Quận Trung Tâm", "district", "MA"},
    {"MA.Q1.AH", "Phường An Hòa", "ward", "MA.Q1"},
    {"MA.Q1.BM", "Phường Bình Minh", "ward", "MA.Q1"},
    {"MA.Q1.CD", "Phường Cầu Đá", "ward", "MA.Q1"},
    {"MA.Q1.DX", "Phường Đông Xuyên", "ward", "MA.Q1"},
    {"MA.Q2", "Quận Bắc Sơn", "district", "MA"},
    {"MA.Q2.HS", "Phường Hoa Sen", "ward", "MA.Q2"},
    {"MA.Q2.PL", "Phường Phú Lợi", "ward", "MA.Q2"},
    {"MA.Q2.TT", "Phường Tân Tiến", "ward", "MA.Q2"},
    {"MA.H1", "Huyện Sông Cầu", "district", "MA"},
    {"MA.H1.TT", "Thị trấn Sông Cầu", "ward", "MA.H1"},
    {"MA.H1.TP", "Xã Tân Phú", "ward", "MA.H1"},
    {"MA.H1.PA", "Xã Phước An", "ward", "MA.H1"},
    {"MA.H1.HB", "Xã Hòa Bình", "ward", "MA.H1"},
    {"MA.H2", "Huyện Đồng Lâm", "district", "MA"},
    {"MA.H2.DT", "Xã Đồng Tâm", "ward", "MA.H2"},
    {"MA.H2.LS", "Xã Lâm Sơn", "ward", "MA.H2"},
    {"MA.H2.TB", "Xã Thạch Bàn", "ward", "MA.H2"},
    {"MA.H2.HD", "Xã Hưng Đạo", "ward", "MA.H2"},
};

struct Step {
  const char* kind;
  const char* date;
  std::vector<const char*> sources;
  std::vector<const char*> targets;  // existing
  std::vector<UnitSeed> new_units;
  const char* note;
};

// The 1 July 2025 arrangement: wards of a district merged into one new ward of the city.
Step WardsMerge(std::vector<const char*> wards, UnitSeed ward) {
  return {"merge", "2025-07-01", std::move(wards), {}, {ward}, "Sắp xếp đơn vị hành chính cấp xã"};
}

// The district ends; its remaining affairs pass to the ward at its seat.
Step DistrictEnds(const char* district, const char* seat) {
  return {"merge", "2025-07-01", {district}, {seat}, {}, "Kết thúc cấp huyện"};
}

const std::vector<Step>& Steps() {
  static const std::vector<Step> kSteps = {
      {"merge",
       "2025-03-01",
       {"MA.SKHDT"},
       {"MA.STC"},
       {},
       "Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính (dữ liệu minh họa)"},
      {"merge",
       "2025-03-01",
       {"MA.SGTVT"},
       {"MA.SXD"},
       {},
       "Hợp nhất Sở Giao thông vận tải vào Sở Xây dựng"},
      {"merge",
       "2025-03-01",
       {"MA.STNMT", "MA.SNNPTNT"},
       {},
       {{"MA.SNNMT", "Sở Nông nghiệp và Môi trường", "department", "MA"}},
       "Hợp nhất Sở Tài nguyên và Môi trường với Sở Nông nghiệp và Phát triển nông thôn"},
      WardsMerge({"MA.Q1.AH", "MA.Q1.BM"}, {"MA.P.ANHOA", "Phường An Hòa", "ward", "MA"}),
      WardsMerge({"MA.Q1.CD", "MA.Q1.DX"}, {"MA.P.TRUNGTAM", "Phường Trung Tâm", "ward", "MA"}),
      {"split",
       "2025-07-01",
       {"MA.Q2.HS"},
       {},
       {{"MA.P.HSDONG", "Phường Hoa Sen Đông", "ward", "MA"},
        {"MA.P.HSTAY", "Phường Hoa Sen Tây", "ward", "MA"}},
       "Chia phường Hoa Sen theo đề án sắp xếp"},
      WardsMerge({"MA.Q2.PL", "MA.Q2.TT"}, {"MA.P.BACSON", "Phường Bắc Sơn", "ward", "MA"}),
      WardsMerge({"MA.H1.TT", "MA.H1.TP"}, {"MA.X.SONGCAU", "Xã Sông Cầu", "ward", "MA"}),
      WardsMerge({"MA.H1.PA", "MA.H1.HB"}, {"MA.X.PHUOCHOA", "Xã Phước Hòa", "ward", "MA"}),
      WardsMerge({"MA.H2.DT", "MA.H2.LS"}, {"MA.X.DONGLAM", "Xã Đồng Lâm", "ward", "MA"}),
      WardsMerge({"MA.H2.TB", "MA.H2.HD"}, {"MA.X.THACHBAN", "Xã Thạch Bàn", "ward", "MA"}),
      DistrictEnds("MA.Q1", "MA.P.TRUNGTAM"),
      DistrictEnds("MA.Q2", "MA.P.BACSON"),
      DistrictEnds("MA.H1", "MA.X.SONGCAU"),
      DistrictEnds("MA.H2", "MA.X.DONGLAM"),
  };
  return kSteps;
}

struct UserSeed {
  const char* username;
  const char* full_name;
  const char* role;
  const char* unit;  // code; nullptr for admin
};

const UserSeed kUsers[] = {
    {"admin", "Quản trị hệ thống", "admin", nullptr},
    {"vanphong", "Trần Thị Mai (Văn phòng UBND)", "office", "MA"},
    {"lanhdao", "Nguyễn Văn Hùng (Chủ tịch UBND)", "leader", "MA"},
    {"canbo.stc", "Lê Thị Hồng (Sở Tài chính)", "officer", "MA.STC"},
    {"canbo.skhdt", "Phạm Quốc Bảo (nguyên Sở KH&ĐT)", "officer", "MA.SKHDT"},
    {"canbo.sxd", "Đỗ Minh Tuấn (Sở Xây dựng)", "officer", "MA.SXD"},
    {"canbo.q1", "Vũ Thị Lan (Quận Trung Tâm)", "officer", "MA.Q1"},
    {"chudautu.gt", "Hoàng Văn Nam (Ban QLDA Giao thông)", "investor", "MA.BQLGT"},
    {"xem", "Người xem", "viewer", "MA"},
};

Status CreateUnits(app::App& app, std::map<std::string, int64_t>& ids) {
  for (const UnitSeed& s : kUnits) {
    units::UnitInput in;
    in.code = s.code;
    in.name = s.name;
    in.kind = s.kind;
    if (s.parent) in.parent_id = ids.at(s.parent);
    in.valid_from = Date::Parse(kFounded);
    DH_ASSIGN_OR_RETURN(auto row, app.units().Create(nullptr, in));
    ids[s.code] = row.unit.id;
  }
  return Status::Ok();
}

Status CreateUsers(app::App& app, const std::map<std::string, int64_t>& ids) {
  for (const UserSeed& s : kUsers) {
    DH_RETURN_IF_ERROR(
        CreateDemoUser(app, s.username, s.full_name, "minhan.example",
                       {*auth::ParseRole(s.role),
                        s.unit ? std::optional<int64_t>(ids.at(s.unit)) : std::nullopt}));
  }
  return Status::Ok();
}

Status Restructure(app::App& app, std::map<std::string, int64_t>& ids) {
  for (const Step& s : Steps()) {
    units::RestructureRequest r;
    r.kind = s.kind;
    r.date = *Date::Parse(s.date);
    r.note = s.note;
    for (auto c : s.sources) r.source_ids.push_back(ids.at(c));
    for (auto c : s.targets) r.target_ids.push_back(ids.at(c));
    for (const UnitSeed& n : s.new_units)
      r.new_units.push_back({n.code, n.name, n.kind, ids.at(n.parent)});
    DH_ASSIGN_OR_RETURN(auto out, app.units().Restructure(nullptr, r));
    for (size_t i = 0; i < s.new_units.size(); ++i)
      ids[s.new_units[i].code] = out.successors[s.targets.size() + i];
  }
  return Status::Ok();
}

}  // namespace

Result<bool> LoadIfEmpty(app::App& app) {
  if (!app.unit_directory().Get()->all().empty()) return false;
  std::map<std::string, int64_t> ids;
  DH_RETURN_IF_ERROR(CreateUnits(app, ids));
  // Users first: the 2025 restructuring then passes their roles to the successors.
  DH_RETURN_IF_ERROR(CreateUsers(app, ids));
  DH_RETURN_IF_ERROR(Restructure(app, ids));
  DH_RETURN_IF_ERROR(LoadDemoTasks(app));
  DH_RETURN_IF_ERROR(LoadDemoConferences(app));
  DH_RETURN_IF_ERROR(LoadDemoPetitions(app));
  DH_RETURN_IF_ERROR(LoadDemoTargets(app));
  DH_RETURN_IF_ERROR(LoadDemoInvestment(app));
  return true;
}

}  // namespace dh::demo
