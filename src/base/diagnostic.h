// Problems in content and themes, collected rather than thrown so that one run
// of `lantern check` reports all of them, and the one formatter that prints
//   path:line:col: error: message
//   <the source line>
//   <spaces>^
#ifndef LANTERN_BASE_DIAGNOSTIC_H_
#define LANTERN_BASE_DIAGNOSTIC_H_

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lantern {

enum class Severity { kWarning, kError };

// A position in a source file. Lines are 1-based; `column` is the 1-based byte
// offset in the line (0 when only the file is known). The formatter turns the
// byte offset into a character column for display.
struct SourceLocation {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string path;
  SourceLocation location;
  Severity severity = Severity::kError;
  std::string code;     // stable identifier such as "L012", for filtering and docs
  std::string message;  // one sentence, lower-case start, says what and why
};

// Collects diagnostics from any number of threads, with the text of each source
// file so that the formatter can show the offending line.
class Diagnostics {
 public:
  void Error(const std::string& path, SourceLocation at, std::string code, std::string message);
  void Warning(const std::string& path, SourceLocation at, std::string code, std::string message);
  void Add(Diagnostic diagnostic);
  void AddAll(const Diagnostics& other);
  // Every diagnostic in the order added, without the sources; and adding such
  // a list back (the preview replays a file's diagnostics from its cache).
  std::vector<Diagnostic> Items() const;
  void AddItems(const std::vector<Diagnostic>& items);

  // Remembers a file's text for source lines. The path must match the one the
  // diagnostics name.
  void RememberSource(const std::string& path, std::string text);
  // A file whose text was not read (the preview knew it unchanged). Its text
  // is read only if something needs it: Source (a broken link is positioned
  // from its line) or ReadNamedSources (before formatting), through the
  // reader given to SetSourceReader. The output is then the same as if the
  // file had been read.
  void RememberSourceLater(const std::string& path);
  // How to read those files: set by whoever owns the file system for as long
  // as it lives, and cleared (nullptr) before it goes. Returns nullopt for a
  // file that cannot be read (gone since): it then shows no source line.
  using SourceReader = std::function<std::optional<std::string>(const std::string& path)>;
  void SetSourceReader(SourceReader reader);
  // Reads, with the reader, each unread file a diagnostic names a line of,
  // so that Format shows its lines after the reader is gone.
  void ReadNamedSources();
  // Keeps of `path`'s remembered text only the lines of the diagnostics about
  // it so far and `more_lines` (1-based; other lines become empty, lines after
  // the last kept one are dropped), so that a streamed build need not hold
  // every file it has read. Source lines and columns shown stay the same for
  // those lines; a later diagnostic on another line shows no source line.
  void KeepSourceLines(const std::string& path, const std::vector<int>& more_lines);

  // For --strict: every warning becomes an error.
  void PromoteWarningsToErrors();
  // The 1-based character (not byte) column shown for `diagnostic`, or 0 when
  // only the file is known.
  int DisplayColumn(const Diagnostic& diagnostic) const;

  // The text remembered for `path` (read now if it was left unread and a
  // reader is set), or "".
  std::string Source(const std::string& path);

  int error_count() const;
  int warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // The diagnostics sorted by path, line, column, then message: the order does
  // not depend on which thread found what.
  std::vector<Diagnostic> Sorted() const;

  // Every diagnostic in the one printed format, each followed by its source line
  // and caret when the location and source are known.
  std::string Format() const;
  // The same with paths inside the site: `site_root` and its '/' are taken off
  // the start of each path and out of each message ("/home/a/site/records/x.yaml"
  // becomes "records/x.yaml"). For the preview's error banner, which a browser
  // shows and which should not tell where the site lives on the disk.
  std::string FormatWithin(const std::string& site_root) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  std::map<std::string, std::string> sources_;
  std::set<std::string> unread_sources_;
  SourceReader reader_;
};

// Converts a byte offset in `text` into a 1-based line and byte column.
SourceLocation LocationOfOffset(std::string_view text, size_t offset);

// Formats one diagnostic; `source` is the whole file text, or empty.
std::string FormatDiagnostic(const Diagnostic& diagnostic, const std::string& source);

}  // namespace lantern

#endif  // LANTERN_BASE_DIAGNOSTIC_H_
