#include "base/random.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

namespace lantern {

Result<std::string> RandomBytes(size_t count) {
  std::string out(count, '\0');
  size_t filled = 0;
  while (filled < count) {
    const ssize_t n = getrandom(out.data() + filled, count - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(std::string("cannot read random bytes: ") + std::strerror(errno));
    }
    filled += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace lantern
