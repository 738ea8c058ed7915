#include "base/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "base/utf8.h"

namespace lantern {

void Diagnostics::Error(const std::string& path, SourceLocation at, std::string code,
                        std::string message) {
  Add({path, at, Severity::kError, std::move(code), std::move(message)});
}

void Diagnostics::Warning(const std::string& path, SourceLocation at, std::string code,
                          std::string message) {
  Add({path, at, Severity::kWarning, std::move(code), std::move(message)});
}

void Diagnostics::Add(Diagnostic diagnostic) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::AddAll(const Diagnostics& other) {
  if (&other == this) return;
  std::scoped_lock lock(mutex_, other.mutex_);
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  for (const auto& [path, text] : other.sources_) sources_.emplace(path, text);
  unread_sources_.insert(other.unread_sources_.begin(), other.unread_sources_.end());
}

std::vector<Diagnostic> Diagnostics::Items() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return items_;
}

void Diagnostics::AddItems(const std::vector<Diagnostic>& items) {
  if (items.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  items_.insert(items_.end(), items.begin(), items.end());
}

void Diagnostics::RememberSource(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  sources_[path] = std::move(text);
}

void Diagnostics::RememberSourceLater(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  unread_sources_.insert(path);
}

void Diagnostics::SetSourceReader(SourceReader reader) {
  std::lock_guard<std::mutex> lock(mutex_);
  reader_ = std::move(reader);
}

void Diagnostics::ReadNamedSources() {
  std::set<std::string> paths;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!reader_) return;
    for (const Diagnostic& d : items_) {
      if (d.location.line > 0 && unread_sources_.count(d.path) && !sources_.count(d.path)) paths.insert(d.path);
    }
  }
  for (const std::string& path : paths) Source(path);
}

void Diagnostics::KeepSourceLines(const std::string& path, const std::vector<int>& more_lines) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sources_.find(path);
  if (it == sources_.end()) return;
  std::vector<int> lines = more_lines;
  for (const Diagnostic& d : items_) {
    if (d.path == path && d.location.line > 0) lines.push_back(d.location.line);
  }
  std::sort(lines.begin(), lines.end());
  const std::string& text = it->second;
  std::string kept;
  size_t start = 0;
  int line = 1;
  for (const int wanted : lines) {
    if (wanted < line) continue;  // a repeat
    for (; line < wanted && start <= text.size(); ++line) {
      const size_t end = text.find('\n', start);
      start = end == std::string::npos ? text.size() + 1 : end + 1;
      kept += '\n';
    }
    if (start > text.size()) break;
    const size_t end = text.find('\n', start);
    kept.append(text, start, (end == std::string::npos ? text.size() : end) - start);
    kept += '\n';
    start = end == std::string::npos ? text.size() + 1 : end + 1;
    ++line;
  }
  it->second = std::move(kept);
}

void Diagnostics::PromoteWarningsToErrors() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Diagnostic& d : items_) d.severity = Severity::kError;
}

std::string Diagnostics::Source(const std::string& path) {
  SourceReader reader;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sources_.find(path);
    if (it != sources_.end()) return it->second;
    if (!reader_ || !unread_sources_.count(path)) return std::string();
    reader = reader_;
  }
  // Read without the lock: other threads go on adding diagnostics meanwhile.
  std::optional<std::string> text = reader(path);
  std::lock_guard<std::mutex> lock(mutex_);
  unread_sources_.erase(path);
  if (!text) return std::string();
  return sources_.emplace(path, std::move(*text)).first->second;
}

int Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sorted = items_;
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.location.line, a.location.column, a.message) <
           std::tie(b.path, b.location.line, b.location.column, b.message);
  });
  return sorted;
}

std::string Diagnostics::Format() const { return FormatWithin(""); }

std::string Diagnostics::FormatWithin(const std::string& site_root) const {
  std::map<std::string, std::string> sources;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sources = sources_;
  }
  // Paths are JoinPath(site_root, …): the root and one '/' come off. A root of
  // "" or "." adds nothing to paths.
  std::string prefix = site_root == "." ? "" : site_root;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  auto strip = [&prefix](std::string text) {
    if (prefix.empty()) return text;
    // Only where a path starts, so "site/" does not cut into "other-site/".
    for (size_t at = 0; (at = text.find(prefix, at)) != std::string::npos;) {
      if (at == 0 || std::string_view(" \"'(").find(text[at - 1]) != std::string_view::npos) {
        text.erase(at, prefix.size());
      } else {
        at += prefix.size();
      }
    }
    return text;
  };
  std::string out;
  for (Diagnostic d : Sorted()) {
    auto it = sources.find(d.path);
    const std::string source = it == sources.end() ? std::string() : it->second;
    if (d.path.compare(0, prefix.size(), prefix) == 0) d.path.erase(0, prefix.size());
    d.message = strip(std::move(d.message));
    out += FormatDiagnostic(d, source);
  }
  return out;
}

namespace {

// Returns line `line_number` (1-based) of `text` without its line ending.
std::string_view LineOf(const std::string& text, int line_number) {
  size_t start = 0;
  for (int line = 1; line < line_number; ++line) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(start, end - start);
}

// The 1-based character column of 1-based byte column `column` in `line`;
// invalid bytes count as one character each, as they are printed.
int DisplayColumnIn(std::string_view line, int column) {
  const size_t byte_offset = std::min(line.size(), static_cast<size_t>(std::max(column, 1) - 1));
  return static_cast<int>(CountCodePoints(ReplaceInvalidUtf8(line.substr(0, byte_offset)))) + 1;
}

}  // namespace

SourceLocation LocationOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  const size_t column_base = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  return {line, static_cast<int>(offset - column_base) + 1};
}

int Diagnostics::DisplayColumn(const Diagnostic& d) const {
  if (d.location.line <= 0) return 0;
  std::string source;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sources_.find(d.path);
    if (it != sources_.end()) source = it->second;
  }
  return DisplayColumnIn(LineOf(source, d.location.line), d.location.column);
}

std::string FormatDiagnostic(const Diagnostic& d, const std::string& source) {
  const char* severity = d.severity == Severity::kError ? "error" : "warning";
  std::string out = d.path;
  std::string_view line;
  int display_column = 0;
  if (d.location.line > 0) {
    line = LineOf(source, d.location.line);
    display_column = DisplayColumnIn(line, d.location.column);
    out += ":" + std::to_string(d.location.line) + ":" + std::to_string(display_column);
  }
  out += std::string(": ") + severity + ": " + d.message + "\n";
  if (d.location.line > 0 && !line.empty()) {
    // Tabs become single spaces so the caret stays under the right character.
    std::string shown = ReplaceInvalidUtf8(line);
    std::replace(shown.begin(), shown.end(), '\t', ' ');
    out += shown + "\n" + std::string(static_cast<size_t>(display_column - 1), ' ') + "^\n";
  }
  return out;
}

}  // namespace lantern
