// libFuzzer target: Markdown rendering, link extraction and the sentence
// splitter the plain-language checks use.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "load/plain_language.h"
#include "model/value.h"
#include "render/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  lantern::MarkdownToHtml(text, {2});
  lantern::ExtractLinks(text);
  lantern::Diagnostics diagnostics;
  const lantern::Value value = lantern::Value::Text(text, {1, 1}, false);
  lantern::CheckPlainLanguage("records/fuzz.yaml", text, "summary.description", value, &diagnostics);
  return 0;
}
