#include "audit/audit_service.h"

#include <algorithm>
#include <charconv>

#include "core/message.h"
#include "db/read_value.h"

namespace dh::audit {
namespace {

inline constexpr MessageText kMayNotRead{
    "audit.may_not_read",
    "Vai trò của bạn không được xem nhật ký.",
    "Your role may not read the audit log.",
};
inline constexpr MessageText kMayNotVerify{
    "audit.may_not_verify",
    "Chỉ quản trị hệ thống được kiểm tra chuỗi nhật ký.",
    "Only a system administrator may verify the audit chain.",
};

}  // namespace

Result<std::vector<AuditEntry>> AuditService::List(const auth::Principal& who, AuditFilter f,
                                                   int64_t* total) const {
  if (!who.Can(auth::Permission::kAuditRead)) return Status::Forbidden(Say(kMayNotRead));
  f.units = read_scope_(who);
  return db::ReadValue(db_, [&](db::Connection& c) { return audit::List(c, f, total); });
}

std::optional<Anchor> Anchor::Parse(std::string_view s) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  Anchor a;
  const std::string_view seq = s.substr(0, colon);
  const auto [end, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), a.seq);
  if (ec != std::errc() || end != seq.data() + seq.size() || a.seq < 1) return std::nullopt;
  a.hash = std::string(s.substr(colon + 1));
  const bool hex = std::all_of(a.hash.begin(), a.hash.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
  });
  if (a.hash.size() != 64 || !hex) return std::nullopt;
  return a;
}

Result<VerifyReport> AuditService::Verify(const auth::Principal* who,
                                          const std::optional<Anchor>& anchor) const {
  if (who && !who->Can(auth::Permission::kAuditVerify))
    return Status::Forbidden(Say(kMayNotVerify));
  VerifyReport report;
  ChainVerifier verifier;
  if (anchor) verifier.ExpectAnchor(anchor->seq, anchor->hash);
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    bool intact = true;
    DH_RETURN_IF_ERROR(ForEach(c, [&](const AuditEntry& e) { return intact = verifier.Feed(e); }));
    if (intact) {
      int64_t seq = 0;
      std::string hash;
      DH_RETURN_IF_ERROR(Head(c, &seq, &hash));
      intact = verifier.Finish(seq, hash);
    }
    report.ok = intact;
    return Status::Ok();
  }));
  report.checked = verifier.checked();
  report.head_seq = verifier.last_seq();
  report.head_hash = verifier.last_hash();
  if (!report.ok) {
    report.first_bad_seq = verifier.bad_seq();
    report.reason = verifier.reason();
  }
  return report;
}

}  // namespace dh::audit
