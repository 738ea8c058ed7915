#include "testing/smtp_sink.h"

#include <vector>

namespace lantern::testing {
namespace {

std::vector<std::string> Arguments(const SmtpSinkOptions& options) {
  std::vector<std::string> arguments;
  if (!options.starttls_cert.empty()) arguments.insert(arguments.end(), {"--starttls", options.starttls_cert, options.starttls_key});
  if (options.fail_first > 0) arguments.insert(arguments.end(), {"--fail-first", std::to_string(options.fail_first)});
  if (!options.auth.empty()) arguments.insert(arguments.end(), {"--auth", options.auth});
  return arguments;
}

}  // namespace

SmtpSink::SmtpSink(const SmtpSinkOptions& options) : process_("smtp_sink.py", Arguments(options)) {}

}  // namespace lantern::testing
