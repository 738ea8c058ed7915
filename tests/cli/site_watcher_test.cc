// The preview's watcher: an edit, a new folder's file and a removal are each
// reported once; dot files and public/ are not part of the fingerprint; a
// stop request ends the wait. No test depends on the machine's speed: each
// waits for the watcher's answer, with a generous stop as the only timeout.
#include "cli/site_watcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

// Runs `edit`, then waits for the watcher; stops it after 30 s so that a
// missed change fails the test instead of hanging it.
bool ReportsAfter(SiteWatcher& watcher, const std::function<void()>& edit) {
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::thread guard([&] {
    std::unique_lock<std::mutex> lock(mutex);
    if (!finished.wait_for(lock, std::chrono::seconds(30), [&] { return done; })) stopping = true;
  });
  edit();
  const bool changed = watcher.WaitForChange(stopping);
  {
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
  }
  finished.notify_one();
  guard.join();
  return changed;
}

TEST(SiteWatcherTest, ReportsAnEditANewFoldersFileAndARemoval) {
  testing::TempDir temp;
  const std::string site = temp.path();
  testing::WriteFile(site + "/site.yaml", "title: A\n");
  testing::WriteFile(site + "/records/a.yaml", "name: A\n");
  SiteWatcher watcher(site);
  EXPECT_TRUE(ReportsAfter(watcher, [&] {
    // As an editor that saves atomically: a dot file renamed over the record.
    testing::WriteFile(site + "/records/.a.yaml.swp", "name: B\n");
    fs::rename(site + "/records/.a.yaml.swp", site + "/records/a.yaml");
  }));
  EXPECT_TRUE(ReportsAfter(watcher, [&] { testing::WriteFile(site + "/records/deep/b.yaml", "name: C\n"); }));
  EXPECT_TRUE(ReportsAfter(watcher, [&] { testing::WriteFile(site + "/records/deep/b.yaml", "name: D, longer\n"); }));
  EXPECT_TRUE(ReportsAfter(watcher, [&] { fs::remove(site + "/records/a.yaml"); }));
}

TEST(SiteWatcherTest, FingerprintIgnoresDotFilesAndTheOutputFolder) {
  testing::TempDir temp;
  const std::string site = temp.path();
  testing::WriteFile(site + "/records/a.yaml", "name: A\n");
  const std::string before = SiteFingerprint(site);
  EXPECT_NE(std::string::npos, before.find("records/a.yaml"));
  testing::WriteFile(site + "/records/.a.yaml.swp", "x");
  testing::WriteFile(site + "/.git/index", "x");
  testing::WriteFile(site + "/public/index.html", "x");
  EXPECT_EQ(before, SiteFingerprint(site));
  // A folder named public below the top is content.
  testing::WriteFile(site + "/pages/public/x.md", "x");
  EXPECT_NE(before, SiteFingerprint(site));
}

TEST(SiteWatcherTest, AStopRequestEndsTheWait) {
  testing::TempDir temp;
  testing::WriteFile(temp.path() + "/site.yaml", "title: A\n");
  SiteWatcher watcher(temp.path());
  std::atomic<bool> stopping{false};
  std::thread stopper([&] { stopping = true; });
  EXPECT_FALSE(watcher.WaitForChange(stopping));
  stopper.join();
}

}  // namespace
}  // namespace lantern
