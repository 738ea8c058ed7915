#include "load/plain_language.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

namespace lantern {
namespace {

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The words of plain text: runs of letters, digits, apostrophes and inner
// hyphens. Each is a view into `text` (a word is a run of it).
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0, length = 0;  // the current word
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    const bool part = std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80 ||
                      ((c == '\'' || c == '-') && length > 0) ||
                      (c == '.' && length > 0 && i + 1 < text.size() && IsAlpha(text[i + 1]));
    if (part) {
      if (length == 0) start = i;
      ++length;
    } else if (length > 0) {
      std::string_view current = text.substr(start, length);
      while (!current.empty() && (current.back() == '\'' || current.back() == '-' || current.back() == '.')) {
        current.remove_suffix(1);
      }
      if (!current.empty()) words.push_back(current);
      length = 0;
    }
  }
  return words;
}

// Markdown syntax that is not read aloud: link targets, emphasis marks,
// heading and list markers. Keeps byte positions so offsets still map back.
std::string Readable(std::string_view markdown) {
  std::string out(markdown);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ']' && i + 1 < out.size() && out[i + 1] == '(') {
      const size_t close = out.find(')', i);
      const size_t end = close == std::string::npos ? out.size() : close + 1;
      std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(end), ' ');
      i = end - 1;
    } else if (out[i] == '[' || out[i] == '*' || out[i] == '_' || out[i] == '`' || out[i] == '#' || out[i] == '>') {
      out[i] = ' ';
    } else if (out.compare(i, 8, "https://") == 0 || out.compare(i, 7, "http://") == 0) {
      while (i < out.size() && !IsSpace(out[i])) out[i++] = ' ';
    }
  }
  return out;
}

const std::set<std::string>& Abbreviations() {
  static const std::set<std::string> kAbbreviations = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "vs",
                                                       "st", "approx", "incl"};
  return kAbbreviations;
}

bool EndsWithAbbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && (IsAlpha(text[start - 1]) || text[start - 1] == '.')) --start;
  return Abbreviations().count(Lower(text.substr(start, dot - start))) > 0;
}

// True when the line starting at `at` opens a new block: a list item, a
// heading or a blank line.
bool StartsBlock(std::string_view text, size_t at) {
  size_t i = at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] == '\n') return true;
  if (text[i] == '#') return true;
  if ((text[i] == '-' || text[i] == '*' || text[i] == '+') && i + 1 < text.size() && text[i + 1] == ' ') return true;
  size_t digits = i;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) ++digits;
  return digits > i && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
         text[digits + 1] == ' ';
}

const std::set<std::string>& IrregularParticiples() {
  static const std::set<std::string> kWords = {
      "made", "done", "given", "taken", "seen", "known", "shown", "sent", "kept", "held", "told", "found",
      "built", "written", "paid", "set", "put", "read", "run", "brought", "bought", "chosen", "drawn", "driven",
      "left", "lost", "meant", "met", "sold", "spent", "thought", "understood", "won", "shared", "stored", "cut"};
  return kWords;
}

// "is checked", "are not shared", "was quickly made", "been given".
bool IsPassive(const std::vector<std::string_view>& words) {
  static const std::set<std::string> kBe = {"is", "are", "was", "were", "be", "been", "being", "am"};
  static const std::set<std::string> kNotParticiple = {"need", "used", "based", "interested", "concerned",
                                                      "worried", "allowed", "supposed", "tired", "red", "bed"};
  for (size_t i = 0; i < words.size(); ++i) {
    if (kBe.count(Lower(words[i])) == 0) continue;
    for (size_t j = i + 1; j < words.size() && j <= i + 2; ++j) {
      const std::string w = Lower(words[j]);
      if (kNotParticiple.count(w)) break;
      const bool participle = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || IrregularParticiples().count(w);
      if (participle) return true;
      if (w != "not" && w.size() < 3) break;
      if (w != "not" && (w.size() < 2 || w.compare(w.size() - 2, 2, "ly") != 0)) break;
    }
  }
  return false;
}

struct Jargon {
  const char* words;  // the word as it appears, lower case; a phrase may have spaces
  const char* plainer;
};

// From GOV.UK's "words to avoid" and the Plain English Campaign's A to Z.
// "algorithm" stays in proper names (the "Algorithmic Transparency Recording
// Standard"): only the lower-case noun is listed.
const std::vector<Jargon>& JargonList() {
  static const std::vector<Jargon> kList = {
      {"utilise", "use"}, {"utilises", "uses"}, {"utilised", "used"}, {"utilising", "using"},
      {"utilize", "use"}, {"utilization", "use"}, {"utilisation", "use"},
      {"facilitate", "help"}, {"facilitates", "helps"}, {"leverage", "use"}, {"leverages", "uses"},
      {"algorithm", "\"computer tool\" or \"set of rules\""}, {"algorithms", "computer tools"},
      {"commence", "start"}, {"commences", "starts"}, {"prior to", "before"}, {"in order to", "to"},
      {"subsequently", "later"}, {"approximately", "about"}, {"in respect of", "about"},
      {"with regard to", "about"}, {"in relation to", "about"}, {"endeavour", "try"}, {"terminate", "end"},
      {"individuals", "people"}, {"stakeholders", "the people involved"}, {"methodology", "method"},
      {"functionality", "features"}, {"optimise", "improve"}, {"streamline", "simplify"},
      {"robust", "strong (or say how it was tested)"}, {"deploy", "use (or start using)"},
      {"deployed", "used (or started using)"}, {"deployment", "use"}, {"empower", "let (or help)"},
      {"key", "important (or leave it out)"}, {"going forward", "from now on (or leave it out)"},
      {"whilst", "while"}, {"amongst", "among"}, {"commencement", "start"}, {"sufficient", "enough"},
      {"ascertain", "find out"}, {"data subject", "person"}, {"data subjects", "people"},
      {"automated decision-making", "decisions made by a computer"}, {"pursuant to", "under"},
      {"heretofore", "until now"}, {"aforementioned", "this (or name it)"}, {"in the event that", "if"},
      {"tackle", "deal with (or say what you will do)"}, {"holistic", "whole"}, {"granular", "detailed"},
  };
  return kList;
}

// Finds `phrase` as whole words in lower-cased `text`, or npos.
size_t FindWholeWords(const std::string& text, std::string_view phrase, size_t from = 0) {
  for (size_t at = text.find(phrase, from); at != std::string::npos; at = text.find(phrase, at + 1)) {
    const bool starts = at == 0 || !(IsAlpha(text[at - 1]) || text[at - 1] == '-');
    const size_t end = at + phrase.size();
    const bool ends = end >= text.size() || !(IsAlpha(text[end]) || text[end] == '-');
    if (starts && ends) return at;
  }
  return std::string::npos;
}

// Where the value's text begins in the file, and how its lines map to the
// file's lines.
// The file is split into lines only when a warning needs a position: most
// fields have none, and every field of a record would split the file again.
class Placer {
 public:
  Placer(const std::string& source, const Value& value) : source_(source), value_(value) {
    const int line = value.location().line;
    size_t start = 0;
    for (int n = 1; n < line && start != std::string_view::npos; ++n) {
      start = source_.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (line >= 1 && start != std::string_view::npos) {
      const std::string_view at_line = source_.substr(start, source_.find('\n', start) - start);
      const size_t column = static_cast<size_t>(std::max(value.location().column, 1) - 1);
      literal_block_ = column < at_line.size() && at_line[column] == '|';
      block_ = literal_block_ || (column < at_line.size() && at_line[column] == '>');
    }
  }

  // The file position of the text at `offset` in the value.
  SourceLocation At(size_t offset) const {
    Split();
    const std::string& text = value_.text();
    const SourceLocation start = value_.location();
    if (start.line <= 0) return start;
    const int newlines = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const size_t in_line = offset == 0 || line_start == std::string::npos ? offset : offset - line_start - 1;
    const std::string snippet = text.substr(offset, std::min<size_t>(12, text.find('\n', offset) - offset));
    if (literal_block_) {
      // A literal block keeps every line: the text's line k is the file's
      // line after the key plus k.
      const int line = start.line + 1 + newlines;
      return {line, ColumnIn(line, snippet, static_cast<int>(in_line) + Indent(line) + 1)};
    }
    // Folded and plain text: look for the sentence's opening words from the
    // value's first line on.
    const int first = block_ ? start.line + 1 : start.line;
    // Folding joins lines, so a snippet may span two of them: then try the
    // first word alone.
    const std::string first_word = snippet.substr(0, snippet.find_first_of(" \t"));
    for (const std::string& needle : {snippet, first_word}) {
      for (int line = first; line <= static_cast<int>(lines_.size()) && !needle.empty(); ++line) {
        const size_t found = lines_[static_cast<size_t>(line - 1)].find(needle);
        if (found != std::string_view::npos) return {line, static_cast<int>(found) + 1};
      }
    }
    return start;
  }

 private:
  int Indent(int line) const {
    if (line < 1 || line > static_cast<int>(lines_.size())) return 0;
    const std::string_view text = lines_[static_cast<size_t>(line - 1)];
    return static_cast<int>(text.find_first_not_of(' ') == std::string_view::npos ? 0 : text.find_first_not_of(' '));
  }
  int ColumnIn(int line, const std::string& snippet, int fallback) const {
    if (line < 1 || line > static_cast<int>(lines_.size()) || snippet.empty()) return fallback;
    const size_t found = lines_[static_cast<size_t>(line - 1)].find(snippet);
    return found == std::string_view::npos ? fallback : static_cast<int>(found) + 1;
  }

  void Split() const {
    if (split_) return;
    split_ = true;
    for (size_t start = 0; start <= source_.size();) {
      size_t end = source_.find('\n', start);
      if (end == std::string_view::npos) end = source_.size();
      lines_.emplace_back(source_.substr(start, end - start));
      if (end == source_.size()) break;
      start = end + 1;
    }
  }

  std::string_view source_;
  const Value& value_;
  mutable bool split_ = false;
  mutable std::vector<std::string_view> lines_;
  bool block_ = false;
  bool literal_block_ = false;
};

std::string Opening(const std::string& sentence, int words) {
  std::string out;
  int count = 0;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (IsSpace(sentence[i])) {
      if (!out.empty() && out.back() != ' ') {
        if (++count == words) return out + "…";
        out += ' ';
      }
    } else {
      out += sentence[i];
    }
  }
  return out;
}

std::string OneDecimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

int CountSyllables(std::string_view word) {
  std::string w = Lower(word);
  w.erase(std::remove_if(w.begin(), w.end(), [](char c) { return !IsAlpha(c); }), w.end());
  if (w.empty()) return 1;  // numbers and symbols read as one beat
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  int count = 0;
  bool previous = false;
  for (char c : w) {
    const bool v = vowel(c);
    if (v && !previous) ++count;
    previous = v;
  }
  // A final silent e ("make"), but not "-le" ("table") or "-ee" ("free").
  if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2]) && !(w[w.size() - 2] == 'l')) --count;
  // "-ed" is silent unless after t or d ("checked" one, "needed" two).
  if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0 && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd' &&
      !vowel(w[w.size() - 3])) {
    --count;
  }
  return std::max(count, 1);
}

std::vector<Sentence> SplitSentences(std::string_view markdown) {
  // Markdown syntax is blanked in `text`; block structure is read from the
  // original, at the same byte positions.
  const std::string text = Readable(markdown);
  std::vector<Sentence> sentences;
  size_t start = 0;
  auto finish = [&](size_t end) {
    while (start < end && IsSpace(text[start])) ++start;
    if (start >= end) return;
    Sentence s;
    s.offset = start;
    s.text = text.substr(start, end - start);
    const std::vector<std::string_view> words = Words(s.text);
    s.words = static_cast<int>(words.size());
    for (std::string_view w : words) s.syllables += CountSyllables(w);
    s.passive = IsPassive(words);
    if (s.words > 0) sentences.push_back(std::move(s));
  };
  auto is_heading = [&](size_t line_start) {
    size_t i = line_start;
    while (i < markdown.size() && markdown[i] == ' ') ++i;
    return i < markdown.size() && markdown[i] == '#';
  };
  bool in_heading = is_heading(0);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' && (in_heading || StartsBlock(markdown, i + 1))) {
      finish(i);
      start = i + 1;
      in_heading = is_heading(start);
      // Skip the list marker so the sentence starts at a word.
      while (start < text.size() && (text[start] == ' ' || text[start] == '-' || text[start] == '+')) ++start;
      i = start - 1;
    } else if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || IsSpace(text[i + 1]))) {
      if (c == '.' && EndsWithAbbreviation(text, i)) continue;
      finish(i + 1);
      start = i + 1;
    }
  }
  finish(text.size());
  return sentences;
}

double ReadingAge(const std::vector<Sentence>& sentences) {
  int words = 0, syllables = 0;
  for (const Sentence& s : sentences) {
    words += s.words;
    syllables += s.syllables;
  }
  if (words == 0 || sentences.empty()) return 0;
  const double grade = 0.39 * words / static_cast<double>(sentences.size()) + 11.8 * syllables / words - 15.59;
  return grade + 5;
}

void CheckPlainLanguage(const std::string& path, const std::string& source, const std::string& field,
                        const Value& value, Diagnostics* diagnostics) {
  if (!value.is_text() || value.text().empty()) return;
  const std::vector<Sentence> sentences = SplitSentences(value.text());
  if (sentences.empty()) return;
  const Placer placer(source, value);

  int words = 0, passive = 0;
  const Sentence* first_passive = nullptr;
  for (const Sentence& s : sentences) {
    words += s.words;
    if (s.passive) {
      ++passive;
      if (first_passive == nullptr) first_passive = &s;
    }
    if (s.words > kMaxSentenceWords) {
      diagnostics->Warning(path, placer.At(s.offset), "L062",
                           field + ": this sentence has " + std::to_string(s.words) + " words (\"" +
                               Opening(s.text, 6) + "\"); split it so each sentence has at most " +
                               std::to_string(kMaxSentenceWords) + " words and one idea");
    }
  }
  const double age = ReadingAge(sentences);
  if (words >= kMinWordsForReadingAge && age > kMaxReadingAge) {
    diagnostics->Warning(path, placer.At(sentences.front().offset), "L061",
                         field + " needs a reading age of about " + OneDecimal(age) +
                             " (Flesch-Kincaid grade + 5; GOV.UK aims for 9, Lantern warns above " +
                             OneDecimal(kMaxReadingAge) + "); use shorter sentences and everyday words");
  }
  if (passive >= 2 && passive * 3 > static_cast<int>(sentences.size())) {
    diagnostics->Warning(path, placer.At(first_passive->offset), "L063",
                         field + ": " + std::to_string(passive) + " of " + std::to_string(sentences.size()) +
                             " sentences are passive, starting with \"" + Opening(first_passive->text, 6) +
                             "\"; say who does what, e.g. \"we check\" rather than \"it is checked\"");
  }
  const std::string lower = Lower(value.text());
  std::set<std::string> reported;
  for (const Jargon& j : JargonList()) {
    const size_t at = FindWholeWords(lower, j.words);
    if (at == std::string::npos) continue;
    // "algorithm" inside a link target or a name in capitals is left alone.
    if (value.text().compare(at, 1, std::string(1, static_cast<char>(std::toupper(j.words[0])))) == 0 &&
        std::string_view(j.words) == "algorithm") {
      continue;
    }
    if (!reported.insert(j.words).second) continue;
    diagnostics->Warning(path, placer.At(at), "L064",
                         field + ": \"" + value.text().substr(at, std::string_view(j.words).size()) +
                             "\" is jargon for many readers; write " +
                             (std::string_view(j.plainer).find('"') == std::string_view::npos
                                  ? "\"" + std::string(j.plainer) + "\""
                                  : std::string(j.plainer)) +
                             " instead");
  }
}

void CheckRecordPlainLanguage(const std::string& path, const std::string& source, const Value& record,
                              Diagnostics* diagnostics) {
  for (const char* section : {"summary", "resident_guidance"}) {
    const Value* block = record.Find(section);
    if (block == nullptr || !block->is_map()) continue;
    for (const Value::Member& member : block->members()) {
      if (member.key == "website_url" || member.key == "contact_email") continue;
      CheckPlainLanguage(path, source, std::string(section) + "." + member.key, member.value, diagnostics);
    }
  }
}

}  // namespace lantern
