#!/bin/sh
# Build the HTML report from the two sample articles' statements and take a
# screenshot of it with headless Chromium, to look at what a reader sees.
# Not part of `cargo test` (CI has no Chromium). Needs Debian's `chromium`
# (apt-get install -y chromium).
#
#   scripts/screenshot-report.sh [OUT.png]     (default: target/report.png)
#
# The statements are the hand-written ones in tests/fixtures/ (what extraction
# should find in samples/zelensky-*.txt); the topics are tests/fixtures/topics.txt.
set -eu
cd "$(dirname "$0")/.."
out=${1:-target/report.png}
work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT

cargo build --release --quiet
claimdb="target/release/claimdb --db $work/claims.db"
$claimdb import tests/fixtures/zelensky-washington.jsonl >/dev/null
$claimdb import tests/fixtures/zelensky-followup.jsonl >/dev/null
$claimdb topics load tests/fixtures/topics.txt >/dev/null
$claimdb topics apply >/dev/null
$claimdb report html --output "$work/report.html" --title "Ukraine talks: who stands where (sample)"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --screenshot="$out" --window-size=${WINDOW:-1200,900} \
    "file://$work/report.html" 2>/dev/null
cp "$work/report.html" "${out%.png}.html"
echo "wrote $out and ${out%.png}.html"
