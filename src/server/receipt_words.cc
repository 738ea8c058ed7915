#include "server/receipt_words.h"

#include <optional>
#include <string>

#include "model/date.h"

namespace lantern {

ReceiptWords ReceiptWordsOf(const Theme& theme) {
  ReceiptWords words;
  words.text = [&theme](const std::string& key, const std::map<std::string, std::string>& values) {
    return theme.Sentence(key, values);
  };
  words.date = [&theme](std::string_view iso_date) {
    const std::optional<Date> date = Date::Parse(std::string(iso_date));
    return date ? theme.DisplayDateWithWeekday(*date) : std::string(iso_date);
  };
  return words;
}

}  // namespace lantern
