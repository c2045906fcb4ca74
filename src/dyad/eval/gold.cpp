#include "dyad/eval/gold.h"

#include <simdjson.h>

#include "dyad/util/dict_file.h"
#include "dyad/util/strings.h"

namespace dyad {

namespace {

std::string str(simdjson::dom::element el) {
  std::string_view sv;
  if (!el.get_string().get(sv)) return std::string(sv);
  return {};
}

// "USA", ["USA","JOR"], [{"code":"USA"}], "" or null -> list of codes.
std::vector<std::string> codes(simdjson::dom::element el) {
  std::vector<std::string> out;
  if (el.is_string()) {
    std::string s = str(el);
    if (!trim(s).empty()) out.push_back(std::string(trim(s)));
  } else if (el.is_array()) {
    for (simdjson::dom::element item : el.get_array()) {
      std::string c = item.is_object() ? str(item["code"]) : str(item);
      if (!trim(c).empty()) out.push_back(std::string(trim(c).substr(0, 3)));
    }
  }
  return out;
}

bool record_from(simdjson::dom::object obj, GoldRecord& r, std::string& why) {
  simdjson::dom::element el;
  if (!obj["text"].get(el)) r.text = str(el);
  if (r.text.empty()) {
    why = "no \"text\"";
    return false;
  }
  if (!obj["id"].get(el)) r.id = str(el);
  if (!obj["date"].get(el)) r.date = str(el);
  if (!obj["version"].get(el)) r.version = str(el);
  // One event read from an object: dyad's "events" entries and a GSR record look alike.
  auto event_from = [&](auto ev, const char* missing) {
    GoldEvent g;
    simdjson::dom::element v;
    if (!ev["event"].get(v)) g.category = str(v);
    if (g.category.empty()) {
      why = missing;
      return false;
    }
    if (!ev["source"].get(v)) g.sources = codes(v);
    if (!ev["target"].get(v)) g.targets = codes(v);
    r.events.push_back(std::move(g));
    return true;
  };
  simdjson::dom::array events;
  if (!obj["events"].get_array().get(events)) {
    for (simdjson::dom::element ev : events)
      if (!event_from(ev, "an event without \"event\"")) return false;
    return true;
  }
  return event_from(obj, "no \"event\"");
}

}  // namespace

bool load_gold(const std::string& path, std::vector<GoldRecord>& out, std::string& error) {
  std::string content;
  if (!read_file(path, content)) {
    error = path + ": cannot open";
    return false;
  }
  std::string_view t = trim(content);
  simdjson::dom::parser parser;
  if (!t.empty() && t.front() == '[') {
    simdjson::dom::element doc;
    if (auto e = parser.parse(content).get(doc)) {
      error = path + ": malformed JSON (" + simdjson::error_message(e) + ")";
      return false;
    }
    size_t i = 0;
    for (simdjson::dom::element item : doc.get_array()) {
      GoldRecord r;
      std::string why;
      simdjson::dom::object obj;
      if (item.get_object().get(obj) || !record_from(obj, r, why)) {
        error = path + ": record " + std::to_string(i) + ": " + (why.empty() ? "not an object" : why);
        return false;
      }
      if (r.id.empty()) r.id = std::to_string(i);
      out.push_back(std::move(r));
      ++i;
    }
    return true;
  }
  // JSON Lines.
  int no = 0;
  for (std::string_view line : split(content, '\n')) {
    ++no;
    if (trim(line).empty()) continue;
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    GoldRecord r;
    std::string why;
    if (parser.parse(line.data(), line.size()).get(doc) || doc.get_object().get(obj) || !record_from(obj, r, why)) {
      error = path + ":" + std::to_string(no) + ": " + (why.empty() ? "malformed JSON" : why);
      return false;
    }
    if (r.id.empty()) r.id = path + ":" + std::to_string(no);
    out.push_back(std::move(r));
  }
  return true;
}

}  // namespace dyad
