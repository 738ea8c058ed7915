// Plain-language checks on the text residents read first: a record's Tier 1
// summary and its resident_guidance. All are warnings that say what to do.
//
//   L061 reading age: Flesch-Kincaid grade level + 5, where
//        grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59.
//        GOV.UK writes for a reading age of 9; formulas are rough on short
//        texts and names ("UK General Data Protection Regulation") inflate
//        them, so Lantern warns when a field of 30 words or more scores above
//        kMaxReadingAge (12: a year 7 reader, the end of primary school).
//   L062 a sentence over kMaxSentenceWords (25) words.
//   L063 passive-heavy text: at least 2 passive sentences and over a third of
//        the field's sentences ("is checked by", "were made").
//   L064 a word from the jargon list, with a plainer word to use instead.
#ifndef LANTERN_LOAD_PLAIN_LANGUAGE_H_
#define LANTERN_LOAD_PLAIN_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/value.h"

namespace lantern {

inline constexpr double kMaxReadingAge = 12.0;
inline constexpr int kMaxSentenceWords = 25;
inline constexpr int kMinWordsForReadingAge = 30;

// A sentence found in a field's text; `offset` is where it starts in the text.
struct Sentence {
  size_t offset = 0;
  std::string text;  // Markdown syntax removed
  int words = 0;
  int syllables = 0;
  bool passive = false;
};

// Splits Markdown text into sentences: at . ! ? followed by a space or the
// end (not after e.g., i.e., etc.), at blank lines, list items and headings.
std::vector<Sentence> SplitSentences(std::string_view markdown);

int CountSyllables(std::string_view word);

// Flesch-Kincaid grade + 5 over the sentences, or 0 when there are no words.
double ReadingAge(const std::vector<Sentence>& sentences);

// Checks one text field. `source` is the whole file, used to place each
// warning on the line of its sentence (inside '|' blocks the text starts on
// the line after the key). `field` names it in messages.
void CheckPlainLanguage(const std::string& path, const std::string& source, const std::string& field,
                        const Value& value, Diagnostics* diagnostics);

// Runs CheckPlainLanguage on every resident-facing field of a record.
void CheckRecordPlainLanguage(const std::string& path, const std::string& source, const Value& record,
                              Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_PLAIN_LANGUAGE_H_
