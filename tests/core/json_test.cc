#include "core/json.h"

#include <gtest/gtest.h>

#include <string>

namespace dh::json {
namespace {

bj::object Obj(std::string_view body) {
  auto o = ParseObject(body);
  EXPECT_TRUE(o.ok()) << body << ": " << o.status().ToString();
  return o.ok() ? *o : bj::object{};
}

// The reader's failure: field and error code, so each case states both.
void ExpectError(const Status& s, const std::string& field, const std::string& code) {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.field(), field);
  EXPECT_EQ(s.error_code(), code);
  EXPECT_FALSE(s.message().empty());
}

TEST(JsonTest, ParseObjectAcceptsAnObject) {
  auto o = ParseObject(R"({"name": "Sở Tài chính", "n": 1})");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->size(), 2u);
  EXPECT_TRUE(ParseObject("{}").ok());
  EXPECT_TRUE(ParseObject(" \n{ } \n").ok());
}

TEST(JsonTest, ParseObjectRejectsWhatIsNotAnObject) {
  struct Case {
    const char* what;
    std::string body;
  } cases[] = {
      {"empty body", ""},
      {"white space", "   "},
      {"array", "[1,2]"},
      {"string", "\"x\""},
      {"number", "42"},
      {"null", "null"},
      {"unterminated", "{\"a\": 1"},
      {"trailing garbage", "{} x"},
      {"two objects", "{}{}"},
      {"single quotes", "{'a': 1}"},
      {"trailing comma", "{\"a\": 1,}"},
      {"comment", "{\"a\": 1 /* c */}"},
      {"bad escape", R"({"a": "\q"})"},
      {"invalid UTF-8 in a string", "{\"name\": \"Vi\xEAt\"}"},
      {"invalid UTF-8 lone continuation", "{\"name\": \"\x80\"}"},
      {"surrogate encoded in UTF-8", "{\"name\": \"\xED\xA0\x80\"}"},
      {"overlong encoding", "{\"name\": \"\xC0\xAF\"}"},
  };
  for (const auto& c : cases) {
    auto o = ParseObject(c.body);
    ASSERT_FALSE(o.ok()) << c.what;
    ExpectError(o.status(), "", "invalid_json");
  }
}

std::string Nested(int depth) {
  std::string s = "{\"a\":";
  for (int i = 1; i < depth; ++i) s += "[";
  s += "1";
  for (int i = 1; i < depth; ++i) s += "]";
  return s + "}";
}

TEST(JsonTest, ParseObjectRefusesDeepNesting) {
  EXPECT_TRUE(ParseObject(Nested(5)).ok());
  EXPECT_TRUE(ParseObject(Nested(20)).ok());
  EXPECT_FALSE(ParseObject(Nested(21)).ok());
  auto deep = ParseObject(Nested(100000));
  ASSERT_FALSE(deep.ok());
  ExpectError(deep.status(), "", "invalid_json");
}

TEST(JsonTest, RequiredStringTrimsAndComposes) {
  auto o = Obj("{\"name\": \"  Vie\\u0323\\u0302t  \"}");
  auto s = RequiredString(o, "name");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "Việt");
}

TEST(JsonTest, RequiredStringErrors) {
  struct Case {
    const char* body;
    const char* code;
  } cases[] = {
      {R"({})", "required"},
      {R"({"name": null})", "required"},
      {R"({"name": ""})", "required"},
      {R"({"name": "   "})", "required"},
      {R"({"name": 5})", "wrong_type"},
      {R"({"name": true})", "wrong_type"},
      {R"({"name": ["a"]})", "wrong_type"},
      {R"({"name": {"vi": "a"}})", "wrong_type"},
      {R"({"Name": "a"})", "required"},  // keys are case-sensitive
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    auto s = RequiredString(Obj(c.body), "name");
    ASSERT_FALSE(s.ok());
    ExpectError(s.status(), "name", c.code);
  }
}

TEST(JsonTest, StringLengthCountsLettersNotBytes) {
  std::string at_limit, over;
  for (int i = 0; i < 10; ++i) at_limit += "ệ";  // 3 bytes each
  over = at_limit + "a";
  bj::object o{{"a", at_limit}, {"b", over}};
  auto a = RequiredString(o, "a", 10);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(*a, at_limit);
  auto b = RequiredString(o, "b", 10);
  ASSERT_FALSE(b.ok());
  ExpectError(b.status(), "b", "too_long");
  // Default limit: 500 letters.
  bj::object big{{"s", std::string(500, 'x')}, {"t", std::string(501, 'x')}};
  EXPECT_TRUE(RequiredString(big, "s").ok());
  ExpectError(RequiredString(big, "t").status(), "t", "too_long");
  // Surrounding white space does not count.
  bj::object padded{{"s", "   " + std::string(500, 'x') + "   "}};
  EXPECT_TRUE(RequiredString(padded, "s").ok());
}

TEST(JsonTest, OptionalStringTreatsNullAsAbsent) {
  auto absent = OptionalString(Obj("{}"), "note");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
  auto null = OptionalString(Obj(R"({"note": null})"), "note");
  ASSERT_TRUE(null.ok());
  EXPECT_FALSE(null->has_value());
  auto empty = OptionalString(Obj(R"({"note": " "})"), "note");
  ASSERT_TRUE(empty.ok());
  ASSERT_TRUE(empty->has_value());
  EXPECT_EQ(**empty, "");
  ExpectError(OptionalString(Obj(R"({"note": 1})"), "note").status(), "note", "wrong_type");
}

TEST(JsonTest, IntegerReaders) {
  auto o = Obj(R"({"a": 42, "neg": -7, "max": 9223372036854775807,
                   "min": -9223372036854775808, "zero": 0})");
  EXPECT_EQ(*RequiredInt(o, "a", INT64_MIN, INT64_MAX), 42);
  EXPECT_EQ(*RequiredInt(o, "neg", INT64_MIN, INT64_MAX), -7);
  EXPECT_EQ(*RequiredInt(o, "max", INT64_MIN, INT64_MAX), INT64_MAX);
  EXPECT_EQ(*RequiredInt(o, "min", INT64_MIN, INT64_MAX), INT64_MIN);
  EXPECT_EQ(*RequiredInt(o, "zero", INT64_MIN, INT64_MAX), 0);
  EXPECT_EQ(*RequiredId(o, "a"), 42);
  auto absent = OptionalInt(o, "none", 0, 10);
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
  auto null = OptionalInt(Obj(R"({"n": null})"), "n", 0, 10);
  ASSERT_TRUE(null.ok());
  EXPECT_FALSE(null->has_value());
  EXPECT_FALSE(OptionalId(Obj(R"({"n": null})"), "n")->has_value());
}

TEST(JsonTest, IntegerReaderErrors) {
  struct Case {
    const char* body;
    const char* code;
  } cases[] = {
      {R"({})", "required"},
      {R"({"n": null})", "required"},
      {R"({"n": "12"})", "wrong_type"},
      {R"({"n": 1.5})", "wrong_type"},
      {R"({"n": 1e3})", "wrong_type"},
      {R"({"n": 1.0})", "wrong_type"},
      {R"({"n": true})", "wrong_type"},
      {R"({"n": [1]})", "wrong_type"},
      {R"({"n": {"v": 1}})", "wrong_type"},
      {R"({"n": 9223372036854775808})", "out_of_range"},  // one above INT64_MAX
      {R"({"n": 18446744073709551615})", "out_of_range"},
      {R"({"n": 100000000000000000000000})", "out_of_range"},  // past uint64: a double
      {R"({"n": -100000000000000000000000})", "out_of_range"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    auto n = RequiredInt(Obj(c.body), "n", INT64_MIN, INT64_MAX);
    ASSERT_FALSE(n.ok());
    ExpectError(n.status(), "n", c.code);
  }
}

// Each width a destination may have: the bounds pass, one past each bound is refused,
// never wrapped (4294967386 was once a 90-day token, 2^40 a position of 0).
TEST(JsonTest, IntegerRangeOfEachDestination) {
  struct Case {
    const char* what;
    int64_t min, max;
    const char* value;
    bool ok;
  } cases[] = {
      {"int8 max", INT8_MIN, INT8_MAX, "127", true},
      {"int8 max + 1", INT8_MIN, INT8_MAX, "128", false},
      {"int8 min", INT8_MIN, INT8_MAX, "-128", true},
      {"int8 min - 1", INT8_MIN, INT8_MAX, "-129", false},
      {"uint16 max", 0, UINT16_MAX, "65535", true},
      {"uint16 max + 1", 0, UINT16_MAX, "65536", false},
      {"uint16 below 0", 0, UINT16_MAX, "-1", false},
      {"int32 max", INT32_MIN, INT32_MAX, "2147483647", true},
      {"int32 max + 1", INT32_MIN, INT32_MAX, "2147483648", false},
      {"int32 min", INT32_MIN, INT32_MAX, "-2147483648", true},
      {"int32 min - 1", INT32_MIN, INT32_MAX, "-2147483649", false},
      {"int32: 2^40 (a position)", INT32_MIN, INT32_MAX, "1099511627776", false},
      {"uint32 max", 0, UINT32_MAX, "4294967295", true},
      {"uint32 max + 1", 0, UINT32_MAX, "4294967296", false},
      {"days 1..366: 4294967386 (wraps to 90 as an int)", 1, 366, "4294967386", false},
      {"days 1..366: 366", 1, 366, "366", true},
      {"days 1..366: 367", 1, 366, "367", false},
      {"days 1..366: 0", 1, 366, "0", false},
      {"percent 0..100: -1", 0, 100, "-1", false},
      {"percent 0..100: 101", 0, 100, "101", false},
      {"int64 max", INT64_MIN, INT64_MAX, "9223372036854775807", true},
      {"int64 max + 1", INT64_MIN, INT64_MAX, "9223372036854775808", false},
      {"id: 0", 1, kMaxId, "0", false},
      {"id: -5", 1, kMaxId, "-5", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const bj::object o = Obj(std::string(R"({"n": )") + c.value + "}");
    auto n = OptionalInt(o, "n", c.min, c.max);
    EXPECT_EQ(n.ok(), c.ok);
    if (c.ok) {
      ASSERT_TRUE(n->has_value());
      EXPECT_EQ(std::to_string(**n), c.value);
    } else {
      ExpectError(n.status(), "n", "out_of_range");
    }
  }
  // The message gives the range as a person reads numbers.
  auto far = OptionalInt(Obj(R"({"n": 5000})"), {"n", "Thứ tự"}, 0, 1000);
  EXPECT_EQ(far.status().message(), "Thứ tự phải là số nguyên từ 0 đến 1.000.");
}

TEST(JsonTest, DateReaders) {
  auto o = Obj(R"({"d": "2025-07-01", "leap": "2024-02-29"})");
  EXPECT_EQ(RequiredDate(o, "d")->ToString(), "2025-07-01");
  EXPECT_EQ(RequiredDate(o, "leap")->ToString(), "2024-02-29");
  auto absent = OptionalDate(Obj(R"({"d": null})"), "d");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
}

TEST(JsonTest, DateReaderErrors) {
  struct Case {
    const char* body;
    const char* code;
  } cases[] = {
      {R"({})", "required"},
      {R"({"d": null})", "required"},
      {R"({"d": "2025-02-29"})", "invalid_date"},
      {R"({"d": "2025-13-01"})", "invalid_date"},
      {R"({"d": "01/07/2025"})", "invalid_date"},  // the API takes ISO dates only
      {R"({"d": "2025-7-1"})", "invalid_date"},
      {R"({"d": "2025-07-01T00:00:00Z"})", "invalid_date"},
      {R"({"d": ""})", "invalid_date"},
      {R"({"d": 20250701})", "invalid_date"},
      {R"({"d": true})", "invalid_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    auto d = RequiredDate(Obj(c.body), "d");
    ASSERT_FALSE(d.ok());
    ExpectError(d.status(), "d", c.code);
  }
}

TEST(JsonTest, BoolReader) {
  EXPECT_EQ(**OptionalBool(Obj(R"({"b": true})"), "b"), true);
  EXPECT_EQ(**OptionalBool(Obj(R"({"b": false})"), "b"), false);
  EXPECT_FALSE(OptionalBool(Obj(R"({"b": null})"), "b")->has_value());
  EXPECT_FALSE(OptionalBool(Obj(R"({})"), "b")->has_value());
  for (const char* bad : {R"({"b": "true"})", R"({"b": 1})", R"({"b": 0})"})
    ExpectError(OptionalBool(Obj(bad), "b").status(), "b", "wrong_type");
}

TEST(JsonTest, IdArrayReader) {
  auto ids = IdArray(Obj(R"({"ids": [3, 1, 2]})"), "ids");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<int64_t>{3, 1, 2}));
  EXPECT_TRUE(IdArray(Obj(R"({})"), "ids")->empty());
  EXPECT_TRUE(IdArray(Obj(R"({"ids": null})"), "ids")->empty());
  EXPECT_TRUE(IdArray(Obj(R"({"ids": []})"), "ids")->empty());
  for (const char* bad :
       {R"({"ids": 1})", R"({"ids": "1,2"})", R"({"ids": [1, "2"]})", R"({"ids": [1.5]})",
        R"({"ids": [null]})", R"({"ids": [[1]]})", R"({"ids": [18446744073709551615]})"})
    ExpectError(IdArray(Obj(bad), "ids").status(), "ids", "wrong_type");
  for (const char* bad : {R"({"ids": [0]})", R"({"ids": [1, -3]})"})
    ExpectError(IdArray(Obj(bad), "ids").status(), "ids", "out_of_range");
  ExpectError(IdArray(Obj(R"({"ids": [1, 2, 3]})"), "ids", 2).status(), "ids", "too_many");
}

// A present field of the wrong type, over its length or out of range is an error; none
// is dropped. The message names the field by its form label; `field` keeps the key.
TEST(JsonTest, EveryReaderRefusesWhatItCannotTake) {
  const std::string mb(1 << 20, 'a');
  const bj::object o{{"note_mb", mb},          {"note_num", 5},       {"note_obj", bj::object{}},
                     {"flag_str", "x"},        {"day_num", 20250701}, {"day_far", "9999-01-01"},
                     {"day_old", "1899-12-31"}};
  struct Case {
    const char* what;
    Status status;
    const char* field;
    const char* code;
  } cases[] = {
      {"1 MB note", OptionalString(o, {"note_mb", "Ghi chú"}, 20000).status(), "note_mb",
       "too_long"},
      {"number for a note", OptionalString(o, {"note_num", "Ghi chú"}).status(), "note_num",
       "wrong_type"},
      {"object for a note", OptionalString(o, "note_obj").status(), "note_obj", "wrong_type"},
      {"string for a bool", OptionalBool(o, "flag_str").status(), "flag_str", "wrong_type"},
      {"number for a date", OptionalDate(o, "day_num").status(), "day_num", "invalid_date"},
      {"year 9999", OptionalDate(o, "day_far").status(), "day_far", "invalid_date"},
      {"year 1899", OptionalDate(o, "day_old").status(), "day_old", "invalid_date"},
      {"item path", OptionalString(o, {"note_num", "Tên", "parts[2].title"}).status(),
       "parts[2].title", "wrong_type"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    ExpectError(c.status, c.field, c.code);
  }
  EXPECT_EQ(OptionalString(o, {"note_num", "Ghi chú"}).status().message(),
            "Ghi chú phải là một chuỗi ký tự.");
  EXPECT_EQ(OptionalString(o, {"note_mb", "Ghi chú"}, 20000).status().message(),
            "Ghi chú dài quá 20.000 ký tự; hãy rút gọn.");
  EXPECT_EQ(RequiredString(bj::object{}, {"note", "Ghi chú"}).status().message(), "Thiếu Ghi chú.");
  // A count's bounds carry thousands dots; a year's do not.
  const bj::object n{{"n", 1999}};
  EXPECT_EQ(RequiredInt(n, {"n", "Số người"}, 1, 1000).status().message(),
            "Số người phải là số nguyên từ 1 đến 1.000.");
  EXPECT_EQ(RequiredInt(n, {"n", "Năm"}, 2000, 2100).status().message(),
            "Năm phải là số nguyên từ 2000 đến 2100.");
}

TEST(JsonTest, OnlyFieldsRefusesUnknownKeys) {
  const bj::object o{{"title", "a"}, {"note", "b"}};
  EXPECT_TRUE(OnlyFields(o, {"title", "note", "extra"}).ok());
  EXPECT_TRUE(OnlyFields(bj::object{}, {"title"}).ok());
  const Status s = OnlyFields(o, {"title"});
  ExpectError(s, "note", "unknown_field");
  EXPECT_NE(s.message().find("“note”"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("title"), std::string::npos) << s.message();
  // An item of a list is named by its path.
  ExpectError(OnlyFields(o, {"title"}, "parts[2]."), "parts[2].note", "unknown_field");
  // A long key is not echoed back into `field`.
  const bj::object long_key{{std::string(300, 'k'), 1}};
  ExpectError(OnlyFields(long_key, {"title"}), "", "unknown_field");
}

TEST(JsonTest, OrNullHelpers) {
  EXPECT_TRUE(OrNull(std::optional<int64_t>()).is_null());
  EXPECT_EQ(OrNull(std::optional<int64_t>(5)).as_int64(), 5);
  EXPECT_TRUE(DateOrNull(std::nullopt).is_null());
  EXPECT_EQ(DateOrNull(Date::Parse("2025-07-01")).as_string(), "2025-07-01");
}

}  // namespace
}  // namespace dh::json
