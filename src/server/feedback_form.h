// The feedback form's answers and their validation (checklist F1-F4, F6-F10),
// free of HTTP and templates.
#ifndef LANTERN_SERVER_FEEDBACK_FORM_H_
#define LANTERN_SERVER_FEEDBACK_FORM_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace lantern {

// The field names the form sends; anything else is refused (F1).
const std::set<std::string>& FeedbackFieldNames();
// question, feedback, objection, review, in the order the form shows them.
const std::vector<std::string>& RequestTypes();

struct FeedbackAnswers {
  std::string request_type, message, case_reference, name, email, tool, token, website;
  bool reply = false;
  bool confirm = false;  // sent from the check-answers page: store it
  std::string change;    // a "Change" button on the check-answers page: show the form again
  static FeedbackAnswers FromFields(const std::map<std::string, std::string>& fields);
};

struct FieldError {
  std::string field_id;    // the element the summary links to
  std::string string_key;  // the theme string with the message
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

}  // namespace lantern

#endif  // LANTERN_SERVER_FEEDBACK_FORM_H_
