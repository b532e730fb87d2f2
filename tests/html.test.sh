#!/bin/sh
# SPDX-License-Identifier: ISC
# The HTML review page of `tearline check`, in a real browser: Debian's headless Chromium loads
# the page for the seed cable at UNCLASSIFIED, dumps its DOM and logs its network activity, and
# takes two screenshots (one 1280x2000 window, one tall enough for the whole page), decoded with
# python3-pil. It asserts that the page is self-contained (no outside reference, and no request
# made by the page: a page that loads an image is the control that the log shows requests), that
# the classification banner is at the top and the bottom of the DOM and of the screen, that the
# summary table and one row per error or warning are there, that the document is a table of one
# row a line with each row coloured by its decision and its reason beside it, that the release
# column is the release `redact` writes, that the next and previous links step through every
# withheld portion without a script, that every text colour meets WCAG AA on its background, and
# that the screenshots show the banner red and both the kept green and the withheld red. The page
# printed to PDF by the browser (and rendered by poppler's pdftoppm) carries the banner at the
# head and the foot of every sheet. With CI=true a missing browser, PIL or poppler fails the
# test; without, it is skipped.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
if [ ! -x ./tearline ]; then
	echo "FAIL ./tearline is not built (run make)"
	exit 1
fi
fail=0
seed=samples/07MUSCAT1065.txt

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# missing WHAT: fails under CI, where .ci/run installs WHAT, and skips the test elsewhere.
missing() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL $1 is missing (.ci/run installs it)"
		exit 1
	fi
	echo "skip the HTML browser test: $1 is missing (apt-get install $2)"
	exit 0
}

chromium=
for c in chromium chromium-browser; do
	if command -v "$c" > /dev/null 2>&1; then
		chromium=$c
		break
	fi
done
[ -n "$chromium" ] || missing Chromium chromium
# Debian's python3-pil: under /usr/bin/python3 when another python3 comes first in PATH.
py=
for p in /usr/bin/python3 python3; do
	if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import PIL.Image' 2> /dev/null; then
		py=$p
		break
	fi
done
[ -n "$py" ] || missing "python3 with PIL" python3-pil
command -v pdftoppm > /dev/null 2>&1 || missing "poppler's pdftoppm" poppler-utils

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/home"

# browser ARGS...: headless Chromium with a fresh profile, no first-run, sync, update or
# background traffic, and no name resolved; its noise goes to $tmp/browser.log.
browser() {
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	HOME=$tmp/home timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking --disable-component-update \
	    --disable-sync --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" \
	    "$@" 2>> "$tmp/browser.log"
}

./tearline check --release UNCLASSIFIED --format html -o "$tmp/review.html" "$seed" \
    2> "$tmp/err"
rc=$?
./tearline check --release UNCLASSIFIED --format json "$seed" > "$tmp/review.json" 2> /dev/null
./tearline redact -q --release UNCLASSIFIED "$seed" > "$tmp/release.txt"
if [ "$rc" -eq 1 ] && [ -s "$tmp/review.html" ]; then
	ok "the review page is written, and check exits 1 for the seed at UNCLASSIFIED"
else
	bad "check --format html -o: exit $rc, wanted 1 and a page"
	cat "$tmp/err"
	exit 1
fi

# Self-contained: a Content-Security-Policy that allows no fetch, no script, and no src or href
# but an anchor in the page.
if grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">" \
    "$tmp/review.html"; then
	ok "the page carries a CSP that allows nothing but its own inline style"
else
	bad "the page has no CSP of default-src 'none'"
fi
if grep -q -i -E 'https?://|<script|<link|<img|<iframe|url\(|@import|(src|href)="[^#]' \
    "$tmp/review.html"; then
	bad "the page refers to something outside itself:"
	grep -o -i -E '.{20}(https?://|<script|<link|<img|<iframe|url\(|@import|(src|href)="[^#]).{20}' \
	    "$tmp/review.html" | head -5 | sed 's/^/     /'
else
	ok "the page has no http(s) address, script, link, image, frame or import"
fi

# The DOM as the browser built it, and what the page asked of the network. A page that loads an
# image from 127.0.0.1 is the control: its request must show in the log.
printf '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png">control</body></html>\n' \
    > "$tmp/control.html"
browser --log-net-log="$tmp/net.json" --dump-dom "file://$tmp/review.html" > "$tmp/dom.html"
browser --log-net-log="$tmp/net-control.json" --dump-dom "file://$tmp/control.html" \
    > /dev/null
browser --screenshot="$tmp/window.png" --window-size=1280,2000 "file://$tmp/review.html" \
    > /dev/null
browser --screenshot="$tmp/page.png" --window-size=1280,10000 "file://$tmp/review.html" \
    > /dev/null
browser --no-pdf-header-footer --print-to-pdf="$tmp/print.pdf" "file://$tmp/review.html" \
    > /dev/null
sheets=$(pdfinfo "$tmp/print.pdf" 2> /dev/null | sed -n 's/^Pages: *//p')
pdftoppm -r 50 -f 2 -l 2 -singlefile -png "$tmp/print.pdf" "$tmp/sheet" 2>> "$tmp/browser.log"

if ! "$py" - "$tmp" "$seed" "${sheets:-0}" <<'EOF'
import html.parser, json, os, re, sys
from PIL import Image

tmp, seed, sheets = sys.argv[1], sys.argv[2], int(sys.argv[3])
failed = False

def say(good, what):
    global failed
    print(("ok   " if good else "FAIL ") + what)
    failed = failed or not good

# --- The network log: no request that the page made. ---
def page_requests(path):
    """The URLs of requests a page made (the browser's own traffic has no page origin)."""
    with open(path) as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for e in log["events"]:
        p = e.get("params", {})
        if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in p and (
                p.get("initiator") != "not an origin" or
                "file://" in p.get("network_isolation_key", "")):
            found.append(p.get("url", "?"))
    return found

try:
    control = page_requests(os.path.join(tmp, "net-control.json"))
    review = page_requests(os.path.join(tmp, "net.json"))
    say(any("127.0.0.1:9" in u for u in control),
        "the network log shows the control page's request (%d)" % len(control))
    say(review == [], "the review page made no network request%s" %
        (" %s" % review[:3] if review else ""))
except (OSError, ValueError, KeyError) as e:
    say(False, "no network log from the browser: %s" % e)

# --- The DOM. ---
class Dom(html.parser.HTMLParser):
    """Collects the body's top-level elements, the tables' rows, the document table's cells, the
    step links, every id and every link in the page."""
    def __init__(self):
        super().__init__()
        self.top = []          # (tag, id) of each child of body
        self.text = {}         # id -> text, for the banners
        self.rows = {}         # table class or id -> number of rows with class "finding"
        self.tables = []
        self.doc = []          # rows of table.doc's body: (tr class, [(tag, class, id, text)])
        self.steps = []        # (id, row number, {link text: href})
        self.ids, self.hrefs = set(), []
        self.stack = []
        self.in_body = False
        self.summary = False
        self.headers = []      # table.doc's column headers
        self.style = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "") or ""
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "body":
            self.in_body = True
            self.stack = []
            return
        if not self.in_body or tag in ("br", "meta", "col", "img", "input"):
            if tag == "style":
                self.stack.append([tag, a, ""])
            return
        if not self.stack:
            self.top.append((tag, a.get("id")))
        if tag == "table":
            self.tables.append(a.get("id") or cls)
            if a.get("id") == "summary":
                self.summary = True
        table = self.tables[-1] if self.tables else None
        if tag == "tr" and "finding" in cls.split():
            self.rows[table] = self.rows.get(table, 0) + 1
        if tag == "tr" and table == "doc" and any(t == "tbody" for t, _, _ in self.stack):
            self.doc.append((cls, []))
        if tag == "p" and "step" in cls.split():
            self.steps.append((a.get("id"), len(self.doc), {}))
        self.stack.append([tag, a, ""])

    def handle_endtag(self, tag):
        if not self.stack or tag in ("br", "meta", "col", "img", "input"):
            return
        t, a, text = self.stack.pop()
        if t == "style":
            self.style += text
            return
        if self.stack:
            self.stack[-1][2] += text
        if t == "table":
            self.tables.pop()
        if a.get("id") in ("banner-top", "banner-bottom"):
            self.text[a["id"]] = text.strip()
        in_doc = self.tables and self.tables[-1] == "doc"
        if t in ("th", "td") and in_doc and self.doc and any(x[0] == "tbody" for x in self.stack):
            self.doc[-1][1].append((t, a.get("class", ""), a.get("id"), text))
        if t == "th" and in_doc and any(x[0] == "thead" for x in self.stack):
            self.headers.append(text)
        if t == "a" and self.steps and any(x[0] == "p" and "step" in
                                           (x[1].get("class") or "") for x in self.stack):
            self.steps[-1][2][text] = a.get("href")

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data

dom = Dom()
with open(os.path.join(tmp, "review.html"), encoding="utf-8") as f:
    page = f.read()
style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
with open(os.path.join(tmp, "dom.html"), encoding="utf-8") as f:
    dom.feed(f.read())
with open(os.path.join(tmp, "review.json")) as f:
    report = json.load(f)
findings = report["files"][0]["findings"]

say(len(dom.top) >= 3 and dom.top[0] == ("div", "banner-top") and
    dom.top[-1] == ("div", "banner-bottom"),
    "the banner is the first and the last element of the body")
banners = dom.text.get("banner-top") == dom.text.get("banner-bottom") == "SECRET//NOFORN"
say(banners, "both banners say SECRET//NOFORN, the original's classification%s" %
    ("" if banners else " %s" % dom.text))
say(dom.summary, "the summary table is there")
problems = [f for f in findings if f["severity"] != "note"]
say(dom.rows.get("findings") == len(problems) and len(problems) == 42,
    "one row per error and warning: %s rows, %d findings" % (dom.rows.get("findings"),
                                                            len(problems)))

# The document is a table: a header row of columns, then a row a line of a row header (its
# number) and three cells: the original, the release, the decision and findings.
say(dom.headers == ["Line", "Original", "Release", "Decision and findings"],
    "the document table's columns are Line, Original, Release, Decision (%s)" % dom.headers)
rows = dom.doc
with open(seed, "rb") as f:
    lines = f.read().decode("utf-8").splitlines()
say(len(rows) == len(lines), "the page shows all %d lines of the document (%d)" %
    (len(lines), len(rows)))
decided = {f["line"]: f for f in findings if f["decision"] is not None}
wrong = []
for n, (colour, cells) in enumerate(rows, 1):
    if len(cells) != 4 or cells[0][:1] != ("th",) or cells[0][2] != "d0-L%d" % n or \
            cells[0][3] != str(n) or cells[1][3] != lines[n - 1]:
        wrong.append((n, "shape"))
        continue
    d = decided.get(n)
    if d is not None:
        if colour != d["decision"] or d["message"] not in cells[3][3]:
            wrong.append((n, colour, d["decision"]))
        for a in range(d["line"], d["end_line"] + 1):
            c = rows[a - 1][0]
            if c not in (d["decision"], "structure"):
                wrong.append((a, c, d["decision"]))
say(not wrong and len(decided) == 31,
    "each line is a row coloured by its portion's decision, with its reason beside it%s" %
    (" %s" % wrong[:3] if wrong else ""))
kept = [n for n, f in decided.items() if f["decision"] == "kept"]
say(len(kept) == 1 and "kept: (U) is not above UNCLASSIFIED" in rows[kept[0] - 1][1][3][3],
    "the kept (U) paragraph says why it is kept")

# The release column, read down, is the release itself: every line `redact` writes, in order,
# with nothing in the rows of lines it removes.
with open(os.path.join(tmp, "release.txt"), encoding="utf-8") as f:
    release = f.read()
shown = [c[2][3] for _, c in rows if len(c) == 4 and "gone" not in c[2][1].split()]
# (The seed's last line has no line end, nor has the release's.)
say("\n".join(shown) == (release[:-1] if release.endswith("\n") else release),
    "the release column is the release redact writes (%d lines shown)" % len(shown))
# (Dash rules inside a withheld portion are copied as they are: they are no text.)
withheld_rows = [n for n, (colour, c) in enumerate(rows, 1) if colour == "withheld" and
                 len(c) == 4 and re.search(r"\w", c[1][3])]
leaks = [n for n in withheld_rows if lines[n - 1].strip() in (c[2][3] for _, c in rows)]
say(withheld_rows and not leaks, "no withheld line's text is in the release column %s" %
    leaks[:3])

# Stepping: a step for each withheld portion, on the row where it begins, numbered in order,
# each linking to the one before and after; the summary's withheld count links to the first.
firsts = sorted(f["line"] for f in findings if f["decision"] == "withheld")
ids = ["d0-w%d" % k for k in range(1, len(firsts) + 1)]
say([s[0] for s in dom.steps] == ids and [s[1] for s in dom.steps] == firsts,
    "a step anchor on the first line of each of the %d withheld portions" % len(firsts))
links = all(s[2].get("previous") == ("#" + ids[k - 1] if k > 0 else None) and
            s[2].get("next") == ("#" + ids[k + 1] if k + 1 < len(ids) else None)
            for k, s in enumerate(dom.steps))
say(links and "#d0-w1" in dom.hrefs, "previous and next step through them, and the summary "
    "links to the first")
dangling = [h for h in dom.hrefs if not h.startswith("#") or h[1:] not in dom.ids]
say(dom.hrefs and not dangling, "every link in the page goes to a place in it (%d links) %s" %
    (len(dom.hrefs), dangling[:3]))

# --- Contrast: WCAG 2 AA, 4.5:1 for every text colour on every background it shows on. ---
rules = {}
for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style.split("@media print")[0]):
    for one in sel.split(","):
        rules.setdefault(one.strip(), {}).update(
            (k.strip(), v.strip()) for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d))

def rgb(v):
    v = v.lstrip("#")
    v = "".join(c * 2 for c in v) if len(v) == 3 else v
    return tuple(int(v[i:i + 2], 16) for i in (0, 2, 4))

def lum(c):
    c = [x / 255 for x in c]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

def ratio(a, b):
    la, lb = sorted((lum(rgb(a)), lum(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)

def prop(sel, p):
    return rules.get(sel, {}).get(p)

texts = {s: prop(s, "color") for s in ("body", "a", "table.doc tbody th", ".structure",
                                       ".pass", ".fail", ".sev-error", ".sev-warning",
                                       ".sev-note")}
backs = {s: prop(s, "background") for s in ("body", "table.doc", ".kept", ".withheld",
                                            ".structure", "th")}
low = [(t, b, round(ratio(texts[t], backs[b]), 2)) for t in texts for b in backs
       if ratio(texts[t], backs[b]) < 4.5]
banner = ratio(prop(".banner", "color"), prop(".banner", "background"))
say(None not in texts.values() and None not in backs.values() and not low and banner >= 4.5,
    "every text colour meets 4.5:1 on every background (%d pairs; the banner %.1f:1) %s" %
    (len(texts) * len(backs), banner, low[:3]))

# --- The screenshots. ---
BANNER, KEPT, WITHHELD, PAGE = (0xC8, 0x10, 0x2E), (0xE3, 0xF4, 0xE1), (0xFB, 0xE0, 0xE0), \
    (0xFA, 0xFA, 0xFA)

def load(name):
    path = os.path.join(tmp, name)
    if not os.path.exists(path) or os.path.getsize(path) < 20000:
        say(False, "%s: no screenshot, or a trivial one" % name)
        return None
    im = Image.open(path).convert("RGB")
    return im

def row_colour(im, y):
    """The colour of most of row y (sampled every 8 pixels)."""
    w = im.size[0]
    px = [im.getpixel((x, y)) for x in range(0, w, 8)]
    return max(set(px), key=px.count)

def bands(im, colour):
    """The (first, last) rows of each run of rows mostly of colour."""
    out, start = [], None
    for y in range(im.size[1]):
        if row_colour(im, y) == colour:
            start = y if start is None else start
        elif start is not None:
            out.append((start, y - 1))
            start = None
    if start is not None:
        out.append((start, im.size[1] - 1))
    return out

def count(im, colour):
    return dict((c, n) for n, c in im.getcolors(1 << 24)).get(colour, 0)

im = load("window.png")
if im is not None:
    h = im.size[1]
    b = bands(im, BANNER)
    say(im.size == (1280, 2000), "the window screenshot is 1280x2000 (%dx%d)" % im.size)
    say(len(b) == 2 and b[0][0] == 0 and b[1][1] == h - 1 and 20 <= b[0][1] < 60 and
        h - 60 < b[1][0] <= h - 20,
        "the red banner holds the top and the bottom of the window %s" % b)
    w = count(im, WITHHELD)
    say(w > 200000, "withheld red fills the window's withheld paragraphs (%d pixels)" % w)
    dark = sum(n for n, c in im.getcolors(1 << 24) if sum(c) < 200)
    say(dark > 20000, "the window shows text (%d dark pixels)" % dark)

im = load("page.png")
if im is not None:
    b = bands(im, BANNER)
    end = b[-1][1] if b else 0
    below = {row_colour(im, y) for y in range(end + 1, im.size[1], 25)}
    say(len(b) == 2 and b[0][0] == 0 and 1000 < b[1][0] and below <= {PAGE},
        "the whole page: a banner at the top and one at the end of the page %s" % b)
    k, w = count(im, KEPT), count(im, WITHHELD)
    # The legend's "kept" swatch alone is about 1,000 pixels; the (U) paragraph is far more.
    say(k > 20000, "kept green shows the kept paragraph (%d pixels)" % k)
    say(w > 1000000, "withheld red shows the withheld paragraphs (%d pixels)" % w)
    say(w > 10 * k, "far more is withheld than kept, as at UNCLASSIFIED it should be")

# --- Print: the banner at the head and the foot of every sheet. ---
say(sheets >= 2, "the page prints on %d sheets" % sheets)
im = load("sheet.png") if sheets >= 2 else None
if im is not None:
    b = bands(im, BANNER)
    h = im.size[1]
    say(len(b) == 2 and b[0][0] < h // 20 and b[1][1] > h - h // 20,
        "a printed sheet carries the red banner at its head and its foot %s" % b)
    dark = sum(n for n, c in im.getcolors(1 << 24) if sum(c) < 384)
    say(dark > 5000, "and the text between them (%d dark pixels)" % dark)

sys.exit(1 if failed else 0)
EOF
then
	fail=1
	echo "     browser log:"
	tail -5 "$tmp/browser.log" | sed 's/^/     /'
	if [ -n "${TEARLINE_KEEP_SCREENSHOTS:-}" ]; then
		cp "$tmp"/*.png "$TEARLINE_KEEP_SCREENSHOTS"/ 2> /dev/null
	fi
fi
exit $fail
