#include "cli/site_stream.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assemble/link_checker.h"
#include "assemble/record_output.h"
#include "assemble/site_index.h"
#include "base/parallel.h"
#include "cli/text_spool.h"
#include "load/record_loader.h"
#include "model/addresses.h"
#include "publish/atom_feed.h"
#include "publish/csv_writer.h"
#include "publish/record_data.h"

namespace lantern {
namespace {

// Records are read, checked and rendered this many at a time (in parallel
// within a batch): the trees of a batch are all that is held at once.
constexpr size_t kBatch = 256;

// Each record's parts of the site-wide files, kept in temporary files until
// every record is known: records.json and records.csv list records by id
// (and "id:" may give a record an id that sorts elsewhere than its file's
// name), feed.xml by date, the search index and the lists by name.
class PartsSpool final : public ListedParts {
 public:
  // Without `keeps_files` (`check`) only the rows are kept: the lists are
  // still rendered and their ids checked, but no file is written.
  explicit PartsSpool(bool keeps_files)
      : json_(keeps_files), csv_(keeps_files), feed_(keeps_files), search_(keeps_files), rows_(true) {}

  // A feed.xml entry: what orders it, and where its XML is. FeedEntryBefore
  // orders by date (newest first), record id, then entry id; a record's
  // entries come in that order (RecordFeedEntries) and are spooled in it, so
  // that, among the site's records in id order, the record's place and the
  // spool offset stand for the two ids (a few bytes, where the ids and the
  // rest of a FeedEntry were a few hundred per entry).
  struct FeedPart {
    Date date;
    size_t record = 0;  // the record's place among the site's, by id: set by the caller
    TextSpool::Span xml;
  };
  // Where one record's other parts are.
  struct RecordParts {
    TextSpool::Span json, csv, search, row;
  };

  // Spools a rendered record's parts; returns where they are, and its feed
  // entries' (in RecordFeedEntries' order) in `feed`.
  RecordParts Add(std::string_view json_entry, std::string_view csv_row, std::string_view search_entry,
                  std::string_view list_row, const std::vector<FeedEntryText>& entries, std::vector<FeedPart>* feed) {
    feed->reserve(entries.size());
    for (const FeedEntryText& entry : entries) feed->push_back({entry.date, 0, feed_.Add(entry.xml)});
    return {json_.Add(json_entry), csv_.Add(csv_row), search_.Add(search_entry), rows_.Add(list_row)};
  }

  // Ends the adding; `on_site` is where each record of the site (indexed as
  // site.records) has its parts, for the ListedParts it then is.
  void EndAdding(std::vector<RecordParts> on_site) {
    on_site_ = std::move(on_site);
    for (TextSpool* spool : {&json_, &csv_, &feed_, &search_, &rows_}) spool->EndAdding();
  }

  void AppendSearchEntry(size_t k, std::string* out) const override { search_.Read(on_site_[k].search, out); }
  void AppendRow(size_t k, std::string* out) const override { rows_.Read(on_site_[k].row, out); }

  // Appends to `sink` records.json and records.csv, in the site's order (by id).
  Status WriteOut(const Site& site, OutputSink* sink) {
    if (Status s = status(); !s.ok()) return s;
    const size_t count = on_site_.size();
    std::string json = RecordsJsonHead(site, count);
    std::string csv = RecordsCsvHeader(CsvLayoutOf(site));
    for (size_t k = 0; k < count; ++k) {
      if (k > 0) json += ",\n";
      json_.Read(on_site_[k].json, &json);
      csv_.Read(on_site_[k].csv, &csv);
      if (json.size() >= kChunk) {
        sink->Append("records.json", json);
        json.clear();
      }
      if (csv.size() >= kChunk) {
        sink->Append("records.csv", csv);
        csv.clear();
      }
    }
    json += RecordsJsonTail(count);
    sink->Append("records.json", json);
    sink->Append("records.csv", csv);
    return status();
  }

  // feed.xml from every record's `parts`, in the feed's order.
  Status WriteFeed(const Site& site, std::vector<FeedPart> parts, OutputSink* sink) {
    if (!sink->keeps_files()) return Status::Ok();
    std::stable_sort(parts.begin(), parts.end(), [](const FeedPart& a, const FeedPart& b) {
      if (a.date != b.date) return b.date < a.date;
      if (a.record != b.record) return a.record < b.record;
      return a.xml.at < b.xml.at;
    });
    std::string xml = SiteFeedHead(site, parts.empty() ? std::nullopt : std::optional<Date>(parts.front().date));
    for (const FeedPart& part : parts) {
      feed_.Read(part.xml, &xml);
      if (xml.size() >= kChunk) {
        sink->Append(std::string(kSiteFeedPath), xml);
        xml.clear();
      }
    }
    xml += kFeedTail;
    sink->Append(std::string(kSiteFeedPath), xml);
    return status();
  }

  // Ok, or the first failure of a temporary file.
  Status status() const {
    for (const TextSpool* spool : {&json_, &csv_, &feed_, &search_, &rows_}) {
      if (Status s = spool->status(); !s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  static constexpr size_t kChunk = 1 << 20;  // bytes given to the sink at once

  TextSpool json_, csv_, feed_, search_, rows_;
  std::vector<RecordParts> on_site_;
};

// What is kept of one record file once it is done.
struct Done {
  size_t file_index = 0;  // in RecordFileNames' order
  bool loaded = false;    // without errors
  bool draft = false;
  bool rendered = false;
  RecordIdentity identity;
  Record listed;  // KeepListedParts
  std::vector<InternalLink> links;
  // Where its parts are in the spool, when rendered.
  PartsSpool::RecordParts parts;
  std::vector<PartsSpool::FeedPart> feed_parts;
  // Only while the batch is being finished: its parts of records.json,
  // records.csv, feed.xml and search-index.json and its row of the lists.
  std::string json_entry, csv_row, search_entry, list_row;
  std::vector<FeedEntryText> feed_texts;
  Status error = Status::Ok();
};

}  // namespace

Status StreamSite(const FileSystem& files, const std::string& root, const StreamOptions& options, OutputSink* sink,
                  Site* site, Theme* theme, BuiltPages* built, Diagnostics* diagnostics) {
  bool config_ok = false;
  if (Status s = LoadSiteSettings(files, root, options.load, site, &config_ok, diagnostics); !s.ok()) return s;
  if (options.prepare) {
    if (Status s = options.prepare(site); !s.ok()) return s;
  }
  const bool theme_ok = LoadTheme(EmbeddedFiles(), files, root, site->config.language, theme, diagnostics);
  // The pages come before the records: every record page has the navigation.
  // Their diagnostics are about other files than the records', so the order
  // they are found in does not show (Diagnostics sorts by file).
  Site pages_only;
  pages_only.root = site->root;
  pages_only.config = site->config;
  if (Status s = LoadSitePages(files, root, config_ok, &pages_only, diagnostics); !s.ok()) return s;
  site->pages = std::move(pages_only.pages);
  site->home_intro = std::move(pages_only.home_intro);
  // What a record's output may depend on: settings, pages, feedback summary; never other records.
  Site context;
  context.root = site->root;
  context.config = site->config;
  context.pages = site->pages;
  context.home_intro = site->home_intro;
  context.feedback_summary = site->feedback_summary;
  const SiteIndex context_index = IndexSite(context);
  RecordRenderer renderer(context, context_index, *theme);

  const std::string records_folder = JoinPath(root, "records");
  const std::vector<std::string> names = RecordFileNames(files, root, site->config, config_ok, diagnostics);
  site->record_files = names.size();
  // Read in the order of their ids when "id:" does not say otherwise (the
  // file name without .yaml), so that the spool is read back in order.
  std::vector<size_t> order(names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto stem = [&](size_t i) { return std::string_view(names[i]).substr(0, names[i].size() - 5); };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return stem(a) < stem(b); });

  PartsSpool spool(sink->keeps_files());
  Diagnostics render_diagnostics;  // shown only if loading found no error, as BuildSite's are
  std::atomic<bool> render_failed{false};
  std::atomic<size_t> done_count{0};
  const size_t total = names.size() + 4 + site->pages.size();
  std::vector<Done> done;
  done.reserve(names.size());
  std::vector<Done> batch;
  const size_t batch_size = options.batch > 0 ? options.batch : kBatch;
  for (size_t start = 0; start < order.size(); start += batch_size) {
    const size_t n = std::min(batch_size, order.size() - start);
    // Rendering is of use only while nothing has an error: after one, the
    // build fails and its output and render errors are never shown.
    const bool render = theme_ok && !diagnostics->has_errors();
    batch.assign(n, {});
    ParallelFor(n, [&](size_t k) {
      Done& slot = batch[k];
      slot.file_index = order[start + k];
      const std::string& name = names[slot.file_index];
      const std::string path = JoinPath(records_folder, name);
      Result<std::string> text = files.ReadFile(path);
      if (!text.ok()) {
        // Deleted since the folder was listed: gone, as LoadSite treats it.
        if (!text.status().is_not_found()) slot.error = text.status();
        return;
      }
      Diagnostics local;
      std::optional<Record> record = LoadRecord(path, std::string(stem(slot.file_index)), text.value(), site->config, &local);
      std::vector<int> lines;  // of the file, that later diagnostics may show
      if (record) {
        slot.loaded = true;
        slot.draft = record->is_draft();
        slot.identity = IdentityOf(*record);
        lines.push_back(slot.identity.id_location.line);
        lines.push_back(slot.identity.service_location.line);
        if (render && (!slot.draft || options.load.include_drafts)) {
          if (options.annotate) slot.error = options.annotate(&*record);
          if (slot.error.ok()) {
            RecordOutput output;
            if (!renderer.Render(*record, sink, built, &render_diagnostics, &output)) render_failed = true;
            CollectRecordLinks(site->config, *record, text.value(), &slot.links, &output.markdown_links);
            for (const InternalLink& link : slot.links) lines.push_back(link.at.line);
            slot.json_entry = std::move(output.json_entry);
            slot.csv_row = std::move(output.csv_row);
            slot.feed_texts = std::move(output.feed_texts);
            slot.search_entry = std::move(output.search_entry);
            slot.list_row = std::move(output.list_row);
            slot.rendered = true;
          }
        }
        KeepListedParts(&*record);
        slot.listed = std::move(*record);
      }
      // The file's text is needed only to show the lines diagnostics point at.
      local.KeepSourceLines(path, lines);
      diagnostics->AddAll(local);
      const size_t finished = ++done_count;
      if (options.progress) options.progress({finished, total});
    });
    for (Done& slot : batch) {
      if (!slot.error.ok()) return slot.error;
      if (!slot.loaded) continue;
      if (slot.rendered) {
        slot.parts = spool.Add(slot.json_entry, slot.csv_row, slot.search_entry, slot.list_row, slot.feed_texts,
                               &slot.feed_parts);
        // Freed, not just emptied: assigning an empty string keeps the capacity.
        for (std::string* text : {&slot.json_entry, &slot.csv_row, &slot.search_entry, &slot.list_row}) {
          std::string().swap(*text);
        }
        std::vector<FeedEntryText>().swap(slot.feed_texts);
      }
      done.push_back(std::move(slot));
    }
  }

  // The checks across records, in the order LoadSite makes them.
  std::vector<Done*> by_file;
  for (Done& d : done) by_file.push_back(&d);
  std::sort(by_file.begin(), by_file.end(), [](const Done* a, const Done* b) { return a->file_index < b->file_index; });
  std::vector<RecordIdentity> identities;
  identities.reserve(by_file.size());
  for (const Done* d : by_file) identities.push_back(d->identity);
  const std::vector<bool> kept = CheckAcrossRecords(identities, site->config, config_ok, diagnostics);
  // Freed, not emptied: `v = {}` assigns an empty list and keeps the capacity.
  std::vector<RecordIdentity>().swap(identities);
  std::vector<Done*> on_site;
  for (size_t i = 0; i < by_file.size(); ++i) {
    if (kept[i] && (!by_file[i]->draft || options.load.include_drafts)) on_site.push_back(by_file[i]);
  }
  std::sort(on_site.begin(), on_site.end(), [](const Done* a, const Done* b) { return a->listed.id < b->listed.id; });

  const bool build = theme_ok && !diagnostics->has_errors();
  std::vector<PartsSpool::RecordParts> parts;
  std::vector<PartsSpool::FeedPart> feed_parts;
  std::vector<InternalLink> links;
  CollectSitePageLinks(*site, &links);
  if (build) {
    size_t feed_count = 0, link_count = links.size();
    for (const Done* d : on_site) {
      feed_count += d->feed_parts.size();
      link_count += d->links.size();
    }
    feed_parts.reserve(feed_count);
    links.reserve(link_count);
    parts.reserve(on_site.size());
  }
  site->records.reserve(on_site.size());
  for (size_t r = 0; r < on_site.size(); ++r) {
    Done* d = on_site[r];
    if (build) {
      // With no error every record on the site was rendered, and ids are
      // unique, so that `r` orders as the record id does.
      parts.push_back(d->parts);
      for (PartsSpool::FeedPart& part : d->feed_parts) {
        part.record = r;
        feed_parts.push_back(part);
      }
      std::vector<PartsSpool::FeedPart>().swap(d->feed_parts);
      for (InternalLink& link : d->links) links.push_back(std::move(link));
      std::vector<InternalLink>().swap(d->links);
    }
    site->records.push_back(std::move(d->listed));
  }
  std::vector<Done>().swap(done);  // about 1 KB a record, held to the end by `done = {}`
  if (!build) return Status::Ok();
  diagnostics->AddAll(render_diagnostics);
  spool.EndAdding(std::move(parts));
  if (Status s = spool.WriteOut(*site, sink); !s.ok()) return s;
  built->Add("records.json", "");
  built->Add("records.csv", "");
  const SiteIndex index = IndexSite(*site);
  const bool site_wide = BuildSiteWide(*site, index, *theme, !render_failed, sink, built, diagnostics,
                                       options.progress, {done_count.load(), total}, spool);
  // The lists and the search index read their rows and entries back.
  if (Status s = spool.status(); !s.ok()) return s;
  if (site_wide) {
    built->Add(std::string(kSiteFeedPath), "");
    if (Status s = spool.WriteFeed(*site, std::move(feed_parts), sink); !s.ok()) return s;
  }
  CheckLinks(site->config, links, *built, diagnostics);
  return Status::Ok();
}

}  // namespace lantern
