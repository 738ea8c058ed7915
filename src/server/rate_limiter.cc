#include "server/rate_limiter.h"

#include <algorithm>

namespace lantern {

bool RateLimiter::Bucket::Take(double capacity, double per_second, double now) {
  if (tokens < 0) {
    tokens = capacity;
    updated = now;
  }
  tokens = std::min(capacity, tokens + (now - updated) * per_second);
  updated = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

bool RateLimiter::Allow(const std::string& client, double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Forget full buckets now and then so memory stays bounded.
  if (clients_.size() > 100000) clients_.clear();
  Client& c = clients_[client];
  Client before = c;
  const Bucket global_before = global_;
  const bool ok = c.short_term.Take(limits_.per_client_short, limits_.per_client_short / limits_.short_seconds, now) &&
                  c.day.Take(limits_.per_client_day, limits_.per_client_day / 86400, now) &&
                  global_.Take(limits_.global_per_hour, limits_.global_per_hour / 3600, now);
  if (!ok) {  // a refused request costs nothing
    c = before;
    global_ = global_before;
  }
  return ok;
}

}  // namespace lantern
