"""ingest-igraph.py: the peer of `clout build DATASET@YEAR --to csv`: pandas + python-igraph.

usage: ingest-igraph.py DATASET YEAR WINDOW OUT.csv
Aggregates the ties into the snapshot with pandas (snapshot.py), builds the
igraph Graph with its attributes, and writes its edges as CSV with the
columns of clout's edge table: source,target,weight,layer,relations.
"""
import sys

import igraph as ig
import pandas as pd

from snapshot import build


def main():
    dataset, year, window, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    ids, directed, edges = build(dataset, year, window)
    g = ig.Graph(n=len(ids), edges=list(zip(edges["u"].tolist(), edges["v"].tolist())),
                 directed=directed)
    g.vs["id"] = ids.tolist()
    g.es["weight"] = edges["weight"].tolist()
    g.es["layer"] = edges["layer"].tolist()
    g.es["relations"] = edges["relations"].tolist()
    # The edge table, from the graph.
    el = pd.DataFrame(g.get_edgelist(), columns=["s", "t"])
    vid = pd.Series(g.vs["id"])
    table = pd.DataFrame({"source": vid.to_numpy()[el["s"].to_numpy()],
                          "target": vid.to_numpy()[el["t"].to_numpy()],
                          "weight": g.es["weight"], "layer": g.es["layer"],
                          "relations": g.es["relations"]})
    table.to_csv(out, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
