// Renders a loaded site with a theme into an OutputTree: the home page, the
// records list, a page per record, a page per Markdown page, 404.html and the
// theme's and site's assets. Pages render in parallel; the result does not
// depend on the order in which threads finish.
#ifndef LANTERN_ASSEMBLE_SITE_BUILDER_H_
#define LANTERN_ASSEMBLE_SITE_BUILDER_H_

#include <functional>

#include "assemble/output_tree.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

struct BuildProgress {
  size_t done = 0;
  size_t total = 0;
};

// Returns true and fills `output` when every page rendered; otherwise returns
// false with the errors in `diagnostics` (and `output` must not be used).
// `progress`, when set, is called from worker threads as pages finish.
bool BuildSite(const Site& site, const Theme& theme, OutputTree* output, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress = nullptr);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_SITE_BUILDER_H_
