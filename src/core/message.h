// Messages a person reads, in the reader's language. A feature declares each message once,
// beside the code that says it, as a MessageText: a stable key, the Vietnamese sentence and
// the English one, with {name} where a parameter goes. Say() renders one in the language of
// the request this thread is answering (ScopedLang, set by the HTTP router from the session's
// or the request's language, and by the command line from the locale, main.cc; Vietnamese
// elsewhere: jobs). Numbers are parameters, not text, so they come out as 1.000 in Vietnamese
// and 1,000 in English.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace dh {

enum class Lang { kVi, kEn };

// "vi" / "en" (also "en-US", "vi-VN"); nullopt for anything else.
std::optional<Lang> ParseLang(std::string_view tag);
// The language of an Accept-Language header we speak with the highest q; Vietnamese if none.
Lang LangFromAcceptLanguage(std::string_view header);

// The language messages are said in on this thread: Vietnamese unless a ScopedLang says
// otherwise.
Lang CurrentLang();
class ScopedLang {
 public:
  explicit ScopedLang(Lang lang);
  ~ScopedLang();
  ScopedLang(const ScopedLang&) = delete;
  ScopedLang& operator=(const ScopedLang&) = delete;

 private:
  Lang before_;
};

struct MessageText {
  std::string_view key;  // "tasks.task_name_empty"
  std::string_view vi;
  std::string_view en;
};

// A form's label ("Tên nhiệm vụ") as a parameter: English readers read `en` when given, else
// the English label registered for `vi` (RegisterLabels), else the Vietnamese one.
struct Label {
  std::string vi;
  std::string en;
};

// Registers English labels for Vietnamese form labels (a feature does this once, where it
// declares its fields). Thread-safe; a later registration of the same label wins.
void RegisterLabels(std::initializer_list<std::pair<std::string_view, std::string_view>> vi_en);
std::string LabelIn(std::string_view vi, Lang lang);

// 1234567 as "1.234.567" (vi) or "1,234,567" (en).
std::string FormatInt(int64_t n, Lang lang);

using MessageValue = std::variant<std::string, int64_t, Label, const MessageText*>;
using MessageArgs = std::vector<std::pair<std::string_view, MessageValue>>;

// `text` in `lang`, each {name} replaced by its argument (a {name} without one stays).
std::string Render(const MessageText& text, const MessageArgs& args, Lang lang);
// `text` in the current language (CurrentLang).
std::string Say(const MessageText& text, const MessageArgs& args = {});

}  // namespace dh
