// /favicon.ico: browsers ask for it on their own, on every site, whatever the
// pages link to, so a site without one logs a 404 for every first visit.
#ifndef LANTERN_PUBLISH_FAVICON_H_
#define LANTERN_PUBLISH_FAVICON_H_

#include <string>

namespace lantern {

// The default theme's icon as a Windows icon file: the 16-pixel drawing of
// themes/default/static/favicon.svg, at 16 and at 32 pixels (each pixel
// doubled), 32-bit colour with alpha. The same bytes every time.
std::string DefaultFaviconIco();

}  // namespace lantern

#endif  // LANTERN_PUBLISH_FAVICON_H_
