// Mustache templates over Value views. The only file that includes kainjow
// mustache. Besides parsing, it enforces two rules the engine does not:
// unescaped output ({{{x}}} or {{& x}}) only for names ending in "_html" and
// for "content", and no partial that includes itself (the engine would
// recurse until the stack runs out).
#ifndef LANTERN_RENDER_TEMPLATE_H_
#define LANTERN_RENDER_TEMPLATE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/value.h"

namespace lantern {

// A set of named templates and partials. Copying is cheap (texts only); a copy
// parses lazily. Not thread-safe: give each rendering thread its own copy.
class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(const TemplateSet& other);
  TemplateSet& operator=(const TemplateSet& other);

  // Adds a template or partial read from `path`. Returns false and adds a
  // positioned error when its syntax is invalid or it breaks the rules above.
  bool AddTemplate(const std::string& name, const std::string& path, const std::string& text,
                   Diagnostics* diagnostics);
  bool AddPartial(const std::string& name, const std::string& path, const std::string& text,
                  Diagnostics* diagnostics);
  // Reports partials that include themselves, directly or through others, and
  // references to partials that do not exist. Returns false when it found any.
  bool CheckPartials(Diagnostics* diagnostics) const;

  bool HasTemplate(const std::string& name) const { return templates_.count(name) > 0; }

  // Of every template's and partial's name, path and text (not the
  // constants): two sets with the same fingerprint render alike.
  uint64_t Fingerprint() const;

  // Names every render sees below the view's own (the theme's strings, site
  // settings, the licence): converted for the engine once here and shared by
  // copies of this set, instead of being copied into every page's view. A
  // name in the view hides the same name here.
  void SetConstants(const Value& constants);

  // Renders template `name` with `view`. Returns std::nullopt (and adds an
  // error) when the template is missing or the engine reports a problem.
  std::optional<std::string> Render(const std::string& name, const Value& view, Diagnostics* diagnostics);

  // Renders partial `name` on its own with `view` (and the constants), as a
  // template that includes it would render it where the view is the current
  // context: for a piece rendered once and shown on many pages (a record's
  // row of the lists). Returns std::nullopt (and adds an error) as Render does.
  std::optional<std::string> RenderPartial(const std::string& name, const Value& view, Diagnostics* diagnostics);

  // Reports, as an error with `why`, each template or partial that includes
  // partial `name` ({{> name}}): for a partial Lantern renders only on its
  // own. Returns false when it found any.
  bool CheckNotIncluded(const std::string& name, const std::string& why, Diagnostics* diagnostics) const;

  // Renders template `name`, then `layout` with the same view plus "content"
  // set to the first result. Equivalent to two Render calls, but the view is
  // converted for the engine only once, and dropped once converted: a list
  // page's view holds an entry per record, and so does its conversion.
  std::optional<std::string> RenderInLayout(const std::string& name, const std::string& layout, Value view,
                                            Diagnostics* diagnostics);

 private:
  struct Source {
    std::string path;
    std::string text;
  };
  struct Parsed;
  // The parsed template (or, with `partial`, partial) `name`, partials
  // expanded, or nullptr with an error.
  Parsed* Prepare(const std::string& name, Diagnostics* diagnostics, bool partial = false);

  std::map<std::string, Source> templates_;
  std::map<std::string, Source> partials_;
  std::map<std::string, std::unique_ptr<Parsed>> parsed_;
  struct Constants;
  std::shared_ptr<const Constants> constants_;  // null: none
};

}  // namespace lantern

#endif  // LANTERN_RENDER_TEMPLATE_H_
