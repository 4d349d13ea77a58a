#!/usr/bin/env bash
# Report benchmark: seeds (once) a data directory with 10M clicks and 200k conversions over 90 days,
# starts the real tracker (Release) on it, and times the reports an affiliate runs all day through
# POST /api/v1/reports. Results go to stdout as a Markdown table for BENCHMARKS.md.
#
#   bench/reports.sh [data directory]   (default /tmp/tracker-bench-reports; reused if already seeded)
#
# Environment: CLICKS (10000000), CONVERSIONS (200000), ZONE (Europe/Berlin, the settings' zone),
# RUNS (timed runs per report, 7), PORT (5099). Takes the machine's bench lock while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-/tmp/tracker-bench-reports}"
CLICKS="${CLICKS:-10000000}"
CONVERSIONS="${CONVERSIONS:-200000}"
ZONE="${ZONE:-Europe/Berlin}"
RUNS="${RUNS:-7}"
PORT="${PORT:-5099}"
KEY="bench-api-key-0123456789"
URL="http://127.0.0.1:$PORT"

until mkdir /tmp/tracker-bench.lock 2>/dev/null; do echo "waiting for the bench lock"; sleep 15; done
TRACKER_PID=""
cleanup() { [ -n "$TRACKER_PID" ] && kill "$TRACKER_PID" 2>/dev/null && wait "$TRACKER_PID" 2>/dev/null; rmdir /tmp/tracker-bench.lock; }
trap cleanup EXIT

dotnet build Tracker.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Seed -c Release -v quiet -nologo >/dev/null
if [ ! -f "$DATA/tracker.db" ]; then
  echo "seeding $DATA: $CLICKS clicks, $CONVERSIONS conversions, day rollups in $ZONE"
  start=$(date +%s)
  dotnet bench/Seed/bin/Release/net10.0/Seed.dll "$DATA" "$CLICKS" "$CONVERSIONS" "$ZONE" "$KEY"
  echo "seeded in $(( $(date +%s) - start )) s; $(du -sh "$DATA" | cut -f1) on disk"
fi

Tracker__DataDirectory="$DATA" Tracker__ApiKey="$KEY" Serilog__MinimumLevel__Default=Warning \
  dotnet Tracker.Web/bin/Release/net10.0/Tracker.Web.dll --urls "$URL" >/tmp/tracker-bench-reports.log 2>&1 &
TRACKER_PID=$!
for _ in $(seq 1 120); do curl -sf "$URL/health" >/dev/null && break; sleep 0.5; done
curl -sf "$URL/health" >/dev/null || { echo "the tracker did not start; see /tmp/tracker-bench-reports.log"; exit 1; }

day() { date -u -d "$1 days ago" +%F; }   # UTC days; in Berlin the range is the same whole days
TODAY=$(day 0)
q() { printf '{"from":"%s","to":"%s","groupBy":[%s]%s}' "$1" "$2" "$3" "${4:-}"; }
post() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$URL/api/v1/reports" -H "Api-Key: $KEY" -H 'Content-Type: application/json' -d "$1"; }

# Runs one or more requests in sequence RUNS times (after one warm-up) and prints median and max of the sums, in ms.
measure() {
  local name="$1" target="$2"; shift 2
  local times=()
  for run in $(seq 0 "$RUNS"); do
    local total=0
    for body in "$@"; do
      read -r code seconds < <(post "$body")
      [ "$code" = 200 ] || { echo "$name: HTTP $code for $body"; exit 1; }
      total=$(echo "$total + $seconds" | bc -l)
    done
    [ "$run" -gt 0 ] && times+=("$(echo "$total * 1000" | bc -l)")
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median; median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
  local max; max=$(echo "$sorted" | tail -1)
  printf '| %s | %d | %.0f ms | %.0f ms | ≤ %s ms |\n' "$name" "$#" "$median" "$max" "$target"
}

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| report | requests | median | max | target |"
echo "|---|---:|---:|---:|---:|"
measure "30 days × offer" 200 "$(q "$(day 29)" "$TODAY" '"offer"' ',"sort":{"by":"revenue"}')"
measure "90 days × day × country" 500 "$(q "$(day 89)" "$TODAY" '"day","country"')"
measure "dashboard: today and yesterday totals, 14 days by day, top 10 offers, networks, countries today" 300 \
  "$(q "$(day 1)" "$TODAY" '"day"')" \
  "$(q "$(day 13)" "$TODAY" '"day"')" \
  "$(q "$TODAY" "$TODAY" '"offer"' ',"sort":{"by":"revenue"},"limit":10')" \
  "$(q "$TODAY" "$TODAY" '"affiliateNetwork"' ',"sort":{"by":"revenue"},"limit":10')" \
  "$(q "$TODAY" "$TODAY" '"country"' ',"sort":{"by":"revenue"},"limit":10')"
measure "sub_id_1 over 7 days" 2000 "$(q "$(day 6)" "$TODAY" '"sub_id_1"' ',"sort":{"by":"clicks"},"limit":100')"
measure "(info) 30 days × offer in Asia/Kathmandu (not the day rows' zone)" "-" "$(q "$(day 29)" "$TODAY" '"offer"' ',"timeZone":"Asia/Kathmandu"')"
measure "(info) 7 days × hour × country" "-" "$(q "$(day 6)" "$TODAY" '"hour","country"')"
echo
echo "rows: $(sqlite3 "$DATA/tracker.db" 'SELECT COUNT(*) FROM clicks' 2>/dev/null || echo '?') clicks; tracker log: /tmp/tracker-bench-reports.log"
