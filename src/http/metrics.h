// Prometheus text metrics: requests by route and status, a latency histogram, and
// whatever gauges the wiring registers (the database pool). Thread-safe.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace dh::http {

class Metrics {
 public:
  void ObserveRequest(const std::string& route, int status, double seconds);
  // A gauge read at scrape time: name, help, and a function returning label→value lines.
  void AddGauge(std::string name, std::string help,
                std::function<std::vector<std::pair<std::string, double>>()> read);
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};
    uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<std::vector<std::pair<std::string, double>>()> read;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // GUARDED_BY(mu_)
  std::map<std::string, Histogram> latency_;                  // GUARDED_BY(mu_)
  std::vector<Gauge> gauges_;                                 // GUARDED_BY(mu_)
};

}  // namespace dh::http
