#include "notifications/notice_text.h"

#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <shared_mutex>

namespace dh::notifications {
namespace {

namespace bj = boost::json;

// Function-local: features register from their own static initialisers.
std::shared_mutex& TextsMu() {
  static auto* mu = new std::shared_mutex();
  return *mu;
}
std::map<std::string, const MessageText*, std::less<>>& Texts() {
  static auto* texts = new std::map<std::string, const MessageText*, std::less<>>();
  return *texts;
}

bj::value ValueJson(const MessageValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return bj::value(*s);
  if (const auto* n = std::get_if<int64_t>(&v)) return bj::value(*n);
  if (const auto* l = std::get_if<Label>(&v)) return bj::object{{"vi", l->vi}, {"en", l->en}};
  return bj::object{{"msg", std::get<const MessageText*>(v)->key}};
}

std::string StringAt(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : "";
}

// The stored parameters back as arguments; names point into `o`, which must outlive them.
// What cannot be read (a message this program no longer knows) is left out: its {name} stays.
MessageArgs DecodeArgs(const bj::object& o) {
  MessageArgs args;
  for (const auto& [name, v] : o) {
    const std::string_view key(name.data(), name.size());
    if (v.is_string()) {
      args.emplace_back(key, std::string(v.get_string()));
    } else if (v.is_int64()) {
      args.emplace_back(key, v.get_int64());
    } else if (v.is_object() && v.get_object().contains("msg")) {
      if (const MessageText* t = FindNoticeText(StringAt(v.get_object(), "msg")))
        args.emplace_back(key, t);
    } else if (v.is_object()) {
      args.emplace_back(key, Label{StringAt(v.get_object(), "vi"), StringAt(v.get_object(), "en")});
    }
  }
  return args;
}

}  // namespace

const NoticeTexts kRegistered{&msg::kText, &msg::kReason};

void RegisterNoticeTexts(std::initializer_list<const MessageText*> texts) {
  std::unique_lock lock(TextsMu());
  for (const MessageText* t : texts)
    if (t) Texts()[std::string(t->key)] = t;
}

const MessageText* FindNoticeText(std::string_view key) {
  std::shared_lock lock(TextsMu());
  auto it = Texts().find(key);
  return it == Texts().end() ? nullptr : it->second;
}

std::string EncodeArgs(const MessageArgs& args) {
  bj::object o;
  for (const auto& [name, v] : args) o[name] = ValueJson(v);
  return bj::serialize(o);
}

void RenderIn(Notification& n, const StoredText& stored, Lang lang) {
  const MessageText* title = stored.title_key ? FindNoticeText(*stored.title_key) : nullptr;
  const MessageText* body = stored.body_key ? FindNoticeText(*stored.body_key) : nullptr;
  if (!title && !body) return;
  boost::system::error_code ec;
  bj::value params = bj::parse(stored.params.value_or("{}"), ec);
  if (ec || !params.is_object()) return;
  const MessageArgs args = DecodeArgs(params.get_object());
  if (title) n.title = Render(*title, args, lang);
  if (body) n.body = Render(*body, args, lang);
}

Status RenderIn(db::Connection& c, std::vector<Notification>& list,
                const std::unordered_map<int64_t, Lang>& langs) {
  std::vector<int64_t> ids;
  for (const Notification& n : list) ids.push_back(n.id);
  DH_ASSIGN_OR_RETURN(auto stored, StoredTexts(c, ids));
  for (Notification& n : list) {
    auto it = stored.find(n.id);
    if (it == stored.end()) continue;
    auto lang = langs.find(n.user_id);
    RenderIn(n, it->second, lang == langs.end() ? Lang::kVi : lang->second);
  }
  return Status::Ok();
}

Status RenderIn(db::Connection& c, std::vector<Notification>& list, Lang lang) {
  std::unordered_map<int64_t, Lang> langs;
  for (const Notification& n : list) langs[n.user_id] = lang;
  return RenderIn(c, list, langs);
}

}  // namespace dh::notifications
