#include "testing/example_site.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "testing/test_support.h"

namespace lantern::testing {

const BuiltSite& ExampleSite() {
  static const BuiltSite built = [] {
    BuiltSite b;
    DiskFileSystem disk;
    Diagnostics d;
    const std::string root = SourceDir() + "/content";
    EXPECT_TRUE(LoadSite(disk, root, {}, &b.site, &d).ok()) << d.Format();
    Theme theme;
    EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, root, b.site.config.language, &theme, &d)) << d.Format();
    EXPECT_TRUE(BuildSite(b.site, theme, &b.output, &d)) << d.Format();
    return b;
  }();
  return built;
}

const Theme& DefaultTheme(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, Theme> themes;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, added] = themes.try_emplace(language);
  if (added) {
    DiskFileSystem disk;
    TempDir site;
    Diagnostics d;
    EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, site.path(), language, &it->second, &d)) << d.Format();
  }
  return it->second;
}

}  // namespace lantern::testing
