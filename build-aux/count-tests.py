#!/usr/bin/env python3
# count-tests.py LABEL=TESTLOG.json ...
#
# Counts the results of meson test logs (one JSON object a line): OK and
# EXPECTEDFAIL pass; FAIL, TIMEOUT, ERROR (a test killed by a sanitizer or
# valgrind) and UNEXPECTEDPASS fail; SKIP is counted apart. A missing or
# empty log (its stage broke before its tests ran) counts as one failure.
# The last line printed is "N passed, N failed"; the exit status is 1 when
# anything failed.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

PASSED = {'OK', 'EXPECTEDFAIL'}
FAILED = {'FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS'}


def count(label, path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding='utf-8') as log:
            lines = [line for line in log if line.strip()]
    except OSError as error:
        print(f'{label}: no test log ({error.strerror}): counted as 1 failed')
        return 0, 1, 0
    if not lines:
        print(f'{label}: empty test log: counted as 1 failed')
        return 0, 1, 0
    for line in lines:
        entry = json.loads(line)
        result = entry.get('result')
        if result in PASSED:
            passed += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            failed += 1
            if result not in FAILED:
                result = f'unknown result {result!r}'
            print(f'{label}: {entry.get("name")}: {result}')
    print(f'{label}: {passed} passed, {failed} failed, {skipped} skipped')
    return passed, failed, skipped


def main(args):
    if not args:
        print('usage: count-tests.py LABEL=TESTLOG.json ...', file=sys.stderr)
        return 2
    totals = [0, 0, 0]
    for arg in args:
        label, _, path = arg.rpartition('=')
        for i, value in enumerate(count(label or path, path)):
            totals[i] += value
    print(f'{totals[2]} skipped')
    print(f'{totals[0]} passed, {totals[1]} failed')
    return 1 if totals[1] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
