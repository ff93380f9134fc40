#!/bin/sh
# cli-vs-chromium.sh - whole processes: `tirkeu-cli checklist --lang=kk,en`
# against headless Chromium printing the same content as styled HTML, and
# `tirkeu-cli handbook` for one date (a benchmark, not a test).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/cli-vs-chromium.sh BUILD_DIR [RUNS] [CHROMIUM_RUNS]
#
# Prints medians of wall time per process, the files' sizes and the ratios
# (targets: at least 30x less wall time, at most half the bytes; the
# handbook under a second), then key=value lines for run.sh. Chromium is
# skipped (exit 77) when it is not installed (apt install chromium).
set -eu

build=${1:?usage: cli-vs-chromium.sh BUILD_DIR [RUNS] [CHROMIUM_RUNS]}
runs=${2:-15}
chromium_runs=${3:-5}
cli="$build/src/cli/tirkeu-cli"
bench="$build/tests/bench/bench-checklist"
[ -x "$cli" ] && [ -x "$bench" ] || { echo "build first (ninja -C $build)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export TIRKEU_LOCALEDIR="${TIRKEU_LOCALEDIR:-$build/po}"

median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Wall time of one run of a command, in ms (whole process).
once_ms () {
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# The loop case of bench-checklist.c, on the same date.
set -- status=foreigner age=34 purpose=visa visa_channel=e_visa location=abroad \
  visa_required=yes has_iin=no fingerprinted=no holds_pre2024_document=no passport_language=other
: > "$tmp/cli"
i=0
while [ "$i" -lt "$runs" ]; do
  once_ms "$cli" checklist --date=2026-11-28 --lang=kk,en --output="$tmp/cli.pdf" "$@" >> "$tmp/cli"
  i=$((i + 1))
done
cli_ms=$(median < "$tmp/cli")
cli_bytes=$(wc -c < "$tmp/cli.pdf")
cli_pages=$(pdfinfo "$tmp/cli.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "tirkeu-cli checklist --lang=kk,en (whole process): ${cli_pages:-?} pages, $cli_bytes bytes, median $cli_ms ms over $runs runs"

: > "$tmp/hb"
i=0
while [ "$i" -lt "$runs" ]; do
  once_ms "$cli" handbook --date=2026-11-28 --lang=kk,ru --output="$tmp/hb.pdf" >> "$tmp/hb"
  i=$((i + 1))
done
hb_ms=$(median < "$tmp/hb")
hb_pages=$(pdfinfo "$tmp/hb.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "tirkeu-cli handbook --lang=kk,ru (whole process, every outcome of 2026-11-28): ${hb_pages:-?} pages, $(wc -c < "$tmp/hb.pdf") bytes, median $hb_ms ms over $runs runs (target < 1000 ms)"
echo "cli_kk_en_ms=$cli_ms cli_kk_en_bytes=$cli_bytes handbook_ms=$hb_ms handbook_pages=${hb_pages:-0}"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium: not installed; baseline skipped (apt install chromium)"
  exit 77
fi
"$bench" --html-only --html-langs=kk,en --html="$tmp/checklist.html"
: > "$tmp/chr"
i=0
while [ "$i" -lt "$chromium_runs" ]; do
  rm -rf "$tmp/profile" "$tmp/chromium.pdf"
  once_ms "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --no-pdf-header-footer --user-data-dir="$tmp/profile" --print-to-pdf="$tmp/chromium.pdf" \
    "file://$tmp/checklist.html" >> "$tmp/chr"
  [ -s "$tmp/chromium.pdf" ] || { echo "chromium wrote no PDF" >&2; exit 1; }
  i=$((i + 1))
done
chr_ms=$(median < "$tmp/chr")
chr_bytes=$(wc -c < "$tmp/chromium.pdf")
chr_pages=$(pdfinfo "$tmp/chromium.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "chromium --print-to-pdf (kk,en as HTML, whole process): ${chr_pages:-?} pages, $chr_bytes bytes, median $chr_ms ms over $chromium_runs runs"
echo "chromium_kk_en_ms=$chr_ms chromium_kk_en_bytes=$chr_bytes"
awk -v t="$cli_ms" -v c="$chr_ms" -v tb="$cli_bytes" -v cb="$chr_bytes" 'BEGIN {
  printf "ratio: tirkeu-cli takes %.1fx less wall time (target >= 30x), its file is %.2f of chromium'"'"'s (target <= 0.5)\n", c / t, tb / cb
}'
