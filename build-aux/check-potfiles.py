#!/usr/bin/env python3
# check-potfiles.py SRCROOT
#
# po/POTFILES.in must list every file with translatable strings (C sources
# using _() N_() C_() NC_() or a plural/language lookup with a literal,
# .ui files with translatable="yes", the desktop file, the metainfo, the
# GSettings schema, the MIME package, the rules file), list only files that
# exist, and be sorted without duplicates.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|Q_)\s*\('
                      r'|(?<![A-Za-z0-9_])(?:trk_i18n_n?gettext|g_dngettext|ngettext)'
                      r'\s*\([^;]*?"')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')


def needs_translation(path):
    text = path.read_text(encoding='utf-8')
    if path.suffix in ('.c', '.h'):
        return C_MARKER.search(C_COMMENT.sub('', text)) is not None
    if path.suffix == '.ui':
        return UI_MARKER.search(text) is not None
    if path.name.endswith('.gschema.xml'):
        return '<summary' in text or '<description' in text
    return True


def candidates(root):
    patterns = ['src/**/*.c', 'src/**/*.h', 'ui/**/*.ui',
                'resources/*.desktop.in.in', 'resources/*.metainfo.xml.in.in',
                'resources/*.mime.xml',
                'resources/*.gschema.xml', 'resources/rules/*.xml.in']
    for pattern in patterns:
        yield from root.glob(pattern)


def main():
    root = pathlib.Path(sys.argv[1])
    lines = (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines()
    listed = [line.strip() for line in lines
              if line.strip() and not line.startswith('#')]
    errors = []

    for name in listed:
        if not (root / name).is_file():
            errors.append(f'{name}: listed in po/POTFILES.in but does not exist')
    if listed != sorted(set(listed)):
        errors.append('po/POTFILES.in is not sorted (C order) or has duplicates')
    for path in sorted(candidates(root)):
        name = path.relative_to(root).as_posix()
        if name not in listed and needs_translation(path):
            errors.append(f'{name}: has translatable strings, missing from po/POTFILES.in')

    for error in errors:
        print(error)
    print(f'{len(listed)} files listed, {len(errors)} problems')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
