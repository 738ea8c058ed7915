// The feedback store in a PostgreSQL database, for several servers sharing
// one store (lantern serve --production on more than one machine). The only
// file that includes libpq-fe.h is postgres_store.cc.
#ifndef LANTERN_FEEDBACK_POSTGRES_STORE_H_
#define LANTERN_FEEDBACK_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "feedback/store.h"

namespace lantern {

class PostgresFeedbackStore {
 public:
  // Connects to `uri` (postgresql://user@host:port/database?…; the password,
  // if any, from the URI, PGPASSWORD or ~/.pgpass). kCreate creates and
  // upgrades the schema; the other modes refuse a database without it.
  // Fails with a Status naming the database without its password.
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& uri, FeedbackStore::Mode mode,
                                                     FeedbackStore::Options options);
};

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_POSTGRES_STORE_H_
