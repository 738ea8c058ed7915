// The feedback form's answers and their validation (checklist F1-F4, F6-F10),
// free of HTTP and templates.
#ifndef LANTERN_SERVER_FEEDBACK_FORM_H_
#define LANTERN_SERVER_FEEDBACK_FORM_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "feedback/store.h"

namespace lantern {

// The largest form body a browser can send for answers within the limits:
// every character of every field four UTF-8 bytes, each percent-encoded
// (12 bytes), plus the field names. Bodies up to this size are always read,
// so a resident's text is shown back with an error rather than refused for
// its script; anything larger is refused with 413 before it is read.
inline constexpr size_t kMaxFieldCharsInAll = kMaxMessageChars + kMaxNameChars + kMaxEmailChars +
                                             kMaxCaseReferenceChars + kMaxRecordIdChars +
                                             128 /* token */ + 200 /* honeypot */ + 64 /* the rest */;
inline constexpr size_t kMaxFormBodyBytes = 12 * kMaxFieldCharsInAll + 1024;

// The field names the form sends; anything else is refused (F1).
const std::set<std::string>& FeedbackFieldNames();
// question, feedback, objection, review, in the order the form shows them.
const std::vector<std::string>& RequestTypes();

struct FeedbackAnswers {
  std::string request_type, message, case_reference, name, email, tool, token, website;
  std::string language;  // the form's language (a hidden field); checked against the site's by the app
  bool reply = false;
  bool confirm = false;  // sent from the check-answers page: store it
  std::string change;    // a "Change" button on the check-answers page: show the form again
  // The check-answers page's language switch: the same page again in this
  // language, with the answers kept (the site's languages only; others are ignored).
  std::string switch_language;
  static FeedbackAnswers FromFields(const std::map<std::string, std::string>& fields);
};

struct FieldError {
  std::string field_id;    // the element the summary links to
  std::string string_key;  // the theme string with the message
  // Values for the string's named placeholders: {minutes} becomes the value of "minutes".
  std::map<std::string, std::string> values = {};
};

// The errors in `answers`, in the order of the fields on the page; empty when
// the answers may be stored. Email is required when a reply is wanted and for
// objections and review requests.
std::vector<FieldError> ValidateAnswers(const FeedbackAnswers& answers);

// F4: one '@', local part at most 63 characters, total at most 254, no quotes,
// backticks, spaces or control characters, a dot-free domain is allowed
// (nothing stricter).
bool IsPlausibleEmail(const std::string& email);
// How many web addresses the text holds (http://, https://, www.).
int CountLinks(const std::string& text);
// True when `id` could name a record (1-200 letters, digits, '.', '_' or '-'),
// so that an id from a form may be stored to name a record that has gone.
bool IsRecordIdShape(const std::string& id);

}  // namespace lantern

#endif  // LANTERN_SERVER_FEEDBACK_FORM_H_
