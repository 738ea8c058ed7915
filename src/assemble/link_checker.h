// Checks the links inside Markdown (pages, the home introduction and records'
// Markdown fields) against the built site: a link to a page or record that
// does not exist (L076) or to a #anchor that the target page does not have
// (L077) is an error, positioned at the link in its source file.
//
// A link is internal when it starts with '/' (not '//'), with the site's
// base_url, or with '#' (the same page). The built output is the truth: the
// target must be one of its files, and the anchor an id="…" in that file
// (BuiltPages keeps both after the files are written).
#ifndef LANTERN_ASSEMBLE_LINK_CHECKER_H_
#define LANTERN_ASSEMBLE_LINK_CHECKER_H_

#include "assemble/built_pages.h"
#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

void CheckInternalLinks(const Site& site, const BuiltPages& built, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_LINK_CHECKER_H_
