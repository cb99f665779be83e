"""netio-ref.py: the independent side of tests/cli/netio.sh.

Each function reads a network file with NetworkX (or Python's csv module for
an adjacency matrix) and compares what clout made of the same file: nodes,
edges, weights, attributes, measures.  Usage: netio-ref.py FUNCTION ARGS...;
a failure raises (exit 1) with what differed.
"""
import csv
import io
import math
import sys
import xml.etree.ElementTree as ET

import networkx as nx


def gexf(path):
    """NetworkX 2.8 knows the GEXF 1.1draft and 1.2draft namespaces only: the
    1.3 namespaces (the schema's and Gephi's) are read as 1.2draft, whose
    elements are the same for what is read here."""
    data = open(path, "rb").read()
    for ns in (b"http://gexf.net/1.3", b"http://www.gexf.net/1.3"):
        data = data.replace(ns, b"http://www.gexf.net/1.2draft")
    return nx.read_gexf(io.BytesIO(data))


def edges_csv(path):
    """`clout build --to csv`: {(source, target): weight}."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["source", "target", "weight"], rows[:1]
    return {(r[0], r[1]): float(r[2]) for r in rows[1:]}


def measures_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def close(a, b, rel=1e-6):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-9)


def same_edges(g, clout_csv, key=lambda v: v):
    """g's edges and weights (summed over parallel ones) are clout's."""
    want = {}
    for u, v, d in g.edges(data=True):
        k = (key(u), key(v))
        if not g.is_directed() and (k[1], k[0]) in want:
            k = (k[1], k[0])
        want[k] = want.get(k, 0.0) + float(d.get("weight", 1.0))
    got = edges_csv(clout_csv)
    if not g.is_directed():
        got = {((s, t) if (s, t) in want else (t, s)): w for (s, t), w in got.items()}
    assert set(got) == set(want), ("edges differ", sorted(set(got) ^ set(want))[:10])
    for k, w in want.items():
        assert close(got[k], w, 1e-12), (k, "clout", got[k], "networkx", w)


def simple(g, weight="weight"):
    """g with parallel edges merged into one, weights summed."""
    h = nx.DiGraph() if g.is_directed() else nx.Graph()
    h.add_nodes_from(g.nodes())
    for u, v, d in g.edges(data=True):
        w = float(d.get(weight, 1.0))
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def same_measures(h, clout_measures, key=lambda v: v):
    """clout's strength, pagerank, betweenness and closeness (path length
    1/weight, clout's default) are NetworkX's on h."""
    got = measures_csv(clout_measures)
    ln = h.copy()
    for _, _, d in ln.edges(data=True):
        d["len"] = 1 / d["weight"]
    want = {
        "strength": dict(h.degree(weight="weight")),
        "pagerank": nx.pagerank(h, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
        "betweenness": nx.betweenness_centrality(ln, normalized=False, weight="len"),
    }
    if not h.is_directed():
        want["betweenness"] = {v: x for v, x in want["betweenness"].items()}
    bad = []
    for name, vals in want.items():
        for v, x in vals.items():
            y = float(got[key(v)][name])
            if not close(x, y):
                bad.append("%s %s: clout %r, networkx %r" % (name, v, y, x))
    # closeness: clout's is 1 / (sum of distances) within the reachable part
    # (doc/methods.md); NetworkX's, on a connected network, (n - 1) / sum.
    if not h.is_directed() and nx.is_connected(h):
        n = h.number_of_nodes()
        for v, x in nx.closeness_centrality(ln, distance="len").items():
            y = float(got[key(v)]["closeness"]) * (n - 1)
            if not close(x, y):
                bad.append("closeness %s: clout*(n-1) %r, networkx %r" % (v, y, x))
    assert not bad, "\n".join(bad[:10])


def newman_gml(gml, clout_csv, clout_measures):
    """Newman's lesmis.gml, weights in `value`: NetworkX with value as the
    weight; nodes are known by label (unique in this file)."""
    g = nx.read_gml(gml, label="label")
    for _, _, d in g.edges(data=True):
        d["weight"] = float(d["value"])
    assert g.number_of_nodes() == 77 and g.number_of_edges() == 254
    same_edges(g, clout_csv)
    same_measures(simple(g), clout_measures)


def gephi_gexf(path, clout_csv, clout_measures):
    """Gephi's Les Miserables.gexf: ids, edges and weights (1 where Gephi
    wrote none: GEXF's default), and the measures."""
    g = gexf(path)
    assert g.number_of_nodes() == 77 and g.number_of_edges() == 254
    same_edges(g, clout_csv)
    same_measures(simple(g), clout_measures)


def graphml_yfiles(path, clout_csv, clout_keep_csv, clout_measures):
    """yFiles GraphML with two parallel edges n2 -> n1: clout merges them
    (weight 2) by default and keeps them with --multi keep; the measures of
    the merged network are NetworkX's on the merged network."""
    g = nx.read_graphml(path)
    assert isinstance(g, nx.MultiDiGraph), type(g)
    same_edges(g, clout_csv)
    rows = list(csv.reader(open(clout_keep_csv, encoding="utf-8")))[1:]
    assert len(rows) == g.number_of_edges() == 4, (len(rows), g.number_of_edges())
    same_measures(simple(g), clout_measures)


def graphml_keeps(original, written):
    """clout's GraphML of a GraphML keeps every node attribute with its type
    (yFiles: zOrder int, Expanded boolean with a default, url, description)."""
    a, b = nx.read_graphml(original), nx.read_graphml(written)
    for v, d in a.nodes(data=True):
        for k, x in d.items():
            y = b.nodes[v].get(k)
            assert y == x and type(y) is type(x), (v, k, "original", x, "clout's", y)


def gml_keeps_value(gml, written):
    """The GraphML (or GML) clout writes from Newman's GML keeps `value` on
    every edge."""
    a = nx.read_gml(gml, label="label")
    b = nx.read_gml(written, label="label") if written.endswith(".gml") else nx.read_graphml(written)
    names = {v: d["name"] for v, d in b.nodes(data=True)}
    got = {(names[u], names[v]): d["value"] for u, v, d in b.edges(data=True)}
    for u, v, d in a.edges(data=True):
        x = got.get((u, v), got.get((v, u)))
        assert x == d["value"], (u, v, "gml", d["value"], "graphml", x)


def pajek(path, clout_csv):
    """Pajek with drawing attributes: NetworkX's reader, which ignores them
    too, gives the same labels, edges and weights."""
    g = nx.read_pajek(path)
    same_edges(g, clout_csv)


def matrix(path, clout_csv, sep):
    """An adjacency matrix parsed with Python's csv module (cells trimmed):
    every cell that is not 0 is an edge row -> column with that weight."""
    rows = [[c.strip() for c in r] for r in csv.reader(open(path, encoding="utf-8"), delimiter=sep)
            if r]
    labels = rows[0][1:]
    g = nx.DiGraph()
    for r in rows[1:]:
        for j, c in enumerate(r[1:]):
            if float(c) != 0:
                g.add_edge(r[0], labels[j], weight=float(c))
    same_edges(g, clout_csv)


def clout_gexf(gexf_path, graphml_path):
    """NetworkX reads clout's GEXF as the same network as clout's GraphML:
    nodes, labels (names), kind and role, edges, weights, layers."""
    a, b = gexf(gexf_path), nx.read_graphml(graphml_path)
    assert a.is_directed() == b.is_directed()
    assert set(a.nodes()) == set(b.nodes()), "nodes differ"
    for v, d in b.nodes(data=True):
        e = a.nodes[v]
        assert e.get("label") == d["name"], (v, e, d)
        for k in ("kind", "role"):
            assert e.get(k, "") == d.get(k, ""), (v, k, e, d)
    ea = {(u, v): d for u, v, d in a.edges(data=True)}
    assert len(ea) == b.number_of_edges(), (len(ea), b.number_of_edges())
    for u, v, d in b.edges(data=True):
        x = ea[(u, v)]
        assert close(x["weight"], d["weight"], 1e-15), (u, v, x, d)
        assert x.get("layer", "") == d.get("layer", ""), (u, v, x, d)


def dynamic(gexf_path, first, last, *snapshots):
    """The dynamic GEXF: for every year, the edges whose spells (as NetworkX
    reads them) hold the year are those of clout's snapshot of that year
    (`build DATASET@YEAR --to csv`, files given in order), and the dynamic
    weight (read from the attvalues) is that snapshot's weight."""
    g = gexf(gexf_path)
    assert g.graph.get("mode") == "dynamic", g.graph
    root = ET.parse(gexf_path).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    weights = {}
    for e in root.iterfind(".//g:edge", ns):
        for av in e.iterfind("g:attvalues/g:attvalue[@for='weight']", ns):
            for y in range(int(av.get("start")), int(av.get("end")) + 1):
                weights[(e.get("source"), e.get("target"), y)] = float(av.get("value"))
    years = range(int(first), int(last) + 1)
    assert len(snapshots) == len(years), (len(snapshots), list(years))
    for y, path in zip(years, snapshots):
        want = edges_csv(path)
        got = {(u, v) for u, v, d in g.edges(data=True)
               if any(s <= y <= t for s, t in d.get("spells", []))}
        assert got == set(want), (y, "spells", sorted(got ^ set(want))[:6])
        for (u, v), w in want.items():
            x = weights.get((u, v, y))
            assert x is not None and close(x, w, 1e-11), (y, u, v, "gexf", x, "snapshot", w)


def text_graph(path, directed):
    """A whitespace-separated edge list as NetworkX reads it: read_edgelist
    (comments '#', any run of white space between words) into a multigraph,
    so that parallel edges stay apart until simple() sums them, with the
    third column, when there is one, as the float weight (what
    read_weighted_edgelist does)."""
    g = nx.MultiDiGraph() if directed == "directed" else nx.MultiGraph()
    return nx.read_edgelist(path, create_using=g, nodetype=str, data=(("weight", float),))


def text_edgelist(path, directed, clout_csv, clout_measures):
    """clout reads a whitespace edge list (.edgelist, .txt) as NetworkX's
    read_edgelist does: the same ids, edges and weights (parallel ones
    summed, clout's --multi sum), and degree, strength, PageRank,
    betweenness and closeness of the summed network are NetworkX's."""
    g = text_graph(path, directed)
    same_edges(g, clout_csv)
    h = simple(g)
    same_measures(h, clout_measures)
    got = measures_csv(clout_measures)
    assert set(got) == set(h.nodes()), ("nodes differ", sorted(set(got) ^ set(h.nodes()))[:10])
    bad = ["degree %s: clout %s, networkx %d" % (v, got[v]["degree"], d)
           for v, d in h.degree() if int(got[v]["degree"]) != d]
    assert not bad, "\n".join(bad[:10])
    print("%s: %d nodes, %d edges (%d once merged), %s" % (
        path, h.number_of_nodes(), g.number_of_edges(), h.number_of_edges(), directed))


def write_weighted(gml, out):
    """NetworkX writes Newman's lesmis.gml (weights in `value`) with
    write_weighted_edgelist: "source target weight" lines, for clout to read."""
    g = nx.read_gml(gml, label="label")
    for _, _, d in g.edges(data=True):
        d["weight"] = float(d["value"])
    nx.write_weighted_edgelist(g, out)


def weighted_from_gml(gml, clout_csv, clout_measures):
    """The network of Newman's GML (value as weight) as NetworkX reads it,
    against clout's reading of the edge list NetworkX wrote from it."""
    g = nx.read_gml(gml, label="label")
    for _, _, d in g.edges(data=True):
        d["weight"] = float(d["value"])
    same_edges(g, clout_csv)
    same_measures(simple(g), clout_measures)


def clout_text_reads(gml, clout_text):
    """NetworkX's read_weighted_edgelist reads the .edgelist clout wrote of
    Newman's GML (--weight value) as the GML's edges and weights."""
    a = nx.read_gml(gml, label="label")
    b = nx.read_weighted_edgelist(clout_text)
    assert set(a.nodes()) == set(b.nodes()), sorted(set(a.nodes()) ^ set(b.nodes()))[:10]
    assert a.number_of_edges() == b.number_of_edges(), (a.number_of_edges(), b.number_of_edges())
    for u, v, d in a.edges(data=True):
        assert b.has_edge(u, v) and b[u][v]["weight"] == float(d["value"]), (u, v, d, b.get_edge_data(u, v))


if __name__ == "__main__":
    globals()[sys.argv[1]](*sys.argv[2:])
