// A streaming XML tokenizer (expat) for parts too large to hold as a tree: a handler
// sees start tags with their attributes, end tags and text, by local name (namespace
// prefixes dropped). A document type declaration is refused (OOXML never has one, and
// it is how entity-expansion attacks begin). Internal to src/sheets/.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace dh::sheets {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attrs` is expat's array: name, value, …, nullptr (names as written, prefix and
  // namespace declarations included: read them through Attr).
  virtual Status Start(std::string_view name, const char** attrs) = 0;
  virtual Status End(std::string_view name) = 0;
  virtual Status Text(std::string_view text) = 0;
};

// The value of attribute `name` in an expat attribute array; "" when absent.
std::string_view Attr(const char** attrs, std::string_view name);

class XmlStream {
 public:
  // `part` names the part in messages ("xl/worksheets/sheet1.xml").
  XmlStream(XmlHandler& handler, std::string part);
  XmlStream(const XmlStream&) = delete;
  ~XmlStream();

  // Feeds the next chunk; the first error (the handler's or the XML's) ends the stream.
  Status Feed(std::string_view chunk);
  // After the last chunk: the document must be complete.
  Status Finish();

 public:
  struct Impl;

 private:
  Status Parse(const char* data, size_t size, bool last);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dh::sheets
