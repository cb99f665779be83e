#!/usr/bin/env bash
# TAP: clout communities: tables, formats, --compare, consensus, methods, errors.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
D=$SRC/tests/data/communities

# col FILE NAME: the value of column NAME in the first data row of a one-table CSV.
col() {
    awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
        NR == 2 { if (c) print $c; exit }' "$1"
}
# near A B [TOL]: |A - B| <= TOL (default 1e-9)
near() {
    awk -v a="$1" -v b="$2" -v t="${3:-1e-9}" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && d <= t) }'
}

run "$CLOUT" communities -h
expect_rc 0 "communities -h"
head -n 1 "$T/out" | grep -q '^usage: clout communities INPUT'
tap $? "-h starts with the usage line" "$(head -n 1 "$T/out")"

# One table per CSV stream: the main table, communities; --table summary the other.
run "$CLOUT" communities "$TINY@2022" --format csv
expect_rc 0 "communities tiny@2022 --format csv"
head -n 1 "$T/out" | grep -qx 'id,name,community,stability' && ! grep -q '^# ' "$T/out"
tap $? "csv is the one table communities with its header" "$(cat "$T/out")"
rows=$(grep -c '^[A-Z]' "$T/out")
[ "$rows" -eq 10 ]
tap $? "one row per actor of tiny@2022 (10: all but WORLD)" "got $rows rows"
run "$CLOUT" communities "$TINY@2022" --format csv --table summary
head -n 1 "$T/out" | grep -qx 'method,resolution,runs,communities,modularity' &&
    grep -q '^leiden,1,1,' "$T/out"
tap $? "the summary says leiden, resolution 1, one run" "$(cat "$T/out")"
run "$CLOUT" communities "$TINY@2022" --format csv
cp "$T/out" "$T/first.csv"
run "$CLOUT" communities "$TINY@2022" --format csv
cmp -s "$T/first.csv" "$T/out"
tap $? "the same command gives the same bytes"

run "$CLOUT" communities "$TINY@2022" --format json
expect_rc 0 "communities --format json"
if "$PY" -c 'import json' 2>/dev/null; then
    "$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"communities", "summary"}, d.keys()
assert len(d["communities"]) == 10
for r in d["communities"]:
    assert set(r) == {"id", "name", "community", "stability"} and 0 <= r["stability"] <= 1
s = d["summary"][0]
assert s["method"] == "leiden" and s["runs"] == 1 and s["modularity"] > 0' "$T/out" 2>"$T/py"
    tap $? "json: both tables, typed values" "$(cat "$T/py")"
else
    skip "json: both tables, typed values" "no python3"
fi

run "$CLOUT" communities "$TINY@2022" --format csv --table summary
expect_rc 0 "--table summary"
[ "$(wc -l <"$T/out")" -eq 2 ] && head -n 1 "$T/out" | grep -qx 'method,resolution,runs,communities,modularity'
tap $? "--table summary prints only the summary" "$(cat "$T/out")"

# --compare with its own output: NMI 1, VI 0, ARI 1, split-join 0.
run "$CLOUT" communities "$TINY@2022" --runs 5 --table communities -o "$T/own.csv"
expect_rc 0 "--table communities -o FILE"
run "$CLOUT" communities "$TINY@2022" --runs 5 --compare "$T/own.csv" --table summary --format csv
expect_rc 0 "--compare with its own output"
near "$(col "$T/out" nmi)" 1 && near "$(col "$T/out" vi)" 0 && near "$(col "$T/out" ari)" 1 &&
    [ "$(col "$T/out" split_join_a)" = 0 ] && [ "$(col "$T/out" split_join_b)" = 0 ]
tap $? "its own partition: nmi 1, vi 0, ari 1, split-join 0 0" "$(cat "$T/out")"

# A hand-computed comparison (tests/data/communities/six-vs-b.reference.csv).
run "$CLOUT" communities "$D/six.csv" --compare "$D/six-b.csv" --table summary --format csv
expect_rc 0 "six.csv --compare six-b.csv"
grep -v '^#' "$D/six-vs-b.reference.csv" >"$T/ref.csv"
ok=0
for c in method resolution runs communities split_join_a split_join_b; do
    [ "$(col "$T/out" $c)" = "$(col "$T/ref.csv" $c)" ] || ok=1
done
for c in modularity nmi vi ari; do
    near "$(col "$T/out" $c)" "$(col "$T/ref.csv" $c)" || ok=1
done
tap $ok "modularity, NMI, VI, ARI and split-join match the hand computation" \
    "got: $(cat "$T/out")" "want: $(cat "$T/ref.csv")"

run "$CLOUT" communities "$D/six.csv" --compare "$D/six-missing.csv"
expect_rc 3 "a --compare file without a vertex"
grep -q "six-missing.csv:1:1: column 'id': no row for 'v3'" "$T/err"
tap $? "the message names the file, line and the missing id" "$(cat "$T/err")"
run "$CLOUT" communities "$D/six.csv" --compare "$D/six-noninteger.csv"
expect_rc 3 "a --compare file with a community that is not an integer"
grep -q "six-noninteger.csv:3:4: " "$T/err"
tap $? "the message names file:line:col" "$(cat "$T/err")"
run "$CLOUT" communities "$D/six.csv" --compare "$T/no-such.csv"
expect_rc 3 "a missing --compare file"

# Consensus: two cliques joined by one edge, ten Leiden runs: stability 1 everywhere.
run "$CLOUT" communities "$D/two-cliques.csv" --runs 10 --table communities --format csv
expect_rc 0 "--runs 10 on two cliques"
awk -F, 'NR > 1 { n++; if ($4 != 1 || $3 != ($1 ~ /^a/ ? 0 : 1)) bad++ } END { exit !(n == 10 && !bad) }' "$T/out"
tap $? "the two cliques, each vertex with stability 1" "$(cat "$T/out")"

# The karate club (Zachary 1977): Leiden reaches the known maximum modularity 0.4198.
run "$CLOUT" communities "$D/karate.graphml" --table summary --format csv
expect_rc 0 "leiden on karate"
near "$(col "$T/out" modularity)" 0.4198 0.001
tap $? "leiden on karate: modularity within 0.001 of 0.4198" "$(cat "$T/out")"
for m in leiden-cpm louvain infomap walktrap labelprop fastgreedy spinglass; do
    res=1
    [ "$m" = leiden-cpm ] && res=0.05
    run "$CLOUT" communities "$D/karate.graphml" --method "$m" --resolution "$res" --table summary --format csv
    [ "$rc" -eq 0 ] && awk -v q="$(col "$T/out" modularity)" 'BEGIN { exit !(q > 0.3) }'
    tap $? "--method $m on karate: modularity above 0.3" "exit $rc: $(cat "$T/out" "$T/err")"
done
run "$CLOUT" communities "$D/karate.graphml" --method labelprop --runs 10 --seed 3 --table communities --format csv
awk -F, 'NR > 1 { if ($4 < 0 || $4 > 1) bad++; if ($4 < 1) low++ } END { exit !(NR == 35 && !bad && low) }' "$T/out"
tap $? "labelprop --runs 10: stabilities in [0, 1], some below 1" "$(cat "$T/out")"

# --tolerance: on the karate club the default (1e-4) and 0 (until the
# partition stops changing) give the same bytes (each change of partition
# there moves the modularity by far more than 1e-4; doc/methods.md); the
# reference value 0.4198 is as above.
run "$CLOUT" communities "$D/karate.graphml" --tolerance 0 --format csv
expect_rc 0 "--tolerance 0"
cp "$T/out" "$T/tol0.csv"
run "$CLOUT" communities "$D/karate.graphml" --format csv
cmp -s "$T/out" "$T/tol0.csv"
tap $? "karate: the default tolerance gives the partition of --tolerance 0"
run "$CLOUT" communities "$D/karate.graphml" --tolerance 1 --table summary --format csv
expect_rc 0 "--tolerance 1"
awk -v q="$(col "$T/out" modularity)" 'BEGIN { exit !(q > 0.38 && q <= 0.41979 + 1e-5) }'
tap $? "--tolerance 1 (two iterations) still finds a good partition" "$(cat "$T/out")"
for bad in -1 abc nan; do
    run "$CLOUT" communities "$D/karate.graphml" --tolerance "$bad"
    expect_rc 2 "--tolerance $bad"
done
run "$CLOUT" communities "$D/karate.graphml" --method louvain --tolerance 1e-3
expect_rc 2 "--tolerance with louvain"
grep -q "only --method leiden and leiden-cpm iterate" "$T/err"
tap $? "--tolerance with louvain says why" "$(cat "$T/err")"

# Errors.
run "$CLOUT" communities "$D/two-parts.csv" --method spinglass
expect_rc 2 "spinglass on a disconnected graph"
grep -q 'connected' "$T/err"
tap $? "spinglass says it needs a connected network" "$(cat "$T/err")"
run "$CLOUT" communities "$D/signed.csv"
expect_rc 3 "negative weights for leiden"
run "$CLOUT" communities "$D/signed.csv" --method spinglass --table summary --format csv
expect_rc 0 "negative weights for spinglass"
[ "$(col "$T/out" communities)" = 2 ] && [ -z "$(col "$T/out" modularity)" ]
tap $? "signed spinglass: two communities, modularity undefined (empty)" "$(cat "$T/out")"
run "$CLOUT" communities "$TINY@2022" --method nosuch
expect_rc 2 "an unknown --method"
run "$CLOUT" communities "$TINY@2022" --table nosuch
expect_rc 2 "an unknown --table"
run "$CLOUT" communities "$TINY@2022" --runs 0
expect_rc 2 "--runs 0"
run "$CLOUT" communities "$TINY@2022" --resolution -1
expect_rc 2 "a negative --resolution"
run "$CLOUT" communities "$TINY@2012" --format csv
expect_rc 0 "a snapshot without ties (2012: covered, before the first tie)"

done_testing
