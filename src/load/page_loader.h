// Loads one page (pages/<slug>.md): front matter checked against the schema,
// Markdown body kept for rendering.
#ifndef LANTERN_LOAD_PAGE_LOADER_H_
#define LANTERN_LOAD_PAGE_LOADER_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

// Returns the page when the file has no errors; otherwise std::nullopt, with
// every problem found added to `diagnostics`.
std::optional<Page> LoadPage(const std::string& path, const std::string& slug, const std::string& text,
                             Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_PAGE_LOADER_H_
