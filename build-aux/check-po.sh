#!/bin/sh
# check-po.sh SRCROOT LANG [XGETTEXT_ARGS...]
#
# Fails unless po/LANG.po translates every message of the current sources:
# the template is extracted afresh from po/POTFILES.in (so a string added
# to the code but not yet merged into the po file counts as untranslated),
# merged without fuzzy matching, and checked with msgfmt: 0 untranslated
# and 0 fuzzy messages, valid formats and headers.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

srcroot=$1
lang=$2
shift 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tirkeu-po-$lang.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

GETTEXTDATADIRS="$srcroot/resources/gettext" \
    xgettext --directory="$srcroot" --files-from="$srcroot/po/POTFILES.in" \
    --force-po --output="$tmp/tirkeu.pot" "$@"

msgfmt --check --output-file=/dev/null "$srcroot/po/$lang.po"
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" \
    "$srcroot/po/$lang.po" "$tmp/tirkeu.pot"
msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>"$tmp/stats"
cat "$tmp/stats"

status=0
if grep -q 'fuzzy' "$tmp/stats"; then
    echo "po/$lang.po: fuzzy translations (first ones below):"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,21p'
    status=1
fi
if grep -q 'untranslated' "$tmp/stats"; then
    echo "po/$lang.po: untranslated messages (first ones below):"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,21p'
    status=1
fi
exit $status
