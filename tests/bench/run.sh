#!/bin/sh
# run.sh - every Tirkeu benchmark, and the README table (not part of meson test)
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/run.sh [BUILD_DIR]        (default: build-bench)
#
# Configures BUILD_DIR with buildtype=release if it does not exist, builds,
# runs each benchmark with its baseline in the same run, prints every
# figure, keeps the full output in BUILD_DIR/bench-log.txt, and rewrites
# the table of README.md between <!-- bench:begin --> and <!-- bench:end -->
# (NO_README=1 leaves README.md alone). RUNS (default 15) sets the number of
# process runs per figure, CHROMIUM_RUNS (default 5) Chromium's. The GUI
# figures need xvfb-run (package xvfb) unless a display is set; the
# Chromium baseline needs chromium (apt install chromium, ~500 MB).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-bench}
runs=${RUNS:-15}
chromium_runs=${CHROMIUM_RUNS:-5}
bench="$src/tests/bench"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" --buildtype=release
fi
ninja -C "$build" >/dev/null
build=$(cd "$build" && pwd)
buildtype=$(meson introspect --buildoptions "$build" |
  python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))' \
  2>/dev/null || echo "?")

log="$build/bench-log.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8 TZ=UTC

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
machine="$(nproc) × ${cpu:-unknown CPU}"
mshort="$(nproc) CPU, $(echo "${cpu:-?}" | awk '{ print $1, $2 }')"
load_start=$(cut -d' ' -f1 /proc/loadavg)

say () { echo "$*" | tee -a "$log"; }
# key=value from a benchmark's output
field () { sed -n "s/^\(.*[[:space:]]\)\{0,1\}$2=\([-0-9.]*\).*/\2/p" "$1" | tail -n 1; }

: > "$log"
say "Tirkeu benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $machine, load $load_start, build $buildtype"

# Under Xvfb (and a session bus) when there is no display.
gui_run () {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$@"
  fi
}

# ---- checklist PDF against Chromium ----
say ""
say "== checklist PDF (tests/bench/bench-checklist.c, chromium-baseline.sh)"
set +e
sh "$bench/chromium-baseline.sh" "$build" "$chromium_runs" > "$tmp/checklist" 2>&1
status=$?
set -e
tee -a "$log" < "$tmp/checklist"
[ "$status" -eq 0 ] || [ "$status" -eq 77 ] || { echo "chromium-baseline.sh failed" >&2; exit 1; }
pdf_ms=$(field "$tmp/checklist" tirkeu_ms)
pdf_cpu=$(field "$tmp/checklist" tirkeu_cpu_ms)
chr_cpu=$(field "$tmp/checklist" chromium_cpu_ms)
pdf_bytes=$(field "$tmp/checklist" tirkeu_bytes)
pdf_pages=$(field "$tmp/checklist" tirkeu_pages)
chr_ms=$(field "$tmp/checklist" chromium_ms)
chr_bytes=$(field "$tmp/checklist" chromium_bytes)
chr_pages=$(sed -n 's/^chromium --print-to-pdf.*: \([0-9?]*\) pages.*/\1/p' "$tmp/checklist")

# The same document class through the CLI: a whole process, as Chromium is.
loop="status=foreigner age=34 purpose=visa location=abroad visa_required=yes has_iin=no
fingerprinted=no passport_language=other"
cli="$build/src/cli/tirkeu-cli"
# Mean wall time of RUNS runs of a command, in ms.
mean_ms () {
  n=$1; shift
  start=$(date +%s%N)
  i=0
  while [ "$i" -lt "$n" ]; do
    "$@" > /dev/null
    i=$((i + 1))
  done
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN { printf "%.2f\n", (e - s) / n / 1e6 }'
}
# shellcheck disable=SC2086
cli_pdf_ms=$(mean_ms "$runs" "$cli" checklist --date=2026-11-28 --lang=kk,ru \
  --output="$tmp/cli.pdf" $loop)
cli_pdf_pages=$(pdfinfo "$tmp/cli.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
say "tirkeu-cli checklist --lang=kk,ru (whole process): ${cli_pdf_pages:-?} pages, $(wc -c < "$tmp/cli.pdf") bytes, mean $cli_pdf_ms ms over $runs runs"

# ---- evaluator ----
say ""
say "== evaluator (tests/bench/bench-evaluator.c)"
"$build/tests/core/bench-evaluator" > "$tmp/eval" 2>&1
tee -a "$log" < "$tmp/eval"
eval_rate=$(sed -n 's/^evaluate:.* = \([0-9.]*\) evaluations\/s wall.*/\1/p' "$tmp/eval")
eval_cpu_rate=$(sed -n 's/^evaluate:.*, \([0-9.]*\) evaluations\/s of CPU.*/\1/p' "$tmp/eval")
check_s=$(sed -n 's/^check-rules: .* in \([0-9.]*\) s.*/\1/p' "$tmp/eval")
check_n=$(sed -n 's/^check-rules: \([0-9]*\) combinations.*/\1/p' "$tmp/eval")
# shellcheck disable=SC2086
cli_eval_ms=$(mean_ms "$runs" "$cli" evaluate --date=2026-11-28 --json $loop)
say "baseline tirkeu-cli evaluate --json (one process per evaluation): mean $cli_eval_ms ms over $runs runs"

# ---- rules load ----
say ""
say "== rules load (tests/bench/bench-rules-load.c)"
"$build/tests/bench/bench-rules-load" --cold="$runs" > "$tmp/rules" 2>&1
tee -a "$log" < "$tmp/rules"
rules_cold=$(field "$tmp/rules" rules_cold_ms)
rules_cold_cpu=$(field "$tmp/rules" rules_cold_cpu_ms)
rules_warm=$(field "$tmp/rules" rules_warm_ms)
rules_warm_cpu=$(field "$tmp/rules" rules_warm_cpu_ms)
xmlread=$(field "$tmp/rules" xmlread_ms)
xmlread_cpu=$(field "$tmp/rules" xmlread_cpu_ms)
xmllint=$(field "$tmp/rules" xmllint_ms)
xmllint_cpu=$(field "$tmp/rules" xmllint_cpu_ms)

# ---- GUI ----
say ""
say "== GUI start-up (tests/bench/bench-gui-startup.sh), as a person starts it (no variables)"
sh "$bench/bench-gui-startup.sh" "$build" "$runs" > "$tmp/start" 2>/dev/null
tee -a "$log" < "$tmp/start"
say "-- the same with GSK_RENDERER=gl (GL forced)"
GSK_RENDERER=gl sh "$bench/bench-gui-startup.sh" "$build" "$runs" > "$tmp/start-gl" 2>/dev/null
tee -a "$log" < "$tmp/start-gl"
say "-- the same with GSK_RENDERER=cairo GDK_DEBUG=gl-disable (no GL at all)"
GSK_RENDERER=cairo GDK_DEBUG=gl-disable sh "$bench/bench-gui-startup.sh" "$build" "$runs" \
  > "$tmp/start-cairo" 2>/dev/null
tee -a "$log" < "$tmp/start-cairo"

say ""
say "== GUI Next-to-drawn (tests/bench/bench-gui-next.c), GTK's default renderer"
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache"
gui_run env GSETTINGS_SCHEMA_DIR="$build/resources" GSETTINGS_BACKEND=memory \
  XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  TIRKEU_LOCALEDIR="$build/po" "$build/tests/bench/bench-gui-next" --walks=5 \
  > "$tmp/next" 2>/dev/null
tee -a "$log" < "$tmp/next"
say "-- the same with GSK_RENDERER=cairo GDK_DEBUG=gl-disable"
gui_run env GSETTINGS_SCHEMA_DIR="$build/resources" GSETTINGS_BACKEND=memory \
  XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  TIRKEU_LOCALEDIR="$build/po" GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
  "$build/tests/bench/bench-gui-next" --walks=5 > "$tmp/next-cairo" 2>/dev/null
tee -a "$log" < "$tmp/next-cairo"

load_end=$(cut -d' ' -f1 /proc/loadavg)
say ""
say "load average at the end: $load_end"

# ---- the table ----
# ok VALUE OP LIMIT -> "met" / "missed"
ok () { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
  r = (op == "<") ? (v < l) : (v >= l); print (v == "" ? "?" : (r ? "met" : "**missed**")) }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "?"; else printf "%.1f", a / b }'; }
mb () { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

if [ -d /dev/dri ]; then
  as_started="this machine has a GPU (/dev/dri): GTK's default renderer"
else
  as_started="no GPU here (no /dev/dri): tirkeu draws with cairo, src/gui/trk-gsk-backend.c"
fi
gui_g_ms=$(field "$tmp/start-gl" gui_first_frame_ms)
gui_g_first=$(field "$tmp/start-gl" gui_first_run_ms)
gui_g_rss=$(field "$tmp/start-gl" gui_rss_kb)
gui_g_cpu=$(field "$tmp/start-gl" gui_cpu_ms)
hello_g_ms=$(field "$tmp/start-gl" hello_first_frame_ms)
hello_g_rss=$(field "$tmp/start-gl" hello_rss_kb)
hello_g_cpu=$(field "$tmp/start-gl" hello_cpu_ms)
gui_ms=$(field "$tmp/start" gui_first_frame_ms)
gui_first=$(field "$tmp/start" gui_first_run_ms)
gui_rss=$(field "$tmp/start" gui_rss_kb)
gui_cpu=$(field "$tmp/start" gui_cpu_ms)
hello_cpu=$(field "$tmp/start" hello_cpu_ms)
gui_c_cpu=$(field "$tmp/start-cairo" gui_cpu_ms)
hello_c_cpu=$(field "$tmp/start-cairo" hello_cpu_ms)
hello_ms=$(field "$tmp/start" hello_first_frame_ms)
hello_rss=$(field "$tmp/start" hello_rss_kb)
gui_c_ms=$(field "$tmp/start-cairo" gui_first_frame_ms)
gui_c_rss=$(field "$tmp/start-cairo" gui_rss_kb)
hello_c_ms=$(field "$tmp/start-cairo" hello_first_frame_ms)
hello_c_rss=$(field "$tmp/start-cairo" hello_rss_kb)
next_ms=$(field "$tmp/next" next_median_ms)
next_max=$(field "$tmp/next" next_max_ms)
next_cpu=$(field "$tmp/next" next_cpu_median_ms)
next_cpu_max=$(field "$tmp/next" next_cpu_max_ms)
next_c_cpu=$(field "$tmp/next-cairo" next_cpu_median_ms)
next_c_cpu_max=$(field "$tmp/next-cairo" next_cpu_max_ms)
redraw_ms=$(field "$tmp/next" redraw_ms)
walk_rss=$(field "$tmp/next" walk_rss_kb)
next_c_ms=$(field "$tmp/next-cairo" next_median_ms)
next_c_max=$(field "$tmp/next-cairo" next_max_ms)
redraw_c_ms=$(field "$tmp/next-cairo" redraw_ms)
walk_c_rss=$(field "$tmp/next-cairo" walk_rss_kb)
slowest=$(sed -n 's/.*slowest [0-9.]* ms (\([^,]*\),.*/\1/p' "$tmp/next")
cli_eval_rate=$(awk -v m="$cli_eval_ms" 'BEGIN { printf "%.0f", 1000 / m }')
naive_check=$(awk -v n="$check_n" -v r="$eval_cpu_rate" 'BEGIN { if (r > 0) printf "%.2f", n / r }')

if [ -n "$chr_ms" ]; then
  speed=$(ratio "$chr_ms" "$pdf_ms")
  size=$(awk -v a="$pdf_bytes" -v b="$chr_bytes" 'BEGIN { printf "%.2f", a / b }')
  cpu_speed=$(ratio "$chr_cpu" "$pdf_cpu")
  speed_ok=$(ok "$cpu_speed" ">=" 50)
  size_ok=$(ok "$size" "<" 0.3334)
  cold=$(ratio "$chr_ms" "$cli_pdf_ms")
  chromium_cell="Chromium \`--print-to-pdf\`, same content as HTML: $chr_ms ms ($chr_cpu ms CPU, all its processes), $chr_bytes B, $chr_pages pages (whole process, median of $chromium_runs)"
else
  speed="?" size="?" cold="?" cpu_speed="?"
  speed_ok="not measured (no chromium)"
  size_ok="$speed_ok"
  chromium_cell="chromium not installed"
fi

cat > "$tmp/table" <<EOF
<!-- bench:begin -->
Generated by \`tests/bench/run.sh\` on $(date -u +%Y-%m-%d): $machine,
build \`$buildtype\`, load average $load_start at the start and $load_end at the
end (above 1, other work shared the machine). Pure computation measured whole —
the evaluator, the rules load, the checklist against every process of
Chromium — is judged on CPU time, which is what an idle machine takes (on
an idle machine Chromium's wall time is about its CPU time); the GUI, which
also waits on the X server, is judged on wall time, with the CPU time of
its process beside it. Times are medians unless said; ratios compare with the
baseline measured in the same run. GUI figures under Xvfb
1280×800; "as started" is tirkeu with no variables set (on a machine
without a GPU it turns GL off and draws with cairo), "GL" is GTK's GL
renderer (Mesa's llvmpipe, in software, under Xvfb), "cairo" is
\`GSK_RENDERER=cairo GDK_DEBUG=gl-disable\`. Profiles and the history of each
figure: \`tests/bench/RESULTS.md\`.

| figure | target | measured | baseline (same run) | ratio | result | machine |
|---|---|---|---|---|---|---|
| checklist PDF render, trilingual kk+ru+en ($pdf_pages pages, in-process; judged on CPU time) | ≥ 50× faster than Chromium | $pdf_ms ms ($pdf_cpu ms CPU) | $chromium_cell | ${cpu_speed}× less CPU (${speed}× in wall time) | $speed_ok | $mshort |
| checklist PDF file size | ≤ ⅓ of Chromium's | $pdf_bytes B | $chr_bytes B | $size | $size_ok | $mshort |
| checklist PDF, whole process (\`tirkeu-cli checklist --lang=kk,ru\`, $cli_pdf_pages pages) | (for reference) | $cli_pdf_ms ms (mean) | Chromium whole process $chr_ms ms | ${cold}× faster | — | $mshort |
| evaluations per second, one core (random valid answer sets; per CPU-second, wall clock) | > 1 000 000 /s | $eval_cpu_rate /s CPU ($eval_rate /s wall) | \`tirkeu-cli evaluate\` per process: $cli_eval_rate /s | $(ratio "$eval_cpu_rate" "$cli_eval_rate")× | $(ok "$eval_cpu_rate" ">=" 1000000) | $mshort |
| \`check-rules\`, whole answer space ($check_n combinations) | < 1 s | $check_s s | one \`trk_evaluate\` per combination: $naive_check s | $(ratio "$naive_check" "$check_s")× faster | $(ok "$check_s" "<" 1) | $mshort |
| rules load with schema validation, cold: fresh process, schema compiled (CPU; wall) | < 5 ms | $rules_cold_cpu ms ($rules_cold ms wall) | plain \`xmlReadMemory\`: $xmlread_cpu ms; \`xmllint --relaxng\` process: $xmllint_cpu ms CPU, $xmllint ms wall | $(ratio "$rules_cold_cpu" "$xmlread_cpu")× a plain parse; xmllint $(ratio "$xmllint_cpu" "$rules_cold_cpu")× slower | $(ok "$rules_cold_cpu" "<" 5) | $mshort |
| rules load with schema validation, warm (CPU; wall) | (for reference) | $rules_warm_cpu ms ($rules_warm ms wall) | plain \`xmlReadMemory\`: $xmlread_cpu ms | $(ratio "$rules_warm_cpu" "$xmlread_cpu")× | — | $mshort |
| GUI: process start to first frame, as started ($as_started) | < 250 ms | $gui_ms ms (first run $gui_first ms; process CPU to exit $gui_cpu ms) | smallest GTK 4 app as started (GL): $hello_ms ms (CPU $hello_cpu ms) | $(ratio "$gui_ms" "$hello_ms")× | $(ok "$gui_ms" "<" 250) | $mshort |
| GUI: process start to first frame, GL forced (\`GSK_RENDERER=gl\`) | < 250 ms | $gui_g_ms ms (first run $gui_g_first ms; process CPU to exit $gui_g_cpu ms) | smallest GTK 4 app: $hello_g_ms ms (CPU $hello_g_cpu ms) | $(ratio "$gui_g_ms" "$hello_g_ms")× | $(ok "$gui_g_ms" "<" 250) | $mshort |
| GUI: process start to first frame, cairo | < 250 ms | $gui_c_ms ms (process CPU to exit $gui_c_cpu ms) | smallest GTK 4 app: $hello_c_ms ms (CPU $hello_c_cpu ms) | $(ratio "$gui_c_ms" "$hello_c_ms")× | $(ok "$gui_c_ms" "<" 250) | $mshort |
| GUI: peak RSS at first frame, as started | < 60 MB | $(mb "$gui_rss") MB | smallest GTK 4 app as started (GL): $(mb "$hello_rss") MB | $(ratio "$gui_rss" "$hello_rss")× | $(ok "$(mb "$gui_rss")" "<" 60) | $mshort |
| GUI: peak RSS at first frame, GL forced | < 60 MB | $(mb "$gui_g_rss") MB | smallest GTK 4 app: $(mb "$hello_g_rss") MB | $(ratio "$gui_g_rss" "$hello_g_rss")× | $(ok "$(mb "$gui_g_rss")" "<" 60) | $mshort |
| GUI: peak RSS at first frame, cairo | < 60 MB | $(mb "$gui_c_rss") MB | smallest GTK 4 app: $(mb "$hello_c_rss") MB | $(ratio "$gui_c_rss" "$hello_c_rss")× | $(ok "$(mb "$gui_c_rss")" "<" 60) | $mshort |
| GUI: peak RSS over a whole walk to the outcome, GL forced / cairo (as started without a GPU) | < 60 MB | $(mb "$walk_rss") / $(mb "$walk_c_rss") MB | | | $(ok "$(mb "$walk_rss")" "<" 60) / $(ok "$(mb "$walk_c_rss")" "<" 60) | $mshort |
| GUI: Next to next page drawn, GL (median of moves; slowest) | < 16 ms | $next_ms ms (CPU $next_cpu ms); $next_max ms, $slowest (CPU at most $next_cpu_max ms) | plain redraw of the page: $redraw_ms ms | $(ratio "$next_ms" "$redraw_ms")× | $(ok "$next_ms" "<" 16) / $(ok "$next_max" "<" 16) | $mshort |
| GUI: Next to next page drawn, cairo, as tirkeu starts without a GPU (median; slowest) | < 16 ms | $next_c_ms ms (CPU $next_c_cpu ms); $next_c_max ms (CPU at most $next_c_cpu_max ms) | plain redraw: $redraw_c_ms ms | $(ratio "$next_c_ms" "$redraw_c_ms")× | $(ok "$next_c_ms" "<" 16) / $(ok "$next_c_max" "<" 16) | $mshort |
<!-- bench:end -->
EOF

say ""
cat "$tmp/table" | tee -a "$log"

readme="$src/README.md"
if [ -z "${NO_README:-}" ]; then
  if grep -q '<!-- bench:begin -->' "$readme" && grep -q '<!-- bench:end -->' "$readme"; then
    awk -v table="$tmp/table" '
      /<!-- bench:begin -->/ { while ((getline line < table) > 0) print line; skip = 1; next }
      /<!-- bench:end -->/ { skip = 0; next }
      !skip { print }' "$readme" > "$tmp/README.md"
    cat "$tmp/README.md" > "$readme"
    echo "README.md: table rewritten between the bench markers"
  else
    echo "README.md has no <!-- bench:begin --> / <!-- bench:end --> markers: table not written" >&2
  fi
fi
echo "full output: $log"
