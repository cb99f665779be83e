#!/usr/bin/env bash
# TAP: clout influence against computations written out in this file.
# - direct shares of graphs/examples/tiny@2022: by hand, from its README's edge table;
# - reach and brokerage: an independent Python implementation below (power iteration for
#   personalised PageRank, and shortest-path counting for subset betweenness), run on the
#   edges that `clout build` exports (the snapshot itself is tested elsewhere);
# - alignment: a dataset built so that communities are unambiguous;
# - index and balance: from the above by their formulas;
# - the bootstrap: the same output twice, and with -j 1, 2, 3, 5 and 7.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
if ! "$PY" -c 'import csv' 2>/dev/null; then
    echo "1..0 # SKIP no python3"
    exit 0
fi

run "$CLOUT" influence "$TINY@2022" --format csv --table shares
expect_rc 0 "influence tiny@2022 --table shares"
cp "$T/out" "$T/shares.csv"
run "$CLOUT" influence "$TINY@2022" --format csv --table balance
expect_rc 0 "influence tiny@2022 --table balance"
cp "$T/out" "$T/balance.csv"

# value FOCUS POLE LAYER COLUMN: one cell of the shares table
value() {
    "$PY" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1])):
    if (r["focus"], r["pole"], r["layer"]) == tuple(sys.argv[2:5]):
        print(r[sys.argv[5]]); break' "$T/shares.csv" "$@"
}
# near GOT WANT: equal to 1e-9
near() {
    "$PY" -c 'import sys; g, w = sys.argv[1], float(sys.argv[2]); sys.exit(0 if g != "" and abs(float(g) - w) < 1e-9 else 1)' "$1" "$2"
}

# Direct shares by hand (README edge table, tiny@2022; incoming edges only):
# ELD, all layers: NRL->ELD 3.9, SDL->ELD 0.6, NPACT->ELD 1 (NPACT led by NRL): total 5.5.
check_direct() {
    local got
    got=$(value "$1" "$2" "$3" direct)
    near "$got" "$4"
    tap $? "direct share of $2 in $1 ($3) = $5" "got '$got'"
}
check_direct ELD NRL all 0.890909090909091 "(3.9 + 1) / 5.5"
check_direct ELD SDL all 0.109090909090909 "0.6 / 5.5"
check_direct ELD other all 0 "nothing else reaches ELD"
# MDL: NRL->MDL 0.25, SDL->MDL 1.75, CMKT->MDL 1 (led by NRL;SDL: half each), SUDSEC->MDL 1 (SDL): 4.
check_direct MDL NRL all 0.1875 "(0.25 + 0.5) / 4"
check_direct MDL SDL all 0.8125 "(1.75 + 0.5 + 1) / 4"
# WSL: SDL->WSL 3 (base 2 + trade 1), CMKT->WSL 1: 4.
check_direct WSL NRL all 0.125 "0.5 / 4"
check_direct WSL SDL all 0.875 "3.5 / 4"
# By layer: economic ELD gets trade 0.4 from NRL and 0.6 from SDL; security ELD only NRL.
check_direct ELD NRL economic 0.4 "trade 40/100"
check_direct ELD SDL economic 0.6 "trade 60/100"
check_direct ELD NRL security 1 "pact, base, arms: all NRL"
check_direct MDL SDL security 1 "arms 1 + SUDSEC contract 1, all SDL"

# Reach and brokerage from an independent implementation, per layer.
cat >"$T/ref.py" <<'PYEOF'
import csv, sys, itertools
edges_csv, poles, focus, directed = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","), sys.argv[4] == "yes"
E = [(r["source"], r["target"], float(r["weight"])) for r in csv.DictReader(open(edges_csv))]
if not directed:  # an undirected edge can be walked both ways
    E += [(b, a, w) for a, b, w in E]
V = sorted({a for a, b, w in E} | {b for a, b, w in E})
out = {v: [(b, w) for a, b, w in E if a == v] for v in V}
def ppr(seed, d=0.85):
    # Power iteration: x = d * x P + (1 - d) e_seed; a vertex without out-edges
    # sends its mass back to the seed (none here, but written for completeness).
    x = {v: (1.0 if v == seed else 0.0) for v in V}
    for _ in range(2000):
        y = {v: (1 - d) * (1.0 if v == seed else 0.0) for v in V}
        for u in V:
            s = sum(w for _, w in out[u])
            if s == 0:
                y[seed] += d * x[u]
            for v, w in out[u]:
                y[v] += d * x[u] * w / s
        if max(abs(y[v] - x[v]) for v in V) < 1e-15:
            break
        x = y
    return x
P = {p: ppr(p) for p in poles if p in V}
for f in focus:
    tot = sum(P[p][f] for p in P if f in V)
    for p in poles:
        r = P[p][f] / tot if p in P and f in V and tot > 0 else float("nan")
        print("reach", f, p, repr(r))
# Brokerage: for each ordered pair of focus actors, all shortest paths (length 1/w,
# equal within a relative 1e-9), and the share of them through each pole.
INF = float("inf")
def dist_from(s):
    d = {v: INF for v in V}; d[s] = 0.0
    todo = set(V)
    while todo:
        u = min(todo, key=lambda v: d[v]); todo.remove(u)
        if d[u] == INF: break
        for v, w in out[u]:
            nd = d[u] + 1.0 / w
            if nd < d[v] * (1 - 1e-9): d[v] = nd
    return d
D = {s: dist_from(s) for s in V}
def count_paths(s, t, via=None):
    # number of shortest s-t paths (through via, if given)
    if D[s][t] == INF: return 0
    if via is not None:
        if D[s][via] + D[via][t] > D[s][t] * (1 + 1e-9): return 0
        return count_paths(s, via) * count_paths(via, t)
    memo = {}
    def n(u):
        if u == t: return 1
        if u in memo: return memo[u]
        c = 0
        for v, w in out[u]:
            if abs(D[s][u] + 1.0 / w + D[v][t] - D[s][t]) <= 1e-9 * max(1.0, D[s][t]):
                c += n(v)
        memo[u] = c
        return c
    return n(s)
fs = [f for f in focus if f in V]
pairs = [(s, t) for s in fs for t in fs if s != t]
for p in poles:
    if p not in V or len(fs) < 2:
        print("brokerage", p, "nan"); continue
    b = 0.0
    for s, t in pairs:
        if p in (s, t): continue
        tot = count_paths(s, t)
        if tot: b += count_paths(s, t, p) / tot
    print("brokerage", p, repr(b / len(pairs)))
PYEOF
for layer in all economic security diplomatic; do
    if [ "$layer" = all ]; then lf=(); else lf=(--layers "$layer"); fi
    "$CLOUT" build "$TINY@2022" "${lf[@]}" --to csv -o "$T/e-$layer.csv"
    dir=$("$CLOUT" info "$TINY@2022" "${lf[@]}" --format csv | sed -n 's/^directed,//p')
    "$PY" "$T/ref.py" "$T/e-$layer.csv" NRL,SDL ELD,WSL,MDL "$dir" >"$T/ref-$layer.txt"
    bad=""
    while read -r kind a b c; do
        if [ "$kind" = reach ]; then
            got=$(value "$a" "$b" "$layer" reach)
            want=$c
        else
            got=$(value ELD "$a" "$layer" brokerage)
            want=$b
        fi
        if [ "$want" = nan ]; then
            [ -z "$got" ] || bad="$bad $kind:$a:$b got '$got' want empty;"
        else
            near "$got" "$want" || bad="$bad $kind:$a:$b got '$got' want $want;"
        fi
    done <"$T/ref-$layer.txt"
    [ -z "$bad" ]
    tap $? "reach and brokerage ($layer) equal the independent computation" "$bad"
done

# Index and balance follow from direct and reach by their formulas.
"$PY" - "$T/shares.csv" "$T/balance.csv" >"$T/ib.txt" <<'PYEOF'
import csv, sys, math
S = list(csv.DictReader(open(sys.argv[1])))
bad = []
idx = {}
for r in S:
    if r["pole"] == "other": continue
    want = 0.5 * float(r["direct"]) + 0.5 * float(r["reach"])
    idx[(r["focus"], r["pole"], r["layer"])] = want
    if abs(float(r["index"]) - want) > 1e-9: bad.append(("index", r))
for r in csv.DictReader(open(sys.argv[2])):
    a, b = idx[(r["focus"], "NRL", r["layer"])], idx[(r["focus"], "SDL", r["layer"])]
    want = (b - a) / (a + b)
    if abs(float(r["balance"]) - want) > 1e-9: bad.append(("balance", r))
    lead = max(("NRL", "SDL"), key=lambda p: idx[(r["focus"], p, r["layer"])])
    if r["leading_pole"] != lead: bad.append(("lead", r))
print(len(bad), bad[:3])
PYEOF
grep -q '^0 ' "$T/ib.txt"
tap $? "index = (direct + reach) / 2 and balance = (I(SDL) - I(NRL)) / (I(NRL) + I(SDL))" "$(cat "$T/ib.txt")"

# Direct shares of each focus actor and layer sum to 1 over the poles and other.
"$PY" -c 'import csv,sys,collections
s = collections.defaultdict(float)
for r in csv.DictReader(open(sys.argv[1])):
    if r["direct"]: s[(r["focus"], r["layer"])] += float(r["direct"])
sys.exit(0 if all(abs(v - 1) < 1e-9 for v in s.values()) and s else 1)' "$T/shares.csv"
tap $? "direct shares sum to 1 over poles and other"

# Alignment: two separate worlds, P1 with F1 and F2, P2 with F3 (cliques with no tie
# between them): every Leiden run puts F1 and F2 with P1 and F3 with P2.
A=$T/align
mkdir -p "$A"
printf 'id,name,kind,role\nP1,P1,state,pole\nP2,P2,state,pole\nF1,F1,state,focus\nF2,F2,state,focus\nF3,F3,state,focus\nX,X,state,\n' >"$A/actors.csv"
printf 'relation,layer,directed,mode,scale\nm,dip,no,state,binary\n' >"$A/relations.csv"
printf 'source,target,relation,start\nP1,F1,m,2000\nP1,F2,m,2000\nF1,F2,m,2000\nP2,F3,m,2000\nP2,X,m,2000\nF3,X,m,2000\n' >"$A/ties.csv"
run "$CLOUT" influence "$A@2000" --format csv --table shares
cp "$T/out" "$T/shares.csv"
[ "$(value F1 P1 all alignment)" = 1 ] && [ "$(value F1 P2 all alignment)" = 0 ] &&
    [ "$(value F3 P2 all alignment)" = 1 ] && [ "$(value F3 P1 all alignment)" = 0 ]
tap $? "alignment is 1 with the own clique's pole and 0 with the other" "$(cat "$T/shares.csv")"
[ "$(value F1 P1 all brokerage)" = 0 ]
tap $? "a pole outside every shortest path between focus actors has brokerage 0"

# The bootstrap: reproducible, and the same for any -j.
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 7 -j 1 --format csv
expect_rc 0 "bootstrap 60 with -j 1"
cp "$T/out" "$T/j1.csv"
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 7 -j 2 --format csv
cmp -s "$T/j1.csv" "$T/out"
tap $? "-j 2 gives the same bytes as -j 1"
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 7 -j 3 --format csv
cmp -s "$T/j1.csv" "$T/out"
tap $? "a second run (-j 3) gives the same bytes again"
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 7 -j 7 --format csv
cmp -s "$T/j1.csv" "$T/out"
tap $? "-j 7 (seven processes taking chunks of replicates) gives the same bytes as -j 1"
run "$CLOUT" influence "$TINY@2022" --bootstrap 3 --seed 7 -j 1 --format csv
cp "$T/out" "$T/b3.csv"
run "$CLOUT" influence "$TINY@2022" --bootstrap 3 --seed 7 -j 5 --format csv
cmp -s "$T/b3.csv" "$T/out"
tap $? "more processes than replicates (-j 5, 3 replicates) gives the same bytes as -j 1"
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 8 -j 2 --format csv
! cmp -s "$T/j1.csv" "$T/out"
tap $? "another seed gives other intervals"
run "$CLOUT" influence "$TINY@2022" --bootstrap 60 --seed 7 --format csv --table shares
cp "$T/out" "$T/j1.csv"
"$PY" -c 'import csv,sys
ok = True
for r in csv.DictReader(open(sys.argv[1])):
    if r["pole"] == "other" or not r["index_lo"]: continue
    ok &= float(r["index_lo"]) <= float(r["index_hi"])
sys.exit(0 if ok else 1)' "$T/j1.csv"
tap $? "every interval has lo <= hi"

# The issue's acceptance: the bundled data, 200 replicates, seed 7, twice and with -j 1 and -j 2.
CA=$SRC/graphs/central-asia
run "$CLOUT" influence "$CA@2023" --bootstrap 200 --seed 7 -j 1 --format csv
expect_rc 0 "influence central-asia@2023 --bootstrap 200 --seed 7 -j 1"
cp "$T/out" "$T/ca1.csv"
run "$CLOUT" influence "$CA@2023" --bootstrap 200 --seed 7 -j 2 --format csv
cmp -s "$T/ca1.csv" "$T/out"
tap $? "central-asia@2023: -j 2 gives the same bytes as -j 1"
run "$CLOUT" influence "$CA@2023" --bootstrap 200 --seed 7 -j 1 --format csv
cmp -s "$T/ca1.csv" "$T/out"
tap $? "central-asia@2023: a second run gives the same bytes"
run "$CLOUT" influence "$CA@2023" --format csv --table balance
[ "$(grep -c ',all,' "$T/out")" -eq 5 ]
tap $? "central-asia@2023: a balance over all layers for each of the five focus states" "$(cat "$T/out")"

# Usage errors.
run "$CLOUT" influence "$TINY@2022" --poles NRL,NOBODY
expect_rc 2 "an unknown pole"
printf 'source,target\nA,B\n' >"$T/e.csv"
run "$CLOUT" influence "$T/e.csv"
expect_rc 2 "a network file instead of a dataset"

done_testing
