#include "server/deliveries.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "load/validator.h"

namespace lantern {
namespace {

std::string Lowered(std::string address) {
  std::transform(address.begin(), address.end(), address.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return address;
}

}  // namespace

std::vector<OutboxRequest> PlanDeliveries(const SiteConfig& config, const Record* record,
                                          const Submission& submission, const NotifyChannels& channels) {
  std::vector<OutboxRequest> deliveries;
  if (channels.email) {
    std::vector<std::string> staff;
    auto add = [&staff](const std::string& address) {
      if (ClassifyEmail(address) != EmailForm::kValid) return;
      const std::string lowered = Lowered(EmailAddress(address));
      if (std::find(staff.begin(), staff.end(), lowered) == staff.end()) staff.push_back(lowered);
    };
    // The officer who owns the tool first: they must answer in time.
    std::string owner = record ? EmailAddress(record->Text("summary.contact_email")) : std::string();
    add(ClassifyEmail(owner) == EmailForm::kValid ? owner : config.contact_email);
    for (const std::string& address : config.notify.email) add(address);
    if (!staff.empty()) {
      std::string joined;
      for (const std::string& address : staff) joined += (joined.empty() ? "" : ",") + address;
      deliveries.push_back({"staff_email", joined});
    }
    if (config.notify.receipts && submission.reply_wanted && ClassifyEmail(submission.email) == EmailForm::kValid) {
      deliveries.push_back({"receipt", Lowered(EmailAddress(submission.email))});
    }
  }
  if (channels.webhook && !config.notify.webhook.empty()) deliveries.push_back({"webhook", config.notify.webhook});
  return deliveries;
}

}  // namespace lantern
