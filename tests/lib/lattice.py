#!/usr/bin/env python3
"""lattice: an executable specification of tearline's release decisions.

Written apart from the C code, from the policy YAML and the lattice as docs/policies.md states it
("The audiences"), it generates marks and release targets from a policy's own vocabulary (levels,
controls and their aliases, countries, known groups and groups of unknown membership), decides
each (mark, target) pair itself, and asks `tearline policy decide` for its decision; then it rolls
up sets of marks and asks `tearline policy rollup` for the banner, which it reads back and compares
with the meet it computes. Any difference is printed and the exit status is 1.

usage: lattice.py [-n PAIRS] [-s SEED] TEARLINE POLICY.yaml...
"""

import argparse
import random
import subprocess
import sys

import yaml

PUBLIC, US, FOREIGN = "public", "us", "foreign"


class Scheme:
    """A policy's vocabulary, as the specification needs it."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        self.name = doc["name"]
        sch = doc["scheme"]
        self.levels = sch["levels"]
        self.controls = []
        for c in sch["controls"]:
            kind = c["kind"]
            holders = set(c.get("holders", [US, FOREIGN]))
            if kind == "noforn":
                holders = {US}
            self.controls.append({
                "name": c["name"], "kind": kind, "aliases": c.get("aliases", []),
                "release": set(c.get("release", [])), "holders": holders,
                "unclassified_only": c.get("unclassified_only", False),
                "level": c.get("level"), "countries": c.get("countries", False)})
        self.countries = list(sch["countries"])
        self.home = sch.get("home", "USA" if "USA" in self.countries else None)
        self.known_groups, self.unknown_groups = {}, []
        for g, members in (sch.get("groups") or {}).items():
            if g == "unknown_membership":
                self.unknown_groups = list(members)
            else:
                self.known_groups[g] = set(members)
        self.aliases = dict(sch.get("country_aliases") or {})

    def handling(self):
        return [c for c in self.controls if c["kind"] == "handling"]

    def noforn(self):
        return [c for c in self.controls if c["kind"] == "noforn"]


class Marking:
    """What a mark or a target says: a level, controls by name, and foreign disclosure."""

    def __init__(self, level, controls=(), fd=None, rel=(), twice=False):
        self.level = level          # index into the levels
        self.controls = set(controls)
        self.fd = fd                # None, "noforn" or "rel"
        self.rel = set(rel)         # REL TO items as written (countries, groups)
        self.twice = twice          # REL TO written twice


def expand(s, items):
    """The readers a REL TO list names: its countries, known groups' members, unknown groups
    as themselves (their members are not known), and the home country."""
    out = set()
    for it in items:
        it = s.aliases.get(it, it)
        if it in s.known_groups:
            out |= s.known_groups[it]
        else:
            out.add(it)
    if s.home:
        out.add(s.home)
    return out


def control(s, name):
    return next(c for c in s.controls if c["name"] == name)


def us_only_controls(s, m):
    return [n for n in m.controls
            if control(s, n)["kind"] == "handling" and FOREIGN not in control(s, n)["holders"]]


def handling_of(s, m):
    return [n for n in m.controls if control(s, n)["kind"] == "handling"]


def fd_of(s, m):
    """Foreign disclosure as the lattice reads it: NOFORN, a set of nationals, or none."""
    if m.fd == "noforn" or us_only_controls(s, m):
        return "noforn", set()
    if m.fd == "rel":
        return "rel", expand(s, m.rel)
    return None, set()


def audience(s, t):
    fd, readers = fd_of(s, t)
    if fd == "rel" and readers - {s.home}:
        return FOREIGN
    if t.level > 0 or fd is not None or handling_of(s, t):
        return US
    return PUBLIC


def malformed(s, m):
    """NOFORN with REL TO, or REL TO twice: a contradiction."""
    return m.twice or (m.fd == "rel" and "noforn" in [control(s, n)["kind"] for n in m.controls])


def refused(s, t):
    """Whether a target is refused: a contradiction, a REL TO list that proves no country, or a
    control no reader it stands for may hold."""
    if malformed(s, t):
        return True
    if t.fd == "rel" and (not t.rel or any(x in s.unknown_groups for x in t.rel)):
        return True
    raw_foreign = t.fd == "rel" and bool(expand(s, t.rel) - {s.home})
    if raw_foreign and us_only_controls(s, t):
        return True
    a = FOREIGN if raw_foreign else audience(s, t)
    return any(a not in control(s, n)["holders"] for n in handling_of(s, t))


def decide(s, m, t):
    """Whether every reader target t stands for may read marking m."""
    if malformed(s, m) or m.level > t.level:
        return False
    a = audience(s, t)
    fd, readers = fd_of(s, m)
    if a == PUBLIC:
        return fd is None and not handling_of(s, m)
    if a == FOREIGN:
        if fd == "noforn":
            return False
        if fd is None and (m.level > 0 or handling_of(s, m)):
            return False
        if fd == "rel" and not (fd_of(s, t)[1] <= readers):
            return False
    return all(n in t.controls or a in control(s, n)["release"] for n in handling_of(s, m))


def meet(s, marks):
    """The roll-up: the marking whose readers every mark admits."""
    level = max(m.level for m in marks)
    controls = set().union(*(set(handling_of(s, m)) for m in marks))
    fds = [fd_of(s, m) for m in marks]
    if any(fd == "noforn" for fd, _ in fds):
        return level, controls, "noforn", set()
    if any(fd is None and (m.level > 0 or handling_of(s, m)) for m, (fd, _) in zip(marks, fds)):
        return level, controls, None, set()
    rels = [r for fd, r in fds if fd == "rel"]
    if not rels:
        return level, controls, None, set()
    readers = set.intersection(*rels)
    if s.home and readers == {s.home} and s.noforn():
        return level, controls, "noforn", set()
    return level, controls, "rel", readers


def written(s, level, controls, fd):
    """The controls a banner writes: all but those a classified banner leaves unsaid because
    every reader it admits may read them."""
    out = set()
    for n in controls:
        c = control(s, n)
        if (c["unclassified_only"] and level > 0 and US in c["release"]
                and (fd != "rel" or FOREIGN in c["release"])):
            continue
        out.add(n)
    return out


def read_banner(s, text):
    """Reads a banner as tearline writes one: LEVEL//CONTROL//...//REL TO A, B or //NOFORN."""
    parts = text.split("//")
    level = next(i for i, lv in enumerate(s.levels) if parts[0] in lv["banner"])
    controls, fd, rel = set(), None, set()
    for p in parts[1:]:
        if p.startswith("REL TO "):
            fd, rel = "rel", [x.strip() for x in p[len("REL TO "):].split(",")]
        elif any(c["name"] == p and c["kind"] == "noforn" for c in s.controls):
            fd = "noforn"
        else:
            controls.add(control(s, p)["name"])
    return Marking(level, controls, fd, rel)


def write_mark(s, m, rng, banner=False):
    """A mark (portion syntax) or a target (banner syntax) for m, in one of the forms written."""
    lv = s.levels[m.level]
    words = [rng.choice(lv["banner"] if banner else lv["portion"])]
    names = sorted(m.controls)     # sets iterate in an order that varies between runs
    rng.shuffle(names)
    for n in names:
        c = control(s, n)
        words.append(rng.choice([c["name"]] + [a for a in c["aliases"] if a.isupper()]))
    if m.fd == "rel" or m.twice:
        items = sorted(m.rel)
        rng.shuffle(items)
        lists = [items]
        if m.twice:
            lists.append(list(lists[0]))
        for items in lists:
            if rng.random() < 0.85:
                words.append("REL TO " + ", ".join(items))
            else:
                words.append("REL TO " + " ".join(items))
    text = "//".join(words)
    return text if banner else "(" + text + ")"


def draw(s, rng, target=False):
    """A marking at random from the policy's vocabulary."""
    level = rng.randrange(len(s.levels))
    pool = [c["name"] for c in s.handling() if not c["countries"]]
    controls = set(rng.sample(pool, k=min(len(pool), rng.choice([0, 0, 0, 1, 1, 2]))))
    r = rng.random()
    fd, rel, twice = None, set(), False
    if r < 0.2 and s.noforn():
        controls.add(s.noforn()[0]["name"])
        fd = "noforn"
    elif r < 0.7:
        fd = "rel"
        picks = [s.home] if s.home and rng.random() < 0.9 else []
        common = [c for c in ("GBR", "USA", "AUS", "CAN", "NZL", "FRA", "DEU", "JPN")
                  if c in s.countries]
        picks += rng.sample(common, k=rng.randrange(0, 4))
        if rng.random() < 0.3 and s.known_groups:
            picks.append(rng.choice(sorted(s.known_groups)))
        if rng.random() < 0.15 and s.unknown_groups and not target:
            picks.append(rng.choice(s.unknown_groups))
        if rng.random() < 0.1:
            picks.append(rng.choice(sorted(s.aliases)) if s.aliases else "GBR")
        rel = set(p for p in picks if p)
        if not rel and target:
            rel = {"GBR"}
        twice = rng.random() < 0.03
        if rng.random() < 0.03 and s.noforn():
            controls.add(s.noforn()[0]["name"])
    return Marking(level, controls, fd, rel, twice)


def run(tearline, policy_path, s, pairs, rng):
    """Returns the number of differences."""
    marks, targets = [], []
    while len(targets) < pairs:
        m, t = draw(s, rng), draw(s, rng, target=True)
        mt, tt = write_mark(s, m, rng), write_mark(s, t, rng, banner=True)
        if "\t" in mt + tt:
            continue
        marks.append((m, mt))
        targets.append((t, tt))
    feed = "".join(f"{tt}\t{mt}\n" for (_, mt), (_, tt) in zip(marks, targets))
    out = subprocess.run([tearline, "policy", "decide", "-p", policy_path], input=feed,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    bad = 0
    counts = {"released": 0, "withheld": 0, "refused": 0}
    for ((m, mt), (t, tt)), line in zip(zip(marks, targets), out):
        got = line.split("\t")[0]
        want = "refused" if refused(s, t) else ("released" if decide(s, m, t) else "withheld")
        counts[want] = counts.get(want, 0) + 1
        if got != want:
            bad += 1
            if bad <= 10:
                print(f"{s.name}: {mt} to {tt}: spec {want}, tearline {line}")
    # The roll-up: sets of marks that some US target could keep.
    sets = []
    for _ in range(pairs // 10):
        k = rng.randrange(1, 4)
        group = [draw(s, rng) for _ in range(k)]
        group = [g for g in group
                 if not malformed(s, g) and not any(x in s.unknown_groups for x in g.rel)]
        if group:
            sets.append((group, [write_mark(s, g, rng) for g in group]))
    feed = "".join("\t".join(texts) + "\n" for _, texts in sets)
    out = subprocess.run([tearline, "policy", "rollup", "-p", policy_path], input=feed,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for (group, texts), banner in zip(sets, out):
        level, controls, fd, readers = meet(s, group)
        want = (level, written(s, level, controls, fd), fd, readers)
        try:
            b = read_banner(s, banner)
            bfd, breaders = fd_of(s, b)
            got = (b.level, b.controls, bfd, breaders)
        except (StopIteration, KeyError):
            got = None
        if got != want:
            bad += 1
            if bad <= 20:
                print(f"{s.name}: rollup {texts}: tearline {banner!r}, spec {want}")
    print(f"{s.name}: {len(targets)} pairs ({counts['released']} released, "
          f"{counts['withheld']} withheld, {counts['refused']} refused targets), "
          f"{len(sets)} roll-ups: {bad} differences")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20000, help="pairs per policy")
    ap.add_argument("-s", type=int, default=17, help="seed")
    ap.add_argument("tearline")
    ap.add_argument("policies", nargs="+")
    a = ap.parse_args()
    bad = 0
    for path in a.policies:
        bad += run(a.tearline, path, Scheme(path), a.n, random.Random(a.s))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
