// "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến": the opinions grouped by draft and
// section with their answers, as .docx (templates/src/tong_hop_y_kien, Decree 30 form) and
// as .xlsx (sheets/table_writer.h).
#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "conferences/conference_service.h"
#include "core/roman.h"
#include "documents/document_frame.h"
#include "sheets/table_writer.h"

namespace dh::conferences {
namespace {

struct ReportRow {
  bool heading = false;
  std::string no, content, raisers, kind, answer;
  int round = 0;  // the round the opinion was raised in (0 on a heading)
};

struct ReportData {
  Conference conf;
  std::vector<Delegate> delegates;
  std::vector<Opinion> opinions;
};

std::string AnswerText(const Opinion& o, const units::UnitGraph& g) {
  if (!o.answer) return "Chưa trả lời.";
  const units::Unit* u = g.Find(o.answer->referred_unit_id);
  return AnswerForReport(*o.answer, u ? u->name : "");
}

// The opinions of one draft raised in one round: general ones first, then section by
// section, numbered on.
void DocumentRows(const Document& doc, int round, const ReportData& data, const units::UnitGraph& g,
                  const std::unordered_map<int64_t, const Delegate*>& delegates,
                  std::vector<ReportRow>& rows) {
  std::vector<std::optional<int64_t>> groups{std::nullopt};
  for (const Section& s : doc.sections) groups.push_back(s.id);
  int number = 0, section_no = 0;
  for (const auto& group : groups) {
    bool headed = false;
    for (const Opinion& o : data.opinions) {
      if (o.document_id != doc.id || o.round != round || o.merged_into_id || o.section_id != group)
        continue;
      if (!headed) {
        headed = true;
        std::string title = "Ý kiến chung";
        for (const Section& s : doc.sections)
          if (group && s.id == *group) title = s.title;
        rows.push_back({true, std::to_string(++section_no), title, "", "", ""});
      }
      std::vector<Raiser> raisers;
      for (int64_t id : o.delegate_ids)
        if (auto it = delegates.find(id); it != delegates.end())
          raisers.push_back({it->second->full_name, it->second->delegation});
      rows.push_back({false, std::to_string(++number), o.content, RaisersText(raisers),
                      o.answer ? std::string(AnswerKindLabel(o.answer->kind)) : "",
                      AnswerText(o, g), o.round});
    }
  }
}

std::vector<ReportRow> Rows(const ReportData& data, const ReportOptions& options,
                            const units::UnitGraph& g) {
  std::unordered_map<int64_t, const Delegate*> delegates;
  for (const Delegate& d : data.delegates) delegates[d.id] = &d;
  std::vector<ReportRow> rows;
  int doc_no = 0;
  for (const Document& doc : data.conf.documents) {
    if (options.document_id && doc.id != *options.document_id) continue;
    // One part per round the draft's opinions were raised in, each named by its own round
    // (a draft now in round 2 still lists its round-1 opinions as round 1).
    std::set<int> rounds;
    for (const Opinion& o : data.opinions)
      if (o.document_id == doc.id && !o.merged_into_id) rounds.insert(o.round);
    if (rounds.empty()) rounds.insert(doc.round);
    const bool named = doc.round > 1 || *rounds.rbegin() > 1;
    for (int round : rounds) {
      rows.push_back({true, text::Roman(++doc_no),
                      doc.title + (named ? fmt::format(" (vòng {})", round) : ""), "", "", ""});
      DocumentRows(doc, round, data, g, delegates, rows);
    }
  }
  return rows;
}

std::string UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? u->name : "";
}

// The issuer: the draft's drafting unit for one draft, else the body; and its parent.
documents::DocumentFrame Frame(const ReportData& data, const ReportOptions& options,
                               const units::UnitGraph& g, Date today) {
  int64_t issuer = data.conf.body_unit_id;
  if (options.document_id)
    if (const Document* d = data.conf.FindDocument(*options.document_id))
      issuer = d->drafting_unit_id;
  const auto parent = g.ParentOn(issuer, today);
  documents::DocumentFrame f;
  f.parent_issuer = parent ? UnitName(g, *parent) : "";
  f.issuer = UnitName(g, issuer);
  f.number_symbol = options.number;
  f.place = data.conf.place;
  f.date = today;
  f.subject = "Tổng hợp, tiếp thu, giải trình ý kiến đại biểu tại " + data.conf.name;
  f.signing_authority =
      options.signing_authority.empty() ? "TM. " + f.issuer : options.signing_authority;
  f.signer_title = options.signer_title;
  f.signer_name = options.signer_name;
  f.recipients = {"- Thường trực " + UnitName(g, data.conf.body_unit_id) + ";",
                  "- Các vị đại biểu dự hội nghị;", "- Lưu: VT."};
  return f;
}

std::string Opening(const ReportData& data, const std::string& issuer) {
  int opinions = 0;
  std::set<int64_t> speeches;
  for (const Opinion& o : data.opinions)
    if (!o.merged_into_id) {
      ++opinions;
      if (o.speech_no) speeches.insert(*o.speech_no);
    }
  const std::string speech_part =
      speeches.empty() ? "" : fmt::format("{} lượt phát biểu với ", speeches.size());
  return fmt::format(
      "{} diễn ra từ ngày {} đến ngày {}, có {}{} ý kiến của đại biểu về {} dự "
      "thảo. Trên cơ sở ý kiến của các vị đại biểu, {} tổng hợp, tiếp thu, giải "
      "trình như sau:",
      data.conf.name, data.conf.starts_on.ToVietnamese(), data.conf.ends_on.ToVietnamese(),
      speech_part, opinions, data.conf.documents.size(), issuer);
}

}  // namespace

Result<ReportFile> ConferenceService::ReportDocx(const auth::Principal& who, int64_t conference_id,
                                                 const ReportOptions& options) const {
  ReportData data;
  DH_RETURN_IF_ERROR(ReadAll(conference_id, who, data.conf, data.delegates, data.opinions));
  auto g = units_.Get();
  const documents::DocumentFrame frame = Frame(data, options, *g, clock_.Today());
  documents::DocxData doc;
  documents::AddFrame(frame, doc);
  doc.lists["mo_dau"] = {documents::Item("noi_dung", Opening(data, frame.issuer))};
  auto& items = doc.lists["y_kien"];
  for (const ReportRow& r : Rows(data, options, *g)) {
    if (r.heading)
      items.push_back({"nhom", {{"so", r.no}, {"tieu_de", r.content}}});
    else
      items.push_back({"",
                       {{"so", r.no},
                        {"noi_dung", r.content},
                        {"dai_bieu", r.raisers},
                        {"tra_loi", r.answer}}});
  }
  doc.lists["ket_luan"] = {documents::Item(
      "noi_dung", "Trên đây là báo cáo tổng hợp, tiếp thu, giải trình ý kiến đại biểu của " +
                      frame.issuer + ".")};
  DH_ASSIGN_OR_RETURN(std::string bytes, templates_.Render("tong_hop_y_kien", doc));
  return ReportFile{fmt::format("bao-cao-tong-hop-y-kien-{}.docx", conference_id),
                    std::move(bytes)};
}

Result<ReportFile> ConferenceService::ReportXlsx(const auth::Principal& who, int64_t conference_id,
                                                 const ReportOptions& options) const {
  ReportData data;
  DH_RETURN_IF_ERROR(ReadAll(conference_id, who, data.conf, data.delegates, data.opinions));
  auto g = units_.Get();
  const std::vector<ReportRow> rows = Rows(data, options, *g);
  sheets::TableTitle title{"TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN ĐẠI BIỂU", data.conf.name,
                           "Số liệu đến ngày " + clock_.Today().ToVietnamese() + ".", "Y kien"};
  std::vector<sheets::TableColumn> columns{{"STT", sheets::CellKind::kText, 6, true},
                                           {"Nội dung ý kiến", sheets::CellKind::kText, 50},
                                           {"Đại biểu, đơn vị", sheets::CellKind::kText, 28},
                                           {"Vòng", sheets::CellKind::kInteger, 7, true},
                                           {"Hình thức", sheets::CellKind::kText, 12},
                                           {"Tiếp thu, giải trình", sheets::CellKind::kText, 50}};
  DH_ASSIGN_OR_RETURN(
      std::string bytes, sheets::TableBytes(title, columns, [&](sheets::TableWriter& w) -> Status {
        for (const ReportRow& r : rows) {
          if (r.heading) {
            DH_RETURN_IF_ERROR(w.Heading(r.no, r.content));
            continue;
          }
          DH_RETURN_IF_ERROR(
              w.Row({{r.no}, {r.content}, {r.raisers}, {int64_t{r.round}}, {r.kind}, {r.answer}}));
        }
        return Status::Ok();
      }));
  return ReportFile{fmt::format("bao-cao-tong-hop-y-kien-{}.xlsx", conference_id),
                    std::move(bytes)};
}

}  // namespace dh::conferences
