#include "load/scaffold.h"

#include <algorithm>
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

// A text as a YAML scalar the reader gives back unchanged: double-quoted
// (escapes for controls) when it is one line or cannot be a literal block.
bool NeedsEscapes(std::string_view text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
  }
  return false;
}

std::string DoubleQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class RecordWriter {
 public:
  RecordWriter(std::string id, unsigned version, Date today, const Value* answers = nullptr)
      : id_(std::move(id)), version_(version), today_(today), answers_(answers) {}

  std::string Write() {
    out_ += "# A Lantern record of one algorithmic tool, in the shape of ATRS " + VersionText() + ".\n";
    out_ += "# Write real text in place of each placeholder (lantern check lists them), and delete optional\n";
    out_ += "# fields you do not need. Lines starting with # are comments.\n";
    WriteChildren("", 0, false, answers_);
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
  // `container`: the answers at this level, or nullptr (none).
  void WriteChildren(const std::string& parent, int indent, bool commented, const Value* container) {
    bool first_top = true;
    for (const FieldSpec* field : ChildFields(DocumentKind::kRecord, version_, parent)) {
      if (parent.empty() && !first_top && (field->type == FieldType::kObject || field->type == FieldType::kObjectList)) {
        out_ += "\n";
      }
      first_top = false;
      WriteField(*field, indent, commented, "", container);
    }
  }

  const Value* AnswerOf(const FieldSpec& field, const Value* container) const {
    if (container == nullptr || !container->is_map()) return nullptr;
    const Value* answer = container->Find(FieldKey(field.path));
    return answer != nullptr && !answer->is_null() ? answer : nullptr;
  }

  // Whether the field, missing from the answers, is written commented out.
  bool MissingCommentedOut(const FieldSpec& field) const {
    if (answers_ == nullptr) return false;
    if (field.required || std::string_view(field.path) == "status") return false;
    // A retired tool needs the day it stopped being used.
    const Value* phase = answers_->Find("phase");
    if (std::string_view(field.path) == "dates.archived" && phase != nullptr && phase->is_text() &&
        phase->text() == "retired") {
      return false;
    }
    return true;
  }

  // A text answer as a scalar after "key:".
  // `content`: the indentation of a literal block's lines.
  void WriteTextAnswer(int indent, int content, bool markdown, const std::string& lead, const std::string& text) {
    const bool multi_line = text.find('\n') != std::string::npos;
    const bool literal_ok = !NeedsEscapes(text) && !text.empty() && text.front() != ' ' && text.back() != '\n' &&
                            text.back() != ' ' && text.find("\n ") == std::string::npos;
    if ((multi_line || markdown) && literal_ok) {
      Line(indent, false, lead + " |");
      size_t start = 0;
      while (start <= text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        if (line.empty()) {
          out_ += "\n";
        } else {
          Line(content, false, line);
        }
        start = end + 1;
      }
      return;
    }
    Line(indent, false, lead + " " + DoubleQuoted(text));
  }

  // A field the answers give. Returns false when the answer is not of a shape
  // the field takes (then the field is written as if unanswered).
  bool WriteAnswer(const FieldSpec& field, int indent, const std::string& dash, const Value& answer) {
    const std::string key(FieldKey(field.path));
    const std::string lead = dash + key + ":";
    const int inner = indent + 2 + static_cast<int>(dash.size());
    switch (field.type) {
      case FieldType::kObject:
        if (!answer.is_map()) return false;
        Line(indent, false, lead);
        WriteChildren(field.path, inner, false, &answer);
        return true;
      case FieldType::kObjectList: {
        if (!answer.is_list() || answer.items().empty()) return false;
        Line(indent, false, lead);
        const auto& children = ChildFields(DocumentKind::kRecord, version_, std::string(field.path) + "[]");
        for (const Value& entry : answer.items()) {
          bool first = true;
          for (const FieldSpec* child : children) {
            // The dash goes on the entry's first line that is not a comment.
            const bool written = AnswerOf(*child, &entry) != nullptr || !MissingCommentedOut(*child);
            WriteField(*child, inner, false, written && first ? "- " : "  ", &entry);
            if (written) first = false;
          }
        }
        return true;
      }
      case FieldType::kEnumList:
      case FieldType::kTextList: {
        std::string items;
        auto add = [&](const Value& item) {
          if (!item.is_text()) return;
          const std::string text = field.type == FieldType::kEnumList ? item.text() : DoubleQuoted(item.text());
          items += (items.empty() ? "" : ", ") + text;
        };
        if (answer.is_list()) {
          for (const Value& item : answer.items()) add(item);
        } else {
          add(answer);
        }
        Line(indent, false, lead + " [" + items + "]");
        return true;
      }
      default:
        break;
    }
    if (!answer.is_text()) return false;
    switch (field.type) {
      case FieldType::kBool:
      case FieldType::kEnum:
      case FieldType::kDate:
      case FieldType::kInteger:
        Line(indent, false, lead + " " + (field.type == FieldType::kEnum && key == "atrs_version"
                                              ? DoubleQuoted(answer.text())
                                              : answer.text()));
        return true;
      default:
        WriteTextAnswer(indent, inner, field.type == FieldType::kMarkdown, lead, answer.text());
        return true;
    }
  }

  // `dash`: "- " when this field opens a list entry.
  void WriteField(const FieldSpec& field, int indent, bool commented, const std::string& dash,
                  const Value* container) {
    const std::string key(FieldKey(field.path));
    const std::string label = FieldLabel(field, version_);
    const Value* answer = commented ? nullptr : AnswerOf(field, container);
    if (answer != nullptr && field.type != FieldType::kId) {
      const size_t mark = out_.size();
      Line(indent + static_cast<int>(dash.size()), false,
           std::string("# ") + (field.required ? "(required) " : "(optional) ") + field.help);
      if (WriteAnswer(field, indent, dash, *answer)) return;
      out_.resize(mark);
    }
    const bool comment_out = commented || (answers_ == nullptr ? CommentedOut(field) : MissingCommentedOut(field));
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
        WriteChildren(field.path, indent + 2 + static_cast<int>(dash.size()), comment_out,
                      comment_out ? nullptr : AnswerOf(field, container));
        return;
      case FieldType::kObjectList: {
        Line(at, comment_out, lead);
        bool first = true;
        for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, version_, std::string(field.path) + "[]")) {
          WriteField(*child, indent + 2 + static_cast<int>(dash.size()), comment_out, first ? "- " : "  ", nullptr);
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
  const Value* answers_;
  std::string out_;
  int comment_base_ = -1;
};

}  // namespace

std::string RecordScaffold(const std::string& id, unsigned version, const Date& today) {
  return RecordWriter(id, version, today).Write();
}

std::string RecordFromAnswers(const std::string& id, unsigned version, const Date& today, const Value& answers) {
  return RecordWriter(id, version, today, &answers).Write();
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
