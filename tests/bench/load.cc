// A small HTTP load generator for tests/bench/serve_bench.sh (not a test).
//   lantern_load static PORT PATH CLIENTS SECONDS
//   lantern_load submit PORT RECORD CLIENTS SECONDS
// "static" repeats GET PATH; "submit" fetches the form (for a token), then
// POSTs it and times the POST (a durable, committed submission). Prints
// requests per second and p50/p99 latency of the timed requests.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/raw_http.h"
#include "server/server_fixture.h"

using lantern::testing::HttpExchange;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: lantern_load static|submit PORT PATH|RECORD CLIENTS SECONDS\n");
    return 2;
  }
  const std::string mode = argv[1];
  const int port = std::atoi(argv[2]);
  const std::string target = argv[3];
  const int clients = std::atoi(argv[4]);
  const double seconds = std::atof(argv[5]);
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<long> failures{0};
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      std::vector<double> mine;
      for (long i = 0; Clock::now() < end; ++i) {
        std::string request;
        int expected = 200;
        if (mode == "static") {
          request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        } else {
          auto form = HttpExchange(port, "GET /feedback/" + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 10);
          const std::string token = lantern::testing::TokenIn(form.body);
          if (token.empty()) {
            ++failures;
            continue;
          }
          const std::string body = "token=" + lantern::testing::FormEncode(token) + "&tool=" + target +
                                   "&request_type=question&confirm=yes&message=Benchmark+question+" + std::to_string(c) + "+" +
                                   std::to_string(i);
          request = "POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    "X-Real-IP: 10.1." + std::to_string(c % 250) + "." + std::to_string(i % 250) +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
          expected = 303;
        }
        const auto before = Clock::now();
        auto response = HttpExchange(port, request, 10);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - before).count();
        if (response.status != expected) {
          ++failures;
          continue;
        }
        mine.push_back(ms);
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto percentile = [&](double p) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * latencies.size()))];
  };
  std::printf("%-7s clients=%-3d requests=%-7zu per_second=%-8.0f p50_ms=%-7.2f p99_ms=%-7.2f failures=%ld\n",
              mode.c_str(), clients, latencies.size(), latencies.size() / elapsed, percentile(0.50),
              percentile(0.99), failures.load());
  return 0;
}
