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

BatchCoder::~BatchCoder() { join(); }

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
  if (threads_ == 1) flush();
  else if (batch_.size() >= kBatchReports || batch_bytes_ >= kBatchBytes) dispatch();
}

void BatchCoder::join() {
  for (auto& t : workers_) t.join();
  workers_.clear();
}

void BatchCoder::dispatch() {
  join();  // the batch in the background is coded: it becomes the one to deliver
  std::swap(coding_batch_, done_batch_);
  std::swap(coding_results_, done_results_);
  coding_batch_ = std::move(batch_);
  batch_.clear();
  batch_bytes_ = 0;
  size_t n = coding_batch_.size();
  coding_results_.resize(n);
  for (auto& r : coding_results_) r.clear();
  int workers = int(std::min<size_t>(size_t(threads_), n));
  for (int id = 0; id < workers; ++id) {
    // Contiguous slices: each thread codes its own range of reports with its own session.
    size_t begin = n * size_t(id) / size_t(workers), end = n * size_t(id + 1) / size_t(workers);
    workers_.emplace_back([this, id, begin, end] {
      for (size_t i = begin; i < end; ++i) sessions_[size_t(id)]->code(coding_batch_[i], coding_results_[i]);
    });
  }
  // Meanwhile: write out the batch before.
  for (size_t i = 0; i < done_batch_.size(); ++i) deliver(done_batch_[i], done_results_[i]);
  reports_ += done_batch_.size();
  done_batch_.clear();
}

void BatchCoder::drain() {
  join();
  for (size_t i = 0; i < coding_batch_.size(); ++i) deliver(coding_batch_[i], coding_results_[i]);
  reports_ += coding_batch_.size();
  coding_batch_.clear();
}

void BatchCoder::flush() {
  if (threads_ == 1) {
    // One thread: code and deliver right here, report by report.
    std::vector<Event> out;
    for (const Report& r : batch_) {
      out.clear();
      sessions_[0]->code(r, out);
      deliver(r, out);
    }
    reports_ += batch_.size();
    batch_.clear();
    batch_bytes_ = 0;
    return;
  }
  if (!batch_.empty()) dispatch();
  drain();
}

}  // namespace dyad
