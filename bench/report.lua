-- wrk script: at the end prints one line with p50 and p95 latency (ms), requests/s and errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end
