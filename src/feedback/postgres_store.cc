#include "feedback/postgres_store.h"

namespace lantern {

// Placeholder until the libpq store lands on this branch's successor.
Result<std::unique_ptr<FeedbackStore>> PostgresFeedbackStore::Open(const std::string&, FeedbackStore::Mode,
                                                                   FeedbackStore::Options) {
  return Status::Error("this Lantern was built without PostgreSQL support");
}

}  // namespace lantern
