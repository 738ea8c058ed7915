// In-memory token buckets for the form's sends (checklist R6): per client
// address 5 per 10 minutes and 20 per day, and 300 per hour across all
// clients. Only sends are counted, that is a resident pressing Send with a
// valid form token and answers that pass validation; corrections, the
// check-answers step, "Change" and posts without a valid token cost nothing,
// so neither a resident's own mistakes nor junk can use the limits up.
// Addresses live only here, never on disk (P2). The table holds at most
// `max_clients` addresses: when full it forgets the one unused for longest,
// never everyone at once. Thread-safe.
#ifndef LANTERN_SERVER_RATE_LIMITER_H_
#define LANTERN_SERVER_RATE_LIMITER_H_

#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lantern {

class RateLimiter {
 public:
  struct Limits {
    double per_client_short = 5, short_seconds = 600;
    double per_client_day = 20;
    double global_per_hour = 300;
    size_t max_clients = 100000;
  };
  struct Decision {
    enum class Kind {
      kAllowed,        // one token taken from each bucket
      kClientLimited,  // this address sent too much: nothing taken; try again after retry_after_seconds
      kOverGlobal,     // the hourly ceiling for everyone is reached: the address's tokens are taken
    } kind = Kind::kAllowed;
    int64_t retry_after_seconds = 0;
  };
  RateLimiter() = default;
  explicit RateLimiter(Limits limits) : limits_(limits) {}

  // Decides on one send by `client` at `now` (seconds).
  Decision TakeSend(const std::string& client, double now);
  size_t client_count() const;

 private:
  struct Bucket {
    double tokens = -1, updated = 0;
    void Refill(double capacity, double per_second, double now);
    // Seconds until one token is back.
    double SecondsToOne(double per_second) const { return tokens >= 1 ? 0 : (1 - tokens) / per_second; }
  };
  struct Client {
    Bucket short_term, day;
    std::list<std::string>::iterator recency;
  };
  Limits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Client> clients_;
  std::list<std::string> by_recency_;  // most recently used first
  Bucket global_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_RATE_LIMITER_H_
