// FillDocx: placeholders joined across runs, repeated patterns, fields (docx_template.h).
#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <pugixml.hpp>

#include "documents/document_messages.h"
#include "documents/docx_package.h"
#include "documents/docx_template.h"

namespace dh::documents {
namespace {

using Node = pugi::xml_node;
using Lookup = std::function<const std::string*(std::string_view name)>;

bool Is(Node n, const char* name) {
  return n.type() == pugi::node_element && std::strcmp(n.name(), name) == 0;
}

// The node after `n` in document order within `root`; into its children when `descend`.
Node Next(Node n, Node root, bool descend) {
  if (descend && n.first_child()) return n.first_child();
  while (n && n != root) {
    if (n.next_sibling()) return n.next_sibling();
    n = n.parent();
  }
  return {};
}

// The elements named `name` under `root`, in document order, not looking inside the
// elements `skip` accepts. Iterative: a deep template cannot exhaust the stack.
std::vector<Node> Elements(Node root, const char* name,
                           const std::function<bool(Node)>& skip = nullptr) {
  std::vector<Node> out;
  for (Node n = Next(root, root, true); n;) {
    const bool skipped = skip && skip(n);
    if (!skipped && Is(n, name)) out.push_back(n);
    n = Next(n, root, !skipped);
  }
  return out;
}

Node Ancestor(Node n, const char* name) {
  for (Node a = n.parent(); a; a = a.parent())
    if (Is(a, name)) return a;
  return {};
}

bool Contains(Node outer, Node inner) {
  for (Node a = inner; a; a = a.parent())
    if (a == outer) return true;
  return false;
}

// XML 1.0 has no place for control characters; a tab is a space, "\n" a line break.
std::string Clean(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t')
      out += ' ';
    else if (c == '\n' || u >= 0x20)
      out += c;
  }
  return out;
}

// Sets a w:t's text; each "\n" starts a new line (w:br) in the same run.
void SetText(Node t, std::string_view text) {
  size_t end = text.find('\n');
  t.text().set(std::string(text.substr(0, end)).c_str());
  if (!t.attribute("xml:space")) t.append_attribute("xml:space") = "preserve";
  Node after = t;
  while (end != std::string_view::npos) {
    text.remove_prefix(end + 1);
    end = text.find('\n');
    Node br = t.parent().insert_child_after("w:br", after);
    after = t.parent().insert_child_after("w:t", br);
    after.append_attribute("xml:space") = "preserve";
    after.text().set(std::string(text.substr(0, end)).c_str());
  }
}

// Moves the placeholder at [a, b) of the paragraph's joined text into the text node where
// it starts. The joined text stays the same. False when it was whole already.
bool MovePlaceholder(std::vector<std::string>& texts, size_t a, size_t b) {
  size_t start = 0, i = 0;
  while (i < texts.size() && start + texts[i].size() <= a) start += texts[i++].size();
  if (i == texts.size() || b <= start + texts[i].size()) return false;
  std::string placeholder = texts[i].substr(a - start);
  texts[i].resize(a - start);
  size_t need = (b - a) - placeholder.size();
  for (size_t j = i + 1; j < texts.size() && need > 0; ++j) {
    const size_t take = std::min(need, texts[j].size());
    placeholder += texts[j].substr(0, take);
    texts[j].erase(0, take);
    need -= take;
  }
  texts[i] += placeholder;
  return true;
}

// Word splits "{{so_ky_hieu}}" into runs as it likes; joins each placeholder back into one.
void JoinSplitPlaceholders(Node paragraph) {
  std::vector<Node> nodes = Elements(paragraph, "w:t", [](Node n) { return Is(n, "w:p"); });
  if (nodes.size() < 2) return;
  std::vector<std::string> texts;
  std::string all;
  for (Node t : nodes) {
    texts.emplace_back(t.text().get());
    all += texts.back();
  }
  bool changed = false;
  for (size_t a = all.find("{{"); a != std::string::npos; a = all.find("{{", a + 2)) {
    const size_t close = all.find("}}", a + 2);
    if (close == std::string::npos) break;
    changed = MovePlaceholder(texts, a, close + 2) || changed;
  }
  if (!changed) return;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (texts[i] != nodes[i].text().get()) SetText(nodes[i], texts[i]);
}

// `text` with every {{name}} replaced through `lookup`; nullopt when it holds none.
Result<std::optional<std::string>> Expand(std::string_view text, const Lookup& lookup) {
  if (text.find("{{") == std::string_view::npos) return std::optional<std::string>();
  std::string out;
  size_t from = 0;
  for (size_t a = text.find("{{"); a != std::string_view::npos; a = text.find("{{", from)) {
    const size_t close = text.find("}}", a + 2);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(a + 2, close - a - 2);
    const std::string* value = lookup(name);
    if (!value)
      return BadTemplate(msg::kTemplateUnknownField, {{"field", "{{" + std::string(name) + "}}"}});
    out.append(text.substr(from, a - from)).append(Clean(*value));
    from = close + 2;
  }
  out.append(text.substr(from));
  return std::optional<std::string>(std::move(out));
}

Status FillTexts(const std::vector<Node>& texts, const Lookup& lookup) {
  for (Node t : texts) {
    auto expanded = Expand(t.text().get(), lookup);
    if (!expanded.ok()) return expanded.status();
    if (expanded->has_value()) SetText(t, **expanded);
  }
  return Status::Ok();
}

struct Pattern {
  std::string list, variant;
  Node block;  // the w:tr or w:p repeated
};

// Takes a marker {{#list}}, {{#list:variant}}, {{+list}} or {{+list:variant}} out of the
// text node `t`: the pattern it marks, or nullopt when there is none.
Result<std::optional<Pattern>> TakeMarker(Node t) {
  std::string text = t.text().get();
  size_t a = text.find("{{#");
  if (a == std::string::npos) a = text.find("{{+");
  const size_t close = a == std::string::npos ? a : text.find("}}", a);
  if (close == std::string::npos) return std::optional<Pattern>();
  const bool row = text[a + 2] == '#';
  const std::string inner = text.substr(a + 3, close - a - 3);
  const size_t colon = inner.find(':');
  Pattern p{inner.substr(0, colon), colon == std::string::npos ? "" : inner.substr(colon + 1),
            row ? Ancestor(t, "w:tr") : Ancestor(t, "w:p")};
  if (!p.block)
    return BadTemplate(msg::kTemplateMarkerOutsideRow, {{"marker", "{{#" + inner + "}}"}});
  text.erase(a, close + 2 - a);
  SetText(t, text);
  return std::optional<Pattern>(std::move(p));
}

Result<std::vector<Pattern>> FindPatterns(Node root) {
  std::vector<Pattern> patterns;
  for (Node t : Elements(root, "w:t")) {
    auto marker = TakeMarker(t);
    if (!marker.ok()) return marker.status();
    if (!marker->has_value()) continue;
    for (const Pattern& other : patterns)
      if (Contains(other.block, (*marker)->block) || Contains((*marker)->block, other.block))
        return BadTemplate(msg::kTemplateTwoMarkers,
                           {{"marker", "{{#" + (*marker)->list + "}}"}, {"other", other.list}});
    patterns.push_back(std::move(**marker));
  }
  return patterns;
}

// Repeats the patterns of one list, filling each copy from its item, then removes them.
Status Repeat(const std::string& list, const std::vector<const Pattern*>& patterns,
              const std::vector<RepeatItem>& items, const Fields& fields) {
  const Node anchor = patterns.front()->block;
  const std::string prefix = list + ".";
  for (const RepeatItem& item : items) {
    auto it = std::find_if(patterns.begin(), patterns.end(),
                           [&](const Pattern* p) { return p->variant == item.variant; });
    if (it == patterns.end()) continue;
    Node copy = anchor.parent().insert_copy_before((*it)->block, anchor);
    DH_RETURN_IF_ERROR(FillTexts(Elements(copy, "w:t"), [&](std::string_view name) {
      const bool own = name.starts_with(prefix);
      const Fields& from = own ? item.fields : fields;
      auto found = from.find(own ? name.substr(prefix.size()) : name);
      return found == from.end() ? nullptr : &found->second;
    }));
  }
  return Status::Ok();
}

Status ExpandLists(const std::vector<Pattern>& patterns, const DocxData& data) {
  std::vector<std::string> lists;
  for (const Pattern& p : patterns)
    if (std::find(lists.begin(), lists.end(), p.list) == lists.end()) lists.push_back(p.list);
  for (const std::string& list : lists) {
    auto items = data.lists.find(list);
    if (items == data.lists.end())
      return BadTemplate(msg::kTemplateUnknownList, {{"marker", "{{#" + list + "}}"}});
    std::vector<const Pattern*> own;
    for (const Pattern& p : patterns)
      if (p.list == list) own.push_back(&p);
    DH_RETURN_IF_ERROR(Repeat(list, own, items->second, data.fields));
  }
  for (const Pattern& p : patterns) p.block.parent().remove_child(p.block);
  return Status::Ok();
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

// A DOCTYPE may declare entities (the "billion laughs"); templates never need one.
bool HasDoctype(std::string_view xml) {
  return xml.find("<!DOCTYPE") != std::string_view::npos ||
         xml.find("<!doctype") != std::string_view::npos;
}

Status FillTree(Node root, const DocxData& data) {
  for (Node p : Elements(root, "w:p")) JoinSplitPlaceholders(p);
  auto patterns = FindPatterns(root);
  if (!patterns.ok()) return patterns.status();
  auto in_pattern = [&](Node n) {
    return std::any_of(patterns->begin(), patterns->end(),
                       [&](const Pattern& p) { return p.block == n; });
  };
  DH_RETURN_IF_ERROR(FillTexts(Elements(root, "w:t", in_pattern), [&](std::string_view name) {
    auto found = data.fields.find(name);
    return found == data.fields.end() ? nullptr : &found->second;
  }));
  return ExpandLists(*patterns, data);
}

Status FillPart(Part& part, const DocxData& data) {
  if (HasDoctype(part.bytes)) return BadTemplate(msg::kTemplateDoctype, {{"part", part.name}});
  pugi::xml_document doc;
  const auto parsed =
      doc.load_buffer(part.bytes.data(), part.bytes.size(),
                      pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8);
  if (!parsed)
    return BadTemplate(msg::kTemplateNotXml, {{"part", part.name},
                                              {"detail", std::string(parsed.description())},
                                              {"offset", static_cast<int64_t>(parsed.offset)}});
  DH_RETURN_IF_ERROR(FillTree(doc, data));
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  part.bytes = std::move(writer.out);
  return Status::Ok();
}

// The parts that hold text: the body, headers and footers.
bool HoldsText(const std::string& name) {
  if (!name.starts_with("word/") || !name.ends_with(".xml") || name.find('/', 5) != name.npos)
    return false;
  return name == "word/document.xml" || name.starts_with("word/header") ||
         name.starts_with("word/footer");
}

}  // namespace

Result<std::string> FillDocx(std::string_view template_bytes, const DocxData& data,
                             const TemplateLimits& limits) {
  auto parts = ReadPackage(template_bytes, limits);
  if (!parts.ok()) return parts.status();
  for (Part& part : *parts)
    if (HoldsText(part.name)) DH_RETURN_IF_ERROR(FillPart(part, data));
  return WritePackage(*parts);
}

}  // namespace dh::documents
