#!/usr/bin/env bash
# Refreshes the bundled country database (Tracker.Web/GeoData/geo-whois-asn-country.mmdb) from the
# npm package @ip-location-db/geo-whois-asn-country-mmdb (CC BY 4.0, attribution to nro.net).
# Needs npm and tar. Usage: scripts/update-geo-db.sh [package-version]   (default: latest)
set -euo pipefail
cd "$(dirname "$0")/.."

package="@ip-location-db/geo-whois-asn-country-mmdb"
spec="$package${1:+@$1}"
target_dir="Tracker.Web/GeoData"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== fetching $spec"
(cd "$work" && npm pack --silent "$spec" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

db="$work/package/geo-whois-asn-country.mmdb"
if [ ! -s "$db" ]; then
  echo "The package has no geo-whois-asn-country.mmdb; its layout changed. Nothing was replaced." >&2
  exit 1
fi
version=$(node -p "require('$work/package/package.json').version" 2>/dev/null || sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/package/package.json")

cp "$db" "$target_dir/geo-whois-asn-country.mmdb"
sed -i "s/^Version: .*/Version: $version/" "$target_dir/LICENSE.md"
echo "== $target_dir/geo-whois-asn-country.mmdb is now version $version ($(du -h "$db" | cut -f1))"
echo "   Rebuild (or restart) the tracker to load it."
