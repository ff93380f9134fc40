#!/bin/sh
# test-cli-print.sh TIRKEU-CLI: `tirkeu-cli checklist --print[=QUEUE]` against
# the private cupsd of with-cupsd.sh (TAP on stdout).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli=$1
queue=$TIRKEU_CUPS_QUEUE
out=$(mktemp -d /tmp/tirkeu-cli-print-XXXXXX)
before=$(ls "$TIRKEU_CUPS_PDF_DIR" 2>/dev/null)
n=0
failed=0

result() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        sed 's/^/# /' "$out/out" "$out/err"
        failed=1
    fi
}

# run EXPECTED-STATUS ARG...: runs tirkeu-cli checklist, 0 if the status matches.
run() {
    expected=$1
    shift
    "$cli" checklist --date=2026-11-28 --lang=kk,en status=citizen \
        "$@" >"$out/out" 2>"$out/err"
    status=$?
    echo "exit $status" >>"$out/err"
    [ "$status" -eq "$expected" ]
}

wait_completed() {
    i=0
    while [ $i -lt 600 ]; do
        lpstat -W completed -o "$queue" 2>/dev/null | grep -q "^$1 " && return 0
        i=$((i + 1))
        sleep 0.1
    done
    return 1
}

echo "TAP version 13"

run 0 --print="$queue" && grep -Eqx "$queue-[0-9]+" "$out/out" && wait_completed "$(cat "$out/out")"
result $? "--print=QUEUE prints the job id and the job completes"

run 4 --print && grep -q "no default printer queue" "$out/err" && [ ! -s "$out/out" ]
result $? "--print without a default queue: exit 4 with the reason"

lpadmin -d "$queue" && run 0 --paper=letter --print && grep -Eqx "$queue-[0-9]+" "$out/out" \
    && wait_completed "$(cat "$out/out")"
result $? "--print sends to the default queue"

run 4 --print=NoSuchQueue && grep -q "“NoSuchQueue”" "$out/err"
result $? "--print=UNKNOWN: exit 4 naming the queue"

cupsreject "$queue" && run 4 --print="$queue" && grep -q "refused the job" "$out/err" \
    && grep -q "not accepting jobs" "$out/err"
result $? "a refused job: exit 4 with CUPS's reason"
cupsaccept "$queue"

run 2 --print="$queue" --output="$out/x.pdf" && [ ! -e "$out/x.pdf" ]
result $? "--print and --output together: exit 2"

run 2 && grep -q -- "--output or --print is required" "$out/err"
result $? "neither --print nor --output: exit 2"

# cups-pdf's files of these jobs.
for f in $(ls "$TIRKEU_CUPS_PDF_DIR" 2>/dev/null); do
    echo "$before" | grep -qx "$f" || rm -f "$TIRKEU_CUPS_PDF_DIR/$f"
done
rm -rf "$out"
echo "1..$n"
exit $failed
