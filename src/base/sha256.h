// SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104), and a comparison whose time
// does not depend on where two byte strings first differ. Used for form tokens
// and message hashes; small enough not to need a crypto library.
#ifndef LANTERN_BASE_SHA256_H_
#define LANTERN_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace lantern {

// The 32-byte digest of `data`, as raw bytes.
std::string Sha256(std::string_view data);
// The 32-byte HMAC-SHA256 of `message` under `key`, as raw bytes.
std::string HmacSha256(std::string_view key, std::string_view message);
// True when a and b are equal; for equal lengths, takes the same time wherever they differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b);
// Lower-case hexadecimal of raw bytes.
std::string HexEncode(std::string_view bytes);

}  // namespace lantern

#endif  // LANTERN_BASE_SHA256_H_
