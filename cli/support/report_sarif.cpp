#include "report_sarif.hpp"

#include "extract_report.hpp"
#include "rule_catalog.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace quotecheck::cli {

namespace {
// FNV-1a, 64 bits: stable across platforms and releases, unlike std::hash.
void fnv1a(std::uint64_t &h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= 0xffU; // field separator, outside UTF-8
  h *= 0x100000001b3ULL;
}
} // namespace

std::string sarif_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path.front() == '/') {
    out = "file://";
  }
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~' || u == '/') {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

std::string finding_fingerprint(const located_finding &f) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  fnv1a(h, f.rule);
  fnv1a(h, f.quote_text);
  fnv1a(h, f.speaker);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void write_sarif(std::string &out, const std::vector<located_finding> &findings, std::string_view version,
                 std::string_view information_uri) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  for (const rule_info &r : rule_catalog()) {
    rules.push_back({{"id", r.id},
                     {"shortDescription", {{"text", r.summary}}},
                     {"help", {{"text", r.help}}},
                     {"defaultConfiguration", {{"level", to_string(r.level)}}}});
  }
  json results = json::array();
  for (const located_finding &f : findings) {
    json region = {{"startLine", f.start_line},   {"startColumn", f.start_column},
                   {"endLine", f.end_line},       {"endColumn", f.end_column},
                   {"charOffset", f.char_offset}, {"charLength", f.char_length}};
    json result = {
        {"ruleId", f.rule},
        {"level", to_string(f.level)},
        {"message", {{"text", f.message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        {{"artifactLocation", {{"uri", sarif_uri(f.uri)}}}, {"region", region}}}}})},
        {"partialFingerprints", {{"quotecheck/v1", finding_fingerprint(f)}}}};
    if (const int index = rule_index(f.rule); index >= 0) {
      result["ruleIndex"] = index;
    }
    results.push_back(std::move(result));
  }
  json driver = {{"name", "quotecheck"}, {"version", version}, {"rules", rules}};
  if (!information_uri.empty()) {
    driver["informationUri"] = information_uri; // optional in SARIF; set only when the build knows it
  }
  const json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::array({{{"tool", {{"driver", driver}}},
                                           {"columnKind", "unicodeCodePoints"},
                                           {"results", results}}})}};
  out += log.dump(2, ' ', false, json::error_handler_t::replace);
  out += '\n';
}

} // namespace quotecheck::cli
