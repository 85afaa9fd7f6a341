-- wrk script for the worker search: every request sends the next query of the mix (one URL path a line), each
-- thread from its own offset, with the bearer token of a labour officer.
--   wrk ... -s search.lua http://127.0.0.1:PORT -- /path/to/queries.txt TOKEN
local threads = {}
local paths, n, i, headers = {}, 0, 0, {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    n = n + 1
    paths[n] = line
  end
  if n == 0 then error("no queries in " .. args[1]) end
  headers["Authorization"] = "Bearer " .. args[2]
  i = math.floor(n * id / 8)
end

function request()
  i = i % n + 1
  return wrk.format("GET", paths[i], headers)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
