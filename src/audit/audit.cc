#include "audit/audit.h"

#include "core/hash.h"

namespace dh::audit {
namespace {

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

// Fields joined with their lengths, so no choice of text can make two entries hash alike.
void Put(std::string& buf, const std::string& field) {
  buf += std::to_string(field.size());
  buf += ':';
  buf += field;
  buf += '|';
}

}  // namespace

std::string ComputeHash(const AuditEntry& e) {
  std::string buf;
  for (const std::string& f :
       {e.prev_hash, std::to_string(e.seq), std::to_string(e.at), Opt(e.user_id), e.username,
        e.action, e.entity, Opt(e.entity_id), Opt(e.unit_id), e.before_json, e.after_json})
    Put(buf, f);
  return Sha256Hex(buf);
}

bool ChainVerifier::Feed(const AuditEntry& e) {
  auto fail = [&](std::string why, int64_t seq) {
    bad_seq_ = seq;
    reason_ = std::move(why);
    return false;
  };
  // A gap is reported at the missing entry, as Finish reports a removed tail.
  if (e.seq != last_seq_ + 1)
    return fail("entry " + std::to_string(last_seq_ + 1) + " is missing or out of order (found " +
                    std::to_string(e.seq) + " after " + std::to_string(last_seq_) + ")",
                last_seq_ + 1);
  if (e.prev_hash != last_hash_)
    return fail("entry " + std::to_string(e.seq) +
                    " does not follow the previous entry (removed or reordered before it)",
                e.seq);
  if (ComputeHash(e) != e.hash)
    return fail("entry " + std::to_string(e.seq) + " was altered after it was written", e.seq);
  // A chain rewritten and rehashed from some entry on is consistent in itself: only a hash
  // kept elsewhere tells.
  if (e.seq == anchor_seq_ && e.hash != anchor_hash_)
    return fail("entry " + std::to_string(e.seq) +
                    " no longer has the hash recorded for it outside the "
                    "database (the log was rewritten up to there)",
                e.seq);
  ++checked_;
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return true;
}

bool ChainVerifier::Finish(int64_t head_seq, const std::string& head_hash) {
  if (anchor_seq_ > last_seq_) {
    bad_seq_ = last_seq_ + 1;
    reason_ = "the anchored entry " + std::to_string(anchor_seq_) +
              " is gone: the chain ends at entry " + std::to_string(last_seq_) +
              " (entries removed from the end, head rewritten)";
    return false;
  }
  if (head_seq == last_seq_ && head_hash == last_hash_) return true;
  bad_seq_ = last_seq_ + 1;
  reason_ = "the chain ends at entry " + std::to_string(last_seq_) +
            " but the head records entry " + std::to_string(head_seq) +
            " (entries removed from the end)";
  return false;
}

}  // namespace dh::audit
