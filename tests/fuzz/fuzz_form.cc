// libFuzzer target: a feedback form body through Lantern's url-encoded parser
// and the form's validation. The parser never refuses; what it returns must
// hold the promises the form relies on, or the target aborts:
//   - every value is valid UTF-8, trimmed, without controls but tab and LF;
//   - a value holding a bidi control was reported as bidi_controls;
//   - only allowlisted names come back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "server/feedback_form.h"
#include "server/form_parser.h"

namespace {

bool HasBidiControl(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]),
               c = static_cast<unsigned char>(text[i + 2]);
    if (a == 0xe2 && ((b == 0x80 && c >= 0xaa && c <= 0xae) || (b == 0x81 && c >= 0xa6 && c <= 0xa9))) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  const lantern::ParsedForm form = lantern::ParseFormBody(body, lantern::FeedbackFieldNames());
  for (const auto& [name, value] : form.fields) {
    if (lantern::FeedbackFieldNames().count(name) == 0) std::abort();
    if (lantern::FindInvalidUtf8(value) != std::string::npos) std::abort();
    for (size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) std::abort();
      if (c == 0xc2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
          static_cast<unsigned char>(value[i + 1]) <= 0x9f) {
        std::abort();  // a C1 control
      }
    }
    if (!value.empty() && (value.front() == ' ' || value.back() == ' ' || value.front() == '\n' ||
                           value.back() == '\n' || value.front() == '\t' || value.back() == '\t')) {
      std::abort();
    }
    if (HasBidiControl(value) && form.anomalies.count("bidi_controls") == 0) std::abort();
  }
  const lantern::FeedbackAnswers answers = lantern::FeedbackAnswers::FromFields(form.fields);
  lantern::ValidateAnswers(answers);
  lantern::IsRecordIdShape(answers.tool);
  return 0;
}
