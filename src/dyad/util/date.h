// Civil dates as days since 1970-01-01, for date-ranged dictionary entries
// and report dates. Only the proleptic Gregorian calendar is needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct Date {
  int year = 0, month = 0, day = 0;
  int32_t days() const;  // days since 1970-01-01
  static Date from_days(int32_t days);
  std::string iso() const;  // YYYY-MM-DD
  bool valid() const { return year > 0; }
  friend bool operator==(const Date&, const Date&) = default;
};

// Parses "YYYY-MM-DD" (also a longer ISO timestamp, whose time part is ignored).
std::optional<Date> parse_iso_date(std::string_view s);

}  // namespace dyad
