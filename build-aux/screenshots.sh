#!/bin/sh
# screenshots.sh [OUTDIR]: the metainfo's screenshots, taken from the real app
# (the built `tirkeu`, started as a user starts it, with `tirkeu FILE`) on a
# virtual display, and the checklist's first page from the built tirkeu-cli.
#
#   welcome.png    the welcome page (no earlier answers)
#   question.png   a question (an answers file with status and age only)
#   outcome.png    the outcome with the loop (tests/fixtures/answers-loop.xml,
#                  opened at the review page, then Return: See the Result)
#   checklist.png  page 1 of the English-Kazakh checklist for the same answers
#
# OUTDIR defaults to resources/screenshots. Needs a build (BUILD_DIR, default
# build), xvfb-run, xdotool, imagemagick (import) and poppler-utils
# (pdftoppm): build-aux/tirkeu-setup.sh installs them. English, a fresh state
# and default settings, so that a rerun gives the same pictures.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
srcroot=$PWD
build=$srcroot/${BUILD_DIR:-build}
out=${1:-resources/screenshots}
case $out in /*) ;; *) out=$srcroot/$out ;; esac

# Inside the virtual display: run the rest of this script there.
if [ -z "${TIRKEU_SCREENSHOTS_INNER:-}" ]; then
    TIRKEU_SCREENSHOTS_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$out"
fi

for tool in xdotool import pdftoppm; do
    command -v $tool >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$build/src/gui/tirkeu" ] || { echo "screenshots.sh: build $build first" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tirkeu-screenshots.XXXXXX")
app_pid=
cleanup() {
    [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# A fresh user: no autosave, default settings, English; no session bus, so
# each start is its own instance.
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources"
export TIRKEU_LOCALEDIR="$build/po" LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC
export GTK_A11Y=none
unset DBUS_SESSION_BUS_ADDRESS
mkdir -p "$out"

# shoot NAME [KEYS] [-- ARGS]: start tirkeu ARGS, wait for its window, press
# KEYS (xdotool key names), take the window, quit.
shoot() {
    name=$1 keys=$2
    shift 2
    rm -rf "$XDG_STATE_HOME"
    "$build/src/gui/tirkeu" "$@" &
    app_pid=$!
    window=$(xdotool search --sync --onlyvisible --pid "$app_pid" --name '^Tirkeu$' | head -n 1)
    if [ -n "$keys" ]; then
        sleep 1
        xdotool windowfocus --sync "$window"
        # shellcheck disable=SC2086 # one key name per word
        xdotool key --delay 100 $keys
    fi
    sleep 2   # the page's transition and the first frames
    import -window "$window" -strip "$out/$name.png"
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    echo "$out/$name.png"
}

cat > "$tmp/question.tirkeu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<answers date="2026-12-06">
  <answer id="status">foreigner</answer>
  <answer id="age">34</answer>
</answers>
EOF
cp tests/fixtures/answers-loop.xml "$tmp/loop.tirkeu"

shoot welcome ''
shoot question '' "$tmp/question.tirkeu"
shoot outcome Return "$tmp/loop.tirkeu"

"$build/src/cli/tirkeu-cli" checklist --answers="$tmp/loop.tirkeu" --lang=en,kk \
    --output="$tmp/checklist.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/checklist.pdf" "$tmp/checklist"
# The page on a grey desk, as a viewer shows it.
convert "$tmp/checklist.png" -bordercolor '#deddda' -border 24 -strip "$out/checklist.png"
echo "$out/checklist.png"
