#include "assemble/record_output.h"

#include "assemble/views.h"
#include "model/addresses.h"
#include "publish/csv_writer.h"
#include "publish/record_data.h"

namespace lantern {

std::optional<std::string> RecordListRow(const Site& site, const Theme& theme, TemplateSet* templates,
                                         const Record& record, Diagnostics* diagnostics) {
  return templates->RenderPartial("record_row", RecordListEntry(site, theme, record, site.config.today), diagnostics);
}

bool RenderRecordOutput(const Site& site, const SiteIndex& index, const Theme& theme, TemplateSet* templates,
                        const Record& record, Diagnostics* diagnostics, RecordOutput* output) {
  Value view = PageView(site, index, theme, PageKind::kRecord, record.Text("summary.name"), RecordUrl(site, record));
  AddRecordView(site, theme, record, site.config.today, &view, &output->markdown_links);
  // The record's own one sentence is what a search result should show of it.
  if (std::string sentence = record.Text("summary.one_sentence_description"); !sentence.empty()) {
    view.Set("meta_description", TextValue(std::move(sentence)));
  }
  std::optional<std::string> html = templates->RenderInLayout("record", "layout", std::move(view), diagnostics);
  output->page_path = RecordPath(record) + "index.html";
  output->page_html = html ? std::move(*html) : std::string();
  const Value data = RecordData(site, record);
  RecordJsonParts json = MakeRecordJsonParts(site, data);
  output->json_path = RecordJsonPath(record);
  output->json_file = std::move(json.own_file);
  output->json_entry = std::move(json.list_entry);
  output->csv_row = RecordsCsvRow(site, data);
  output->search_entry = SearchIndexEntry(site, theme, record);
  output->feed_texts = FeedEntryTexts(RecordFeedEntries(site, record));
  output->feed_path = RecordFeedPath(record);
  output->feed_file = RecordFeed(site, record, output->feed_texts);
  std::optional<std::string> row = RecordListRow(site, theme, templates, record, diagnostics);
  output->list_row = row ? std::move(*row) : std::string();
  const bool notice_ok = RenderNoticeKit(site, index, theme, templates, record, diagnostics, &output->notice_files);
  return html.has_value() && row.has_value() && notice_ok;
}

}  // namespace lantern
