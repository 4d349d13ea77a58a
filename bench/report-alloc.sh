#!/usr/bin/env bash
# What the benchmark's reports allocate: seeds (once) a modest data directory and runs
# bench/ReportAlloc, which prints per report the managed bytes per run, the share on the large object
# heap, and the collections and GC pause time they cause. No HTTP, no load: safe beside other work.
#
#   bench/report-alloc.sh [data directory] [runs]   (default /tmp/tracker-report-alloc, 20 runs)
#
# Environment: CLICKS (1500000), CONVERSIONS (30000), SUBIDS (200000 sub_id_1 values: the click
# benchmark sends a distinct one per click, so its sub_id_1 report has a group per click), ZONE.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-/tmp/tracker-report-alloc}"
RUNS="${2:-20}"
CLICKS="${CLICKS:-1500000}"
CONVERSIONS="${CONVERSIONS:-30000}"
SUBIDS="${SUBIDS:-200000}"
ZONE="${ZONE:-Europe/Berlin}"

dotnet build bench/Seed -c Release -v quiet -nologo >/dev/null
dotnet build bench/ReportAlloc -c Release -v quiet -nologo >/dev/null
if [ ! -f "$DATA/tracker.db" ]; then
  echo "seeding $DATA: $CLICKS clicks, $CONVERSIONS conversions, $SUBIDS sub_id_1 values, day rollups in $ZONE"
  dotnet bench/Seed/bin/Release/net10.0/Seed.dll "$DATA" "$CLICKS" "$CONVERSIONS" "$ZONE" bench-api-key-0123456789 "$SUBIDS"
fi
dotnet bench/ReportAlloc/bin/Release/net10.0/ReportAlloc.dll "$DATA" "$RUNS"
