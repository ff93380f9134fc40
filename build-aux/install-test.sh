#!/bin/sh
# install-test.sh MESON BUILDDIR APP_ID VERSION BINDIR DATADIR LOCALEDIR
#
# `meson install` into a fresh DESTDIR, then checks what landed there and
# runs the installed tirkeu-cli. TAP output. The *DIR arguments are the
# absolute installation paths (prefix included).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

meson=$1 builddir=$2 app_id=$3 version=$4 bindir=$5 datadir=$6 localedir=$7

destdir=$(mktemp -d "${TMPDIR:-/tmp}/tirkeu-install.XXXXXX") || exit 1
trap 'rm -rf "$destdir"' EXIT INT TERM

n=0
failed=0
check() {  # check DESCRIPTION COMMAND...
    desc=$1
    shift
    n=$((n + 1))
    if out=$("$@" 2>&1); then
        echo "ok $n - $desc"
    else
        echo "not ok $n - $desc"
        printf '%s\n' "$out" | sed 's/^/# /'
        failed=$((failed + 1))
    fi
}

root=$destdir
check "meson install --destdir" \
    "$meson" install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet
for f in "$bindir/tirkeu-cli" "$bindir/tirkeu"; do
    check "$f is an executable" test -x "$root$f"
done
for f in "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
         "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "$datadir/mime/packages/$app_id.xml" \
         "$localedir/kk/LC_MESSAGES/tirkeu.mo" \
         "$localedir/ru/LC_MESSAGES/tirkeu.mo"; do
    check "$f is installed" test -s "$root$f"
done

cli_version() {
    v=$(env -u TIRKEU_LOCALEDIR "$root$bindir/tirkeu-cli" --version) || return 1
    printf '%s\n' "$v"
    case $v in *"$version"*) return 0 ;; *) return 1 ;; esac
}
check "installed tirkeu-cli --version prints $version" cli_version
check "installed desktop file is valid" \
    desktop-file-validate "$root$datadir/applications/$app_id.desktop"
check "installed metainfo is valid" \
    appstreamcli validate --no-net --strict --explain "$root$datadir/metainfo/$app_id.metainfo.xml"
check "installed schemas compile" \
    glib-compile-schemas --strict --dry-run "$root$datadir/glib-2.0/schemas"

echo "1..$n"
[ "$failed" -eq 0 ]
