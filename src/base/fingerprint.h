// A 64-bit fingerprint of several inputs, for the preview's caches: two
// builds' inputs with the same fingerprint are taken to be the same.
//
// std::hash<std::string_view> (libstdc++: 64-bit Murmur-style) is enough
// here: the caches only have to notice that an author's own file changed
// between two saves, nobody is trying to make two texts collide, and the
// chance that an edit leaves a 64-bit hash (and the length, which is mixed
// in too) unchanged is about 2^-64. It is not stable across programs, and
// need not be: the caches live only as long as one `lantern serve`.
#ifndef LANTERN_BASE_FINGERPRINT_H_
#define LANTERN_BASE_FINGERPRINT_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace lantern {

class Fingerprint {
 public:
  // Each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  Fingerprint& Add(std::string_view bytes) {
    Mix(bytes.size());
    Mix(std::hash<std::string_view>{}(bytes));
    return *this;
  }
  Fingerprint& Add(uint64_t number) {
    Mix(number);
    return *this;
  }
  uint64_t value() const { return value_; }

 private:
  void Mix(uint64_t v) {
    // boost::hash_combine's step, widened to 64 bits.
    value_ ^= v + 0x9e3779b97f4a7c15ULL + (value_ << 12) + (value_ >> 4);
  }
  uint64_t value_ = 0x84222325cbf29ce4ULL;
};

}  // namespace lantern

#endif  // LANTERN_BASE_FINGERPRINT_H_
