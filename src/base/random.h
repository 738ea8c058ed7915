// Bytes from the kernel's CSPRNG (getrandom(2)), for form-token nonces, keys
// and reference numbers.
#ifndef LANTERN_BASE_RANDOM_H_
#define LANTERN_BASE_RANDOM_H_

#include <string>

#include "base/status.h"

namespace lantern {

// `count` random bytes, or a Status if the kernel refused (it blocks only
// before the pool is first seeded at boot).
Result<std::string> RandomBytes(size_t count);

}  // namespace lantern

#endif  // LANTERN_BASE_RANDOM_H_
