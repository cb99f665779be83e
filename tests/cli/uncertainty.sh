#!/bin/sh
# uncertainty.sh: the bootstrap (doc/methods.md, "Uncertainty"): its intervals against the
# exact bootstrap distribution (tests/cli/boot-exact.py lists every resample and computes
# each balance with the independent implementation tests/cli/influence-ref.py), what every
# bootstrap output says about its replicates, its flags, and diff's sign majority.
. "$(dirname "$0")/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
CA=$SRC/graphs/central-asia

# ---- (a) the intervals of tiny's trade, ELD economic, 2022, against the exact bootstrap ----
# With a window of 2 years the 4 resamples give 3 values (the two years alike, or
# one of each); z0 = 0 and the acceleration is 0, so percentile and BCa give one
# interval, its ends the two one-year balances (tiny/README.md, "Uncertainty").
# With 3 years the 27 resamples give an acceleration of about 0.023, and BCa reads
# the distribution at other points than the percentile method does.
exact_check() {
    w=$1 b=$2
    "$PY" "$SRC/tests/cli/boot-exact.py" "$TINY" 2022 "$w" trade ELD economic >"$T/exact" 2>"$T/err"
    for m in percentile bca; do
        "$CLOUT" influence "$TINY@2022" --window "$w" --relations trade --focus ELD \
            --bootstrap "$b" --noise 0 --interval $m --table balance --format csv \
            -o "$T/$m.csv" 2>>"$T/err"
        "$PY" - "$T/exact" "$T/$m.csv" $m "$b" >"$T/chk" 2>&1 <<'PYEOF'
import csv, sys
exact = {l.split()[0]: l.split()[1:] for l in open(sys.argv[1])}
lo, hi = map(float, exact[sys.argv[3]][:2])
margin, B = float(exact["margin"][0]), int(sys.argv[4])
row = [r for r in csv.DictReader(open(sys.argv[2])) if r["layer"] == "economic"][0]
got = (float(row["balance_lo"]), float(row["balance_hi"]))
print(sys.argv[3], "clout", got, "exact", (lo, hi), "margin", margin, "replicates", row["replicates"])
ok = abs(got[0] - lo) < 1e-9 and abs(got[1] - hi) < 1e-9 and int(row["replicates"]) == B
sys.exit(0 if ok else 1)
PYEOF
        tap $? "tiny@2022 window $w, $m interval of ELD economic = the exact bootstrap's" \
            "$(cat "$T/chk" "$T/exact" "$T/err")"
    done
}
exact_check 2 4000
# Both methods give the same interval at window 2, and it is not a trivial one.
[ "$(cut -d, -f4,5 "$T/percentile.csv")" = "$(cut -d, -f4,5 "$T/bca.csv")" ] &&
    grep -q '^ELD,economic,-0.111111111111,-0.2,0,' "$T/bca.csv"
tap $? "window 2: percentile and BCa give one interval, [-0.2, 0] (README: B(2021) = -1/5, B(2022) = 0)" \
    "$(cat "$T/percentile.csv" "$T/bca.csv")"
exact_check 3 20000
grep -q ' a 0\.0[0-9]' "$T/exact" && ! grep -q ' a 0\.0 ' "$T/exact"
tap $? "window 3: the acceleration is not zero (the BCa check is not a percentile check)" "$(cat "$T/exact")"

# ---- (b) every bootstrap output says what its intervals rest on ----
"$CLOUT" influence "$CA@2020" --bootstrap 100 --table balance --format csv -o "$T/b.csv" 2>/dev/null
"$CLOUT" influence "$CA@2020" --bootstrap 100 --table shares --format csv -o "$T/s.csv" 2>/dev/null
"$PY" - "$T/b.csv" "$T/s.csv" >"$T/chk" 2>&1 <<'PYEOF'
import csv, sys
bad = n = 0
for path, est, lo, hi in ((sys.argv[1], "balance", "balance_lo", "balance_hi"),
                          (sys.argv[2], "index", "index_lo", "index_hi")):
    for r in csv.DictReader(open(path)):
        if r.get("pole") == "other" or r[est] == "":
            continue
        n += 1
        used, dropped = int(r["replicates"]), int(r["dropped"])
        e, l, h, flag = float(r[est]), float(r[lo]), float(r[hi]), r["interval_flag"]
        want = "degenerate" if l == h else "excludes_estimate" if not (l - 1e-9 <= e <= h + 1e-9) else ""
        if used + dropped != 100 or flag != want:
            bad += 1
            print("wrong:", path, r)
print(n, "rows,", bad, "wrong")
sys.exit(1 if bad or n == 0 else 0)
PYEOF
tap $? "central-asia@2020: replicates + dropped = 100 in every row, flags as the intervals are" "$(cat "$T/chk")"
# The political layer is state ties only (CIS, UN agreement): held fixed, degenerate.
grep -q '^KAZ,political,.*,degenerate$' "$T/b.csv"
tap $? "a layer of state ties only has a degenerate interval, flagged" "$(grep political "$T/b.csv")"
# Turkmenistan's security layer has replicates with no balance: said, not hidden.
grep '^TKM,security,' "$T/b.csv" | awk -F, '{exit !($(NF-1) > 0)}'
tap $? "replicates without a balance are counted as dropped" "$(grep TKM,security "$T/b.csv")"

# ---- reproducible for any -j, both methods ----
for m in percentile bca; do
    "$CLOUT" influence "$CA@2020" --bootstrap 60 --interval $m -j 1 --table balance --format csv \
        -o "$T/j1.csv" 2>/dev/null
    "$CLOUT" influence "$CA@2020" --bootstrap 60 --interval $m -j 3 --table balance --format csv \
        -o "$T/j3.csv" 2>/dev/null
    cmp -s "$T/j1.csv" "$T/j3.csv" && [ -s "$T/j1.csv" ]
    tap $? "--interval $m: the same bytes with -j 1 and -j 3"
done

# ---- diff: sign agreement and whether the observed sign is the majority ----
"$CLOUT" diff "$CA@2005" "$CA@2020" --table influence --bootstrap 100 --format csv \
    -o "$T/d.csv" 2>/dev/null
"$PY" - "$T/d.csv" >"$T/chk" 2>&1 <<'PYEOF'
import csv, sys
bad = n = 0
for r in csv.DictReader(open(sys.argv[1])):
    if r["sign_agreement"] == "":
        continue
    n += 1
    want = "yes" if float(r["sign_agreement"]) > 0.5 else "no"
    ok = r["sign_majority"] == want and int(r["replicates"]) + int(r["dropped"]) == 100
    if r["delta_lo"] != "":
        d, lo, hi = float(r["delta"]), float(r["delta_lo"]), float(r["delta_hi"])
        flag = "degenerate" if lo == hi else "excludes_estimate" if not lo - 1e-9 <= d <= hi + 1e-9 else ""
        ok = ok and r["interval_flag"] == flag
    if not ok:
        bad += 1
        print("wrong:", r)
print(n, "rows,", bad, "wrong")
sys.exit(1 if bad or n == 0 else 0)
PYEOF
tap $? "diff 2005 -> 2020: sign_majority = (sign_agreement > 1/2), replicates counted, flags" "$(cat "$T/chk")"
"$CLOUT" diff "$CA@2020" "$CA@2020" --table influence --bootstrap 20 --interval bca --format csv \
    -o "$T/self.csv" 2>/dev/null
"$PY" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sys.exit(0 if rows and all(r["delta"] in ("0", "") and r["delta_lo"] in ("0", "") for r in rows) else 1)
' "$T/self.csv"
tap $? "diff of a snapshot with itself: every change and interval end 0, BCa included" "$(head -5 "$T/self.csv")"

done_testing
