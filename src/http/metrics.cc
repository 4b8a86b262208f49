#include "http/metrics.h"

#include <fmt/format.h>

namespace dh::http {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::ObserveRequest(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::AddGauge(std::string name, std::string help,
                       std::function<std::vector<std::pair<std::string, double>>()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP dieuhanh_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE dieuhanh_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("dieuhanh_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                       Escape(key.first), key.second, n);
  out += "# HELP dieuhanh_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE dieuhanh_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string r = Escape(route);
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format(
          "dieuhanh_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", r,
          kBuckets[i], h.counts[i]);
    out += fmt::format(
        "dieuhanh_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", r,
        h.count);
    out += fmt::format("dieuhanh_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", r, h.sum);
    out += fmt::format("dieuhanh_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", r,
                       h.count);
  }
  for (const Gauge& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n", g.name, g.help, g.name);
    for (const auto& [labels, value] : g.read())
      out += fmt::format("{}{} {}\n", g.name, labels.empty() ? "" : "{" + labels + "}", value);
  }
  return out;
}

}  // namespace dh::http
