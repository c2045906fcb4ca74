#include "dyad/when/time_expressions.h"

#include <algorithm>
#include <cstdio>

namespace dyad {

namespace {

struct WordSpec {
  const char* word;
  uint8_t kind;
  int value;
};

int weekday_of(int32_t days) { return int(((days % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday; Monday = 0

bool valid_day(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= len[m - 1] + (m == 2 && leap ? 1 : 0);
}

FuzzyDate day(int32_t days) { return {Date::from_days(days), DatePrecision::Day}; }
FuzzyDate week_of(int32_t days) { return {Date::from_days(days - weekday_of(days)), DatePrecision::Week}; }
FuzzyDate month(int y, int m) {
  while (m < 1) m += 12, --y;
  while (m > 12) m -= 12, ++y;
  return {Date{y, m, 1}, DatePrecision::Month};
}
FuzzyDate year(int y) { return {Date{y, 1, 1}, DatePrecision::Year}; }

}  // namespace

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day: return "day";
    case DatePrecision::Week: return "week";
    case DatePrecision::Month: return "month";
    case DatePrecision::Year: return "year";
  }
  return "day";
}

std::string FuzzyDate::text() const {
  char buf[16];
  if (precision == DatePrecision::Year) std::snprintf(buf, sizeof buf, "%04d", date.year);
  else if (precision == DatePrecision::Month) std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  else return date.iso();
  return buf;
}

// The words, by kind. Values: month 1-12, weekday 0-6 from Monday, unit 0 day .. 3 year.
namespace {
enum WordKind : uint8_t {
  kNone, kMonth, kWeekday, kYesterday, kToday, kTomorrow, kUnit, kLast, kThis, kNext, kAgo, kEarlier, kEarly,
  kMid, kLate, kNumber, kPartOfDay, kNight, kWeekend, kOpenPrep, kBoundPrep, kStartPrep, kEndWord, kOf, kThe,
  kFuture
};
const WordSpec kWords[] = {
    {"january", kMonth, 1}, {"jan", kMonth, 1}, {"february", kMonth, 2}, {"feb", kMonth, 2},
    {"march", kMonth, 3}, {"mar", kMonth, 3}, {"april", kMonth, 4}, {"apr", kMonth, 4},
    {"may", kMonth, 5}, {"june", kMonth, 6}, {"jun", kMonth, 6}, {"july", kMonth, 7},
    {"jul", kMonth, 7}, {"august", kMonth, 8}, {"aug", kMonth, 8}, {"september", kMonth, 9},
    {"sep", kMonth, 9}, {"sept", kMonth, 9}, {"october", kMonth, 10}, {"oct", kMonth, 10},
    {"november", kMonth, 11}, {"nov", kMonth, 11}, {"december", kMonth, 12}, {"dec", kMonth, 12},
    {"monday", kWeekday, 0}, {"tuesday", kWeekday, 1}, {"wednesday", kWeekday, 2},
    {"thursday", kWeekday, 3}, {"friday", kWeekday, 4}, {"saturday", kWeekday, 5},
    {"sunday", kWeekday, 6},
    {"yesterday", kYesterday, 0}, {"today", kToday, 0}, {"tonight", kToday, 0},
    {"tomorrow", kTomorrow, 0},
    {"day", kUnit, 0}, {"days", kUnit, 0}, {"week", kUnit, 1}, {"weeks", kUnit, 1},
    {"month", kUnit, 2}, {"months", kUnit, 2}, {"year", kUnit, 3}, {"years", kUnit, 3},
    {"last", kLast, 0}, {"previous", kLast, 0}, {"this", kThis, 0}, {"current", kThis, 0},
    {"next", kNext, 0}, {"coming", kNext, 0}, {"upcoming", kNext, 0}, {"ago", kAgo, 0},
    {"earlier", kEarlier, 0}, {"early", kEarly, 0}, {"mid", kMid, 0}, {"late", kLate, 0},
    {"a", kNumber, 1}, {"an", kNumber, 1}, {"one", kNumber, 1}, {"two", kNumber, 2},
    {"three", kNumber, 3}, {"four", kNumber, 4}, {"five", kNumber, 5}, {"six", kNumber, 6},
    {"seven", kNumber, 7}, {"eight", kNumber, 8}, {"nine", kNumber, 9}, {"ten", kNumber, 10},
    {"eleven", kNumber, 11}, {"twelve", kNumber, 12},
    {"morning", kPartOfDay, 0}, {"afternoon", kPartOfDay, 0}, {"evening", kPartOfDay, 0},
    {"night", kNight, 0}, {"weekend", kWeekend, 0},
    {"in", kOpenPrep, 0}, {"on", kOpenPrep, 0}, {"during", kOpenPrep, 0}, {"at", kOpenPrep, 0},
    {"since", kStartPrep, 0}, {"from", kStartPrep, 0}, {"between", kStartPrep, 0},
    {"until", kBoundPrep, 0}, {"till", kBoundPrep, 0}, {"by", kBoundPrep, 0},
    {"before", kBoundPrep, 0}, {"after", kBoundPrep, 0}, {"through", kBoundPrep, 0},
    {"end", kEndWord, 0}, {"beginning", kEndWord, 0}, {"start", kEndWord, 0},
    {"middle", kEndWord, 0}, {"of", kOf, 0}, {"the", kThe, 0},
    {"will", kFuture, 0}, {"shall", kFuture, 0}, {"'ll", kFuture, 0}, {"would", kFuture, 0},
    {"scheduled", kFuture, 0}, {"due", kFuture, 0}, {"plans", kFuture, 0}, {"plan", kFuture, 0},
    {"planned", kFuture, 0}, {"intends", kFuture, 0},
};
}  // namespace

void TimeFinder::add_words(Lexicon& lexicon) {
  for (const WordSpec& w : kWords) lexicon.intern(w.word);
}

TimeFinder::TimeFinder(const Lexicon& lexicon) : words_(lexicon.size(), 0) {
  for (const char* w : {"begin", "start", "continue", "try", "attempt", "manage", "fail", "seek", "use", "resume",
                        "appear", "seem", "have", "be"})
    if (uint32_t id = lexicon.find(w)) aspect_.push_back(id);
  for (const WordSpec& w : kWords)
    if (uint32_t id = lexicon.find(w.word)) words_[id] = uint32_t(w.kind) << 8 | uint32_t(w.value);
}

TimeFinder::Word TimeFinder::word(uint32_t k) const {
  if (k >= last_) return {};
  uint32_t v = kinds_[k - first_];
  return {uint8_t(v >> 8), int(v & 0xff)};
}

int TimeFinder::number(uint32_t k) const {
  if (k >= last_) return -1;
  const Token& t = (*tokens_)[k];
  std::string_view s = text_.substr(t.begin, t.end - t.begin);
  if (s.size() > 2 && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th")))
    s.remove_suffix(2);
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool TimeFinder::in_future_clause(uint32_t k) const {
  const std::vector<Token>& tokens = *tokens_;
  int clause = clauses_->clause_of(k, first_);
  for (uint32_t i = k; i-- > first_ && k - i <= 15;) {
    if (clauses_->clause_of(i, first_) != clause) continue;
    if (word(i).kind == kFuture) return true;
    // "agreed to meet again in July", "a truce to begin on Monday": the time of an
    // infinitive is still to come, unless the infinitive is what began or went on
    // ("began to shell the town on Monday").
    if (tokens[i].tag == Tag::TO && i + 1 < k && tokens[i + 1].tag == Tag::VB) {
      uint32_t governor = i > first_ ? tokens[i - 1].lemma : 0;
      if (!governor || std::find(aspect_.begin(), aspect_.end(), governor) == aspect_.end()) return true;
    }
    if (is_finite_verb(tokens[i].tag)) break;  // the expression's own verb is further back than this one
  }
  return false;
}

// Month-name forms at j: "December 12, 2022", "Dec. 12", "December 2022", "in February".
// relation: 0 plain, -1 "last December" (strictly before this month), +1 "this December".
bool TimeFinder::month_form(uint32_t j, bool cued, int relation, TimeMention& m) const {
  Word w = word(j);
  if (w.kind != kMonth) return false;
  int mo = w.value;
  const Token& t = (*tokens_)[j];
  uint32_t e = j + 1;
  int d = number(e);
  if (d >= 1 && d <= 31 && relation == 0) {
    ++e;
    int y = -1;
    uint32_t after = e;
    if (after < last_ && text_.substr((*tokens_)[after].begin, 1) == ",") ++after;
    int yy = number(after);
    if (yy >= 1900 && yy <= 2100) y = yy, e = after + 1;
    bool ahead = false;
    if (y < 0) {
      y = (mo < today_.month || (mo == today_.month && d <= today_.day)) ? today_.year : today_.year - 1;
      ahead = y < today_.year && valid_day(today_.year, mo, d) && Date{today_.year, mo, d}.days() - today_.days() <= 60;
    }
    if (!valid_day(y, mo, d)) return false;
    if (ahead) {  // "a ceasefire starting on May 22" in a report of May 21: days ahead, not last year
      m.when = {Date{today_.year, mo, d}, DatePrecision::Day};
      m.end = e;
      m.future = true;
      return true;
    }
    m.when = {Date{y, mo, d}, DatePrecision::Day};
    m.end = e;
    return true;
  }
  int yy = number(e);
  if (yy >= 1900 && yy <= 2100 && relation == 0) {
    m.when = month(yy, mo);
    m.end = e + 1;
    return true;
  }
  // A month alone needs a cue ("in May", "last March") unless its name is no other word.
  std::string_view name = text_.substr(t.begin, t.end - t.begin);
  bool ambiguous = name == "May" || name == "March" || t.has(kAbbrev) || name.size() <= 3;
  if (ambiguous && !cued && relation == 0) return false;
  int y = today_.year;
  if (relation < 0) y = mo < today_.month ? today_.year : today_.year - 1;
  else if (relation == 0) y = mo <= today_.month ? today_.year : today_.year - 1;
  m.when = month(y, mo);
  m.end = e;
  if (relation > 0 && mo > today_.month) m.future = true;
  return true;
}

bool TimeFinder::core(uint32_t j, bool cued, TimeMention& m) const {
  if (j >= last_) return false;
  int32_t today = today_.days();
  const Token& t = (*tokens_)[j];
  std::string_view s = text_.substr(t.begin, t.end - t.begin);
  // ISO dates: one token "2022-12-12", or "2022", "-", "12", "-", "12".
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    if (auto d = parse_iso_date(s); d && valid_day(d->year, d->month, d->day)) {
      m.when = {*d, DatePrecision::Day};
      m.end = j + 1;
      return true;
    }
  }
  int n = number(j);
  if (n >= 1900 && n <= 2100 && j + 4 < last_ && text_.substr((*tokens_)[j + 1].begin, 1) == "-" &&
      text_.substr((*tokens_)[j + 3].begin, 1) == "-") {
    int mo = number(j + 2), d = number(j + 4);
    if ((*tokens_)[j + 2].end - (*tokens_)[j + 2].begin == 2 && valid_day(n, mo, d)) {
      m.when = {Date{n, mo, d}, DatePrecision::Day};
      m.end = j + 5;
      return true;
    }
  }
  // "12 December 2022", "12 Dec".
  if (n >= 1 && n <= 31 && word(j + 1).kind == kMonth) {
    int mo = word(j + 1).value;
    int y = number(j + 2);
    uint32_t e = j + 2;
    if (y >= 1900 && y <= 2100) ++e;
    else y = (mo < today_.month || (mo == today_.month && n <= today_.day)) ? today_.year : today_.year - 1;
    if (!valid_day(y, mo, n)) return false;
    m.when = {Date{y, mo, n}, DatePrecision::Day};
    m.end = e;
    return true;
  }
  // "in 2020": a year needs a cue.
  if (n >= 1900 && n <= 2100 && cued && (*tokens_)[j].end - (*tokens_)[j].begin == 4) {
    m.when = year(n);
    m.end = j + 1;
    return true;
  }
  // "N days ago", "a week ago".
  Word w = word(j);
  if ((w.kind == kNumber || (n >= 1 && n <= 99)) && word(j + 1).kind == kUnit && word(j + 2).kind == kAgo) {
    int count = w.kind == kNumber ? w.value : n;
    int unit = word(j + 1).value;
    if (unit == 0) m.when = day(today - count);
    else if (unit == 1) m.when = week_of(today - 7 * count);
    else if (unit == 2) m.when = month(today_.year, today_.month - count);
    else m.when = year(today_.year - count);
    m.end = j + 3;
    return true;
  }
  if (month_form(j, cued, 0, m)) return true;
  switch (w.kind) {
    case kWeekday: {
      // "Monday, March 4" names its date; otherwise the latest such day up to the report.
      uint32_t e = j + 1;
      if (e < last_ && text_.substr((*tokens_)[e].begin, 1) == "," && month_form(e + 1, true, 0, m) &&
          m.when.precision == DatePrecision::Day)
        return true;
      if (word(e).kind == kPartOfDay || word(e).kind == kNight) ++e;
      m.when = day(today - (weekday_of(today) - w.value + 7) % 7);
      m.end = e;
      return true;
    }
    case kYesterday:
    case kToday: {
      uint32_t e = j + 1;
      if (word(e).kind == kPartOfDay || word(e).kind == kNight) ++e;
      m.when = day(w.kind == kYesterday ? today - 1 : today);
      m.end = e;
      return true;
    }
    case kTomorrow:
    case kNext: {
      m.end = j + (w.kind == kNext && j + 1 < last_ ? 2 : 1);
      m.when = day(today);
      m.future = true;
      return true;
    }
    case kLast:
    case kThis: {
      Word u = word(j + 1);
      bool last = w.kind == kLast;
      m.end = j + 2;
      if (u.kind == kUnit && u.value == 1) m.when = week_of(last ? today - 7 : today);
      else if (u.kind == kUnit && u.value == 2) m.when = month(today_.year, today_.month - (last ? 1 : 0));
      else if (u.kind == kUnit && u.value == 3) m.when = year(today_.year - (last ? 1 : 0));
      else if (u.kind == kNight) m.when = day(last ? today - 1 : today);
      else if (u.kind == kPartOfDay && !last) m.when = day(today);
      else if (u.kind == kWeekend) m.when = week_of(today - (weekday_of(today) + 1) - (last && weekday_of(today) >= 5 ? 7 : 0));
      else if (u.kind == kWeekday) {
        int back = (weekday_of(today) - u.value + 7) % 7;
        if (last && back == 0) back = 7;
        if (!last && u.value > weekday_of(today)) m.future = true;
        m.when = day(today - back);
      } else if (u.kind == kMonth) {
        return month_form(j + 1, true, last ? -1 : 1, m);
      } else {
        return false;
      }
      return true;
    }
    case kEarlier: {
      // "earlier this month", "earlier today".
      if (word(j + 1).kind == kThis || word(j + 1).kind == kToday) return core(j + 1, true, m);
      return false;
    }
    case kEarly:
    case kMid:
    case kLate: {
      // "early March", "mid-2021", "late last year": the month or year itself.
      uint32_t e = j + 1;
      if (e < last_ && text_.substr((*tokens_)[e].begin, 1) == "-") ++e;
      if (!core(e, true, m)) return false;
      if (m.when.precision == DatePrecision::Day) return false;
      return true;
    }
    case kThe: {
      // "the end of 2022", "the beginning of March".
      if (word(j + 1).kind == kEndWord && word(j + 2).kind == kOf) return core(j + 3, true, m);
      return false;
    }
    default:
      return false;
  }
}

bool TimeFinder::match(uint32_t k, TimeMention& m) const {
  m = TimeMention();
  m.begin = k;
  Word w = word(k);
  uint32_t j = k;
  bool cued = false;
  if (w.kind == kOpenPrep || w.kind == kStartPrep || w.kind == kBoundPrep) {
    m.bound = w.kind == kBoundPrep;
    cued = true;
    ++j;
  }
  if (!core(j, cued, m)) return false;
  if (m.when.date.days() > today_.days()) m.future = true;
  if (!m.future && in_future_clause(k)) m.future = true;
  return true;
}

void TimeFinder::find(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                      const ClauseMap& clauses, int32_t report_day, std::vector<TimeMention>& out) {
  out.clear();
  if (report_day == INT32_MIN) return;  // no report date, nothing to resolve against
  text_ = text;
  tokens_ = &tokens;
  clauses_ = &clauses;
  first_ = first;
  last_ = last;
  today_ = Date::from_days(report_day);
  // One vocabulary probe per token; the matchers look words up many times.
  kinds_.assign(last - first, 0);
  bool any = false;
  for (uint32_t k = first; k < last; ++k) {
    const Token& t = tokens[k];
    uint32_t v = t.word < words_.size() ? words_[t.word] : 0;
    uint8_t kind = uint8_t(v >> 8);
    // Month and weekday names are names: "may" and "march" in lower case are verbs.
    if ((kind == kMonth || kind == kWeekday) && !t.has(kCapitalized)) v = 0;
    kinds_[k - first] = v;
    any = any || (kind != 0 && kind < kOpenPrep) || (t.tag == Tag::CD);
  }
  if (!any) return;  // no month, day, year, number or relative word: nothing to find
  TimeMention m;
  // Only a time word or a number can start an expression, or a preposition right before one.
  auto can_start = [&](uint32_t k) {
    return k < last && (kinds_[k - first] != 0 || tokens[k].tag == Tag::CD ||
                        (text[tokens[k].begin] >= '0' && text[tokens[k].begin] <= '9'));
  };
  for (uint32_t k = first; k < last;) {
    uint8_t kind = uint8_t(kinds_[k - first] >> 8);
    bool prep = kind == kOpenPrep || kind == kStartPrep || kind == kBoundPrep;
    if (!can_start(k) || (prep && !can_start(k + 1))) {
      ++k;
      continue;
    }
    if (match(k, m)) {
      // The second half of a range ("from March 3 to March 5", "between 2014 and 2016") is its end.
      if (!out.empty() && out.back().end + 1 == m.begin) {
        std::string_view link = text.substr(tokens[out.back().end].begin, tokens[out.back().end].end - tokens[out.back().end].begin);
        if (link == "to" || link == "and" || link == "-" || link == "through") m.bound = true;
      }
      out.push_back(m);
      k = m.end;
    } else {
      ++k;
    }
  }
}

}  // namespace dyad
