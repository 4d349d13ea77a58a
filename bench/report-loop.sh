#!/usr/bin/env bash
# Runs reports in a loop against a running tracker, to measure the click path while reports run
# (bench/run.sh's clicks with this beside them). Stops after SECONDS_TO_RUN; prints how many ran.
#
#   bench/report-loop.sh <base url> <api key> [seconds, default 60]
#
# Each round asks what the dashboard and a Reports page ask: 30 days × offer, 14 days by day,
# 7 days × country, today's top offers, and (every fifth round) sub_id_1 over 7 days; one after the
# other, as an admin's browser would.
#
# The client is one process holding one keep-alive connection (like a browser tab). It was a curl
# process per report until 2026-11-30: on this 2-core box starting ~10 curl processes a second took
# CPU from the clicks being measured, which is the client's cost, not the tracker's (the clicks'
# p99 while reports ran was 1.9-2.3 x idle with curl, 1.4-1.7 x with this client, side by side).
set -euo pipefail
URL="${1:?base url, e.g. http://127.0.0.1:5000}"
KEY="${2:?api key}"
SECONDS_TO_RUN="${3:-60}"
exec python3 - "$URL" "$KEY" "$SECONDS_TO_RUN" <<'PY'
import datetime, http.client, json, sys, time, urllib.parse

url, key, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = urllib.parse.urlsplit(url)
today = datetime.datetime.now(datetime.timezone.utc).date()
def day(n): return (today - datetime.timedelta(days=n)).isoformat()
def body(first, last, group_by, **extra): return json.dumps({"from": first, "to": last, "groupBy": group_by, **extra})
bodies = [
    body(day(29), day(0), ["offer"]),
    body(day(13), day(0), ["day"]),
    body(day(6), day(0), ["country"]),
    body(day(0), day(0), ["offer"], sort={"by": "revenue"}, limit=10),
]
slow = body(day(6), day(0), ["sub_id_1"], limit=100)
connect = lambda: http.client.HTTPConnection(target.hostname, target.port, timeout=60)
connection = connect()
end = time.time() + seconds
count = errors = round_ = 0
while time.time() < end:
    round_ += 1
    for request in bodies + ([slow] if round_ % 5 == 0 else []):
        try:
            connection.request("POST", "/api/v1/reports", request, {"Api-Key": key, "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = connect()
            time.sleep(0.1)
        count += 1
        errors += 0 if ok else 1
print(f"reports run: {count} in {seconds}s, errors: {errors}")
PY
