// The example site in content/, loaded and built once per test program and
// shared by the tests that read its output (open data, the notice kit, the
// dashboard), and the default theme. Loading or building either with an
// error fails the calling test.
#ifndef LANTERN_TESTS_TESTING_EXAMPLE_SITE_H_
#define LANTERN_TESTS_TESTING_EXAMPLE_SITE_H_

#include <string>

#include "assemble/output_sink.h"
#include "assemble/theme.h"
#include "model/site.h"

namespace lantern::testing {

struct BuiltSite {
  Site site;
  OutputTree output;  // every file the build wrote, by path below the site root
};

const BuiltSite& ExampleSite();

// The default theme (embedded) for `language`, loaded once per language.
const Theme& DefaultTheme(const std::string& language);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_EXAMPLE_SITE_H_
