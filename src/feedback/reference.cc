#include "feedback/reference.h"

#include "base/crypto.h"

namespace lantern {

Result<std::string> NewReference() {
  std::string out;
  // Rejection sampling: bytes >= 240 (8 * 30) are discarded so every letter is equally likely.
  constexpr unsigned kLimit = 256 / kReferenceAlphabet.size() * kReferenceAlphabet.size();
  while (out.size() < kReferenceLength) {
    Result<std::string> bytes = RandomBytes(16);
    if (!bytes.ok()) return bytes.status();
    for (unsigned char b : bytes.value()) {
      if (b >= kLimit || out.size() == kReferenceLength) continue;
      out += kReferenceAlphabet[b % kReferenceAlphabet.size()];
    }
  }
  return out;
}

bool IsReference(std::string_view text) {
  if (text.size() != kReferenceLength) return false;
  for (char c : text) {
    if (kReferenceAlphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace lantern
