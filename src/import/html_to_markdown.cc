#include "import/html_to_markdown.h"

#include <gumbo.h>

namespace lantern {
namespace {

// Characters that would start Markdown syntax inside text.
std::string EscapeText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<') out += '\\';
    out += c;
  }
  return out;
}

// Whitespace runs as one space, as HTML shows them.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

std::string Trim(std::string text) {
  const size_t start = text.find_first_not_of(" \n");
  if (start == std::string::npos) return "";
  const size_t end = text.find_last_not_of(" \n");
  return text.substr(start, end - start + 1);
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

class Converter {
 public:
  std::vector<HtmlSection> Run(std::string_view html) {
    const std::string text(html);
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
    sections_.push_back({});
    Blocks(output->root, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    for (HtmlSection& section : sections_) section.markdown = Trim(section.markdown);
    return sections_;
  }

 private:
  // Inline content of a node as Markdown on one logical line.
  std::string Inline(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      return EscapeText(CollapseSpace(node->v.text.text));
    }
    if (node->type != GUMBO_NODE_ELEMENT) return "";
    const GumboElement& element = node->v.element;
    std::string inner;
    for (unsigned i = 0; i < element.children.length; ++i) {
      inner += Inline(static_cast<const GumboNode*>(element.children.data[i]));
    }
    switch (element.tag) {
      case GUMBO_TAG_BR:
        return "\\\n";
      case GUMBO_TAG_EM:
      case GUMBO_TAG_I:
        return Wrapped(inner, "*");
      case GUMBO_TAG_STRONG:
      case GUMBO_TAG_B:
        return Wrapped(inner, "**");
      case GUMBO_TAG_CODE:
        return "`" + inner + "`";
      case GUMBO_TAG_A: {
        const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href");
        if (href == nullptr || *href->value == '\0') return inner;
        std::string url = href->value;
        std::string escaped;
        for (char c : url) escaped += c == ' ' ? std::string("%20") : c == ')' ? std::string("%29") : std::string(1, c);
        return "[" + Trim(inner) + "](" + escaped + ")";
      }
      default:
        return inner;
    }
  }

  // `**x** ` rather than `** x**`: the markers hug the text.
  static std::string Wrapped(const std::string& inner, const char* marker) {
    const size_t start = inner.find_first_not_of(' ');
    if (start == std::string::npos) return inner;
    const size_t end = inner.find_last_not_of(' ');
    return inner.substr(0, start) + marker + inner.substr(start, end - start + 1) + marker + inner.substr(end + 1);
  }

  void Paragraph(const std::string& text, int indent) {
    const std::string trimmed = Trim(text);
    if (trimmed.empty()) return;
    std::string& out = sections_.back().markdown;
    if (!out.empty()) out += "\n\n";
    out += Indented(trimmed, indent);
  }

  static std::string Indented(const std::string& text, int indent) {
    const std::string pad(static_cast<size_t>(indent), ' ');
    std::string out = pad;
    for (char c : text) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out;
  }

  // A list: each item's first line after its marker, its further blocks
  // (and nested lists) indented to the item's text.
  void List(const GumboElement& list, int indent) {
    const bool ordered = list.tag == GUMBO_TAG_OL;
    int n = 0;
    int items = 0;
    std::string& out = sections_.back().markdown;
    for (unsigned i = 0; i < list.children.length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(list.children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_LI) continue;
      const std::string marker = ordered ? std::to_string(++n) + ". " : "- ";
      const int inner = indent + static_cast<int>(marker.size());
      std::string line;
      std::vector<const GumboNode*> nested;
      const GumboElement& item = child->v.element;
      for (unsigned j = 0; j < item.children.length; ++j) {
        const GumboNode* part = static_cast<const GumboNode*>(item.children.data[j]);
        const bool block = part->type == GUMBO_NODE_ELEMENT &&
                           (part->v.element.tag == GUMBO_TAG_UL || part->v.element.tag == GUMBO_TAG_OL ||
                            part->v.element.tag == GUMBO_TAG_P || part->v.element.tag == GUMBO_TAG_TABLE);
        if (block && !(part->v.element.tag == GUMBO_TAG_P && nested.empty() && Trim(line).empty())) {
          nested.push_back(part);
        } else if (nested.empty()) {
          line += Inline(part);
        } else {
          nested.push_back(part);
        }
      }
      if (items++ > 0) out += "\n";
      out += std::string(static_cast<size_t>(indent), ' ') + marker + Indented(Trim(line), inner).substr(static_cast<size_t>(inner));
      for (const GumboNode* part : nested) {
        if (part->type == GUMBO_NODE_ELEMENT && (part->v.element.tag == GUMBO_TAG_UL || part->v.element.tag == GUMBO_TAG_OL)) {
          out += "\n";  // a nested list follows its item's line directly
          List(part->v.element, inner);
        } else {
          Blocks(part, inner);
        }
      }
    }
  }

  void Table(const GumboNode* table) {
    std::vector<std::vector<std::string>> rows;
    Rows(table, &rows);
    if (rows.empty()) return;
    size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());
    std::string text;
    for (size_t r = 0; r < rows.size(); ++r) {
      std::string line = "|";
      for (size_t c = 0; c < columns; ++c) {
        std::string cell = c < rows[r].size() ? rows[r][c] : "";
        std::string safe;
        for (char ch : cell) safe += ch == '|' ? std::string("\\|") : ch == '\n' ? std::string(" ") : std::string(1, ch);
        line += " " + safe + " |";
      }
      text += (r == 0 ? "" : "\n") + line;
      if (r == 0) {
        text += "\n|";
        for (size_t c = 0; c < columns; ++c) text += " --- |";
      }
    }
    Paragraph(text, 0);
  }

  void Rows(const GumboNode* node, std::vector<std::vector<std::string>>* rows) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_TR) {
      std::vector<std::string> row;
      for (unsigned i = 0; i < element.children.length; ++i) {
        const GumboNode* cell = static_cast<const GumboNode*>(element.children.data[i]);
        if (cell->type == GUMBO_NODE_ELEMENT && (cell->v.element.tag == GUMBO_TAG_TD || cell->v.element.tag == GUMBO_TAG_TH)) {
          row.push_back(Trim(Inline(cell)));
        }
      }
      rows->push_back(std::move(row));
      return;
    }
    for (unsigned i = 0; i < element.children.length; ++i) Rows(static_cast<const GumboNode*>(element.children.data[i]), rows);
  }

  // Block content: inline runs between blocks become paragraphs.
  void Blocks(const GumboNode* node, int indent) {
    if (node->type != GUMBO_NODE_ELEMENT) {
      Paragraph(Inline(node), indent);
      return;
    }
    const GumboElement& element = node->v.element;
    if (IsHeading(element.tag)) {
      HtmlSection section;
      section.level = element.tag - GUMBO_TAG_H1 + 1;
      section.heading = Trim(CollapseSpace(PlainText(node)));
      sections_.push_back(std::move(section));
      return;
    }
    switch (element.tag) {
      case GUMBO_TAG_P:
        Paragraph(Inline(node), indent);
        return;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL: {
        std::string& out = sections_.back().markdown;
        if (!out.empty()) out += "\n\n";
        List(element, indent);
        return;
      }
      case GUMBO_TAG_TABLE:
        Table(node);
        return;
      default:
        break;
    }
    std::string run;
    for (unsigned i = 0; i < element.children.length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(element.children.data[i]);
      const bool block = child->type == GUMBO_NODE_ELEMENT &&
                         (IsHeading(child->v.element.tag) || child->v.element.tag == GUMBO_TAG_P ||
                          child->v.element.tag == GUMBO_TAG_UL || child->v.element.tag == GUMBO_TAG_OL ||
                          child->v.element.tag == GUMBO_TAG_TABLE || child->v.element.tag == GUMBO_TAG_DIV ||
                          child->v.element.tag == GUMBO_TAG_BODY || child->v.element.tag == GUMBO_TAG_HTML ||
                          child->v.element.tag == GUMBO_TAG_SECTION || child->v.element.tag == GUMBO_TAG_BLOCKQUOTE);
      if (block) {
        Paragraph(run, indent);
        run.clear();
        Blocks(child, indent);
      } else {
        run += Inline(child);
      }
    }
    Paragraph(run, indent);
  }

  static std::string PlainText(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) return node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return "";
    std::string text;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      text += PlainText(static_cast<const GumboNode*>(node->v.element.children.data[i]));
    }
    return text;
  }

  std::vector<HtmlSection> sections_;
};

}  // namespace

std::vector<HtmlSection> HtmlToSections(std::string_view html) { return Converter().Run(html); }

}  // namespace lantern
