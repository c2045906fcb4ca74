// Dyad time series and escalation alerts over the event database.
// build_series() and find_alerts() are plain arithmetic over rows, so that
// tests can check them exactly; the fetch functions read the rows from the
// store. The method is documented in docs/store.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/store/sqlite.h"

namespace dyad {

enum class Period { Day, Week, Month };
bool parse_period(const std::string& s, Period& out);

// One stored event as the series see it.
struct SeriesRow {
  int32_t day = 0;        // first day of its date
  std::string precision;  // day, week, month, year
  int quad_class = 0;     // 1 verbal cooperation ... 4 material conflict
  double goldstein = 0;
  size_t mentions = 1;    // how often the reports mention it
};

struct SeriesPoint {
  std::string period;  // "2022-09-13" (day), "2022-09-12" (week: its Monday), "2022-09" (month)
  int32_t start = 0;   // first day of the period
  size_t events = 0;
  size_t quad[5] = {0, 0, 0, 0, 0};      // events by QuadClass 1-4
  size_t mentions[5] = {0, 0, 0, 0, 0};  // their mentions, by QuadClass
  double goldstein_sum = 0;
  double goldstein_mean() const { return events ? goldstein_sum / double(events) : 0; }
  double conflict_share() const { return events ? double(quad[3] + quad[4]) / double(events) : 0; }
};

// Buckets rows by period, with empty periods between the first and last (or
// [from, to] when given, as days; INT32_MIN/INT32_MAX for open ends). An event
// dated less precisely than the period (a month-dated event in a weekly series)
// is left out: it cannot be placed.
std::vector<SeriesPoint> build_series(const std::vector<SeriesRow>& rows, Period by, int32_t from = INT32_MIN,
                                      int32_t to = INT32_MAX);

// How many periods build_series returns for the same arguments, counted
// without building them, so that a caller can refuse a series too long to
// answer (a daily series since 1011 has 370,000 periods).
size_t series_length(const std::vector<SeriesRow>& rows, Period by, int32_t from = INT32_MIN,
                     int32_t to = INT32_MAX);

struct AlertOptions {
  int window = 8;           // periods of trailing baseline
  int min_history = 4;      // periods of history before anything can fire
  double threshold = 3.0;   // z-score that fires
  size_t min_events = 3;    // material-conflict mentions needed in the period
  double sd_floor = 1.0;    // so that a quiet baseline does not turn one event into an alarm
};

struct Alert {
  std::string dyad, period;
  double value = 0, mean = 0, sd = 0, z = 0;
  std::string why;
};

// Escalation: a period whose material-conflict intensity -- the mentions of
// QuadClass 4 events, so that an attack reported by ten outlets weighs more
// than one reported once, however the reports were merged -- stands
// `threshold` standard deviations above the mean of the previous `window`
// periods of the same series.
std::vector<Alert> find_alerts(const std::string& dyad, const std::vector<SeriesPoint>& series,
                               const AlertOptions& options);

// Rows of the events between countries a and b (either direction; b empty: every
// event with a as source or target), days in [from, to].
std::vector<SeriesRow> fetch_rows(Database& db, const std::string& a, const std::string& b, int32_t from, int32_t to);
// Unordered country pairs with at least `min_events` material-conflict events.
std::vector<std::pair<std::string, std::string>> conflict_dyads(Database& db, size_t min_events);

}  // namespace dyad
