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
// With `translation`: the file is a translation (pages/<slug>.cy.md), whose
// front matter also has a `translation` block; it is taken out before the
// page's fields are checked and given back here (a null Value when absent).
std::optional<Page> LoadPage(const std::string& path, const std::string& slug, const std::string& text,
                             Diagnostics* diagnostics, Value* translation = nullptr);

}  // namespace lantern

#endif  // LANTERN_LOAD_PAGE_LOADER_H_
