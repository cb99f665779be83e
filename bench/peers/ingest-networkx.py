"""ingest-networkx.py: the peer of `clout build DATASET@YEAR --to csv`: pandas + NetworkX.

usage: ingest-networkx.py DATASET YEAR WINDOW OUT.csv
The same aggregation as ingest-igraph.py (snapshot.py), then a NetworkX
graph with its attributes, and its edges written as CSV with the columns of
clout's edge table: source,target,weight,layer,relations.
"""
import sys

import networkx as nx

from snapshot import build


def main():
    dataset, year, window, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    ids, directed, edges = build(dataset, year, window)
    edges["source"] = ids[edges["u"].to_numpy()]
    edges["target"] = ids[edges["v"].to_numpy()]
    g = nx.from_pandas_edgelist(edges, "source", "target",
                                edge_attr=["weight", "layer", "relations"],
                                create_using=nx.DiGraph if directed else nx.Graph)
    g.add_nodes_from(ids.tolist())  # isolates too
    table = nx.to_pandas_edgelist(g, source="source", target="target")
    table = table[["source", "target", "weight", "layer", "relations"]]
    table.to_csv(out, index=False, float_format="%.12g")


if __name__ == "__main__":
    main()
