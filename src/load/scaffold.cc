#include "load/scaffold.h"

#include <string_view>
#include <vector>

#include "load/schema.h"

namespace lantern {
namespace {

// A YAML double-quoted string.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string JoinSlugs(const std::vector<std::string>& slugs) {
  std::string out;
  for (const std::string& slug : slugs) out += (out.empty() ? "" : ", ") + slug;
  return out;
}

class RecordWriter {
 public:
  RecordWriter(std::string id, unsigned version, Date today) : id_(std::move(id)), version_(version), today_(today) {}

  std::string Write() {
    out_ += "# A Lantern record of one algorithmic tool, in the shape of ATRS " + VersionText() + ".\n";
    out_ += "# Write real text in place of each placeholder (lantern check lists them), and delete optional\n";
    out_ += "# fields you do not need. Lines starting with # are comments.\n";
    WriteChildren("", 0, false);
    return out_;
  }

 private:
  std::string VersionText() const { return version_ == kV3 ? "3.0" : "4.0"; }

  // Commented-out blocks keep their shape after the "# ", which sits at the
  // block's own indentation, so removing it gives valid YAML.
  void Line(int indent, bool commented, const std::string& text) {
    if (!commented) {
      comment_base_ = -1;
      out_ += std::string(static_cast<size_t>(indent), ' ') + text + "\n";
      return;
    }
    if (comment_base_ < 0 || indent < comment_base_) comment_base_ = indent;
    out_ += std::string(static_cast<size_t>(comment_base_), ' ') + "# " +
            std::string(static_cast<size_t>(indent - comment_base_), ' ') + text + "\n";
  }

  // `commented`: the block is written as comments for the author to take up.
  void WriteChildren(const std::string& parent, int indent, bool commented) {
    bool first_top = true;
    for (const FieldSpec* field : ChildFields(DocumentKind::kRecord, version_, parent)) {
      if (parent.empty() && !first_top && (field->type == FieldType::kObject || field->type == FieldType::kObjectList)) {
        out_ += "\n";
      }
      first_top = false;
      WriteField(*field, indent, commented, "");
    }
  }

  // `dash`: "- " when this field opens a list entry.
  void WriteField(const FieldSpec& field, int indent, bool commented, const std::string& dash) {
    const std::string key(FieldKey(field.path));
    const std::string label = FieldLabel(field, version_);
    const bool comment_out = commented || CommentedOut(field);
    std::string help = std::string(field.required ? "(required) " : "(optional) ") + field.help;
    if (comment_out && !commented) help += " Remove the # to use it.";
    Line(indent + static_cast<int>(dash.size()), commented, "# " + help);
    const std::string lead = dash + key + ":";
    // Commented-out fields are examples, not work left to do: no marker.
    const std::string todo = comment_out ? "" : "TODO: ";
    const std::string todo_comment = comment_out ? "" : "  # TODO: ";
    const int at = indent;
    switch (field.type) {
      case FieldType::kObject:
        Line(at, comment_out, lead);
        WriteChildren(field.path, indent + 2 + static_cast<int>(dash.size()), comment_out);
        return;
      case FieldType::kObjectList: {
        Line(at, comment_out, lead);
        bool first = true;
        for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, version_, std::string(field.path) + "[]")) {
          WriteField(*child, indent + 2 + static_cast<int>(dash.size()), comment_out, first ? "- " : "  ");
          first = false;
        }
        return;
      }
      case FieldType::kMarkdown:
        Line(at, comment_out, lead + " |");
        Line(indent + 2 + static_cast<int>(dash.size()), comment_out, todo + label);
        return;
      case FieldType::kText:
        Line(at, comment_out, lead + " " + Quoted(todo + label));
        return;
      case FieldType::kTextList:
        Line(at, comment_out, lead + " []" + (comment_out ? "" : todo_comment + "a list such as [first, second]"));
        return;
      case FieldType::kId:
        Line(at, comment_out, lead + " " + id_);
        return;
      case FieldType::kDate:
        Line(at, comment_out, lead + " " + today_.Iso() + (comment_out ? "" : "  # TODO: check this date"));
        return;
      case FieldType::kBool:
        Line(at, comment_out, lead + " no" + (comment_out ? "" : todo_comment + "yes or no"));
        return;
      case FieldType::kUrl:
        Line(at, comment_out, lead + " N/A" + (comment_out ? "" : todo_comment + "a full address starting with https://"));
        return;
      case FieldType::kEmail:
        Line(at, comment_out, lead + " N/A" + (comment_out ? "" : todo_comment + "a team mailbox such as team@example.gov.uk"));
        return;
      case FieldType::kEnum:
        WriteEnum(field, at, comment_out, lead);
        return;
      case FieldType::kEnumList:
        Line(at, comment_out, lead + " []" + (comment_out ? "" : todo_comment + "any of: " + JoinSlugs(EnumSlugs(field.enumeration, version_))));
        return;
      case FieldType::kInteger:
      case FieldType::kLink:
        Line(at, comment_out, lead + (comment_out ? "" : "  # TODO"));
        return;
    }
  }

  void WriteEnum(const FieldSpec& field, int at, bool comment_out, const std::string& lead) {
    const std::string key(FieldKey(field.path));
    if (key == "atrs_version") return Line(at, comment_out, lead + " " + Quoted(VersionText()));
    if (key == "status") return Line(at, comment_out, lead + " draft  # TODO: published when it is ready");
    const std::vector<std::string> slugs = EnumSlugs(field.enumeration, version_);
    Line(at, comment_out, lead + " " + (slugs.empty() ? std::string() : slugs.front()) +
                              (comment_out ? "" : "  # TODO: one of: " + JoinSlugs(slugs)));
  }

  // Fields no placeholder could fill without an error: dates that only some
  // records have, the service (it must be one of site.yaml's), lists of
  // entries that only some tools need, and redactions (they name real fields).
  static bool CommentedOut(const FieldSpec& field) {
    const std::string_view path = field.path;
    if (field.required) return false;
    if (field.type == FieldType::kDate) return true;
    if (field.type == FieldType::kObjectList) return true;
    return path == "service";
  }

  std::string id_;
  unsigned version_;
  Date today_;
  std::string out_;
  int comment_base_ = -1;
};

}  // namespace

std::string RecordScaffold(const std::string& id, unsigned version, const Date& today) {
  return RecordWriter(id, version, today).Write();
}

std::string PageScaffold(const std::string& slug) {
  std::string title = slug;
  for (char& c : title) c = c == '-' ? ' ' : c;
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return "---\n"
         "# " + std::string(FindField(DocumentKind::kPage, kAll, "title")->help) + "\n"
         "title: " + Quoted("TODO: " + title) + "\n"
         "# " + FindField(DocumentKind::kPage, kAll, "summary")->help + "\n"
         "summary: " + Quoted("TODO: one sentence on what this page is for") + "\n"
         "# " + FindField(DocumentKind::kPage, kAll, "order")->help + "\n"
         "order: 100\n"
         "# " + FindField(DocumentKind::kPage, kAll, "navigation")->help + "\n"
         "navigation: yes\n"
         "---\n"
         "TODO: write an opening paragraph that says who this page is for and what they can do.\n"
         "\n"
         "## TODO: a heading for the first part\n"
         "\n"
         "TODO: write short sentences in plain words; link to other pages like this: [how to object](/pages/how-to-object/).\n";
}

}  // namespace lantern
