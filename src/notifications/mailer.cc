#include "notifications/mailer.h"

#include <curl/curl.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>

#include "core/date.h"

namespace dh::notifications {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Header values never carry a line break: it would start a new header.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
  return out;
}

bool NeedsEncoding(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20 || c == '"' || c == '=' || c == '?' || c == '\\') return true;
  return s.size() > 60;
}

// Length of the UTF-8 sequence that starts with `lead`.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

std::string Address(const MailAddress& a) {
  const std::string email = OneLine(a.email);
  if (a.name.empty()) return "<" + email + ">";
  return EncodeHeaderText(OneLine(a.name)) + " <" + email + ">";
}

// Base64 in lines of 76 characters (RFC 2045).
std::string Base64Lines(std::string_view bytes) {
  const std::string b = Base64(bytes);
  std::string out;
  for (size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

// Text bodies travel in canonical form, CRLF line ends (RFC 2046 §4.1.1).
std::string ToCrlf(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 32);
  for (char c : s) {
    if (c == '\n')
      out += "\r\n";
    else if (c != '\r')
      out.push_back(c);
  }
  return out;
}

std::string Part(const char* type, std::string_view body) {
  return std::string("Content-Type: ") + type +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(body);
}

std::string RandomHex(size_t bytes) {
  static std::mutex mu;
  static std::mt19937_64 rng(std::random_device{}());
  std::lock_guard lock(mu);
  std::string out;
  for (size_t i = 0; i < bytes; ++i) {
    const unsigned v = rng() & 0xFF;
    out.push_back("0123456789abcdef"[v >> 4]);
    out.push_back("0123456789abcdef"[v & 0xF]);
  }
  return out;
}

std::string DomainOf(const std::string& email) {
  const auto at = email.rfind('@');
  return at == std::string::npos ? "localhost" : email.substr(at + 1);
}

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, u->data->size() - u->pos);
  std::memcpy(buffer, u->data->data() + u->pos, n);
  u->pos += n;
  return n;
}

SendOutcome::Kind Classify(CURLcode code, long smtp_code) {
  if (smtp_code >= 500) return SendOutcome::kRejected;
  if (smtp_code >= 400)
    return SendOutcome::kUnavailable;  // 4xx: the server asks us to come back later
  switch (code) {
    case CURLE_SEND_ERROR:
    case CURLE_WEIRD_SERVER_REPLY:
      return SendOutcome::kRejected;
    default:
      return SendOutcome::kUnavailable;
  }
}

class SmtpMailer final : public Mailer {
 public:
  SmtpMailer(SmtpSettings s, std::function<int64_t()> clock)
      : settings_(std::move(s)),
        clock_(std::move(clock)),
        curl_(curl_easy_init(), &curl_easy_cleanup) {}

  SendOutcome Send(const MailMessage& m) override {
    if (!IsSendableAddress(m.to.email))
      return {SendOutcome::kRejected, "địa chỉ không hợp lệ: " + m.to.email};
    if (!curl_) return {SendOutcome::kUnavailable, "libcurl không khởi tạo được"};
    const MailAddress from{settings_.from, settings_.from_name};
    const std::string id =
        "<" + RandomHex(12) + "." + std::to_string(clock_()) + "@" + DomainOf(settings_.from) + ">";
    const std::string payload = ComposeMime(m, from, clock_(), id);
    Upload upload{&payload};
    CURL* c = curl_.get();
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to.email + ">").c_str());
    std::array<char, CURL_ERROR_SIZE> error{};
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + settings_.from + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
    // A password never crosses the network in clear: with one, STARTTLS is required.
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     settings_.password.empty() ? CURLUSESSL_TRY : CURLUSESSL_ALL);
    if (!settings_.user.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    const CURLcode code = curl_easy_perform(c);
    long smtp_code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtp_code);
    curl_slist_free_all(rcpt);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    if (code == CURLE_OK) return {};
    std::string why = error[0] ? error.data() : curl_easy_strerror(code);
    if (smtp_code) why += " (SMTP " + std::to_string(smtp_code) + ")";
    return {Classify(code, smtp_code), why};
  }

 private:
  SmtpSettings settings_;
  std::function<int64_t()> clock_;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
};

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v =
        (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(v >> shift) & 63]);
  }
  if (i + 1 == bytes.size()) {
    const uint32_t v = uint8_t(bytes[i]) << 16;
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

std::string EncodeHeaderText(std::string_view utf8) {
  if (!NeedsEncoding(utf8)) return std::string(utf8);
  // "=?UTF-8?B?" + base64 of at most 45 bytes (60 characters) + "?=" stays within 75.
  constexpr size_t kChunk = 45;
  std::string out;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t end = pos;
    while (end < utf8.size()) {
      const size_t len =
          std::min(SequenceLength(static_cast<unsigned char>(utf8[end])), utf8.size() - end);
      if (end + len - pos > kChunk) break;
      end += len;
    }
    if (end == pos) end = pos + 1;  // never loop on a broken sequence
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(utf8.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string MailDate(int64_t epoch_seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const Date d = VietnamDateOf(epoch_seconds);
  const int secs = VietnamSecondOfDay(epoch_seconds);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0700", kDays[d.weekday()],
                d.day(), kMonths[d.month() - 1], d.year(), secs / 3600, secs / 60 % 60, secs % 60);
  return buf;
}

bool IsSendableAddress(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() || email.size() > 254)
    return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : email)
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == ',' || c == 0x7F) return false;
  return true;
}

std::string ComposeMime(const MailMessage& m, const MailAddress& from, int64_t epoch_seconds,
                        const std::string& message_id) {
  std::string h;
  h += "From: " + Address(from) + "\r\n";
  h += "To: " + Address(m.to) + "\r\n";
  h += "Subject: " + EncodeHeaderText(OneLine(m.subject)) + "\r\n";
  h += "Date: " + MailDate(epoch_seconds) + "\r\n";
  h += "Message-ID: " + OneLine(message_id) + "\r\n";
  h += "MIME-Version: 1.0\r\n";
  // RFC 3834: no auto-replies (out of office) to a machine's mail.
  h += "Auto-Submitted: auto-generated\r\n";
  const std::string text = ToCrlf(m.text);
  if (m.html.empty()) return h + Part("text/plain", text);
  const std::string boundary = "=_dh_" + Base64(message_id).substr(0, 24);
  h += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  h += "--" + boundary + "\r\n" + Part("text/plain", text);
  h += "--" + boundary + "\r\n" + Part("text/html", ToCrlf(m.html));
  h += "--" + boundary + "--\r\n";
  return h;
}

std::unique_ptr<Mailer> MakeSmtpMailer(SmtpSettings settings,
                                       std::function<int64_t()> clock_seconds) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::make_unique<SmtpMailer>(std::move(settings), std::move(clock_seconds));
}

}  // namespace dh::notifications
