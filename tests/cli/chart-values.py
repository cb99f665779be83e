#!/usr/bin/python3
"""chart-values.py: checks the values a chart's scene dump shows against the tables clout prints.

Independent of clout's chart code: it reads the dump (CLOUT_SCENE_DUMP) and CSV tables written
by `clout influence ... --table balance --format csv` or `clout robustness ... --format csv`,
and places each value by the hand formula of a balance axis, x = p0 + (v + 1) / 2 * (p1 - p0)
(v clamped to [-1, 1]), p0 and p1 the anchors of the tick labels "−1" and "+1" under the plot,
as a reader of the figure finds them.  The dump rounds to 0.1 pt, so positions may differ by
0.15 pt.  Prints one line per problem and exits 1 if any.

  chart-values.py robustness LAYER DUMP CSV
      the robustness chart: one row ("group dot ID") per focus actor of the layer, its light
      band (the rect) from the min to the max column (at least 0.5 pt wide).
  chart-values.py facets DUMP LAYERS LABELS CSV...
      balance facets: a panel per layer (comma-separated LAYERS) and label (LABELS, one CSV
      each), labelled "LAYER, LABEL" ("all layers" for all); in every panel a dot per focus
      actor of the CSV at its balance, the interval's ends at balance_lo and balance_hi where
      the CSV has them, and the focus actors in one order (by y) in every panel.
  chart-values.py heatmap DUMP LABELS CSV...
      heatmap facets: per label a panel whose column heads are the layers of the CSVs, and per
      focus actor and layer a cell printing the balance as the chart formats it ("+0.92",
      "−0.09", "0.00", "–" where the CSV has no value), in the column whose head is above it.
"""
import csv
import re
import sys

TEXT = re.compile(r'^  text (\S+) (\S+) .* "(.*)"$')
SLACK = 0.15
MINUS = "\u2212"


def read_dump(path):
    """[(group, line)] in order."""
    out, group = [], ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("group "):
                group = line[6:]
            else:
                out.append((group, line))
    return out


def axis(items, group):
    ticks = {}
    for g, line in items:
        m = TEXT.match(line)
        if g == group and m and m[3] in (MINUS + "1", "+1"):
            ticks[m[3]] = float(m[1])
    if len(ticks) != 2:
        return None
    p0, p1 = ticks[MINUS + "1"], ticks["+1"]
    return lambda v: p0 + (max(-1.0, min(1.0, v)) + 1) / 2 * (p1 - p0)


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def robustness(layer, dump, table):
    items = read_dump(dump)
    at = axis(items, "x-axis")
    if at is None:
        return ["no tick labels -1 and +1 in group x-axis"]
    want = {r["focus"]: (float(r["min"]), float(r["max"]))
            for r in csv.DictReader(open(table)) if r["layer"] == layer}
    bands = {}
    for g, line in items:
        m = re.match(r"  rect (\S+) \S+ (\S+) ", line)
        if m and g.startswith("dot "):
            bands[g[4:]] = (float(m[1]), float(m[1]) + float(m[2]))
    bad = [f"{f}: no row in the chart" for f in want if f not in bands]
    bad += [f"{f}: a row the table lacks" for f in bands if f not in want]
    for f, (lo, hi) in want.items():
        if f not in bands:
            continue
        a, b = at(lo), max(at(hi), at(lo) + 0.5)
        if abs(bands[f][0] - a) > SLACK or abs(bands[f][1] - b) > SLACK:
            bad.append(f"{f}: band {bands[f][0]:.1f}..{bands[f][1]:.1f}, want {a:.2f}..{b:.2f} "
                       f"(min {lo}, max {hi})")
    print(f"# robustness: {len(bands)} bands, {len(want)} rows of layer {layer}")
    return bad + ([] if want else ["no row in the table"])


def balance_rows(table):
    return list(csv.DictReader(open(table)))


def facets(dump, layers, labels, tables):
    items = read_dump(dump)
    layers, labels = layers.split(","), labels.split(",")
    if len(labels) != len(tables):
        return ["one CSV per label"]
    bad, order = [], None
    heads = {g: [] for g, _ in items if g.startswith("panel ")}
    for g, line in items:
        m = TEXT.match(line)
        if m and g in heads:
            heads[g].append(m[3])
    want_panels = {f"panel {l} {y}" for l in layers for y in labels}
    if set(heads) != want_panels:
        bad.append(f"panels {sorted(heads)}, want {sorted(want_panels)}")
    for j, (label, table) in enumerate(zip(labels, tables)):
        at = axis(items, f"x-axis {label}")
        if at is None:
            bad.append(f"no tick labels -1 and +1 under {label}")
            continue
        rows = balance_rows(table)
        for layer in layers:
            head = " ".join(heads.get(f"panel {layer} {label}", []))
            want_head = f"{'all layers' if layer == 'all' else layer}, {label}"
            if head != want_head:
                bad.append(f"panel {layer} {label} is labelled '{head}', want '{want_head}'")
            want = {r["focus"]: r for r in rows if r["layer"] == layer}
            dots, ys = {}, {}
            for g, line in items:
                p = g.split(" ")
                if len(p) != 4 or p[0] != "dot" or p[1] != layer or p[2] != label:
                    continue
                m = re.match(r"  circle (\S+) (\S+) ", line)
                if m:
                    dots[p[3]] = float(m[1])
                    ys[p[3]] = float(m[2])
                m = re.match(r"  line 2 (\S+) (\S+) (\S+) (\S+) ", line)
                if m and m[2] == m[4]:  # the interval (its caps are vertical)
                    dots.setdefault("interval " + p[3], (float(m[1]), float(m[3])))
            for f, r in want.items():
                v, lo, hi = num(r["balance"]), num(r["balance_lo"]), num(r["balance_hi"])
                if v is not None and (f not in dots or abs(dots[f] - at(v)) > SLACK):
                    bad.append(f"{layer} {label} {f}: dot at {dots.get(f)}, want {at(v):.2f} "
                               f"(balance {v})")
                iv = dots.get("interval " + f)
                if lo is not None and hi is not None:
                    if not iv or abs(iv[0] - at(lo)) > SLACK or abs(iv[1] - at(hi)) > SLACK:
                        bad.append(f"{layer} {label} {f}: interval {iv}, want {at(lo):.2f}.."
                                   f"{at(hi):.2f}")
                elif iv:
                    bad.append(f"{layer} {label} {f}: an interval the table lacks")
            extra = [f for f in dots if not f.startswith("interval ") and f not in want]
            if extra:
                bad.append(f"{layer} {label}: dots the table lacks: {extra}")
            # the same order in every panel, for the actors both panels have a dot for
            seq = sorted(ys, key=lambda f: ys[f])
            if order is None:
                order = seq
            elif [f for f in order if f in ys] != [f for f in seq if f in order]:
                bad.append(f"{layer} {label}: focus order {seq}, the first panel's {order}")
    print(f"# facets: {len(heads)} panels; focus order {order}")
    return bad


def fmt_signed(v):
    if v is None:
        return "\u2013"
    r = round(v * 100) / 100
    if r == 0:
        return "0.00"
    return ("+" if r > 0 else MINUS) + f"{abs(r):.2f}"


def heatmap(dump, labels, tables):
    items = read_dump(dump)
    labels = labels.split(",")
    bad, n_cells = [], 0
    panels = [g for g, _ in items if g.startswith("panel ")]
    if sorted(set(panels)) != sorted(f"panel {y}" for y in labels):
        bad.append(f"panels {sorted(set(panels))}, want one per label {labels}")
    data = [balance_rows(t) for t in tables]
    layers = {r["layer"] for rows in data for r in rows}
    focus = {r["focus"] for rows in data for r in rows}
    for label, rows in zip(labels, data):
        value = {(r["focus"], r["layer"]): num(r["balance"]) for r in rows}
        cols = {}
        for g, line in items:
            m = TEXT.match(line)
            if g == f"columns {label}" and m:
                cols[float(m[1])] = "all" if m[3] == "all layers" else m[3]
        if sorted(cols.values()) != sorted(layers):
            bad.append(f"{label}: column heads {sorted(cols.values())}, layers {sorted(layers)}")
            continue
        cells = {}
        for g, line in items:
            m = TEXT.match(line)
            if g.startswith(f"cells {label} ") and m:
                x = float(m[1])
                head = min(cols, key=lambda c: abs(c - x))
                if abs(head - x) <= SLACK:
                    cells[(g[len(f"cells {label} "):], cols[head])] = m[3]
        for f in sorted(focus):
            for layer in sorted(layers):
                want, got = fmt_signed(value.get((f, layer))), cells.get((f, layer))
                n_cells += 1
                if got != want:
                    bad.append(f"{label} {f} {layer}: cell '{got}', want '{want}' "
                               f"(balance {value.get((f, layer))})")
    print(f"# heatmap: {len(set(panels))} panels, {n_cells} cells checked")
    return bad


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "robustness":
        bad = robustness(a[1], a[2], a[3])
    elif len(a) >= 5 and a[0] == "facets":
        bad = facets(a[1], a[2], a[3], a[4:])
    elif len(a) >= 4 and a[0] == "heatmap":
        bad = heatmap(a[1], a[2], a[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
