// Opinions imported from .xlsx (or .csv): every row checked against the conference's
// delegates, drafts and sections; all written in one transaction, or none.
#include <algorithm>

#include "audit/recorder.h"
#include "conferences/conference_json.h"
#include "conferences/conference_messages.h"
#include "conferences/conference_service.h"
#include "conferences/conference_store.h"
#include "core/hash.h"
#include "core/text.h"
#include "sheets/import_ledger.h"

namespace dh::conferences {
namespace {

constexpr size_t kMaxImportOpinions = 5000;

const sheets::ColumnMap& OpinionColumns() {
  static const sheets::ColumnMap kMap(
      {{.key = "stt", .heading = "STT", .aliases = {"TT", "Số TT"}, .ignored = true},
       {.key = "delegates",
        .heading = "Đại biểu",
        .aliases = {"Đại biểu nêu ý kiến", "Họ và tên đại biểu", "Đại biểu, đơn vị"},
        .required = true,
        .help = "Họ và tên đúng như danh sách đại biểu; nhiều đại biểu cách nhau bởi dấu ; — "
                "thêm tổ trong ngoặc khi trùng tên, ví dụ «Nguyễn Văn An (Tổ Đông Hải)»."},
       {.key = "document",
        .heading = "Dự thảo",
        .aliases = {"Văn bản", "Dự thảo văn bản"},
        .help = "Tên dự thảo hoặc số thứ tự của dự thảo trong hội nghị; để trống khi hội nghị "
                "chỉ có một dự thảo."},
       {.key = "section",
        .heading = "Phần, điều",
        .aliases = {"Điều", "Phần", "Nội dung dự thảo"},
        .help = "Tên phần, điều của dự thảo (ví dụ «Điều 3»); để trống cho ý kiến chung."},
       {.key = "content",
        .heading = "Nội dung ý kiến",
        .aliases = {"Ý kiến", "Nội dung"},
        .required = true,
        .help = "Tối đa 10.000 ký tự.",
        .noun = "Nội dung ý kiến"},
       {.key = "speech_no",
        .heading = "Lượt phát biểu",
        .aliases = {"Lượt"},
        .help = "Số thứ tự lượt phát biểu; một lượt có thể nêu nhiều ý kiến."}},
      "tải mẫu tại trang hội nghị → Nhập ý kiến từ Excel");
  return kMap;
}

struct Row {
  int number = 0;
  std::string delegates, document, section, content;
  std::optional<int64_t> speech_no;
};

std::vector<std::string> SplitNames(const std::string& raw) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : raw + ";") {
    if (ch == ';' || ch == ',' || ch == '\n') {
      if (!text::Trim(cur).empty()) out.push_back(text::Trim(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  return out;
}

// The delegate a name names ("Nguyễn Văn An" or "Nguyễn Văn An (Tổ Đông Hải)"), or a sentence.
std::variant<int64_t, std::string> MatchDelegate(const std::string& name,
                                                 const std::vector<Delegate>& delegates) {
  std::string person = name, group;
  if (size_t open = name.find('('); open != std::string::npos && name.back() == ')') {
    person = text::Trim(name.substr(0, open));
    group = text::FoldForSearch(name.substr(open + 1, name.size() - open - 2));
  }
  const std::string key = text::FoldForSearch(person);
  std::vector<int64_t> found;
  for (const Delegate& d : delegates)
    if (text::FoldForSearch(d.full_name) == key &&
        (group.empty() || text::FoldForSearch(d.delegation) == group))
      found.push_back(d.id);
  if (found.size() == 1) return found.front();
  if (found.empty()) return Say(msg::kNoDelegateNamed, {{"name", name}});
  return Say(msg::kDelegatesNamedAlike,
             {{"n", static_cast<int64_t>(found.size())}, {"name", name}, {"person", person}});
}

const Document* MatchDocument(const std::string& raw, const Conference& conf) {
  if (raw.empty()) return conf.documents.size() == 1 ? &conf.documents.front() : nullptr;
  const std::string key = text::FoldForSearch(raw);
  for (const Document& d : conf.documents)
    if (text::FoldForSearch(d.title) == key || std::to_string(d.position) == key) return &d;
  return nullptr;
}

// "Điều 3" names "Điều 3. Đối tượng áp dụng": equal, or followed by what is not a letter or digit.
const Section* MatchSection(const std::string& raw, const Document& doc) {
  const std::string key = text::FoldForSearch(raw);
  for (const Section& s : doc.sections) {
    const std::string title = text::FoldForSearch(s.title);
    if (title == key) return &s;
    if (title.starts_with(key) && !std::isalnum(static_cast<unsigned char>(title[key.size()])))
      return &s;
  }
  return nullptr;
}

// The opinion a row describes; its problems into `errors`.
std::optional<Opinion> Resolve(const Row& row, const Conference& conf,
                               const std::vector<Delegate>& delegates, sheets::RowErrors& errors) {
  const size_t before = errors.size();
  Opinion o{.conference_id = conf.id, .content = row.content, .speech_no = row.speech_no};
  for (const std::string& name : SplitNames(row.delegates)) {
    auto m = MatchDelegate(name, delegates);
    if (auto* id = std::get_if<int64_t>(&m)) {
      if (std::find(o.delegate_ids.begin(), o.delegate_ids.end(), *id) == o.delegate_ids.end())
        o.delegate_ids.push_back(*id);
    } else {
      errors.push_back({row.number, "Đại biểu", std::get<std::string>(m)});
    }
  }
  const Document* doc = MatchDocument(row.document, conf);
  if (!doc) {
    errors.push_back({row.number, "Dự thảo",
                      row.document.empty() ? Say(msg::kNameTheDraft)
                                           : Say(msg::kNoDraftNamed, {{"name", row.document}})});
  } else {
    o.document_id = doc->id;
    o.round = doc->round;
    if (!row.section.empty()) {
      const Section* s = MatchSection(row.section, *doc);
      if (s)
        o.section_id = s->id;
      else
        errors.push_back(
            {row.number, "Phần, điều",
             Say(msg::kNoSectionNamed, {{"draft", doc->title}, {"name", row.section}})});
    }
  }
  if (errors.size() != before) return std::nullopt;
  return o;
}

}  // namespace

Result<ImportOutcome> ConferenceService::ImportOpinions(const auth::Principal& who,
                                                        int64_t conference_id,
                                                        const ImportUpload& upload) {
  std::vector<Row> rows;
  ImportOutcome out;
  DH_ASSIGN_OR_RETURN(out.errors,
                      sheets::ReadRows(upload.bytes, upload.content_type, OpinionColumns(),
                                       kMaxImportOpinions, "ý kiến", [&](sheets::RowReader& r) {
                                         Row row{r.number()};
                                         row.delegates = r.Raw("delegates");
                                         row.document = r.Raw("document");
                                         row.section = r.Raw("section");
                                         auto content = r.Text("content", 10000);
                                         row.speech_no = r.Integer("speech_no", 1, 100000);
                                         if (content) row.content = *content;
                                         if (r.ok()) rows.push_back(std::move(row));
                                         return true;
                                       }));
  const int64_t now = clock_.NowSeconds();
  Status written = db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Conference conf, ForManage(c, who, conference_id));
    DH_ASSIGN_OR_RETURN(auto delegates, DelegatesOf(c, conference_id));
    std::vector<Opinion> opinions;
    for (const Row& row : rows)
      if (auto o = Resolve(row, conf, delegates, out.errors)) opinions.push_back(std::move(*o));
    if (!out.errors.empty()) return Status::Ok();  // nothing written
    DH_RETURN_IF_ERROR(
        sheets::RecordOnce(c,
                           {0, "conference_opinions", conference_id, Sha256Hex(upload.bytes),
                            upload.file_name.empty() ? "tệp tải lên" : upload.file_name,
                            static_cast<int64_t>(opinions.size()), who.user_id, now},
                           "hội nghị này", "ý kiến"));
    for (Opinion& o : opinions) {
      o.created_by = who.user_id;
      o.created_at = now;
      DH_ASSIGN_OR_RETURN(o.id, InsertOpinion(c, o));
    }
    out.imported = static_cast<int>(opinions.size());
    return audit::Record(
        c, &who,
        {"conference.import_opinions", "conference", conf.id, conf.body_unit_id, nullptr,
         boost::json::object{{"imported", out.imported}, {"file", upload.file_name}}},
        now);
  });
  DH_RETURN_IF_ERROR(written);
  sheets::SortByRow(out.errors);
  out.ok = out.errors.empty();
  if (!out.ok) out.imported = 0;
  return out;
}

}  // namespace dh::conferences
