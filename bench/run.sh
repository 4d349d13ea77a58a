#!/usr/bin/env bash
# Click and postback load benchmark on loopback (see BENCHMARKS.md).
#
# Publishes the tracker (Release) and bench/BareKestrel, starts both with fresh state, seeds a
# realistic campaign into the tracker (bench/seed.sql: 3 streams with country filters, 5 offers, a
# network template, macros), then measures with wrk, side by side in one run and with the same
# request script (bench/click-load.lua: countries through X-Forwarded-For, varied user agents):
#   1. bare      - bench/BareKestrel: a 302 from WebApplication.CreateSlimBuilder, no logging (the floor)
#   2. pipeline  - /_bench/baseline: a 302 through the tracker's own host and pipeline
#   3. click     - /bench: route, decide, render, durably record, respond
# each first at saturation (throughput), then paced (every connection pauses PACED_DELAY_MS before
# each request, about 2,000 requests/s in all) for latency at a known rate. Rounds alternate the
# three, and the targets are judged on the medians. Then postbacks (bench/postback-load.lua, one
# per recorded click, committed before the 200) at saturation, the clicks topped up to FILL_CLICKS,
# and the tracker's memory (RSS) read.
#
# A second tracker, started from the same build with Tracker:Benchmark:WithoutRollups, takes the same
# saturated click runs in every round, so what the report rollups cost a click is measured side by
# side; and each round ends with the paced click run repeated while bench/report-loop.sh runs reports.
#
# Targets checked: click throughput >= 50 % of bare Kestrel's; tracker CPU per click <= 2 x bare's CPU
# per request; click p99 <= 5 ms paced; click CPU with rollups <= 1.1 x without; paced click p99 while
# reports run <= 1.5 x idle; postbacks >= 5,000/s with 0 errors, every 200 a conversion; RSS <= 250 MB
# after FILL_CLICKS clicks; every answered click in the database; nothing lost at SIGTERM.
#
# Usage: bench/run.sh   (ROUNDS=3 DURATION=10s CONNECTIONS=64 THREADS=2 WARMUP=15s PACED_DELAY_MS=30
#                        FILL_CLICKS=1000000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
# 15 s: at saturation the JIT compiles for the first ~8 s (dotnet-counters: 0.3-0.8 s of JIT a second,
# then next to none); a 5 s warm-up left that tail in the first round's CPU (2026-11-30).
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PACED_DELAY_MS=${PACED_DELAY_MS:-30}
FILL_CLICKS=${FILL_CLICKS:-1000000}

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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); bare_port=$(free_port); plain_port=$(free_port)
base="http://127.0.0.1:$port"
bare_base="http://127.0.0.1:$bare_port"
plain_base="http://127.0.0.1:$plain_port"
plain_data="$PWD/$work/data-without-rollups"
api_key=bench-api-key-0123456789abcdef

echo "== publishing Release (tracker and bare Kestrel)"
dotnet publish Tracker.Web -c Release -nologo -v quiet -o "$work/tracker" >/dev/null
dotnet publish bench/BareKestrel -c Release -nologo -v quiet -o "$work/bare" >/dev/null
dll="$PWD/$work/tracker/Tracker.Web.dll"

pid=""; bare_pid=""; plain_pid=""
# The tracker runs with the environment the shipped systemd unit gives it (deploy/tracker.service).
unit_env=$(sed -n 's/^Environment=//p' deploy/tracker.service)
run_tracker() { # data-dir url without-rollups
  cd "$(dirname "$dll")" && \
    export $unit_env && \
    Tracker__DataDirectory="$1" \
    Tracker__Benchmark__BaselineEndpoint=true \
    Tracker__Benchmark__WithoutRollups="$3" \
    Tracker__ApiKey=$api_key \
    ForwardedHeaders__ForwardedHeaders=XForwardedFor \
    Serilog__MinimumLevel__Default=Warning \
    ASPNETCORE_ENVIRONMENT=Production \
    exec dotnet "$dll" --urls "$2" >>"$log" 2>&1
}
start_tracker() {
  (run_tracker "$data" "$base" false) &
  pid=$!
  wait_up "$base/health" "$pid"
}
wait_up() {
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "a server exited; see $log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "a server did not start; see $log" >&2; exit 1
}
stop_tracker() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; [ -n "$bare_pid" ] && kill -TERM "$bare_pid" 2>/dev/null; [ -n "$plain_pid" ] && kill -TERM "$plain_pid" 2>/dev/null; true' EXIT

rows() { sqlite3 "$data/tracker.db" "SELECT count(*) FROM clicks;"; }

echo "== first start: create and migrate the database"
start_tracker; stop_tracker
echo "== seeding the campaign"
sqlite3 "$data/tracker.db" < bench/seed.sql
cp -r "$data" "$plain_data"
start_tracker
(run_tracker "$plain_data" "$plain_base" true) &
plain_pid=$!
wait_up "$plain_base/health" "$plain_pid"
(cd "$work/bare" && DOTNET_gcServer=0 exec dotnet BareKestrel.dll --urls "$bare_base" >>"$log" 2>&1) &
bare_pid=$!
wait_up "$bare_base/bench" "$bare_pid"

location=$(curl -s -o /dev/null -w '%{redirect_url}' -H 'X-Forwarded-For: 8.8.8.8' "$base/bench?sub_id_1=probe&source=bench")
echo "   a click on /bench goes to: $location"
case "$location" in https://us.offers.example/*sub1=*) ;; *) echo "unexpected destination" >&2; exit 1 ;; esac

hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
measure() { # name base path duration [delay-ms] [script] [args...] -> RESULT line + cpu_ticks of the server measured
  local name=$1 url=$2 path=$3 duration=$4 delay=${5:-} script=${6:-bench/click-load.lua}; shift 6 2>/dev/null || shift $#
  local target=$pid; [ "$url" = "$bare_base" ] && target=$bare_pid; [ "$url" = "$plain_base" ] && target=$plain_pid
  local t0; t0=$(cpu_ticks "$target")
  BENCH_THREADS=$THREADS BENCH_DELAY_MS=$delay wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$script" "$url" -- "$path" "$@" > "$work/$name.txt"
  echo "$(grep '^RESULT' "$work/$name.txt") cpu_ticks=$(( $(cpu_ticks "$target") - t0 ))"
}
field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<"$1"; }
cpu_us() { awk -v t="$(field "$1" cpu_ticks)" -v r="$(field "$1" requests)" -v hz="$hz" 'BEGIN { printf "%.0f", t * 1e6 / hz / r }'; }
rps() { awk -v r="$(field "$1" requests)" -v d="$(field "$1" duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
median() { tr ' ' '\n' <<<"$*" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
errors_of() { echo $(( $(field "$1" status_errors) + $(field "$1" read_errors) + $(field "$1" write_errors) + $(field "$1" timeouts) + $(field "$1" connect_errors) )); }
row() { echo "| $1 | $2 | $(rps "$3") | $(ms "$(field "$3" p50_us)") ms | $(ms "$(field "$3" p90_us)") ms | $(ms "$(field "$3" p99_us)") ms | $(ms "$(field "$3" max_us)") ms | $(cpu_us "$3") µs |"; }

echo "== warming up ($WARMUP each)"
measure warmup-bare "$bare_base" /bench "$WARMUP" >/dev/null
measure warmup-baseline "$base" /_bench/baseline "$WARMUP" >/dev/null
measure warmup-click "$base" /bench "$WARMUP" >/dev/null
measure warmup-plain "$plain_base" /bench "$WARMUP" >/dev/null
sleep 1

declare -a loads ratios cpu_ratios paced_p99 rollup_ratios reports_p99 report_ratios lines
answered=0; recorded=0; errors=0; rows_mismatch=0
for round in $(seq 1 "$ROUNDS"); do
  loads[$round]=$(cut -d' ' -f1 /proc/loadavg)
  echo "== round $round/$ROUNDS (load average ${loads[$round]}): saturated, then paced ($PACED_DELAY_MS ms pause per connection)"
  k=$(measure "bare-$round" "$bare_base" /bench "$DURATION"); sleep 1
  b=$(measure "baseline-$round" "$base" /_bench/baseline "$DURATION"); sleep 1
  before=$(rows); c=$(measure "click-$round" "$base" /bench "$DURATION"); sleep 1; after=$(rows)
  n=$(measure "click-without-rollups-$round" "$plain_base" /bench "$DURATION"); sleep 1
  # The saturated click run leaves hundreds of MB for the kernel to write back; let that finish
  # first, so the paced runs measure a steady state rather than the previous burst's flush.
  sync; sleep 3
  kp=$(measure "bare-paced-$round" "$bare_base" /bench "$DURATION" "$PACED_DELAY_MS"); sleep 1
  bp=$(measure "baseline-paced-$round" "$base" /_bench/baseline "$DURATION" "$PACED_DELAY_MS"); sleep 1
  before_paced=$(rows); cp=$(measure "click-paced-$round" "$base" /bench "$DURATION" "$PACED_DELAY_MS"); sleep 1; after_paced=$(rows)
  # The same paced clicks while the dashboard's and the Reports page's reports run in a loop beside them.
  bench/report-loop.sh "$base" "$api_key" "${DURATION%s}" > "$work/report-loop-$round.txt" &
  loop_pid=$!
  before_reports=$(rows); cr=$(measure "click-paced-reports-$round" "$base" /bench "$DURATION" "$PACED_DELAY_MS"); wait "$loop_pid"; sleep 1; after_reports=$(rows)
  ratios[$round]=$(awk -v c="$(rps "$c")" -v k="$(rps "$k")" 'BEGIN { printf "%.1f", 100 * c / k }')
  cpu_ratios[$round]=$(awk -v c="$(cpu_us "$c")" -v k="$(cpu_us "$k")" 'BEGIN { printf "%.2f", c / k }')
  paced_p99[$round]=$(field "$cp" p99_us)
  reports_p99[$round]=$(field "$cr" p99_us)
  report_ratios[$round]=$(awk -v r="$(field "$cr" p99_us)" -v i="$(field "$cp" p99_us)" 'BEGIN { printf "%.2f", r / i }')
  rollup_ratios[$round]=$(awk -v c="$(cpu_us "$c")" -v n="$(cpu_us "$n")" 'BEGIN { printf "%.2f", c / n }')
  round_answered=$(( $(field "$c" requests) + $(field "$cp" requests) + $(field "$cr" requests) ))
  round_recorded=$(( (after - before) + (after_paced - before_paced) + (after_reports - before_reports) ))
  answered=$((answered + round_answered)); recorded=$((recorded + round_recorded))
  in_flight=$((round_recorded - round_answered))
  if [ "$in_flight" -lt 0 ] || [ "$in_flight" -gt $((3 * CONNECTIONS)) ]; then rows_mismatch=1; fi
  errors=$((errors + $(errors_of "$k") + $(errors_of "$b") + $(errors_of "$c") + $(errors_of "$n") + $(errors_of "$kp") + $(errors_of "$bp") + $(errors_of "$cp") + $(errors_of "$cr")))
  lines[$round]="$k|$b|$c|$n|$kp|$bp|$cp|$cr"
done

echo "== postbacks: one per recorded click, saturated"
key=$(sqlite3 "$data/tracker.db" "SELECT PostbackKey FROM settings WHERE Id = 1;")
sqlite3 "$data/tracker.db" "SELECT SubId FROM clicks ORDER BY Id LIMIT 400000;" > "$work/subids.txt"
conversions_before=$(sqlite3 "$data/tracker.db" "SELECT count(*) FROM conversions;")
pb=$(measure postbacks "$base" "/$key/postback" "$DURATION" "" bench/postback-load.lua "$PWD/$work/subids.txt")
sleep 1
conversions=$(( $(sqlite3 "$data/tracker.db" "SELECT count(*) FROM conversions;") - conversions_before ))
pb_errors=$(errors_of "$pb")

current=$(rows)
if [ "$current" -lt "$FILL_CLICKS" ]; then
  echo "== topping the clicks up to $FILL_CLICKS (now $current)"
  while [ "$(rows)" -lt "$FILL_CLICKS" ]; do measure fill "$base" /bench 10s >/dev/null; done
fi
clicks_total=$(rows)
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
bare_rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$bare_pid/status")

after_all=$(rows)
stop_tracker
final=$(rows)

ratio=$(median "${ratios[@]}")
cpu_ratio=$(median "${cpu_ratios[@]}")
p99=$(median "${paced_p99[@]}")
rollup_ratio=$(median "${rollup_ratios[@]}")
report_ratio=$(median "${report_ratios[@]}")
kill -TERM "$plain_pid"; wait "$plain_pid" || true; plain_pid=""

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
report="$work/report.md"
{
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC') — $(nproc) CPUs, $cpu, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
  echo
  echo "wrk $THREADS threads, $CONNECTIONS connections, $ROUNDS rounds of $DURATION per endpoint and mode after a $WARMUP warm-up of each, loopback;" \
       ".NET $(dotnet --version), Release, published; the tracker with deploy/tracker.service's environment (${unit_env:-none}). Paced: every connection pauses $PACED_DELAY_MS ms before each request."
  echo
  echo "| round (load avg) | endpoint | requests/s | p50 | p90 | p99 | max | server CPU per request |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for round in $(seq 1 "$ROUNDS"); do
    IFS='|' read -r k b c n kp bp cp cr <<<"${lines[$round]}"
    r="$round (${loads[$round]})"
    row "$r" 'bare Kestrel 302, saturated' "$k"
    row "$r" '`/_bench/baseline` (tracker pipeline 302), saturated' "$b"
    row "$r" '`/bench` (click path), saturated' "$c"
    row "$r" '`/bench` without report rollups (second tracker), saturated' "$n"
    row "$r" 'bare Kestrel 302, paced' "$kp"
    row "$r" '`/_bench/baseline`, paced' "$bp"
    row "$r" '`/bench`, paced' "$cp"
    row "$r" '`/bench`, paced, reports running in a loop' "$cr"
  done
  row "—" 'postbacks (sale, EUR payout converted), saturated' "$pb"
  echo
  echo "- Click throughput: **$ratio %** of bare Kestrel, median of the rounds (${ratios[*]}) (target ≥ 50 %)."
  echo "- Tracker CPU per click: **${cpu_ratio} ×** bare Kestrel's CPU per request, median (${cpu_ratios[*]}) (target ≤ 2)."
  echo "- Click p99 at the paced rate: **$(ms "$p99") ms**, median of the rounds (target ≤ 5 ms)."
  echo "- Click CPU with report rollups: **${rollup_ratio} ×** without, median (${rollup_ratios[*]}) (target ≤ 1.1)."
  echo "- Paced click p99 while reports run: **${report_ratio} ×** idle, median (${report_ratios[*]}; p99 $(for v in "${reports_p99[@]}"; do printf '%s ' "$(ms "$v")"; done)ms) (target ≤ 1.5); $(cat "$work"/report-loop-*.txt | awk '{ n += $3; e += $NF } END { printf "%d reports ran, %d errors", n, e }')."
  echo "- Postbacks: **$(rps "$pb")/s**, $pb_errors errors, $conversions new conversions for $(field "$pb" requests) answers (target ≥ 5,000/s, 0 errors)."
  echo "- Memory after $clicks_total clicks: tracker RSS **$((rss_kb / 1024)) MB** (peak $((hwm_kb / 1024)) MB; target ≤ 250 MB); bare Kestrel $((bare_rss_kb / 1024)) MB."
  echo "- Clicks answered in the rounds (302 received by wrk): $answered; rows written meanwhile: $recorded" \
       "(the difference, $((recorded - answered)), are requests answered after wrk stopped reading, at most one per connection per run); errors: $errors."
  echo "- Rows after SIGTERM: $final (rows before shutdown: $after_all)."
  echo "- Destinations by country: $(sqlite3 "$data/tracker.db" "SELECT group_concat(c || ' ' || n, ', ') FROM (SELECT CASE Country WHEN '' THEN '??' ELSE Country END c, count(*) n FROM clicks GROUP BY Country ORDER BY n DESC);")"
} | tee "$report"

status=0
awk -v r="$ratio" 'BEGIN { exit !(r >= 50) }' || { echo "FAIL: click throughput below 50 % of bare Kestrel"; status=1; }
awk -v r="$cpu_ratio" 'BEGIN { exit !(r <= 2) }' || { echo "FAIL: tracker CPU per click above 2x bare Kestrel's"; status=1; }
awk -v r="$rollup_ratio" 'BEGIN { exit !(r <= 1.1) }' || { echo "FAIL: click CPU with rollups above 1.1x without"; status=1; }
awk -v r="$report_ratio" 'BEGIN { exit !(r <= 1.5) }' || { echo "FAIL: paced click p99 while reports run above 1.5x idle"; status=1; }
[ "${p99%.*}" -le 5000 ] || { echo "FAIL: click p99 at the paced rate above 5 ms"; status=1; }
awk -v r="$(rps "$pb")" 'BEGIN { exit !(r >= 5000) }' || { echo "FAIL: postbacks below 5,000/s"; status=1; }
[ "$pb_errors" -eq 0 ] || { echo "FAIL: $pb_errors postback errors"; status=1; }
[ "$conversions" -ge "$(field "$pb" requests)" ] || { echo "FAIL: $(field "$pb" requests) postbacks answered but $conversions conversions stored"; status=1; }
[ "$rss_kb" -le $((250 * 1024)) ] || { echo "FAIL: RSS above 250 MB"; status=1; }
[ "$errors" -eq 0 ] || { echo "FAIL: $errors errors"; status=1; }
[ "$rows_mismatch" -eq 0 ] || { echo "FAIL: rows ($recorded) do not match answered clicks ($answered) in some round"; status=1; }
[ "$final" -eq "$after_all" ] || { echo "FAIL: rows changed during shutdown ($after_all -> $final)"; status=1; }
rm -rf "$work/tracker" "$work/bare"
[ $status -eq 0 ] && echo "== all targets met; report in $report"
exit $status
