#!/bin/sh
# run.sh: install what is missing, build, and start Tirkeu from the build
# directory (BUILD_DIR, default build). Arguments go to the app.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

caller_dir=$PWD
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
export BUILD_DIR

build-aux/tirkeu-setup.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    cat >&2 <<MSG
No display found: Tirkeu's window needs a graphical session (X11 or Wayland).
It is built; without a display, use the command-line tool:
    $BUILD_DIR/src/cli/tirkeu-cli --help
or start the window on a virtual display:
    xvfb-run -a build-aux/run.sh
MSG
    exit 1
fi

# The uninstalled app: schema and translations from the build directory
# (meson.add_devenv in meson.build), files relative to where we were called.
exec meson devenv -C "$BUILD_DIR" --workdir "$caller_dir" tirkeu "$@"
