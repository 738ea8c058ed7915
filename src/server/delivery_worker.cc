#include "server/delivery_worker.h"

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

#include "model/addresses.h"
#include "model/date.h"
#include "model/languages.h"
#include "notify/messages.h"
#include "publish/atom_feed.h"
#include "server/receipt_words.h"

namespace lantern {
namespace {

const Record* RecordWithId(const Site& site, const std::string& id) {
  for (const Record& record : site.records) {
    if (record.id == id) return &record;
  }
  return nullptr;
}

MailIdentity IdentityOf(const SiteConfig& config) {
  MailIdentity identity;
  identity.from_address = config.notify.from.empty() ? config.contact_email : config.notify.from;
  identity.from_name = config.organisation;
  // Unique to the council and the same on every server, as the feeds' tag: ids.
  identity.message_id_domain = SiteHost(config);
  return identity;
}

SubmissionFacts FactsOf(const StoredSubmission& row, const Site& site) {
  SubmissionFacts facts;
  facts.reference = row.reference;
  facts.request_type = row.request_type;
  facts.record_id = row.record_id;
  if (const Record* record = row.record_id.empty() ? nullptr : RecordWithId(site, row.record_id)) {
    facts.record_title = record->Text("summary.name");
    facts.record_url = AbsoluteUrl(site.config, RecordPath(*record));
    facts.contact_email = record->Text("summary.contact_email");
  }
  if (!IsMailAddress(facts.contact_email)) facts.contact_email = site.config.contact_email;
  facts.received_at = row.received_at;
  facts.due_on = row.DueOn();
  facts.message = row.message;
  facts.name = row.name;
  facts.email = row.email;
  facts.case_reference = row.case_reference;
  facts.site_title = site.config.title;
  facts.organisation = site.config.organisation;
  facts.reply_wanted = row.reply_wanted;
  facts.language = row.language;
  if (!row.language.empty()) facts.language_name = LanguageNameInEnglish(row.language);
  return facts;
}

std::vector<std::string> SplitAddresses(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= joined.size()) {
    const size_t comma = std::min(joined.find(',', start), joined.size());
    if (comma > start) out.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// What the daily digest lists: open submissions overdue or due within a week.
std::vector<DigestItem> DigestItems(const std::vector<StoredSubmission>& rows, const Date& today) {
  const std::string soon = today.PlusDays(7).Iso(), now = today.Iso();
  std::vector<DigestItem> items;
  for (const StoredSubmission& row : rows) {
    if (!IsOpenStatus(row.status) || row.DueOn().empty() || row.DueOn() > soon) continue;
    items.push_back({row.reference, row.request_type, row.record_id, row.status, row.DueOn(), row.DueOn() < now});
  }
  std::sort(items.begin(), items.end(),
            [](const DigestItem& a, const DigestItem& b) { return std::tie(a.due_on, a.reference) < std::tie(b.due_on, b.reference); });
  return items;
}

}  // namespace

int64_t RetryDelaySeconds(int attempts) {
  int64_t delay = 30;
  for (int i = 1; i < attempts && delay < 3600; ++i) delay *= 2;
  return std::min<int64_t>(delay, 3600);
}

DeliveryWorker::DeliveryWorker(FeedbackStore* store, DeliveryWorkerConfig config,
                               std::function<std::shared_ptr<SiteSnapshot>()> site, std::function<int64_t()> clock)
    : store_(store), config_(std::move(config)), site_(std::move(site)), clock_(std::move(clock)) {}

DeliveryWorker::~DeliveryWorker() { Stop(); }

void DeliveryWorker::Log(const std::string& line) const {
  if (config_.log) config_.log(line);
}

void DeliveryWorker::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void DeliveryWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DeliveryWorker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void DeliveryWorker::Loop() {
  for (;;) {
    Result<int> handled = RunOnce();
    if (!handled.ok()) Log("event=delivery_store_error reason=\"" + handled.status().message() + "\"");
    std::unique_lock<std::mutex> lock(mutex_);
    if (stopping_) return;
    // A full batch may have more behind it: look again at once.
    if (handled.ok() && handled.value() >= config_.batch) continue;
    wake_.wait_for(lock, std::chrono::milliseconds(config_.poll_ms), [this] { return woken_ || stopping_; });
    if (stopping_) return;
    woken_ = false;
  }
}

Result<int> DeliveryWorker::RunOnce() {
  std::shared_ptr<SiteSnapshot> site = site_();
  if (!site) return 0;
  const int64_t now = clock_();
  const SiteConfig& config = site->site.config;
  if (config_.email && config.notify.digest && !config.notify.email.empty()) {
    const std::string today = DateFromEpochSeconds(now).Iso();
    const int64_t hour = (now % 86400) / 3600;
    if (hour >= config_.digest_hour_utc && digest_queued_for_ != today) {
      std::string recipients;
      for (const std::string& address : config.notify.email) recipients += (recipients.empty() ? "" : ",") + address;
      Result<bool> queued = store_->EnqueueDigest(today, recipients, now);
      if (!queued.ok()) return queued.status();
      digest_queued_for_ = today;
      if (queued.value()) Log("event=digest_queued date=" + today);
    }
  }
  Result<std::vector<Delivery>> claimed = store_->ClaimDeliveries(now, config_.lease_seconds, config_.batch);
  if (!claimed.ok()) return claimed.status();
  int handled = 0;
  for (const Delivery& delivery : claimed.value()) {
    const Status sent = Send(delivery, *site, now);
    const int64_t done_at = clock_();
    Status recorded = Status::Ok();
    if (sent.ok()) {
      recorded = store_->MarkDelivered(delivery.id, done_at);
      Log("event=delivery_sent id=" + std::to_string(delivery.id) + " channel=" + delivery.channel +
          " key=" + delivery.key + " attempt=" + std::to_string(delivery.attempts + 1));
    } else {
      // The created_at text sorts as time; a row older than kGiveUpSeconds is given up.
      const bool give_up = delivery.created_at < FormatUtcTime(done_at - kGiveUpSeconds);
      const int64_t retry_at = give_up ? 0 : done_at + RetryDelaySeconds(delivery.attempts + 1);
      recorded = store_->MarkDeliveryFailed(delivery.id, sent.message(), retry_at, done_at);
      // A mail server's refusal of a receipt may quote the resident's address:
      // that reason stays in the outbox (feedback outbox), out of the log.
      const std::string reason = delivery.channel == "receipt" ? "see lantern feedback outbox" : sent.message();
      Log("event=delivery_failed id=" + std::to_string(delivery.id) + " channel=" + delivery.channel +
          " key=" + delivery.key + " attempt=" + std::to_string(delivery.attempts + 1) + " reason=\"" + reason +
          "\"" + (give_up ? " gave_up=yes" : " retry_at=" + FormatUtcTime(retry_at)));
    }
    if (!recorded.ok()) Log("event=delivery_store_error reason=\"" + recorded.message() + "\"");
    ++handled;
  }
  return handled;
}

Status DeliveryWorker::Send(const Delivery& delivery, const SiteSnapshot& site, int64_t now) {
  const SiteConfig& config = site.site.config;
  const MailIdentity identity = IdentityOf(config);
  if (delivery.channel == "digest") {
    if (!config_.email) return Status::Error("this server has no --smtp to send the digest with");
    Result<std::vector<StoredSubmission>> rows = store_->List("");
    if (!rows.ok()) return rows.status();
    const std::vector<DigestItem> items = DigestItems(rows.value(), DateFromEpochSeconds(now));
    return SendMail(config_.smtp, DailyDigest(items, delivery.key, config.title, identity,
                                              SplitAddresses(delivery.recipient), now));
  }
  Result<StoredSubmission> row = store_->Find(delivery.key);
  if (!row.ok()) return row.status().WithContext("cannot notify " + delivery.key);
  const SubmissionFacts facts = FactsOf(row.value(), site.site);
  if (delivery.channel == "staff_email" || delivery.channel == "receipt") {
    if (!config_.email) return Status::Error("this server has no --smtp to send email with");
    if (delivery.channel == "receipt") {
      // In the language the resident wrote in: that edition's words, and the
      // record's name and address in it (the default's for a language the
      // site does not have, or a row stored before languages were).
      const Site* words_site = &site.site;
      const Theme* theme = &site.theme;
      for (const FormEdition& edition : site.editions) {
        if (edition.language == row.value().language) {
          words_site = &edition.site;
          theme = &edition.theme;
        }
      }
      const SubmissionFacts resident_facts = FactsOf(row.value(), *words_site);
      MailMessage receipt = ResidentReceipt(resident_facts, identity, now, ReceiptWordsOf(*theme));
      receipt.to = {delivery.recipient};
      return SendMail(config_.smtp, receipt);
    }
    return SendMail(config_.smtp, StaffNotification(facts, identity, SplitAddresses(delivery.recipient), now));
  }
  if (delivery.channel == "webhook") {
    if (!config_.webhook) return Status::Error("this server has no LANTERN_WEBHOOK_SECRET to sign the webhook with");
    WebhookSettings settings = config_.webhook_settings;
    settings.url = delivery.recipient;
    return PostWebhook(settings, SignedWebhook(facts, config_.webhook_secret, now));
  }
  return Status::Error("unknown channel " + delivery.channel);
}

}  // namespace lantern
