// Tells the preview when the files a site is built from have changed.
//
// On Linux, inotify wakes the watcher as soon as a file in the site folder is
// written, so an edit is seen at once rather than at the next poll. Wherever
// inotify is missing or runs out of watches, the watcher falls back to polling
// every kPollInterval; a poll also runs on quiet intervals, as a safety net
// for anything the kernel did not report (e.g. a queue overflow). A poll walks
// the whole folder, so polls are spaced to at least kPollCostFactor times the
// last one's cost: at 20,000 records a walk every half second would keep a
// core busy while the resident waits for the preview.
//
// Either way, the decision "changed or not" is made by comparing fingerprints
// (paths, sizes, modification times and inodes; no file's bytes are read), so
// events on files the build ignores (dot files, editors' temporary files that
// are gone again, the top-level public/ folder) trigger no rebuild.
#ifndef LANTERN_CLI_SITE_WATCHER_H_
#define LANTERN_CLI_SITE_WATCHER_H_

#include <atomic>
#include <chrono>
#include <string>

namespace lantern {

// The stat-based summary of every file under `root` the build reads: one line
// per regular file with its path, size, modification time and inode. Skips
// names starting with "." and the top-level "public" folder (the build's
// default output).
std::string SiteFingerprint(const std::string& root);

class SiteWatcher {
 public:
  // How often the folder is compared when nothing was reported (and how
  // quickly WaitForChange notices `stopping`).
  static constexpr std::chrono::milliseconds kPollInterval{500};
  // Editors write a file in several steps: a change counts once the folder has
  // had this long without events (inotify) or two equal fingerprints this far
  // apart (polling).
  static constexpr std::chrono::milliseconds kSettle{50};
  // A folder that never settles is rebuilt anyway after this long.
  static constexpr std::chrono::milliseconds kMaxSettle{1500};
  // A quiet poll waits at least this many times as long as the last poll took
  // (polling then costs at most about 1/kPollCostFactor of a core).
  static constexpr int kPollCostFactor = 20;
  // With inotify in use a poll is only the safety net: at most this often.
  static constexpr std::chrono::milliseconds kSafetyPollInterval{2000};

  // Takes the first fingerprint of `root`. Never fails: without inotify it polls.
  explicit SiteWatcher(std::string root);
  ~SiteWatcher();
  SiteWatcher(const SiteWatcher&) = delete;
  SiteWatcher& operator=(const SiteWatcher&) = delete;

  // Blocks until the fingerprint differs from the last one returned (or taken
  // at construction) and the folder has settled: returns true. Returns false
  // once `stopping` is set (checked at least every kPollInterval).
  bool WaitForChange(const std::atomic<bool>& stopping);

  // Whether inotify is in use (false: polling only). For tests and messages.
  bool notified() const { return inotify_fd_ >= 0; }

 private:
  // Adds a watch on every folder under root_ (again after a folder appears).
  void WatchTree();
  // Waits up to `timeout` for events and reads them all; true if any arrived.
  // Sets rescan_ when one was about a folder (so WatchTree runs again).
  bool ReadEvents(std::chrono::milliseconds timeout);

  // Takes a fingerprint and remembers how long it took (poll_cost_).
  std::string TimedFingerprint();

  std::string root_;
  std::string last_;
  std::chrono::steady_clock::duration poll_cost_{};
  std::chrono::steady_clock::time_point last_poll_{};
  int inotify_fd_ = -1;
  bool rescan_ = false;
};

}  // namespace lantern

#endif  // LANTERN_CLI_SITE_WATCHER_H_
