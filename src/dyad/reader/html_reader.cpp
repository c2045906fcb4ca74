// HTML pages: the article's title, published date and body text, parsed with
// gumbo (a real HTML5 parser). Navigation, scripts, menus and page furniture
// are dropped; block elements become paragraph breaks.
#include <gumbo.h>

#include <istream>
#include <iterator>

#include "dyad/reader/boilerplate.h"
#include "dyad/reader/readers.h"
#include "dyad/util/date.h"
#include "dyad/util/strings.h"

namespace dyad {

namespace {

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool is_skipped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_MENU: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// Class or id words that mark page furniture rather than article text.
bool is_furniture(const GumboElement& e) {
  static const char* const kWords[] = {"nav", "menu", "footer", "sidebar", "share", "social", "cookie",
                                       "comment", "related", "advert", "breadcrumb", "newsletter",
                                       "subscribe", "banner", "popup", "promo", "masthead", "widget"};
  for (const char* name : {"class", "id", "role"}) {
    const char* v = attr(e, name);
    if (!v) continue;
    std::string lower = to_lower(v);
    if (std::string_view(name) == "role" && (lower == "navigation" || lower == "banner" || lower == "contentinfo"))
      return true;
    for (const char* w : kWords)
      if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// Elements nested deeper than this are not looked into (the tree walks below
// recurse; a page nested this deep is not an article). Pages whose tags nest
// deeper are refused before parsing (nesting_depth_exceeds); gumbo can still
// build a deeper tree from them (reopened formatting elements), hence this cap too.
constexpr int kMaxTreeDepth = 1000;

void collect_text(const GumboNode* node, std::string& out, int depth = 0) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    // Collapse white space: HTML layout, not text.
    for (const char* p = node->v.text.text; *p; ++p) {
      if (is_space(*p)) {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
      } else {
        out.push_back(*p);
      }
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  if (depth > kMaxTreeDepth) return;
  const GumboElement& e = node->v.element;
  if (is_skipped_tag(e.tag) || is_furniture(e)) return;
  bool block = is_block_tag(e.tag);
  if (block) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && !ends_with(out, "\n\n")) out += out.back() == '\n' ? "\n" : "\n\n";
  }
  for (unsigned i = 0; i < e.children.length; ++i)
    collect_text(static_cast<const GumboNode*>(e.children.data[i]), out, depth + 1);
  if (block) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && !ends_with(out, "\n\n")) out += out.back() == '\n' ? "\n" : "\n\n";
  }
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxTreeDepth) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (const GumboNode* hit = find_first(static_cast<const GumboNode*>(kids.data[i]), tag, depth + 1)) return hit;
  return nullptr;
}

// Published date from the usual meta tags or the first <time datetime>.
void find_date(const GumboNode* node, std::string& date, int depth = 0) {
  if (!date.empty() || node->type != GUMBO_NODE_ELEMENT || depth > kMaxTreeDepth) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_META) {
    const char* key = attr(e, "property");
    if (!key) key = attr(e, "name");
    if (!key) key = attr(e, "itemprop");
    const char* content = attr(e, "content");
    if (key && content) {
      std::string k = to_lower(key);
      if (k == "article:published_time" || k == "datepublished" || k == "date" || k == "pubdate" ||
          k == "publishdate" || k == "dc.date" || k == "dc.date.issued" || k == "og:published_time") {
        if (auto d = parse_iso_date(content)) date = d->iso();
      }
    }
  } else if (e.tag == GUMBO_TAG_TIME) {
    if (const char* dt = attr(e, "datetime"))
      if (auto d = parse_iso_date(dt)) date = d->iso();
  }
  for (unsigned i = 0; i < e.children.length && date.empty(); ++i)
    find_date(static_cast<const GumboNode*>(e.children.data[i]), date, depth + 1);
}

// True when the page opens more than `limit` elements without closing them
// (an estimate from the tags alone: void and self-closed elements, and those
// HTML closes by itself such as <p> and <li>, do not count; script and style
// bodies are skipped). gumbo takes time quadratic in the nesting depth (the
// fuzzer's page of 9,610 nested <i> with paragraphs among them took 50 s; at
// 1,000 it takes well under a second) and frees its tree recursively, so such
// a page is refused before it is parsed.
bool nesting_depth_exceeds(std::string_view html, size_t limit) {
  static const char* const kNotNesting[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                            "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                                            "td", "th", "tr", "option", "!doctype"};
  size_t depth = 0;
  std::string name;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    bool close = html[i + 1] == '/';
    size_t j = i + 1 + close;
    if (j >= html.size() || !is_ascii_alpha(html[j])) continue;
    name.clear();
    while (j < html.size() && (is_ascii_alpha(html[j]) || is_ascii_digit(html[j]))) name.push_back(char(html[j++] | 0x20));
    size_t gt = html.find('>', j);
    if (gt == std::string_view::npos) break;
    i = gt;
    if (close) {
      if (depth > 0) --depth;
      continue;
    }
    if (html[gt - 1] == '/') continue;
    if (name == "script" || name == "style") {
      size_t end = html.find("</", gt);  // the body ends at the first end tag
      if (end == std::string_view::npos) break;
      i = end - 1;
      continue;
    }
    bool nests = true;
    for (const char* n : kNotNesting) nests = nests && name != n;
    if (nests && ++depth > limit) return true;
  }
  return false;
}

constexpr size_t kMaxHtmlNesting = 1000;

std::string text_of(const GumboNode* node) {
  std::string s;
  collect_text(node, s);
  return std::string(trim(s));
}

class HtmlReader : public ReportReader {
 public:
  HtmlReader(std::istream& in, const ReaderOptions& options, ErrorSink errors)
      : in_(in), options_(options), errors_(std::move(errors)) {}

  bool next(Report& report) override {
    if (done_) return false;
    done_ = true;
    std::string html;
    char buf[1 << 16];
    while (in_.read(buf, sizeof buf) || in_.gcount() > 0) {
      html.append(buf, size_t(in_.gcount()));
      if (html.size() > kMaxRecordBytes) {
        errors_(options_.name + ": HTML page larger than " + std::to_string(kMaxRecordBytes >> 20) + " MB; skipped");
        return false;
      }
    }
    if (trim(html).empty()) {
      errors_(options_.name + ": empty input, no report");
      return false;
    }
    if (html.find('\0') != std::string::npos) {
      errors_(options_.name + ": binary data (NUL byte) in HTML page; skipped");
      return false;
    }
    if (size_t bad = repair_utf8(html))
      errors_(options_.name + ": invalid UTF-8 (" + std::to_string(bad) + " byte(s) replaced by U+FFFD)");
    if (nesting_depth_exceeds(html, kMaxHtmlNesting)) {
      errors_(options_.name + ": HTML elements nested more than " + std::to_string(kMaxHtmlNesting) +
              " deep; page skipped");
      return false;
    }

    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    report = Report{};
    report.id = id_from_name(options_.name);
    report.origin = options_.name;
    const GumboNode* root = out->root;
    find_date(root, report.date);
    if (report.date.empty()) report.date = options_.default_date;

    const GumboNode* h1 = find_first(root, GUMBO_TAG_H1);
    const GumboNode* title = find_first(root, GUMBO_TAG_TITLE);
    if (h1) report.title = text_of(h1);
    if (report.title.empty() && title) report.title = text_of(title);

    const GumboNode* body = find_first(root, GUMBO_TAG_ARTICLE);
    if (!body) body = find_first(root, GUMBO_TAG_MAIN);
    if (!body) body = find_first(root, GUMBO_TAG_BODY);
    if (body) collect_text(body, report.text);
    gumbo_destroy_output(&kGumboDefaultOptions, out);

    if (options_.boilerplate) options_.boilerplate->strip(report.text);
    // The headline usually opens the article body too; avoid coding it twice.
    std::string_view text = trim(report.text);
    if (!report.title.empty() && starts_with(text, report.title)) text.remove_prefix(report.title.size());
    report.text = std::string(trim(text));
    if (trim(report.text).empty() && report.title.empty()) {
      errors_(options_.name + ": no article text found in HTML page");
      return false;
    }
    return true;
  }

 private:
  std::istream& in_;
  ReaderOptions options_;
  ErrorSink errors_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ReportReader> make_html_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors) {
  return std::make_unique<HtmlReader>(in, options, std::move(errors));
}

}  // namespace dyad
