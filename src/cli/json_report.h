// Diagnostics as JSON for CI (`--format json`): an array with one object per
// diagnostic, in the printed order, each with file, line, column (characters,
// 1-based; 0 when only the file is known), severity, code, message and
// suggestion (what to do, taken from the message after its first "; ", or the
// "did you mean" hint; null when the message has none), written by
// publish/json_writer.
#ifndef LANTERN_CLI_JSON_REPORT_H_
#define LANTERN_CLI_JSON_REPORT_H_

#include <string>

#include "base/diagnostic.h"

namespace lantern {

std::string DiagnosticsToJson(const Diagnostics& diagnostics);

// The "what to do" part of a message, or "" when it has none.
std::string SuggestionOf(const std::string& message);

}  // namespace lantern

#endif  // LANTERN_CLI_JSON_REPORT_H_
