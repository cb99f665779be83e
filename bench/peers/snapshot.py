"""snapshot.py: clout's snapshot rules (doc/data-format.md, section 9) in pandas, for the peers.

build(dataset, year, window) returns (actor ids, directed, edges) where edges
is a DataFrame with integer columns u, v (indices into the actor ids, in the
order of actors.csv) and the columns weight, layer and relations, sorted by
(u, v) as clout sorts them.  The rules: flows are summed over the years
year-window+1..year, state ties active in the year count once at their
largest value; each relation scales its values (binary, max, log, share);
an edge's weight is the sum over relations of weight(relation) x strength.
The whole computation is vectorised: no Python loop runs per tie or per edge.
Every actor is a vertex: bench/gen writes actors without start or end years.
"""
import os

import numpy as np
import pandas as pd


def _codes(col, names):
    """Indices into names of a categorical column's values (-1: not there)."""
    at = pd.Index(names).get_indexer(col.cat.categories)
    return at[col.cat.codes.to_numpy()].astype(np.int64)


def _years(col):
    """Years of a categorical start or end column (YYYY or YYYY-MM-DD); NaN if empty."""
    cats = pd.Series(col.cat.categories.astype(str))
    y = pd.to_numeric(cats.str.slice(0, 4), errors="coerce").to_numpy()
    return y[col.cat.codes.to_numpy()]


def build(dataset, year, window):
    actors = pd.read_csv(os.path.join(dataset, "actors.csv"), dtype=str,
                         keep_default_na=False)
    rels = pd.read_csv(os.path.join(dataset, "relations.csv"), dtype=str,
                       keep_default_na=False)
    # Names and years as categories: few distinct values, parsed once each.
    ties = pd.read_csv(os.path.join(dataset, "ties.csv"),
                       usecols=["source", "target", "relation", "value", "start", "end"],
                       dtype={"source": "category", "target": "category",
                              "relation": "category", "value": "float64",
                              "start": "category", "end": "category"},
                       keep_default_na=False, na_values={"value": [""]}, low_memory=False)
    ids = actors["id"].to_numpy()
    rels = rels.reset_index(drop=True)
    rel_directed = (rels["directed"] == "yes").to_numpy()
    rel_flow = (rels["mode"] == "flow").to_numpy()
    rel_scale = rels["scale"].to_numpy()
    rel_weight = pd.to_numeric(rels["weight"].replace("", "1")).to_numpy()
    directed = bool(rel_directed.any())

    s = _codes(ties["source"], ids)
    t = _codes(ties["target"], ids)
    r = _codes(ties["relation"], rels["relation"])
    value = ties["value"].fillna(1.0).to_numpy()
    start = _years(ties["start"])
    end = _years(ties["end"])

    flow = rel_flow[r]
    keep = np.where(flow, (start <= year) & (start > year - window),
                    (start <= year) & (np.isnan(end) | (end >= year)))
    s, t, r, value, flow = s[keep], t[keep], r[keep], value[keep], flow[keep]
    # Undirected relations: one pair per unordered pair of actors.
    und = ~rel_directed[r]
    a = np.where(und, np.minimum(s, t), s)
    b = np.where(und, np.maximum(s, t), t)

    # 1. Raw amounts per relation and pair: flows summed, states at their maximum.
    df = pd.DataFrame({"r": r, "a": a, "b": b, "value": value, "flow": flow})
    summed = df[df["flow"]].groupby(["r", "a", "b"], sort=False)["value"].sum()
    maxed = df[~df["flow"]].groupby(["r", "a", "b"], sort=False)["value"].max()
    pairs = pd.concat([summed, maxed]).reset_index()
    pr, pa, pb = (pairs[c].to_numpy() for c in ("r", "a", "b"))
    pv = pairs["value"].to_numpy()

    # 2. Scale per relation: the maximum, and what each actor receives.
    n = len(ids)
    nrel = len(rels)
    rmax = np.zeros(nrel)
    np.maximum.at(rmax, pr, pv)
    total = np.zeros(nrel * n)
    np.add.at(total, pr * n + pb, pv)
    pund = ~rel_directed[pr]
    np.add.at(total, (pr * n + pa)[pund], pv[pund])

    scale = rel_scale[pr]
    mx = rmax[pr]

    def strength(to):
        tot = total[pr * n + to]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.select(
                [scale == "binary", scale == "max", scale == "log", scale == "share"],
                [(pv > 0).astype(float),
                 np.where(mx > 0, pv / mx, 0.0),
                 np.where(mx > 0, np.log1p(pv) / np.log1p(mx), 0.0),
                 np.where(tot > 0, pv / tot, 0.0)])

    w_ab = strength(pb)
    if not directed:
        # An undirected network: a share is the mean of the two ends' shares.
        w_ab = np.where(scale == "share", (w_ab + strength(pa)) / 2, w_ab)
    w_ab = w_ab * rel_weight[pr]
    us, vs, ws, rs = [pa], [pb], [w_ab], [pr]
    if directed:
        # Undirected relations in a directed network count both ways.
        w_ba = strength(pa) * rel_weight[pr]
        us.append(pb[pund])
        vs.append(pa[pund])
        ws.append(w_ba[pund])
        rs.append(pr[pund])
    u, v, w, rr = (np.concatenate(x) for x in (us, vs, ws, rs))
    pos = w > 0
    u, v, w, rr = u[pos], v[pos], w[pos], rr[pos]
    if not directed:
        u, v = np.minimum(u, v), np.maximum(u, v)

    # 3. Combine relations into edges; a bit per relation names them.
    bit = (np.int64(1) << rr.astype(np.int64))
    contrib = pd.DataFrame({"u": u, "v": v, "weight": w, "mask": bit})
    edges = contrib.groupby(["u", "v"], sort=True).agg(weight=("weight", "sum"),
                                                       mask=("mask", "sum")).reset_index()
    names = rels["relation"].to_numpy()
    layers = rels["layer"].to_numpy()
    labels = {}
    for m in np.unique(edges["mask"].to_numpy()):
        on = [i for i in range(nrel) if (int(m) >> i) & 1]
        labels[m] = (";".join(sorted(set(layers[i] for i in on))),
                     ";".join(sorted(set(names[i] for i in on))))
    edges["layer"] = edges["mask"].map({m: l for m, (l, _) in labels.items()})
    edges["relations"] = edges["mask"].map({m: x for m, (_, x) in labels.items()})
    return ids, directed, edges.drop(columns="mask")
