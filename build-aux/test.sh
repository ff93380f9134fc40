#!/bin/sh
# test.sh: install what is missing, build, and run the whole test suite on
# a virtual display (Xvfb, with a D-Bus session when available) so that the
# GUI tests run too. Arguments go to `meson test`, e.g. --suite core.
#
# Environment: BUILD_DIR (default build), MESON_ARGS (e.g. -Dwerror=true).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR

build-aux/tirkeu-setup.sh

set -- meson test -C "$BUILD_DIR" --print-errorlogs "$@"
if command -v dbus-run-session >/dev/null 2>&1; then
    set -- dbus-run-session -- "$@"
fi
exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
