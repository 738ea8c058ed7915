// In-memory token buckets for POSTs (checklist R6): per client address 5 per
// 10 minutes and 20 per day, and 300 per hour across all clients. Addresses
// live only here, never on disk (P2). Thread-safe.
#ifndef LANTERN_SERVER_RATE_LIMITER_H_
#define LANTERN_SERVER_RATE_LIMITER_H_

#include <map>
#include <mutex>
#include <string>

namespace lantern {

class RateLimiter {
 public:
  struct Limits {
    double per_client_short = 5, short_seconds = 600;
    double per_client_day = 20;
    double global_per_hour = 300;
  };
  RateLimiter() = default;
  explicit RateLimiter(Limits limits) : limits_(limits) {}

  // True (and one token taken from each bucket) when `client` may POST at `now` (seconds).
  bool Allow(const std::string& client, double now);

 private:
  struct Bucket {
    double tokens = -1, updated = 0;
    bool Take(double capacity, double per_second, double now);
  };
  struct Client {
    Bucket short_term, day;
  };
  Limits limits_;
  std::mutex mutex_;
  std::map<std::string, Client> clients_;
  Bucket global_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_RATE_LIMITER_H_
