#!/usr/bin/env python3
# check-privacy.py SRCROOT
#
# Tirkeu makes no network connection and needs no file system access:
# - no network API in src/ (sockets, resolvers, HTTP clients, D-Bus
#   activation of network services);
# - the flatpak manifest's finish-args are exactly display, IPC and GPU
#   (saving and printing go through the portals).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import pathlib
import re
import sys

NETWORK_API = re.compile(
    r'\b(?:g_socket\w*|GSocket\w*|g_network\w*|GNetwork\w*|g_resolver\w*|GResolver'
    r'|soup_\w+|Soup\w+|curl_\w+|CURL\w*|getaddrinfo|gethostbyname|socket\s*\('
    r'|xmlNanoHTTP\w*|xmlNanoFTP\w*|xmlIOHTTP\w*|xmlIOFTP\w*)')
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']


def main():
    root = pathlib.Path(sys.argv[1])
    errors = []
    for path in sorted(root.glob('src/**/*.[ch]')):
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
            match = NETWORK_API.search(line)
            if match:
                errors.append(f'{path.relative_to(root)}:{number}: network API {match.group(0)}')
    manifest = json.loads((root / 'flatpak' / 'io.github.tirkeu.Tirkeu.json').read_text())
    if manifest.get('finish-args') != FINISH_ARGS:
        errors.append(f'flatpak finish-args are {manifest.get("finish-args")}, expected {FINISH_ARGS}')
    for error in errors:
        print(error)
    print(f'{len(errors)} problems')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
