-- Counts every response status per wrk thread and prints, when the run ends, one line
--   BENCH_RESULT {"requests":..,"seconds":..,"p50Us":..,"p90Us":..,"p99Us":..,"maxUs":..,"statuses":{..},"errors":{..}}
-- that the benchmark parses. Loaded by create.lua too (dofile), so both report the same way.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  local key = tostring(status)
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local statuses = {}
  for status, n in pairs(total) do
    table.insert(statuses, string.format('"%s":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.6f,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,'
      .. '"statuses":{%s},"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, table.concat(statuses, ","), e.connect, e.read, e.write, e.timeout))
end
