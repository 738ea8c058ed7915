// The decision-notice kit of a record: what a council tells a resident at the
// point of a decision. Four files per record, in each language's edition:
//   records/<id>/notice/index.html  the page a letter's QR code and short
//                                   address open: the tool in plain words, how
//                                   to ask for a person to review a decision,
//                                   and for staff the copy-ready text, HTML,
//                                   the short address and the QR code;
//   records/<id>/notice/card.html   the card for the council's service pages
//                                   (an HTML snippet with its style in its
//                                   attributes, no script);
//   records/<id>/notice/qr.svg      the QR code of the short address;
//   r/<code>/index.html             the short address: a static redirect to
//                                   the notice page that works without
//                                   JavaScript (a refresh and a link).
#ifndef LANTERN_ASSEMBLE_NOTICE_KIT_H_
#define LANTERN_ASSEMBLE_NOTICE_KIT_H_

#include <string>
#include <vector>

#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "model/site.h"
#include "render/template.h"

namespace lantern {

struct OutputFile {
  std::string path;   // below the edition's root, as the addresses give it
  std::string bytes;
};

// Renders the kit of `record` with `templates` (the caller's own) into
// `files`, page first. Returns false, with the template's or the encoder's
// errors in `diagnostics`, when a file could not be made; `files` then holds
// those that could.
bool RenderNoticeKit(const Site& site, const SiteIndex& index, const Theme& theme, TemplateSet* templates,
                     const Record& record, Diagnostics* diagnostics, std::vector<OutputFile>* files);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_NOTICE_KIT_H_
