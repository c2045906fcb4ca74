// BatchCoder: the same events in the same order whatever the number of threads,
// including reports that arrive in parts.
#include <string>
#include <vector>

#include "dyad/output/writer.h"
#include "dyad/pipeline/batch_coder.h"
#include "test_support.h"

namespace dyad {
namespace {

std::vector<Report> sample_reports(size_t n) {
  static const char* const kSentences[] = {
      "Russian peacekeepers attacked Armenian soldiers near Shusha on Monday.",
      "Azerbaijan's foreign minister met his Armenian counterpart in Brussels last week.",
      "The Ukrainian army shelled Russian positions in Donetsk.",
      "Protesters in Yerevan demanded the resignation of Nikol Pashinyan.",
      "Turkey called on both sides to respect the ceasefire.",
  };
  std::vector<Report> reports;
  for (size_t i = 0; i < n; ++i) {
    Report r;
    r.id = std::string("r").append(std::to_string(i));
    r.date = "2023-02-1" + std::to_string(i % 10);
    for (size_t k = 0; k <= i % 4; ++k) r.text.append(kSentences[(i + k) % 5]).append(" ");
    reports.push_back(std::move(r));
  }
  return reports;
}

// Codes `reports` with `threads` threads; one line per event, in delivery order.
std::vector<std::string> code_all(const std::vector<Report>& reports, int threads, size_t* delivered = nullptr) {
  std::vector<std::string> lines;
  size_t n = 0;
  BatchCoder batch(test::coder(), threads, [&](const Report&, const std::vector<Event>& events) {
    ++n;
    for (const Event& e : events) {
      std::string line;
      append_event_json(e, line);
      lines.push_back(std::move(line));
    }
  });
  for (const Report& r : reports) batch.add(r);
  batch.flush();
  EXPECT_EQ(batch.reports(), reports.size());
  if (delivered) *delivered = n;
  return lines;
}

// Compares event lists, naming the first difference instead of printing both lists.
void expect_same(const std::vector<std::string>& got, const std::vector<std::string>& want, int threads) {
  EXPECT_EQ(got.size(), want.size()) << "with " << threads << " threads";
  for (size_t i = 0; i < std::min(got.size(), want.size()); ++i)
    if (got[i] != want[i]) {
      ADD_FAILURE() << "with " << threads << " threads, event " << i << " differs:\n  " << got[i] << "\nwanted\n  " << want[i];
      return;
    }
}

TEST(BatchCoder, SameEventsInSameOrderWhateverTheThreads) {
  // More than one batch (512 reports), so batches overlap.
  auto reports = sample_reports(1500);
  auto one = code_all(reports, 1);
  ASSERT_GT(one.size(), 1500u);
  expect_same(code_all(reports, 2), one, 2);
  expect_same(code_all(reports, 3), one, 3);
}

TEST(BatchCoder, ReportPartsContinueInTheSessionThatCodedTheFirstPart) {
  // A long report arrives in parts (as the text reader hands them on) after many
  // others, so that its first part is coded by whichever thread claims it.
  auto reports = sample_reports(700);
  const char* parts[] = {"Armenian troops fired on Azerbaijani positions near Lachin.",
                         "They also shelled the village on Tuesday.",
                         "Baku condemned the attack."};
  for (int p = 0; p < 3; ++p) {
    Report r;
    r.id = "long";
    r.date = "2023-03-01";
    r.part = p;
    r.text = parts[p];
    reports.push_back(r);
  }
  auto more = sample_reports(20);
  reports.insert(reports.end(), more.begin(), more.end());
  size_t delivered = 0;
  auto one = code_all(reports, 1, &delivered);
  EXPECT_EQ(delivered, reports.size());
  // Sentence numbering goes on across the parts.
  bool third_part = false;
  for (const auto& line : one)
    if (line.find("\"doc_id\":\"long\"") != std::string::npos && line.find("\"sentence_index\":2") != std::string::npos)
      third_part = true;
  EXPECT_TRUE(third_part) << "no event from the third part carries sentence index 2";
  expect_same(code_all(reports, 2), one, 2);
  expect_same(code_all(reports, 4), one, 4);
}

}  // namespace
}  // namespace dyad
