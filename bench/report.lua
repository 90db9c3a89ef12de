-- wrk script: at the end prints one line with p50 and p95 latency (ms), requests/s and errors
-- (non-2xx/3xx answers, then socket errors: connect, read, write, timeout).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f rps=%.1f requests=%d errors=%d status=%d socket=%d/%d/%d/%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    e.status, e.connect, e.read, e.write, e.timeout))
end
