// SPDX-License-Identifier: MIT
// What every C++ benchmark prints: a median and a p99 of its samples, as one JSON line that
// bench/run reads by name.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace quire::bench {

struct Stats {
    double median = 0;
    double p99 = 0;
};

/** The sample at fraction `q` of the sorted samples (0.5 the median), or -1 when there are none. */
inline double quantile(std::vector<double> samples, double q)
{
    if (samples.empty())
        return -1;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * static_cast<double>(samples.size())))];
}

inline Stats statsOf(const std::vector<double> &samples)
{
    return {quantile(samples, 0.5), quantile(samples, 0.99)};
}

/** {"name", "median_ms", "p99_ms", "rows"}, rows being the tasks of one sample. */
inline void report(const char *name, const Stats &stats, std::int64_t rows)
{
    std::printf("{\"name\":\"%s\",\"median_ms\":%.4f,\"p99_ms\":%.4f,\"rows\":%lld}\n", name, stats.median, stats.p99,
        static_cast<long long>(rows));
    std::fflush(stdout);
}

} // namespace quire::bench
