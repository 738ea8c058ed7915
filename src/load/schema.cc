#include "load/schema.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <iterator>

namespace lantern {
namespace {

using D = DocumentKind;
using T = FieldType;
constexpr bool kReq = true;
constexpr bool kOpt = false;

// The table. Record rows follow ATRS order, so walking it in order renders a
// record in the standard's order. Labels and numbers: ../shared/docs/atrs-reference.md.
const std::vector<FieldSpec> kFields = {
    // ---- site.yaml --------------------------------------------------------------
    {D::kSite, "title", T::kText, kReq, kAll, nullptr, "Site title", "", nullptr, nullptr, nullptr,
     "The name of the site, shown in every page's title, e.g. \"How Example Borough Council uses AI\"."},
    {D::kSite, "organisation", T::kText, kReq, kAll, nullptr, "Organisation", "", nullptr, nullptr, nullptr,
     "The council's full name, e.g. \"Example Borough Council\"."},
    {D::kSite, "base_url", T::kUrl, kReq, kAll, nullptr, "Base URL", "", nullptr, nullptr, nullptr,
     "The address the site is published at, ending in /, e.g. https://ai.example.gov.uk/."},
    {D::kSite, "language", T::kText, kOpt, kAll, nullptr, "Language", "", nullptr, nullptr, nullptr,
     "The site's language as a BCP 47 tag, e.g. en or cy; default en."},
    {D::kSite, "languages", T::kTextList, kOpt, kAll, nullptr, "Languages", "", nullptr, nullptr, nullptr,
     "A bilingual site's languages, the default (shown at the root) first, e.g. [cy, en]; instead of language."},
    {D::kSite, "source_language", T::kText, kOpt, kAll, nullptr, "Source language", "", nullptr, nullptr, nullptr,
     "The language records/<id>.yaml and pages/<slug>.md are written in; their translations are "
     "records/<id>.cy.yaml and pages/<slug>.cy.md. Default en when the site publishes in English."},
    {D::kSite, "theme", T::kText, kOpt, kAll, nullptr, "Theme", "", nullptr, nullptr, nullptr,
     "The theme; \"default\" is the accessible theme built into Lantern."},
    {D::kSite, "contact_email", T::kEmail, kReq, kAll, nullptr, "Contact email", "", nullptr, nullptr, nullptr,
     "The team mailbox residents can write to about the council's use of AI."},
    {D::kSite, "review_interval_months", T::kInteger, kOpt, kAll, nullptr, "Review interval in months", "",
     nullptr, nullptr, nullptr, "How often each record must be reviewed; default 12."},
    {D::kSite, "feedback", T::kObject, kOpt, kAll, nullptr, "Feedback", "", nullptr, nullptr, nullptr,
     "How residents send feedback, questions, objections and review requests."},
    {D::kSite, "feedback.endpoint", T::kLink, kOpt, kAll, nullptr, "Feedback endpoint", "", nullptr, nullptr,
     nullptr, "Where the feedback form posts, e.g. /feedback; leave out to offer the contact email instead."},
    {D::kSite, "feedback.privacy_notice", T::kLink, kOpt, kAll, nullptr, "Privacy notice", "", nullptr, nullptr,
     nullptr, "The privacy notice for the form, e.g. /pages/privacy/; required when there is an endpoint."},
    {D::kSite, "feedback.retention_days", T::kInteger, kOpt, kAll, nullptr, "Retention in days", "", nullptr,
     nullptr, nullptr, "How many days submissions are kept, as the privacy notice says."},
    {D::kSite, "feedback.response_days", T::kInteger, kOpt, kAll, nullptr, "Response time in working days", "",
     nullptr, nullptr, nullptr,
     "Within how many working days residents get a reply, shown after they send the form; default 20."},
    {D::kSite, "feedback.bank_holidays", T::kEnum, kOpt, kAll, "bank_holidays", "Bank holidays", "", nullptr,
     nullptr, nullptr,
     "Whose bank holidays the reply clock skips: england-and-wales (default), scotland or northern-ireland."},
    {D::kSite, "feedback.extra_bank_holidays", T::kTextList, kOpt, kAll, nullptr, "Extra bank holidays", "",
     nullptr, nullptr, nullptr,
     "Further days off the reply clock skips, as YYYY-MM-DD: one-off bank holidays announced after this Lantern."},
    {D::kSite, "feedback.notify", T::kObject, kOpt, kAll, nullptr, "Notifications", "", nullptr, nullptr, nullptr,
     "Who hears of each submission: by email (lantern serve --smtp) and by a webhook to a case system."},
    {D::kSite, "feedback.notify.email", T::kTextList, kOpt, kAll, nullptr, "Notification email addresses", "",
     nullptr, nullptr, nullptr,
     "Mailboxes told of every submission, besides the record's contact_email; they also get the daily digest."},
    {D::kSite, "feedback.notify.from", T::kEmail, kOpt, kAll, nullptr, "Sender address", "", nullptr, nullptr,
     nullptr, "The address notifications and receipts come from; default: contact_email."},
    {D::kSite, "feedback.notify.webhook", T::kUrl, kOpt, kAll, nullptr, "Webhook", "", nullptr, nullptr, nullptr,
     "An https:// address that gets each submission as signed JSON (secret: LANTERN_WEBHOOK_SECRET)."},
    {D::kSite, "feedback.notify.digest", T::kBool, kOpt, kAll, nullptr, "Daily digest", "", nullptr, nullptr,
     nullptr, "Whether the notification addresses get a daily email of what is due or overdue; default yes."},
    {D::kSite, "feedback.notify.receipts", T::kBool, kOpt, kAll, nullptr, "Receipts", "", nullptr, nullptr,
     nullptr,
     "Whether a resident who gives an email and asks for a reply gets a receipt with the reference; default yes."},
    {D::kSite, "licence", T::kObject, kOpt, kAll, nullptr, "Licence", "", nullptr, nullptr, nullptr,
     "The licence of the published data, feeds and pages; default: the Open Government Licence v3.0."},
    {D::kSite, "licence.name", T::kText, kOpt, kAll, nullptr, "Licence name", "", nullptr, nullptr, nullptr,
     "The licence's name, e.g. Open Government Licence v3.0."},
    {D::kSite, "licence.url", T::kUrl, kOpt, kAll, nullptr, "Licence URL", "", nullptr, nullptr, nullptr,
     "Where the licence's text is published."},
    {D::kSite, "services", T::kTextList, kOpt, kAll, nullptr, "Services", "", nullptr, nullptr, nullptr,
     "The council's service names that records may give as their service."},
    {D::kSite, "accessibility", T::kObject, kOpt, kAll, nullptr, "Accessibility statement", "", nullptr, nullptr,
     nullptr, "The facts of the accessibility statement; the theme puts them in the legally required shape."},
    {D::kSite, "accessibility.page", T::kId, kOpt, kAll, nullptr, "Statement page", "", nullptr, nullptr, nullptr,
     "The page (pages/<slug>.md) that holds the statement's own words; default accessibility."},
    {D::kSite, "accessibility.compliance", T::kEnum, kReq, kAll, "compliance", "Compliance status", "", nullptr,
     nullptr, nullptr, "How far the site meets WCAG 2.2 AA: full, partial or not-compliant."},
    {D::kSite, "accessibility.contact_email", T::kEmail, kOpt, kAll, nullptr, "Accessibility contact email", "",
     nullptr, nullptr, nullptr, "Where residents report an accessibility problem; default the site's contact_email."},
    {D::kSite, "accessibility.contact_phone", T::kText, kOpt, kAll, nullptr, "Accessibility contact phone", "",
     nullptr, nullptr, nullptr, "A phone number for reporting a problem, e.g. 020 7946 0000."},
    {D::kSite, "accessibility.response_days", T::kInteger, kOpt, kAll, nullptr, "Response time in working days",
     "", nullptr, nullptr, nullptr, "How many working days you take to reply to a report, e.g. 5."},
    {D::kSite, "accessibility.prepared_on", T::kDate, kReq, kAll, nullptr, "Statement prepared on", "", nullptr,
     nullptr, nullptr, "The date the statement was first prepared, e.g. 2025-06-09."},
    {D::kSite, "accessibility.reviewed_on", T::kDate, kOpt, kAll, nullptr, "Statement last reviewed on", "",
     nullptr, nullptr, nullptr, "The date the statement was last reviewed."},
    {D::kSite, "accessibility.tested_on", T::kDate, kReq, kAll, nullptr, "Site last tested on", "", nullptr,
     nullptr, nullptr, "The date the site was last tested against WCAG 2.2 AA, e.g. 2026-10-07."},
    {D::kSite, "accessibility.tested_by", T::kText, kReq, kAll, nullptr, "Tested by", "", nullptr, nullptr,
     nullptr, "Who tested it, e.g. \"our Digital Accessibility team\" or an external auditor's name."},

    // ---- page front matter ---------------------------------------------------------
    {D::kPage, "title", T::kText, kReq, kAll, nullptr, "Title", "", nullptr, nullptr, nullptr,
     "The page's heading and title."},
    {D::kPage, "summary", T::kText, kOpt, kAll, nullptr, "Summary", "", nullptr, nullptr, nullptr,
     "One sentence shown under the heading and in lists of pages."},
    {D::kPage, "order", T::kInteger, kOpt, kAll, nullptr, "Order", "", nullptr, nullptr, nullptr,
     "Position in the navigation; lower numbers come first."},
    {D::kPage, "navigation", T::kBool, kOpt, kAll, nullptr, "In navigation", "", nullptr, nullptr, nullptr,
     "yes to list the page in the site's navigation."},
    {D::kPage, "updated", T::kDate, kOpt, kAll, nullptr, "Last updated", "", nullptr, nullptr, nullptr,
     "When the page last changed, as YYYY-MM-DD."},

    // ---- a translation's provenance: records/<id>.cy.yaml, pages/<slug>.cy.md -------
    {D::kTranslation, "translation", T::kObject, kReq, kAll, nullptr, "Translation", "", nullptr, nullptr,
     nullptr, "Who translated this file, how and when."},
    {D::kTranslation, "translation.translated_by", T::kText, kReq, kAll, nullptr, "Translated by", "", nullptr,
     nullptr, nullptr, "Who made the translation: a person, a team or a service, e.g. \"Welsh Language Unit\"."},
    {D::kTranslation, "translation.method", T::kEnum, kReq, kAll, "translation_method", "Method", "", nullptr,
     nullptr, nullptr, "person (translated by a person) or machine (machine translation)."},
    {D::kTranslation, "translation.translated_on", T::kDate, kReq, kAll, nullptr, "Translated on", "", nullptr,
     nullptr, nullptr, "The day the translation was made or last brought up to date, as YYYY-MM-DD."},
    {D::kTranslation, "translation.reviewed_on", T::kDate, kOpt, kAll, nullptr, "Reviewed on", "", nullptr,
     nullptr, nullptr, "The day a fluent speaker last checked it, as YYYY-MM-DD; leave out while unreviewed."},

    // ---- record: identity and metadata -------------------------------------------
    {D::kRecord, "atrs_version", T::kEnum, kReq, kAll, "atrs_version", "ATRS version", "", nullptr, nullptr,
     nullptr, "Which version of the standard the record follows: \"4.0\" (current) or \"3.0\"."},
    {D::kRecord, "id", T::kId, kOpt, kAll, nullptr, "Record ID", "", nullptr, nullptr, nullptr,
     "The record's permanent web address part, lower-case letters, digits and dashes; default: the file name."},
    {D::kRecord, "status", T::kEnum, kOpt, kAll, "status", "Status", "", nullptr, nullptr, nullptr,
     "draft (not published), published or retired; default published."},
    {D::kRecord, "organisation", T::kText, kOpt, kAll, nullptr, "Organisation name", "", nullptr, nullptr,
     nullptr, "The body responsible, used in the record's title; default: the site's organisation."},
    {D::kRecord, "organisation_type", T::kEnumList, kOpt, kAll, "organisation_type", "Organisation type", "",
     nullptr, nullptr, nullptr, "The kind of public body, e.g. local-authority."},
    {D::kRecord, "function", T::kEnumList, kOpt, kAll, "function", "Function", "", nullptr, nullptr, nullptr,
     "The public-sector functions the tool serves, e.g. [housing-and-community-amenities]."},
    {D::kRecord, "capability", T::kEnumList, kOpt, kAll, "capability", "Capability", "", nullptr, nullptr,
     nullptr, "What kind of thing the tool does, e.g. [forecasting, analysis]."},
    {D::kRecord, "task", T::kText, kOpt, kAll, nullptr, "Task", "", nullptr, nullptr, nullptr,
     "A short statement of the task the tool performs."},
    {D::kRecord, "phase", T::kEnum, kReq, kAll, "phase", "Phase", "", nullptr, nullptr, nullptr,
     "Where the tool is in its life: pre-deployment, private-beta, public-beta, production or retired."},
    // Not in the ATRS: the council's own rating, for its dashboard and its residents.
    {D::kRecord, "risk_level", T::kEnum, kOpt, kAll, "risk_level", "Risk level", "", nullptr, nullptr, nullptr,
     "The council's own rating of the tool's risk to residents: low, medium or high (not part of the ATRS)."},
    {D::kRecord, "region", T::kEnumList, kOpt, kAll, "region", "Region", "", nullptr, nullptr, nullptr,
     "The main regions where the tool affects the public, e.g. [london]."},
    {D::kRecord, "tags", T::kTextList, kOpt, kAll, nullptr, "Tags", "", nullptr, nullptr, nullptr,
     "Free keywords that help people find the record."},
    {D::kRecord, "service", T::kText, kOpt, kAll, nullptr, "Service", "", nullptr, nullptr, nullptr,
     "The council service that uses the tool; one of site.yaml's services."},
    {D::kRecord, "dates", T::kObject, kReq, kAll, nullptr, "Dates", "", nullptr, nullptr, nullptr,
     "When the record was published, updated, archived and is next reviewed."},
    {D::kRecord, "dates.published", T::kDate, kReq, kAll, nullptr, "Date published", "", nullptr, nullptr,
     nullptr, "When the record was first published, as YYYY-MM-DD."},
    {D::kRecord, "dates.updated", T::kDate, kOpt, kAll, nullptr, "Date updated", "", nullptr, nullptr, nullptr,
     "When the record was last updated or reviewed; not before published."},
    {D::kRecord, "dates.archived", T::kDate, kOpt, kAll, nullptr, "Date archived", "", nullptr, nullptr,
     nullptr, "When the tool was retired; required for a retired record."},
    {D::kRecord, "dates.next_review", T::kDate, kOpt, kAll, nullptr, "Next review", "", nullptr, nullptr,
     nullptr, "When the record will next be reviewed; default: updated (or published) plus the review interval."},

    // ---- Tier 1: summary information ------------------------------------------------
    {D::kRecord, "summary", T::kObject, kReq, kAll, nullptr, "Summary information", "", "Tier 1 information",
     nullptr, nullptr, "Tier 1: the plain-language overview for the public."},
    {D::kRecord, "summary.name", T::kText, kReq, kAll, nullptr, "Name", "1", nullptr, "", nullptr,
     "The everyday name of the tool, clear and consistent."},
    {D::kRecord, "summary.one_sentence_description", T::kText, kReq, kAll, nullptr, "One sentence description",
     "", nullptr, nullptr, nullptr, "One plain sentence on what the tool does, shown under its name."},
    {D::kRecord, "summary.description", T::kMarkdown, kReq, kAll, nullptr, "Description", "2", nullptr, "",
     nullptr, "Two or three plain sentences: what the tool is for and why it is used (not how)."},
    {D::kRecord, "summary.website_url", T::kUrl, kReq, kAll, nullptr, "Website URL", "3", nullptr, "", nullptr,
     "A live public page about the tool, or N/A."},
    {D::kRecord, "summary.contact_email", T::kEmail, kReq, kAll, nullptr, "Contact email", "4", nullptr, "",
     nullptr, "A team mailbox (not a named person) for questions, or N/A."},

    // ---- Tier 2 section 1: owner and responsibility ----------------------------------
    {D::kRecord, "owner", T::kObject, kReq, kAll, nullptr, "Owner and responsibility", "1", nullptr, nullptr,
     nullptr, "Who is accountable for the tool."},
    {D::kRecord, "owner.organisation", T::kText, kReq, kAll, nullptr, "Organisation or department", "1.1",
     nullptr, nullptr, nullptr, "The full name of the body accountable for the tool."},
    {D::kRecord, "owner.team", T::kText, kReq, kAll, nullptr, "Team", "1.2", nullptr, nullptr, nullptr,
     "The team responsible for the tool."},
    {D::kRecord, "owner.senior_responsible_owner", T::kText, kReq, kAll, nullptr, "Senior responsible owner",
     "1.3", nullptr, nullptr, nullptr, "The accountable senior owner's role (not their name)."},
    {D::kRecord, "owner.third_party_involvement", T::kBool, kReq, kV4, nullptr, "Third party involvement",
     "1.4", nullptr, nullptr, "owner.external_supplier_involvement",
     "yes if an outside body, public or private, helped develop or run the tool; otherwise no."},
    {D::kRecord, "owner.third_parties", T::kObjectList, kOpt, kV4, nullptr, "Third parties", "1.4", nullptr,
     nullptr, "owner.external_suppliers", "One entry per third party; required when involvement is yes."},
    {D::kRecord, "owner.third_parties[].name", T::kText, kReq, kV4, nullptr, "Third party", "1.4.1", nullptr,
     nullptr, nullptr, "The organisation's name; describe multi-layer supply chains."},
    {D::kRecord, "owner.third_parties[].companies_house_number", T::kText, kOpt, kV4, nullptr,
     "Companies House Number", "1.4.2", nullptr, nullptr, nullptr,
     "Its Companies House number, 8 characters, in quotes, e.g. \"01234567\"."},
    {D::kRecord, "owner.third_parties[].role", T::kMarkdown, kReq, kV4, nullptr, "Third party role", "1.4.3",
     nullptr, nullptr, nullptr, "What the third party did or does."},
    {D::kRecord, "owner.third_parties[].procurement_procedure_type", T::kText, kOpt, kV4, nullptr,
     "Procurement procedure type", "1.4.4", nullptr, nullptr, nullptr,
     "How the contract was procured, e.g. call-off from a framework."},
    {D::kRecord, "owner.third_parties[].data_access_terms", T::kMarkdown, kOpt, kV4, nullptr,
     "Third party data access terms", "1.4.5", nullptr, nullptr, nullptr,
     "The terms on which the third party can reach council data."},
    {D::kRecord, "owner.external_supplier_involvement", T::kBool, kReq, kV3, nullptr, "",
     "", "External supplier involvement", "1.4", "owner.third_party_involvement",
     "yes if an external supplier helped develop or run the tool; otherwise no."},
    {D::kRecord, "owner.external_suppliers", T::kObjectList, kOpt, kV3, nullptr, "", "", "External suppliers",
     "1.4", "owner.third_parties", "One entry per supplier; required when involvement is yes."},
    {D::kRecord, "owner.external_suppliers[].name", T::kText, kReq, kV3, nullptr, "", "", "External supplier",
     "1.4.1", nullptr, "The supplier's name."},
    {D::kRecord, "owner.external_suppliers[].companies_house_number", T::kText, kOpt, kV3, nullptr, "", "",
     "Companies House Number", "1.4.2", nullptr, "Its Companies House number, 8 characters, in quotes."},
    {D::kRecord, "owner.external_suppliers[].role", T::kMarkdown, kReq, kV3, nullptr, "", "",
     "External supplier role", "1.4.3", nullptr, "What the supplier did or does."},
    {D::kRecord, "owner.external_suppliers[].procurement_procedure_type", T::kText, kOpt, kV3, nullptr, "", "",
     "Procurement procedure type", "1.4.4", nullptr, "How the contract was procured."},
    {D::kRecord, "owner.external_suppliers[].data_access_terms", T::kMarkdown, kOpt, kV3, nullptr, "", "",
     "Data access terms", "1.4.5", nullptr, "The terms on which the supplier can reach council data."},

    // ---- Tier 2 section 2: description and rationale -----------------------------------
    {D::kRecord, "rationale", T::kObject, kReq, kAll, nullptr, "Description and rationale", "2", nullptr,
     nullptr, nullptr, "What the tool does in detail and why."},
    {D::kRecord, "rationale.detailed_description", T::kMarkdown, kReq, kAll, nullptr, "Detailed description",
     "2.1", nullptr, nullptr, nullptr,
     "How the tool works: its purpose, users, key functions, scope and where it does not apply."},
    {D::kRecord, "rationale.scope", T::kMarkdown, kReq, kV3, nullptr, "", "", "Scope", "2.2",
     "rationale.detailed_description", "What the tool is for and where it should not be used."},
    {D::kRecord, "rationale.benefits", T::kMarkdown, kReq, kAll, nullptr, "Benefits", "2.2", "Benefit", "2.3",
     nullptr, "The benefits expected, and how and why the tool delivers them."},
    {D::kRecord, "rationale.previous_process", T::kMarkdown, kOpt, kAll, nullptr, "Previous process", "2.3",
     nullptr, "2.4", nullptr, "What the tool replaced, or that the process is new."},
    {D::kRecord, "rationale.alternatives_considered", T::kMarkdown, kOpt, kAll, nullptr,
     "Alternatives considered", "2.4", nullptr, "2.5", nullptr, "Other options considered, or why none were."},

    // ---- Tier 2 section 3: deployment context ------------------------------------------
    {D::kRecord, "deployment", T::kObject, kReq, kAll, nullptr, "Deployment context", "3",
     "Decision-making process", nullptr, nullptr, "How the tool fits into the council's work."},
    {D::kRecord, "deployment.integration", T::kMarkdown, kReq, kV4, nullptr,
     "Integration into broader operational process", "3.1", nullptr, nullptr, "deployment.process_integration",
     "How the output feeds the wider process or service, and how much is automated."},
    {D::kRecord, "deployment.process_integration", T::kMarkdown, kReq, kV3, nullptr, "", "",
     "Process integration", "3.1", "deployment.integration", "How the tool fits into the decision process."},
    {D::kRecord, "deployment.provided_information", T::kMarkdown, kReq, kV3, nullptr, "", "",
     "Provided information", "3.2", "deployment.integration",
     "What the tool gives the decision-maker, and in what form."},
    {D::kRecord, "deployment.frequency_and_scale", T::kMarkdown, kReq, kAll, nullptr,
     "Frequency and scale of usage", "3.2", nullptr, "3.3", nullptr, "How often and at what scale it is used."},
    {D::kRecord, "deployment.human_review", T::kMarkdown, kReq, kV4, nullptr, "Human review", "3.3", nullptr,
     nullptr, "deployment.human_decisions_and_review", "Where and how people check or act on the output."},
    {D::kRecord, "deployment.human_decisions_and_review", T::kMarkdown, kReq, kV3, nullptr, "", "",
     "Human decisions and review", "3.4", "deployment.human_review",
     "Where and how people check or act on the output."},
    {D::kRecord, "deployment.required_training", T::kMarkdown, kReq, kAll, nullptr, "Required training", "3.4",
     nullptr, "3.5", nullptr, "The training staff who use the tool receive."},
    {D::kRecord, "deployment.appeals_and_review", T::kMarkdown, kOpt, kAll, nullptr, "Appeals and review", "3.5",
     nullptr, "3.6", nullptr,
     "How a resident can challenge the output and the decision, with a link or contact where possible."},

    // ---- Tier 2 section 4: tool, model and data specification --------------------------
    {D::kRecord, "technical", T::kObject, kReq, kAll, nullptr, "Tool, model and data specification", "4",
     "Tool specification", nullptr, nullptr, "How the system is built and what data it uses."},
    {D::kRecord, "technical.system_architecture", T::kMarkdown, kReq, kAll, nullptr, "System architecture",
     "4.1.1", nullptr, nullptr, nullptr, "How the system is organised, naming the models described below."},
    {D::kRecord, "technical.system_level_input", T::kMarkdown, kOpt, kV4, nullptr, "System-level input",
     "4.1.2", nullptr, nullptr, nullptr, "The main input to the whole system, with its format."},
    {D::kRecord, "technical.system_level_output", T::kMarkdown, kOpt, kV4, nullptr, "System-level output",
     "4.1.3", nullptr, nullptr, nullptr, "The main output of the whole system, with its format."},
    {D::kRecord, "technical.maintenance", T::kMarkdown, kReq, kAll, nullptr, "Maintenance", "4.1.4", nullptr,
     "4.1.3", nullptr, "The review and maintenance schedule, by the supplier and by the council."},
    {D::kRecord, "technical.models", T::kObjectList, kOpt, kAll, nullptr, "Model specification", "4.2",
     "Models", "4.1.4", nullptr,
     "One entry per model; leave empty ([]) for an off-the-shelf model the council has not trained."},
    {D::kRecord, "technical.models[].name", T::kText, kReq, kAll, nullptr, "Model name", "4.2.1", nullptr,
     nullptr, nullptr, "The model's name."},
    {D::kRecord, "technical.models[].version", T::kText, kOpt, kAll, nullptr, "Model version", "4.2.2", nullptr,
     nullptr, nullptr, "The model's version."},
    {D::kRecord, "technical.models[].task", T::kMarkdown, kReq, kAll, nullptr, "Model task", "4.2.3", nullptr,
     nullptr, nullptr, "What the model does, in a sentence."},
    {D::kRecord, "technical.models[].input", T::kMarkdown, kOpt, kAll, nullptr, "Model input", "4.2.4", nullptr,
     nullptr, nullptr, "What the model takes in."},
    {D::kRecord, "technical.models[].output", T::kMarkdown, kOpt, kAll, nullptr, "Model output", "4.2.5",
     nullptr, nullptr, nullptr, "What the model gives out."},
    {D::kRecord, "technical.models[].architecture", T::kMarkdown, kReq, kAll, nullptr, "Model architecture",
     "4.2.6", nullptr, nullptr, nullptr,
     "At least the model type (e.g. logistic regression, transformer, rule-based) and heavily weighted features."},
    {D::kRecord, "technical.models[].performance", T::kMarkdown, kOpt, kAll, nullptr, "Model performance",
     "4.2.7", nullptr, nullptr, nullptr, "Metrics, thresholds and results for groups of people."},
    {D::kRecord, "technical.models[].datasets_and_purposes", T::kMarkdown, kOpt, kV4, nullptr,
     "Datasets and their purposes", "4.2.8", nullptr, nullptr, "technical.models[].datasets",
     "The datasets used to develop the model and what each was used for."},
    {D::kRecord, "technical.models[].datasets", T::kMarkdown, kOpt, kV3, nullptr, "", "", "Datasets", "4.2.8",
     "technical.models[].datasets_and_purposes", "The datasets used to develop the model."},
    {D::kRecord, "technical.models[].dataset_purposes", T::kMarkdown, kOpt, kV3, nullptr, "", "",
     "Dataset purposes", "4.2.9", "technical.models[].datasets_and_purposes",
     "What each dataset was used for (training, validation, testing)."},
    {D::kRecord, "technical.development_data", T::kObjectList, kOpt, kV4, nullptr,
     "Development data specification", "4.3", nullptr, nullptr, "technical.data",
     "One entry per dataset used to train, validate or test the models."},
    {D::kRecord, "technical.data", T::kObjectList, kOpt, kV3, nullptr, "", "", "Data specification", "4.3",
     "technical.development_data", "One entry per dataset."},
    {D::kRecord, "technical.operational_data", T::kObjectList, kOpt, kV4, nullptr,
     "Operational data specification", "4.4", nullptr, nullptr, "technical.data",
     "One entry per kind of data used or produced while the tool runs."},
    {D::kRecord, "technical.operational_data[].description", T::kMarkdown, kReq, kV4, nullptr,
     "Operational data description", "4.4.1", nullptr, nullptr, nullptr,
     "What data the tool uses or produces in operation."},
    {D::kRecord, "technical.operational_data[].modality", T::kText, kOpt, kV4, nullptr, "Data modality", "4.4.2",
     nullptr, nullptr, nullptr, "Its main kind, e.g. tabular, text, audio, image."},
    {D::kRecord, "technical.operational_data[].sensitive_attributes", T::kMarkdown, kOpt, kV4, nullptr,
     "Sensitive attributes", "4.4.3", nullptr, nullptr, nullptr,
     "Personal data, protected characteristics and proxies seen or produced."},
    {D::kRecord, "technical.operational_data[].sharing_agreements", T::kMarkdown, kOpt, kV4, nullptr,
     "Data sharing agreements", "4.4.4", nullptr, nullptr, nullptr, "The agreements in place."},
    {D::kRecord, "technical.operational_data[].access_and_storage", T::kMarkdown, kOpt, kV4, nullptr,
     "Data access and storage", "4.4.5", nullptr, nullptr, nullptr, "Who can access it, retention, protections."},

    // ---- Tier 2 section 5: risks, mitigations and impact assessments -------------------
    {D::kRecord, "risks", T::kObject, kReq, kAll, nullptr, "Risks, mitigations and impact assessments", "5",
     nullptr, nullptr, nullptr, "What could go wrong and what the council does about it."},
    {D::kRecord, "risks.impact_assessments", T::kObjectList, kReq, kAll, nullptr, "Impact assessments", "5.1",
     nullptr, nullptr, nullptr, "One entry per assessment: DPIA, equality, algorithmic and so on."},
    {D::kRecord, "risks.impact_assessments[].kind", T::kEnum, kReq, kAll, "impact_assessment_kind", "Kind", "",
     nullptr, nullptr, nullptr, "dpia, equality, environmental, algorithmic or other."},
    {D::kRecord, "risks.impact_assessments[].title", T::kText, kReq, kAll, nullptr, "Title", "", nullptr,
     nullptr, nullptr, "The assessment's name."},
    {D::kRecord, "risks.impact_assessments[].date", T::kDate, kOpt, kAll, nullptr, "Date", "", nullptr, nullptr,
     nullptr, "When it was completed, as YYYY-MM-DD."},
    {D::kRecord, "risks.impact_assessments[].summary", T::kMarkdown, kOpt, kAll, nullptr, "Summary", "",
     nullptr, nullptr, nullptr, "Its main findings; not needed when the full assessment is linked."},
    {D::kRecord, "risks.impact_assessments[].url", T::kUrl, kOpt, kAll, nullptr, "Link", "", nullptr, nullptr,
     nullptr, "A public link to the full assessment."},
    {D::kRecord, "risks.risks_and_mitigations", T::kObjectList, kReq, kAll, nullptr, "Risks and mitigations",
     "5.2", nullptr, nullptr, nullptr, "One entry per risk, with how it is reduced."},
    {D::kRecord, "risks.risks_and_mitigations[].risk", T::kMarkdown, kReq, kAll, nullptr, "Risk", "", nullptr,
     nullptr, nullptr, "A risk the council found."},
    {D::kRecord, "risks.risks_and_mitigations[].mitigation", T::kMarkdown, kReq, kAll, nullptr, "Mitigation",
     "", nullptr, nullptr, nullptr, "How the council reduces it."},

    // ---- beyond ATRS: what residents and councils' AI strategies ask for ----------------
    {D::kRecord, "resident_guidance", T::kObject, kOpt, kAll, nullptr, "Guidance for residents", "", nullptr,
     nullptr, nullptr, "Plain English for residents, shown near the top of the page."},
    {D::kRecord, "resident_guidance.how_it_affects_you", T::kMarkdown, kOpt, kAll, nullptr,
     "How this affects you", "", nullptr, nullptr, nullptr, "What the tool means for a resident, in plain English."},
    {D::kRecord, "resident_guidance.how_to_object", T::kMarkdown, kOpt, kAll, nullptr,
     "How to object or ask for a review", "", nullptr, nullptr, nullptr,
     "How to object, ask for a person to review a decision, or complain."},
    {D::kRecord, "environment", T::kObject, kOpt, kAll, nullptr, "Environmental impact", "", nullptr, nullptr,
     nullptr, "Energy, carbon, water and hosting region."},
    {D::kRecord, "environment.summary", T::kMarkdown, kOpt, kAll, nullptr, "Environmental impact", "", nullptr,
     nullptr, nullptr, "What is known of the tool's energy use, carbon, water and hosting region."},
    {D::kRecord, "environment.assessment_url", T::kUrl, kOpt, kAll, nullptr, "Environmental assessment", "",
     nullptr, nullptr, nullptr, "A public link to an environmental assessment."},
    {D::kRecord, "governance", T::kObject, kOpt, kAll, nullptr, "Approval", "", nullptr, nullptr, nullptr,
     "Who approved the tool's use, and when."},
    {D::kRecord, "governance.approved_by", T::kText, kOpt, kAll, nullptr, "Approved by", "", nullptr, nullptr,
     nullptr, "The board or group that approved the tool, e.g. AI Steering Group."},
    {D::kRecord, "governance.approved_on", T::kDate, kOpt, kAll, nullptr, "Approved on", "", nullptr, nullptr,
     nullptr, "When it was approved, as YYYY-MM-DD."},
    {D::kRecord, "changes", T::kObjectList, kOpt, kAll, nullptr, "Change log", "", nullptr, nullptr, nullptr,
     "The public change log, newest first."},
    {D::kRecord, "changes[].date", T::kDate, kReq, kAll, nullptr, "Date", "", nullptr, nullptr, nullptr,
     "When the change was made, as YYYY-MM-DD."},
    {D::kRecord, "changes[].note", T::kMarkdown, kReq, kAll, nullptr, "What changed", "", nullptr, nullptr,
     nullptr, "What changed, in a sentence or two."},
    {D::kRecord, "redactions", T::kObjectList, kOpt, kAll, nullptr, "Withheld information", "", nullptr,
     nullptr, nullptr, "Fields withheld from publication, each with its reason."},
    {D::kRecord, "redactions[].field", T::kText, kReq, kAll, nullptr, "Field", "", nullptr, nullptr, nullptr,
     "The withheld field's path, e.g. technical.models."},
    {D::kRecord, "redactions[].reason", T::kText, kReq, kAll, nullptr, "Reason", "", nullptr, nullptr, nullptr,
     "Why it is withheld, e.g. Freedom of Information Act 2000, section 43."},
};

// The 3.0 development-data rows equal the 4.0 ones but for their parent; they
// are generated so that the two lists cannot drift apart.
const std::vector<FieldSpec>& FieldsWithDataRows() {
  static const std::vector<FieldSpec> fields = [] {
    struct DataRow {
      const char* key;
      T type;
      bool required;
      const char* label;
      int index;
      const char* help;
    };
    static const DataRow kDataRows[] = {
        {"name", T::kText, kReq, "Source data name", 1, "The dataset's name."},
        {"modality", T::kText, kOpt, "Data modality", 2, "Its main kind, e.g. tabular, text, audio, image."},
        {"description", T::kMarkdown, kOpt, "Data description", 3, "What the dataset captures."},
        {"quantities", T::kMarkdown, kOpt, "Data quantities", 4,
         "Number of records and attributes; training, validation and test splits."},
        {"sensitive_attributes", T::kMarkdown, kOpt, "Sensitive attributes", 5,
         "Personal data, protected characteristics and proxies in the data."},
        {"completeness_and_representativeness", T::kMarkdown, kOpt, "Data completeness and representativeness",
         6, "Missing data, and how well it represents the people affected."},
        {"url", T::kUrl, kOpt, "Source data URL", 7, "A link to the data if it is open."},
        {"collection", T::kMarkdown, kOpt, "Data collection", 8, "Why and how the data was first collected."},
        {"cleaning", T::kMarkdown, kOpt, "Data cleaning", 9, "Pre-processing done by the supplier or the council."},
        {"sharing_agreements", T::kMarkdown, kOpt, "Data sharing agreements", 10, "The agreements in place."},
        {"access_and_storage", T::kMarkdown, kOpt, "Data access and storage", 11,
         "Who can access it, how long it is kept, who is responsible, protections."},
    };
    // Strings the rows point at must outlive the table.
    // A deque never moves its elements, so the c_str() pointers stay valid.
    static std::deque<std::string> storage;
    std::vector<FieldSpec> all;
    for (const FieldSpec& f : kFields) {
      all.push_back(f);
      const bool is_dev = f.document == D::kRecord && std::string_view(f.path) == "technical.development_data";
      const bool is_v3 = f.document == D::kRecord && std::string_view(f.path) == "technical.data";
      if (!is_dev && !is_v3) continue;
      for (const DataRow& row : kDataRows) {
        storage.push_back(std::string(f.path) + "[]." + row.key);
        const char* path = storage.back().c_str();
        storage.push_back("4.3." + std::to_string(row.index));
        const char* number = storage.back().c_str();
        if (is_dev) {
          all.push_back({D::kRecord, path, row.type, row.required, kV4, nullptr, row.label, number, nullptr,
                         nullptr, nullptr, row.help});
        } else {
          all.push_back({D::kRecord, path, row.type, row.required, kV3, nullptr, "", "", row.label, number,
                         nullptr, row.help});
        }
      }
    }
    return all;
  }();
  return fields;
}

const std::vector<EnumValue> kEnumValues = {
    {"atrs_version", "4.0", "ATRS 4.0", kAll},
    {"atrs_version", "3.0", "ATRS 3.0", kAll},
    {"status", "draft", "Draft", kAll},
    {"status", "published", "Published", kAll},
    {"status", "retired", "Retired", kAll},
    {"organisation_type", "ministerial-department", "Ministerial department", kAll},
    {"organisation_type", "non-ministerial-department", "Non-ministerial department", kAll},
    {"organisation_type", "agency-or-public-body", "Agency or public body", kAll},
    {"organisation_type", "local-authority", "Local authority", kAll},
    {"organisation_type", "devolved-administration", "Devolved administration", kAll},
    {"organisation_type", "high-profile-group", "High profile group", kAll},
    {"organisation_type", "public-corporation", "Public corporation", kAll},
    {"function", "general-public-services", "General public services", kAll},
    {"function", "defence", "Defence", kAll},
    {"function", "public-order-and-safety", "Public order and safety", kAll},
    {"function", "economic-affairs", "Economic affairs", kAll},
    {"function", "environmental-protection", "Environmental protection", kAll},
    {"function", "housing-and-community-amenities", "Housing and community amenities", kAll},
    {"function", "health", "Health", kAll},
    {"function", "recreation-culture-and-religion", "Recreation, culture and religion", kAll},
    {"function", "education", "Education", kAll},
    {"function", "social-protection", "Social protection", kAll},
    {"function", "regulation", "Regulation", kAll},
    {"capability", "computer-vision", "Computer vision", kAll},
    {"capability", "computer-audition", "Computer audition", kAll},
    {"capability", "computer-linguistics", "Computer linguistics", kAll},
    {"capability", "robotics", "Robotics", kAll},
    {"capability", "forecasting", "Forecasting", kAll},
    {"capability", "discovery", "Discovery", kAll},
    {"capability", "planning", "Planning", kAll},
    {"capability", "creation", "Creation", kAll},
    {"capability", "analysis", "Analysis", kAll},
    {"capability", "management", "Management", kAll},
    {"capability", "other", "Other", kAll},
    {"risk_level", "low", "Low", kAll},
    {"risk_level", "medium", "Medium", kAll},
    {"risk_level", "high", "High", kAll},
    {"translation_method", "person", "By a person", kAll},
    {"translation_method", "machine", "By machine translation", kAll},
    {"bank_holidays", "england-and-wales", "England and Wales", kAll},
    {"bank_holidays", "scotland", "Scotland", kAll},
    {"bank_holidays", "northern-ireland", "Northern Ireland", kAll},
    {"compliance", "full", "Fully compliant", kAll},
    {"compliance", "partial", "Partially compliant", kAll},
    {"compliance", "not-compliant", "Not compliant", kAll},
    {"phase", "pre-deployment", "Pre-deployment", kAll},
    {"phase", "beta-pilot", "Beta/pilot", kV3},
    {"phase", "private-beta", "Private beta", kV4},
    {"phase", "public-beta", "Public beta", kV4},
    {"phase", "production", "Production", kAll},
    {"phase", "retired", "Retired", kAll},
    {"region", "international", "International", kV4},
    {"region", "uk", "UK", kAll},
    {"region", "great-britain", "Great Britain", kAll},
    {"region", "england-and-wales", "England and Wales", kAll},
    {"region", "northern-ireland", "Northern Ireland", kAll},
    {"region", "scotland", "Scotland", kAll},
    {"region", "wales", "Wales", kAll},
    {"region", "england", "England", kAll},
    {"region", "london", "London", kAll},
    {"region", "north-east", "North East", kAll},
    {"region", "north-west", "North West", kAll},
    {"region", "yorkshire-and-the-humber", "Yorkshire and the Humber", kAll},
    {"region", "east-midlands", "East Midlands", kAll},
    {"region", "west-midlands", "West Midlands", kAll},
    {"region", "south-east", "South East", kAll},
    {"region", "east-of-england", "East of England", kAll},
    {"region", "south-west", "South West", kAll},
    {"impact_assessment_kind", "dpia", "Data protection impact assessment", kAll},
    {"impact_assessment_kind", "equality", "Equality impact assessment", kAll},
    {"impact_assessment_kind", "environmental", "Environmental impact assessment", kAll},
    {"impact_assessment_kind", "algorithmic", "Algorithmic impact assessment", kAll},
    {"impact_assessment_kind", "other", "Other assessment", kAll},
};

const std::vector<SectionSpec> kSections = {
    {"owner", "1", "Owner and responsibility", nullptr, "owner-and-responsibility"},
    {"rationale", "2", "Description and rationale", nullptr, "description-and-rationale"},
    {"deployment", "3", "Deployment context", "Decision-making process", "deployment-context"},
    {"technical", "4", "Tool, model and data specification", "Tool, model and data specification",
     "tool-model-and-data-specification"},
    {"risks", "5", "Risks, mitigations and impact assessments", nullptr, "risks-mitigations-and-impact-assessments"},
};

}  // namespace

const std::vector<FieldSpec>& AllFields() { return FieldsWithDataRows(); }
const std::vector<EnumValue>& AllEnumValues() { return kEnumValues; }
const std::vector<SectionSpec>& RecordSections() { return kSections; }

unsigned VersionBit(std::string_view atrs_version) { return atrs_version == "3.0" ? kV3 : kV4; }

namespace {

// The table indexed once (it is asked about every field of every record, and
// every CSV cell): by document and path, and by document, version and parent.
// Built on first use; function-local statics are initialised thread-safely.
struct FieldIndex {
  // key: document, '\0', path → the rows at that path (one per version set), in table order.
  std::unordered_map<std::string, std::vector<const FieldSpec*>> by_path;
  // key: document, version bits, '\0', parent path → children in table order.
  std::unordered_map<std::string, std::vector<const FieldSpec*>> children;
};

std::string PathKey(DocumentKind document, std::string_view path) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(document)));
  key += '\0';
  key += path;
  return key;
}

std::string ChildKey(DocumentKind document, unsigned version, std::string_view parent) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(document)));
  key += static_cast<char>('0' + version);
  key += '\0';
  key += parent;
  return key;
}

const FieldIndex& Index() {
  static const FieldIndex index = [] {
    FieldIndex built;
    for (const FieldSpec& f : AllFields()) {
      built.by_path[PathKey(f.document, f.path)].push_back(&f);
      const std::string_view path = f.path;
      const size_t dot = path.rfind('.');
      const std::string_view parent = dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
      // Every version set a caller may ask with (kV3, kV4, kAll) that shares a bit with the row.
      for (unsigned version = 1; version <= kAll; ++version) {
        if (f.versions & version) built.children[ChildKey(f.document, version, parent)].push_back(&f);
      }
    }
    return built;
  }();
  return index;
}

}  // namespace

const FieldSpec* FindField(DocumentKind document, unsigned version, std::string_view path) {
  const FieldIndex& index = Index();
  auto it = index.by_path.find(PathKey(document, path));
  if (it == index.by_path.end()) return nullptr;
  for (const FieldSpec* f : it->second) {
    if (f->versions & version) return f;
  }
  return nullptr;
}

const FieldSpec* FindFieldAnyVersion(DocumentKind document, std::string_view path) {
  return FindField(document, kAll, path);
}

const std::vector<const FieldSpec*>& ChildFields(DocumentKind document, unsigned version,
                                                 std::string_view parent_path) {
  static const std::vector<const FieldSpec*> kNone;
  const FieldIndex& index = Index();
  auto it = index.children.find(ChildKey(document, version & kAll, parent_path));
  return it == index.children.end() ? kNone : it->second;
}

std::vector<std::string> EnumSlugs(std::string_view enumeration, unsigned version) {
  std::vector<std::string> slugs;
  for (const EnumValue& v : kEnumValues) {
    if (enumeration == v.enumeration && (v.versions & version)) slugs.emplace_back(v.slug);
  }
  return slugs;
}

std::string EnumLabel(std::string_view enumeration, std::string_view slug) {
  for (const EnumValue& v : kEnumValues) {
    if (enumeration == v.enumeration && slug == v.slug) return v.label;
  }
  return std::string(slug);
}

bool EnumHasSlugInAnyVersion(std::string_view enumeration, std::string_view slug) {
  for (const EnumValue& v : kEnumValues) {
    if (enumeration == v.enumeration && slug == v.slug) return true;
  }
  return false;
}

const char* FieldLabel(const FieldSpec& field, unsigned version) {
  if (version == kV3 && field.label_v3 != nullptr) return field.label_v3;
  return field.label;
}

const char* FieldNumber(const FieldSpec& field, unsigned version) {
  if (version == kV3 && field.number_v3 != nullptr) return field.number_v3;
  return field.number;
}

std::string DisplayPath(std::string_view schema_path) {
  std::string path(schema_path);
  for (size_t at = path.find("[]"); at != std::string::npos; at = path.find("[]")) path.erase(at, 2);
  return path;
}

std::string_view FieldKey(std::string_view path) {
  const size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace lantern
