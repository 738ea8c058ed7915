// Signed form tokens (checklist A2-A4): base64url of issued_at (8 bytes, big
// endian Unix seconds) ‖ 16-byte random nonce ‖ HMAC-SHA256(key, first 24
// bytes). The key is 32 random bytes in a file beside the database, created
// with mode 0600 on first use. No cookies, no server-side state: the nonce is
// stored with the submission, which makes each token one-time.
#ifndef LANTERN_SERVER_FORM_TOKEN_H_
#define LANTERN_SERVER_FORM_TOKEN_H_

#include <cstdint>
#include <string>

#include "base/status.h"

namespace lantern {

inline constexpr int64_t kTokenMinFillSeconds = 3;
inline constexpr int64_t kTokenLifetimeSeconds = 24 * 3600;

struct TokenCheck {
  enum class Outcome { kValid, kMissingOrBad, kExpired } outcome = Outcome::kMissingOrBad;
  int64_t age_seconds = 0;
  std::string nonce_hex;  // set when kValid
};

class FormTokenSigner {
 public:
  explicit FormTokenSigner(std::string key) : key_(std::move(key)) {}
  // Reads the key at `path`, creating it (0600) when missing; fails when the
  // file exists with another size or cannot be read or written.
  static Result<FormTokenSigner> FromKeyFile(const std::string& path);

  // A fresh token issued at `now`, or a Status when no random bytes could be had.
  Result<std::string> Issue(int64_t now) const;
  TokenCheck Check(const std::string& token, int64_t now) const;

 private:
  std::string key_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_FORM_TOKEN_H_
