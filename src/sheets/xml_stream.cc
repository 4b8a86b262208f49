#include "sheets/xml_stream.h"

#include <expat.h>

#include "sheets/sheet_messages.h"
namespace dh::sheets {

struct XmlStream::Impl {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::string part;
  Status status;  // the first error a callback returned

  void Stop(Status s) {
    if (status.ok()) status = std::move(s);
    XML_StopParser(parser, XML_FALSE);
  }
};

namespace {

// "prefix:local" or "local" → "local". The parser does no namespace processing (binding
// each element's prefix to its URI and building "uri|local" for every element and attribute
// of a large sheet is work no reader here uses); OOXML's names are told apart by their local
// names alone.
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// "xmlns" and "xmlns:x": namespace declarations, which are no attributes of the element.
bool IsDeclaration(std::string_view name) {
  return name.starts_with("xmlns") && (name.size() == 5 || name[5] == ':');
}

XmlStream::Impl* Of(void* data) { return static_cast<XmlStream::Impl*>(data); }

void OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* s = Of(data);
  if (s->status.ok())
    if (Status st = s->handler->Start(Local(name), attrs); !st.ok()) s->Stop(std::move(st));
}

void OnEnd(void* data, const XML_Char* name) {
  auto* s = Of(data);
  if (s->status.ok())
    if (Status st = s->handler->End(Local(name)); !st.ok()) s->Stop(std::move(st));
}

void OnText(void* data, const XML_Char* text, int len) {
  auto* s = Of(data);
  if (s->status.ok())
    if (Status st = s->handler->Text(std::string_view(text, static_cast<size_t>(len))); !st.ok())
      s->Stop(std::move(st));
}

void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* s = Of(data);
  s->Stop(Status::InvalidInput("file", Say(msg::kDoctype, {{"part", s->part}}), "bad_xlsx"));
}

}  // namespace

std::string_view Attr(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs && attrs[i]; i += 2)
    if (Local(attrs[i]) == name && !IsDeclaration(attrs[i])) return attrs[i + 1];
  return {};
}

XmlStream::XmlStream(XmlHandler& handler, std::string part) : impl_(std::make_unique<Impl>()) {
  impl_->handler = &handler;
  impl_->part = std::move(part);
  impl_->parser = XML_ParserCreate(nullptr);
  XML_SetUserData(impl_->parser, impl_.get());
  XML_SetElementHandler(impl_->parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(impl_->parser, OnText);
  XML_SetStartDoctypeDeclHandler(impl_->parser, OnDoctype);
}

XmlStream::~XmlStream() {
  if (impl_->parser) XML_ParserFree(impl_->parser);
}

Status XmlStream::Parse(const char* data, size_t size, bool last) {
  if (!impl_->parser) return Status::Internal("XML parser could not be created");
  if (!impl_->status.ok()) return impl_->status;
  const XML_Status r = XML_Parse(impl_->parser, data, static_cast<int>(size), last);
  if (!impl_->status.ok()) return impl_->status;
  if (r == XML_STATUS_OK) return Status::Ok();
  return Status::InvalidInput(
      "file",
      Say(msg::kNotXml, {{"part", impl_->part},
                         {"line", std::to_string(XML_GetCurrentLineNumber(impl_->parser))},
                         {"error", std::string(XML_ErrorString(XML_GetErrorCode(impl_->parser)))}}),
      "bad_xlsx");
}

Status XmlStream::Feed(std::string_view chunk) { return Parse(chunk.data(), chunk.size(), false); }
Status XmlStream::Finish() { return Parse("", 0, true); }

}  // namespace dh::sheets
