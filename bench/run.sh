#!/usr/bin/env bash
# Click-path load benchmark on loopback (see BENCHMARKS.md).
#
# Builds Release, starts the real tracker with a fresh data directory, seeds a realistic campaign
# (bench/seed.sql: 3 streams with country filters, 5 offers, a network template, macros), then
# measures with wrk, one after the other in one run and with the same request script:
#   1. /_bench/baseline  - a bare 302 through the same middleware (Tracker:Benchmark:BaselineEndpoint)
#   2. /bench            - the click path: route, decide, render, durably record, respond
# each first at saturation (throughput), then paced (every connection pauses PACED_DELAY_MS before
# each request, about 2,000 requests/s in all) for latency at a known rate. It checks the targets:
# click throughput >= 50 % of baseline, click p99 <= 5 ms at the paced rate, and every answered
# click in the database.
#
# Baseline and click alternate in ROUNDS rounds and the targets are judged on the medians, because a
# shared machine's load changes by the minute.
#
# Usage: bench/run.sh   (ROUNDS=3 DURATION=10s CONNECTIONS=64 THREADS=2 WARMUP=5s PACED_DELAY_MS=30 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PACED_DELAY_MS=${PACED_DELAY_MS:-30}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
for tool in wrk sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    echo "== installing $tool"
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$tool" >/dev/null
  fi
done

stamp=$(date -u +%Y%m%d-%H%M%S)
work="bench/results/$stamp"
mkdir -p "$work"
data="$PWD/$work/data"
log="$PWD/$work/tracker.log"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5391)
base="http://127.0.0.1:$port"

echo "== building Release"
dotnet build Tracker.Web -c Release -nologo -v quiet >/dev/null
dll="$PWD/Tracker.Web/bin/Release/net10.0/Tracker.Web.dll"

pid=""
start_tracker() {
  (cd "$(dirname "$dll")" && \
    Tracker__DataDirectory="$data" \
    Tracker__Benchmark__BaselineEndpoint=true \
    ForwardedHeaders__ForwardedHeaders=XForwardedFor \
    Serilog__MinimumLevel__Default=Warning \
    ASPNETCORE_ENVIRONMENT=Production \
    exec dotnet "$dll" --urls "$base" >>"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 300); do
    if curl -fs "$base/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "tracker exited; see $log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "tracker did not start; see $log" >&2; exit 1
}
stop_tracker() { kill -TERM "$pid"; wait "$pid" || true; }
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true' EXIT

rows() { sqlite3 "$data/tracker.db" "SELECT count(*) FROM clicks;"; }

echo "== first start: create and migrate the database"
start_tracker; stop_tracker
echo "== seeding the campaign"
sqlite3 "$data/tracker.db" < bench/seed.sql
start_tracker

location=$(curl -s -o /dev/null -w '%{redirect_url}' -H 'X-Forwarded-For: 8.8.8.8' "$base/bench?sub_id_1=probe&source=bench")
echo "   a click on /bench goes to: $location"
case "$location" in https://us.offers.example/*sub1=*) ;; *) echo "unexpected destination" >&2; exit 1 ;; esac

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
measure() { # name path duration [delay-ms] -> RESULT line, plus the tracker's CPU time (clock ticks) used meanwhile
  local t0; t0=$(cpu_ticks)
  BENCH_DELAY_MS=${4:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -s bench/click-load.lua "$base" -- "$2" > "$work/$1.txt"
  echo "$(grep '^RESULT' "$work/$1.txt") cpu_ticks=$(( $(cpu_ticks) - t0 ))"
}
field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<"$1"; }

hz=$(getconf CLK_TCK)
cpu_us() { awk -v t="$(field "$1" cpu_ticks)" -v r="$(field "$1" requests)" -v hz="$hz" 'BEGIN { printf "%.0f", t * 1e6 / hz / r }'; }
rps() { awk -v r="$(field "$1" requests)" -v d="$(field "$1" duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
median() { tr ' ' '\n' <<<"$*" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
errors_of() { echo $(( $(field "$1" status_errors) + $(field "$1" read_errors) + $(field "$1" write_errors) + $(field "$1" timeouts) + $(field "$1" connect_errors) )); }

echo "== warming up ($WARMUP each)"
measure warmup-baseline /_bench/baseline "$WARMUP" >/dev/null
measure warmup-click /bench "$WARMUP" >/dev/null
sleep 1

# Rounds of baseline then click, at saturation and paced: each pair is measured minutes apart at
# most, so a neighbour's load on a shared machine weighs on both sides of a ratio alike.
declare -a loads ratios paced_p99 lines
answered=0; recorded=0; errors=0; rows_mismatch=0
for round in $(seq 1 "$ROUNDS"); do
  loads[$round]=$(cut -d' ' -f1 /proc/loadavg)
  echo "== round $round/$ROUNDS (load average ${loads[$round]}): saturated, then paced ($PACED_DELAY_MS ms pause per connection)"
  b=$(measure "baseline-$round" /_bench/baseline "$DURATION"); sleep 1
  before=$(rows); c=$(measure "click-$round" /bench "$DURATION"); sleep 1; after=$(rows)
  # The saturated run leaves hundreds of MB for the kernel to write back; let that finish first, so
  # the paced runs measure a steady state rather than the previous burst's flush.
  sync; sleep 3
  bp=$(measure "baseline-paced-$round" /_bench/baseline "$DURATION" "$PACED_DELAY_MS"); sleep 1
  before_paced=$(rows); cp=$(measure "click-paced-$round" /bench "$DURATION" "$PACED_DELAY_MS"); sleep 1; after_paced=$(rows)
  ratios[$round]=$(awk -v c="$(rps "$c")" -v b="$(rps "$b")" 'BEGIN { printf "%.1f", 100 * c / b }')
  paced_p99[$round]=$(field "$cp" p99_us)
  round_answered=$(( $(field "$c" requests) + $(field "$cp" requests) ))
  round_recorded=$(( (after - before) + (after_paced - before_paced) ))
  answered=$((answered + round_answered)); recorded=$((recorded + round_recorded))
  in_flight=$((round_recorded - round_answered))
  if [ "$in_flight" -lt 0 ] || [ "$in_flight" -gt $((2 * CONNECTIONS)) ]; then rows_mismatch=1; fi
  errors=$((errors + $(errors_of "$b") + $(errors_of "$c") + $(errors_of "$bp") + $(errors_of "$cp")))
  lines[$round]="$b|$c|$bp|$cp"
done
after_all=$(rows)
stop_tracker
final=$(rows)

ratio=$(median "${ratios[@]}")
p99=$(median "${paced_p99[@]}")

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
report="$work/report.md"
{
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC') — $(nproc) CPUs, $cpu, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
  echo
  echo "wrk $THREADS threads, $CONNECTIONS connections, $ROUNDS rounds of $DURATION per endpoint and mode, loopback;" \
       ".NET $(dotnet --version), Release. Paced: every connection pauses $PACED_DELAY_MS ms before each request."
  echo
  echo "| round (load avg) | endpoint | requests/s | p50 | p90 | p99 | max | tracker CPU per request |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for round in $(seq 1 "$ROUNDS"); do
    IFS='|' read -r b c bp cp <<<"${lines[$round]}"
    for run in b c bp cp; do
      line=${!run}
      case $run in
        b) name='`/_bench/baseline` (bare 302), saturated' ;;
        c) name='`/bench` (click path), saturated' ;;
        bp) name='`/_bench/baseline`, paced' ;;
        cp) name='`/bench`, paced' ;;
      esac
      echo "| $round (${loads[$round]}) | $name | $(rps "$line") | $(ms "$(field "$line" p50_us)") ms | $(ms "$(field "$line" p90_us)") ms | $(ms "$(field "$line" p99_us)") ms | $(ms "$(field "$line" max_us)") ms | $(cpu_us "$line") µs |"
    done
  done
  echo
  echo "- Click throughput: **$ratio %** of baseline, median of the rounds (${ratios[*]}) (target ≥ 50 %)."
  echo "- Click p99 at the paced rate: **$(ms "$p99") ms**, median of the rounds (target ≤ 5 ms)."
  echo "- Clicks answered (302 received by wrk): $answered; rows written meanwhile: $recorded" \
       "(the difference, $((recorded - answered)), are requests the server answered after wrk stopped reading, at most one per connection per run); errors: $errors."
  echo "- Rows after SIGTERM: $final (rows before shutdown: $after_all)."
  echo "- Destinations by country: $(sqlite3 "$data/tracker.db" "SELECT group_concat(c || ' ' || n, ', ') FROM (SELECT CASE Country WHEN '' THEN '??' ELSE Country END c, count(*) n FROM clicks GROUP BY Country ORDER BY n DESC);")"
} | tee "$report"

status=0
awk -v r="$ratio" 'BEGIN { exit !(r >= 50) }' || { echo "FAIL: click throughput below 50 % of baseline"; status=1; }
[ "${p99%.*}" -le 5000 ] || { echo "FAIL: click p99 at the paced rate above 5 ms"; status=1; }
[ "$errors" -eq 0 ] || { echo "FAIL: $errors errors"; status=1; }
[ "$rows_mismatch" -eq 0 ] || { echo "FAIL: rows ($recorded) do not match answered clicks ($answered) in some round"; status=1; }
[ "$final" -eq "$after_all" ] || { echo "FAIL: rows changed during shutdown ($after_all -> $final)"; status=1; }
[ $status -eq 0 ] && echo "== all targets met; report in $report"
exit $status
