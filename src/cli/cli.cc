#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "base/edit_distance.h"
#include "cli/authoring.h"
#include "cli/commands.h"

namespace lantern {
namespace {

constexpr const char* kVersion = "0.1.0";

// One row per command, as ninja keeps its tools: name, help, how to add its
// options, and what to run.
struct Command {
  const char* name;
  const char* help;
  std::function<std::function<int()>(CLI::App*)> setup;
};

std::vector<Command> Commands() {
  return {
      {"build", "Check the site and write it as static files (default SITE/public); nothing is written on error",
       [](CLI::App* app) {
         auto options = std::make_shared<BuildOptions>();
         app->add_option("SITE", options->site, "the site folder (default: the current folder)");
         app->add_option("-o,--output", options->output, "where to write the site (default: SITE/public)");
         app->add_flag("--drafts", options->drafts, "include records whose status is draft");
         app->add_option("--format", options->format, "how to print problems: text (default) or json (for CI)")
             ->check(CLI::IsMember({"text", "json"}));
         app->add_flag("--strict", options->strict, "treat warnings as errors: nothing is written if there are any");
         return [options] { return RunBuild(*options, stderr); };
       }},
      {"check", "Check the site's records, pages and templates and report every problem; writes nothing",
       [](CLI::App* app) {
         auto options = std::make_shared<CheckOptions>();
         app->add_option("SITE", options->site, "the site folder (default: the current folder)");
         app->add_option("--format", options->format, "how to print problems: text (default) or json (for CI)")
             ->check(CLI::IsMember({"text", "json"}));
         app->add_flag("--strict", options->strict, "treat warnings as errors (exit code 1 if there are any)");
         return [options] { return RunCheck(*options, stderr); };
       }},
      {"init", "Start a new site in an empty folder: settings, an example record and the policy pages a council needs",
       [](CLI::App* app) {
         auto folder = std::make_shared<std::string>();
         app->add_option("DIR", *folder, "the new site's folder (created if missing; must be empty)")->required();
         return [folder] { return RunInit(*folder, stderr); };
       }},
      {"new", "Add a record or a page to a site, with every field and a TODO for each thing to write",
       [](CLI::App* app) {
         app->require_subcommand(1);
         auto record = std::make_shared<NewOptions>();
         CLI::App* record_app = app->add_subcommand("record", "Write records/ID.yaml with every field of its ATRS version");
         record_app->add_option("ID", record->name, "the record's id: lower-case letters, digits and dashes")->required();
         record_app->add_option("--version", record->version, "the ATRS version: 4.0 (default) or 3.0");
         record_app->add_option("--site", record->site, "the site folder (default: the current folder)");
         auto page = std::make_shared<NewOptions>();
         CLI::App* page_app = app->add_subcommand("page", "Write pages/SLUG.md with its front matter");
         page_app->add_option("SLUG", page->name, "the page's address: lower-case letters, digits and dashes")->required();
         page_app->add_option("--site", page->site, "the site folder (default: the current folder)");
         return [record, page, record_app] {
           return record_app->parsed() ? RunNewRecord(*record, stderr) : RunNewPage(*page, stderr);
         };
       }},
  };
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"Lantern: publish a council's algorithmic transparency records as an accessible website.",
               "lantern"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success (warnings allowed), 1 content errors, 2 usage or system errors.");
  const std::vector<Command> commands = Commands();
  std::vector<std::string> names;
  std::function<int()> selected;
  for (const Command& command : commands) {
    names.emplace_back(command.name);
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    auto run = command.setup(sub);
    sub->callback([&selected, run] { selected = run; });
  }
  // CLI11 answers a misspelt command only with "A subcommand is required";
  // say which command was meant.
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    const std::string nearest = NearestMatch(argv[1], names);
    std::fprintf(stderr, "lantern: error: unknown command \"%s\"%s\nRun 'lantern --help' for the commands.\n", argv[1],
                 nearest.empty() ? "" : (" (did you mean \"" + nearest + "\"?)").c_str());
    return kExitUsageOrSystem;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "lantern: error: %s\nRun 'lantern --help' for usage.\n", e.what());
    return kExitUsageOrSystem;
  }
  if (!selected) return kExitUsageOrSystem;
  try {
    return selected();
  } catch (const std::exception& e) {
    // Nothing below should throw; if something does, fail cleanly, not with a crash.
    std::fprintf(stderr, "lantern: internal error: %s\n", e.what());
    return kExitUsageOrSystem;
  }
}

}  // namespace lantern
