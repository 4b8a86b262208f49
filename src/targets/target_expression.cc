#include "targets/target_expression.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "core/text.h"
#include "sheets/cells.h"
#include "targets/target_messages.h"

namespace dh::targets {
namespace {

constexpr size_t kMaxChars = 200;
constexpr size_t kMaxUnitChars = 40;
constexpr double kMaxMagnitude = 1e15;
constexpr char kField[] = "expression";
constexpr char kCode[] = "unreadable_expression";

Status Refuse(const MessageText& text, const MessageArgs& args = {}) {
  return Status::InvalidInput(kField, Say(text, args), kCode);
}

// A message that ends with the examples of how to write a target.
Status RefuseWithExamples(const MessageText& text, const MessageArgs& args = {}) {
  MessageArgs with = args;
  with.emplace_back("examples", &msg::kExamples);
  return Refuse(text, with);
}

struct NumberToken {
  size_t begin = 0, end = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digit runs with '.' or ',' between digits: "1.234,5", "7,5", "8".
std::vector<NumberToken> FindNumbers(std::string_view s) {
  std::vector<NumberToken> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    NumberToken t{i, i};
    while (t.end < s.size() &&
           (IsDigit(s[t.end]) || ((s[t.end] == '.' || s[t.end] == ',') && t.end + 1 < s.size() &&
                                  IsDigit(s[t.end + 1]) && t.end > t.begin)))
      ++t.end;
    out.push_back(t);
    i = t.end;
  }
  return out;
}

Result<double> ReadNumber(std::string_view written) {
  const auto d = sheets::ParseVietnameseDecimal(written);
  std::string plain = d ? d->whole : "";
  if (d && !d->fraction.empty()) plain += "." + d->fraction;
  double v = 0;
  const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (!d || ec != std::errc() || end != plain.data() + plain.size())
    return Refuse(msg::kExprBadNumber, {{"number", std::string(written)}});
  if (v >= kMaxMagnitude)
    return Refuse(msg::kExprNumberTooLarge, {{"number", std::string(written)}});
  return v;
}

// Replaces every `from` in `s` by `to`.
std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The folded text with comparison signs spelt in ASCII.
std::string FoldPhrase(std::string_view s) {
  std::string t = ReplaceAll(std::string(s), "≥", ">=");
  t = ReplaceAll(t, "≤", "<=");
  t = ReplaceAll(t, "＞", ">");
  t = ReplaceAll(t, "＜", "<");
  return text::FoldForSearch(t);
}

bool StripWord(std::string& s, std::string_view word) {
  if (s == word) {
    s.clear();
    return true;
  }
  if (s.size() > word.size() && s.compare(0, word.size(), word) == 0 && s[word.size()] == ' ') {
    s.erase(0, word.size() + 1);
    return true;
  }
  return false;
}

// Words before the number that say nothing about the comparison: "phấn đấu đạt".
void StripNoise(std::string& s) {
  while (StripWord(s, "phan dau") || StripWord(s, "dat") || StripWord(s, "tang truong") ||
         StripWord(s, "muc") || StripWord(s, "chi tieu") || StripWord(s, "la")) {
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
}

std::optional<Comparator> ComparatorOfWords(std::string_view w) {
  static const std::pair<const char*, Comparator> kWords[] = {
      {"", Comparator::kEqual},
      {"=", Comparator::kEqual},
      {"bang", Comparator::kEqual},
      {"dung", Comparator::kEqual},
      {">", Comparator::kGreater},
      {"tren", Comparator::kGreater},
      {"hon", Comparator::kGreater},
      {"lon hon", Comparator::kGreater},
      {"cao hon", Comparator::kGreater},
      {"nhieu hon", Comparator::kGreater},
      {"vuot", Comparator::kGreater},
      {"vuot tren", Comparator::kGreater},
      {">=", Comparator::kGreaterEq},
      {"=>", Comparator::kGreaterEq},
      {"> =", Comparator::kGreaterEq},
      {"toi thieu", Comparator::kGreaterEq},
      {"it nhat", Comparator::kGreaterEq},
      {"khong duoi", Comparator::kGreaterEq},
      {"khong thap hon", Comparator::kGreaterEq},
      {"khong it hon", Comparator::kGreaterEq},
      {"tu", Comparator::kGreaterEq},
      {"tren hoac bang", Comparator::kGreaterEq},
      {"<", Comparator::kLess},
      {"duoi", Comparator::kLess},
      {"thap hon", Comparator::kLess},
      {"nho hon", Comparator::kLess},
      {"it hon", Comparator::kLess},
      {"<=", Comparator::kLessEq},
      {"=<", Comparator::kLessEq},
      {"< =", Comparator::kLessEq},
      {"toi da", Comparator::kLessEq},
      {"khong qua", Comparator::kLessEq},
      {"khong vuot", Comparator::kLessEq},
      {"khong vuot qua", Comparator::kLessEq},
      {"khong hon", Comparator::kLessEq},
      {"khong cao hon", Comparator::kLessEq},
      {"khong lon hon", Comparator::kLessEq},
      {"nhieu nhat", Comparator::kLessEq},
      {"duoi hoac bang", Comparator::kLessEq},
  };
  for (const auto& [word, c] : kWords)
    if (w == word) return c;
  return std::nullopt;
}

// A decrease reads the comparison the other way round: "giảm trên 10%" is a change < −10.
Comparator Mirror(Comparator c) {
  switch (c) {
    case Comparator::kGreater:
      return Comparator::kLess;
    case Comparator::kGreaterEq:
      return Comparator::kLessEq;
    case Comparator::kLess:
      return Comparator::kGreater;
    case Comparator::kLessEq:
      return Comparator::kGreaterEq;
    default:
      return c;
  }
}

// What the text around the numbers said.
struct Parts {
  std::string prefix;  // folded, noise removed
  std::string unit;    // as written
  int sign = 0;        // +1 "tăng", −1 "giảm", 0 an absolute value
  bool or_more = false, or_less = false, compared_to_before = false;
};

const char* const kTailMarkers[] = {"trở lên", "trở xuống", "tro len", "tro xuong"};
const char* const kComparedMarkers[] = {"so với", "So với", "SO VỚI", "so voi", "So voi"};

// Cuts "so với năm 2023" off the end (its year is not a value of the target).
std::string_view CutComparedTo(std::string_view s, Parts& p) {
  size_t cut = s.size();
  for (const char* m : kComparedMarkers) cut = std::min(cut, s.find(m));
  p.compared_to_before = cut < s.size();
  return s.substr(0, cut);
}

Status ReadTail(std::string_view tail, Parts& p) {
  std::string rest = FoldPhrase(tail);
  if (StripWord(rest, "tro len")) p.or_more = true;
  if (!p.or_more && StripWord(rest, "tro xuong")) p.or_less = true;
  if (!rest.empty()) return Refuse(msg::kExprTail, {{"text", text::Trim(tail)}});
  return Status::Ok();
}

Status ReadSuffix(std::string_view suffix, Parts& p) {
  size_t cut = suffix.size();
  for (const char* m : kTailMarkers) cut = std::min(cut, suffix.find(m));
  p.unit = text::Trim(suffix.substr(0, cut));
  // "%" is a whole unit: what follows it is not part of it.
  if (p.unit.size() > 1 && p.unit[0] == '%') {
    const std::string after = p.unit.substr(1);
    p.unit = "%";
    return ReadTail(after, p);
  }
  if (text::CodePointCount(p.unit) > kMaxUnitChars)
    return Refuse(msg::kExprUnitTooLong, {{"unit", text::TruncateCodePoints(p.unit, kMaxUnitChars)},
                                          {"max", static_cast<int64_t>(kMaxUnitChars)}});
  return ReadTail(suffix.substr(cut), p);
}

Status ReadPrefix(std::string_view prefix, Parts& p) {
  p.prefix = FoldPhrase(prefix);
  StripNoise(p.prefix);
  if (StripWord(p.prefix, "giam")) p.sign = -1;
  if (p.sign == 0 && StripWord(p.prefix, "tang")) p.sign = 1;
  if (p.compared_to_before && p.sign == 0) return Refuse(msg::kExprComparedNeedsChange);
  return Status::Ok();
}

Result<Comparator> SingleComparator(const Parts& p, std::string_view prefix) {
  auto c = ComparatorOfWords(p.prefix);
  if (!c) return Refuse(msg::kExprPrefix, {{"text", text::Trim(prefix)}});
  if (p.or_more || p.or_less) {
    if (!p.prefix.empty() && p.prefix != "tu") return Refuse(msg::kExprTwoComparisons);
    c = p.or_more ? Comparator::kGreaterEq : Comparator::kLessEq;
  }
  // "tăng 5%" alone means at least 5 % more.
  if (p.sign != 0 && p.prefix.empty() && !p.or_more && !p.or_less) c = Comparator::kGreaterEq;
  return p.sign < 0 ? Mirror(*c) : *c;
}

bool IsRangePrefix(std::string_view w) {
  return w.empty() || w == "tu" || w == "trong khoang" || w == "trong khoang tu" ||
         w == "khoang tu";
}

Status CheckConnector(std::string_view middle, const Parts& p) {
  std::string m = text::Trim(middle);
  if (!p.unit.empty() && m.rfind(p.unit, 0) == 0) m = text::Trim(m.substr(p.unit.size()));
  const std::string f = FoldPhrase(m);
  if (f == "-" || f == "–" || f == "—" || f == "~" || f == "den" || f == "toi") return Status::Ok();
  return Refuse(msg::kExprConnector, {{"text", text::Trim(middle)}});
}

Result<TargetExpression> Assemble(const Parts& p, Comparator c, std::vector<double> values) {
  if (p.sign < 0) {
    for (double& v : values) v = -v;
    if (values.size() == 2) std::swap(values[0], values[1]);
  }
  return MakeTargetExpression(c, std::move(values), p.unit, p.sign != 0);
}

Result<TargetExpression> ReadRange(std::string_view s, const std::vector<NumberToken>& nums,
                                   const Parts& p, double low, double high) {
  DH_RETURN_IF_ERROR(CheckConnector(s.substr(nums[0].end, nums[1].begin - nums[0].end), p));
  if (!IsRangePrefix(p.prefix) || p.or_more || p.or_less) return Refuse(msg::kExprRangeAlone);
  if (low > high)
    return Refuse(msg::kExprRangeOrder, {{"low", FormatNumber(low)}, {"high", FormatNumber(high)}});
  return Assemble(p, Comparator::kBetween, {low, high});
}

Status CheckShape(std::string_view whole, std::string_view s,
                  const std::vector<NumberToken>& nums) {
  if (whole.empty()) return RefuseWithExamples(msg::kExprEmpty);
  if (text::CodePointCount(whole) > kMaxChars)
    return RefuseWithExamples(msg::kExprTooLong, {{"max", static_cast<int64_t>(kMaxChars)}});
  if (nums.empty()) return RefuseWithExamples(msg::kExprNoNumber);
  if (nums.size() > 2) return Refuse(msg::kExprTooManyNumbers);
  return Status::Ok();
}

// How `e` reads, in the current language: "Giá trị phải lớn hơn 95 %."
std::string Reading(const TargetExpression& e) {
  auto with = [&](double v) { return e.unit.empty() ? SayNumber(v) : SayNumber(v) + " " + e.unit; };
  if (!e.relative) {
    if (e.comparator == Comparator::kBetween)
      return Say(msg::kReadingRange, {{"low", with(e.values[0])}, {"high", with(e.values[1])}});
    static const MessageText* const kWord[] = {&msg::kWordGreater, &msg::kWordAtLeast,
                                               &msg::kWordLess, &msg::kWordAtMost,
                                               &msg::kWordEqual};
    return Say(msg::kReadingCompare,
               {{"word", kWord[static_cast<int>(e.comparator)]}, {"value", with(e.values[0])}});
  }
  const bool down = e.values[0] < 0 || (e.values.size() == 2 && e.values[1] < 0);
  std::string how;
  if (e.comparator == Comparator::kBetween) {
    how = Say(msg::kChangeFromTo, {{"low", with(std::abs(down ? e.values[1] : e.values[0]))},
                                   {"high", with(std::abs(down ? e.values[0] : e.values[1]))}});
  } else {
    const Comparator c = down ? Mirror(e.comparator) : e.comparator;
    static const MessageText* const kWord[] = {&msg::kChangeMore, &msg::kChangeAtLeast,
                                               &msg::kChangeLess, &msg::kChangeAtMost,
                                               &msg::kChangeExactly};
    how = Say(msg::kChangeBy,
              {{"word", kWord[static_cast<int>(c)]}, {"value", with(std::abs(e.values[0]))}});
  }
  return Say(msg::kReadingChange,
             {{"change", down ? &msg::kDecrease : &msg::kIncrease}, {"how", how}});
}

}  // namespace

std::string_view ComparatorName(Comparator c) {
  static const char* const kNames[] = {">", ">=", "<", "<=", "=", "between"};
  return kNames[static_cast<int>(c)];
}

std::optional<Comparator> ParseComparator(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Comparator::kBetween); ++i)
    if (ComparatorName(static_cast<Comparator>(i)) == name) return static_cast<Comparator>(i);
  return std::nullopt;
}

Result<TargetExpression> ReadTargetExpression(std::string_view raw) {
  if (!text::IsValidUtf8(raw)) return RefuseWithExamples(msg::kExprBadUtf8);
  const std::string normal = text::Trim(text::ToNfc(raw));
  Parts p;
  const std::string s = text::Trim(CutComparedTo(normal, p));
  const std::vector<NumberToken> nums = FindNumbers(s);
  DH_RETURN_IF_ERROR(CheckShape(normal, s, nums));
  std::vector<double> values;
  for (const NumberToken& t : nums) {
    DH_ASSIGN_OR_RETURN(double v, ReadNumber(std::string_view(s).substr(t.begin, t.end - t.begin)));
    values.push_back(v);
  }
  DH_RETURN_IF_ERROR(ReadSuffix(std::string_view(s).substr(nums.back().end), p));
  const std::string_view prefix = std::string_view(s).substr(0, nums[0].begin);
  DH_RETURN_IF_ERROR(ReadPrefix(prefix, p));
  if (values.size() == 2) return ReadRange(s, nums, p, values[0], values[1]);
  DH_ASSIGN_OR_RETURN(const Comparator c, SingleComparator(p, prefix));
  return Assemble(p, c, std::move(values));
}

Result<TargetExpression> MakeTargetExpression(Comparator c, std::vector<double> values,
                                              std::string unit, bool relative) {
  const size_t want = c == Comparator::kBetween ? 2 : 1;
  if (values.size() != want)
    return Status::InvalidInput("values", Say(want == 2 ? msg::kExprTwoValues : msg::kExprOneValue),
                                kCode);
  for (double v : values)
    if (!std::isfinite(v) || std::abs(v) >= kMaxMagnitude)
      return Status::InvalidInput("values", Say(msg::kExprBadValue), kCode);
  if (want == 2 && values[0] > values[1])
    return Status::InvalidInput("values", Say(msg::kExprSmallFirst), kCode);
  if (relative && want == 2 && values[0] < 0 && values[1] > 0)
    return Status::InvalidInput("values", Say(msg::kExprBothWays), kCode);
  if (text::CodePointCount(unit) > kMaxUnitChars)
    return Status::InvalidInput(
        "unit", Say(msg::kUnitTooLong, {{"max", static_cast<int64_t>(kMaxUnitChars)}}), kCode);
  TargetExpression e{c, std::move(values), relative, std::move(unit), ""};
  {
    ScopedLang vi(Lang::kVi);
    e.reading = Reading(e);
  }
  ScopedLang en(Lang::kEn);
  e.reading_en = Reading(e);
  return e;
}

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) return "?";
  const long long cents = std::llround(std::abs(v) * 100);
  std::string whole = std::to_string(cents / 100);
  for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) whole.insert(at, ".");
  std::string out = (v < 0 && cents != 0 ? "-" : "") + whole;
  const int frac = static_cast<int>(cents % 100);
  if (frac != 0) {
    out += "," + std::to_string(frac / 10);
    if (frac % 10 != 0) out += std::to_string(frac % 10);
  }
  return out;
}

std::string SayNumber(double v) {
  std::string s = FormatNumber(v);
  if (CurrentLang() != Lang::kEn) return s;
  for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return s;
}

const std::string& ReadingIn(const TargetExpression& e) {
  return CurrentLang() == Lang::kEn ? e.reading_en : e.reading;
}

std::string FormatWithUnit(double v, std::string_view unit) {
  return unit.empty() ? FormatNumber(v) : FormatNumber(v) + " " + std::string(unit);
}

}  // namespace dh::targets
