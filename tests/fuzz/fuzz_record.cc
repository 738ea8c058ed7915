// libFuzzer target: a record file through the whole record loader, with the
// plain-language, placeholder and completeness checks, and the formatter.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "cli/json_report.h"
#include "load/record_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  lantern::SiteConfig config;
  config.today = lantern::Date{2026, 1, 1};
  lantern::Diagnostics diagnostics;
  lantern::LoadRecord("records/fuzz.yaml", "fuzz", text, config, &diagnostics);
  diagnostics.Format();
  lantern::DiagnosticsToJson(diagnostics);
  return 0;
}
