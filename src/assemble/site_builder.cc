#include "assemble/site_builder.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "assemble/build_date.h"
#include "assemble/finding.h"
#include "assemble/views.h"
#include "base/parallel.h"

namespace lantern {
namespace {

// One output page: where it goes, which template renders it, and how to make
// its view (views are made on the worker thread, in parallel).
struct PageJob {
  std::string output_path;
  std::string template_name;
  std::function<Value()> make_view;
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
  const Date today = BuildDate();  // for "review overdue"; SOURCE_DATE_EPOCH pins it
  jobs.push_back({"index.html", "home", [&site, &theme, root, today] {
                    Value view = CommonView(site, theme, PageKind::kHome, site.config.title, root);
                    AddHomeView(site, theme, today, &view);
                    return view;
                  }});
  jobs.push_back({"records/index.html", "records", [&site, &theme, root, today] {
                    Value view = CommonView(site, theme, PageKind::kRecords, theme.String("records_title"),
                                            root + "records/");
                    AddRecordsView(site, theme, today, &view);
                    return view;
                  }});
  for (const Record& record : site.records) {
    jobs.push_back({"records/" + record.id + "/index.html", "record", [&site, &theme, &record, today] {
                      Value view = CommonView(site, theme, PageKind::kRecord, record.Text("summary.name"),
                                              RecordUrl(site, record));
                      AddRecordView(site, theme, record, today, &view);
                      return view;
                    }});
  }
  for (Facet& facet : Facets(site)) {
    const std::string url = FacetUrl(site, facet);
    jobs.push_back({url.substr(root.size()) + "index.html", "filter",
                    [&site, &theme, facet = std::move(facet), url, today] {
                      Value view = CommonView(site, theme, PageKind::kFilter,
                                              theme.String("filter_" + facet.kind + "_label") + ": " + facet.label, url);
                      AddFilterView(site, theme, facet, today, &view);
                      return view;
                    }});
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
                    }});
  }
  jobs.push_back({"404.html", "404", [&site, &theme, root] {
                    return CommonView(site, theme, PageKind::kNotFound, theme.String("not_found_title"),
                                      root + "404.html");
                  }});
  return jobs;
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
    Value view = jobs[i].make_view();
    std::optional<std::string> content = templates->Render(jobs[i].template_name, view, diagnostics);
    if (content) {
      view.Set("content", TextValue(std::move(*content)));
      pages[i] = templates->Render("layout", view, diagnostics);
    }
    pool.Return(std::move(templates));
    const size_t finished = ++done;
    if (progress) progress({finished, jobs.size()});
  });
  if (diagnostics->has_errors()) return false;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!pages[i]) return false;
    (*output)[jobs[i].output_path] = std::move(*pages[i]);
  }
  (*output)["search-index.json"] = SearchIndexJson(site);
  for (const auto& [path, bytes] : theme.assets) {
    if (output->count(path) == 0) (*output)[path] = bytes;
  }
  return true;
}

}  // namespace lantern
