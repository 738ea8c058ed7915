// A resident's objection as the store tests use it, and their clock.
#ifndef LANTERN_TESTS_TESTING_SAMPLE_SUBMISSION_H_
#define LANTERN_TESTS_TESTING_SAMPLE_SUBMISSION_H_

#include <cstdint>
#include <string>

#include "feedback/store.h"

namespace lantern::testing {

inline constexpr int64_t kStoreNow = 1795000000;  // 2026-11-18T…Z

// A valid objection with a reply wanted, about the record parking-permits.
inline Submission SampleObjection(const std::string& message = "Please stop using my data in this tool.") {
  Submission s;
  s.record_id = "parking-permits";
  s.record_updated = "2026-03-01";
  s.request_type = "objection";
  s.message = message;
  s.name = "Ada Resident";
  s.email = "ada@example.org";
  s.reply_wanted = true;
  return s;
}

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_SAMPLE_SUBMISSION_H_
