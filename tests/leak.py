#!/usr/bin/env python3
"""leak.py: an end-to-end leak checker for tearline releases, written apart from the filter.

It reads the ORIGINAL document with its own idea of the marking rules (tests/leak.py shares no
code or pattern with filter/ or policies/), decides which text a release for a target must
withhold and which it may keep, and compares both with the RELEASE as 8-word shingles (runs of
eight words, lower-cased, punctuation ignored):

    leaked     shingles of withheld text found in the release (must be none)
    retention  share of the keepable shingles found in the release

Targets: U (a public release: only unclassified portions with no handling control) and C
(United States readers cleared to CONFIDENTIAL: SECRET and TOP SECRET withheld). S is accepted too.

How it reads a document (from the project's issue 2, in its own words):
  * lines end at LF, CRLF or a lone CR; UTF-8, or else Latin-1;
  * routing lines before the first banner, banner lines, page headers, caption lines, and the
    administrative lines (E.O., TAGS, Classified By, Reason, Derived From, Declassify On) are
    structure: they count on neither side;
  * a portion starts with a mark in parentheses at the start of a line, after an optional label
    (a number, a letter, a paragraph sign, a dash or a bullet), or after "SUBJECT:"; it runs to the
    next mark; a mark with no label after a text line that does not finish a sentence only raises
    the text it continues. A blank line ends a paragraph, except around a page header: a page
    break (blank lines and a page header) does not end the sentence it cuts;
  * unmarked text before the first mark takes the banner's level, raised by every mark in the
    document (level and controls), and a SENSITIVE, SBU, FOUO or LOU caption controls it; the
    SUBJECT line and the lines that continue it form their own portion;
  * with no banner and no marks, everything is withheld;
  * a mark whose tokens this checker does not know is withheld at every target.

Usage:
    leak.py --release U ORIGINAL RELEASE
    leak.py --release U --run 'COMMAND ARGS' [--min-retention 0.95] FILE...
        (runs COMMAND FILE for each FILE and checks what it prints; exit status 1 on any leak,
        any failed run, or a mean retention below the minimum)
"""
import argparse
import re
import shlex
import subprocess
import sys

SHINGLE = 8

# Levels by portion abbreviation and by banner word.
PORTION_LEVELS = {"U": 0, "C": 1, "S": 2, "TS": 3}
BANNER_LEVELS = [("TOPSECRET", 3), ("SECRET", 2), ("CONFIDENTIAL", 1), ("UNCLASSIFIED", 0),
                 ("UNCLAS", 0)]
TARGETS = {"U": 0, "C": 1, "S": 2}

# Controls that keep a portion from the public but not from cleared US readers.
US_CONTROLS = {"NF", "NOFORN", "NOT RELEASABLE TO FOREIGN NATIONALS", "FOUO",
               "FOR OFFICIAL USE ONLY", "SBU", "SENSITIVE BUT UNCLASSIFIED", "SENSITIVE", "LOU",
               "LIMITED OFFICIAL USE", "LES", "LAW ENFORCEMENT SENSITIVE", "SBU-NF", "LES-NF",
               "FGI", "RELIDO", "SSI"}
# Controls that no target without them may see.
CLOSED_CONTROLS = {"ORCON", "OC", "ORCON-USGOV", "OC-USGOV", "PROPIN", "PR", "IMCON", "IMC",
                   "RSEN", "RS", "DSEN", "FISA", "RAWFISA", "SI", "COMINT", "TK", "HCS"}
# Distribution and review captions: no effect on who may read.
DISTRIBUTION = {"SIPDIS", "NOT FOR INTERNET DISTRIBUTION", "EXDIS", "XD", "NODIS", "ND", "LIMDIS",
                "DS", "MR"}
# Controls that stand alone as an unclassified mark.
STANDALONE = {"SBU", "LOU", "SBU-NF"}
CAPTION_WORDS = {"SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "MR", "NOT",
                 "FOR", "INTERNET", "DISTRIBUTION", "BUT", "UNCLASSIFIED", "HANDLE",
                 "ACCORDINGLY", "OFFICIAL", "USE", "ONLY", "LIMITED", "FOUO", "SBU", "LOU"}
CONTROLLING_CAPTIONS = ("SENSITIVE", "SBU", "FOUO", "FOR OFFICIAL USE ONLY",
                        "LIMITED OFFICIAL USE")

LABEL_RE = re.compile(
    r"""^[ \t\u00a0]*
        (?P<label>
            (?:\u00b6|(?i:para(?:graph)?\.?))[ \t]*\d{1,3}[ \t]*\.?  # paragraph sign, "Para 4"
          | \d{1,3}(?:\.\d{1,3})*[ \t]*[.)]?                   # 4. 4) 4.1
          | [A-Za-z]{1,4}[.)]                                  # A. b) iv.
          | \([0-9A-Za-z]{1,4}\)                               # (1) (a) (iv)
          | -{1,2} | [*o\u2022]                                # dashes and bullets
        )?
        [ \t\u00a0]*\((?P<mark>[^()]{1,80})\)""", re.X)
SUBJECT_RE = re.compile(r"^[ \t]*SUBJ(?:ECT)?[ \t]*:[ \t]*(?:\((?P<mark>[^()]{1,80})\))?")
BANNER_RE = re.compile(
    r"^[ \t]*(?P<level>(?:T ?O ?P )?S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"
    r"|UNCLAS(?:SIFIED)?)(?://[A-Z0-9 ,/-]*)?"
    r"(?:[ \t]+(?:SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+)?[ \t]*(?:[A-Z][A-Z .'-]*[ \t]+\d{3,6})?)?[ \t]*$",
    re.I)
PAGE_RE = re.compile(r"^[ \t]*[A-Z][A-Z .'-]* \d{5,8}[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}[ \t]*$")
ADMIN_RE = re.compile(
    r"^[ \t]*(?:E\.?[ \t]?O\.?[ \t]*\d{5}|TAGS?\b|classified[ \t]+by\b|reasons?[ \t]*:?[ \t]*1[./]"
    r"|derived[ \t]+from\b|declassify[ \t]+on\b)", re.I)
WORD_RE = re.compile(r"[^\W_]+", re.U)


def decode(raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def split_lines(text):
    return re.split(r"\r\n|\r|\n", text)


class Mark:
    """A parsed portion mark: level, whether it carries US-only or closed controls, unknown."""

    def __init__(self, level, us=False, closed=False, unknown=False):
        self.level, self.us, self.closed, self.unknown = level, us, closed, unknown

    def join(self, other):
        return Mark(max(self.level, other.level), self.us or other.us,
                    self.closed or other.closed, self.unknown or other.unknown)


def classify(mark, token):
    """Adds one control token (between slashes) to mark."""
    up = token.upper()
    if up.startswith("REL"):
        mark.us = True          # a REL TO list: no bar to US readers, but not public
    elif up in US_CONTROLS or up.startswith("FGI "):
        mark.us = True
    elif up in CLOSED_CONTROLS:
        mark.closed = True
    elif up in DISTRIBUTION:
        pass
    elif "-" in up:
        for piece in up.split("-"):
            classify(mark, piece)
    else:
        mark.unknown = True


def parse_mark(text):
    """Returns a Mark, or None when the parenthesised text is not a mark at all."""
    s = re.sub(r"[ \t\u00a0]+", " ", text).strip()
    head = re.match(r"(TS|SBU-NF|SBU|LOU|S|C|U)(?=$|[ /-])", s)
    if head is None:
        return None
    tok = head.group(1)
    mark = Mark(0, us=True) if tok in STANDALONE else Mark(PORTION_LEVELS[tok])
    for part in re.split(r"/+", s[head.end():]):
        part = part.strip(" -")
        if part:
            classify(mark, part)
    return mark


def withhold(mark, target):
    """Whether a release for target must withhold text under mark."""
    if mark.unknown or mark.closed:
        return True
    if mark.level > TARGETS[target]:
        return True
    return target == "U" and mark.us


def finishes_sentence(line):
    line = line.rstrip()
    return line == "" or line[-1] in ".:;!?\"')]\u201d\u2019"


def is_structure(line, before_banner):
    if before_banner:
        return True
    if PAGE_RE.match(line) or ADMIN_RE.match(line) or BANNER_RE.match(line):
        return True
    words = re.findall(r"[A-Za-z]+", line)
    return bool(words) and all(w.upper() in CAPTION_WORDS for w in words)


class Part:
    """A portion: its own mark (None when unmarked), whether it is the SUBJECT, whether its mark
    only raises the portion before it, and its lines."""

    def __init__(self, mark, subject=False, joined=False):
        self.mark, self.subject, self.joined, self.lines = mark, subject, joined, []


def portions(text):
    """Splits a document into Parts. Returns (parts, banner level or None, caption-controlled)."""
    lines = split_lines(text)
    banner_at = next((i for i, ln in enumerate(lines) if BANNER_RE.match(ln)), None)
    banner_level = None
    if banner_at is not None:
        word = re.sub(r"[ \t]", "", BANNER_RE.match(lines[banner_at]).group("level")).upper()
        banner_level = next(level for name, level in BANNER_LEVELS if word.startswith(name))
    caption = any(ln.strip().upper().rstrip(" .") in CONTROLLING_CAPTIONS or
                  ln.strip().upper().startswith("SENSITIVE BUT UNCLASSIFIED")
                  for ln in lines)
    parts = [Part(None)]
    prev_text = None        # the last text line, for the continuation rule
    in_subject = False      # on the SUBJECT line or a line that continues it
    has_marks = False
    blank = page = False    # what stands between the last text line and this one
    for i, ln in enumerate(lines):
        if is_structure(ln, banner_at is not None and i < banner_at):
            in_subject = False
            page = page or bool(PAGE_RE.match(ln))
            parts[-1].lines.append(None)    # text does not run across a structure line
            continue
        if ln.strip() == "":
            in_subject = False
            blank = True
            parts[-1].lines.append(ln)
            continue
        if blank and not page:
            prev_text = None    # a blank line ends a paragraph, unless a page break made it
        blank = page = False
        m = SUBJECT_RE.match(ln)
        if m and not has_marks:
            mark = parse_mark(m.group("mark")) if m.group("mark") else None
            parts.append(Part(mark, subject=True))
            parts[-1].lines.append(ln[m.end():])
            in_subject = True
            prev_text = ln
            continue
        m = LABEL_RE.match(ln)
        mark = parse_mark(m.group("mark")) if m else None
        if mark is not None:
            has_marks = True
            in_subject = False
            joined = (not m.group("label") and prev_text is not None and
                      not finishes_sentence(prev_text))
            parts.append(Part(mark, joined=joined))
            parts[-1].lines.append(ln[m.end():])
        elif parts[-1].subject and not in_subject:
            # Text after the SUBJECT and its continuation lines is unmarked header text.
            parts.append(Part(None))
            parts[-1].lines.append(ln)
        else:
            parts[-1].lines.append(ln)
        prev_text = ln
    return parts, banner_level, caption


def shingles(text):
    words = WORD_RE.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def judge(original, release, target):
    """Returns (leaked shingles, retention, withheld count, keepable count)."""
    parts, banner_level, caption = portions(original)
    if banner_level is None:
        unmarked = Mark(3, unknown=True)    # nothing proves unmarked text releasable
    else:
        # A banner lower than the marks it covers does not lower unmarked text: it takes every
        # mark of the document too.
        unmarked = Mark(banner_level, us=caption)
        for part in parts:
            if part.mark is not None:
                unmarked = unmarked.join(part.mark)
    hold, keep = set(), set()
    eff = None
    for part in parts:
        mark = part.mark if part.mark is not None else unmarked
        if part.joined and eff is not None:
            mark = eff.join(mark)
        eff = mark
        text = "\n".join("\f" if ln is None else ln for ln in part.lines)
        for segment in text.split("\f"):
            (hold if withhold(mark, target) else keep).update(shingles(segment))
    hold -= keep
    got = shingles(release)
    leaked = hold & got
    retention = len(keep & got) / len(keep) if keep else 1.0
    return leaked, retention, len(hold), len(keep)


def main():
    ap = argparse.ArgumentParser(description="leak checker for tearline releases")
    ap.add_argument("--release", choices=sorted(TARGETS), required=True)
    ap.add_argument("--run", help="command run as COMMAND FILE, printing the release")
    ap.add_argument("--min-retention", type=float, default=0.0)
    ap.add_argument("--show", action="store_true", help="print every leaked shingle")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    if a.run is None and len(a.files) != 2:
        ap.error("give ORIGINAL RELEASE, or --run COMMAND FILE...")
    pairs = []
    if a.run is None:
        with open(a.files[0], "rb") as f, open(a.files[1], "rb") as g:
            pairs.append((a.files[0], f.read(), g.read(), 0))
    else:
        for name in a.files:
            with open(name, "rb") as f:
                raw = f.read()
            p = subprocess.run(shlex.split(a.run) + [name], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            pairs.append((name, raw, p.stdout, p.returncode))
    bad = False
    rets = []
    total = 0
    for name, raw, out, rc in pairs:
        if rc != 0:
            print("FAIL %s: exit %d" % (name, rc))
            bad = True
            continue
        leaked, ret, nhold, nkeep = judge(decode(raw), decode(out), a.release)
        rets.append(ret)
        total += len(leaked)
        print("%s %s: leaked %d of %d, retention %.3f of %d" %
              ("LEAK" if leaked else "ok  ", name, len(leaked), nhold, ret, nkeep))
        if a.show:
            for s in sorted(leaked):
                print("     " + s)
        bad = bad or bool(leaked)
    mean = sum(rets) / len(rets) if rets else 0.0
    print("release %s: files %d, leaked %d, mean retention %.3f" % (a.release, len(pairs), total, mean))
    if mean < a.min_retention:
        print("FAIL mean retention %.3f is below %.3f" % (mean, a.min_retention))
        bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
