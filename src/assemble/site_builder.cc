#include "assemble/site_builder.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string_view>
#include <vector>

#include "assemble/dashboard.h"
#include "assemble/finding.h"
#include "assemble/record_output.h"
#include "assemble/site_index.h"
#include "assemble/views.h"
#include "base/fingerprint.h"
#include "base/parallel.h"
#include "model/addresses.h"
#include "publish/atom_feed.h"
#include "publish/csv_writer.h"
#include "publish/discovery.h"
#include "publish/favicon.h"
#include "publish/json_schema.h"
#include "publish/record_data.h"

namespace lantern {
namespace {

// One output page: where it goes, which template renders it, and how to make
// its view (views are made on the worker thread, in parallel).
struct PageJob {
  std::string output_path;
  std::string template_name;
  std::function<Value()> make_view;
  // For the sitemap: listed unless false, with the day the page last changed.
  bool in_sitemap = true;
  std::optional<Date> last_change;
  // Which records the page shows, for the preview's key (PageKeys).
  enum class Shows { kNoRecord, kEveryRecord, kFacet } shows = Shows::kNoRecord;
  const Facet* facet = nullptr;  // with kFacet
  // The records whose rows the page lists as rows_html, in order; null for
  // a page that lists none.
  const std::vector<const Record*>* rows_of = nullptr;
};

// Template sets are not thread-safe; workers borrow one from this pool.
class TemplatePool {
 public:
  explicit TemplatePool(const TemplateSet& prototype) : prototype_(prototype) {}
  std::unique_ptr<TemplateSet> Borrow() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) return std::make_unique<TemplateSet>(prototype_);
    std::unique_ptr<TemplateSet> set = std::move(free_.back());
    free_.pop_back();
    return set;
  }
  void Return(std::unique_ptr<TemplateSet> set) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(set));
  }

 private:
  const TemplateSet& prototype_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<TemplateSet>> free_;
};

// The rows of the records in `listed` (each made once with its record's
// other output), joined by line breaks into a table's body.
std::string JoinedRows(const Site& site, const std::vector<const Record*>& listed, const ListedParts& parts) {
  std::string joined;
  for (const Record* record : listed) {
    if (!joined.empty()) joined += '\n';
    parts.AppendRow(static_cast<size_t>(record - site.records.data()), &joined);
  }
  return joined;
}

// What a list page's rows_html is rendered as when the page is streamed: no
// text a template or a record can make (a control character; and '&' so that
// an escaped {{rows_html}} does not match), replaced by the rows on the way out.
constexpr std::string_view kRowsMark = "\x01&lantern-rows;\x01";

// How much of a large file (a list page, the search index) is gathered
// before it is given to the sink.
constexpr size_t kChunk = size_t{1} << 20;

// Writes a list page whose rows_html was rendered as kRowsMark, at `mark` in
// `html`, without ever holding it whole: the HTML before the mark, each listed
// record's row (joined by line breaks, as JoinedRows does), then the rest,
// appended to `sink` in pieces of about kChunk. At 50,000 records the
// records page and the largest filter pages are tens of megabytes each, made
// three times over (rows, page, layout) when rendered whole. The page's ids
// are read from each piece: none spans two, as pieces end between rows.
void StreamListPage(const Site& site, const std::string& path, const std::string& html, size_t mark,
                    const std::vector<const Record*>& listed, const ListedParts& parts, OutputSink* sink,
                    BuiltPages* built) {
  std::set<std::string> ids;
  auto flush = [&](std::string* chunk) {
    BuiltPages::CollectIds(*chunk, &ids);
    sink->Append(path, *chunk);
    chunk->clear();
  };
  std::string chunk = html.substr(0, mark);
  for (size_t k = 0; k < listed.size(); ++k) {
    if (k > 0) chunk += '\n';
    parts.AppendRow(static_cast<size_t>(listed[k] - site.records.data()), &chunk);
    if (chunk.size() >= kChunk) flush(&chunk);
  }
  chunk.append(html, mark + kRowsMark.size());
  flush(&chunk);
  built->AddIds(path, std::move(ids));
}

// search-index.json from each record's entry, by name, in pieces of about kChunk.
void WriteSearchIndex(const Site& site, const SiteIndex& index, const ListedParts& parts, OutputSink* sink,
                      BuiltPages* built) {
  const std::string path = "search-index.json";
  std::string chunk(kSearchIndexHead);
  for (size_t k = 0; k < index.by_name.size(); ++k) {
    if (k > 0) chunk += kSearchIndexSeparator;
    parts.AppendSearchEntry(static_cast<size_t>(index.by_name[k] - site.records.data()), &chunk);
    if (chunk.size() >= kChunk) {
      sink->Append(path, chunk);
      chunk.clear();
    }
  }
  chunk += kSearchIndexTail;
  sink->Append(path, chunk);
  built->Add(path, "");
}

// Every page but the records' (those are rendered with their data files, in
// batches, by BuildSite).
std::vector<PageJob> PlanPages(const Site& site, const SiteIndex& index, const Theme& theme) {
  std::vector<PageJob> jobs;
  const std::string root = SiteUrl(site.config, "");
  const Date today = site.config.today;  // for "review overdue": TodayUtc() when the site was loaded
  jobs.push_back({"index.html", "home",
                  [&site, &index, &theme, root, today] {
                    Value view = PageView(site, index, theme, PageKind::kHome, site.config.title, root);
                    AddHomeView(site, index, theme, today, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.push_back({std::string(kRecordsPath) + "index.html", "records",
                  [&site, &index, &theme] {
                    Value view = PageView(site, index, theme, PageKind::kRecords, theme.String("records_title"),
                                          SiteUrl(site.config, kRecordsPath));
                    AddRecordsView(site, index, theme, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.back().rows_of = &index.by_name;
  for (const Facet& facet : index.facets) {
    const std::string url = FacetUrl(site, facet);
    jobs.push_back({url.substr(root.size()) + "index.html", "filter",
                    [&site, &index, &theme, &facet, url] {
                      Value view = PageView(site, index, theme, PageKind::kFilter,
                                            theme.String("filter_" + facet.kind + "_label") + ": " +
                                                FacetLabel(site, theme, facet).text,
                                            url);
                      AddFilterView(site, index, theme, facet, &view);
                      return view;
                    },
                    true, std::nullopt, PageJob::Shows::kFacet, &facet, &facet.records});
  }
  for (const Page& page : site.pages) {
    // The accessibility statement: the page's words inside the theme's legally
    // required shape, filled from site.yaml's accessibility block.
    const bool statement = site.config.accessibility.given && page.slug == site.config.accessibility.page;
    jobs.push_back({"pages/" + page.slug + "/index.html", statement ? "accessibility" : "page",
                    [&site, &index, &theme, &page, statement] {
                      Value view = PageView(site, index, theme, PageKind::kPage, page.title, PageUrl(site, page));
                      AddPageView(site.config, page, theme, &view);
                      if (statement) AddAccessibilityView(site, theme, &view);
                      return view;
                    },
                    true, page.updated});
  }
  jobs.push_back({"data/index.html", "data",
                  [&site, &index, &theme, root] {
                    Value view = PageView(site, index, theme, PageKind::kData, theme.String("data_title"), root + "data/");
                    AddDataView(site, theme, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.push_back({std::string(kDashboardPath) + "index.html", "dashboard",
                  [&site, &index, &theme, today] {
                    Value view = PageView(site, index, theme, PageKind::kDashboard, theme.String("dashboard_title"),
                                          SiteUrl(site.config, kDashboardPath));
                    AddDashboardView(site, index, theme, today, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.push_back({"404.html", "404",
                  [&site, &index, &theme, root] {
                    return PageView(site, index, theme, PageKind::kNotFound, theme.String("not_found_title"),
                                    root + "404.html");
                  },
                  false, std::nullopt});
  // Lists, filter pages and the data page change whenever a record or page does.
  const std::optional<Date> site_change = SiteLastChange(site);
  for (PageJob& job : jobs) {
    if (job.template_name == "home" || job.template_name == "records" || job.template_name == "data" ||
        job.template_name == "filter" || job.template_name == "dashboard") {
      job.last_change = site_change;
    }
    if (job.template_name == "home" || job.template_name == "records" || job.template_name == "data" ||
        job.template_name == "dashboard") {
      job.shows = PageJob::Shows::kEveryRecord;
    }
  }
  return jobs;
}

// The preview's key of each page (RecordReuse::pages): the context, the
// page's path and template, every facet's label and count (each list links to
// all of them) and the keys of the records it shows; nullopt when one of those
// records has none.
std::vector<std::optional<uint64_t>> PageKeys(const Site& site, const SiteIndex& index,
                                              const std::vector<PageJob>& jobs, const RecordReuse& reuse) {
  std::optional<uint64_t> every_record;
  Fingerprint all;
  bool all_keyed = true;
  for (const Record& record : site.records) {
    const std::optional<uint64_t> key = reuse.key(record);
    if (!key) {
      all_keyed = false;
      break;
    }
    all.Add(*key);
  }
  if (all_keyed) every_record = all.value();
  Fingerprint facets;
  for (const Facet& facet : index.facets) {
    facets.Add(facet.kind).Add(facet.slug).Add(facet.label).Add(static_cast<uint64_t>(facet.records.size()));
  }
  std::vector<std::optional<uint64_t>> keys(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    const PageJob& job = jobs[i];
    Fingerprint key;
    key.Add(reuse.context).Add(job.output_path).Add(job.template_name).Add(facets.value());
    bool keyed = true;
    if (job.shows == PageJob::Shows::kEveryRecord) {
      keyed = every_record.has_value();
      if (keyed) key.Add(*every_record);
    } else if (job.shows == PageJob::Shows::kFacet) {
      for (const Record* record : job.facet->records) {
        const std::optional<uint64_t> record_key = reuse.key(*record);
        if (!record_key) {
          keyed = false;
          break;
        }
        key.Add(*record_key);
      }
    }
    if (keyed) keys[i] = key.value();
  }
  return keys;
}

// The sitemap entry of an output page: its address below the root.
SitemapEntry SitemapEntryFor(const std::string& output_path, const std::optional<Date>& last_change) {
  std::string path = output_path;
  if (path == "index.html") path.clear();
  if (path.size() >= 11 && path.substr(path.size() - 11) == "/index.html") path.resize(path.size() - 10);
  return {path, last_change};
}

// Records are rendered in batches of this many: each batch's parts of
// records.json, records.csv and feed.xml are appended in order before the
// next starts, so that no more than a batch's outputs are held at once.
constexpr size_t kRecordBatch = 256;

// Template sets for the workers, with the constant layer set once.
TemplateSet WithConstants(const Site& site, const Theme& theme) {
  TemplateSet templates = theme.templates;
  templates.SetConstants(ConstantView(site, theme));
  return templates;
}

}  // namespace

struct RecordRenderer::Pool {
  explicit Pool(TemplateSet set) : prototype(std::move(set)), pool(prototype) {}
  TemplateSet prototype;
  TemplatePool pool;
};

RecordRenderer::RecordRenderer(const Site& site, const SiteIndex& index, const Theme& theme)
    : site_(site), index_(index), theme_(theme), pool_(std::make_unique<Pool>(WithConstants(site, theme))) {}

RecordRenderer::~RecordRenderer() = default;

bool RecordRenderer::RenderOnly(const Record& record, Diagnostics* diagnostics, RecordOutput* output) {
  std::unique_ptr<TemplateSet> templates = pool_->pool.Borrow();
  const bool ok = RenderRecordOutput(site_, index_, theme_, templates.get(), record, diagnostics, output);
  pool_->pool.Return(std::move(templates));
  return ok;
}

void RecordRenderer::PutFiles(OutputSink* sink, BuiltPages* built, RecordOutput* output) {
  auto put = [&](const std::string& path, std::string bytes) {
    built->Add(path, bytes);
    sink->Put(path, std::move(bytes));
  };
  if (!output->page_html.empty()) put(output->page_path, std::move(output->page_html));
  put(output->json_path, std::move(output->json_file));
  put(output->feed_path, std::move(output->feed_file));
  for (OutputFile& file : output->notice_files) put(file.path, std::move(file.bytes));
  output->notice_files.clear();
  output->page_html.clear();
  output->json_file.clear();
  output->feed_file.clear();
}

bool RecordRenderer::Render(const Record& record, OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
                            RecordOutput* output) {
  const bool ok = RenderOnly(record, diagnostics, output);
  PutFiles(sink, built, output);
  return ok;
}

bool BuildSiteWide(const Site& site, const SiteIndex& index, const Theme& theme, bool records_ok,
                   OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
                   const std::function<void(BuildProgress)>& progress, BuildProgress so_far,
                   const ListedParts& parts, const RecordReuse* reuse) {
  const std::vector<PageJob> jobs = PlanPages(site, index, theme);
  const TemplateSet prototype = WithConstants(site, theme);
  TemplatePool pool(prototype);
  std::atomic<size_t> done{so_far.done};
  std::atomic<bool> failed{!records_ok};
  const size_t total = so_far.total;
  auto put = [&](const std::string& path, std::string bytes) {
    built->Add(path, bytes);
    sink->Put(path, std::move(bytes));
  };
  PageOutputCache* kept_pages = reuse ? reuse->pages : nullptr;
  std::vector<std::optional<uint64_t>> keys(jobs.size());
  if (kept_pages) keys = PageKeys(site, index, jobs, *reuse);
  std::atomic<size_t> rendered{0};
  auto render_job = [&](size_t i) {
    const std::string& path = jobs[i].output_path;
    std::shared_ptr<const KeptPage> kept = keys[i] ? kept_pages->Find(path, *keys[i]) : nullptr;
    if (kept) {
      built->AddPage(path, kept->ids);
    } else {
      ++rendered;
      const PageJob& job = jobs[i];
      std::unique_ptr<TemplateSet> templates = pool.Borrow();
      // Apart, so that only a page made without a word is kept.
      auto own = std::make_unique<Diagnostics>();  // not assignable: made again to start over
      auto render = [&](bool rows_marked) {
        Value view = job.make_view();
        if (job.rows_of) {
          view.Set("rows_html", TextValue(rows_marked ? std::string(kRowsMark)
                                                      : JoinedRows(site, *job.rows_of, parts)));
        }
        return templates->RenderInLayout(job.template_name, "layout", std::move(view), own.get());
      };
      // A list page the preview does not keep is streamed (StreamListPage).
      const bool stream_rows = job.rows_of != nullptr && !job.rows_of->empty() && !keys[i];
      std::optional<std::string> html = render(stream_rows);
      bool streamed = false;
      if (html && stream_rows) {
        const size_t mark = html->find(kRowsMark);
        if (mark != std::string::npos && html->find(kRowsMark, mark + 1) == std::string::npos) {
          StreamListPage(site, path, *html, mark, *job.rows_of, parts, sink, built);
          streamed = true;
        } else {
          // A theme that shows rows_html other than once, as is: made whole.
          own = std::make_unique<Diagnostics>();
          html = render(false);
        }
      }
      pool.Return(std::move(templates));
      if (!html) failed = true;
      if (streamed) {
        diagnostics->AddAll(*own);
      } else if (html && keys[i] && own->Items().empty()) {
        auto made = std::make_shared<KeptPage>();
        made->key = *keys[i];
        made->html = std::make_shared<const std::string>(std::move(*html));
        made->ids = built->Add(path, *made->html);
        kept = std::move(made);
      } else {
        diagnostics->AddAll(*own);
        if (html) put(path, std::move(*html));
      }
    }
    if (kept) {
      sink->PutShared(path, kept->html);
      kept_pages->Use(path, kept);
    }
    const size_t finished = ++done;
    if (progress) progress({finished, total});
  };
  // The pages that list records (the records page, each filter page) hold
  // a view, its conversion for the engine and the HTML of every record they
  // list: rendered side by side, their peaks added up to about 12 KB a
  // record at 20,000. One at a time, the build's peak is the largest one's.
  // The other pages are small and go in parallel.
  std::vector<size_t> small;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].shows == PageJob::Shows::kNoRecord) {
      small.push_back(i);
    } else {
      render_job(i);
    }
  }
  ParallelFor(small.size(), [&](size_t k) { render_job(small[k]); });
  if (kept_pages) kept_pages->EndBuild(rendered);
  if (failed || diagnostics->has_errors()) return false;

  put("schema/records-csv-columns.csv", RecordsCsvDictionary(CsvLayoutOf(site)));
  put("schema/record.json", RecordSchemaJson(site.config, site.feedback_summary.has_value()));
  // The sitemap lists pages in path order, as the whole-tree build did.
  std::map<std::string, std::optional<Date>> sitemap_pages;
  for (const PageJob& job : jobs) {
    if (job.in_sitemap) sitemap_pages[job.output_path] = job.last_change;
  }
  for (const Record& record : site.records) {
    sitemap_pages[RecordPath(record) + "index.html"] = RecordLastChange(record);
    sitemap_pages[NoticePath(record) + "index.html"] = RecordLastChange(record);
  }
  std::vector<SitemapEntry> sitemap;
  for (const auto& [path, last_change] : sitemap_pages) sitemap.push_back(SitemapEntryFor(path, last_change));
  put("sitemap.xml", Sitemap(site.config, std::move(sitemap)));
  put("robots.txt", RobotsTxt(site.config));
  WriteSearchIndex(site, index, parts, sink, built);
  // Browsers ask for /favicon.ico whatever the pages link to: the site's own
  // assets/favicon.ico when it has one (it replaces the theme's icon), else
  // the default theme's, drawn like its assets/favicon.svg.
  const auto own_icon = theme.assets.find("assets/favicon.ico");
  put("favicon.ico", own_icon != theme.assets.end() ? own_icon->second : DefaultFaviconIco());
  for (const auto& [path, bytes] : theme.assets) {
    if (!built->Has(path)) put(path, bytes);
  }
  return true;
}

bool BuildSite(const Site& site, const Theme& theme, OutputSink* sink, BuiltPages* built, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress, RecordReuse* reuse) {
  const SiteIndex index = IndexSite(site);
  RecordRenderer renderer(site, index, theme);
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  // Every page but the records' is a site-wide one: two lists, the filter
  // pages, the Markdown pages, the data page and 404.
  const size_t total = site.records.size() + 4 + index.facets.size() + site.pages.size();

  // Each record: its page, its JSON and feed, and its parts of the site-wide
  // files, all from one pass on a worker thread.
  const size_t count = site.records.size();
  // Each record's entries in feed.xml, in site.records' order: the kept
  // ones borrowed from the preview's cache.
  std::vector<std::shared_ptr<const std::vector<FeedEntryText>>> feed_texts;
  feed_texts.reserve(count);
  ListedPartsInMemory listed;  // the same for search-index.json and the lists
  listed.search_entries.reserve(count);
  listed.rows.reserve(count);
  sink->Append("records.json", RecordsJsonHead(site, count));
  sink->Append("records.csv", RecordsCsvHeader(CsvLayoutOf(site)));
  std::vector<RecordOutput> outputs;
  // With reuse: each record's kept output (found, or made this build).
  std::vector<std::shared_ptr<const KeptRecordOutput>> kept;
  // With reuse: the links of each record whose output is not kept.
  std::vector<std::vector<InternalLink>> fresh_links;
  if (reuse) reuse->links.clear();
  std::atomic<size_t> rendered{0};
  auto put_kept = [&](const KeptRecordOutput& output) {
    built->AddPage(output.page_path, output.page_ids);
    sink->PutShared(output.page_path, output.page_html);
    built->Add(output.json_path, "");
    sink->PutShared(output.json_path, output.json_file);
    built->Add(output.feed_path, "");
    sink->PutShared(output.feed_path, output.feed_file);
    for (const KeptFile& file : output.notice_files) {
      built->AddPage(file.path, file.ids);
      sink->PutShared(file.path, file.bytes);
    }
  };
  for (size_t start = 0; start < count; start += kRecordBatch) {
    const size_t n = std::min(kRecordBatch, count - start);
    outputs.assign(n, {});
    kept.assign(n, nullptr);
    if (reuse) fresh_links.assign(n, {});
    ParallelFor(n, [&](size_t k) {
      const Record& record = site.records[start + k];
      if (!reuse) {
        if (!renderer.Render(record, sink, built, diagnostics, &outputs[k])) failed = true;
      } else {
        // Whether the output is kept, and under which key (none: it is not).
        const std::optional<uint64_t> found_key = reuse->key(record);
        const bool keep = found_key.has_value();
        const uint64_t key = found_key.value_or(0);
        if (keep) kept[k] = reuse->cache->Find(record.source_path, key);
        if (!kept[k]) {
          ++rendered;
          RecordOutput& output = outputs[k];
          // Apart, so that only an output made without a word is kept.
          Diagnostics own;
          const bool ok = renderer.RenderOnly(record, &own, &output);
          if (!ok) failed = true;
          if (keep && ok && own.Items().empty() && !output.page_html.empty()) {
            auto made = std::make_shared<KeptRecordOutput>();
            made->key = key;
            made->page_path = std::move(output.page_path);
            made->page_html = std::make_shared<const std::string>(std::move(output.page_html));
            made->page_ids = built->Add(made->page_path, *made->page_html);
            made->json_path = std::move(output.json_path);
            made->json_file = std::make_shared<const std::string>(std::move(output.json_file));
            made->feed_path = std::move(output.feed_path);
            made->feed_file = std::make_shared<const std::string>(std::move(output.feed_file));
            made->json_entry = std::make_shared<const std::string>(std::move(output.json_entry));
            made->csv_row = std::make_shared<const std::string>(std::move(output.csv_row));
            made->search_entry = std::make_shared<const std::string>(std::move(output.search_entry));
            made->list_row = std::make_shared<const std::string>(std::move(output.list_row));
            made->feed_texts = std::make_shared<const std::vector<FeedEntryText>>(std::move(output.feed_texts));
            for (OutputFile& file : output.notice_files) {
              KeptFile kept_file{file.path, std::make_shared<const std::string>(std::move(file.bytes)), nullptr};
              kept_file.ids = built->Add(kept_file.path, *kept_file.bytes);
              made->notice_files.push_back(std::move(kept_file));
            }
            CollectRecordLinks(site.config, record, {}, &made->links, &output.markdown_links);
            kept[k] = std::move(made);
          } else {
            diagnostics->AddAll(own);
            RecordRenderer::PutFiles(sink, built, &output);
            CollectRecordLinks(site.config, record, {}, &fresh_links[k], &output.markdown_links);
          }
        }
        if (kept[k]) {
          put_kept(*kept[k]);
          reuse->cache->Use(record.source_path, kept[k]);
        }
      }
      const size_t finished = ++done;
      if (progress) progress({finished, total});
    });
    for (size_t k = 0; k < n; ++k) {
      if (reuse) {
        const std::vector<InternalLink>& links = kept[k] ? kept[k]->links : fresh_links[k];
        reuse->links.insert(reuse->links.end(), links.begin(), links.end());
      }
      if (start + k > 0) sink->Append("records.json", ",\n");
      if (kept[k]) {
        sink->AppendShared("records.json", kept[k]->json_entry);
        sink->AppendShared("records.csv", kept[k]->csv_row);
        feed_texts.push_back(kept[k]->feed_texts);
        listed.search_entries.push_back(kept[k]->search_entry);
        listed.rows.push_back(kept[k]->list_row);
        continue;
      }
      sink->Append("records.json", outputs[k].json_entry);
      sink->Append("records.csv", outputs[k].csv_row);
      feed_texts.push_back(std::make_shared<const std::vector<FeedEntryText>>(std::move(outputs[k].feed_texts)));
      listed.search_entries.push_back(std::make_shared<const std::string>(std::move(outputs[k].search_entry)));
      listed.rows.push_back(std::make_shared<const std::string>(std::move(outputs[k].list_row)));
    }
  }
  sink->Append("records.json", RecordsJsonTail(count));
  if (reuse) reuse->cache->EndBuild(rendered);
  built->Add("records.json", "");
  built->Add("records.csv", "");
  if (!BuildSiteWide(site, index, theme, !failed, sink, built, diagnostics, progress, {done.load(), total}, listed,
                     reuse)) {
    return false;
  }
  built->Add(std::string(kSiteFeedPath), "");
  std::vector<const std::vector<FeedEntryText>*> per_record;
  per_record.reserve(feed_texts.size());
  for (const auto& texts : feed_texts) per_record.push_back(texts.get());
  sink->Put(std::string(kSiteFeedPath), SiteFeedFromTexts(site, per_record));
  return true;
}

bool BuildSite(const Site& site, const Theme& theme, OutputTree* output, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress) {
  MemoryOutput sink(output);
  BuiltPages built;
  return BuildSite(site, theme, &sink, &built, diagnostics, progress);
}

}  // namespace lantern
