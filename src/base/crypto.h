// The cryptography Lantern needs, all from OpenSSL's libcrypto (this is its
// only includer): SHA-256 and HMAC-SHA256 for form tokens and message hashes,
// a constant-time comparison for MACs, base64url for tokens, and bytes from a
// CSPRNG for nonces, keys and reference numbers. Hand-written crypto is not
// allowed in this project; these are thin wrappers with Lantern's types.
#ifndef LANTERN_BASE_CRYPTO_H_
#define LANTERN_BASE_CRYPTO_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace lantern {

// The 32-byte SHA-256 digest (FIPS 180-4) of `data`, as raw bytes.
std::string Sha256(std::string_view data);

// The 32-byte HMAC-SHA256 (RFC 2104) of `message` under `key`, as raw bytes.
std::string HmacSha256(std::string_view key, std::string_view message);

// True when a and b hold the same bytes. Strings of different lengths are
// unequal at once (lengths are not secret here: MACs have a fixed size); for
// equal lengths the time taken does not depend on where they differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

// Lower-case hexadecimal of raw bytes.
std::string HexEncode(std::string_view bytes);

// RFC 4648 section 5 base64url ('-' and '_'), without '=' padding.
std::string Base64UrlEncode(std::string_view bytes);

// The bytes of unpadded base64url `text`, or nullopt when it is not the
// canonical encoding of any bytes: a character outside the alphabet (including
// '=', '+', '/', whitespace and NUL), a length of 1 mod 4, or unused low bits
// that are not zero (so each byte string has exactly one accepted encoding).
std::optional<std::string> Base64UrlDecode(std::string_view text);

// `count` bytes from OpenSSL's CSPRNG (seeded from the kernel), or a Status
// when it cannot deliver (not seeded, or out of memory).
Result<std::string> RandomBytes(size_t count);

}  // namespace lantern

#endif  // LANTERN_BASE_CRYPTO_H_
