// The delivery worker: sends the outbox (feedback/store.h) by email and
// webhook, inside lantern serve. Rows are claimed under a lease, so several
// servers on one PostgreSQL store share the work and a row is sent by one of
// them; a server killed mid-send leaves the row to be sent again (after
// restart for SQLite, when the lease runs out for PostgreSQL). A repeat is
// recognisable: emails keep one Message-ID per reference, webhooks one
// Idempotency-Key.
//
// Failures never lose a row: each is logged (event=delivery_failed, with no
// resident text), kept as the row's last_error (lantern feedback outbox) and
// retried with backoff, 30 s doubling to hourly; after kGiveUpSeconds the row
// is "failed" and stays listed until staff retry it.
#ifndef LANTERN_SERVER_DELIVERY_WORKER_H_
#define LANTERN_SERVER_DELIVERY_WORKER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "feedback/store.h"
#include "notify/curl_transport.h"
#include "server/app.h"

namespace lantern {

struct DeliveryWorkerConfig {
  bool email = false;            // --smtp given
  SmtpSettings smtp;
  bool webhook = false;          // site.yaml's webhook and LANTERN_WEBHOOK_SECRET both set
  WebhookSettings webhook_settings;
  std::string webhook_secret;
  int lease_seconds = 120;       // longer than the transports' timeouts
  int batch = 16;                // rows claimed at once
  int poll_ms = 5000;            // how often to look for retries and other servers' rows
  // The daily digest is queued from this hour (UTC) on; one per day.
  int digest_hour_utc = 7;
  std::function<void(const std::string&)> log;  // one line per event, no resident text; may be null
};

// Two days and more of retries cover a weekend's outage of a mail relay; the
// resident's month is not at risk, and the digest lists the submission anyway.
inline constexpr int64_t kGiveUpSeconds = 72 * 3600;

// The wait before attempt `attempts` + 1: 30 s, 60 s, 120 s … at most 1 hour.
int64_t RetryDelaySeconds(int attempts);

class DeliveryWorker {
 public:
  // `site` gives the current site (record titles and addresses, recipients,
  // the sender); `clock` the time in Unix seconds.
  DeliveryWorker(FeedbackStore* store, DeliveryWorkerConfig config,
                 std::function<std::shared_ptr<SiteSnapshot>()> site, std::function<int64_t()> clock);
  ~DeliveryWorker();  // stops the thread
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  // Starts the thread: a pass at once, then one on each Wake() and every poll_ms.
  void Start();
  // Ends the thread after the send in progress (bounded by the transports' timeouts).
  void Stop();
  // A submission was queued: look now.
  void Wake();
  // One pass, on the caller's thread: queues the digest when due, claims due
  // rows, sends each and records the outcome. Returns how many rows were
  // handled (sent or failed), or a Status when the store cannot be read.
  Result<int> RunOnce();

 private:
  // Sends one claimed row; Ok when its server accepted it.
  Status Send(const Delivery& delivery, const SiteSnapshot& site, int64_t now);
  void Log(const std::string& line) const;
  void Loop();

  FeedbackStore* store_;
  DeliveryWorkerConfig config_;
  std::function<std::shared_ptr<SiteSnapshot>()> site_;
  std::function<int64_t()> clock_;
  std::string digest_queued_for_;  // the last date whose digest this worker queued (or found queued)
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_DELIVERY_WORKER_H_
