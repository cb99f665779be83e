"""measures-igraph.py: the python-igraph peer of clout measure + clout communities.

usage: measures-igraph.py EDGES.csv [--directed] [--cutoff C] [--only LIST] [-o OUT.csv]
Reads the edge list with pandas, builds the graph (Graph.DataFrame) and
computes what bench/measures-c.c computes, through python-igraph: strength,
pagerank (PRPACK, 0.85), coreness, harmonic centrality (lengths 1/w, IN on
directed graphs, cutoff C; C < 0 for none) and Leiden (modularity, on the
undirected graph with reciprocal weights summed, repeated from the last
partition until it no longer changes, as clout does).
"""
import argparse
import random

import igraph as ig
import pandas as pd


def leiden(g):
    u = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"}) if g.is_directed() else g
    random.seed(1)  # python-igraph draws from Python's random module
    part = u.community_leiden(objective_function="modularity", weights="weight", beta=0.01,
                              n_iterations=1)
    for _ in range(1000):
        nxt = u.community_leiden(objective_function="modularity", weights="weight", beta=0.01,
                                 n_iterations=1, initial_membership=part.membership)
        same = ig.compare_communities(part.membership, nxt.membership, method="vi") == 0
        part = nxt
        if same:
            break
    return part.membership


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("--directed", action="store_true")
    ap.add_argument("--cutoff", type=float, default=3)
    ap.add_argument("--only", default="strength,pagerank,coreness,harmonic,leiden")
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
        cols["harmonic"] = g.harmonic_centrality(mode="in" if a.directed else "all",
                                                 cutoff=a.cutoff if a.cutoff >= 0 else None,
                                                 weights="length", normalized=False)
    if "leiden" in only:
        cols["leiden"] = leiden(g)
    if a.out:
        pd.DataFrame(cols).to_csv(a.out, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
