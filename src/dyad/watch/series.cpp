#include "dyad/watch/series.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "dyad/util/date.h"

namespace dyad {

bool parse_period(const std::string& s, Period& out) {
  if (s == "day") out = Period::Day;
  else if (s == "week") out = Period::Week;
  else if (s == "month") out = Period::Month;
  else return false;
  return true;
}

namespace {

int weekday(int32_t day) { return int(((day % 7) + 7 + 3) % 7); }  // Monday 0

int32_t period_start(int32_t day, Period by) {
  if (by == Period::Day) return day;
  if (by == Period::Week) return day - weekday(day);
  Date d = Date::from_days(day);
  return Date{d.year, d.month, 1}.days();
}

int32_t next_period(int32_t start, Period by) {
  if (by == Period::Day) return start + 1;
  if (by == Period::Week) return start + 7;
  Date d = Date::from_days(start);
  return (d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1}).days();
}

std::string period_name(int32_t start, Period by) {
  std::string iso = Date::from_days(start).iso();
  return by == Period::Month ? iso.substr(0, 7) : iso;
}

// Can an event dated at `precision` be placed in a period of `by`?
bool placeable(const std::string& precision, Period by) {
  if (precision == "day") return true;
  if (precision == "week") return by != Period::Day;
  if (precision == "month") return by == Period::Month;
  return false;
}

bool in_series(const SeriesRow& r, Period by, int32_t from, int32_t to) {
  return placeable(r.precision, by) && r.day >= from && r.day <= to;
}

// The starts of the first and last period of a series (lo > hi: none).
std::pair<int32_t, int32_t> series_span(const std::vector<SeriesRow>& rows, Period by, int32_t from, int32_t to) {
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (const SeriesRow& r : rows) {
    if (!in_series(r, by, from, to)) continue;
    int32_t start = period_start(r.day, by);
    lo = std::min(lo, start);
    hi = std::max(hi, start);
  }
  if (from != INT32_MIN) lo = period_start(from, by);
  if (to != INT32_MAX) hi = period_start(to, by);
  return {lo, hi};
}

}  // namespace

size_t series_length(const std::vector<SeriesRow>& rows, Period by, int32_t from, int32_t to) {
  auto [lo, hi] = series_span(rows, by, from, to);
  if (lo > hi) return 0;
  if (by == Period::Day) return size_t(int64_t(hi) - lo) + 1;
  if (by == Period::Week) return size_t((int64_t(hi) - lo) / 7) + 1;
  Date a = Date::from_days(lo), b = Date::from_days(hi);
  return size_t((int64_t(b.year) - a.year) * 12 + (b.month - a.month)) + 1;
}

std::vector<SeriesPoint> build_series(const std::vector<SeriesRow>& rows, Period by, int32_t from, int32_t to) {
  std::map<int32_t, SeriesPoint> points;
  for (const SeriesRow& r : rows) {
    if (!in_series(r, by, from, to)) continue;
    SeriesPoint& p = points[period_start(r.day, by)];
    ++p.events;
    if (r.quad_class >= 1 && r.quad_class <= 4) {
      ++p.quad[r.quad_class];
      p.mentions[r.quad_class] += r.mentions;
    }
    p.goldstein_sum += r.goldstein;
  }
  auto [lo, hi] = series_span(rows, by, from, to);
  std::vector<SeriesPoint> out;
  if (lo > hi) return out;
  for (int32_t s = lo; s <= hi; s = next_period(s, by)) {
    auto it = points.find(s);
    SeriesPoint p = it == points.end() ? SeriesPoint() : it->second;
    p.start = s;
    p.period = period_name(s, by);
    out.push_back(p);
  }
  return out;
}

std::vector<Alert> find_alerts(const std::string& dyad, const std::vector<SeriesPoint>& series,
                               const AlertOptions& o) {
  std::vector<Alert> out;
  for (size_t t = 0; t < series.size(); ++t) {
    size_t history = std::min<size_t>(t, size_t(o.window));
    if (history < size_t(o.min_history)) continue;
    double sum = 0, sq = 0;
    auto intensity = [&](size_t k) { return double(series[k].mentions[4]); };
    for (size_t k = t - history; k < t; ++k) sum += intensity(k);
    double mean = sum / double(history);
    for (size_t k = t - history; k < t; ++k) sq += (intensity(k) - mean) * (intensity(k) - mean);
    double sd = std::sqrt(sq / double(history));
    double x = intensity(t);
    double z = (x - mean) / std::max(sd, o.sd_floor);
    if (series[t].mentions[4] < o.min_events || z < o.threshold) continue;
    Alert a;
    a.dyad = dyad;
    a.period = series[t].period;
    a.value = x;
    a.mean = mean;
    a.sd = sd;
    a.z = z;
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "%zu mentions of material conflict (%zu events; %zu events in all) against a mean of %.2f "
                  "(sd %.2f) over the previous %zu periods: z = %.1f >= %.1f; Goldstein sum %.1f",
                  series[t].mentions[4], series[t].quad[4], series[t].events, mean, sd, history, z, o.threshold,
                  series[t].goldstein_sum);
    a.why = buf;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<SeriesRow> fetch_rows(Database& db, const std::string& a, const std::string& b, int32_t from, int32_t to) {
  std::string sql =
      "SELECT day, date_precision, quad_class, goldstein, num_mentions FROM events WHERE day BETWEEN ? AND ? AND ";
  if (b.empty()) sql += "(source_country = ?3 OR target_country = ?3)";
  else sql += "((source_country = ?3 AND target_country = ?4) OR (source_country = ?4 AND target_country = ?3))";
  Statement s(db, sql.c_str());
  s.bind(1, int64_t(from)).bind(2, int64_t(to)).bind(3, a);
  if (!b.empty()) s.bind(4, b);
  std::vector<SeriesRow> rows;
  while (s.step()) {
    SeriesRow r;
    r.day = int32_t(s.int64(0));
    r.precision = s.text(1);
    r.quad_class = int(s.int64(2));
    r.goldstein = s.real(3);
    r.mentions = size_t(s.int64(4));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<std::pair<std::string, std::string>> conflict_dyads(Database& db, size_t min_events) {
  Statement s(db,
              "SELECT min(source_country, target_country), max(source_country, target_country), sum(num_mentions) "
              "FROM events WHERE quad_class = 4 AND source_country IS NOT NULL AND target_country IS NOT NULL "
              "AND source_country != target_country GROUP BY 1, 2 HAVING sum(num_mentions) >= ? ORDER BY 3 DESC");
  s.bind(1, int64_t(min_events));
  std::vector<std::pair<std::string, std::string>> out;
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  return out;
}

}  // namespace dyad
