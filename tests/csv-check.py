#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the actions table written by `iasmn list actions --format csv|tsv`
with a strict reader and checks every action's text against the expected
texts (a JSON object, reference -> text).  Run by tests/test-outputs.c.

Usage: csv-check.py csv|tsv TABLE EXPECTED.json
Prints the number of rows checked; exits 1 on the first difference."""

import csv
import io
import json
import sys

TSV_ESCAPES = {'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}


def tsv_unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == '\\':
            nxt = field[i + 1] if i + 1 < len(field) else ''
            if nxt not in TSV_ESCAPES:
                sys.exit('bad escape \\%s in %r' % (nxt, field))
            out.append(TSV_ESCAPES[nxt])
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        data = f.read()
    # RFC 4180: every record ends with CRLF.
    if not data.endswith('\r\n'):
        sys.exit('the last record does not end with CRLF')
    return list(csv.reader(io.StringIO(data, newline=''), strict=True))


def read_tsv(path):
    rows = []
    with open(path, newline='', encoding='utf-8') as f:
        for line in f:
            if not line.endswith('\n') or '\r' in line:
                sys.exit('a TSV row holds a raw line break: %r' % line)
            rows.append([tsv_unescape(x) for x in line[:-1].split('\t')])
    return rows


def main():
    kind, table, expected_path = sys.argv[1:4]
    with open(expected_path, encoding='utf-8') as f:
        expected = json.load(f)
    rows = read_csv(table) if kind == 'csv' else read_tsv(table)
    header = rows[0]
    if len(set(len(r) for r in rows)) != 1:
        sys.exit('rows of different lengths')
    ref, text = header.index('reference'), header.index('text')
    seen = {}
    for row in rows[1:]:
        seen[row[ref]] = row[text]
    for reference, want in expected.items():
        got = seen.get(reference)
        if got != want:
            sys.exit('%s: %r != %r' % (reference, got, want))
    print(len(rows) - 1)


main()
