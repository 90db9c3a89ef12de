-- wrk -s bench/report.lua ...: after the run, one line for bench/load.sh to read:
-- RESULT p50_ms p95_ms p99_ms requests_per_s requests errors non2xx connect read write timeout
-- (wrk's own --latency table has 50/75/90/99 but no 95th percentile; errors is the sum of the
-- non-2xx/3xx answers and the socket errors that follow it)
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.3f %.3f %.3f %.1f %d %d %d %d %d %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout,
    e.status, e.connect, e.read, e.write, e.timeout))
end
