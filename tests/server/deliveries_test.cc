// Which notifications a submission asks for (server/deliveries.h).
#include <gtest/gtest.h>

#include "server/deliveries.h"
#include "server/server_fixture.h"

namespace lantern {
namespace {

const Record* BinCheck(const Site& site) {
  for (const Record& record : site.records) {
    if (record.id == "bin-check") return &record;
  }
  return nullptr;
}

TEST(DeliveriesTest, OwnerFirstThenNotifyListEachOnceAndAReceiptOnlyWhenAReplyIsWanted) {
  testing::TestServerApp server;
  SiteConfig config = server.app->site()->site.config;
  const Record* record = BinCheck(server.app->site()->site);
  ASSERT_NE(nullptr, record);
  const std::string owner = record->Text("summary.contact_email");
  ASSERT_FALSE(owner.empty());
  config.notify.email = {"IG@Example.gov.uk", owner};  // the owner again, in other case
  Submission s;
  s.request_type = "objection";
  s.email = "Resident@Example.org";
  s.reply_wanted = true;
  auto planned = PlanDeliveries(config, record, s, NotifyChannels{true, false});
  ASSERT_EQ(2u, planned.size());
  EXPECT_EQ("staff_email", planned[0].channel);
  EXPECT_EQ(owner + ",ig@example.gov.uk", planned[0].recipient);
  EXPECT_EQ("receipt", planned[1].channel);
  EXPECT_EQ("resident@example.org", planned[1].recipient);

  s.reply_wanted = false;
  EXPECT_EQ(1u, PlanDeliveries(config, record, s, NotifyChannels{true, false}).size());
  s.reply_wanted = true;
  s.email = "not an address";
  EXPECT_EQ(1u, PlanDeliveries(config, record, s, NotifyChannels{true, false}).size());
  config.notify.receipts = false;
  s.email = "resident@example.org";
  EXPECT_EQ(1u, PlanDeliveries(config, record, s, NotifyChannels{true, false}).size());
}

TEST(DeliveriesTest, TheGeneralFormGoesToTheSiteContactAndNothingIsPlannedWithoutAChannel) {
  testing::TestServerApp server;
  SiteConfig config = server.app->site()->site.config;
  Submission s;
  s.request_type = "question";
  auto planned = PlanDeliveries(config, nullptr, s, NotifyChannels{true, false});
  ASSERT_EQ(1u, planned.size());
  EXPECT_EQ(config.contact_email, planned[0].recipient);
  EXPECT_TRUE(PlanDeliveries(config, nullptr, s, NotifyChannels{}).empty());
  // The webhook needs both the channel and the address in site.yaml.
  EXPECT_TRUE(PlanDeliveries(config, nullptr, s, NotifyChannels{false, true}).empty());
  config.notify.webhook = "https://cases.example.gov.uk/hook";
  planned = PlanDeliveries(config, nullptr, s, NotifyChannels{false, true});
  ASSERT_EQ(1u, planned.size());
  EXPECT_EQ("webhook", planned[0].channel);
  EXPECT_EQ(config.notify.webhook, planned[0].recipient);
}

}  // namespace
}  // namespace lantern
