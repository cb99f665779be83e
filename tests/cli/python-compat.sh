#!/usr/bin/env bash
# python-compat.sh: TAP: clout's files load in NetworkX, python-igraph, Graphviz, xmllint;
# NetworkX's GraphML loads in clout.
# Env: CLOUT (the clout binary), CLOUT_SRCDIR (the source root), PYTHON3 (default /usr/bin/python3),
# XMLLINT (optional).
set -u
CLOUT=${CLOUT:?set CLOUT to the clout binary}
SRC=${CLOUT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
PYTHON3=${PYTHON3:-/usr/bin/python3}

if ! "$PYTHON3" -c 'import networkx, igraph' >/dev/null 2>&1; then
    echo "1..0 # SKIP python3-networkx or python3-igraph missing"
    exit 0
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/clout-pycompat.XXXXXX") || { echo "Bail out! no temp dir"; exit 1; }
trap 'rm -rf "$T"' EXIT
cd "$T" || { echo "Bail out! cannot cd to $T"; exit 1; }

CA=$SRC/graphs/central-asia@2024
TINY=$SRC/graphs/examples/tiny@2022

echo "1..15"
n=0

# diag FILE...: the files' text as TAP diagnostics
diag() {
    local f
    for f in "$@"; do
        [ -s "$f" ] && tail -n 12 "$f" | awk -v f="$(basename "$f")" '{ print "# " f ": " $0 }'
    done
    return 0
}

# tap RC NAME [FILE...]: one test line; on failure the files become diagnostics
tap() {
    local rc=$1 name=$2
    shift 2
    n=$((n + 1))
    if [ "$rc" -eq 0 ]; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        diag "$@"
    fi
}

skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}

# py NAME ARGS...: runs the Python check NAME (a function of checks.py)
py() {
    "$PYTHON3" checks.py "$@"
}

# The Python side: each function checks one thing and raises on failure.
cat >checks.py <<'EOF'
import csv, json, math, sys
import networkx as nx
import igraph


def edges_csv(path):
    """The rows of `clout build --to csv`: (source, target, weight)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows and rows[0] == ["source", "target", "weight", "layer", "relations"], rows[:1]
    return [(r[0], r[1], float(r[2])) for r in rows[1:]]


def summary(path):
    """`clout info --format json`: the summary table as a dict, and the whole object."""
    with open(path, encoding="utf-8") as f:
        info = json.load(f)
    return {r["item"]: r["value"] for r in info["summary"]}, info


def counts(info_path):
    s, _ = summary(info_path)
    return int(s["actors"]), int(s["edges"]), s["directed"] == "yes"


def nx_graphml(graphml, csv_path, info_path):
    """NetworkX reads clout's GraphML: attributes, counts, edges."""
    g = nx.read_graphml(graphml)
    n, m, directed = counts(info_path)
    rows = edges_csv(csv_path)
    _, info = summary(info_path)
    assert g.is_directed() == directed, (g.is_directed(), directed)
    assert g.number_of_nodes() == n, ("nodes", g.number_of_nodes(), "info says", n)
    assert g.number_of_edges() == m == len(rows), ("edges", g.number_of_edges(), m, len(rows))
    roles = {"pole": 0, "focus": 0, "": 0}
    for v, d in g.nodes(data=True):
        for a in ("name", "kind"):
            assert d.get(a), ("node", v, "has no", a, d)
        # NetworkX drops a <data> element whose text is empty, so an actor
        # without a role comes without the attribute.
        role = d.get("role", "")
        assert role in roles, ("node", v, "role", role)
        roles[role] += 1
    want = {r["role"]: r["actors"] for r in info["roles"]}
    assert roles["pole"] == want.get("pole", 0), (roles, want)
    assert roles["focus"] == want.get("focus", 0), (roles, want)
    assert roles[""] == want.get("(none)", 0), (roles, want)
    for u, v, d in g.edges(data=True):
        assert isinstance(d.get("weight"), float), ("edge", u, v, d)
    assert {(s, t) for s, t, _ in rows} == set(g.edges()), "edge sets differ"


def ig_graphml(graphml, info_path):
    """python-igraph reads clout's GraphML."""
    g = igraph.Graph.Read_GraphML(graphml)
    n, m, directed = counts(info_path)
    assert g.is_directed() == directed
    assert (g.vcount(), g.ecount()) == (n, m), ((g.vcount(), g.ecount()), (n, m))
    for a in ("name", "kind", "role"):
        assert a in g.vs.attributes(), (a, g.vs.attributes())
    assert "weight" in g.es.attributes(), g.es.attributes()
    assert all(isinstance(w, float) and math.isfinite(w) for w in g.es["weight"])


def nx_weights(graphml, csv_path):
    """The weights NetworkX reads are those of `build --to csv` (12 significant
    digits there, so equal to a relative 1e-11), and two of them are
    graphs/examples/tiny/README.md's hand-worked values."""
    g = nx.read_graphml(graphml)
    rows = edges_csv(csv_path)
    assert g.number_of_edges() == len(rows)
    for s, t, w in rows:
        got = g[s][t]["weight"]
        assert abs(got - w) <= 1e-11 * max(1, abs(w)), (s, t, "networkx", got, "csv", w)
    for s, t, w in (("NRL", "ELD", 1 + 2 + 0.5 + 70 / 310 + 0.5), ("SDL", "MDL", 1.5)):
        got = g[s][t]["weight"]
        assert abs(got - w) <= 1e-12, (s, t, got, "README says", w)


def nx_gml(gml, info_path):
    g = nx.read_gml(gml, label="label")
    n, m, directed = counts(info_path)
    assert g.is_directed() == directed
    assert (g.number_of_nodes(), g.number_of_edges()) == (n, m), (
        (g.number_of_nodes(), g.number_of_edges()), (n, m))


def ig_gml(gml, info_path):
    g = igraph.Graph.Read_GML(gml)
    n, m, directed = counts(info_path)
    assert g.is_directed() == directed
    assert (g.vcount(), g.ecount()) == (n, m), ((g.vcount(), g.ecount()), (n, m))


def n_edges(info_path):
    print(counts(info_path)[1])


def karate_write(path):
    nx.write_graphml(nx.karate_club_graph(), path)


def karate_info(info_path):
    """Zachary's karate club: 34 members, 78 ties (Zachary 1977)."""
    s, _ = summary(info_path)
    assert int(s["actors"]) == 34, s
    assert int(s["edges"]) == 78, s
    assert s["directed"] == "no", s


def karate_back(graphml):
    """clout's GraphML of the karate club has NetworkX's edges and weights."""
    k = nx.karate_club_graph()
    g = nx.read_graphml(graphml)
    assert g.number_of_nodes() == 34 and g.number_of_edges() == 78
    for u, v, d in k.edges(data=True):
        got = g[str(u)][str(v)]["weight"]
        assert got == d["weight"], (u, v, got, d["weight"])


def igraph_graphml_loses_ids(graphml, csv_path, out):
    """igraph's own GraphML writer (python-igraph's write_graphml is the C
    library's igraph_write_graph_graphml) names nodes n0, n1, ...: NetworkX
    then keys the network by those, not by the actors' ids, which is why
    clout writes GraphML itself (src/netio.c)."""
    igraph.Graph.Read_GraphML(graphml).write_graphml(out)
    g = nx.read_graphml(out)
    ids = {s for s, _, _ in edges_csv(csv_path)} | {t for _, t, _ in edges_csv(csv_path)}
    assert set(g.nodes()) != ids and "n0" in g, sorted(g.nodes())[:5]


def igraph_gml_unreadable(graphml, out):
    """igraph's own GML writer writes "Türkiye" as it is, where GML is 7-bit
    ASCII, and drops the string ids: NetworkX's read_gml refuses the file."""
    igraph.Graph.Read_GraphML(graphml).write_gml(out)
    try:
        nx.read_gml(out, label="label")
    except Exception as e:
        print("networkx refuses it:", type(e).__name__, e)
        return
    raise AssertionError("networkx read igraph's GML of central-asia")


globals()[sys.argv[1]](*sys.argv[2:])
EOF

# ---- central-asia@2024 as GraphML ----
rc=0
"$CLOUT" build "$CA" --to graphml -o ca.graphml 2>err || { rc=$?; echo "exit $rc" >>err; }
tap "$rc" "build central-asia@2024 --to graphml exits 0" err
"$CLOUT" build "$CA" --to csv -o ca.csv 2>>err
"$CLOUT" info "$CA" --format json -o ca.json 2>>err
"$CLOUT" build "$TINY" --to graphml -o tiny.graphml 2>>err
"$CLOUT" build "$TINY" --to csv -o tiny.csv 2>>err
"$CLOUT" info "$TINY" --format json -o tiny.json 2>>err

XL=${XMLLINT:-}
[ "$XL" = no ] && XL=
[ -z "$XL" ] && XL=$(command -v xmllint || true)
if [ -n "$XL" ]; then
    rc=0
    "$XL" --noout ca.graphml tiny.graphml >out 2>&1 || rc=$?
    tap "$rc" "xmllint: clout's GraphML is well-formed" out
else
    skip "xmllint: clout's GraphML is well-formed" "no xmllint"
fi

rc=0
py nx_graphml ca.graphml ca.csv ca.json >out 2>&1 || rc=$?
tap "$rc" "networkx reads central-asia GraphML: name/kind/role, weight, counts as csv/info" \
    out err

rc=0
py ig_graphml ca.graphml ca.json >out 2>&1 || rc=$?
tap "$rc" "python-igraph reads central-asia GraphML: counts, name/kind/role, weight" out

# ---- tiny@2022 weights ----
rc=0
py nx_weights tiny.graphml tiny.csv >out 2>&1 || rc=$?
tap "$rc" "networkx weights of tiny@2022 equal build --to csv (NRL->ELD 4.225806, SDL->MDL 1.5)" out

# ---- GML ----
"$CLOUT" build "$TINY" --to gml -o tiny.gml 2>err
"$CLOUT" build "$CA" --to gml -o ca.gml 2>>err
rc=0
py nx_gml tiny.gml tiny.json >out 2>&1 || rc=$?
tap "$rc" "networkx reads tiny@2022 GML (label='label') with the same counts" out err
rc=0
py ig_gml tiny.gml tiny.json >out 2>&1 || rc=$?
tap "$rc" "python-igraph reads tiny@2022 GML with the same counts" out err
# central-asia has "Türkiye": GML is 7-bit ASCII, so clout writes &#252; and NetworkX decodes it.
rc=0
py nx_gml ca.gml ca.json >out 2>&1 || rc=$?
tap "$rc" "networkx reads central-asia@2024 GML (label='label') with the same counts" out err
rc=0
py ig_gml ca.gml ca.json >out 2>&1 || rc=$?
tap "$rc" "python-igraph reads central-asia@2024 GML with the same counts" out err

# ---- DOT ----
if command -v dot >/dev/null 2>&1; then
    for input in "$TINY" "$CA"; do
        name=$(basename "$input")
        rc=0
        "$CLOUT" build "$input" --to dot -o g.dot 2>err || rc=$?
        [ "$rc" -eq 0 ] && { dot -Tcanon g.dot >canon 2>>err || rc=$?; }
        # every edge survives: as many "->" lines as info counts edges
        if [ "$rc" -eq 0 ]; then
            json=ca.json
            [ "$input" = "$TINY" ] && json=tiny.json
            want=$(py n_edges "$json")
            got=$(grep -c -- ' -> ' canon)
            [ "$got" = "$want" ] || {
                rc=1
                echo "dot -Tcanon shows $got edges, info says $want" >>err
            }
        fi
        tap "$rc" "dot -Tcanon reads clout's DOT of $name" err
    done
else
    skip "dot -Tcanon reads clout's DOT of tiny@2022" "no dot"
    skip "dot -Tcanon reads clout's DOT of central-asia@2024" "no dot"
fi

# ---- why clout writes GraphML and GML itself: igraph's own writers, read by NetworkX ----
rc=0
py igraph_graphml_loses_ids ca.graphml ca.csv ig.graphml >out 2>&1 || rc=$?
tap "$rc" "igraph's GraphML writer names nodes n0, n1, ...: NetworkX loses the actors' ids" out
rc=0
py igraph_gml_unreadable ca.graphml ig.gml >out 2>&1 || rc=$?
tap "$rc" "igraph's GML writer keeps non-ASCII and drops ids: NetworkX refuses it" out

# ---- NetworkX -> clout ----
rc=0
py karate_write k.graphml >out 2>&1 || rc=$?
[ "$rc" -eq 0 ] && { "$CLOUT" info k.graphml --format json -o k.json 2>>out || rc=$?; }
[ "$rc" -eq 0 ] && { py karate_info k.json >>out 2>&1 || rc=$?; }
tap "$rc" "clout info reads NetworkX's karate club GraphML: 34 actors, 78 edges" out
rc=0
"$CLOUT" build k.graphml --to graphml -o k2.graphml 2>out || rc=$?
[ "$rc" -eq 0 ] && { py karate_back k2.graphml >>out 2>&1 || rc=$?; }
tap "$rc" "karate club through clout keeps NetworkX's edges and weights" out
