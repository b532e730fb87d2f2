#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Metamorphic test: a document written another way releases no word its original withholds.

Each document is rewritten in ways that change no marking and no paragraph: every line indented
by a tab or four spaces, every space a no-break space, every space doubled, line ends as CR
alone or CRLF, the text in Latin-1 where it can be, straight quotes curly and "--" an em dash,
every blank line doubled, every line quoted with "> " or "> > " (a reply, at depth one or two),
every mark at a line's head in bold ("**(U)**", "<b>(U)</b>", "\\textbf{(U)}"), every paragraph
that opens with a mark or a number given a "- " bullet, every paragraph in HTML's "<p>...</p>".
The rewritten document is released at each target, and every word of its release (letters and
digits, in lower case, the placeholder's words aside) must be a word of the original's release
too: a word that only the rewritten document releases is text the reader read differently, and
is reported with the document, the rewriting and the target.

usage: metamorphic.py TEARLINE FILE...
"""

import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TARGETS = ("UNCLASSIFIED", "CONFIDENTIAL")

# Words of the placeholder ("(U) [WITHHELD (b)(1)]"), and those a release writes when it re-marks
# its banners and routing lines to what it keeps ("UNCLAS", "ZNR UUUUU", "EO 12958 N/A"): a
# rewriting may withhold more.
PLACEHOLDER = {"withheld", "b", "u", "1", "3", "5", "6", "unclas", "unclassified", "uuuuu", "znr",
               "n", "a", "p", "textbf"}

# Differences that are known and not leaks, each with why (document, rewriting, target).
KNOWN = {
    # Its page headers ("UNCLASSIFIED U.S. Department of State Case No.") are banners that its
    # damaged (SBUMF) raises to unknown; quoted, they are no banners, and its (U) and (SBU/NF)
    # portions are released as their own marks say.
    ("C05771574.txt", "quote", "UNCLASSIFIED"),
    ("C05771574.txt", "quote", "CONFIDENTIAL"),
    ("C05771574.txt", "quote2", "UNCLASSIFIED"),
    ("C05771574.txt", "quote2", "CONFIDENTIAL"),
    # Its "Classified By:" line is the authority block, removed; with no-break spaces or quoted
    # it is unmarked text at the document's CONFIDENTIAL//NOFORN, which the target may read.
    ("09LONDON1707.txt", "nbsp", "CONFIDENTIAL"),
    ("09LONDON1707.txt", "quote", "CONFIDENTIAL"),
    ("09LONDON1707.txt", "quote2", "CONFIDENTIAL"),
    # Its "CONFIDENTIAL" stamp in a margin, read as a bullet's text.
    ("C05792626.txt", "bullet", "CONFIDENTIAL"),
    # Its "SUBJECT : (a) Executive ..." line, withheld, keeps its label before the placeholder
    # where "<p>" stands before it: the word "SUBJECT" alone.
    ("RDP80B01676R002400040058-1.txt", "html", "UNCLASSIFIED"),
    ("RDP80B01676R002400040058-1.txt", "html", "CONFIDENTIAL"),
}

HEAD_MARK = r"^([ \t]*(?:¶ ?\d+\.? *|\d+\. *)?)(\([A-Z/, ]{1,40}\))"


def paragraphs(text):
    return re.split(r"\n[ \t]*\n", text)


def bullet(text):
    return "\n\n".join("- " + p.lstrip() if re.match(r"\s*(\(|¶|\d+\.)", p) else p
                       for p in paragraphs(text))


REWRITE = {
    "tab": lambda t: "".join("\t" + l + "\n" if l.strip() else "\n" for l in t.split("\n")),
    "indent4": lambda t: "".join("    " + l + "\n" if l.strip() else "\n" for l in t.split("\n")),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "spaces2": lambda t: re.sub(r"(?<=\S) (?=\S)", "  ", t),
    "cr": lambda t: t.replace("\n", "\r"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "smart": lambda t: t.replace('"', "\u201d").replace("'", "\u2019").replace("--", "\u2014"),
    "blank2": lambda t: t.replace("\n\n", "\n\n\n"),
    "quote": lambda t: "".join("> " + l + "\n" for l in t.split("\n")),
    "quote2": lambda t: "".join("> > " + l + "\n" for l in t.split("\n")),
    "bold": lambda t: re.sub(HEAD_MARK, r"\1**\2**", t, flags=re.M),
    "bold-html": lambda t: re.sub(HEAD_MARK, r"\1<b>\2</b>", t, flags=re.M),
    "bold-tex": lambda t: re.sub(HEAD_MARK, r"\1\\textbf{\2}", t, flags=re.M),
    "bullet": bullet,
    "html": lambda t: "\n\n".join("<p>" + p + "</p>" if p.strip() else p for p in paragraphs(t)),
    # Latin-1 where every character has a byte there, as Cablegate's mirrors write it.
    "latin1": lambda t: t.encode("latin-1") if all(ord(c) < 256 for c in t) else t.encode(),
}


def read(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def words(tearline, path, target):
    run = subprocess.run([tearline, "redact", "-q", "--no-sandbox", "--release", target, path],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    text = run.stdout.decode("utf-8", "replace").lower()
    return set(re.findall(r"[a-z0-9]+", text)) - PLACEHOLDER, run.returncode


def one(tearline, tmp, index, path):
    name = os.path.basename(path)
    text = read(path).replace("\r\n", "\n")
    found = []
    base = {t: words(tearline, path, t) for t in TARGETS}
    for how, rewrite in REWRITE.items():
        out = os.path.join(tmp, f"{index}-{how}-{name}")
        data = rewrite(text)
        with open(out, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        for target in TARGETS:
            got, rc = words(tearline, out, target)
            more = sorted(got - base[target][0])
            if rc not in (0, 1) or base[target][1] not in (0, 1):
                found.append(f"{name} {how} {target}: exit {rc} (original {base[target][1]})")
            elif more and (name, how, target) not in KNOWN:
                found.append(f"{name} {how} {target}: releases {len(more)} words the "
                             f"original withholds ({' '.join(more[:6])})")
        os.unlink(out)
    return found


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    tearline, files = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda a: one(tearline, tmp, *a), enumerate(files)))
    bad = [line for r in results for line in r]
    for line in bad:
        print("FAIL metamorphic: " + line)
    print(f"{'FAIL' if bad else 'ok  '} metamorphic: {len(files)} documents x "
          f"{len(REWRITE)} rewritings x {len(TARGETS)} targets, {len(bad)} releasing more")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
