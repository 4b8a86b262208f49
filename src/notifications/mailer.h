// E-mail out: a message in Vietnamese as plain text and HTML (UTF-8), composed as
// RFC 5322 / MIME, and sent over SMTP with libcurl. Only mailer.cc sees curl.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace dh::notifications {

struct MailAddress {
  std::string email;
  std::string name;  // display name, any UTF-8
};

struct MailMessage {
  MailAddress to;
  std::string subject;  // UTF-8, one line
  std::string text;     // plain-text body, "\n" line ends
  std::string html;     // HTML body; "" sends plain text only
};

struct SendOutcome {
  enum Kind {
    kSent,
    kRejected,     // this message or address was refused (5xx, bad address): count an attempt
    kUnavailable,  // the server could not be reached or refused for now: try everything later
  } kind = kSent;
  std::string error;
  bool ok() const { return kind == kSent; }
};

// Sends messages. Not thread-safe: the notification job uses one from one thread.
class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual SendOutcome Send(const MailMessage& m) = 0;
};

struct SmtpSettings {
  std::string url;   // smtp://host:port (STARTTLS when offered, required with a password) or
                     // smtps://host:port
  std::string from;  // envelope and From: address
  std::string from_name = "Hệ thống theo dõi điều hành";
  std::string user, password;  // optional AUTH
  long timeout_seconds = 60;
};

// A mailer over SMTP (libcurl); keeps its connection between messages of one pass.
// `clock_seconds` dates the messages (the injectable clock).
std::unique_ptr<Mailer> MakeSmtpMailer(SmtpSettings settings,
                                       std::function<int64_t()> clock_seconds);

// --- Composition, exposed for tests ---

// RFC 2047 "B" encoded-words for a header value: ASCII without specials is left as is;
// otherwise UTF-8 in words of at most 75 characters, never splitting a character,
// joined by folding whitespace ("\r\n ").
std::string EncodeHeaderText(std::string_view utf8);
// "Thu, 15 Jan 2026 09:00:00 +0700": RFC 5322 date, in Vietnam's time.
std::string MailDate(int64_t epoch_seconds);
// True for a plausible single address (local@domain, no spaces, no CR/LF, no <>).
bool IsSendableAddress(std::string_view email);
// The whole message with CRLF line ends: headers (From, To, Subject, Date, Message-ID,
// MIME-Version, Auto-Submitted) and a multipart/alternative body, each part base64.
std::string ComposeMime(const MailMessage& m, const MailAddress& from, int64_t epoch_seconds,
                        const std::string& message_id);
std::string Base64(std::string_view bytes);

}  // namespace dh::notifications
