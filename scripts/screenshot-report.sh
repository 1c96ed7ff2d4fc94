#!/bin/sh
# Build the HTML report from statements that claimdb *extracted* (no
# hand-written fixtures) and take screenshots of it with headless Chromium,
# to look at what a reader sees and to time how long the page takes to
# render. Not part of `cargo test` (CI has no Chromium). Needs Debian's
# `chromium` (apt-get install -y chromium).
#
#   scripts/screenshot-report.sh [OUT_DIR]      (default: target/screenshots)
#
# Two pages:
#   samples.html  the two articles in samples/, topics from tests/fixtures/topics.txt
#   corpus.html   the PolNeAR dev texts (CORPUS=, default ../shared/eval/polnear-dev/text;
#                 the title names the corpus's folder, or CORPUS_TITLE=),
#                 with the topics extraction proposed
# Each gets a first-screen screenshot (NAME.png, 1280x900) and a tall one
# (NAME-full.png, 1280x5000); the script prints each page's size and how long
# Chromium took to load, lay out and capture it, beside the time it takes for
# an empty page (the browser's own start-up).
set -eu
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
corpus=${CORPUS:-../shared/eval/polnear-dev/text}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
claimdb=target/release/claimdb

$claimdb --db "$work/samples.db" topics load tests/fixtures/topics.txt >/dev/null
$claimdb --db "$work/samples.db" ingest samples/ 2>/dev/null
# The samples hold one less certain statement on each side of their
# shifts: the README tour's thresholds show them.
$claimdb --db "$work/samples.db" report html --output "$out/samples.html" --min-confidence 0.5 --min-statements 1 \
    --title "Ukraine talks: who stands where (samples, extracted)"

$claimdb --db "$work/corpus.db" ingest "$corpus" 2>/dev/null
$claimdb --db "$work/corpus.db" report html --output "$out/corpus.html" --title "${CORPUS_TITLE:-$(basename "$(dirname "$corpus")")}: who stands where (extracted)"
echo '<!DOCTYPE html><title>empty</title>' > "$work/empty.html"

# shoot PAGE PNG SIZE: one screenshot in a fresh profile; prints the seconds it took.
shoot() {
    profile=$(mktemp -d)
    start=$(date +%s.%N)
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --screenshot="$2" --window-size="$3" \
        "file://$(realpath "$1")" >/dev/null 2>&1
    end=$(date +%s.%N)
    rm -rf "$profile"
    python3 -c "print(f'{$end - $start:.2f}')"
}

empty=$(shoot "$work/empty.html" "$work/empty.png" 1280,900)
echo "chromium on an empty page: $empty s (start-up)"
for name in samples corpus; do
    page="$out/$name.html"
    first=$(shoot "$page" "$out/$name.png" 1280,900)
    full=$(shoot "$page" "$out/$name-full.png" 1280,5000)
    echo "$name.html: $(stat -c %s "$page") bytes; screenshot $first s (1280x900), $full s (1280x5000)"
done
echo "wrote $out/*.png and $out/*.html"
