"""measures-igraph.py: the python-igraph peer of clout measure + clout communities.

usage: measures-igraph.py EDGES.csv [--directed] [--cutoff C] [--only LIST] [--tolerance T]
                          [-o OUT.csv]
Reads the edge list with pandas, builds the graph (Graph.DataFrame) and
computes what bench/measures-c.c computes, through python-igraph: strength,
pagerank (PRPACK, 0.85), coreness, harmonic centrality (lengths 1/w, IN on
directed graphs; no cutoff, see below) and Leiden (modularity, on the
undirected graph with reciprocal weights summed, repeated from the last
partition until it no longer changes or an iteration gains less than T in
quality, default 1e-4, as clout does; the modularity reached goes to stderr).

Harmonic centrality with a cutoff: python-igraph 0.10.2 hands `cutoff` and
`normalized` to igraph_harmonic_centrality_cutoff in swapped order
(python-igraph issue #811), so `harmonic_centrality(cutoff=3)` runs with
cutoff 0 (or 1, from `normalized`) and returns zeros.  So with --cutoff C >= 0
this script computes harmonic centrality from rows of Graph.distances(), with
the cutoff applied in numpy, in blocks of sources: what a python-igraph user
has to do.  It computes every distance, so it costs what no cutoff costs.
"""
import argparse
import random
import sys

import igraph as ig
import numpy as np
import pandas as pd


def leiden(g, tolerance):
    u = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"}) if g.is_directed() else g
    random.seed(1)  # python-igraph draws from Python's random module
    part = u.community_leiden(objective_function="modularity", weights="weight", beta=0.01,
                              n_iterations=1)
    # The quality igraph's Leiden reports is the modularity here (resolution
    # 1, node weights = strengths); python-igraph 0.10.2 does not return it,
    # so it is recomputed, an O(m) pass per iteration.
    q = u.modularity(part.membership, weights="weight")
    it = 1
    for _ in range(1000):
        nxt = u.community_leiden(objective_function="modularity", weights="weight", beta=0.01,
                                 n_iterations=1, initial_membership=part.membership)
        it += 1
        same = ig.compare_communities(part.membership, nxt.membership, method="vi") == 0
        q_next = u.modularity(nxt.membership, weights="weight")
        gain, q = q_next - q, q_next
        part = nxt
        if same or (tolerance > 0 and gain < tolerance):
            break
    print(f"measures-igraph: leiden stopped after {it} iterations, modularity {q:.5f}",
          file=sys.stderr)
    return part.membership


def harmonic_cutoff(g, mode, cutoff, block=256):
    """Sum of 1/d over the d <= cutoff, from Graph.distances (see the docstring)."""
    n = g.vcount()
    out = np.zeros(n)
    for lo in range(0, n, block):
        vs = list(range(lo, min(n, lo + block)))
        d = np.array(g.distances(source=vs, weights="length", mode=mode))
        with np.errstate(divide="ignore"):
            inv = np.where((d > 0) & (d <= cutoff), 1.0 / d, 0.0)
        out[lo:lo + len(vs)] = inv.sum(axis=1)
    return list(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("--directed", action="store_true")
    ap.add_argument("--cutoff", type=float, default=3)
    ap.add_argument("--only", default="strength,pagerank,coreness,harmonic,leiden")
    ap.add_argument("--tolerance", type=float, default=1e-4)
    ap.add_argument("-o", dest="out")
    a = ap.parse_args()
    only = a.only.split(",")
    df = pd.read_csv(a.edges, dtype={"source": str, "target": str, "weight": float},
                     keep_default_na=False)
    g = ig.Graph.DataFrame(df, directed=a.directed, use_vids=False)
    cols = {"id": g.vs["name"]}
    if "strength" in only:
        cols["strength"] = g.strength(mode="all", loops=True, weights="weight")
    if "pagerank" in only:
        cols["pagerank"] = g.pagerank(directed=True, damping=0.85, weights="weight",
                                      implementation="prpack")
    if "coreness" in only:
        cols["coreness"] = g.coreness(mode="all")
    if "betweenness" in only:
        g.es["length"] = [1.0 / w for w in g.es["weight"]]
        cols["betweenness"] = g.betweenness(directed=a.directed, weights="length")
    if "harmonic" in only:
        g.es["length"] = [1.0 / w for w in g.es["weight"]]
        mode = "in" if a.directed else "all"
        if a.cutoff >= 0:
            cols["harmonic"] = harmonic_cutoff(g, mode, a.cutoff)
        else:
            cols["harmonic"] = g.harmonic_centrality(mode=mode, weights="length",
                                                     normalized=False)
    if "leiden" in only:
        cols["leiden"] = leiden(g, a.tolerance)
    if a.out:
        pd.DataFrame(cols).to_csv(a.out, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
