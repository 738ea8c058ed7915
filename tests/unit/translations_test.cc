// Bilingual sites: translation file names, the overlay of a translation on
// its original, the addresses of each language's pages, and the editions a
// build makes (the whole output is held by tests/golden/sites/bilingual).
#include <gtest/gtest.h>

#include "assemble/editions.h"
#include "assemble/views.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "load/translation_loader.h"
#include "load/yaml_reader.h"
#include "model/addresses.h"
#include "model/languages.h"
#include "publish/csv_writer.h"
#include "publish/record_data.h"
#include "testing/example_site.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

Value Yaml(const std::string& text) {
  Diagnostics d;
  std::optional<Value> v = ReadYaml("x.yaml", text, &d);
  EXPECT_TRUE(v.has_value()) << d.Format();
  return v ? *v : Value();
}

SiteConfig Bilingual() {
  SiteConfig config;
  config.base_url = "https://ai.test.example/ai/";
  config.root_path = "/ai/";
  config.languages = {"cy", "en"};
  config.language = "cy";
  config.source_language = "en";
  return config;
}

TEST(TranslationNameTest, SplitsOnlyNamesWithALanguagePart) {
  std::optional<TranslationName> name = SplitTranslationName("bin-check.cy.yaml", ".yaml");
  ASSERT_TRUE(name);
  EXPECT_EQ("bin-check", name->stem);
  EXPECT_EQ("cy", name->language);
  EXPECT_FALSE(SplitTranslationName("bin-check.yaml", ".yaml"));
  EXPECT_FALSE(SplitTranslationName(".cy.yaml", ".yaml"));
  EXPECT_FALSE(SplitTranslationName("bin-check..yaml", ".yaml"));
  EXPECT_FALSE(SplitTranslationName("bin-check.cy.md", ".yaml"));
  ASSERT_TRUE(SplitTranslationName("about.cy-GB.md", ".md"));
  EXPECT_EQ("cy-GB", SplitTranslationName("about.cy-GB.md", ".md")->language);
}

TEST(OverlayTranslationTest, TranslatedFieldsReplaceTheOriginalsEntryByEntry) {
  const Value original = Yaml(
      "phase: production\n"
      "summary: {name: Bin check, description: Checks bins.}\n"
      "risks:\n  risks_and_mitigations:\n"
      "    - {risk: First, mitigation: One}\n"
      "    - {risk: Second, mitigation: Two}\n"
      "tags: [waste, bins]\n");
  const Value translated = Yaml(
      "summary: {name: Gwiriad bin}\n"
      "risks:\n  risks_and_mitigations:\n    - {risk: Cyntaf}\n"
      "tags: [gwastraff]\n");
  const Value shown = OverlayTranslation(original, translated);
  EXPECT_EQ("Gwiriad bin", shown.FindPath("summary.name")->text());
  EXPECT_EQ("Checks bins.", shown.FindPath("summary.description")->text());
  EXPECT_EQ("production", shown.Find("phase")->text());
  const Value& risks = *shown.FindPath("risks.risks_and_mitigations");
  ASSERT_EQ(2u, risks.items().size());
  EXPECT_EQ("Cyntaf", risks.items()[0].Find("risk")->text());
  EXPECT_EQ("One", risks.items()[0].Find("mitigation")->text());
  EXPECT_EQ("Second", risks.items()[1].Find("risk")->text());
  // A list of texts is one value: translated whole.
  ASSERT_EQ(1u, shown.Find("tags")->items().size());
  EXPECT_EQ("gwastraff", shown.Find("tags")->items()[0].text());
}

TEST(EditionAddressTest, OtherLanguagesArePrefixedAndSharedFilesAreNot) {
  SiteConfig config = Bilingual();
  EXPECT_EQ("", EditionPrefix(config, "cy"));
  EXPECT_EQ("en/", EditionPrefix(config, "en"));
  config.edition_prefix = "en/";
  EXPECT_EQ("/ai/en/records/bin-check/", SiteUrl(config, RecordPath("bin-check")));
  EXPECT_EQ("https://ai.test.example/ai/en/feed.xml", AbsoluteUrl(config, kSiteFeedPath));
  for (const char* shared : {"assets/style.css", "favicon.ico", "records.json", "records.csv", "sitemap.xml",
                             "robots.txt", "schema/record.json", "records/bin-check.json"}) {
    EXPECT_TRUE(IsSharedAcrossLanguages(shared)) << shared;
    EXPECT_EQ(std::string("/ai/") + shared, SiteUrl(config, shared));
  }
  for (const char* own : {"records/bin-check/", "records/bin-check/feed.xml", "search-index.json", "feed.xml",
                          "records/service/parking/", "pages/about/", "data/", "", "records/x/y.json"}) {
    EXPECT_FALSE(IsSharedAcrossLanguages(own)) << own;
  }
  EXPECT_EQ("/ai/pages/about/", CounterpartUrl(config, "/ai/en/pages/about/", "cy"));
  EXPECT_EQ("/ai/en/", CounterpartUrl(config, "/ai/en/", "en"));
  config.edition_prefix = "";
  EXPECT_EQ("/ai/en/records/", CounterpartUrl(config, "/ai/records/", "en"));
  EXPECT_EQ("records/", PathBelowEdition(config, "/ai/records/"));
}

// Markdown links are written for the default language's pages; in another
// edition they lead to its own pages, except what every language shares.
TEST(EditionAddressTest, LinksWrittenForTheDefaultLanguageLeadToThisEditionsPages) {
  SiteConfig config = Bilingual();
  EXPECT_EQ("/ai/records/bin-check/", EditionUrl(config, "/ai/records/bin-check/"));  // the default edition
  config.edition_prefix = "en/";
  EXPECT_EQ("/ai/en/records/bin-check/", EditionUrl(config, "/ai/records/bin-check/"));
  EXPECT_EQ("/ai/en/pages/how-to-object/#review", EditionUrl(config, "/ai/pages/how-to-object/#review"));
  EXPECT_EQ("/ai/en/", EditionUrl(config, "/ai/"));
  for (const char* kept : {"/ai/records.csv", "/ai/records/bin-check.json", "/ai/assets/leaflet.pdf",
                           "/ai/records.csv?download=1", "/ai/en/records/bin-check/", "/ai/cy/records/", "/ai/en",
                           "https://www.gov.uk/", "//cdn.example/x", "mailto:ai@example.gov.uk", "#section",
                           "other/page/", "/elsewhere/"}) {
    EXPECT_EQ(kept, EditionUrl(config, kept)) << kept;
  }
}

TEST(LanguageNamesTest, KnownLanguagesByTheirPrimarySubtag) {
  EXPECT_EQ("Welsh", LanguageNameInEnglish("cy-GB"));
  EXPECT_EQ("Cymraeg", LanguageNameInItself("CY"));
  EXPECT_EQ("English", LanguageNameInItself("en"));
  EXPECT_EQ("xx", LanguageNameInEnglish("xx"));
}

TEST(EditionSinkTest, PrefixesPagesAndWritesSharedFilesOnce) {
  OutputTree tree;
  MemoryOutput inner(&tree);
  EditionSink welsh(&inner, "cy/", false);
  welsh.Put("index.html", "cy home");
  welsh.Put("records.json", "dropped");
  welsh.Append("records.csv", "dropped");
  welsh.Put("assets/style.css", "dropped");
  EditionSink english(&inner, "", true);
  english.Put("index.html", "en home");
  english.Put("records.json", "kept");
  EXPECT_EQ("cy home", tree.at("cy/index.html"));
  EXPECT_EQ("en home", tree.at("index.html"));
  EXPECT_EQ("kept", tree.at("records.json"));
  EXPECT_EQ(0u, tree.count("records.csv"));
  EXPECT_EQ(0u, tree.count("assets/style.css"));
  EXPECT_EQ(0u, tree.count("cy/records.json"));
}

// The golden bilingual fixture, loaded: translations attached, in place.
Site LoadBilingualFixture(Diagnostics* d) {
  DiskFileSystem disk;
  Site site;
  LoadOptions options;
  options.today = Date{2026, 11, 22};
  EXPECT_TRUE(LoadSite(disk, testing::SourceDir() + "/tests/golden/sites/bilingual/input", options, &site, d).ok());
  return site;
}

TEST(EditionTest, RecordsAndPagesShowTheirTranslationOrSayTheyHaveNone) {
  Diagnostics d;
  const Site site = LoadBilingualFixture(&d);
  ASSERT_EQ(0, d.error_count()) << d.Format();
  ASSERT_EQ(2u, site.records.size());
  const Record& bins = site.records[0];
  ASSERT_EQ("bin-check", bins.id);
  ASSERT_EQ(1u, bins.translations.size());
  EXPECT_EQ("cy", bins.translations[0].language);
  EXPECT_FALSE(bins.translations[0].by_machine);
  EXPECT_TRUE(bins.translations[0].missing_tier1.empty());

  const Site welsh = EditionOf(site, "cy");
  EXPECT_EQ("", welsh.config.edition_prefix);
  EXPECT_EQ("cy", welsh.config.language);
  EXPECT_EQ("Gwiriad bin mwy", welsh.records[0].Text("summary.name"));
  EXPECT_EQ("Diweddarwyd y rheol maint cartref.", welsh.records[0].changes.at(0).note);
  ASSERT_TRUE(welsh.records[0].translation_note);
  EXPECT_TRUE(welsh.records[0].translation_note->fallback_language.empty());
  ASSERT_TRUE(welsh.records[1].translation_note);
  EXPECT_EQ("en", welsh.records[1].translation_note->fallback_language);
  EXPECT_EQ(site.records[1].Text("summary.name"), welsh.records[1].Text("summary.name"));

  const Site english = EditionOf(site, "en");
  EXPECT_EQ("en/", english.config.edition_prefix);
  EXPECT_EQ("Larger bin check", english.records[0].Text("summary.name"));
  EXPECT_FALSE(english.records[0].translation_note);
  // The originals' own edition shares their trees rather than copying them.
  EXPECT_EQ(&site.records[0].data(), &english.records[0].data());
  // The originals are untouched by an edition.
  EXPECT_EQ("Larger bin check", site.records[0].Text("summary.name"));
}

// site.yaml's accessibility facts are written once, in the site's source
// language: the other language's statement marks who tested it with that lang.
TEST(EditionTest, TheAccessibilityTesterIsMarkedWithItsLanguageOnTheOtherEdition) {
  Diagnostics d;
  const Site site = LoadBilingualFixture(&d);
  ASSERT_EQ("en", site.config.source_language);
  for (const auto& [language, mark] : std::vector<std::pair<std::string, std::string>>{{"cy", "en"}, {"en", ""}}) {
    const Site edition = EditionOf(site, language);
    Value view = Value::Map();
    AddAccessibilityView(edition, testing::DefaultTheme(language), &view);
    const Value* lang = view.FindPath("statement.tested_by_lang");
    EXPECT_EQ(mark, lang ? lang->text() : "") << language;
  }
}

TEST(EditionTest, EveryPageHasItsCounterpartInTheOtherLanguage) {
  Diagnostics d;
  const Site site = LoadBilingualFixture(&d);
  std::vector<Theme> themes;
  DiskFileSystem disk;
  ASSERT_TRUE(LoadEditionThemes(EmbeddedFiles(), disk, testing::SourceDir() + "/tests/golden/sites/bilingual/input",
                                site.config, &themes, &d));
  ASSERT_EQ(2u, themes.size());
  EXPECT_EQ("Iaith", themes[0].String("language_switch_label"));
  EXPECT_EQ("Language", themes[1].String("language_switch_label"));
  OutputTree tree;
  MemoryOutput sink(&tree);
  BuiltPages built;
  ASSERT_TRUE(BuildEditions(site, {&themes[0], &themes[1]}, &sink, &built, &d)) << d.Format();
  size_t pages = 0;
  for (const auto& [path, bytes] : tree) {
    if (path.size() < 10 || path.substr(path.size() - 10) != "index.html") continue;
    ++pages;
    const bool english = path.rfind("en/", 0) == 0;
    const std::string counterpart = english ? path.substr(3) : "en/" + path;
    EXPECT_TRUE(tree.count(counterpart)) << path << " has no counterpart " << counterpart;
    EXPECT_NE(std::string::npos, bytes.find(english ? "<html lang=\"en\">" : "<html lang=\"cy\">")) << path;
    // A short address (r/<code>/) is a redirect to its language's notice page, not a page with a switch.
    if (path.find("r/") == (english ? 3u : 0u)) {
      EXPECT_NE(std::string::npos, bytes.find(english ? "url=/en/records/" : "url=/records/")) << path;
      continue;
    }
    // The switch goes to the counterpart, named in its own language.
    const std::string link = english ? "href=\"/" + counterpart.substr(0, counterpart.size() - 10) + "\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"
                                     : "href=\"/" + counterpart.substr(0, counterpart.size() - 10) + "\" hreflang=\"en\" lang=\"en\">English</a>";
    EXPECT_NE(std::string::npos, bytes.find(link)) << path;
  }
  EXPECT_GT(pages, 20u);
  // One copy of each shared file, at the root.
  EXPECT_TRUE(tree.count("records.json"));
  EXPECT_FALSE(tree.count("en/records.json"));
  EXPECT_TRUE(tree.count("en/search-index.json"));
  EXPECT_TRUE(tree.count("en/feed.xml"));
  // The untranslated record's Welsh page says so in Welsh and marks the English.
  const std::string& retired = tree.at("records/parking-permit-misuse-check/index.html");
  EXPECT_NE(std::string::npos, retired.find("Nid yw&#39;r cofnod hwn wedi&#39;i gyfieithu eto."));
  EXPECT_NE(std::string::npos, retired.find("<h1 class=\"heading-xl\" lang=\"en\">"));
  // Dates in the page's language.
  EXPECT_NE(std::string::npos, tree.at("records/bin-check/index.html").find("1 Mehefin 2025"));
  EXPECT_NE(std::string::npos, tree.at("en/records/bin-check/index.html").find("1 June 2025"));
}

TEST(OpenDataTest, EachRecordCarriesItsTranslationsInJsonAndCsv) {
  Diagnostics d;
  const Site site = LoadBilingualFixture(&d);
  ASSERT_EQ(0, d.error_count()) << d.Format();
  const Value bins = RecordData(site, site.records[0]);
  // The original's fields stay the record's own; the Welsh comes beside them.
  EXPECT_EQ("Larger bin check", bins.FindPath("summary.name")->text());
  const Value* welsh = bins.FindPath("translations.cy");
  ASSERT_NE(nullptr, welsh);
  EXPECT_EQ("Gwiriad bin mwy", welsh->FindPath("fields.summary.name")->text());
  EXPECT_EQ("person", welsh->Find("method")->text());
  EXPECT_EQ("2025-06-05", welsh->Find("reviewed_on")->text());
  EXPECT_FALSE(welsh->Find("stale")->as_bool());
  // A value that may not be translated is not repeated in the translation.
  EXPECT_EQ(nullptr, welsh->FindPath("fields.summary.phase"));
  const Value untranslated = RecordData(site, site.records[1]);
  ASSERT_NE(nullptr, untranslated.Find("translations"));
  EXPECT_TRUE(untranslated.Find("translations")->members().empty());

  const std::vector<std::string> columns = RecordsCsvColumns(CsvLayoutOf(site));
  auto column = [&](const std::string& name) {
    return std::find(columns.begin(), columns.end(), name) - columns.begin();
  };
  ASSERT_LT(column("summary.name_cy"), static_cast<long>(columns.size()));
  EXPECT_LT(column("url_cy"), column("summary.name_cy"));
  EXPECT_EQ(static_cast<long>(columns.size()), column("summary.phase_cy"));  // not translatable
  EXPECT_EQ("licence", columns.back());
  const std::string row = RecordsCsvRow(site, bins);
  EXPECT_NE(std::string::npos, row.find(",Gwiriad bin mwy,")) << row;
  EXPECT_NE(std::string::npos, row.find(",Uned Iaith Gymraeg y Cyngor,person,2025-06-03,2025-06-05,no,"));
  // One language's site has no translation columns.
  EXPECT_EQ(RecordsCsvColumns(), RecordsCsvColumns(CsvLayout{}));
  const std::vector<std::string> plain = RecordsCsvColumns();
  EXPECT_EQ(plain.end(), std::find(plain.begin(), plain.end(), "url_cy"));
  EXPECT_LT(plain.size(), columns.size());
}

TEST(SiteLanguagesTest, LanguagesSetTheDefaultAndTheSourceLanguage) {
  SiteConfig config;
  Diagnostics d;
  ASSERT_TRUE(LoadSiteConfig("site.yaml",
                             "title: T\norganisation: O\nbase_url: https://a.example/\ncontact_email: a@a.example\n"
                             "languages: [cy, en]\n",
                             &config, &d))
      << d.Format();
  EXPECT_EQ("cy", config.language);
  EXPECT_EQ("en", config.source_language);
  EXPECT_TRUE(config.bilingual());
  SiteConfig welsh_first;
  ASSERT_TRUE(LoadSiteConfig("site.yaml",
                             "title: T\norganisation: O\nbase_url: https://a.example/\ncontact_email: a@a.example\n"
                             "languages: [cy, ga]\n",
                             &welsh_first, &d));
  EXPECT_EQ("cy", welsh_first.source_language);  // no English: the default's
  SiteConfig one;
  ASSERT_TRUE(LoadSiteConfig("site.yaml",
                             "title: T\norganisation: O\nbase_url: https://a.example/\ncontact_email: a@a.example\n"
                             "language: cy\n",
                             &one, &d));
  EXPECT_FALSE(one.bilingual());
  EXPECT_EQ("cy", one.source_language);
  SiteConfig empty;
  Diagnostics broken;
  EXPECT_FALSE(LoadSiteConfig("site.yaml",
                              "title: T\norganisation: O\nbase_url: https://a.example/\ncontact_email: a@a.example\n"
                              "languages: []\n",
                              &empty, &broken));
  EXPECT_NE(std::string::npos, broken.Format().find("needs at least one language")) << broken.Format();
}

}  // namespace
}  // namespace lantern
