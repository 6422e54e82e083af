// Summaries of latency samples: percentiles by the nearest-rank method.
#pragma once

#include <vector>

namespace bimtek::loadgen {

struct summary {
    std::size_t count = 0;
    double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;  // 0 when there are no samples
};

// The value at or below which "p" percent (0 < p <= 100) of "sorted" lie (nearest rank);
// 0 for an empty vector. "sorted" must be in ascending order.
double percentile(std::vector<double> const& sorted, double p);

summary summarize(std::vector<double> samples);

}  // namespace bimtek::loadgen
