#!/usr/bin/env python3
"""gendocs.py: writes COUNT marked documents built at random from a fixed SEED into DIR.

The documents are made to tempt a filter: valid marks in many spellings, misspelt ones
("(S,NF)", "(s//nf)", "(S//NF" unclosed), marks in mid-line and at the start of wrapped lines,
paragraph numbers with and without marks, bullets, page headers, a second banner, captions,
the authority block, a FOIA page header and subjects; a quarter in Latin-1 with CRLF, as older
cables are. Every word of text is unique ("w17"), so that a checker's shingles of text that must be
withheld cannot be found anywhere else. Used by tests/generated.test.sh.

Usage: gendocs.py COUNT SEED DIR
"""
import os
import random
import sys

MARKS = ["(U)", "(U)", "(U)", "(C)", "(S)", "(S//NF)", "(S/NF)", "(SBU)", "(U//FOUO)",
         "(C//REL TO USA, GBR)", "(TS)", "(S-NF)", "( C)", "(PRC)", "(S,NF)", "(s//nf)",
         "(S//NF", "(U) (S)", "(S) (U)", "(S1)", "(TS|SCI)", "(S//Nf)", "(C/NOFORN)",
         "(1994)", "(U/S)", "(S//REL TO USA, FVEY)", "(SBU/NF)", "\t(S)", "(S )", "(c)", "(s)"]
# Lines a document may hold between paragraphs: captions, the authority block, a FOIA page header.
EXTRA = ["NOFORN", "SIPDIS", "SENSITIVE", "Classified By: w0 for Reasons 1.4 (b, d)",
         "E.O. 12958: DECL: 11/06/2017", "TAGS: PREL PGOV",
         "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05767364 "
         "Date: 08/31/2015"]
TOP_BANNERS = ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "SECRET//NOFORN", "TOP SECRET",
               "S E C R E T SECTION 01 OF 02 MUSCAT 001065", "UNCLAS SECTION 01 OF 02 MUSCAT 001065",
               "C O N F I D E N T I A L MUSCAT 001065"]
# Banners inside a document: single words, which a release re-marks or keeps whole.
BODY_BANNERS = ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "TOP SECRET"]
LABELS = ["", "", "1. ", "2. ", "\u00b63. ", "A. ", "-- ", "(1) ", "iv) ", "12) "]


class Words:
    def __init__(self):
        self.n = 0

    def __call__(self, rng, k):
        out = []
        for _ in range(k):
            self.n += 1
            out.append("w%d%s" % (self.n, rng.choice(["", "", ",", "."])))
        return " ".join(out)


def paragraph(rng, words):
    label = rng.choice(LABELS)
    mark = rng.choice(MARKS) if rng.random() < 0.8 else ""
    first = label + (mark + " " if mark else "") + words(rng, rng.randint(3, 10))
    if rng.random() < 0.15:
        first = words(rng, 3) + " " + rng.choice(MARKS) + " " + words(rng, 4)
    lines = [first]
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.1:
            lines.append("MUSCAT 00001065 002 OF 004")
        elif r < 0.15:
            lines.append(rng.choice(BODY_BANNERS))
        elif r < 0.25:
            lines.append(rng.choice(MARKS) + " " + words(rng, 5))
        elif r < 0.3:
            lines.append(words(rng, 2) + rng.choice(MARKS) + " " + words(rng, 3))
        else:
            lines.append(words(rng, rng.randint(3, 10)))
    return lines


def document(rng):
    words = Words()
    doc = []
    if rng.random() < 0.8:
        doc.append(rng.choice(TOP_BANNERS))
    if rng.random() < 0.3:
        doc.append("NOFORN")
    doc.append("")
    if rng.random() < 0.5:
        mark = rng.choice(MARKS) + " " if rng.random() < 0.7 else ""
        doc += ["SUBJECT: " + mark + words(rng, 5).upper(), ""]
    for _ in range(rng.randint(2, 8)):
        doc += paragraph(rng, words) + [""]
        if rng.random() < 0.1:
            doc += [rng.choice(EXTRA), ""]
    if rng.random() < 0.5:
        doc.append(rng.choice(BODY_BANNERS))
    return "\n".join(doc) + "\n"


def main():
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    for i in range(count):
        rng = random.Random(seed * 100003 + i)
        text = document(rng)
        if rng.random() < 0.25:
            data = text.replace("\n", "\r\n").encode("latin-1", "replace")
        else:
            data = text.encode("utf-8")
        with open(os.path.join(out, "g%04d.txt" % i), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
