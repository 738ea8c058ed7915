#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "base/edit_distance.h"
#include "cli/authoring.h"
#include "cli/commands.h"
#include "cli/feedback_commands.h"
#include "cli/import_command.h"
#include "cli/serve_command.h"

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
         app->add_flag("--git-history", options->git_history,
                       "list on each record page the days its file changed (the site must be a git checkout)");
         app->add_option("--feedback-stats", options->feedback_stats,
                         "publish, on each record page and in the open data, how many questions, objections and "
                         "review requests this feedback store received in the last 12 months (counts only)");
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
      {"export", "Write one record in another format: 'export atrs ID' gives the ATRS 4.0 template as CSV",
       [](CLI::App* app) {
         auto options = std::make_shared<ExportOptions>();
         app->add_option("FORMAT", options->format, "the format: atrs (the ATRS 4.0 template, as CSV)")->required();
         app->add_option("ID", options->id, "the record's id (its file name without .yaml)")->required();
         app->add_option("--site", options->site, "the site folder (default: the current folder)");
         app->add_option("-o,--output", options->output, "the file to write (default: standard output)");
         return [options] { return RunExport(*options, stdout, stderr); };
       }},
      {"import", "Start records from what a council has: 'import atrs FILE.csv' (the ATRS 4.0 template) or "
                 "'import govuk FILE.json' (a GOV.UK record)",
       [](CLI::App* app) {
         auto options = std::make_shared<ImportOptions>();
         app->add_option("FORMAT", options->format, "the format: atrs (the ATRS 4.0 template, as CSV) or govuk (GOV.UK's Content API JSON)")->required();
         app->add_option("FILES", options->inputs, "the files to import, or folders of them")->required();
         app->add_option("--site", options->site, "the site folder (default: the current folder)");
         return [options] { return RunImport(*options, stderr); };
       }},
      {"serve", "Preview the site: build in memory, serve, rebuild and reload on changes; or --production DIR",
       [](CLI::App* app) {
         auto options = std::make_shared<ServeOptions>();
         app->add_option("SITE", options->site,
                         "the site folder (default: the current folder if it is a site, else the example site "
                         "built into lantern)");
         app->add_option("--host", options->host, "the address to listen on (default 127.0.0.1)");
         app->add_option("--port", options->port, "the port (default 8080; 0 picks a free one)");
         app->add_option("--db", options->db,
                         "the feedback database (default: $XDG_STATE_HOME/lantern/feedback.db; required with "
                         "--production); a file path, or a postgresql:// URI shared by several servers");
         app->add_option("--form-key", options->form_key,
                         "the file holding the form token key (default: the --db path + .key; required with a "
                         "postgresql:// --db, and the same file on every server sharing the database)");
         app->add_option("--production", options->production,
                         "serve this built folder (from lantern build) with the feedback form; no watching");
         app->add_option("--proxy", options->proxy,
                         "with --production: the reverse proxy's address, whose X-Real-IP header is trusted "
                         "(default 127.0.0.1)");
         app->add_option("--max-posts-per-hour", options->max_posts_per_hour,
                         "the ceiling on form submissions per hour from all residents together (default 300)");
         app->add_option("--smtp", options->smtp,
                         "email each submission to staff through this server: smtp://host:port (STARTTLS) or "
                         "smtps://host:port; user and password from LANTERN_SMTP_USER, LANTERN_SMTP_PASSWORD");
         app->add_flag("--drafts", options->drafts, "include records whose status is draft");
         return [options] { return RunServe(*options, stdout, stderr); };
       }},
      {"feedback", "Staff tools for residents' submissions: list, show, mark, extend, export, stats, purge, outbox",
       [](CLI::App* app) {
         app->require_subcommand(1);
         auto chosen = std::make_shared<std::function<int()>>();
         CLI::App* exp = app->add_subcommand("export", "Print submissions as CSV (spreadsheet-safe) or JSON");
         auto e = std::make_shared<FeedbackExportOptions>();
         exp->add_option("--db", e->db, "the feedback database")->required();
         exp->add_option("--format", e->format, "csv (default) or json");
         exp->add_option("--since", e->since, "only submissions received on or after this date (YYYY-MM-DD)");
         exp->callback([chosen, e] { *chosen = [e] { return RunFeedbackExport(*e, stdout, stderr); }; });
         CLI::App* purge = app->add_subcommand("purge", "Delete submissions older than DAYS days and truncate the WAL");
         auto p = std::make_shared<FeedbackPurgeOptions>();
         purge->add_option("--db", p->db, "the feedback database")->required();
         purge->add_option("--older-than", p->older_than_days, "age in days")->required();
         purge->callback([chosen, p] { *chosen = [p] { return RunFeedbackPurge(*p, stderr); }; });
         CLI::App* stats = app->add_subcommand("stats", "Count submissions by request type and status");
         auto s = std::make_shared<FeedbackStatsOptions>();
         stats->add_option("--db", s->db, "the feedback database")->required();
         stats->callback([chosen, s] { *chosen = [s] { return RunFeedbackStats(*s, stdout, stderr); }; });
         CLI::App* mark = app->add_subcommand("mark", "Set a submission's status, e.g. not_spam after review");
         auto m = std::make_shared<FeedbackMarkOptions>();
         mark->add_option("--db", m->db, "the feedback database")->required();
         mark->add_option("REFERENCE", m->reference, "the reference number")->required();
         mark->add_option("STATUS", m->status,
                          "new, acknowledged, in_progress, answered, closed, suspected_spam, rate_limited or not_spam")
             ->required();
         mark->add_option("--note", m->note, "why, kept with the change in the submission's history");
         mark->callback([chosen, m] { *chosen = [m] { return RunFeedbackMark(*m, stderr); }; });
         CLI::App* list = app->add_subcommand("list", "List submissions with their due dates; OVERDUE marks late ones");
         auto l = std::make_shared<FeedbackListOptions>();
         list->add_option("--db", l->db, "the feedback database")->required();
         list->add_option("--status", l->status, "only submissions with this status");
         list->add_flag("--overdue", l->overdue, "only open submissions past their due date");
         list->add_option("--due-within", l->due_within, "only open submissions due within DAYS days (or overdue)");
         list->callback([chosen, l] { *chosen = [l] { return RunFeedbackList(*l, stdout, stderr); }; });
         CLI::App* show = app->add_subcommand("show", "Show one submission and the history of its status");
         auto sh = std::make_shared<FeedbackShowOptions>();
         show->add_option("--db", sh->db, "the feedback database")->required();
         show->add_option("REFERENCE", sh->reference, "the reference number")->required();
         show->callback([chosen, sh] { *chosen = [sh] { return RunFeedbackShow(*sh, stdout, stderr); }; });
         CLI::App* extend = app->add_subcommand("extend", "Extend an objection or review by two months (Art. 12(3))");
         auto x = std::make_shared<FeedbackExtendOptions>();
         extend->add_option("--db", x->db, "the feedback database")->required();
         extend->add_option("REFERENCE", x->reference, "the reference number")->required();
         extend->add_option("--reason", x->reason, "why (the resident must be told)")->required();
         extend->add_option("--bank-holidays", x->bank_holidays,
                            "england-and-wales (default), scotland or northern-ireland");
         extend->callback([chosen, x] { *chosen = [x] { return RunFeedbackExtend(*x, stderr); }; });
         CLI::App* outbox = app->add_subcommand(
             "outbox", "List notifications (pending, sent, failed, last error); exit 1 when any failed");
         auto o = std::make_shared<FeedbackOutboxOptions>();
         outbox->add_option("--db", o->db, "the feedback database")->required();
         outbox->add_option("--status", o->status, "only pending, sent or failed");
         outbox->add_option("--retry", o->retry, "make the failed notification with this id pending again");
         outbox->callback([chosen, o] { *chosen = [o] { return RunFeedbackOutbox(*o, stdout, stderr); }; });
         return [chosen] { return *chosen ? (*chosen)() : kExitUsageOrSystem; };
       }},
      {"init", "Start a new site in an empty folder: settings, an example record and the policy pages a council needs",
       [](CLI::App* app) {
         auto folder = std::make_shared<std::string>();
         app->add_option("DIR", *folder, "the new site's folder (created if missing; must be empty)")->required();
         auto languages = std::make_shared<std::vector<std::string>>();
         app->add_option("--languages", *languages,
                         "a bilingual site's languages, the default first, e.g. cy,en (the starting files are "
                         "English; each other language gets their translations to fill in)")
             ->delimiter(',');
         return [folder, languages] { return RunInit(*folder, stderr, *languages); };
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
