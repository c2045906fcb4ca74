// BatchCoder: codes reports on N threads while keeping output order
// deterministic: reports are coded in batches and their events written in
// input order, whatever the number of threads.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "dyad/events/event.h"
#include "dyad/pipeline/coder.h"
#include "dyad/reader/report.h"

namespace dyad {

class BatchCoder {
 public:
  using Sink = std::function<void(const Event&)>;
  // Called once per coded report (or part of one), in input order, with its events.
  using ReportSink = std::function<void(const Report&, const std::vector<Event>&)>;
  BatchCoder(const Coder& coder, int threads, Sink sink);
  BatchCoder(const Coder& coder, int threads, ReportSink sink);
  ~BatchCoder();

  // Queues a report; codes the batch when it is full. Reports that continue an
  // earlier one (Report::part > 0) are coded after everything queued before them,
  // by the session that coded the part before.
  void add(Report report);
  // Codes and delivers everything queued.
  void flush();

  size_t reports() const { return reports_; }
  size_t sentences() const;
  size_t events() const { return events_; }

 private:
  // With N threads, N-1 workers and the calling thread share the coding: the caller
  // reads the next batch and writes finished ones, and codes whenever it would
  // otherwise wait. Work is claimed in small chunks, so no thread idles while
  // another still has a long slice left.
  struct Batch {
    std::vector<Report> reports;
    std::vector<std::vector<Event>> results;
    size_t next = 0;                 // first unclaimed report (guarded by mu_)
    size_t done = 0;                 // reports coded (guarded by mu_)
    uint64_t first_seq = 0;          // sequence number of reports[0]
  };
  void start(int threads);
  void deliver(const Report& r, const std::vector<Event>& events);
  void submit();
  // Claims a chunk of the oldest batch with work left and codes it with `session`.
  // Returns false if there was nothing to claim. Called with `lock` held; unlocks while coding.
  bool code_chunk(std::unique_lock<std::mutex>& lock, size_t session);
  // Codes (helping the workers) until the oldest batch is done, then delivers it.
  void finish_front();
  void worker(size_t session);

  const Coder& coder_;
  int threads_;
  Sink sink_;
  ReportSink report_sink_;
  std::vector<std::unique_ptr<CoderSession>> sessions_;  // 0: the calling thread
  std::vector<uint64_t> session_last_;                    // sequence number of each session's last report
  uint64_t seq_ = 0;                                      // reports added so far

  std::unique_ptr<Batch> filling_;
  size_t filling_bytes_ = 0;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::unique_ptr<Batch>> queue_;  // submitted, in input order
  bool stop_ = false;
  std::vector<std::thread> workers_;
  size_t reports_ = 0, events_ = 0;
};

}  // namespace dyad
