#!/usr/bin/env bash
# Runs reports in a loop against a running tracker, to measure the click path while reports run
# (bench/run.sh's clicks with this beside them). Stops after SECONDS_TO_RUN or Ctrl-C; prints how many ran.
#
#   bench/report-loop.sh <base url> <api key> [seconds, default 60]
#
# Each round asks what the dashboard and a Reports page ask: 30 days × offer, 14 days by day,
# 7 days × country, today's top offers, and (every fifth round) sub_id_1 over 7 days.
set -euo pipefail
URL="${1:?base url, e.g. http://127.0.0.1:5000}"
KEY="${2:?api key}"
SECONDS_TO_RUN="${3:-60}"
day() { date -u -d "$1 days ago" +%F; }
q() { printf '{"from":"%s","to":"%s","groupBy":[%s]%s}' "$1" "$2" "$3" "${4:-}"; }
bodies=(
  "$(q "$(day 29)" "$(day 0)" '"offer"')"
  "$(q "$(day 13)" "$(day 0)" '"day"')"
  "$(q "$(day 6)" "$(day 0)" '"country"')"
  "$(q "$(day 0)" "$(day 0)" '"offer"' ',"sort":{"by":"revenue"},"limit":10')"
)
slow="$(q "$(day 6)" "$(day 0)" '"sub_id_1"' ',"limit":100')"
end=$(( $(date +%s) + SECONDS_TO_RUN ))
count=0; errors=0; round=0
while [ "$(date +%s)" -lt "$end" ]; do
  round=$((round + 1))
  list=("${bodies[@]}")
  [ $((round % 5)) -eq 0 ] && list+=("$slow")
  for body in "${list[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/api/v1/reports" -H "Api-Key: $KEY" -H 'Content-Type: application/json' -d "$body")
    count=$((count + 1)); [ "$code" = 200 ] || errors=$((errors + 1))
  done
done
echo "reports run: $count in ${SECONDS_TO_RUN}s, errors: $errors"
