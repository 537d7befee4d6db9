#include "html_escape.hpp"

namespace quotecheck::audit::detail {

void append_escaped(std::string &out, std::string_view text) {
  out.reserve(out.size() + text.size());
  for (const char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    case '\t':
    case '\n':
    case '\r': out += c; break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
        out += c;
      }
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

} // namespace quotecheck::audit::detail
