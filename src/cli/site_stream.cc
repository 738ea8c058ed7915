#include "cli/site_stream.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "assemble/link_checker.h"
#include "assemble/record_output.h"
#include "assemble/site_index.h"
#include "base/parallel.h"
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

// records.json's and records.csv's part of each record, kept in temporary
// files until every record is known: both list records by id, and "id:" may
// give a record an id that sorts elsewhere than its file's name.
class PartsSpool {
 public:
  explicit PartsSpool(bool enabled) {
    if (!enabled) return;
    json_ = std::tmpfile();
    csv_ = std::tmpfile();
    feed_ = std::tmpfile();
    if (!json_ || !csv_ || !feed_) failed_ = true;
  }
  ~PartsSpool() {
    if (json_) std::fclose(json_);
    if (csv_) std::fclose(csv_);
    if (feed_) std::fclose(feed_);
  }

  // A feed.xml entry: what orders it, and where its XML is. FeedEntryBefore
  // orders by date (newest first), record id, then entry id; a record's
  // entries come in that order (RecordFeedEntries) and are spooled in it, so
  // that, among the site's records in id order, the record's place and the
  // spool offset stand for the two ids (a few bytes, where the ids and the
  // rest of a FeedEntry were a few hundred per entry).
  struct FeedPart {
    Date date;
    size_t record = 0;  // the record's place among the site's, by id: set by the caller
    size_t at = 0, size = 0;
  };
  // Spools `entries` (one record's, in RecordFeedEntries' order); returns their parts.
  std::vector<FeedPart> AddFeed(const std::vector<FeedEntryText>& entries) {
    std::vector<FeedPart> parts;
    parts.reserve(entries.size());
    for (const FeedEntryText& entry : entries) {
      const std::string& xml = entry.xml;
      FeedPart part;
      part.date = entry.date;
      part.at = feed_size_;
      part.size = xml.size();
      if (feed_ && !failed_) failed_ |= std::fwrite(xml.data(), 1, xml.size(), feed_) != xml.size();
      feed_size_ += xml.size();
      parts.push_back(std::move(part));
    }
    return parts;
  }

  // feed.xml from every record's `parts`, in the feed's order.
  Status WriteFeed(const Site& site, std::vector<FeedPart> parts, OutputSink* sink) {
    if (!feed_) return Status::Ok();
    if (failed_ || std::fflush(feed_) != 0) return SpoolError();
    std::stable_sort(parts.begin(), parts.end(), [](const FeedPart& a, const FeedPart& b) {
      if (a.date != b.date) return b.date < a.date;
      if (a.record != b.record) return a.record < b.record;
      return a.at < b.at;
    });
    std::string xml = SiteFeedHead(site, parts.empty() ? std::nullopt : std::optional<Date>(parts.front().date));
    for (const FeedPart& part : parts) {
      if (!ReadAt(feed_, part.at, part.size, &xml)) return SpoolError();
      if (xml.size() >= kChunk) {
        sink->Append(std::string(kSiteFeedPath), xml);
        xml.clear();
      }
    }
    xml += kFeedTail;
    sink->Append(std::string(kSiteFeedPath), xml);
    return Status::Ok();
  }
  PartsSpool(const PartsSpool&) = delete;
  PartsSpool& operator=(const PartsSpool&) = delete;

  // Returns the part's number.
  size_t Add(const std::string& json_entry, const std::string& csv_row) {
    Part part{json_size_, json_entry.size(), csv_size_, csv_row.size()};
    if (json_ && csv_ && !failed_) {
      failed_ |= std::fwrite(json_entry.data(), 1, json_entry.size(), json_) != json_entry.size();
      failed_ |= std::fwrite(csv_row.data(), 1, csv_row.size(), csv_) != csv_row.size();
    }
    json_size_ += json_entry.size();
    csv_size_ += csv_row.size();
    parts_.push_back(part);
    return parts_.size() - 1;
  }

  // Appends to `sink` records.json and records.csv of the parts numbered
  // `order`, in that order.
  Status WriteOut(const Site& site, const std::vector<size_t>& order, OutputSink* sink) {
    if (!json_) return Status::Ok();
    if (failed_ || std::fflush(json_) != 0 || std::fflush(csv_) != 0) return SpoolError();
    const size_t count = order.size();
    std::string json = RecordsJsonHead(site, count);
    std::string csv = RecordsCsvHeader(CsvLayoutOf(site));
    for (size_t k = 0; k < count; ++k) {
      const Part& part = parts_[order[k]];
      if (k > 0) json += ",\n";
      if (!ReadAt(json_, part.json_at, part.json_size, &json) || !ReadAt(csv_, part.csv_at, part.csv_size, &csv)) {
        return SpoolError();
      }
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
    return Status::Ok();
  }

  bool failed() const { return failed_; }

 private:
  struct Part {
    size_t json_at, json_size, csv_at, csv_size;
  };
  static constexpr size_t kChunk = 1 << 20;  // bytes given to the sink at once

  static Status SpoolError() {
    return Status::Error("cannot write the temporary file for records.json and records.csv (is the disk full?)");
  }

  static bool ReadAt(std::FILE* file, size_t at, size_t size, std::string* out) {
    if (size == 0) return true;
    if (std::fseek(file, static_cast<long>(at), SEEK_SET) != 0) return false;
    const size_t start = out->size();
    out->resize(start + size);
    return std::fread(out->data() + start, 1, size, file) == size;
  }

  std::FILE* json_ = nullptr;
  std::FILE* csv_ = nullptr;
  std::FILE* feed_ = nullptr;
  bool failed_ = false;
  size_t json_size_ = 0, csv_size_ = 0, feed_size_ = 0;
  std::vector<Part> parts_;
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
  std::vector<PartsSpool::FeedPart> feed_parts;
  size_t part = 0;  // in the spool, when rendered
  // Its entry of the search index and row of the lists, when rendered.
  SharedFile search_entry, list_row;
  // Only while the batch is being finished:
  std::string json_entry, csv_row;
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
            slot.search_entry = std::make_shared<const std::string>(std::move(output.search_entry));
            slot.list_row = std::make_shared<const std::string>(std::move(output.list_row));
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
        slot.part = spool.Add(slot.json_entry, slot.csv_row);
        slot.feed_parts = spool.AddFeed(slot.feed_texts);
        // Freed, not just emptied: assigning an empty string keeps the capacity.
        std::string().swap(slot.json_entry);
        std::string().swap(slot.csv_row);
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
  identities = {};
  std::vector<Done*> on_site;
  for (size_t i = 0; i < by_file.size(); ++i) {
    if (kept[i] && (!by_file[i]->draft || options.load.include_drafts)) on_site.push_back(by_file[i]);
  }
  std::sort(on_site.begin(), on_site.end(), [](const Done* a, const Done* b) { return a->listed.id < b->listed.id; });

  const bool build = theme_ok && !diagnostics->has_errors();
  std::vector<size_t> parts;
  std::vector<PartsSpool::FeedPart> feed_parts;
  ListedParts listed;
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
    listed.search_entries.reserve(on_site.size());
    listed.rows.reserve(on_site.size());
  }
  site->records.reserve(on_site.size());
  for (size_t r = 0; r < on_site.size(); ++r) {
    Done* d = on_site[r];
    if (build) {
      // With no error every record on the site was rendered, and ids are
      // unique, so that `r` orders as the record id does.
      parts.push_back(d->part);
      for (PartsSpool::FeedPart& part : d->feed_parts) {
        part.record = r;
        feed_parts.push_back(part);
      }
      std::vector<PartsSpool::FeedPart>().swap(d->feed_parts);
      for (InternalLink& link : d->links) links.push_back(std::move(link));
      std::vector<InternalLink>().swap(d->links);
      listed.search_entries.push_back(std::move(d->search_entry));
      listed.rows.push_back(std::move(d->list_row));
    }
    site->records.push_back(std::move(d->listed));
  }
  done = {};
  if (!build) return Status::Ok();
  diagnostics->AddAll(render_diagnostics);
  if (Status s = spool.WriteOut(*site, parts, sink); !s.ok()) return s;
  built->Add("records.json", "");
  built->Add("records.csv", "");
  const SiteIndex index = IndexSite(*site);
  if (BuildSiteWide(*site, index, *theme, !render_failed, sink, built, diagnostics, options.progress,
                    {done_count.load(), total}, listed)) {
    built->Add(std::string(kSiteFeedPath), "");
    if (Status s = spool.WriteFeed(*site, std::move(feed_parts), sink); !s.ok()) return s;
  }
  CheckLinks(site->config, links, *built, diagnostics);
  return Status::Ok();
}

}  // namespace lantern
