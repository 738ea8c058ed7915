#include "base/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace lantern {
namespace {

constexpr std::string_view kBase64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const unsigned char* Bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

std::string Sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest fails only when out of memory; an empty digest then never
  // matches a real one, so callers comparing digests fail closed.
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) return "";
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string HmacSha256(std::string_view key, std::string_view message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (key.size() > static_cast<size_t>(INT_MAX)) return "";
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), Bytes(message), message.size(), mac, &length)) {
    return "";  // as in Sha256: out of memory fails closed
  }
  return std::string(reinterpret_cast<const char*>(mac), length);
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string Base64UrlEncode(std::string_view bytes) {
  if (bytes.empty()) return "";
  // EVP_EncodeBlock writes standard, padded base64 and a NUL: 4 characters per 3 bytes.
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), Bytes(bytes),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(written));
  while (!out.empty() && out.back() == '=') out.pop_back();
  std::replace(out.begin(), out.end(), '+', '-');
  std::replace(out.begin(), out.end(), '/', '_');
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1 || text.size() > static_cast<size_t>(INT_MAX) - 3) return std::nullopt;
  // Checked here, not left to EVP_DecodeBlock, which also accepts '+', '/',
  // '=' anywhere at the end and skips surrounding whitespace.
  if (text.find_first_not_of(kBase64UrlAlphabet) != std::string_view::npos) return std::nullopt;
  if (text.empty()) return std::string();
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  const size_t padding = (4 - standard.size() % 4) % 4;
  standard.append(padding, '=');
  std::string out(standard.size() / 4 * 3, '\0');
  const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), Bytes(standard),
                                      static_cast<int>(standard.size()));
  if (decoded < 0 || static_cast<size_t>(decoded) != out.size()) return std::nullopt;
  out.resize(out.size() - padding);  // EVP_DecodeBlock counts the padding as zero bytes
  // Canonical only: the unused low bits of the last character must be zero,
  // which holds exactly when encoding the result gives the text back.
  if (Base64UrlEncode(out) != text) return std::nullopt;
  return out;
}

Result<std::string> RandomBytes(size_t count) {
  std::string out(count, '\0');
  for (size_t filled = 0; filled < count;) {
    const int chunk = static_cast<int>(std::min<size_t>(count - filled, 1 << 20));
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data() + filled), chunk) != 1) {
      return Status::Error("cannot get random bytes from OpenSSL's generator");
    }
    filled += static_cast<size_t>(chunk);
  }
  return out;
}

}  // namespace lantern
