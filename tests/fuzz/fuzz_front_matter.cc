// libFuzzer target: a page file through front-matter splitting and the page
// loader (which reads the front matter as YAML and validates it).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "load/front_matter.h"
#include "load/page_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  lantern::Diagnostics diagnostics;
  lantern::SplitFrontMatter("pages/fuzz.md", text, &diagnostics);
  lantern::LoadPage("pages/fuzz.md", "fuzz", text, &diagnostics);
  diagnostics.Format();
  return 0;
}
