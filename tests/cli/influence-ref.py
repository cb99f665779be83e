"""influence-ref.py: an independent implementation of clout's snapshot weights and of its
direct share and reach (doc/data-format.md section 9, doc/methods.md "Influence"), written
from those texts in Python and read straight from a dataset's CSV files, for the tests to
compare with what clout prints.

    influence-ref.py DATASET YEAR [--window W] [--half-life H] [--carry-forward N]
                     [--layers L1,L2] [--relations R1,R2] [--exclude R1,R2] [--edges]

prints one line per focus actor, layer ("all" last) and pole: "FOCUS LAYER POLE D R"
(D and R "nan" where the focus actor depends on nobody in the layer), or with --edges one
line per edge "SOURCE TARGET WEIGHT".
"""
import argparse
import collections
import csv
import math
import os


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def year_of(s):
    return int(s[:4]) if s else 0


ap = argparse.ArgumentParser()
ap.add_argument("dataset")
ap.add_argument("year", type=int)
ap.add_argument("--window", type=int, default=5)
ap.add_argument("--half-life", type=float, default=0)
ap.add_argument("--carry-forward", type=int, default=0)
ap.add_argument("--layers", default="")
ap.add_argument("--relations", default="")
ap.add_argument("--exclude", default="")
ap.add_argument("--edges", action="store_true")
a = ap.parse_args()
Y, W = a.year, a.window

actors = rows(os.path.join(a.dataset, "actors.csv"))
rels = {r["relation"]: r for r in rows(os.path.join(a.dataset, "relations.csv"))}
ties = rows(os.path.join(a.dataset, "ties.csv"))
kind = {x["id"]: x for x in actors}
poles = [x["id"] for x in actors if x["role"] == "pole"]
focus = [x["id"] for x in actors if x["role"] == "focus"]
lead = {x["id"]: [p for p in x["lead"].split(";") if p] for x in actors}

# Coverage: relations.csv's, else the span of the relation's ties (an ongoing state tie
# reaches the dataset's last year).
last_year = max(max(year_of(t["start"]), year_of(t["end"])) for t in ties)
cover = {}
for name, r in rels.items():
    if r.get("coverage"):
        f, l = r["coverage"].split("-")
        cover[name] = (int(f), int(l))
    else:
        ts = [t for t in ties if t["relation"] == name]
        f = min(year_of(t["start"]) for t in ts)
        l = max(year_of(t["end"]) or (last_year if r["mode"] == "state" else year_of(t["start"]))
                for t in ts)
        cover[name] = (f, l)


def selected(name):
    r = rels[name]
    if a.layers and r["layer"] not in a.layers.split(","):
        return False
    if a.relations and name not in a.relations.split(",") and r.get("group", "") not in a.relations.split(","):
        return False
    ex = a.exclude.split(",") if a.exclude else []
    return name not in ex and (not r.get("group") or r["group"] not in ex)


def years_of(name):
    """(first, last) of the years that count, or None: no data."""
    r = rels[name]
    cf, cl = cover[name]
    w0 = Y if r["mode"] == "state" else Y - W + 1
    first, last = max(w0, cf), min(Y, cl)
    if first <= last:
        return first, last
    if a.carry_forward and Y > cl and Y - cl <= a.carry_forward:
        return (cl, cl) if r["mode"] == "state" else (max(cf, cl - W + 1), cl)
    return None


# Units: groups, or relations alone, in the order of relations.csv.
units = collections.OrderedDict()
for name, r in rels.items():
    if selected(name):
        units.setdefault(r.get("group") or name, []).append(name)

# Raw amounts per relation: pairs (undirected: sorted) and world totals.
amount = {n: collections.defaultdict(float) for n in rels}
to_world = {n: collections.defaultdict(float) for n in rels}
from_world = {n: collections.defaultdict(float) for n in rels}
for t in ties:
    n = t["relation"]
    if not selected(n) or years_of(n) is None:
        continue
    r = rels[n]
    first, last = years_of(n)
    v = float(t["value"]) if t["value"] else 1.0
    s0, e0 = year_of(t["start"]), year_of(t["end"])
    if r["mode"] == "state":
        if not (s0 <= last and (not e0 or e0 >= last)):
            continue
    else:
        if not first <= s0 <= last:
            continue
        if r["mode"] == "event" and a.half_life > 0:
            v *= 0.5 ** ((last - s0) / a.half_life)
    src, dst = t["source"], t["target"]
    if src == "WORLD":
        from_world[n][dst] += v
        continue
    if dst == "WORLD":
        to_world[n][src] += v
        continue
    key = (src, dst) if r["directed"] == "yes" else tuple(sorted((src, dst)))
    if r["mode"] == "state":
        amount[n][key] = max(amount[n][key], v)
    else:
        amount[n][key] += v

# Strengths: dep[unit][(src, dst)], dst's dependence on src; denominators.
dep = {}
for u, members in units.items():
    best = collections.defaultdict(float)
    for n in members:
        r = rels[n]
        counted = collections.defaultdict(float)
        for (s, t), v in amount[n].items():
            if v <= 0:
                continue
            counts = r.get("counts") or "in"
            if r["directed"] != "yes" or counts == "both":
                counted[(s, t)] += v
                counted[(t, s)] += v
            elif counts == "in":
                counted[(s, t)] += v
            else:
                counted[(t, s)] += v
        if not counted:
            continue
        mx = max(counted.values())
        total = collections.defaultdict(float)
        for (s, t), v in counted.items():
            total[t] += v
        for (s, t), v in counted.items():
            if r["scale"] == "binary":
                x = 1.0
            elif r["scale"] == "max":
                x = v / mx
            elif r["scale"] == "log":
                x = math.log1p(v) / math.log1p(mx)
            elif r["scale"] == "value":  # the tie's value is its strength
                x = v
            else:  # share: of the world total when there is one, and it is not smaller
                counts = r.get("counts") or "in"
                inn = r["directed"] != "yes" or counts != "out"
                out = r["directed"] != "yes" or counts != "in"
                w = (from_world[n][t] if inn else 0) + (to_world[n][t] if out else 0)
                has = (inn and from_world[n][t] > 0) or (out and to_world[n][t] > 0)
                x = v / max(w, total[t]) if has else v / total[t]
            best[(s, t)] = max(best[(s, t)], min(x, 1.0))
    dep[u] = best

directed = any(rels[n]["directed"] == "yes" for m in units.values() for n in m)
if a.edges:
    E = collections.defaultdict(float)
    for u, d in dep.items():
        w = float(rels[units[u][0]]["weight"] or 1)
        for (s, t), x in d.items():
            if w * x <= 0:
                continue
            key = (s, t) if directed else tuple(sorted((s, t)))
            E[key] += w * x if directed else w * x / 2
    for (s, t), w in sorted(E.items()):
        print(s, t, repr(w))
    raise SystemExit(0)

layers = sorted({rels[m[0]]["layer"] for m in units.values()}) + ["all"]


def dist(x, layer):
    """x's dependence in the layer: {partner: share}, and the weight of its units."""
    acc, wsum = collections.defaultdict(float), 0.0
    for u, d in dep.items():
        r = rels[units[u][0]]
        if layer != "all" and r["layer"] != layer:
            continue
        w = float(r["weight"] or 1)
        mine = {s: v for (s, t), v in d.items() if t == x}
        tot = sum(mine.values())
        if tot <= 0 or w <= 0:
            continue
        for s, v in mine.items():
            # as they are when they sum to at most 1 (the rest: no partner), else to sum to 1
            acc[s] += w * v / max(tot, 1.0)
        wsum += w
    return ({s: v / wsum for s, v in acc.items()} if wsum > 0 else {}), wsum


for f in focus:
    for layer in layers:
        D0, wsum = dist(f, layer)
        for p in poles:
            if wsum <= 0:
                print(f, layer, p, "nan", "nan")
                continue
            d = D0.get(p, 0.0)
            r = D0.get(p, 0.0)
            for c, v in D0.items():
                if c in poles:
                    continue
                if lead.get(c):
                    part = lead[c].count(p) / len(lead[c])
                    d += v * part
                    r += v * part
                else:
                    Dc, wc = dist(c, layer)
                    r += v * (Dc.get(p, 0.0) if wc > 0 else 0.0)
            print(f, layer, p, repr(d), repr(r))
