#!/usr/bin/env bash
# TAP: a second region end to end, from the raw files to a report.  A South Caucasus dataset
# (Armenia, Azerbaijan, Georgia, with Russia, the United States and Turkey) is built with
# `clout import` alone from the files of ../shared/data: ATOP 5.1 (the global file), COW IGO,
# IMF DOTS, SIPRI and the UN votes.  The only step that is not an import is the roles in
# actors.csv, set by a few lines of Python below: poles RUS and USA, focus ARM, AZE and GEO.
# The dataset must validate, and `clout influence`, `clout diff` between two years and
# `clout report` must run on it and name the focus states.  Skipped without the data folder.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
SHARED=${CLOUT_SHARED_DATA:-$SRC/../shared/data}

if [ ! -f "$SHARED/alliances/atop5_1_ddyr.csv.gz" ] || [ ! -f "$SHARED/unga/un_votes.csv.gz" ]; then
    echo "1..0 # SKIP no ../shared/data"
    exit 0
fi

A=ARM,AZE,GEO,RUS,USA,TUR
D=$T/south-caucasus
run "$CLOUT" import atop "$SHARED/alliances/atop5_1_ddyr.csv.gz" -o "$D" --actors $A -q
expect_rc 0 "import ATOP 5.1 (global, gzip)"
run "$CLOUT" import cow-igo "$SHARED/cow-igo/state_year_formatv3.csv.gz" -o "$D" --actors $A -q
expect_rc 0 "import COW IGO (gzip)"
run "$CLOUT" import imf-dots "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz" -o "$D" --actors $A -q
expect_rc 0 "import IMF DOTS (gzip)"
run "$CLOUT" import sipri "$SHARED/sipri/sipri_trade_register_2000_2023.csv" -o "$D" --actors $A -q
expect_rc 0 "import SIPRI"
run "$CLOUT" import unga "$SHARED/unga/un_votes.csv.gz" "$SHARED/unga/un_roll_calls.csv.gz" \
    "$SHARED/unga/un_roll_call_issues.csv" -o "$D" --actors $A -q
expect_rc 0 "import the UN votes"

# Every source gave ties of the focus states.
"$PY" - "$D" >"$T/per" <<'PYEOF'
import csv, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/ties.csv", encoding="utf-8")))
want = ["atop_defense", "cow_member_political", "imf_trade", "arms_transfer", "unga_agreement"]
have = {r["relation"] for r in rows if {r["source"], r["target"]} & {"ARM", "AZE", "GEO"}}
print("missing:", [w for w in want if w not in have])
sys.exit(0 if all(w in have for w in want) else 1)
PYEOF
tap $? "ATOP, COW IGO, IMF DOTS, SIPRI and UNGA each give ties of ARM, AZE or GEO" "$(cat "$T/per")"

# The roles: the one edit by hand (here by script).
"$PY" - "$D/actors.csv" <<'PYEOF'
import csv, sys
p = sys.argv[1]
rows = list(csv.DictReader(open(p, encoding="utf-8")))
fields = list(rows[0].keys())
for r in rows:
    r["role"] = {"RUS": "pole", "USA": "pole", "ARM": "focus", "AZE": "focus", "GEO": "focus"}.get(r["id"], r["role"])
with open(p, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
PYEOF
run "$CLOUT" validate "$D"
expect_rc 0 "the South Caucasus dataset validates"

# names FILE: whether FILE names each focus state
names() {
    grep -q ARM "$1" && grep -q AZE "$1" && grep -q GEO "$1"
}

# 2014: the last year every layer's sources cover (COW IGO ends in 2014).
run "$CLOUT" influence "$D@2014" --format csv
expect_rc 0 "clout influence south-caucasus@2014"
names "$T/out"
tap $? "influence names ARM, AZE and GEO" "$(head -20 "$T/out")"
grep -q '^ARM,RUS,security,' "$T/out" && grep -q '^GEO,USA,economic,' "$T/out"
tap $? "influence has ARM-RUS security and GEO-USA economic rows" "$(head -20 "$T/out")"

# 2018: COW IGO ends in 2014, so the layers made only of its memberships (diplomatic,
# technical) have no data: their rows are empty and name what is missing, and the run
# succeeds on the layers that ATOP, the IMF and the UN votes cover.
run "$CLOUT" influence "$D@2018" --table balance --format csv
expect_rc 0 "clout influence south-caucasus@2018 (a layer without data is not an error)"
"$PY" - "$T/out" >"$T/nc" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
dip = [r for r in rows if r["layer"] == "diplomatic"]
eco = [r for r in rows if r["layer"] == "economic"]
ok = dip and all(r["balance"] == "" and "member_diplomatic" in r["not_covered"] for r in dip)
ok = ok and eco and all(r["balance"] != "" and r["denominator"] == "world" for r in eco)
print("# diplomatic:", [(r["focus"], r["balance"], r["not_covered"]) for r in dip])
print("# economic:", [(r["focus"], r["balance"], r["denominator"]) for r in eco])
sys.exit(0 if ok else 1)
PYEOF
tap $? "2018: diplomatic rows empty with not_covered member_diplomatic; economic rows of world shares" "$(cat "$T/nc")"

# Every direct share, reach and edge weight against tests/cli/influence-ref.py, the
# independent Python implementation: here with IMF trade and world totals, ATOP without
# groups and the UN agreement scores (scale value), which the bundled datasets lack.
for y in 2008 2014 2018; do
    "$CLOUT" influence "$D@$y" --format csv --table shares -q >"$T/c.csv" 2>/dev/null
    "$PY" "$SRC/tests/cli/influence-ref.py" "$D" $y >"$T/ref.txt"
    "$CLOUT" build "$D@$y" --to csv -q >"$T/e.csv" 2>/dev/null
    "$PY" "$SRC/tests/cli/influence-ref.py" "$D" $y --edges >"$T/ref-e.txt"
    "$PY" - "$T/ref.txt" "$T/c.csv" "$T/ref-e.txt" "$T/e.csv" >"$T/chk" <<'PYEOF'
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
    bad += g is None or not (eq(g[0], d) and eq(g[1], r))
ge = {(r["source"], r["target"]): float(r["weight"]) for r in csv.DictReader(open(sys.argv[4]))}
re_ = {}
for line in open(sys.argv[3]):
    a, b, w = line.split()
    re_[(a, b)] = float(w)
be = [k for k in set(ge) | set(re_) if abs(ge.get(k, 0) - re_.get(k, 0)) > 1e-9]
print("# %d shares (%d differ), %d edges (%d differ)" % (n, bad, len(re_), len(be)))
sys.exit(1 if bad or be or n != len(got) or not re_ else 0)
PYEOF
    tap $? "south-caucasus@$y: every share, reach and edge weight equals influence-ref.py" "$(cat "$T/chk")"
done

run "$CLOUT" diff "$D@2008" "$D@2014" --table influence --format csv
expect_rc 0 "clout diff south-caucasus@2008 south-caucasus@2014"
names "$T/out"
tap $? "diff names ARM, AZE and GEO" "$(head -20 "$T/out")"

run "$CLOUT" report "$D" --at 2008,2014 -o "$T/report"
expect_rc 0 "clout report south-caucasus --at 2008,2014"
[ -s "$T/report/index.html" ] && names "$T/report/index.html"
tap $? "the report's page names ARM, AZE and GEO" "$(ls "$T/report" 2>&1)"

done_testing
