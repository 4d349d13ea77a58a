-- wrk script for bench/run.sh: realistic click traffic against the path given after "--".
-- Visitors come from several countries (X-Forwarded-For, trusted from loopback by the run),
-- with varied user agents and distinct sub ids, as a traffic source would send them.
-- The same script drives the baseline, so both runs cost wrk the same.

local ips = {
  "8.8.8.8",          -- US
  "85.214.132.117",   -- DE
  "212.58.244.20",    -- GB
  "195.154.1.1",      -- FR
  "200.160.2.3",      -- BR
  "81.217.0.1",       -- AT
  "10.1.2.3",         -- private: unknown country
}
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
}

-- BENCH_DELAY_MS paces every connection (a pause before each request), so latency is measured at
-- a known request rate instead of at saturation, where it only reflects the queue wrk builds.
local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pace then
  function delay() return pace end
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local path = "/"
local counter = 0

function init(args)
  path = args[1] or "/"
end

function request()
  counter = counter + 1
  local q = path .. "?sub_id_1=" .. id .. "-" .. counter ..
            "&source=bench&keyword=running%20shoes&creative_id=cr7&cost=0.01&currency=USD"
  return wrk.format("GET", q, {
    ["X-Forwarded-For"] = ips[(counter % #ips) + 1],
    ["User-Agent"] = agents[(counter % #agents) + 1],
    ["Accept-Language"] = "en-US,en;q=0.9",
    ["Referer"] = "https://traffic.example/feed?id=" .. (counter % 97),
  })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
