#include "cli/site_watcher.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#endif

namespace lantern {
namespace fs = std::filesystem;
namespace {

// What the build never reads: dot files and folders (editors' swap and
// temporary files, .git) and the build's default output folder.
bool Ignored(const fs::recursive_directory_iterator& it) {
  const std::string name = it->path().filename().string();
  return name.rfind(".", 0) == 0 || (it.depth() == 0 && name == "public");
}

}  // namespace

std::string SiteFingerprint(const std::string& root) {
  std::string out;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (Ignored(it)) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    // stat, not lstat: a symbolic link counts as the file it leads to.
    struct stat info;
    if (stat(it->path().c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
    out += it->path().string() + '\t' + std::to_string(info.st_size) + '\t' + std::to_string(info.st_mtim.tv_sec) +
           '.' + std::to_string(info.st_mtim.tv_nsec) + '\t' + std::to_string(info.st_ino) + '\n';
  }
  return out;
}

SiteWatcher::SiteWatcher(std::string root) : root_(std::move(root)) {
#ifdef __linux__
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ >= 0) WatchTree();
#endif
  // After the watches, so that nothing written in between is missed.
  last_ = TimedFingerprint();
}

std::string SiteWatcher::TimedFingerprint() {
  const auto start = std::chrono::steady_clock::now();
  std::string fingerprint = SiteFingerprint(root_);
  last_poll_ = std::chrono::steady_clock::now();
  poll_cost_ = last_poll_ - start;
  return fingerprint;
}

SiteWatcher::~SiteWatcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
}

void SiteWatcher::WatchTree() {
#ifdef __linux__
  constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO |
                             IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
  // A folder watched already keeps its watch; one that cannot be watched (out
  // of watches) is still compared on every poll.
  inotify_add_watch(inotify_fd_, root_.c_str(), kMask);
  std::error_code error;
  fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (!it->is_directory(error) || it->is_symlink(error)) continue;
    if (Ignored(it)) {
      it.disable_recursion_pending();
      continue;
    }
    inotify_add_watch(inotify_fd_, it->path().c_str(), kMask);
  }
#endif
}

bool SiteWatcher::ReadEvents(std::chrono::milliseconds timeout) {
#ifdef __linux__
  pollfd waiting{inotify_fd_, POLLIN, 0};
  if (poll(&waiting, 1, static_cast<int>(timeout.count())) <= 0) return false;
  bool any = false;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: all read
    any = true;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      // A new folder needs its own watch; after an overflow, rescan too.
      if ((event->mask & IN_ISDIR) || (event->mask & IN_Q_OVERFLOW)) rescan_ = true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  return any;
#else
  (void)timeout;
  return false;
#endif
}

bool SiteWatcher::WaitForChange(const std::atomic<bool>& stopping) {
  while (!stopping) {
    bool reported = false;
    if (inotify_fd_ >= 0) {
      reported = ReadEvents(kPollInterval);
    } else {
      std::this_thread::sleep_for(kPollInterval);
    }
    if (stopping) return false;
    const auto give_up = std::chrono::steady_clock::now() + kMaxSettle;
    if (reported) {
      // Settled once kSettle passes without an event.
      while (!stopping && std::chrono::steady_clock::now() < give_up && ReadEvents(kSettle)) {
      }
      if (rescan_) {
        rescan_ = false;
        WatchTree();  // before the fingerprint, so a file written after it is reported
      }
    }
    // A quiet interval polls only once the last poll's cost allows; a
    // reported change always compares at once.
    if (!reported) {
      const std::chrono::steady_clock::duration spacing =
          std::max<std::chrono::steady_clock::duration>(kPollCostFactor * poll_cost_,
                                                        inotify_fd_ >= 0 ? kSafetyPollInterval : kPollInterval);
      if (std::chrono::steady_clock::now() - last_poll_ < spacing) continue;
    }
    std::string now = TimedFingerprint();
    if (now == last_) continue;
    if (!reported) {
      // Seen by polling: settled once two fingerprints kSettle apart agree.
      while (!stopping && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(kSettle);
        std::string again = TimedFingerprint();
        if (again == now) break;
        now = std::move(again);
      }
    }
    last_ = std::move(now);
    return !stopping;
  }
  return false;
}

}  // namespace lantern
