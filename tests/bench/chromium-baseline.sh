#!/bin/sh
# chromium-baseline.sh - the trilingual checklist as HTML printed by headless
# Chromium, against Tirkeu's own PDF (a benchmark, not a test).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/chromium-baseline.sh BUILD_DIR [RUNS]
#
# BUILD_DIR holds tests/bench/bench-checklist. Prints Tirkeu's figures, then
# Chromium's median time per PDF (the whole process, as a user would run it),
# its size, and the ratios. Exits 77 (skipped) when chromium is not installed
# (Debian: apt install chromium, about 500 MB: for benchmarks only).
set -eu

build=${1:?usage: chromium-baseline.sh BUILD_DIR [RUNS]}
runs=${2:-5}
bench="$build/tests/bench/bench-checklist"
[ -x "$bench" ] || { echo "no $bench: build first (ninja -C $build)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ours=$("$bench" --runs=50 --html="$tmp/checklist.html" --pdf="$tmp/tirkeu.pdf")
echo "$ours"
tirkeu_ms=$(echo "$ours" | sed -n 's/.*tirkeu_ms=\([0-9.]*\).*/\1/p')
tirkeu_bytes=$(echo "$ours" | sed -n 's/.*tirkeu_bytes=\([0-9]*\).*/\1/p')

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium: not installed; baseline skipped (apt install chromium)"
  exit 77
fi

# The flags of shared/notes/platform.md: no sandbox (root), no GPU, no
# network chatter, no header/footer, a fresh profile each run.
: > "$tmp/times"
: > "$tmp/cpu_times"
i=0
while [ "$i" -lt "$runs" ]; do
  rm -rf "$tmp/profile" "$tmp/chromium.pdf"
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$tmp/profile" --print-to-pdf="$tmp/chromium.pdf" \
    "file://$tmp/checklist.html" >/dev/null 2>&1
  end=$(date +%s%N)
  [ -s "$tmp/chromium.pdf" ] || { echo "chromium wrote no PDF" >&2; exit 1; }
  echo $(( (end - start) / 1000000 )) >> "$tmp/times"
  # CPU of the browser and every process it started and waited for.
  awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$tmp/cpu" >> "$tmp/cpu_times"
  i=$((i + 1))
done

chromium_ms=$(sort -n "$tmp/times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
chromium_cpu_ms=$(sort -n "$tmp/cpu_times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
chromium_bytes=$(wc -c < "$tmp/chromium.pdf")
chromium_pages=$(pdfinfo "$tmp/chromium.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')

echo "chromium --print-to-pdf (same content as HTML): ${chromium_pages:-?} pages, $chromium_bytes bytes, median $chromium_ms ms over $runs runs"
echo "chromium --print-to-pdf CPU time (all its processes): median $chromium_cpu_ms ms"
echo "chromium_ms=$chromium_ms chromium_cpu_ms=$chromium_cpu_ms chromium_bytes=$chromium_bytes"
tirkeu_cpu_ms=$(echo "$ours" | sed -n 's/.*tirkeu_cpu_ms=\([0-9.]*\).*/\1/p')
awk -v t="$tirkeu_ms" -v c="$chromium_ms" -v tb="$tirkeu_bytes" -v cb="$chromium_bytes" \
  -v tc="$tirkeu_cpu_ms" -v cc="$chromium_cpu_ms" 'BEGIN {
  printf "ratio: tirkeu is %.0fx faster (target >= 50x), size %.2f of chromium'"'"'s (target <= 0.33)\n", c / t, tb / cb
  printf "ratio in CPU time: %.0fx less\n", cc / tc
}'
