// Which notifications a submission asks for: the outbox rows written with it
// in one transaction (feedback/store.h), sent later by the delivery worker.
#ifndef LANTERN_SERVER_DELIVERIES_H_
#define LANTERN_SERVER_DELIVERIES_H_

#include <vector>

#include "feedback/store.h"
#include "model/site.h"

namespace lantern {

// The channels this server can send on: email when it was started with
// --smtp, the webhook when site.yaml names one and its secret is set.
struct NotifyChannels {
  bool email = false;
  bool webhook = false;
};

// For `submission` about `record` (null for the general form, or a record no
// longer on the site): one staff email to feedback.notify.email and the
// record's contact (the site's contact_email when the record has none),
// addresses lower-cased and each once; a receipt to the resident when they
// gave a valid address, asked for a reply and receipts are on; the webhook.
// Empty when no channel is on. Never fails: the addresses were checked when
// the site loaded.
std::vector<OutboxRequest> PlanDeliveries(const SiteConfig& config, const Record* record,
                                          const Submission& submission, const NotifyChannels& channels);

}  // namespace lantern

#endif  // LANTERN_SERVER_DELIVERIES_H_
