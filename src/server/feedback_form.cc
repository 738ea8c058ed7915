#include "server/feedback_form.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace lantern {

const std::set<std::string>& FeedbackFieldNames() {
  static const std::set<std::string> names = {"token", "tool",  "request_type", "message", "case_reference",
                                              "name",  "email", "reply",        "website", "confirm",
                                              "change", "language", "switch_language"};
  return names;
}

const std::vector<std::string>& RequestTypes() {
  static const std::vector<std::string> types = {"question", "feedback", "objection", "review"};
  return types;
}

FeedbackAnswers FeedbackAnswers::FromFields(const std::map<std::string, std::string>& fields) {
  auto get = [&](const char* name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };
  FeedbackAnswers a;
  a.request_type = get("request_type");
  a.message = get("message");
  a.case_reference = get("case_reference");
  a.name = get("name");
  a.email = get("email");
  a.tool = get("tool");
  a.token = get("token");
  a.website = get("website");
  a.reply = get("reply") == "yes";
  a.confirm = get("confirm") == "yes";
  a.change = get("change");
  a.language = get("language");
  a.switch_language = get("switch_language");
  return a;
}

bool IsPlausibleEmail(const std::string& email) {
  if (email.size() > kMaxEmailChars || std::count(email.begin(), email.end(), '@') != 1) return false;
  const size_t at = email.find('@');
  if (at == 0 || at > 63 || at + 1 == email.size()) return false;
  for (unsigned char c : email) {
    if (c <= 0x20 || c == '"' || c == '`' || c == '\'' || c == 0x7f || c == '<' || c == '>') return false;
  }
  return true;
}

int CountLinks(const std::string& text) {
  int count = 0;
  for (const char* marker : {"http://", "https://", "www."}) {
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
      // "https://www." counts once.
      if (std::string(marker) == "www." && at >= 3 && text.compare(at - 3, 3, "://") == 0) continue;
      ++count;
    }
  }
  return count;
}

bool IsRecordIdShape(const std::string& id) {
  if (id.empty() || id.size() > kMaxRecordIdChars) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::vector<FieldError> ValidateAnswers(const FeedbackAnswers& a) {
  std::vector<FieldError> errors;
  const auto& types = RequestTypes();
  if (std::find(types.begin(), types.end(), a.request_type) == types.end()) {
    errors.push_back({"type-question", "error_select_type"});  // links to the first radio (F7)
  }
  if (CountCodePoints(a.case_reference) > kMaxCaseReferenceChars) {
    errors.push_back({"case_reference", "error_case_reference_too_long"});
  }
  if (a.message.empty()) {
    errors.push_back({"message", "error_enter_message"});
  } else if (CountCodePoints(a.message) > kMaxMessageChars) {
    errors.push_back({"message", "error_message_too_long"});
  }
  if (CountCodePoints(a.name) > kMaxNameChars) errors.push_back({"name", "error_name_too_long"});
  const bool needs_email = a.reply || a.request_type == "objection" || a.request_type == "review";
  if (a.email.empty()) {
    if (needs_email) errors.push_back({"email", "error_enter_email"});
  } else if (!IsPlausibleEmail(a.email)) {
    errors.push_back({"email", "error_email_format"});
  }
  return errors;
}

}  // namespace lantern
