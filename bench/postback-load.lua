-- wrk script for bench/run.sh: postbacks as an affiliate network sends them, one per click.
-- Arguments after "--": the postback path (/{key}/postback) and a file of subids, one per line.
-- Every request converts a different click (status sale, a payout in EUR to convert), so each one
-- is a real write: a conversion, its transaction row and the postback log entry.

local threads = {}
local next_id = 0
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local path = "/"
local subids = {}
local counter = 0

function init(args)
  path = args[1]
  for line in io.lines(args[2]) do subids[#subids + 1] = line end
end

function request()
  -- thread k takes subids k, k+T, k+2T, …: no two requests convert the same click
  local index = (counter * thread_count + id) % #subids + 1
  counter = counter + 1
  return wrk.format("GET", path .. "?subid=" .. subids[index] .. "&status=sale&payout=1.25&currency=EUR&tid=t" .. index)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
