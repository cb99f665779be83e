"""measures-networkx.py: the NetworkX peer of clout measure + clout communities.

usage: measures-networkx.py EDGES.csv [--directed] [--cutoff C] [--only LIST]
                            [--sample K] [-o OUT.csv]
Reads the edge list with pandas, builds the graph (from_pandas_edgelist) and
computes strength (weighted degree), pagerank (0.85), core numbers, harmonic
centrality (lengths 1/w, distances to the vertex on directed graphs, cutoff
C; NetworkX's harmonic_centrality has no cutoff, so this runs Dijkstra with
a cutoff from each vertex) and communities.  NetworkX 2.8 has no Leiden:
Louvain (louvain_communities, seed 1) stands in for it, on the undirected
graph with reciprocal weights summed, with its default threshold (1e-7); the
modularity reached goes to stderr.  --sample K runs harmonic (or
betweenness) from K evenly spaced vertices only and prints the time scaled
to all vertices on stderr: an estimate for sizes too large to wait for.
"""
import argparse
import sys
import time

import networkx as nx
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("--directed", action="store_true")
    ap.add_argument("--cutoff", type=float, default=3)
    ap.add_argument("--only", default="strength,pagerank,coreness,harmonic,leiden")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("-o", dest="out")
    a = ap.parse_args()
    only = a.only.split(",")
    df = pd.read_csv(a.edges, dtype={"source": str, "target": str, "weight": float},
                     keep_default_na=False)
    df["length"] = 1.0 / df["weight"]
    g = nx.from_pandas_edgelist(df, "source", "target", edge_attr=["weight", "length"],
                                create_using=nx.DiGraph if a.directed else nx.Graph)
    nodes = list(g.nodes)
    sample = nodes
    if 0 < a.sample < len(nodes):
        sample = [nodes[k * len(nodes) // a.sample] for k in range(a.sample)]
    cols = {}
    if "strength" in only:
        cols["strength"] = dict(g.degree(weight="weight"))
    if "pagerank" in only:
        cols["pagerank"] = nx.pagerank(g, alpha=0.85, weight="weight")
    if "coreness" in only:
        cols["coreness"] = nx.core_number(g)
    if "betweenness" in only:
        t0 = time.perf_counter()
        if sample is nodes:
            cols["betweenness"] = nx.betweenness_centrality(g, weight="length", normalized=False)
        else:
            # Sources only: the work is linear in their number.
            cols["betweenness"] = nx.betweenness_centrality_subset(g, sample, nodes,
                                                                   weight="length",
                                                                   normalized=False)
        dt = time.perf_counter() - t0
        print(f"measures-networkx: betweenness {dt:.3f} s for {len(sample)} sources; "
              f"all: about {dt * len(nodes) / len(sample):.1f} s", file=sys.stderr)
    if "harmonic" in only:
        t0 = time.perf_counter()
        # Distances to v on a directed graph: Dijkstra on the reversed graph.
        r = g.reverse(copy=False) if a.directed else g
        cut = a.cutoff if a.cutoff >= 0 else None
        h = {}
        for v in sample:
            d = nx.single_source_dijkstra_path_length(r, v, cutoff=cut, weight="length")
            h[v] = sum(1.0 / x for x in d.values() if x > 0)
        cols["harmonic"] = h
        dt = time.perf_counter() - t0
        print(f"measures-networkx: harmonic {dt:.3f} s for {len(sample)} vertices; "
              f"all: about {dt * len(nodes) / len(sample):.1f} s", file=sys.stderr)
    if "leiden" in only:
        u = df.assign(a=df[["source", "target"]].min(axis=1),
                      b=df[["source", "target"]].max(axis=1))
        u = u.groupby(["a", "b"], sort=False)["weight"].sum().reset_index()
        ug = nx.from_pandas_edgelist(u, "a", "b", edge_attr="weight")
        comms = nx.community.louvain_communities(ug, weight="weight", seed=1)
        q = nx.community.modularity(ug, comms, weight="weight")
        print(f"measures-networkx: louvain modularity {q:.5f}", file=sys.stderr)
        cols["leiden"] = {v: k for k, c in enumerate(comms) for v in c}
    if a.out:
        out = pd.DataFrame({"id": nodes})
        for k, d in cols.items():
            out[k] = out["id"].map(d)
        out.to_csv(a.out, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
