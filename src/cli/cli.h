// The command line: the only place that prints to the terminal or chooses an
// exit code. Exit codes: 0 success (warnings allowed), 1 content errors,
// 2 usage or system errors.
#ifndef LANTERN_CLI_CLI_H_
#define LANTERN_CLI_CLI_H_

namespace lantern {

inline constexpr int kExitOk = 0;
inline constexpr int kExitContentErrors = 1;
inline constexpr int kExitUsageOrSystem = 2;

int RunCli(int argc, char** argv);

}  // namespace lantern

#endif  // LANTERN_CLI_CLI_H_
