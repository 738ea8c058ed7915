#include "server/form_token.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/random.h"
#include "base/sha256.h"

namespace lantern {
namespace {

constexpr size_t kKeyBytes = 32, kNonceBytes = 16, kMacBytes = 32;
constexpr const char* kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64UrlEncode(const std::string& bytes) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64Url[v >> 18];
    out += kBase64Url[(v >> 12) & 63];
    out += kBase64Url[(v >> 6) & 63];
    out += kBase64Url[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64Url[v >> 18];
    out += kBase64Url[(v >> 12) & 63];
    if (i + 1 < bytes.size()) out += kBase64Url[(v >> 6) & 63];
  }
  return out;
}

bool Base64UrlDecode(const std::string& text, std::string* out) {
  out->clear();
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const char* p = c ? std::strchr(kBase64Url, c) : nullptr;
    if (!p) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(p - kBase64Url);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return true;
}

}  // namespace

Result<FormTokenSigner> FormTokenSigner::FromKeyFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    Result<std::string> key = RandomBytes(kKeyBytes);
    if (!key.ok()) return key.status();
    fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return Status::Error("cannot create the form key " + path + ": " + std::strerror(errno));
    const bool written = write(fd, key.value().data(), kKeyBytes) == static_cast<ssize_t>(kKeyBytes) && fsync(fd) == 0;
    close(fd);
    if (!written) return Status::Error("cannot write the form key " + path);
    return FormTokenSigner(key.value());
  }
  if (fd < 0) return Status::Error("cannot read the form key " + path + ": " + std::strerror(errno));
  std::string key(kKeyBytes + 1, '\0');
  const ssize_t n = read(fd, key.data(), key.size());
  close(fd);
  if (n != static_cast<ssize_t>(kKeyBytes)) {
    return Status::Error("the form key " + path + " must hold exactly 32 bytes; delete it to make a new one");
  }
  key.resize(kKeyBytes);
  return FormTokenSigner(key);
}

Result<std::string> FormTokenSigner::Issue(int64_t now) const {
  Result<std::string> nonce = RandomBytes(kNonceBytes);
  if (!nonce.ok()) return nonce.status();
  std::string payload(8, '\0');
  for (int i = 0; i < 8; ++i) payload[i] = static_cast<char>(static_cast<uint64_t>(now) >> (56 - 8 * i));
  payload += nonce.value();
  return Base64UrlEncode(payload + HmacSha256(key_, payload));
}

TokenCheck FormTokenSigner::Check(const std::string& token, int64_t now) const {
  TokenCheck check;
  std::string bytes;
  if (token.size() > 128 || !Base64UrlDecode(token, &bytes) || bytes.size() != 8 + kNonceBytes + kMacBytes) {
    return check;
  }
  const std::string payload = bytes.substr(0, 8 + kNonceBytes);
  if (!ConstantTimeEqual(HmacSha256(key_, payload), bytes.substr(8 + kNonceBytes))) return check;
  uint64_t issued = 0;
  for (int i = 0; i < 8; ++i) issued = (issued << 8) | static_cast<unsigned char>(payload[i]);
  check.age_seconds = now - static_cast<int64_t>(issued);
  if (check.age_seconds > kTokenLifetimeSeconds) {
    check.outcome = TokenCheck::Outcome::kExpired;
    return check;
  }
  if (check.age_seconds < -60) return check;  // issued in the future: not ours
  check.outcome = TokenCheck::Outcome::kValid;
  check.nonce_hex = HexEncode(payload.substr(8));
  return check;
}

}  // namespace lantern
