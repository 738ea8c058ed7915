// "Did you mean …?" for field names, enumeration values, commands and links.
#ifndef LANTERN_BASE_EDIT_DISTANCE_H_
#define LANTERN_BASE_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace lantern {

// Levenshtein distance with adjacent transpositions counted as one edit.
int EditDistance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word`, or "" when none is close enough to be
// a plausible typo (distance above a third of the word's length, and above 2).
// Ties go to the earliest candidate, so results are deterministic.
std::string NearestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lantern

#endif  // LANTERN_BASE_EDIT_DISTANCE_H_
