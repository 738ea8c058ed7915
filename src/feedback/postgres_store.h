// The feedback store in a PostgreSQL database, for several servers sharing
// one store (lantern serve --production on more than one machine). The only
// file that includes libpq-fe.h is postgres_store.cc.
//
// The same promises as the SQLite store (store.h), kept by the database
// rather than by one writer: every statement binds its values (PQexecParams);
// a reference is returned only after COMMIT answered "COMMIT" and the row was
// read back; UNIQUE (token_nonce, content_hash) stores a form token's answers
// once even when two servers receive them at the same moment (both get the
// first row's reference); the outbox is shared, and ClaimDeliveries uses
// FOR UPDATE SKIP LOCKED so two servers never claim the same row. A crashed
// server's leases simply run out: unlike SQLite, opening never releases
// leases, because other live servers may hold them.
//
// Times are kept as the same UTC text as SQLite (YYYY-MM-DDTHH:MM:SSZ, in
// COLLATE "C" columns so they compare and sort bytewise), so every command
// prints the same output whichever store it reads.
//
// Text columns cannot hold NUL bytes or invalid UTF-8 in PostgreSQL; the form
// removes both before it stores (note "controls_removed"/"invalid_utf8"), and
// Insert refuses them with a Status rather than altering what was sent.
//
// Purging: DELETE removes rows from queries at once, but PostgreSQL keeps the
// deleted text in dead tuples until VACUUM reclaims them (VACUUM FULL
// rewrites the table) and in its WAL and any WAL archive or backups until
// those are recycled. That is the database operator's duty (README,
// "PostgreSQL"); Lantern cannot do it for them.
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
  // upgrades the schema (under an advisory lock, so servers starting together
  // do not race); the other modes refuse a database without it; kReadOnly
  // sessions are read-only. Fails with a Status naming the database without
  // its password when the URI is malformed, the server cannot be reached
  // within write_wait_ms (at least 2 s, libpq's minimum), the database does
  // not exist, its tables belong to another program, or its schema is newer.
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& uri, FeedbackStore::Mode mode,
                                                     FeedbackStore::Options options);
  // `uri` without its password (in the user part or a password= parameter),
  // for messages.
  static std::string Redact(const std::string& uri);
};

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_POSTGRES_STORE_H_
