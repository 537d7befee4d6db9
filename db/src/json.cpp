#include <quotecheck/db/json.hpp>

#include <cmath>

namespace quotecheck::db {
namespace {
double round2(double x) { return std::round(x * 100.0) / 100.0; }
} // namespace

nlohmann::json to_json(const statement &st) {
  nlohmann::json j{{"id", st.id},     {"speaker", st.speaker}, {"text", st.text},
                   {"date", st.date}, {"source", st.source},   {"url", st.url}};
  if (!st.medium.empty())
    j["medium"] = st.medium;
  return j;
}

nlohmann::json to_json(const std::vector<diff_op> &diff) {
  auto arr = nlohmann::json::array();
  for (const auto &d : diff)
    arr.push_back({{"op", std::string(to_string(d.op))}, {"text", d.text}});
  return arr;
}

nlohmann::json to_json(const verdict &v) {
  nlohmann::json j{
      {"rule", v.rule}, {"severity", std::string(to_string(v.level))}, {"score", round2(v.score)}};
  j["statement"] = v.evidence ? to_json(*v.evidence) : nlohmann::json(nullptr);
  j["diff"] = to_json(v.diff);
  if (v.role)
    j["role"] = {{"role", v.role->role}, {"from", v.role->from}, {"to", v.role->to}};
  j["message"] = v.message;
  return j;
}

nlohmann::json to_json(const match &m) {
  return {{"score", round2(m.score)},
          {"statement", to_json(m.stmt)},
          {"diff", to_json(m.align.diff)},
          {"exact", m.align.exact()},
          {"whole", m.align.whole()}};
}

} // namespace quotecheck::db
