#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace lantern {

void RateLimiter::Bucket::Refill(double capacity, double per_second, double now) {
  if (tokens < 0) {
    tokens = capacity;
    updated = now;
  }
  tokens = std::min(capacity, tokens + std::max(0.0, now - updated) * per_second);
  updated = now;
}

RateLimiter::Decision RateLimiter::TakeSend(const std::string& key, double now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = clients_.find(key);
  if (it == clients_.end()) {
    if (clients_.size() >= limits_.max_clients && !by_recency_.empty()) {
      // Forget the address unused for longest: its buckets have refilled the most.
      clients_.erase(by_recency_.back());
      by_recency_.pop_back();
    }
    by_recency_.push_front(key);
    it = clients_.emplace(key, Client{}).first;
    it->second.recency = by_recency_.begin();
  } else {
    by_recency_.splice(by_recency_.begin(), by_recency_, it->second.recency);
  }
  Client& client = it->second;
  const double short_rate = limits_.per_client_short / limits_.short_seconds;
  const double day_rate = limits_.per_client_day / 86400;
  const double global_rate = limits_.global_per_hour / 3600;
  client.short_term.Refill(limits_.per_client_short, short_rate, now);
  client.day.Refill(limits_.per_client_day, day_rate, now);
  global_.Refill(limits_.global_per_hour, global_rate, now);
  Decision decision;
  if (client.short_term.tokens < 1 || client.day.tokens < 1) {
    decision.kind = Decision::Kind::kClientLimited;
    const double wait = std::max(client.short_term.SecondsToOne(short_rate), client.day.SecondsToOne(day_rate));
    decision.retry_after_seconds = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait)));
    return decision;
  }
  client.short_term.tokens -= 1;
  client.day.tokens -= 1;
  if (global_.tokens < 1) {
    decision.kind = Decision::Kind::kOverGlobal;
    return decision;
  }
  global_.tokens -= 1;
  return decision;
}

size_t RateLimiter::client_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return clients_.size();
}

}  // namespace lantern
