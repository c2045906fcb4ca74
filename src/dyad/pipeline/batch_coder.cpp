#include "dyad/pipeline/batch_coder.h"

#include <thread>

namespace dyad {

namespace {
constexpr size_t kBatchReports = 512;
constexpr size_t kBatchBytes = 8u << 20;
}  // namespace

BatchCoder::BatchCoder(const Coder& coder, int threads, Sink sink)
    : coder_(coder), threads_(threads < 1 ? 1 : threads), sink_(std::move(sink)) {
  for (int i = 0; i < threads_; ++i) sessions_.push_back(std::make_unique<CoderSession>(coder_));
}

BatchCoder::BatchCoder(const Coder& coder, int threads, ReportSink sink)
    : coder_(coder), threads_(threads < 1 ? 1 : threads), report_sink_(std::move(sink)) {
  for (int i = 0; i < threads_; ++i) sessions_.push_back(std::make_unique<CoderSession>(coder_));
}

BatchCoder::~BatchCoder() = default;

void BatchCoder::deliver(const Report& r, const std::vector<Event>& events) {
  if (report_sink_) report_sink_(r, events);
  else
    for (const Event& e : events) sink_(e);
  events_ += events.size();
}

size_t BatchCoder::sentences() const {
  size_t n = 0;
  for (const auto& s : sessions_) n += s->sentences_coded();
  return n;
}

void BatchCoder::add(Report report) {
  if (report.part > 0) {
    // A continuation must go through the session that coded its first part: session 0,
    // because single-threaded batches of one report always use it.
    flush();
    std::vector<Event> out;
    sessions_[0]->code(report, out);
    ++reports_;
    deliver(report, out);
    return;
  }
  batch_bytes_ += report.text.size();
  batch_.push_back(std::move(report));
  if (batch_.size() >= kBatchReports || batch_bytes_ >= kBatchBytes || threads_ == 1) flush();
}

void BatchCoder::flush() {
  if (batch_.empty()) return;
  results_.resize(batch_.size());
  for (auto& r : results_) r.clear();
  size_t n = batch_.size();
  int workers = int(std::min<size_t>(size_t(threads_), n));
  auto work = [&](int id) {
    // Contiguous slices: each thread codes its own range of reports.
    size_t begin = n * size_t(id) / size_t(workers), end = n * size_t(id + 1) / size_t(workers);
    for (size_t i = begin; i < end; ++i) sessions_[size_t(id)]->code(batch_[i], results_[i]);
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int id = 1; id < workers; ++id) pool.emplace_back(work, id);
    work(0);
    for (auto& t : pool) t.join();
  }
  for (size_t i = 0; i < n; ++i) deliver(batch_[i], results_[i]);
  reports_ += n;
  batch_.clear();
  batch_bytes_ = 0;
}

}  // namespace dyad
