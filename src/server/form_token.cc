#include "server/form_token.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "base/crypto.h"

namespace lantern {
namespace {

constexpr size_t kKeyBytes = 32, kNonceBytes = 16, kMacBytes = 32;

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
  if (token.size() > 128) return check;
  const std::optional<std::string> decoded = Base64UrlDecode(token);
  if (!decoded || decoded->size() != 8 + kNonceBytes + kMacBytes) return check;
  const std::string& bytes = *decoded;
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
