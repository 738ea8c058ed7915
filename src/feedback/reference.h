// Reference numbers residents quote: 8 characters from a CSPRNG over an
// alphabet without look-alikes (no I, O, Q, Z, 0 or 1), e.g. "K7MP3XWA".
#ifndef LANTERN_FEEDBACK_REFERENCE_H_
#define LANTERN_FEEDBACK_REFERENCE_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace lantern {

inline constexpr std::string_view kReferenceAlphabet = "ABCDEFGHJKLMNPRSTUVWXY23456789";
inline constexpr size_t kReferenceLength = 8;

// A fresh reference (30^8 ≈ 6.6e11 values, drawn without modulo bias), or the
// Status of the failed random read.
Result<std::string> NewReference();
// True when `text` has the shape of a reference (length and alphabet).
bool IsReference(std::string_view text);

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_REFERENCE_H_
