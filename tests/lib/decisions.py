#!/usr/bin/env python3
"""Compares what two policies keep and withhold on the same documents (issue 12: the default
policy reads IC documents at least as well as us-intel does, and withholds at least what it
withholds). Reads two `tearline check --format json` reports of the same files at the same
target; prints one line per file where they differ, and exits 1 when the first policy keeps a
line the second withholds (it would release more) or withholds one the second keeps (it reads
worse). Usage: decisions.py REPORT_DEFAULT REPORT_OTHER"""
import json
import sys


def lines(report):
    out = {}
    for f in json.load(open(report))["files"]:
        kept, withheld = set(), set()
        for x in f["findings"]:
            if x.get("decision") not in ("kept", "withheld"):
                continue
            span = range(x["line"], (x.get("end_line") or x["line"]) + 1)
            (kept if x["decision"] == "kept" else withheld).update(span)
        out[f["file"]] = (kept, withheld)
    return out


a, b = lines(sys.argv[1]), lines(sys.argv[2])
bad = 0
for name in sorted(set(a) | set(b)):
    ka, wa = a.get(name, (set(), set()))
    kb, wb = b.get(name, (set(), set()))
    more = sorted(ka & wb)
    worse = sorted(wa & kb)
    if more or worse or name not in a or name not in b:
        bad = 1
        print("%s: keeps %d line(s) the other withholds %s, withholds %d it keeps %s" %
              (name, len(more), more[:5], len(worse), worse[:5]))
sys.exit(bad)
