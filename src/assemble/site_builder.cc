#include "assemble/site_builder.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "assemble/finding.h"
#include "assemble/views.h"
#include "base/parallel.h"
#include "publish/atom_feed.h"
#include "publish/csv_writer.h"
#include "publish/discovery.h"
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

std::vector<PageJob> PlanPages(const Site& site, const Theme& theme) {
  std::vector<PageJob> jobs;
  const std::string root = site.config.root_path;
  const Date today = site.config.today;  // for "review overdue": TodayUtc() when the site was loaded
  jobs.push_back({"index.html", "home",
                  [&site, &theme, root, today] {
                    Value view = CommonView(site, theme, PageKind::kHome, site.config.title, root);
                    AddHomeView(site, theme, today, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.push_back({"records/index.html", "records",
                  [&site, &theme, root, today] {
                    Value view = CommonView(site, theme, PageKind::kRecords, theme.String("records_title"),
                                            root + "records/");
                    AddRecordsView(site, theme, today, &view);
                    return view;
                  },
                  true, std::nullopt});
  for (const Record& record : site.records) {
    jobs.push_back({"records/" + record.id + "/index.html", "record",
                    [&site, &theme, &record, today] {
                      Value view = CommonView(site, theme, PageKind::kRecord, record.Text("summary.name"),
                                              RecordUrl(site, record));
                      AddRecordView(site, theme, record, today, &view);
                      return view;
                    },
                    true, RecordLastChange(record)});
  }
  for (Facet& facet : Facets(site)) {
    const std::string url = FacetUrl(site, facet);
    jobs.push_back({url.substr(root.size()) + "index.html", "filter",
                    [&site, &theme, facet = std::move(facet), url, today] {
                      Value view = CommonView(site, theme, PageKind::kFilter,
                                              theme.String("filter_" + facet.kind + "_label") + ": " + facet.label, url);
                      AddFilterView(site, theme, facet, today, &view);
                      return view;
                    },
                    true, std::nullopt});
  }
  for (const Page& page : site.pages) {
    // The accessibility statement: the page's words inside the theme's legally
    // required shape, filled from site.yaml's accessibility block.
    const bool statement = site.config.accessibility.given && page.slug == site.config.accessibility.page;
    jobs.push_back({"pages/" + page.slug + "/index.html", statement ? "accessibility" : "page",
                    [&site, &theme, &page, statement] {
                      Value view = CommonView(site, theme, PageKind::kPage, page.title, PageUrl(site, page));
                      AddPageView(page, &view);
                      if (statement) AddAccessibilityView(site, &view);
                      return view;
                    },
                    true, page.updated});
  }
  jobs.push_back({"data/index.html", "data",
                  [&site, &theme, root] {
                    Value view = CommonView(site, theme, PageKind::kData, theme.String("data_title"), root + "data/");
                    AddDataView(site, &view);
                    return view;
                  },
                  true, std::nullopt});
  jobs.push_back({"404.html", "404",
                  [&site, &theme, root] {
                    return CommonView(site, theme, PageKind::kNotFound, theme.String("not_found_title"),
                                      root + "404.html");
                  },
                  false, std::nullopt});
  // Lists, filter pages and the data page change whenever a record or page does.
  const std::optional<Date> site_change = SiteLastChange(site);
  for (PageJob& job : jobs) {
    if (job.template_name == "home" || job.template_name == "records" || job.template_name == "data" ||
        job.template_name == "filter") {
      job.last_change = site_change;
    }
  }
  return jobs;
}

// The open data, feeds and discovery files, written from the same records as
// the pages (src/publish).
void AddDataFiles(const Site& site, const std::vector<PageJob>& jobs, OutputTree* output) {
  (*output)["records.json"] = RecordsJson(site);
  (*output)["records.csv"] = RecordsCsv(site);
  (*output)["schema/records-csv-columns.csv"] = RecordsCsvDictionary();
  (*output)["schema/record.json"] = RecordSchemaJson(site.config);
  (*output)["feed.xml"] = SiteFeed(site);
  for (const Record& record : site.records) {
    (*output)[RecordJsonPath(record)] = RecordJson(site, record);
    (*output)[RecordFeedPath(record)] = RecordFeed(site, record);
  }
  std::vector<SitemapEntry> sitemap;
  for (const PageJob& job : jobs) {
    if (!job.in_sitemap) continue;
    std::string path = job.output_path;
    if (path == "index.html") path.clear();
    if (path.size() >= 11 && path.substr(path.size() - 11) == "/index.html") path.resize(path.size() - 10);
    sitemap.push_back({path, job.last_change});
  }
  (*output)["sitemap.xml"] = Sitemap(site.config, std::move(sitemap));
  (*output)["robots.txt"] = RobotsTxt(site.config);
}

}  // namespace

bool BuildSite(const Site& site, const Theme& theme, OutputTree* output, Diagnostics* diagnostics,
               const std::function<void(BuildProgress)>& progress) {
  const std::vector<PageJob> jobs = PlanPages(site, theme);
  std::vector<std::optional<std::string>> pages(jobs.size());
  TemplatePool pool(theme.templates);
  std::atomic<size_t> done{0};
  ParallelFor(jobs.size(), [&](size_t i) {
    std::unique_ptr<TemplateSet> templates = pool.Borrow();
    pages[i] = templates->RenderInLayout(jobs[i].template_name, "layout", jobs[i].make_view(), diagnostics);
    pool.Return(std::move(templates));
    const size_t finished = ++done;
    if (progress) progress({finished, jobs.size()});
  });
  if (diagnostics->has_errors()) return false;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!pages[i]) return false;
    (*output)[jobs[i].output_path] = std::move(*pages[i]);
  }
  AddDataFiles(site, jobs, output);
  (*output)["search-index.json"] = SearchIndexJson(site);
  for (const auto& [path, bytes] : theme.assets) {
    if (output->count(path) == 0) (*output)[path] = bytes;
  }
  return true;
}

}  // namespace lantern
