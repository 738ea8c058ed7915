#include "testing/webhook_sink.h"

#include <strings.h>

#include <sstream>
#include <vector>

namespace lantern::testing {
namespace {

std::vector<std::string> Arguments(const WebhookSinkOptions& options) {
  std::vector<std::string> arguments = {"--status", std::to_string(options.status)};
  if (!options.tls_cert.empty()) arguments.insert(arguments.end(), {"--tls", options.tls_cert, options.tls_key});
  if (!options.location.empty()) arguments.insert(arguments.end(), {"--location", options.location});
  return arguments;
}

}  // namespace

WebhookSink::WebhookSink(const WebhookSinkOptions& options)
    : tls_(!options.tls_cert.empty()), process_("webhook_sink.py", Arguments(options)) {}

std::string WebhookSink::Header(int n, const std::string& name) const {
  std::istringstream lines(process_.File(std::to_string(n) + ".headers"));
  std::string line;
  while (std::getline(lines, line)) {
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon != name.size()) continue;
    if (strncasecmp(line.c_str(), name.c_str(), name.size()) != 0) continue;
    size_t start = line.find_first_not_of(' ', colon + 1);
    return start == std::string::npos ? "" : line.substr(start);
  }
  return "";
}

}  // namespace lantern::testing
