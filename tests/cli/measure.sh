#!/usr/bin/env bash
# TAP: clout measure: columns, formats, options, errors; values checked against NetworkX when present.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
DATA=$SRC/tests/data/measures
ALL="id,name,kind,role,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,hub,authority,coreness,constraint,katz"

run "$CLOUT" measure -h
expect_rc 0 "measure -h"
head -n 1 "$T/out" | grep -q '^usage: clout measure INPUT'
tap $? "measure -h starts with the usage line" "$(head -n 1 "$T/out")"

# Every measure, as CSV: one row per actor of the snapshot (10: all but WORLD), in order.
run "$CLOUT" measure "$TINY@2022" --format csv -q
expect_rc 0 "measure tiny@2022 --format csv"
[ "$(head -n 1 "$T/out")" = "$ALL" ]
tap $? "the CSV header is id, name, kind, role and the twelve measures" "$(head -n 1 "$T/out")"
[ "$(wc -l <"$T/out")" -eq 11 ]
tap $? "one row per actor (10)" "$(cat "$T/out")"
cut -d, -f1 "$T/out" | tr '\n' ' ' | grep -qx 'id NRL SDL ELD WSL MDL RVL NPACT CMKT FORUM SUDSEC '
tap $? "rows in the network's vertex order" "$(cut -d, -f1 "$T/out" | tr '\n' ' ')"
[ ! -s "$T/err" ]
tap $? "nothing on stderr with -q (warnings about coverage are silenced)" "$(cat "$T/err")"
run "$CLOUT" measure "$TINY@2022" --format csv
grep -q '^clout: warning: aid: no data in the 2022 snapshot' "$T/err" && [ "$(grep -vc '^clout: warning:' "$T/err")" -eq 0 ]
tap $? "without -q: only the coverage warning (aid's source ends in 2017)" "$(cat "$T/err")"
cp "$T/out" "$T/all.csv"

# Degree counts ties in and out (directed); from the README's edge table of
# tiny@2022: NRL has 7 out (ELD WSL MDL RVL NPACT CMKT FORUM) and 7 in; CMKT 5 and 5.
grep -q '^NRL,Norland,state,pole,14,' "$T/all.csv" && grep -q '^CMKT,Common Market,bloc,,10,' "$T/all.csv"
tap $? "degree = in + out (NRL 14, CMKT 10)" "$(grep -E '^(NRL|CMKT),' "$T/all.csv")"

run "$CLOUT" measure "$TINY@2022" --format json
expect_rc 0 "measure tiny@2022 --format json"
if "$PY" -c 'import json' 2>/dev/null; then
    "$PY" - "$T/out" "$ALL" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))
want = sys.argv[2].split(",")
assert len(rows) == 10, len(rows)
assert all(list(r) == want for r in rows), list(rows[0])
EOF
    tap $? "the JSON is 10 objects with the same keys in order"
else
    skip "the JSON is 10 objects with the same keys" "no python3"
fi

# A chosen list comes out in the standard order.
run "$CLOUT" measure "$TINY@2022" --measures pagerank,degree --format csv
expect_rc 0 "--measures pagerank,degree"
[ "$(head -n 1 "$T/out")" = "id,name,kind,role,degree,pagerank" ]
tap $? "--measures pagerank,degree gives degree then pagerank" "$(head -n 1 "$T/out")"
run "$CLOUT" measure "$TINY@2022" --measures all --format csv
cmp -s "$T/out" "$T/all.csv"
tap $? "--measures all equals the default"
run "$CLOUT" measure "$TINY@2022" --measures centrality
expect_rc 2 "--measures centrality (unknown)"
grep -q "unknown measure 'centrality' (valid: degree, strength" "$T/err"
tap $? "the unknown measure is named with the valid ones" "$(cat "$T/err")"

# The same run twice: the same bytes (eigenvector, hub and authority start
# ARPACK from a vector that igraph perturbs at random).
run "$CLOUT" measure "$TINY@2022" --format csv
cmp -s "$T/out" "$T/all.csv"
tap $? "two runs give the same bytes"

# --normalized: betweenness / ((n-1)(n-2)) on a directed network, n = 10.
run "$CLOUT" measure "$TINY@2022" --measures betweenness --format csv
raw=$(awk -F, '$1 == "CMKT" { print $5 }' "$T/out")
run "$CLOUT" measure "$TINY@2022" --measures betweenness --normalized --format csv
norm=$(awk -F, '$1 == "CMKT" { print $5 }' "$T/out")
awk -v r="$raw" -v n="$norm" 'BEGIN { d = r / 72 - n; exit !(r > 0 && d < 1e-9 && d > -1e-9) }'
tap $? "--normalized divides betweenness by (n-1)(n-2) = 72" "raw $raw, normalized $norm"

# --unweighted: strength is degree.
run "$CLOUT" measure "$TINY@2022" --measures degree,strength --unweighted --format csv
awk -F, 'NR > 1 && $5 != $6 { bad = 1 } END { exit bad }' "$T/out"
tap $? "--unweighted makes strength equal degree" "$(cat "$T/out")"

# --distance log: tiny's weights go up to 4.23 (NRL -> ELD), and -log w is a
# length only for weights below 1: a usage error that names the edge.
run "$CLOUT" measure "$TINY@2022" --distance log
expect_rc 2 "--distance log with weights of 1 and more"
grep -q "edge 1 (NRL -> ELD) has weight 4.22581, but --distance log needs weights below 1" "$T/err"
tap $? "--distance log names the first edge it cannot use" "$(cat "$T/err")"
run "$CLOUT" measure "$TINY@2022" --distance log --measures pagerank,katz
expect_rc 0 "--distance log is no error for measures without paths"
run "$CLOUT" measure "$DATA/ties-lengths.graphml" --distance log --measures betweenness
expect_rc 0 "--distance log with weights below 1"
run "$CLOUT" measure "$TINY@2022" --distance none --measures betweenness
expect_rc 0 "--distance none"

# Katz alpha above 1 / the largest eigenvalue.
run "$CLOUT" measure "$TINY@2022" --measures katz --katz-alpha 10
expect_rc 2 "--katz-alpha 10 (too large)"
grep -q "Katz alpha 10 is too large: it must be below 1 / " "$T/err"
tap $? "the Katz bound is in the message" "$(cat "$T/err")"

# Brokerage roles.
run "$CLOUT" measure "$TINY@2022" --groups kind --measures degree --format csv
expect_rc 0 "--groups kind"
[ "$(head -n 1 "$T/out")" = "id,name,kind,role,degree,coordinator,itinerant,representative,gatekeeper,liaison" ]
tap $? "--groups adds the five roles" "$(head -n 1 "$T/out")"
cp "$T/out" "$T/roles.csv"
run "$CLOUT" measure "$DATA/karate.graphml" --groups club
expect_rc 2 "--groups on an undirected network"
grep -q "need a directed network" "$T/err"
tap $? "--groups on an undirected network says why" "$(cat "$T/err")"
run "$CLOUT" measure "$TINY@2022" --groups colour
expect_rc 2 "--groups with an attribute the actors lack"

# Bad weights are bad data (exit 3), and the edge is named.
printf 'source,target,weight\nRUS,KAZ,1\nKAZ,UZB,0\n' >"$T/zero.csv"
run "$CLOUT" measure "$T/zero.csv"
expect_rc 3 "a weight of 0"
grep -q "edge 2 (KAZ -- UZB) has weight 0; weights must be above 0" "$T/err"
tap $? "the weight-0 edge is named" "$(cat "$T/err")"
run "$CLOUT" measure "$T/zero.csv" --unweighted
expect_rc 0 "--unweighted ignores a weight of 0"

# -o writes the file, atomically, and nothing to stdout.
run "$CLOUT" measure "$TINY@2022" -o "$T/m.csv"
[ "$rc" -eq 0 ] && [ ! -s "$T/out" ] && cmp -s "$T/m.csv" "$T/all.csv"
tap $? "-o m.csv writes the CSV there" "exit $rc: $(cat "$T/err")"

# --cutoff: only paths of length D or less.  Reference: NetworkX (below,
# with the independent values); here the options and errors.
run "$CLOUT" measure "$TINY@2022" --measures harmonic,closeness,betweenness --cutoff 1.5 --format csv
expect_rc 0 "--cutoff 1.5"
cp "$T/out" "$T/cut.csv"
for bad in 0 -1 abc inf; do
    run "$CLOUT" measure "$TINY@2022" --cutoff "$bad"
    expect_rc 2 "--cutoff $bad"
    grep -q "^clout: --cutoff: '$bad' is not a positive number$" "$T/err"
    tap $? "--cutoff $bad: the value is named" "$(cat "$T/err")"
done

# --sample K: betweenness from K random sources, scaled by n / K.
run "$CLOUT" measure "$TINY@2022" --measures betweenness --sample 10 --seed 5 --format csv
run2=$(cat "$T/out")
run "$CLOUT" measure "$TINY@2022" --measures betweenness --format csv
[ "$run2" = "$(cat "$T/out")" ]
tap $? "--sample 10 on 10 actors is the exact betweenness" "$run2"
run "$CLOUT" measure "$TINY@2022" --measures betweenness --sample 3 --seed 5 --format csv
cp "$T/out" "$T/s1.csv"
run "$CLOUT" measure "$TINY@2022" --measures betweenness --sample 3 --seed 5 --format csv
cmp -s "$T/out" "$T/s1.csv"
tap $? "--sample 3 --seed 5 twice: the same bytes"
run "$CLOUT" measure "$TINY@2022" --measures betweenness --sample 0
expect_rc 2 "--sample 0"
run "$CLOUT" measure "$TINY@2022" --measures betweenness --sample 3 --cutoff 1
expect_rc 2 "--sample with --cutoff"
grep -q "a sample of sources or a path-length cutoff, not both" "$T/err"
tap $? "--sample with --cutoff says why" "$(cat "$T/err")"

# Independent values: NetworkX on the same network (clout build --to graphml),
# and the brokerage roles counted in Python as sna::brokerage defines them.
if "$PY" -c 'import networkx' 2>/dev/null; then
    "$CLOUT" build "$TINY@2022" -o "$T/tiny.graphml"
    "$PY" - "$T/tiny.graphml" "$T/all.csv" "$T/roles.csv" "$T/cut.csv" <<'EOF' >"$T/py" 2>&1
import csv, math, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
got = {r["id"]: r for r in csv.DictReader(open(sys.argv[2]))}
roles = {r["id"]: r for r in csv.DictReader(open(sys.argv[3]))}
bad = []
def check(name, want):
    for v, x in want.items():
        y = float(got[v][name])
        if abs(x - y) > 1e-6 * max(abs(x), 1e-3):
            bad.append("%s %s: clout %r, networkx %r" % (name, v, y, x))
check("pagerank", nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000))
check("strength", dict(g.degree(weight="weight")))
h = g.copy()
for _, _, d in h.edges(data=True):
    d["len"] = 1 / d["weight"]
check("betweenness", nx.betweenness_centrality(h, normalized=False, weight="len"))
check("harmonic", nx.harmonic_centrality(h, distance="len"))
# --cutoff 1.5: distances to v (incoming on this digraph) up to 1.5, NetworkX's
# Dijkstra with a cutoff; betweenness counts only pairs at most 1.5 apart.
got = {r["id"]: r for r in csv.DictReader(open(sys.argv[4]))}
r = h.reverse()
harm, clos = {}, {}
for v in h:
    d = nx.single_source_dijkstra_path_length(r, v, cutoff=1.5, weight="len")
    harm[v] = sum(1 / x for x in d.values() if x > 0)
    s = sum(d.values())
    clos[v] = 1 / s if s > 0 else float("nan")
check("harmonic", harm)
check("closeness", {v: x for v, x in clos.items() if x == x})
bc = {v: 0.0 for v in h}
for s in h:
    dist = nx.single_source_dijkstra_path_length(h, s, weight="len")
    for t, dt in dist.items():
        if t != s and dt <= 1.5:
            paths = list(nx.all_shortest_paths(h, s, t, weight="len"))
            for p in paths:
                for v in p[1:-1]:
                    bc[v] += 1 / len(paths)
check("betweenness", bc)
got = {r["id"]: r for r in csv.DictReader(open(sys.argv[2]))}
kind = nx.get_node_attributes(g, "kind")
names = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
count = {v: [0] * 5 for v in g}
for b in g:
    for a in g.predecessors(b):
        for c in g.successors(b):
            if len({a, b, c}) < 3 or g.has_edge(a, c):
                continue
            A, B, C = kind[a], kind[b], kind[c]
            r = (0 if B == C else 2) if A == B else 3 if B == C else 1 if A == C else 4
            count[b][r] += 1
for v in g:
    for i, n in enumerate(names):
        if int(roles[v][n]) != count[v][i]:
            bad.append("%s %s: clout %s, python %d" % (n, v, roles[v][n], count[v][i]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
    tap $? "pagerank, strength, betweenness, harmonic, brokerage and --cutoff 1.5 agree with NetworkX" "$(cat "$T/py")"
else
    skip "values agree with NetworkX" "no python3-networkx"
fi

done_testing
