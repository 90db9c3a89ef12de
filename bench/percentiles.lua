-- wrk -s bench/percentiles.lua ...: after the run, one line the bench scripts read:
-- RESULT p50_ms p95_ms p99_ms requests_per_s requests errors
-- (wrk's own --latency table has 50/75/90/99 but no 95th percentile)
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.3f %.3f %.3f %.1f %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
