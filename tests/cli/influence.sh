#!/usr/bin/env bash
# TAP: clout influence against computations written out elsewhere.
# - graphs/examples/tiny: the numbers its README works out by hand, rule by rule (groups,
#   counts both, world totals, events in the window, reach through lead, no reach without
#   a path, coverage marking, like-with-like diff, carry-forward, half-life);
# - every direct share and reach, and every edge weight, of tiny and of the bundled dataset
#   against tests/cli/influence-ref.py, an independent Python implementation of the
#   definitions in doc/data-format.md and doc/methods.md that reads the CSV files itself;
# - the bundled dataset's trade and arms shares against the raw IMF DOTS and SIPRI files,
#   and COW trade shares of a dataset imported from the COW files;
# - brokerage: shortest-path counting in Python on the edges `clout build` exports;
# - alignment: a dataset built so that communities are unambiguous;
# - index and balance: from the above by their formulas;
# - the bootstrap: the same output twice, and with -j 1, 2, 3, 5 and 7.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
CA=$SRC/graphs/central-asia
SHARED=${CLOUT_SHARED_DATA:-$SRC/../shared/data}
if ! "$PY" -c 'import csv' 2>/dev/null; then
    echo "1..0 # SKIP no python3"
    exit 0
fi

# value FILE FOCUS POLE LAYER COLUMN: one cell of a shares table
value() {
    "$PY" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1])):
    if (r["focus"], r["pole"], r["layer"]) == tuple(sys.argv[2:5]):
        print(r[sys.argv[5]]); break' "$@"
}
# bvalue FILE FOCUS LAYER COLUMN: one cell of a balance table
bvalue() {
    "$PY" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1])):
    if (r["focus"], r["layer"]) == tuple(sys.argv[2:4]):
        print(r[sys.argv[4]]); break' "$@"
}
# near GOT WANT: equal to 1e-6 (the README's numbers have six decimals)
near() {
    "$PY" -c 'import sys; g, w = sys.argv[1], float(sys.argv[2]); sys.exit(0 if g != "" and abs(float(g) - w) < 1e-6 * max(1, abs(w)) else 1)' "$1" "$2"
}
# shares NAME INPUT OPTIONS...: clout influence --table shares into $T/NAME.csv
shares() {
    local name=$1
    shift
    "$CLOUT" influence "$@" --format csv --table shares >"$T/$name.csv" 2>"$T/$name.err"
}
# check FILE FOCUS POLE LAYER COLUMN WANT WHY
check() {
    local got
    got=$(value "$1" "$2" "$3" "$4" "$5")
    near "$got" "$6"
    tap $? "$5 of $3 on $2 ($4): $7" "got '$got', want $6"
}

# ---- the README's worked example, rule by rule ----
shares t22 "$TINY@2022"
check "$T/t22.csv" ELD NRL diplomatic direct 0.666667 "summits over the window, NPACT by its lead"
check "$T/t22.csv" ELD SDL diplomatic direct 0.333333 "two summits in the window, one of them before 2022"
check "$T/t22.csv" ELD NRL economic direct 0.225806 "counts both: (40 + 30) / 310, the world's total"
check "$T/t22.csv" ELD SDL economic direct 0.193548 "60 / 310"
check "$T/t22.csv" ELD other economic direct 0.580645 "the rest of the world"
[ "$(value "$T/t22.csv" ELD NRL economic denominator)" = world ] &&
    [ "$(value "$T/t22.csv" WSL SDL economic denominator)" = dataset ]
tap $? "denominator: world where the dataset gives ELD's totals, dataset for WSL"
check "$T/t22.csv" ELD NRL all direct 0.722734 "all layers: (1 + 1/3 + 0.225806 + 1 + 2 + 0.5) / 7"
check "$T/t22.csv" ELD NRL security direct 0.875 "a weak tie counts as weak: (1 + 2 + 0.5) / 4"
check "$T/t22.csv" ELD SDL all direct 0.122888 "(2/3 + 0.193548) / 7"
check "$T/t22.csv" MDL NRL diplomatic direct 0.25 "half of CMKT's half"
check "$T/t22.csv" MDL NRL diplomatic reach 0.416667 "1/4 + 1/2 x 1/3 through FORUM, which NRL joined"
check "$T/t22.csv" MDL NRL economic reach 0.314815 "1/6 + 1/3 x 4/9 through RVL"
check "$T/t22.csv" MDL SDL security reach 1 "through SUDSEC, led by SDL, no tie to SDL"
check "$T/t22.csv" MDL SDL security direct 1 "SUDSEC counts for its lead"
check "$T/t22.csv" WSL NRL security reach 0 "no path from NRL"
[ "$(value "$T/t22.csv" MDL NRL economic not_covered)" = aid ] &&
    [ -z "$(value "$T/t22.csv" MDL NRL security not_covered)" ]
tap $? "2022: aid, whose source ends in 2017, is not covered (economic rows only)"
grep -q "aid: no data in the 2022 snapshot" "$T/t22.err"
tap $? "2022: a warning names aid and its coverage" "$(cat "$T/t22.err")"
shares t21 "$TINY@2021" --relations member
shares t22m "$TINY@2022" --relations member
check "$T/t21.csv" MDL NRL diplomatic reach 0.25 "2021, before NRL joined FORUM"
check "$T/t22m.csv" MDL NRL diplomatic reach 0.416667 "2022: reach grew"
shares t20 "$TINY@2020"
check "$T/t20.csv" ELD NRL security direct 0.875 "the alliance group counts the pact once: (1 + 2 + 1/2) / 4"
check "$T/t20.csv" ELD SDL security direct 0.125 "0.5 / 4"
check "$T/t20.csv" WSL SDL security direct 1 "the pact only pact_registry records"
check "$T/t20.csv" MDL NRL economic direct 0.75 "aid 30 of 40, partly covered"
[ "$(value "$T/t20.csv" MDL NRL economic partial)" = aid ]
tap $? "2020: aid is covered in part (2016-2017 of 2016-2020)"
run "$CLOUT" build "$TINY@2020" --relations alliance --to csv
grep -q '^\(NRL,ELD\|ELD,NRL\),1,security,alliance$' "$T/out"
tap $? "the alliance group's edge NRL-ELD weighs 1, not 2" "$(cat "$T/out")"
shares hl "$TINY@2022" --relations summit --half-life 2
check "$T/hl.csv" ELD NRL diplomatic direct 0.171573 "--half-life 2: 0.353553 / 2.060660"
shares cf "$TINY@2022" --relations aid --carry-forward 5
check "$T/cf.csv" MDL NRL economic direct 0.75 "--carry-forward 5: aid's last covered years"
[ "$(value "$T/cf.csv" MDL NRL economic carried)" = "aid (from 2017)" ]
tap $? "--carry-forward marks what it carried" "$(value "$T/cf.csv" MDL NRL economic carried)"
run "$CLOUT" influence "$TINY@2022" --relations aid
expect_rc 3 "a year that no selected relation covers"
grep -q "cover 2016-2017" "$T/err"
tap $? "the message names the covered years" "$(cat "$T/err")"
run "$CLOUT" influence "$TINY@2009"
expect_rc 3 "a year before every coverage"
run "$CLOUT" influence "$TINY" --table balance --format csv
[ "$rc" -eq 0 ] && grep -q '^ELD,' "$T/out" && grep -q 'no @YEAR given: the 2017 snapshot' "$T/err"
tap $? "without @YEAR: the latest year every flow relation covers (2017), and it says so" "$(cat "$T/err")"
# Like with like: aid has no data in 2022, so the diff leaves it out of 2020 too.
run "$CLOUT" diff "$TINY@2020" "$TINY@2022" --table influence --format csv
cp "$T/out" "$T/diff.csv"
[ "$(bvalue "$T/diff.csv" MDL economic left_out)" = aid ] &&
    [ -z "$(bvalue "$T/diff.csv" MDL economic balance_a)" ] &&
    [ -z "$(bvalue "$T/diff.csv" MDL economic delta)" ]
tap $? "like with like: aid left out of both years, MDL economic has no change to report" "$(cat "$T/diff.csv")"
run "$CLOUT" diff "$TINY@2020" "$TINY@2022" --table influence --format csv --all-relations
near "$(bvalue "$T/out" MDL economic balance_a)" -0.5
tap $? "--all-relations: aid counts in 2020 (balance -0.5), with a warning" "$(cat "$T/out")"
grep -q -- "--all-relations: the change mixes" "$T/err"
tap $? "--all-relations warns" "$(cat "$T/err")"
run "$CLOUT" influence "$TINY@2022" --table contributions --format csv
"$PY" - "$T/out" "$T/t22.csv" >"$T/chk" <<'PYEOF'
import csv, sys, collections
s = collections.defaultdict(float)
for r in csv.DictReader(open(sys.argv[1])):
    s[(r["focus"], r["layer"], r["pole"])] += float(r["contribution"])
bad = [k for k, r in ((k, r) for r in csv.DictReader(open(sys.argv[2]))
       for k in [(r["focus"], r["layer"], r["pole"])]) if r["direct"] and abs(s[k] - float(r["direct"])) > 1e-9]
print(len(s), "sums,", len(bad), "differ", bad[:3])
sys.exit(1 if bad or not s else 0)
PYEOF
tap $? "contributions sum over relations to the direct share" "$(cat "$T/chk")"
run "$CLOUT" influence "$TINY@2022" --table balance --format csv
[ "$(bvalue "$T/out" WSL diplomatic leading_pole)" = NRL ] && near "$(bvalue "$T/out" ELD diplomatic balance)" -0.333333
tap $? "balance of ELD diplomatic = -1/3, leading pole among the two" "$(cat "$T/out")"

# ---- every number against the independent implementation ----
# compare NAME INPUT YEAR [OPTIONS...]: clout's direct and reach against influence-ref.py
compare() {
    local name=$1 ds=$2 year=$3
    shift 3
    "$CLOUT" influence "$ds@$year" "$@" --format csv --table shares -q >"$T/c.csv" 2>/dev/null
    "$PY" "$SRC/tests/cli/influence-ref.py" "$ds" "$year" "$@" >"$T/ref.txt"
    "$PY" - "$T/ref.txt" "$T/c.csv" >"$T/chk" <<'PYEOF'
import csv, sys
got = {(r["focus"], r["layer"], r["pole"]): (r["direct"], r["reach"])
       for r in csv.DictReader(open(sys.argv[2])) if r["pole"] != "other"}
def eq(x, y):
    return x == "" if y == "nan" else x != "" and abs(float(x) - float(y)) < 1e-9
n = bad = 0
for line in open(sys.argv[1]):
    f, l, p, d, r = line.split()
    n += 1
    g = got.get((f, l, p))
    if g is None or not (eq(g[0], d) and eq(g[1], r)):
        bad += 1
        if bad < 4: print("differs:", f, l, p, "clout", g, "reference", d, r)
print(n, "values,", bad, "differ")
sys.exit(1 if bad or n == 0 else 0)
PYEOF
    tap $? "direct share and reach of $name equal the independent implementation" "$(cat "$T/chk")"
}
for y in 2016 2017 2020 2021 2022; do compare "tiny@$y" "$TINY" $y; done
compare "tiny@2022 --window 3 --half-life 1.5" "$TINY" 2022 --window 3 --half-life 1.5
compare "tiny@2022 --carry-forward 6" "$TINY" 2022 --carry-forward 6
compare "tiny@2022 --layers economic,security" "$TINY" 2022 --layers economic,security
for y in 2005 2014 2020 2023; do compare "central-asia@$y" "$CA" $y; done
compare "central-asia@2023 --window 3" "$CA" 2023 --window 3
# edges NAME INPUT YEAR: clout build's weights against influence-ref.py --edges
for spec in "$TINY 2022" "$TINY 2020" "$CA 2014" "$CA 2020" "$CA 2023"; do
    set -- $spec
    "$CLOUT" build "$1@$2" --to csv -q >"$T/e.csv"
    "$PY" "$SRC/tests/cli/influence-ref.py" "$1" "$2" --edges >"$T/ref.txt"
    "$PY" - "$T/ref.txt" "$T/e.csv" >"$T/chk" <<'PYEOF'
import csv, sys
got = {(r["source"], r["target"]): float(r["weight"]) for r in csv.DictReader(open(sys.argv[2]))}
ref = {}
for line in open(sys.argv[1]):
    s, t, w = line.split()
    ref[(s, t)] = float(w)
bad = [k for k in set(got) | set(ref) if abs(got.get(k, 0) - ref.get(k, 0)) > 1e-9]
print(len(ref), "edges,", len(bad), "differ", bad[:3])
sys.exit(1 if bad or not ref else 0)
PYEOF
    tap $? "every edge weight of $(basename "$1")@$2 equals the independent implementation" "$(cat "$T/chk")"
done

# ---- the bundled dataset against the raw files ----
if [ -f "$SHARED/trade/cow_trade4_national.csv" ] && [ -f "$SHARED/sipri/sipri_trade_register_2000_2023.csv" ] &&
    [ -f "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz" ]; then
    # IMF DOTS (the bundled dataset's trade): KAZ's trade with a partner in the window,
    # exports plus imports, each flow as its importer reports it (else its exporter), over
    # KAZ's own report of its trade with the world (WLD), straight from the raw file.
    for y in 2014 2020; do
        want=$("$PY" - "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz" "$CA/actors.csv" $y <<'PYEOF'
import csv, gzip, sys
y = int(sys.argv[3])
ids = {r["id"] for r in csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith("#"))}
rep = {}
for r in csv.DictReader(gzip.open(sys.argv[1], "rt", encoding="utf-8")):
    if not y - 4 <= int(r["year"]) <= y:
        continue
    v = float(r["value_musd"].replace(",", "").replace(" e", "").strip() or "nan")
    rep[(r["reporter"], r["partner"], r["flow"], r["year"])] = v
def flow(a, b, yr):  # a's exports to b
    x = rep.get((b, a, "import", yr))
    return x if x is not None else rep.get((a, b, "export", yr), 0.0)
years = [str(t) for t in range(y - 4, y + 1)]
amt = {p: sum(flow("KAZ", p, t) + flow(p, "KAZ", t) for t in years) for p in ids - {"KAZ", "WORLD"}}
world = sum(rep.get(("KAZ", "WLD", f, t), 0.0) for f in ("export", "import") for t in years)
den = max(world, sum(amt.values()))
print(amt["RUS"] / den, amt["CHN"] / den)
PYEOF
)
        set -- $want
        shares kaz "$CA@$y" --relations trade
        rus=$(value "$T/kaz.csv" KAZ RUS economic direct)
        chn=$(value "$T/kaz.csv" KAZ CHN economic direct)
        "$PY" -c 'import sys; r, c, wr, wc = map(float, sys.argv[1:]); sys.exit(0 if abs(r - wr) < 1e-6 and abs(c - wc) < 1e-6 else 1)' "$rus" "$chn" "$1" "$2"
        tap $? "KAZ trade $((y - 4))-$y: Russia $rus, China $chn equal the IMF DOTS file's shares" "want RUS $1 CHN $2"
    done
    # COW Trade v4.0 (imported into a dataset of its own): KAZ's trade with a partner (both
    # directions, 2010-2014) over its trade with the world (the national totals).
    want=$("$PY" - "$SHARED/trade" <<'PYEOF'
import csv, sys
d = sys.argv[1]
bil = {"365": 0.0, "710": 0.0}
for r in csv.DictReader(open(d + "/cow_trade4_dyadic_focus.csv")):
    if not 2010 <= int(r["year"]) <= 2014: continue
    for c in bil:
        if {r["ccode1"], r["ccode2"]} == {"705", c}:
            bil[c] += sum(float(r[k]) for k in ("flow1", "flow2") if r[k] not in ("NA", "-9", ""))
tot = sum(float(r["imports"]) + float(r["exports"]) for r in csv.DictReader(open(d + "/cow_trade4_national.csv"))
          if r["ccode"] == "705" and 2010 <= int(r["year"]) <= 2014)
print(bil["365"] / tot, bil["710"] / tot)
PYEOF
)
    set -- $want
    "$CLOUT" import cow-trade "$SHARED/trade/cow_trade4_dyadic_focus.csv" "$SHARED/trade/cow_trade4_national.csv" \
        -o "$T/cow" -q --actors KAZ,KGZ,TJK,UZB,TKM,RUS,CHN,USA,TUR,AFG,IRN,PAK --from 2010
    "$CLOUT" influence "$T/cow@2014" --poles RUS,CHN --focus KAZ --format csv --table shares -q >"$T/kaz.csv" 2>/dev/null
    rus=$(value "$T/kaz.csv" KAZ RUS economic direct)
    chn=$(value "$T/kaz.csv" KAZ CHN economic direct)
    "$PY" -c 'import sys; r, c, wr, wc = map(float, sys.argv[1:]); sys.exit(0 if abs(r - wr) < 1e-6 and abs(c - wc) < 1e-6 and c > r else 1)' "$rus" "$chn" "$1" "$2"
    tap $? "COW: KAZ trade 2010-2014: China $chn > Russia $rus, both equal the COW files' shares" "want RUS $1 CHN $2"
    # SIPRI: Russia's share of Uzbekistan's 2019-2023 arms imports (TIV from all suppliers).
    want=$("$PY" - "$SHARED/sipri/sipri_trade_register_2000_2023.csv" <<'PYEOF'
import csv, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[11:]
tot = rus = 0.0
for r in csv.DictReader(lines):
    if r["Recipient"] != "Uzbekistan" or not r["TIV delivery values"]: continue
    if not 2019 <= int(r["Delivery year"]) <= 2023: continue
    v = float(r["TIV delivery values"])
    tot += v
    rus += v if r["Supplier"] == "Russia" else 0
print(rus / tot)
PYEOF
)
    shares uzb "$CA@2023" --relations arms_transfer
    got=$(value "$T/uzb.csv" UZB RUS security direct)
    near "$got" "$want"
    tap $? "UZB arms 2019-2023: Russia's share $got equals SIPRI's (TIV from all suppliers)" "want $want"
else
    skip "KAZ trade shares against the IMF DOTS file (2014)" "no data folder (CLOUT_SHARED_DATA)"
    skip "KAZ trade shares against the IMF DOTS file (2020)" "no data folder (CLOUT_SHARED_DATA)"
    skip "KAZ trade shares against the COW files" "no data folder (CLOUT_SHARED_DATA)"
    skip "UZB arms shares against the SIPRI register" "no data folder (CLOUT_SHARED_DATA)"
fi

# ---- brokerage: shortest-path counting on the exported edges ----
cat >"$T/ref.py" <<'PYEOF'
import csv, sys
edges_csv, poles, focus, directed = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","), sys.argv[4] == "yes"
E = [(r["source"], r["target"], float(r["weight"])) for r in csv.DictReader(open(edges_csv))]
if not directed:  # an undirected edge can be walked both ways
    E += [(b, a, w) for a, b, w in E]
V = sorted({a for a, b, w in E} | {b for a, b, w in E})
out = {v: [(b, w) for a, b, w in E if a == v] for v in V}
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
    "$CLOUT" build "$TINY@2022" "${lf[@]}" --to csv -q -o "$T/e-$layer.csv"
    dir=$("$CLOUT" info "$TINY@2022" "${lf[@]}" --format csv -q | sed -n 's/^directed,//p')
    "$PY" "$T/ref.py" "$T/e-$layer.csv" NRL,SDL ELD,WSL,MDL "$dir" >"$T/ref-$layer.txt"
    bad=""
    while read -r kind a b; do
        got=$(value "$T/t22.csv" ELD "$a" "$layer" brokerage)
        if [ "$b" = nan ]; then
            [ -z "$got" ] || bad="$bad $a got '$got' want empty;"
        else
            near "$got" "$b" || bad="$bad $a got '$got' want $b;"
        fi
    done <"$T/ref-$layer.txt"
    [ -z "$bad" ]
    tap $? "brokerage ($layer) equals the independent computation" "$bad"
done

# Index and balance follow from direct and reach by their formulas.
cp "$T/t22.csv" "$T/shares.csv"
"$CLOUT" influence "$TINY@2022" --format csv --table balance -q >"$T/balance.csv"
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
    lead = "tie" if abs(a - b) <= 1e-12 * max(a, b) else max(("NRL", "SDL"), key=lambda p: idx[(r["focus"], p, r["layer"])])
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
[ "$(value "$T/shares.csv" F1 P1 all alignment)" = 1 ] && [ "$(value "$T/shares.csv" F1 P2 all alignment)" = 0 ] &&
    [ "$(value "$T/shares.csv" F3 P2 all alignment)" = 1 ] && [ "$(value "$T/shares.csv" F3 P1 all alignment)" = 0 ]
tap $? "alignment is 1 with the own clique's pole and 0 with the other" "$(cat "$T/shares.csv")"
[ "$(value "$T/shares.csv" F1 P1 all brokerage)" = 0 ]
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

# The bundled data, 200 replicates, seed 7, twice and with -j 1 and -j 2.
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
