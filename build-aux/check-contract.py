#!/usr/bin/env python3
# check-contract.py SRCROOT: src/contract.md holds the public contract
# (shared/spec/contract.md) word for word between its markers, and the
# README points to it. Without shared/ beside the checkout only the
# repository's side is checked.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sys

root = sys.argv[1]
ours = open(os.path.join(root, 'src', 'contract.md'), encoding='utf-8').read()
begin, end = '<!-- contract:begin -->\n', '<!-- contract:end -->'
if begin not in ours or end not in ours:
    sys.exit('src/contract.md: the contract:begin/contract:end markers are missing')
body = ours.split(begin, 1)[1].split(end, 1)[0]
for needed in ('## Exit codes', '`sources`', 'route:iin_at_mission', 'visa_exemption'):
    if needed not in body:
        sys.exit(f'src/contract.md: the contract lacks {needed!r}')
readme = open(os.path.join(root, 'README.md'), encoding='utf-8').read()
if 'src/contract.md' not in readme:
    sys.exit('README.md does not point to src/contract.md')
shared = os.path.join(root, '..', 'shared', 'spec', 'contract.md')
if os.path.exists(shared):
    if open(shared, encoding='utf-8').read() != body:
        sys.exit('src/contract.md differs from shared/spec/contract.md: copy it again')
    print('in step with', os.path.normpath(shared))
else:
    print('shared/spec/contract.md is not beside this checkout: checked the copy only')
