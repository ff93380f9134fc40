#!/bin/sh
# bench-gui-startup.sh - time from process start to the first frame of the
# Tirkeu window, and its peak memory, against the smallest GTK 4 app (a
# benchmark, not a test).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/bench-gui-startup.sh BUILD_DIR [RUNS]
#
# Both programs print the wall-clock time of their first frame when
# TIRKEU_BENCH_FIRST_FRAME=1 (a frame-clock "after-paint" hook in
# src/gui/main.c and tests/bench/bench-gtk-hello.c) and then quit. The
# start is taken just before the exec; peak RSS and the CPU time of the
# process (user + system, all threads, to its exit) come from GNU time. The
# first run is reported apart (cold caches); the figures are medians of the
# RUNS after it. Without a display it re-runs itself under xvfb-run (GTK's
# default renderer, GL through llvmpipe) and dbus-run-session.
set -eu

build=${1:?usage: bench-gui-startup.sh BUILD_DIR [RUNS]}
runs=${2:-15}
build=$(cd "$build" && pwd)
tirkeu="$build/src/gui/tirkeu"
hello="$build/tests/bench/bench-gtk-hello"
for exe in "$tirkeu" "$hello"; do
  [ -x "$exe" ] || { echo "no $exe: build first (ninja -C $build)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt install time)" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ] && [ -z "${BENCH_UNDER_XVFB:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run" >&2; exit 77; }
  BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$0" "$build" "$runs"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache"

# What a user's session gives: a settings backend, home folders (empty: no
# saved answers), one cache kept from run to run (Mesa's shader cache).
export GSETTINGS_SCHEMA_DIR="$build/resources" GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export TIRKEU_LOCALEDIR="$build/po" TIRKEU_BENCH_FIRST_FRAME=1 LC_ALL=C.UTF-8

# One run: prints "MS KB CPU_MS" (first-frame time, peak RSS, CPU time).
run_once () {
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$tmp/rss" "$1" > "$tmp/out" 2> "$tmp/err" || {
    echo "$1 failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  frame=$(sed -n 's/^tirkeu-first-frame-us=//p' "$tmp/out")
  [ -n "$frame" ] || { echo "$1 printed no first frame" >&2; cat "$tmp/err" >&2; exit 1; }
  tail -n 1 "$tmp/rss" | awk -v f="$frame" -v s="$start" \
    '{ printf "%.1f %d %.0f\n", (f * 1000 - s) / 1e6, $1, ($2 + $3) * 1000 }'
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# Prints "FIRST_MS MEDIAN_MS MEDIAN_RSS_KB MAX_RSS_KB MEDIAN_CPU_MS" for one program.
measure () {
  first=$(run_once "$1" | cut -d' ' -f1)
  : > "$tmp/runs"
  i=0
  while [ "$i" -lt "$runs" ]; do
    run_once "$1" >> "$tmp/runs"
    i=$((i + 1))
  done
  ms=$(cut -d' ' -f1 "$tmp/runs" | median)
  rss=$(cut -d' ' -f2 "$tmp/runs" | median)
  max=$(cut -d' ' -f2 "$tmp/runs" | sort -n | tail -n 1)
  cpu=$(cut -d' ' -f3 "$tmp/runs" | median)
  echo "$first $ms $rss $max $cpu"
}

set -- $(measure "$tirkeu")
t_first=$1 t_ms=$2 t_rss=$3 t_max=$4 t_cpu=$5
set -- $(measure "$hello")
h_first=$1 h_ms=$2 h_rss=$3 h_cpu=$5

if [ -n "${GSK_RENDERER:-}" ]; then
  echo "renderer: $GSK_RENDERER"
elif [ -d /dev/dri ]; then
  echo "renderer: as started (a GPU: GTK's default, GL)"
else
  echo "renderer: as started (no /dev/dri: tirkeu turns GL off and draws with cairo; gtk-hello uses GL, llvmpipe)"
fi
echo "tirkeu: first frame median $t_ms ms over $runs runs (first run $t_first ms), peak RSS median $((t_rss / 1024)) MB (max $((t_max / 1024)) MB), CPU of the process $t_cpu ms"
echo "baseline gtk-hello (one window, no rules, no resources): first frame median $h_ms ms (first run $h_first ms), peak RSS $((h_rss / 1024)) MB, CPU $h_cpu ms"
awk -v t="$t_ms" -v h="$h_ms" -v tr="$t_rss" -v hr="$h_rss" 'BEGIN {
  printf "ratio: tirkeu start-up = %.2fx gtk-hello (target < 250 ms), RSS = %.2fx gtk-hello (target < 60 MB)\n", t / h, tr / hr
}'
echo "gui_first_frame_ms=$t_ms gui_first_run_ms=$t_first gui_rss_kb=$t_rss gui_cpu_ms=$t_cpu hello_first_frame_ms=$h_ms hello_rss_kb=$h_rss hello_cpu_ms=$h_cpu"
