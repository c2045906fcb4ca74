#include "dyad/pipeline/batch_coder.h"

#include <algorithm>

namespace dyad {

namespace {
constexpr size_t kBatchReports = 512;
constexpr size_t kBatchBytes = 4u << 20;
// Batches submitted but not yet delivered: the caller fills the next one meanwhile.
constexpr size_t kInFlight = 2;
}  // namespace

BatchCoder::BatchCoder(const Coder& coder, int threads, Sink sink) : coder_(coder), sink_(std::move(sink)) {
  start(threads);
}

BatchCoder::BatchCoder(const Coder& coder, int threads, ReportSink sink)
    : coder_(coder), report_sink_(std::move(sink)) {
  start(threads);
}

void BatchCoder::start(int threads) {
  threads_ = threads < 1 ? 1 : threads;
  for (int i = 0; i < threads_; ++i) sessions_.push_back(std::make_unique<CoderSession>(coder_));
  session_last_.assign(sessions_.size(), UINT64_MAX);
  filling_ = std::make_unique<Batch>();
  for (int i = 1; i < threads_; ++i) workers_.emplace_back([this, i] { worker(size_t(i)); });
}

BatchCoder::~BatchCoder() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void BatchCoder::deliver(const Report& r, const std::vector<Event>& events) {
  if (report_sink_) report_sink_(r, events);
  else
    for (const Event& e : events) sink_(e);
  events_ += events.size();
  ++reports_;
}

size_t BatchCoder::sentences() const {
  size_t n = 0;
  for (const auto& s : sessions_) n += s->sentences_coded();
  return n;
}

void BatchCoder::add(Report report) {
  uint64_t seq = seq_++;
  if (report.part > 0) {
    // A continuation goes through the session that coded the part before it (its
    // discourse memory and sentence numbering carry on), after everything before it.
    flush();
    size_t s = 0;
    for (size_t i = 0; i < sessions_.size(); ++i)
      if (session_last_[i] == seq - 1) s = i;
    std::vector<Event> out;
    sessions_[s]->code(report, out);
    session_last_[s] = seq;
    deliver(report, out);
    return;
  }
  if (threads_ == 1) {
    // One thread: code and deliver right here, report by report.
    std::vector<Event> out;
    sessions_[0]->code(report, out);
    session_last_[0] = seq;
    deliver(report, out);
    return;
  }
  if (filling_->reports.empty()) filling_->first_seq = seq;
  filling_bytes_ += report.text.size();
  filling_->reports.push_back(std::move(report));
  if (filling_->reports.size() >= kBatchReports || filling_bytes_ >= kBatchBytes) submit();
}

void BatchCoder::submit() {
  if (filling_->reports.empty()) return;
  filling_->results.resize(filling_->reports.size());
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(filling_));
  }
  work_cv_.notify_all();
  filling_ = std::make_unique<Batch>();
  filling_bytes_ = 0;
  // At most kInFlight batches queued: past that, help code the oldest and write it;
  // finished batches are written at once.
  for (;;) {
    bool front_done;
    size_t queued;
    {
      std::lock_guard<std::mutex> lock(mu_);
      queued = queue_.size();
      front_done = queued && queue_.front()->done == queue_.front()->reports.size();
    }
    if (queued >= kInFlight || front_done) finish_front();
    else break;
  }
}

bool BatchCoder::code_chunk(std::unique_lock<std::mutex>& lock, size_t session) {
  for (auto& bp : queue_) {
    Batch& b = *bp;
    size_t n = b.reports.size();
    if (b.next >= n) continue;
    // Small chunks near the end of a batch so that threads finish it together.
    size_t left = n - b.next;
    size_t chunk = std::clamp<size_t>(left / (size_t(threads_) * 4), 1, 16);
    size_t begin = b.next, end = begin + chunk;
    b.next = end;
    lock.unlock();
    for (size_t i = begin; i < end; ++i) sessions_[session]->code(b.reports[i], b.results[i]);
    lock.lock();
    b.done += end - begin;
    session_last_[session] = b.first_seq + end - 1;
    if (b.done == n) done_cv_.notify_all();
    return true;
  }
  return false;
}

void BatchCoder::finish_front() {
  std::unique_lock<std::mutex> lock(mu_);
  Batch* front = queue_.front().get();
  while (front->done < front->reports.size()) {
    if (!code_chunk(lock, 0)) done_cv_.wait(lock, [&] { return front->done == front->reports.size(); });
  }
  std::unique_ptr<Batch> b = std::move(queue_.front());
  queue_.pop_front();
  lock.unlock();
  for (size_t i = 0; i < b->reports.size(); ++i) deliver(b->reports[i], b->results[i]);
}

void BatchCoder::worker(size_t session) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (code_chunk(lock, session)) continue;
    if (stop_) return;
    work_cv_.wait(lock);
  }
}

void BatchCoder::flush() {
  if (threads_ == 1) return;
  submit();
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (queue_.empty()) return;
    }
    finish_front();
  }
}

}  // namespace dyad
