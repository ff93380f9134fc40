#!/usr/bin/env python3
# check-code-map.py SRCROOT: src/README.md names every C file under src/,
# and no file there is over 700 lines (a file that grows past that hides
# more than one concept: split it along its seams).
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import sys

root = sys.argv[1]
code_map = open(os.path.join(root, 'src', 'README.md'), encoding='utf-8').read()
problems = []
for path in sorted(glob.glob(os.path.join(root, 'src', '*', '*.c'))):
    name = os.path.basename(path)
    rel = os.path.relpath(path, root)
    if f'`{name}`' not in code_map:
        problems.append(f'{rel}: not named in src/README.md')
    with open(path, encoding='utf-8') as f:
        lines = sum(1 for _ in f)
    if lines > 700:
        problems.append(f'{rel}: {lines} lines, more than 700')
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
