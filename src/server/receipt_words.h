// The words of a resident's receipt (notify/messages.h) from a theme: its
// receipt_* strings and its dates, in the theme's language.
#ifndef LANTERN_SERVER_RECEIPT_WORDS_H_
#define LANTERN_SERVER_RECEIPT_WORDS_H_

#include "assemble/theme.h"
#include "notify/messages.h"

namespace lantern {

// Borrows `theme`, which must outlive the words. A string the theme lacks
// shows as its key in brackets (Theme::String), never as nothing; a date
// that is not YYYY-MM-DD is shown as given.
ReceiptWords ReceiptWordsOf(const Theme& theme);

}  // namespace lantern

#endif  // LANTERN_SERVER_RECEIPT_WORDS_H_
