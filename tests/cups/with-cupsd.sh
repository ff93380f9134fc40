#!/bin/sh
# with-cupsd.sh QUEUE COMMAND [ARG...]: runs COMMAND against a private cupsd
# with one cups-pdf queue named QUEUE, then stops it.
#
# The daemon's configuration, spool, cache, logs and socket all live in a
# new temporary folder; COMMAND gets CUPS_SERVER (a domain socket there),
# TIRKEU_CUPS_QUEUE and TIRKEU_CUPS_LOG. cups-pdf writes its PDFs where its
# own configuration says (Debian: `Out ${HOME}/PDF` of the job's user);
# TIRKEU_CUPS_PDF_DIR names that folder for the requesting user.
# TIRKEU_CUPS_SPOOL is the daemon's spool, which keeps each job's document
# as it was submitted (d<JOB>-001, PreserveJobFiles).
#
# cupsd and the cups-pdf backend need root (CI runs as root): without it,
# or without cupsd, COMMAND is not run and a TAP skip plan is printed (exit
# 0), unless TIRKEU_REQUIRE_CUPS is set: then it fails (exit 1).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

queue=$1
shift

unavailable() {
    echo "with-cupsd.sh: $*" >&2
    if [ -n "${TIRKEU_REQUIRE_CUPS:-}" ]; then
        exit 1
    fi
    echo "1..0 # SKIP $* (set TIRKEU_REQUIRE_CUPS=1 to make this a failure)"
    exit 0
}

ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
[ -x /usr/sbin/cupsd ] || unavailable "no /usr/sbin/cupsd (install cups)"
[ -x /usr/sbin/lpadmin ] || unavailable "no lpadmin (install cups-client)"
[ -f "$ppd" ] || unavailable "no $ppd (install printer-driver-cups-pdf)"
[ "$(id -u)" -eq 0 ] || unavailable "cupsd and the cups-pdf backend need root"

dir=$(mktemp -d /tmp/tirkeu-cupsd-XXXXXX) || exit 1
# Filters run as the lp user: they must be able to enter the folder.
chmod 0755 "$dir"
mkdir -p "$dir/etc/ppd" "$dir/spool/tmp" "$dir/cache" "$dir/state" "$dir/log"
chmod 0755 "$dir/etc" "$dir/cache" "$dir/state" "$dir/log"
chmod 0710 "$dir/spool"
chmod 1777 "$dir/spool/tmp"
socket=$dir/cups.sock

cat >"$dir/etc/cups-files.conf" <<CONF
ServerRoot $dir/etc
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
SystemGroup root
CONF
cat >"$dir/etc/cupsd.conf" <<CONF
Listen $socket
LogLevel info
PreserveJobFiles Yes
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF

/usr/sbin/cupsd -f -c "$dir/etc/cupsd.conf" -s "$dir/etc/cups-files.conf" &
cupsd_pid=$!

stop() {
    kill "$cupsd_pid" 2>/dev/null
    wait "$cupsd_pid" 2>/dev/null
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 1' INT TERM

export CUPS_SERVER=$socket
i=0
until [ -S "$socket" ] && lpstat -r >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$cupsd_pid" 2>/dev/null; then
        cat "$dir/log/error_log" >&2 2>/dev/null
        unavailable "the private cupsd did not start"
    fi
    sleep 0.1
done

# (lpadmin warns that printer drivers are deprecated: not our concern.)
lpadmin -p "$queue" -v cups-pdf:/ -P "$ppd" -E 2>/dev/null || unavailable "lpadmin could not add $queue"

TIRKEU_CUPS_QUEUE=$queue
TIRKEU_CUPS_LOG=$dir/log/error_log
TIRKEU_CUPS_SPOOL=$dir/spool
TIRKEU_CUPS_PDF_DIR=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF
export TIRKEU_CUPS_QUEUE TIRKEU_CUPS_LOG TIRKEU_CUPS_SPOOL TIRKEU_CUPS_PDF_DIR
"$@"
