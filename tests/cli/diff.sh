#!/usr/bin/env bash
# TAP: clout diff on the bundled data: the issue's acceptance (rows, antisymmetry, a snapshot
# against itself) and every table.  Hand computations of ranks and QAP: tests/unit/test-diff.c.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
CA=$SRC/graphs/central-asia
if ! "$PY" -c 'import csv' 2>/dev/null; then
    echo "1..0 # SKIP no python3"
    exit 0
fi

run "$CLOUT" diff "$CA@2014" "$CA@2023" --table influence --bootstrap 200 --format csv
expect_rc 0 "diff central-asia@2014 @2023 --table influence --bootstrap 200"
cp "$T/out" "$T/ab.csv"
# Rows for all five focus states and every layer of either snapshot (and "all").
"$PY" - "$T/ab.csv" "$CA" >"$T/chk" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
focus = [r["id"] for r in csv.DictReader(open(sys.argv[2] + "/actors.csv")) if r["role"] == "focus"]
layers = sorted({r["layer"] for r in csv.DictReader(open(sys.argv[2] + "/relations.csv"))}) + ["all"]
have = {(r["focus"], r["layer"]) for r in rows}
missing = [(f, l) for f in focus for l in layers if (f, l) not in have]
print(len(focus), len(layers), missing)
sys.exit(1 if missing or len(focus) != 5 else 0)
PYEOF
tap $? "rows for the five focus states and every layer" "$(cat "$T/chk")"
"$PY" -c 'import csv,sys
ok = all(r["delta_lo"] != "" and 0 <= float(r["sign_agreement"]) <= 1 for r in csv.DictReader(open(sys.argv[1])) if r["delta"] != "")
sys.exit(0 if ok else 1)' "$T/ab.csv"
tap $? "every change has an interval and a sign agreement in [0, 1]"

run "$CLOUT" diff "$CA@2023" "$CA@2014" --table influence --bootstrap 200 --format csv
cp "$T/out" "$T/ba.csv"
"$PY" - "$T/ab.csv" "$T/ba.csv" >"$T/chk" <<'PYEOF'
import csv, sys
a = {(r["focus"], r["layer"]): r for r in csv.DictReader(open(sys.argv[1]))}
b = {(r["focus"], r["layer"]): r for r in csv.DictReader(open(sys.argv[2]))}
bad = [k for k in a if a[k]["delta"] and (abs(float(a[k]["delta"]) + float(b[k]["delta"])) > 1e-12
       or abs(float(a[k]["delta_lo"]) + float(b[k]["delta_hi"])) > 1e-9)]
print(bad)
sys.exit(1 if bad or set(a) != set(b) else 0)
PYEOF
tap $? "swapping A and B negates every delta (and mirrors its interval)" "$(cat "$T/chk")"

run "$CLOUT" diff "$CA@2023" "$CA@2023" --table influence --bootstrap 50 --format csv
"$PY" -c 'import csv,sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["delta"] != ""]
sys.exit(0 if rows and all(float(r["delta"]) == 0 and float(r["delta_lo"]) == 0 and float(r["delta_hi"]) == 0 for r in rows) else 1)' "$T/out"
tap $? "a snapshot against itself: every delta and interval is 0"
run "$CLOUT" diff "$CA@2023" "$CA@2023" --table communities --format csv
"$PY" -c 'import sys
lines = open(sys.argv[1]).read().split("\n")
head, row = lines[0].split(","), lines[1].split(",")
d = dict(zip(head, row))
sys.exit(0 if float(d["nmi"]) == 1 and float(d["vi"]) == 0 else 1)' "$T/out"
tap $? "a snapshot against itself: NMI 1, VI 0" "$(head -5 "$T/out")"
run "$CLOUT" diff "$CA@2023" "$CA@2023" --table moved --format csv
[ "$(head -n 1 "$T/out")" = id,name,community_a,community_b ] && [ "$(grep -c '^[A-Z]' "$T/out")" -eq 0 ]
tap $? "a snapshot against itself: no actor moved"
run "$CLOUT" diff "$CA@2023" "$CA@2023" --format csv
grep -q '^qap_correlation,,,1$' "$T/out" && grep -q '^tie_jaccard,,,1$' "$T/out"
tap $? "a snapshot against itself: QAP correlation 1, tie Jaccard 1" "$(cat "$T/out")"
run "$CLOUT" diff "$CA@2023" "$CA@2023" --table ties --format csv
[ "$(wc -l <"$T/out")" -eq 1 ]
tap $? "a snapshot against itself: no tie changed"
run "$CLOUT" diff "$CA@2023" "$CA@2023" --table measures --measures pagerank --format csv
"$PY" -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1])))
sys.exit(0 if rows and all(float(r["delta"]) == 0 and float(r["rank_change"]) == 0 for r in rows) else 1)' "$T/out"
tap $? "a snapshot against itself: every measure delta and rank change is 0"

for t in ties measures communities summary; do
    run "$CLOUT" diff "$CA@2014" "$CA@2023" --table "$t" --format json --permutations 100
    [ "$rc" -eq 0 ] && "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"
    tap $? "diff --table $t --format json" "exit $rc: $(head -c 300 "$T/err")"
done
run "$CLOUT" diff "$CA@2014" "$CA@2023" --table nosuch
expect_rc 2 "an unknown --table"
run "$CLOUT" diff "$CA@2014" "$CA@2023" --layers security --table summary --permutations 50
expect_rc 0 "diff of one layer"
printf 'source,target\nA,B\n' >"$T/e.csv"
run "$CLOUT" diff "$T/e.csv" "$T/e.csv" --table influence
expect_rc 2 "influence of network files"
run "$CLOUT" diff "$T/e.csv" "$T/e.csv" --format csv --permutations 10
expect_rc 0 "diff of two edge lists"

done_testing
