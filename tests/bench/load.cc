// A small HTTP load generator for tests/bench/serve_bench.sh (not a test).
//   lantern_load static PORTS PATH CLIENTS SECONDS
//   lantern_load submit PORTS RECORD CLIENTS SECONDS
//   lantern_load notify PORTS RECORD CLIENTS COUNT RATE LOG
// PORTS is one port or a comma-separated list; client c uses port c mod n.
// "static" repeats GET PATH; "submit" fetches the form (for a token), then
// POSTs it at once and times the POST (a durable, committed submission; sent
// that fast, it is stored as suspected spam, "too_fast"). Both print requests
// per second and p50/p99 latency of the timed requests; "requests" counts the
// answers as expected (for a submission, the 303s: acknowledged as stored).
// "notify" fetches COUNT tokens, waits until they are older than the form's
// minimum fill time (so none is held as spam), then sends COUNT submissions
// with distinct messages at RATE per second in all, and writes to LOG one line
// per 303: the reference (the Location's last 8 characters) and the
// CLOCK_REALTIME second at which the answer came back.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/form_token.h"
#include "server/raw_http.h"
#include "server/server_fixture.h"

using lantern::testing::HttpExchange;
using Clock = std::chrono::steady_clock;

namespace {

std::string FormRequest(const std::string& record) {
  return "GET /feedback/" + record + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// A POST as the proxy would pass it on, from a client address of its own
// (the per-client rate limit would otherwise answer 429).
std::string SubmitRequest(const std::string& token, const std::string& record, const std::string& message,
                          long client, long i) {
  const std::string body = "token=" + lantern::testing::FormEncode(token) + "&tool=" + record +
                           "&request_type=question&confirm=yes&message=" + lantern::testing::FormEncode(message);
  return "POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "X-Real-IP: 10." + std::to_string(client % 250) + "." + std::to_string(i / 250 % 250) + "." +
         std::to_string(i % 250) + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

double RealtimeSeconds() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (!((mode == "static" || mode == "submit") && argc == 6) && !(mode == "notify" && argc == 8)) {
    std::fprintf(stderr,
                 "usage: lantern_load static|submit PORTS PATH|RECORD CLIENTS SECONDS\n"
                 "       lantern_load notify PORTS RECORD CLIENTS COUNT RATE LOG\n");
    return 2;
  }
  std::vector<int> ports;
  std::stringstream port_list(argv[2]);
  for (std::string port; std::getline(port_list, port, ',');) ports.push_back(std::atoi(port.c_str()));
  const std::string target = argv[3];
  const int clients = std::atoi(argv[4]);
  if (ports.empty() || clients < 1) return 2;
  const bool notify = mode == "notify";
  const double seconds = notify ? 0 : std::atof(argv[5]);
  const long count = notify ? std::atol(argv[5]) : 0;
  const double rate = notify ? std::atof(argv[6]) : 0;
  std::mutex mutex;
  std::vector<double> latencies;
  std::vector<std::string> log_lines;
  std::atomic<long> failures{0};

  // notify: every token first, each with the port it came from.
  std::vector<std::string> tokens(static_cast<size_t>(count));
  for (long i = 0; i < count; ++i) {
    tokens[i] = lantern::testing::TokenIn(HttpExchange(ports[i % clients % ports.size()], FormRequest(target), 10).body);
  }
  if (notify) {
    std::this_thread::sleep_for(std::chrono::seconds(lantern::kTokenMinFillSeconds) + std::chrono::milliseconds(500));
  }

  const auto start = Clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      const int port = ports[c % ports.size()];
      std::vector<double> mine;
      std::vector<std::string> my_log;
      for (long i = 0;; ++i) {
        std::string request;
        int expected = 200;
        long n = 0;
        if (mode == "static") {
          if (Clock::now() >= end) break;
          request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        } else if (mode == "submit") {
          if (Clock::now() >= end) break;
          const std::string token = lantern::testing::TokenIn(HttpExchange(port, FormRequest(target), 10).body);
          if (token.empty()) {
            ++failures;
            continue;
          }
          request = SubmitRequest(token, target, "Benchmark question " + std::to_string(c) + " " + std::to_string(i),
                                  c, i);
          expected = 303;
        } else {
          // Client c sends submissions c, c + CLIENTS, …, each at start + n / RATE,
          // with a token from its own port.
          n = c + i * clients;
          if (n >= count) break;
          std::this_thread::sleep_until(start + std::chrono::duration<double>(n / rate));
          if (tokens[n].empty()) {
            ++failures;
            continue;
          }
          request = SubmitRequest(tokens[n], target, "Notification latency question number " + std::to_string(n) +
                                                         " sent at " + std::to_string(RealtimeSeconds()), c, n);
          expected = 303;
        }
        const auto before = Clock::now();
        auto response = HttpExchange(port, request, 10);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - before).count();
        const double acknowledged_at = RealtimeSeconds();
        if (response.status != expected) {
          if (failures++ < 3) std::fprintf(stderr, "lantern_load: got %d, expected %d\n", response.status, expected);
          continue;
        }
        mine.push_back(ms);
        if (notify) {
          const std::string location = response.Header("Location");
          char line[64];
          std::snprintf(line, sizeof line, "%s %.6f\n", location.substr(location.size() - std::min<size_t>(8, location.size())).c_str(),
                        acknowledged_at);
          my_log.push_back(line);
        }
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      log_lines.insert(log_lines.end(), my_log.begin(), my_log.end());
    });
  }
  for (auto& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  if (notify) {
    FILE* log = std::fopen(argv[7], "w");
    if (!log) return 1;
    for (const std::string& line : log_lines) std::fputs(line.c_str(), log);
    std::fclose(log);
  }
  std::sort(latencies.begin(), latencies.end());
  auto percentile = [&](double p) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * latencies.size()))];
  };
  std::printf("%-7s clients=%-3d ports=%zu requests=%-7zu per_second=%-8.0f p50_ms=%-7.2f p99_ms=%-7.2f failures=%ld\n",
              mode.c_str(), clients, ports.size(), latencies.size(), latencies.size() / elapsed, percentile(0.50),
              percentile(0.99), failures.load());
  return 0;
}
