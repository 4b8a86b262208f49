#include "core/message.h"

#include <map>
#include <mutex>
#include <shared_mutex>

namespace dh {
namespace {

std::shared_mutex labels_mu;
thread_local Lang current_lang = Lang::kVi;
std::map<std::string, std::string, std::less<>>& LabelsEn() {
  static auto* labels = new std::map<std::string, std::string, std::less<>>();
  return *labels;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The q-value of one Accept-Language item ("en;q=0.8" → 0.8); 1 when absent, 0 when bad.
double QualityOf(std::string_view params) {
  const size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  double v = 0, scale = 1;
  bool fraction = false;
  for (char c : params.substr(q + 2)) {
    if (c == '.') {
      fraction = true;
    } else if (c >= '0' && c <= '9') {
      if (fraction) {
        scale /= 10;
        v += (c - '0') * scale;
      } else {
        v = v * 10 + (c - '0');
      }
    } else {
      break;
    }
  }
  return v;
}

std::string ValueIn(const MessageValue& v, Lang lang) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return FormatInt(*n, lang);
  if (const auto* l = std::get_if<Label>(&v))
    return lang == Lang::kEn && !l->en.empty() ? l->en : LabelIn(l->vi, lang);
  const MessageText* t = std::get<const MessageText*>(v);
  return std::string(lang == Lang::kEn ? t->en : t->vi);
}

std::string Fill(std::string_view pattern, const MessageArgs& args, Lang lang) {
  std::string out;
  size_t pos = 0;
  while (pos < pattern.size()) {
    const size_t open = pattern.find('{', pos);
    const size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(pos, open - pos));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [k, v] : args) {
      if (k != name) continue;
      out += ValueIn(v, lang);
      found = true;
      break;
    }
    if (!found) out.append(pattern.substr(open, close - open + 1));
    pos = close + 1;
  }
  out.append(pattern.substr(std::min(pos, pattern.size())));
  return out;
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view tag) {
  tag = Trim(tag);
  if (tag.size() < 2 || (tag.size() > 2 && tag[2] != '-' && tag[2] != '_')) return std::nullopt;
  const std::string primary{Lower(tag[0]), Lower(tag[1])};
  if (primary == "vi") return Lang::kVi;
  if (primary == "en") return Lang::kEn;
  return std::nullopt;
}

Lang LangFromAcceptLanguage(std::string_view header) {
  std::optional<Lang> best;
  double best_q = 0;
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    const std::string_view item = header.substr(pos, end - pos);
    const size_t semi = item.find(';');
    const auto lang = ParseLang(item.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : QualityOf(item.substr(semi));
    if (lang && q > best_q) {
      best = lang;
      best_q = q;
    }
    pos = end + 1;
  }
  return best.value_or(Lang::kVi);
}

void RegisterLabels(std::initializer_list<std::pair<std::string_view, std::string_view>> vi_en) {
  std::unique_lock lock(labels_mu);
  for (const auto& [vi, en] : vi_en) LabelsEn()[std::string(vi)] = std::string(en);
}

std::string LabelIn(std::string_view vi, Lang lang) {
  if (lang == Lang::kVi) return std::string(vi);
  std::shared_lock lock(labels_mu);
  auto it = LabelsEn().find(vi);
  return it == LabelsEn().end() ? std::string(vi) : it->second;
}

std::string FormatInt(int64_t n, Lang lang) {
  const char sep = lang == Lang::kEn ? ',' : '.';
  const bool negative = n < 0;
  uint64_t u = negative ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string digits = std::to_string(u);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string Render(const MessageText& text, const MessageArgs& args, Lang lang) {
  return Fill(lang == Lang::kEn ? text.en : text.vi, args, lang);
}

std::string Say(const MessageText& text, const MessageArgs& args) {
  return Render(text, args, current_lang);
}

Lang CurrentLang() { return current_lang; }

ScopedLang::ScopedLang(Lang lang) : before_(current_lang) { current_lang = lang; }

ScopedLang::~ScopedLang() { current_lang = before_; }

}  // namespace dh
