#!/bin/sh
# tirkeu-setup.sh: install the Debian packages Tirkeu needs (only those
# missing), configure the build directory and build. Used by run.sh and
# test.sh; run from anywhere.
#
# Environment:
#   BUILD_DIR                build directory, relative to the source root (default: build)
#   MESON_ARGS               extra `meson setup` arguments, e.g. -Dwerror=true
#   TIRKEU_EXTRA_PACKAGES    more Debian packages to install (CI: valgrind)
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
MESON_ARGS=${MESON_ARGS:-}

# Build: compiler, meson, the libraries (libcups for `tirkeu-cli checklist
# --print`). Tests: Xvfb for the GUI, poppler to read PDFs back, the
# validators of the data files, flatpak-builder for the manifest check, the
# AT-SPI bus and python3-pyatspi for the screen-reader walk (a11y), cupsd with
# a cups-pdf queue for printing through CUPS (cups). Fonts: Noto Sans for the
# checklist, DejaVu as fallback.
PACKAGES="gcc pkgconf meson ninja-build gettext
libgtk-4-dev libgtk-4-bin libglib2.0-bin libxml2-dev libjson-glib-dev
libcairo2-dev libpango1.0-dev libharfbuzz-dev libpoppler-glib-dev libcups2-dev
iso-codes fonts-noto-core fonts-dejavu-core
desktop-file-utils appstream flatpak-builder shared-mime-info fontconfig
xvfb xauth xdotool dbus-daemon imagemagick poppler-utils
at-spi2-core python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
cups cups-client printer-driver-cups-pdf
${TIRKEU_EXTRA_PACKAGES:-}"

missing_packages() {
    for package in $PACKAGES; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) || status=
        case $status in
            *"install ok installed") ;;
            *) printf '%s ' "$package" ;;
        esac
    done
}

install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "Not a Debian system: install the equivalents of these packages yourself:" >&2
        echo "$PACKAGES" | tr '\n' ' ' >&2
        echo >&2
        return 0
    fi
    missing=$(missing_packages)
    [ -n "$missing" ] || return 0

    if [ "$(id -u)" -eq 0 ]; then
        sudo=
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        echo "These packages are missing and installing them needs root: $missing" >&2
        exit 1
    fi
    echo "Installing: $missing"
    $sudo apt-get update -q
    # shellcheck disable=SC2086 # one word a package
    $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends $missing
}

# Reuses the build directory. When MESON_ARGS differ from the last run, it
# is configured afresh (--wipe) so that no option of the earlier run lingers.
configure() {
    stamp="$BUILD_DIR/tirkeu-setup-args"
    # shellcheck disable=SC2086 # MESON_ARGS is a list of arguments
    if [ ! -f "$BUILD_DIR/meson-private/coredata.dat" ]; then
        meson setup "$BUILD_DIR" $MESON_ARGS
    elif [ "$(cat "$stamp" 2>/dev/null)" != "$MESON_ARGS" ]; then
        meson setup --wipe "$BUILD_DIR" $MESON_ARGS
    fi
    printf '%s\n' "$MESON_ARGS" >"$stamp"
}

install_packages
configure
ninja -C "$BUILD_DIR"
