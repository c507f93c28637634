#include <solver/progress.h>
#include <solver/sweep_monitor.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <unistd.h>

namespace FasciaFE
{



  SweepMonitor::SweepMonitor(const std::string     &dir,
                             const SweepDefinition &definition,
                             const SweepPlan       &plan,
                             const std::vector<int> selected,
                             const bool             write_manifest,
                             const bool             print)
    : dir(dir)
    , definition(definition)
    , plan(plan)
    , selected(selected)
    , keep_manifest(write_manifest)
    , print(print)
    , tty(isatty(fileno(stdout)))
    , records(plan.cases.size())
    , settled(plan.cases.size(), false)
  {
    for (unsigned int c = 0; c < plan.cases.size(); ++c)
      {
        records[c] = read_case_record(dir, plan.id(c));
        // Done before this session: never rerun, never reread.
        settled[c] = records[c].status == "done";
      }
    timer.start();
    // The manifest lists every case before anything runs.
    if (keep_manifest)
      FasciaFE::write_manifest(dir, definition, plan, records);
    update(false);
    thread = std::thread([this]() {
      while (!stop)
        {
          std::this_thread::sleep_for(std::chrono::milliseconds(500));
          update(false);
        }
    });
  }



  SweepMonitor::~SweepMonitor()
  {
    stop = true;
    if (thread.joinable())
      thread.join();
  }



  std::vector<CaseRecord>
  SweepMonitor::finish()
  {
    stop = true;
    if (thread.joinable())
      thread.join();
    update(true);
    return records;
  }



  void
  SweepMonitor::update(const bool final)
  {
    std::lock_guard<std::mutex> lock(mutex);
    bool                        changed = false;
    for (unsigned int c = 0; c < records.size(); ++c)
      if (!settled[c])
        {
          const CaseRecord r = read_case_record(dir, plan.id(c));
          if (r.status != records[c].status ||
              r.start_time != records[c].start_time)
            {
              changed = true;
              if (print && r.status == "failed")
                std::cout << (tty ? "\r\033[K" : "") << "[sweep] case "
                          << plan.id(c) << " failed: " << r.message
                          << std::endl;
            }
          records[c] = r;
        }
    if (keep_manifest && (changed || final))
      write_manifest(dir, definition, plan, records);

    unsigned int done = 0, failed = 0, running = 0, now = 0;
    for (const int c : selected)
      {
        const auto &s = records[c].status;
        done += s == "done";
        failed += s == "failed";
        running += s == "running";
        if ((s == "done" || s == "failed") && !settled[c])
          ++now;
      }
    if (!print)
      return;
    const unsigned int total   = selected.size();
    const unsigned int left    = total - done - failed;
    const double       elapsed = timer.wall_time();
    std::string        eta     = "--:--:--";
    if (left == 0)
      eta = clock(0.);
    else if (now > 0)
      // Cases finish at the rate seen so far in this session.
      eta = clock(elapsed / now * left);
    char line[256];
    std::snprintf(line,
                  sizeof(line),
                  "[sweep] %u / %u done, %u failed, %u running | elapsed %s "
                  "| ETA %s",
                  done,
                  total,
                  failed,
                  running,
                  clock(elapsed).c_str(),
                  eta.c_str());
    const std::string text(line);
    if (!final &&
        text.substr(0, text.find('|')) ==
          last_line.substr(0, last_line.find('|')) &&
        elapsed - last_print < (tty ? 1. : 30.))
      return;
    last_line  = text;
    last_print = elapsed;
    std::cout << (tty ? "\r\033[K" : "") << text << (tty && !final ? "" : "\n")
              << std::flush;
  }
} // namespace FasciaFE
