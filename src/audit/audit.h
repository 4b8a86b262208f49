// Audit entries (Nhật ký): who changed what, when, before and after. Append-only and
// hash-chained: each entry's hash covers its fields and the previous entry's hash, so an
// entry altered, removed or reordered in the database breaks the chain from there on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dh::audit {

struct AuditEntry {
  int64_t seq = 0;                 // 1, 2, 3, … with no gaps
  int64_t at = 0;                  // epoch seconds
  std::optional<int64_t> user_id;  // none: the system (migrations, demo loader)
  std::string username;
  std::string action;  // "unit.create", "user.update", …
  std::string entity;  // "unit", "user", …
  std::optional<int64_t> entity_id;
  std::optional<int64_t> unit_id;  // the unit that owns the entity, for scoped reading
  std::string before_json;         // "null" when created
  std::string after_json;          // "null" when deleted
  std::string prev_hash;           // "" for the first entry
  std::string hash;                // hex SHA-256
};

// The hash an entry must carry, from its fields and prev_hash.
std::string ComputeHash(const AuditEntry& e);

// Feeds entries in seq order and reports the first that breaks the chain.
class ChainVerifier {
 public:
  // False when the chain breaks at `e`; bad_seq() then names the first bad seq (for a gap,
  // the missing one) and reason() says why.
  bool Feed(const AuditEntry& e);
  // Checks the end of the chain against the stored head (catches a removed tail).
  bool Finish(int64_t head_seq, const std::string& head_hash);
  // An entry recorded outside the database (an anchor: a head printed by an earlier check,
  // kept on paper or in an e-mail) must still be there with the same hash. Without it, a
  // forger who removes the last entries and rewrites the head row too goes unnoticed.
  void ExpectAnchor(int64_t seq, std::string hash) {
    anchor_seq_ = seq, anchor_hash_ = std::move(hash);
  }
  int64_t last_seq() const { return last_seq_; }
  const std::string& last_hash() const { return last_hash_; }
  int64_t checked() const { return checked_; }
  int64_t bad_seq() const { return bad_seq_; }
  const std::string& reason() const { return reason_; }

 private:
  int64_t checked_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_;
  int64_t bad_seq_ = 0;
  std::string reason_;
  int64_t anchor_seq_ = 0;  // 0: none
  std::string anchor_hash_;
};

}  // namespace dh::audit
