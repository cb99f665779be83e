#!/usr/bin/env bash
# TAP: validate, info and build on the bundled data; formats; golden outputs; atomic writes.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
CA=$SRC/graphs/central-asia

for d in "$TINY" "$CA"; do
    run "$CLOUT" validate "$d"
    expect_rc 0 "validate ${d#$SRC/}"
    grep -q ': ok: ' "$T/out"
    tap $? "validate ${d#$SRC/} says ok" "$(cat "$T/out")"
done
if "$PY" -c 'import csv' 2>/dev/null; then
    "$PY" -c 'import csv,sys
bad = [i + 2 for i, r in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8"))) if not r["source_ref"].strip()]
sys.exit("ties without source_ref on lines %s" % bad[:10] if bad else 0)' "$CA/ties.csv"
    tap $? "every tie of graphs/central-asia has a source_ref"
else
    skip "every tie of graphs/central-asia has a source_ref" "no python3"
fi
run "$CLOUT" validate -q "$TINY"
[ "$rc" -eq 0 ] && [ ! -s "$T/out" ]
tap $? "validate -q prints nothing"

# Golden files.  Their numbers were checked by hand against graphs/examples/tiny/
# ties.csv and the worked example in its README.md (every edge weight of its table,
# such as NRL->ELD 4.225806 = alliance 1 + base 2 + arms ln10/ln100 + trade 70/310 +
# summit 1/2; total weight 38.919353 = 16.919353 over the 16 edges below 1 plus 22 of
# weight 1; 38 edges, density 38/90; edges by layer: diplomatic 20 member + 6 summit,
# economic 14 trade, security 6; trade ties in the window 13 plus 6 with WORLD, amount
# 380 + 250 + 60 = 690; summit 4 events in the window).
# (one table per CSV stream: the golden file is the tables one after the other)
for t in summary kinds roles layers relations flows; do
    [ "$t" = summary ] || echo
    echo "# $t"
    "$CLOUT" info "$TINY@2022" --format csv --table "$t" 2>/dev/null
done >"$T/out"
sed -i 's|^input,.*|input,TINY@2022|' "$T/out"
diff -u "$SRC/tests/cli/golden/tiny-info-2022.csv" "$T/out" >"$T/diff"
tap $? "info tiny@2022 matches the hand-checked golden file" "$(head -40 "$T/diff")"
run "$CLOUT" build "$TINY@2022" --to csv
diff -u "$SRC/tests/cli/golden/tiny-edges-2022.csv" "$T/out" >"$T/diff"
tap $? "build tiny@2022 --to csv matches the hand-checked golden file" "$(head -40 "$T/diff")"

# A dataset folder without a year is the latest year every flow relation covers: trade
# and arms to 2022, aid to 2017 (README.md), so 2017; and the command says so.
run "$CLOUT" build "$TINY" --to csv
cp "$T/out" "$T/default.csv"
run "$CLOUT" build "$TINY@2017" --to csv
cmp -s "$T/default.csv" "$T/out" && run "$CLOUT" build "$TINY" --to csv &&
    grep -q 'no @YEAR given: the 2017 snapshot' "$T/err"
tap $? "a folder without @YEAR is the latest year every flow relation covers (2017), said on stderr" "$(cat "$T/err")"
run "$CLOUT" build "$TINY" --at 2022 --to csv
cmp -s "$SRC/tests/cli/golden/tiny-edges-2022.csv" "$T/out"
tap $? "--at 2022 equals @2022"

# Every table format.
for f in csv tsv json md tex table; do
    run "$CLOUT" info "$CA@2024" --format "$f"
    [ "$rc" -eq 0 ] && [ -s "$T/out" ]
    tap $? "info --format $f" "exit $rc: $(head -c 300 "$T/err")"
done
if "$PY" -c 'import json' 2>/dev/null; then
    run "$CLOUT" info "$CA@2024" --format json
    "$PY" -c 'import json,sys; d = json.load(open(sys.argv[1])); assert "summary" in d and "relations" in d' "$T/out"
    tap $? "info central-asia@2024 --format json is valid JSON with summary and relations"
else
    skip "info --format json parses" "no python3"
fi

# The analysis tables in every format; JSON parses.
for cmd in measure communities influence; do
    for f in csv tsv json md tex table; do
        run "$CLOUT" "$cmd" "$TINY@2022" --format "$f"
        [ "$rc" -eq 0 ] && [ -s "$T/out" ]
        tap $? "$cmd --format $f" "exit $rc: $(head -c 300 "$T/err")"
        if [ "$f" = json ] && "$PY" -c 'import json' 2>/dev/null; then
            "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"
            tap $? "$cmd --format json parses"
        fi
    done
done

# Every network format, written with -o.
mkdir "$T/w"
for f in graphml gml dot pajek edgelist csv; do
    run "$CLOUT" build "$CA@2024" --to "$f" -o "$T/w/net.$f"
    [ "$rc" -eq 0 ] && [ -s "$T/w/net.$f" ]
    tap $? "build --to $f -o" "exit $rc: $(head -c 300 "$T/err")"
done
[ "$(ls -A "$T/w" | wc -l)" -eq 6 ]
tap $? "no temporary files left beside the outputs" "$(ls -A "$T/w")"
head -n 1 "$T/w/net.pajek" | grep -q '^\*Vertices '
tap $? "pajek output starts with *Vertices"
head -n 1 "$T/w/net.edgelist" | grep -qx '# source target weight'
tap $? "edgelist output to .edgelist is text, after the comment '# source target weight'"

# The format follows -o's extension when --to is absent.
run "$CLOUT" build "$TINY@2022" -o "$T/w/x.gml"
head -n 1 "$T/w/x.gml" | grep -q '^Creator'
tap $? "-o x.gml writes GML"
run "$CLOUT" build "$TINY@2022" -o "$T/w/x.dot"
head -n 1 "$T/w/x.dot" | grep -q '^digraph'
tap $? "-o x.dot writes DOT (directed)"

# An edge list written by clout reads back as the same network, as CSV
# (--to edgelist to a .csv or standard output) and as text (.edgelist).
"$CLOUT" build "$CA@2024" -q --to edgelist -o "$T/w/edges.csv"
head -n 1 "$T/w/edges.csv" | grep -qx 'source,target,weight'
tap $? "--to edgelist -o x.csv has the header source,target,weight"
cp "$T/w/edges.csv" "$T/w/again.csv"
run "$CLOUT" build "$T/w/again.csv" --directed --to edgelist
cmp -s "$T/w/edges.csv" "$T/out"
tap $? "an edge-list CSV written by clout reads back unchanged"
run "$CLOUT" build "$T/w/net.edgelist" --directed -o "$T/w/again.edgelist"
cmp -s "$T/w/net.edgelist" "$T/w/again.edgelist"
tap $? "a text edge list written by clout reads back unchanged"

# GraphML written by clout reads back to the same edge table.
run "$CLOUT" build "$T/w/net.graphml" --to csv
cmp -s "$T/w/net.csv" "$T/out"
tap $? "GraphML written by clout reads back to the same edge table"
run "$CLOUT" build "$T/w/x.gml" --to csv
cmp -s "$SRC/tests/cli/golden/tiny-edges-2022.csv" "$T/out"
tap $? "GML written by clout reads back to the same edge table"

# Filters.
run "$CLOUT" build "$TINY@2022" --layers economic --to csv
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/out" | wc -l)" -eq 14 ] && ! grep -q security "$T/out"
tap $? "--layers economic keeps the 14 trade edges (hand count, README)" "$(cat "$T/out")"
run "$CLOUT" build "$TINY@2022" --relations arms_transfer --to csv
grep -q '^SDL,MDL,1,' "$T/out" && grep -q '^NRL,ELD,0.5,' "$T/out"
tap $? "--relations arms_transfer: log scale gives SDL->MDL 1 and NRL->ELD 0.5" "$(cat "$T/out")"
run "$CLOUT" build "$TINY@2022" --window 1 --relations trade --to csv
# Only 2022 flows: ELD gets NRL 20 and SDL 20 of its 50 from the world (0.4 each), WSL
# SDL's 20 (1, no world total); counted both ways, NRL depends on ELD for all its 20 (1)
# and SDL on ELD and WSL for 20 each (0.5): six edges.
grep -q '^NRL,ELD,0.4,' "$T/out" && grep -q '^SDL,ELD,0.4,' "$T/out" && grep -q '^SDL,WSL,1,' "$T/out" &&
    grep -q '^ELD,NRL,1,' "$T/out" && grep -q '^ELD,SDL,0.5,' "$T/out" &&
    grep -q '^WSL,SDL,0.5,' "$T/out" && [ "$(tail -n +2 "$T/out" | wc -l)" -eq 6 ]
tap $? "--window 1 sums only the snapshot year's flows" "$(cat "$T/out")"
run "$CLOUT" build "$TINY@2022" --layers nosuch
expect_rc 2 "an unknown layer"

# Outputs are atomic and errors keep the previous file.
echo previous >"$T/keep.graphml"
run "$CLOUT" build "$SRC/tests/data/bad/08-duplicate-actor-id" -o "$T/keep.graphml"
[ "$rc" -eq 3 ] && [ "$(cat "$T/keep.graphml")" = previous ]
tap $? "bad data leaves the previous output untouched"
run "$CLOUT" build "$TINY@2022" -o "$T/no/such/dir/x.graphml"
[ "$rc" -eq 1 ] && grep -q 'cannot write' "$T/err"
tap $? "an unwritable output path: exit 1 and a message" "exit $rc: $(cat "$T/err")"
if [ -w /dev/full ]; then
    rc=0
    "$CLOUT" info "$TINY@2022" --format csv >/dev/full 2>"$T/err" || rc=$?
    [ "$rc" -eq 1 ] && grep -q 'cannot write' "$T/err"
    tap $? "a full disk on stdout: exit 1 and a message" "exit $rc: $(cat "$T/err")"
else
    skip "a full disk on stdout" "no /dev/full"
fi

run "$CLOUT" info "$SRC/no-such-dataset@2020"
expect_rc 3 "a missing dataset"
run "$CLOUT" info "$TINY@1066"
expect_rc 3 "a year no source covers: no data, not an empty network"
grep -q 'no relation covers 1066' "$T/err"
tap $? "the message says no relation covers it" "$(cat "$T/err")"

done_testing
