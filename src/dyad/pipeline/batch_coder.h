// BatchCoder: codes reports on N threads while keeping output order
// deterministic: reports are coded in batches and their events written in
// input order, whatever the number of threads.
#pragma once

#include <functional>
#include <memory>
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
  // earlier one (Report::part > 0) are coded after everything queued before them.
  void add(Report report);
  void flush();

  size_t reports() const { return reports_; }
  size_t sentences() const;
  size_t events() const { return events_; }

 private:
  const Coder& coder_;
  int threads_;
  Sink sink_;
  ReportSink report_sink_;
  void deliver(const Report& r, const std::vector<Event>& events);
  // With several threads a full batch is coded in the background (dispatch) while
  // this thread reads the next one and delivers the one before: reading, coding and
  // writing overlap, and delivery stays in input order.
  void dispatch();
  void join();   // waits for the batch being coded
  void drain();  // waits for it and delivers it
  std::vector<std::unique_ptr<CoderSession>> sessions_;
  std::vector<Report> batch_;                   // being filled
  std::vector<Report> coding_batch_, done_batch_;
  std::vector<std::vector<Event>> coding_results_, done_results_;
  std::vector<std::thread> workers_;
  size_t batch_bytes_ = 0;
  size_t reports_ = 0, events_ = 0;
};

}  // namespace dyad
