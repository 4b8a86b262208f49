// Composing e-mail: RFC 2047 subjects that never split a Vietnamese character, RFC 5322
// dates in Vietnam's time, MIME parts that decode back to the text, no header injection.
#include "notifications/mailer.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace dh::notifications {
namespace {

std::string Unbase64(std::string_view in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buf = 0;
  int bits = 0;
  for (char c : in) {
    const auto p = kAlphabet.find(c);
    if (p == std::string::npos) continue;  // '=', line breaks
    buf = (buf << 6) | static_cast<uint32_t>(p);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buf >> bits) & 0xFF));
    }
  }
  return out;
}

// Decodes a header value made of encoded-words (and plain text).
std::string DecodeHeader(const std::string& v) {
  std::string out;
  size_t pos = 0;
  while (pos < v.size()) {
    const size_t start = v.find("=?UTF-8?B?", pos);
    if (start == std::string::npos) {
      out += v.substr(pos);
      break;
    }
    const size_t end = v.find("?=", start + 10);
    out += Unbase64(v.substr(start + 10, end - start - 10));
    pos = end + 2;
    // Whitespace between two encoded-words is not part of the text (RFC 2047 §6.2).
    size_t next = pos;
    while (next < v.size() && (v[next] == '\r' || v[next] == '\n' || v[next] == ' ')) ++next;
    if (v.compare(next, 10, "=?UTF-8?B?") == 0) pos = next;
  }
  return out;
}

// The value of a header, folded lines kept with their CRLF.
std::string HeaderOf(const std::string& mime, const std::string& name) {
  size_t p = 0;
  if (mime.rfind(name + ": ", 0) != 0) {
    p = mime.find("\r\n" + name + ": ");
    if (p == std::string::npos) return "";
    p += 2;
  }
  p += name.size() + 2;
  std::string value;
  for (;;) {
    const size_t eol = mime.find("\r\n", p);
    value += mime.substr(p, eol - p);
    if (eol + 2 >= mime.size() || (mime[eol + 2] != ' ' && mime[eol + 2] != '\t')) break;
    value += "\r\n";
    p = eol + 2;
  }
  return value;
}

TEST(Mailer, Base64MatchesRfc4648) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Unbase64(Base64("Nhiệm vụ quá hạn")), "Nhiệm vụ quá hạn");
}

TEST(Mailer, PlainAsciiSubjectsStayReadable) {
  EXPECT_EQ(EncodeHeaderText("Daily report"), "Daily report");
  EXPECT_NE(EncodeHeaderText("a=?b"), "a=?b") << "what looks like an encoded-word is encoded";
}

TEST(Mailer, VietnameseSubjectsAreEncodedWordsThatNeverSplitACharacter) {
  const std::vector<std::string> subjects = {
      "Quá hạn: Rà soát, điều chuyển vốn các dự án chậm giải ngân sang dự án có khả năng giải ngân "
      "tốt",
      "Đ", "ệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệ",
      "[Điều hành] Bản tin ngày 15/01/2026: 1 quá hạn", "Emoji 📅 hạn chót"};
  for (const auto& s : subjects) {
    const std::string enc = EncodeHeaderText(s);
    EXPECT_EQ(DecodeHeader(enc), s);
    size_t start = 0;
    while (start < enc.size()) {
      size_t end = enc.find("\r\n ", start);
      if (end == std::string::npos) end = enc.size();
      const std::string word = enc.substr(start, end - start);
      EXPECT_LE(word.size(), 75u) << word;
      EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
      EXPECT_TRUE(text::IsValidUtf8(Unbase64(word.substr(10, word.size() - 12))))
          << "split inside a character: " << word;
      start = end + 3;
    }
  }
}

TEST(Mailer, DatesAreRfc5322InVietnamsTime) {
  EXPECT_EQ(MailDate(1768442400), "Thu, 15 Jan 2026 09:00:00 +0700");  // 02:00 UTC
  EXPECT_EQ(MailDate(1768410000), "Thu, 15 Jan 2026 00:00:00 +0700");
  EXPECT_EQ(MailDate(1768409999), "Wed, 14 Jan 2026 23:59:59 +0700");
  EXPECT_EQ(MailDate(0), "Thu, 01 Jan 1970 07:00:00 +0700");
}

TEST(Mailer, OnlyPlausibleSingleAddressesAreSendable) {
  EXPECT_TRUE(IsSendableAddress("canbo.stc@minhan.example"));
  for (const char* bad : {"", "canbo", "@minhan.example", "canbo@", "a@b@c", "a b@c.d",
                          "a@c.d\r\nBcc: x@y.z", "<a@b.c>", "a@b.c,d@e.f"})
    EXPECT_FALSE(IsSendableAddress(bad)) << bad;
}

TEST(Mailer, ComposesMultipartAlternativeInUtf8) {
  MailMessage m{{"canbo.stc@minhan.example", "Lê Thị Hồng"},
                "Sắp đến hạn: Báo cáo giải ngân",
                "Kính gửi đồng chí Lê Thị Hồng,\n\nNhiệm vụ đến hạn ngày 20/01/2026.\n",
                "<p>Nhiệm vụ đến hạn ngày <b>20/01/2026</b>.</p>"};
  const std::string mime = ComposeMime(m, {"dieuhanh@minhan.example", "Hệ thống điều hành"},
                                       1768442400, "<abc.1@minhan.example>");
  EXPECT_EQ(DecodeHeader(HeaderOf(mime, "Subject")), m.subject);
  EXPECT_EQ(DecodeHeader(HeaderOf(mime, "To")), "Lê Thị Hồng <canbo.stc@minhan.example>");
  EXPECT_EQ(DecodeHeader(HeaderOf(mime, "From")), "Hệ thống điều hành <dieuhanh@minhan.example>");
  EXPECT_EQ(HeaderOf(mime, "Date"), "Thu, 15 Jan 2026 09:00:00 +0700");
  EXPECT_EQ(HeaderOf(mime, "Message-ID"), "<abc.1@minhan.example>");
  EXPECT_EQ(HeaderOf(mime, "MIME-Version"), "1.0");
  EXPECT_EQ(HeaderOf(mime, "Auto-Submitted"), "auto-generated");
  EXPECT_NE(HeaderOf(mime, "Content-Type").find("multipart/alternative; boundary="),
            std::string::npos);
  // Every line ends in CRLF; no bare LF, no line over 998 characters.
  for (size_t i = 0; i < mime.size(); ++i) {
    if (mime[i] == '\n') {
      ASSERT_TRUE(i > 0 && mime[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  size_t line = 0;
  for (char c : mime) {
    line = c == '\n' ? 0 : line + 1;
    ASSERT_LE(line, 998u);
  }
  for (char c : mime) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << "7-bit on the wire";
  // Both parts decode back to the text (with CRLF line ends).
  const auto plain = mime.find(
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  const auto html = mime.find(
      "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  ASSERT_NE(plain, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  const auto body = [&](size_t at) {
    const size_t from = mime.find("\r\n\r\n", at) + 4;
    return Unbase64(mime.substr(from, mime.find("--", from) - from));
  };
  EXPECT_EQ(body(plain),
            "Kính gửi đồng chí Lê Thị Hồng,\r\n\r\nNhiệm vụ đến hạn ngày 20/01/2026.\r\n");
  EXPECT_EQ(body(html), m.html);
}

TEST(Mailer, HeadersCannotBeInjected) {
  MailMessage m{
      {"a@b.c", "X\r\nBcc: victim@example.com"}, "Hi\r\nBcc: victim@example.com", "body", ""};
  const std::string mime = ComposeMime(m, {"d@e.f", ""}, 0, "<1@e.f>");
  EXPECT_EQ(mime.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(mime.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos)
      << "plain text only without HTML";
}

TEST(Mailer, AnUnreachableServerIsUnavailableNotRejected) {
  // Port 9 on loopback (discard) is closed on test machines: the connection is refused.
  auto mailer =
      MakeSmtpMailer({"smtp://127.0.0.1:9", "dieuhanh@minhan.example"}, [] { return int64_t{0}; });
  const SendOutcome out = mailer->Send({{"a@b.c", ""}, "x", "y", ""});
  EXPECT_EQ(out.kind, SendOutcome::kUnavailable) << out.error;
  EXPECT_FALSE(out.error.empty());
  const SendOutcome bad = mailer->Send({{"not an address", ""}, "x", "y", ""});
  EXPECT_EQ(bad.kind, SendOutcome::kRejected);
}

}  // namespace
}  // namespace dh::notifications
