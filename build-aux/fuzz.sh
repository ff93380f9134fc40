#!/bin/bash
# fuzz.sh - build Tirkeu's libFuzzer targets with ASan + UBSan and run them
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/fuzz.sh [-t SECONDS] [TARGET[:SECONDS] ...]
#   TARGET   rules, answers, evaluate (default: all three, one after another)
#   -t       seconds per target without its own :SECONDS (default 600)
#   e.g. build-aux/fuzz.sh rules:900 evaluate:900 answers:720
#
# Targets (tests/fuzz/, see trk-fuzz.h):
#   rules     bytes -> trk_rule_set_new_from_bytes; an accepted rule set is
#             then evaluated on random answers and a wizard walk
#   answers   bytes -> trk_answers_load_bytes -> save/load round trip ->
#             trk_evaluate against the built-in rules
#   evaluate  "id=value" / "-id" / "!" / "@date" lines -> a wizard session
#             against the built-in rules -> trk_evaluate
# Every result goes through trk_result_to_json (parsed back) and
# trk_result_to_text in all three languages. A broken invariant aborts.
#
# What it does:
#   1. `CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
#      -Db_lundef=false` (once; -Dfuzzing adds -fsanitize=fuzzer-no-link) and
#      builds only the three targets and the built-in rules file.
#   2. Builds a fresh seed corpus per target in the work dir from the real
#      files: tests/fuzz/corpus/TARGET/ (hand-written files and XML attacks),
#      the built rules file, the rules and answers files under tests/fixtures/
#      and the earlier crashes (tests/fixtures/fuzz-regressions/TARGET-*).
#   3. Runs each target alone (one core) for SECONDS with the dictionary
#      tests/fuzz/tirkeu.dict, -timeout, -rss_limit_mb, leak detection on;
#      the corpus grows in WORK/TARGET/corpus across runs.
#   4. Prints executions per target and in total; exits 1 on any crash,
#      leak, timeout or out-of-memory, and keeps the inputs in
#      WORK/TARGET/crashes/ (crash-*, leak-*, timeout-*, oom-*).
#
# Environment:
#   FUZZ_BUILD    build dir (default build-fuzz, in the source tree, git-ignored)
#   FUZZ_WORK     corpus and crash dir, outside git
#                 (default ${XDG_CACHE_HOME:-~/.cache}/tirkeu-fuzz)
#   FUZZ_TIMEOUT  seconds one input may take (default 10)
#   FUZZ_RSS_MB   memory limit (default 2048)
#
# Needs clang and its runtime (Debian 12: clang, libclang-rt-14-dev).
#
# Reproducing a crash:
#   build-fuzz/tests/fuzz/fuzz-rules WORK/rules/crashes/crash-XXXX
#     prints the sanitizer's report and stack trace again; under gdb:
#   gdb --args build-fuzz/tests/fuzz/fuzz-rules WORK/rules/crashes/crash-XXXX
#   Minimize it (the smallest input that still fails):
#   build-fuzz/tests/fuzz/fuzz-rules -minimize_crash=1 -max_total_time=120 \
#     -exact_artifact_path=/tmp/min WORK/rules/crashes/crash-XXXX
#   (a leak or a timeout: add -detect_leaks=1 or -timeout=10 likewise)
#   Keep it as a regression, named TARGET-what-it-does:
#   cp /tmp/min tests/fixtures/fuzz-regressions/rules-short-description
#   meson test -C build fuzz-regressions   # replays it with gcc, no libFuzzer
#   A fixed bug's file must pass there and here:
#   build-fuzz/tests/fuzz/fuzz-rules tests/fixtures/fuzz-regressions/rules-*
# Replaying a whole corpus without fuzzing: add -runs=0 and the corpus dir.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-build-fuzz}
work=${FUZZ_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/tirkeu-fuzz}
timeout=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
seconds=600
all_targets=(rules answers evaluate)

usage () {
  sed -n '7,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while getopts "t:h" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
args=("$@")
[ ${#args[@]} -gt 0 ] || args=("${all_targets[@]}")
declare -A execs times corpus_files corpus_kb crashes run_seconds
targets=()
for arg in "${args[@]}"; do
  t=${arg%%:*}
  case " ${all_targets[*]} " in
    *" $t "*) ;;
    *) echo "fuzz.sh: unknown target '$t' (known: ${all_targets[*]})" >&2; exit 2 ;;
  esac
  targets+=("$t")
  run_seconds[$t]=$seconds
  [ "$arg" = "$t" ] || run_seconds[$t]=${arg#*:}
done

cd "$srcdir"
case $build in /*) ;; *) build=$srcdir/$build ;; esac

setup_build () {
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false
  fi
  if ! grep -q "^fuzzing *true" <(meson configure "$build" 2>/dev/null | awk '{print $1, $2}'); then
    echo "fuzz.sh: $build is not a -Dfuzzing=true build; remove it or set FUZZ_BUILD" >&2
    exit 2
  fi
  ninja -C "$build" resources/kz-dactyloscopy.rules.xml \
    "${targets[@]/#/tests/fuzz/fuzz-}"
}

# Files under tests/fixtures whose root element is $1 (rules or answers files).
fixtures_with_root () {
  grep -rlZ --include='*.xml' -e "<$1[ >]" tests/fixtures 2>/dev/null \
    | xargs -0 -r grep -LZ -e '<!DOCTYPE' | tr '\0' '\n' || true
}

# An answers file as fuzz-evaluate's lines ("@date", "id=value").
answers_to_lines () {
  sed -n -e 's/.*<answers[^>]* date="\([^"]*\)".*/@\1/p' "$1"
  grep -o '<answer id="[^"]*">[^<]*</answer>' "$1" \
    | sed 's/<answer id="\([^"]*\)">\([^<]*\)<\/answer>/\1=\2/' || true
}

make_seeds () {
  local t=$1 dir=$2 f n=0

  rm -rf "$dir"
  mkdir -p "$dir"
  cp tests/fuzz/corpus/"$t"/* "$dir"/
  for f in tests/fixtures/fuzz-regressions/"$t"-*; do
    [ -f "$f" ] && cp "$f" "$dir/regression-$(basename "$f")"
  done
  case $t in
    rules)
      cp "$build/resources/kz-dactyloscopy.rules.xml" "$dir/builtin-rules.xml"
      while read -r f; do
        [ -n "$f" ] && cp "$f" "$dir/fixture-$((n++))-$(basename "$f")"
      done < <(fixtures_with_root tirkeu-rules) ;;
    answers)
      while read -r f; do
        [ -n "$f" ] && cp "$f" "$dir/fixture-$((n++))-$(basename "$f")"
      done < <(fixtures_with_root answers) ;;
    evaluate)
      while read -r f; do
        [ -n "$f" ] || continue
        n=$((n + 1))
        answers_to_lines "$f" > "$dir/fixture-$n-$(basename "$f" .xml)"
      done < <(fixtures_with_root answers) ;;
  esac
}

count_files () {
  find "$1" -maxdepth 1 -type f | wc -l
}

# The number libFuzzer reports at exit (-print_final_stats=1).
final_stat () {
  sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -1
}

run_target () {
  local t=$1 dir=$work/$1 rc=0 start end old_crashes

  mkdir -p "$dir/corpus" "$dir/crashes"
  old_crashes=$(count_files "$dir/crashes")
  make_seeds "$t" "$dir/seeds"
  echo "== fuzz-$t: ${run_seconds[$t]}s, seeds $(count_files "$dir/seeds"), corpus $(count_files "$dir/corpus")"
  start=$(date +%s)
  "$build/tests/fuzz/fuzz-$t" -max_total_time="${run_seconds[$t]}" -timeout="$timeout" \
    -rss_limit_mb="$rss_mb" -detect_leaks=1 -print_final_stats=1 \
    -dict=tests/fuzz/tirkeu.dict -artifact_prefix="$dir/crashes/" \
    "$dir/corpus" "$dir/seeds" > "$dir/fuzz.log" 2>&1 || rc=$?
  end=$(date +%s)

  execs[$t]=$(final_stat number_of_executed_units "$dir/fuzz.log")
  execs[$t]=${execs[$t]:-0}
  times[$t]=$((end - start))
  corpus_files[$t]=$(count_files "$dir/corpus")
  corpus_kb[$t]=$(du -sk "$dir/corpus" | cut -f1)
  crashes[$t]=$(($(count_files "$dir/crashes") - old_crashes))
  if [ "$rc" -ne 0 ]; then
    failed=1
    echo "!! fuzz-$t failed (exit $rc); log: $dir/fuzz.log" >&2
    grep -E -m 5 "ERROR: |SUMMARY: |Test unit written|ERROR:" "$dir/fuzz.log" >&2 || true
  fi
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:handle_sigtrap=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8 TZ=UTC

setup_build
mkdir -p "$work"
failed=0
for t in "${targets[@]}"; do
  run_target "$t"
done

total_execs=0
total_time=0
echo
echo "| target | seconds | executions | exec/s | corpus files | corpus KiB | new crash files |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for t in "${targets[@]}"; do
  total_execs=$((total_execs + execs[$t]))
  total_time=$((total_time + times[$t]))
  echo "| $t | ${times[$t]} | ${execs[$t]} | $((execs[$t] / (times[$t] > 0 ? times[$t] : 1))) |" \
       "${corpus_files[$t]} | ${corpus_kb[$t]} | ${crashes[$t]} |"
done
echo "| total | $total_time | $total_execs | $((total_execs / (total_time > 0 ? total_time : 1))) | | | |"
echo
echo "work dir: $work"
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: FAILED: crash, leak, timeout or out-of-memory; inputs kept in $work/*/crashes" >&2
  exit 1
fi
echo "fuzz.sh: no crash, leak or hang"
