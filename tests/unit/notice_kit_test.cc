// The decision-notice kit: short addresses, the QR code read back by a real
// decoder, the redirect and the notice page.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>
#include <sstream>

#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "model/addresses.h"
#include "publish/qr_code.h"
#include "render/html_escape.h"
#include "testing/example_site.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

using Built = testing::BuiltSite;
using testing::ExampleSite;

// What `command` printed, or nullopt when it could not run or failed.
std::optional<std::string> Output(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  if (pclose(pipe) != 0) return std::nullopt;
  return out;
}

// The text a real decoder reads from `svg`: rendered to PNG by rsvg-convert,
// then read by zbarimg (both installed by ./setup test).
std::optional<std::string> Decoded(const std::string& svg) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() + "/qr.svg", svg);
  const std::string png = dir.path() + "/qr.png";
  if (!Output("rsvg-convert -w 300 -b white -o '" + png + "' '" + dir.path() + "/qr.svg' 2>/dev/null")) return std::nullopt;
  std::optional<std::string> text = Output("zbarimg --quiet --raw '" + png + "' 2>/dev/null");
  if (text && !text->empty() && text->back() == '\n') text->pop_back();
  return text;
}

TEST(ShortCodeTest, SevenUnambiguousCharactersThatDependOnTheIdAlone) {
  // Fixed by the SHA-256 of the id: a printed letter keeps working after
  // any rebuild, and after records are added.
  EXPECT_EQ("p4t6qm6", ShortCode("bin-check"));
  EXPECT_EQ("r/p4t6qm6/", ShortPath("bin-check"));
  EXPECT_EQ("records/bin-check/notice/", NoticePath("bin-check"));
  const std::regex alphabet("[0-9a-hjkmnp-tv-z]{7}");
  std::set<std::string> codes;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = ShortCode("tool-" + std::to_string(i));
    EXPECT_TRUE(std::regex_match(code, alphabet)) << code;
    codes.insert(code);
  }
  EXPECT_EQ(2000u, codes.size());
}

TEST(ShortCodeTest, TwoIdsWithOneShortAddressAreAnErrorOnTheLaterFile) {
  // Found by search: these two ids share the code 3b9s3g9.
  ASSERT_EQ(ShortCode("tool-195293"), ShortCode("tool-218698"));
  std::vector<RecordIdentity> records(2);
  records[0].id = "tool-195293";
  records[0].source_path = "records/tool-195293.yaml";
  records[1].id = "tool-218698";
  records[1].source_path = "records/tool-218698.yaml";
  Diagnostics d;
  const std::vector<bool> kept = CheckAcrossRecords(records, SiteConfig{}, true, &d);
  EXPECT_EQ((std::vector<bool>{true, false}), kept);
  ASSERT_EQ(1, d.error_count()) << d.Format();
  EXPECT_EQ("L082", d.Sorted()[0].code);
  EXPECT_EQ("records/tool-218698.yaml", d.Sorted()[0].path);
  EXPECT_NE(std::string::npos, d.Format().find("same short address (/r/3b9s3g9/) as \"tool-195293\"")) << d.Format();
}

TEST(QrCodeTest, ARealDecoderReadsBackTheText) {
  const std::string url = "https://www.example-council.gov.uk/ai/r/p4t6qm6/";
  const std::optional<std::string> svg = QrCodeSvg(url, "QR code for " + url);
  ASSERT_TRUE(svg);
  EXPECT_NE(std::string::npos, svg->find("<title id=\"qr-title\">QR code for " + url + "</title>"));
  EXPECT_EQ(std::optional<std::string>(url), Decoded(*svg)) << "needs rsvg-convert and zbarimg (./setup test)";
  // Text with markup in its title stays one well-formed image.
  const std::optional<std::string> odd = QrCodeSvg("a<b>&c", "<script>");
  ASSERT_TRUE(odd);
  EXPECT_EQ(std::string::npos, odd->find("<script>"));
  EXPECT_EQ(std::optional<std::string>("a<b>&c"), Decoded(*odd));
}

TEST(QrCodeTest, TextTooLongForAnyVersionIsRefusedNotCrashed) {
  EXPECT_FALSE(QrCodeSvg(std::string(4000, 'x'), "too long"));
}

// Done when: "A printed letter's QR code, scanned, opens the record's notice
// page." The code of every record reads back to its short address, and that
// address's page leads, without JavaScript, to the record's notice page.
TEST(NoticeKitTest, EachRecordsQrCodeScannedLeadsToItsNoticePage) {
  const Built& b = ExampleSite();
  ASSERT_FALSE(b.site.records.empty());
  for (const Record& record : b.site.records) {
    const std::string notice = NoticePath(record);
    ASSERT_TRUE(b.output.count(notice + "qr.svg")) << record.id;
    const std::optional<std::string> scanned = Decoded(b.output.at(notice + "qr.svg"));
    ASSERT_TRUE(scanned) << record.id;
    const std::string base = b.site.config.base_url;
    ASSERT_EQ(base + ShortPath(record), *scanned);
    const std::string& redirect = b.output.at(scanned->substr(base.size()) + "index.html");
    const std::string target = b.site.config.root_path + notice;
    EXPECT_NE(std::string::npos, redirect.find("<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\">"))
        << redirect;
    EXPECT_NE(std::string::npos, redirect.find("<a href=\"" + target + "\">")) << redirect;
    EXPECT_NE(std::string::npos, redirect.find("<meta name=\"robots\" content=\"noindex\">"));
    EXPECT_EQ(std::string::npos, redirect.find("<script"));
    ASSERT_TRUE(b.output.count(notice + "index.html")) << record.id;
  }
}

TEST(NoticeKitTest, TheNoticePageGivesTheResidentTheirRightsAndStaffTheTextToCopy) {
  const Built& b = ExampleSite();
  const Record& record = *std::find_if(b.site.records.begin(), b.site.records.end(),
                                       [](const Record& r) { return !r.is_retired(); });
  const std::string& page = b.output.at(NoticePath(record) + "index.html");
  const std::string name = record.Text("summary.name");
  const std::string short_url = b.site.config.base_url + ShortPath(record);
  EXPECT_NE(std::string::npos, page.find(">" + name + "</h1>")) << page;
  EXPECT_NE(std::string::npos, page.find("If this tool helped with a decision about you"));
  // The record's own form (or email), and the full record.
  EXPECT_NE(std::string::npos, page.find("href=\"" + b.site.config.root_path + "records/" + record.id + "/\""));
  // The letter's words as text and as escaped HTML in read-only boxes with labels.
  EXPECT_NE(std::string::npos, page.find("We used a computer tool, " + name +
                                         ", to help make this decision. Read what it does and how to ask for a "
                                         "person to review the decision at " + short_url + "</textarea>"))
      << page;
  EXPECT_NE(std::string::npos, page.find("&lt;a href=&quot;" + short_url + "&quot;&gt;" + short_url + "&lt;/a&gt;"))
      << page;
  EXPECT_NE(std::string::npos, page.find("<label class=\"label\" for=\"notice-letter-text\">"));
  EXPECT_NE(std::string::npos, page.find("alt=\"QR code for " + short_url + "\""));
  // The layout's alternates are the record's own feed and data.
  EXPECT_NE(std::string::npos, page.find("href=\"" + b.site.config.root_path + "records/" + record.id + "/feed.xml\""));
  EXPECT_NE(std::string::npos, page.find("href=\"" + b.site.config.root_path + "records/" + record.id + ".json\""));
  EXPECT_EQ(std::string::npos, page.find("href=\"\""));
  // The record page links to its kit.
  const std::string& record_page = b.output.at(RecordPath(record) + "index.html");
  EXPECT_NE(std::string::npos, record_page.find("href=\"" + b.site.config.root_path + NoticePath(record) + "\""));
  // A retired tool's page says so; one in use does not.
  EXPECT_EQ(std::string::npos, page.find("This tool is no longer used."));
  for (const Record& other : b.site.records) {
    if (!other.is_retired()) continue;
    EXPECT_NE(std::string::npos, b.output.at(NoticePath(other) + "index.html").find("This tool is no longer used."))
        << other.id;
  }
  // The sitemap lists the notice page and not the redirect.
  const std::string& sitemap = b.output.at("sitemap.xml");
  EXPECT_NE(std::string::npos, sitemap.find("<loc>" + b.site.config.base_url + NoticePath(record) + "</loc>"));
  EXPECT_EQ(std::string::npos, sitemap.find("/r/"));
}

// The declarations of a style attribute or a CSS rule's body, trimmed, in order.
std::vector<std::string> Declarations(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ';');) {
    const size_t begin = part.find_first_not_of(" \n");
    if (begin == std::string::npos) continue;
    out.push_back(part.substr(begin, part.find_last_not_of(" \n") - begin + 1));
  }
  return out;
}

TEST(NoticeKitTest, TheCardForServicePagesIsOneFileItsSourceToCopyAndItsPreview) {
  const Built& b = ExampleSite();
  for (const Record& record : b.site.records) {
    const std::string notice = NoticePath(record);
    ASSERT_TRUE(b.output.count(notice + "card.html")) << record.id;
    const std::string& card = b.output.at(notice + "card.html");
    const std::string short_url = b.site.config.base_url + ShortPath(record);
    EXPECT_EQ(0u, card.find("<div class=\"lantern-card\" lang=\"en\" style=\"")) << card;
    EXPECT_NE(std::string::npos, card.find(">This service uses an algorithmic tool</h2>")) << card;
    EXPECT_NE(std::string::npos, card.find("<strong>" + EscapeHtml(record.Text("summary.name")) + "</strong>"));
    // An absolute link: the card lives on the council's own site.
    EXPECT_NE(std::string::npos, card.find("href=\"" + short_url + "\"")) << card;
    EXPECT_EQ(std::string::npos, card.find("<script"));
    EXPECT_EQ(std::string::npos, card.find("<style"));  // not valid in a page's body
    EXPECT_EQ(std::string::npos, card.find("<link"));
    const std::string& page = b.output.at(notice + "index.html");
    // The preview is the card without its style attributes (the page's
    // Content-Security-Policy refuses them; style.css styles its classes).
    EXPECT_NE(std::string::npos, page.find(std::regex_replace(card, std::regex(" style=\"[^\"]*\""), "")))
        << record.id << ": the preview is not the card";
    EXPECT_EQ(std::string::npos, page.find(" style=\"")) << record.id;
    EXPECT_NE(std::string::npos, page.find(">" + EscapeHtml(card) + "</textarea>")) << record.id;
    EXPECT_NE(std::string::npos, page.find("href=\"" + b.site.config.root_path + notice + "card.html\" download"));
  }
}

// The card carries its style in style attributes (a council's page links no
// stylesheet of ours); the theme's style.css styles the same classes where a
// Content-Security-Policy refuses style attributes, as on Lantern's own pages.
// Each class's attribute and rule must say the same.
TEST(NoticeKitTest, TheCardsStyleAttributesAndTheThemesRulesAgree) {
  const Built& b = ExampleSite();
  const std::string& card = b.output.at(NoticePath(b.site.records.front()) + "card.html");
  const std::string css = testing::ReadFileOrEmpty(testing::SourceDir() + "/themes/default/static/style.css");
  const std::regex element("class=\"(lantern-card[a-z_-]*)\"[^>]*? style=\"([^\"]*)\"");
  int classes = 0;
  for (std::sregex_iterator it(card.begin(), card.end(), element), end; it != end; ++it) {
    ++classes;
    const std::string name = (*it)[1];
    std::smatch rule;
    ASSERT_TRUE(std::regex_search(css, rule, std::regex("\\n\\." + name + " \\{([^}]*)\\}"))) << name;
    EXPECT_EQ(Declarations((*it)[2]), Declarations(rule[1])) << name;
  }
  EXPECT_EQ(4, classes) << card;  // the box, its heading, its sentence and its link
}

}  // namespace
}  // namespace lantern
