#include "core/message.h"

#include <gtest/gtest.h>

#include "core/json.h"

namespace dh {
namespace {

constexpr MessageText kTooLong{"test.too_long", "{name} dài quá {max} ký tự.",
                               "{name} is longer than {max} characters."};

TEST(Message, RendersEachLanguageWithItsNumbers) {
  RegisterLabels({{"Tên nhiệm vụ (thử)", "Task name (test)"}});
  const MessageArgs args{{"name", Label{"Tên nhiệm vụ (thử)", ""}}, {"max", int64_t{1234567}}};
  EXPECT_EQ(Render(kTooLong, args, Lang::kVi), "Tên nhiệm vụ (thử) dài quá 1.234.567 ký tự.");
  EXPECT_EQ(Render(kTooLong, args, Lang::kEn),
            "Task name (test) is longer than 1,234,567 characters.");
  // A label with no English registered reads in Vietnamese; a {name} with no argument stays.
  EXPECT_EQ(Render(kTooLong, {{"name", Label{"Ghi chú lạ", ""}}}, Lang::kEn),
            "Ghi chú lạ is longer than {max} characters.");
}

TEST(Message, FormatsIntegers) {
  struct Case {
    int64_t n;
    const char* vi;
    const char* en;
  };
  for (const Case& c : {Case{0, "0", "0"}, Case{999, "999", "999"}, Case{1000, "1.000", "1,000"},
                        Case{-1234567, "-1.234.567", "-1,234,567"}}) {
    EXPECT_EQ(FormatInt(c.n, Lang::kVi), c.vi);
    EXPECT_EQ(FormatInt(c.n, Lang::kEn), c.en);
  }
}

TEST(Message, ChoosesTheLanguageOfAcceptLanguage) {
  struct Case {
    const char* header;
    Lang want;
  };
  for (const Case& c :
       {Case{"", Lang::kVi}, Case{"en", Lang::kEn}, Case{"en-US,en;q=0.9", Lang::kEn},
        Case{"vi-VN,vi;q=0.9,en;q=0.8", Lang::kVi}, Case{"fr-FR,en;q=0.5,vi;q=0.7", Lang::kVi},
        Case{"fr-FR,en;q=0.8,vi;q=0.7", Lang::kEn}, Case{"de, fr", Lang::kVi},
        Case{"english", Lang::kVi}, Case{"en;q=abc", Lang::kVi}}) {
    EXPECT_EQ(LangFromAcceptLanguage(c.header), c.want) << c.header;
  }
}

TEST(Message, SaysInTheThreadsLanguageAndRestoresIt) {
  EXPECT_EQ(CurrentLang(), Lang::kVi);
  {
    ScopedLang en(Lang::kEn);
    EXPECT_EQ(Say(kTooLong, {{"name", "X"}, {"max", int64_t{1000}}}),
              "X is longer than 1,000 characters.");
  }
  EXPECT_EQ(Say(kTooLong, {{"name", "X"}, {"max", int64_t{1000}}}), "X dài quá 1.000 ký tự.");
}

TEST(Message, JsonReadersSpeakTheReadersLanguage) {
  const auto o = json::ParseObject(R"({"note": "abcdef", "n": "x"})");
  ASSERT_TRUE(o.ok());
  {
    ScopedLang en(Lang::kEn);
    EXPECT_EQ(json::OptionalString(*o, {"note", "Ghi chú riêng (thử)"}, 3).status().message(),
              "Ghi chú riêng (thử) is longer than 3 characters; please shorten it.");
    EXPECT_EQ(json::OptionalInt(*o, "n", 1, 5).status().message(),
              "Field n must be a whole number.");
  }
  EXPECT_EQ(json::OptionalInt(*o, "n", 1, 5).status().message(), "Trường n phải là một số nguyên.");
}

}  // namespace
}  // namespace dh
