#!/usr/bin/env bash
# TAP: the importers of IMF DOTS (imf-dots), AidData GCDF (gcdf) and UN votes (unga,
# unga-agreement), each on a small excerpt of its real file with the ties worked out by hand
# below; the --actors check and the row accounting of every importer; the scale value; then
# the full files of ../shared/data against figures that Python computes from the raw files
# (skipped when the files are absent).
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
EX=$SRC/tests/data/import
SHARED=${CLOUT_SHARED_DATA:-$SRC/../shared/data}

# ties OUTDIR: the ties as source,target,relation,value,start,end, sorted
ties() {
    "$PY" -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print("\n".join(sorted(",".join(r[k] for k in ("source","target","relation","value","start","end")) for r in rows)))' "$1/ties.csv"
}

# field OUTDIR SOURCE TARGET RELATION YEAR COLUMN: one column of one tie
field() {
    "$PY" -c 'import csv,sys
d, s, t, rel, y, col = sys.argv[1:]
hits = [r[col] for r in csv.DictReader(open(d + "/ties.csv", encoding="utf-8"))
        if (r["source"], r["target"], r["relation"], r["start"]) == (s, t, rel, y)]
print(hits[0] if len(hits) == 1 else "%d ties" % len(hits))' "$@"
}

# check NAME WANT ARGS...: imports into a fresh folder $T/NAME and compares the ties
check() {
    local name=$1 want=$2 d="$T/$1"
    shift 2
    run "$CLOUT" import "$@" -o "$d" --format csv
    expect_rc 0 "import $name"
    cp "$T/out" "$T/$name.report"
    ties "$d" >"$T/got"
    printf '%s\n' "$want" | sort >"$T/want"
    diff -u "$T/want" "$T/got" >"$T/diff"
    tap $? "$name: the ties worked out by hand from the excerpt" "$(cat "$T/diff")"
    run "$CLOUT" validate "$d"
    expect_rc 0 "$name: the imported dataset validates"
}

# rows_add_up REPORT: rows read = rows kept + every "rows dropped: ..." line
rows_add_up() {
    "$PY" -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
n = {r["item"]: int(r["count"]) for r in rows}
dropped = sum(int(r["count"]) for r in rows if r["item"].startswith("rows dropped: "))
print(n["rows read"], n["rows kept"], dropped)
sys.exit(0 if n["rows read"] == n["rows kept"] + dropped and n["rows read"] > 0 else 1)' "$1"
}

# count REPORT ITEM: the count of one line of a report
count() {
    "$PY" -c 'import csv,sys
print([r["count"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["item"] == sys.argv[2]][0])' "$@"
}

# ---- imf-dots ----
# The excerpt: 21 rows of imf_dots_bilateral_1990_2020.csv.gz.  A flow has two reports:
# the importer's (its "import" row, CIF) and the exporter's (its "export" row, FOB).  By
# default the importer's is used, else the exporter's ("mirror").
#   AGO->USA 1990: USA reports imports 2099.4; AGO exports "1,908.55 e" (not used).
#   USA->AGO 1990: AGO reports imports "164.67 e" (an IMF estimate); USA exports 149.7.
#   AUS->NIC 2008: only AUS reports (exports 0.391019): mirror.
#   NIC->AUS 2008: AUS imports 6.660171; NIC exports 3.92922, in two identical rows.
#   CHN->KGZ 2019: KGZ imports 1734.970508; CHN exports 6312.09122.
#   KGZ->CHN 2019: CHN imports 65.9609; KGZ exports 81.469047.
#   KGZ->RUS 1992: only KGZ reports (exports 94): mirror; RUS->KGZ 1992: KGZ imports 171.7.
#   Totals, each reporter's own WLD rows: AGO exports 1990 3748.110047974059 (written to
#   12 digits, 3748.11004797), CHN 2019 exports 2498548.63292 and imports 2068950.2558, KGZ
#   2019 exports 1965.501715 and imports 4903.803729.
#   KAZ->HKG: HKG is not a current state, so the row is dropped; WLD,KGZ is the world by
#   partner, not a reporter's total: dropped.
# Rows: 21 read, 13 kept; dropped: 5 reports of the other side, 1 repeated, HKG, WLD.
check imf-dots "AGO,USA,imf_trade,2099.4,1990,
AGO,WORLD,imf_trade,3748.11004797,1990,
AUS,NIC,imf_trade,0.391019,2008,
CHN,KGZ,imf_trade,1734.970508,2019,
CHN,WORLD,imf_trade,2498548.63292,2019,
KGZ,CHN,imf_trade,65.9609,2019,
KGZ,RUS,imf_trade,94,1992,
KGZ,WORLD,imf_trade,1965.501715,2019,
NIC,AUS,imf_trade,6.660171,2008,
RUS,KGZ,imf_trade,171.7,1992,
USA,AGO,imf_trade,164.67,1990,
WORLD,CHN,imf_trade,2068950.2558,2019,
WORLD,KGZ,imf_trade,4903.803729,2019," imf-dots "$EX/imf-dots-excerpt.csv"
D=$T/imf-dots
grep -qx 'imf_trade,economic,yes,flow,share,1,trade,both,1990-2019,IMF DOTS' "$D/relations.csv"
tap $? "imf-dots: imf_trade is economic, directed, flow, share, group trade, counts both, coverage the years read" "$(cat "$D/relations.csv")"
# alt_value: the report the rule did not use, where both sides reported (the comment above):
# what clout robustness tries as the alternative mirror-trade rule.
"$PY" - "$D/ties.csv" >"$T/chk" 2>&1 <<'PYEOF'
import csv, sys
want = {("AGO", "USA", "1990"): "1908.55", ("USA", "AGO", "1990"): "149.7",
        ("NIC", "AUS", "2008"): "3.92922", ("CHN", "KGZ", "2019"): "6312.09122",
        ("KGZ", "CHN", "2019"): "81.469047"}
got = {(r["source"], r["target"], r["start"]): r["alt_value"] for r in csv.DictReader(open(sys.argv[1]))}
bad = [k for k in got if got[k] != want.get(k, "")]
print("alt_value:", got, "wrong:", bad)
sys.exit(1 if bad or len(got) != 13 else 0)
PYEOF
tap $? "imf-dots: alt_value is the other side's report where both reported (5 of 13 ties)" "$(cat "$T/chk")"
[ "$(field "$D" CHN KGZ imf_trade 2019 note)" = "imports reported by KGZ (CIF)" ] &&
    [ "$(field "$D" KGZ RUS imf_trade 1992 note)" = "mirror: exports reported by KGZ (FOB)" ] &&
    [ "$(field "$D" USA AGO imf_trade 1990 note)" = "imports reported by AGO (CIF); an IMF estimate" ] &&
    [ "$(field "$D" KGZ WORLD imf_trade 2019 note)" = "exports to the world reported by KGZ (FOB)" ]
tap $? "imf-dots: each note says whose report it is (and mirror, estimate)" "$(cut -d, -f1-5,9- "$D/ties.csv")"
r=$(rows_add_up "$T/imf-dots.report") && [ "$r" = "21 13 8" ] &&
    [ "$(count "$T/imf-dots.report" "rows dropped: the other side's report was used (--prefer importer)")" = 5 ] &&
    [ "$(count "$T/imf-dots.report" "rows dropped: a repeated row (the same report again)")" = 1 ]
tap $? "imf-dots: 21 rows read = 13 kept + 8 dropped, 5 of them the other side's report" "$r" "$(cat "$T/imf-dots.report")"
# --prefer exporter: the exporter's report, else the importer's as mirror.
run "$CLOUT" import imf-dots "$EX/imf-dots-excerpt.csv" -o "$T/exp" --prefer exporter -q
[ "$(field "$T/exp" AGO USA imf_trade 1990 value)" = 1908.55 ] &&
    [ "$(field "$T/exp" AGO USA imf_trade 1990 note)" = "exports reported by AGO (FOB); an IMF estimate" ] &&
    [ "$(field "$T/exp" CHN KGZ imf_trade 2019 value)" = 6312.09122 ] &&
    [ "$(field "$T/exp" RUS KGZ imf_trade 1992 note)" = "mirror: imports reported by KGZ (CIF)" ]
tap $? "imf-dots --prefer exporter: AGO->USA 1908.55 (estimate), CHN->KGZ 6312.09122, RUS->KGZ mirror" "exit $rc: $(cat "$T/err")"
# --prefer max: the larger; --prefer mean: the mean of both, else the one report.
run "$CLOUT" import imf-dots "$EX/imf-dots-excerpt.csv" -o "$T/max" --prefer max -q
[ "$(field "$T/max" KGZ CHN imf_trade 2019 value)" = 81.469047 ] &&
    [ "$(field "$T/max" AGO USA imf_trade 1990 value)" = 2099.4 ] &&
    [ "$(field "$T/max" KGZ CHN imf_trade 2019 note)" = "the larger report: exports reported by KGZ (FOB)" ]
tap $? "imf-dots --prefer max: KGZ->CHN max(65.9609, 81.469047), AGO->USA max(2099.4, 1908.55)" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import imf-dots "$EX/imf-dots-excerpt.csv" -o "$T/mean" --prefer mean -q
# (1734.970508 + 6312.09122) / 2 = 4023.530864; (6.660171 + 3.92922) / 2 = 5.2946955
[ "$(field "$T/mean" CHN KGZ imf_trade 2019 value)" = 4023.530864 ] &&
    [ "$(field "$T/mean" NIC AUS imf_trade 2008 value)" = 5.2946955 ] &&
    [ "$(field "$T/mean" AUS NIC imf_trade 2008 note)" = "only report: exports reported by AUS (FOB)" ] &&
    [ "$(field "$T/mean" CHN KGZ imf_trade 2019 note)" = "mean of imports reported by KGZ (CIF) and exports reported by CHN (FOB)" ]
tap $? "imf-dots --prefer mean: CHN->KGZ 4023.530864, NIC->AUS 5.2946955" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import imf-dots "$EX/imf-dots-excerpt.csv" -o "$T/bad" --prefer customs
[ "$rc" -eq 2 ] && grep -q "prefer: unknown value 'customs' (valid: importer, exporter, max, mean)" "$T/err" && [ ! -e "$T/bad" ]
tap $? "imf-dots --prefer customs: exit 2" "exit $rc: $(cat "$T/err")"
# A non-state code only when --actors names it: KAZ->HKG 2019 (mirror: only KAZ reports).
run "$CLOUT" import imf-dots "$EX/imf-dots-excerpt.csv" -o "$T/hkg" --actors KAZ,HKG -q
[ "$(ties "$T/hkg")" = "KAZ,HKG,imf_trade,15.87613,2019," ] &&
    grep -q '^HKG,Hong Kong SAR China,territory,' "$T/hkg/actors.csv"
tap $? "imf-dots --actors KAZ,HKG: the HKG row, HKG a territory" "$(ties "$T/hkg")" "$(cat "$T/hkg/actors.csv")"
# imf_trade joins cow_trade's group: both in one dataset validate.
run "$CLOUT" import cow-trade "$EX/cow-trade-excerpt.csv" -o "$D" -q
run "$CLOUT" validate "$D"
expect_rc 0 "imf_trade and cow_trade (group trade) in one dataset"

# ---- gcdf ----
# The excerpt: 6 rows of gcdf3_china_country_year.csv (US$, constant 2021).  Value: the sum
# of oda_adj + oof_adj + vof_adj, in US$ million.
#   115 SUR 2016: 10536318.62808259 + 315274803.73170984 + 0 = 325811122.36 -> 325.81112236
#   703 KGZ 2008: 132815676.01381892 + 11663082.302910157 + 38572023.8253109 -> 183.050782142
#   703 KGZ 2019: 18619957.7531073 (ODA-like only) -> 18.6199577531
#   705 KAZ 2008: 12552952613.83346 + 11008425.108025303 + 152458592.194905 -> 12716.4196311
#   705 KAZ 2009: 11907935662.722523 + 95678.0400751042 -> 11908.0313408
#   701 TKM 2008: all zero: no tie.
check gcdf "CHN,SUR,official_finance,325.81112236,2016,
CHN,KGZ,official_finance,183.050782142,2008,
CHN,KGZ,official_finance,18.6199577531,2019,
CHN,KAZ,official_finance,12716.4196311,2008,
CHN,KAZ,official_finance,11908.0313408,2009," gcdf "$EX/gcdf-excerpt.csv"
D=$T/gcdf
grep -qx 'official_finance,economic,yes,flow,log,1,,in,2008-2019,AidData GCDF 3.0' "$D/relations.csv"
tap $? "gcdf: official_finance is economic, directed, flow, log, counts in, coverage the years read" "$(cat "$D/relations.csv")"
[ "$(field "$D" CHN KAZ official_finance 2008 note)" = "ODA-like 11.0, OOF-like 12,553.0, vague 152.5; US\$ million, constant 2021, adjusted" ]
tap $? "gcdf: the note gives each class" "$(field "$D" CHN KAZ official_finance 2008 note)"
r=$(rows_add_up "$T/gcdf.report") && [ "$r" = "6 5 1" ]
tap $? "gcdf: 6 rows read = 5 kept + 1 dropped (nothing in the classes)" "$r"
# --unadjusted: SUR 2016 188232720.3394926 + 315274803.73170984 = 503507524.07 -> 503.507524071
run "$CLOUT" import gcdf "$EX/gcdf-excerpt.csv" -o "$T/unadj" --unadjusted -q
[ "$(field "$T/unadj" CHN SUR official_finance 2016 value)" = 503.507524071 ] &&
    [ "$(field "$T/unadj" CHN KAZ official_finance 2008 value)" = 12716.4196311 ]
tap $? "gcdf --unadjusted: SUR 2016 503.507524071 (KAZ 2008 the same either way)" "exit $rc: $(cat "$T/err")"
# --classes oda: KAZ 2008 11008425.108025303 -> 11.008425108; TKM 2008 still nothing
run "$CLOUT" import gcdf "$EX/gcdf-excerpt.csv" -o "$T/oda" --classes oda -q
[ "$(field "$T/oda" CHN KAZ official_finance 2008 value)" = 11.008425108 ] &&
    [ "$(field "$T/oda" CHN KAZ official_finance 2008 note)" = "ODA-like 11.0; US\$ million, constant 2021, adjusted" ]
tap $? "gcdf --classes oda: KAZ 2008 11.008425108" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import gcdf "$EX/gcdf-excerpt.csv" -o "$T/bad" --classes oda,loans
[ "$rc" -eq 2 ] && grep -q "classes: unknown class 'loans' (valid: oda, oof, vague)" "$T/err" && [ ! -e "$T/bad" ]
tap $? "gcdf --classes loans: exit 2" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import gcdf "$EX/gcdf-excerpt.csv" -o "$T/nochn" --actors KAZ,KGZ --format csv
[ "$rc" -eq 0 ] && grep -q '^"rows dropped: CHN, the lender in every row, outside --actors",4,' "$T/out"
tap $? "gcdf --actors without CHN: the report says why nothing is kept" "exit $rc: $(cat "$T/out" "$T/err")"

# ---- unga ----
# The excerpt: roll calls 1412 (session 28, 1973), 6063, 6069, 6124 (session 73, 2018) and
# 9061, 9062, 9089, 9097, 9121 (session 74, 2019); the votes of KG, RU, CN, US, Namibia
# ("NA", quoted) and the Federal Republic of Germany (a bare NA: no code).  A pair's value:
# of the roll calls both voted on (yes, no, abstain), the share voted alike.
#        CN  KG  RU  US
#  1412  -   -   ab  ab        RUS-USA 1973: 1/1
#  6063  y   y   ab  n         2018: CHN-KGZ 1/2 (6063 alike, 6124 not); CHN-RUS 1/3
#  6069  y   -   ab  n               (6124 alike); CHN-USA 0/3; KGZ-RUS 0/2; KGZ-USA 0/2;
#  6124  n   ab  n   y               RUS-USA 0/3
#  9061  ab  y   n   y         2019: CHN-KGZ 1/3 (9062); CHN-RUS 2/4 (9062, 9121);
#  9062  y   y   y   y               CHN-USA 1/4 (9062); KGZ-RUS 1/3 (9062);
#  9089  y   -   ab  n               KGZ-USA 2/4 (9061, 9062); RUS-USA 1/4 (9062)
#  9097  -   y   -   n
#  9121  n   ab  n   y
U="$EX/unga-votes-excerpt.csv $EX/unga-roll-calls-excerpt.csv $EX/unga-issues-excerpt.csv"
# shellcheck disable=SC2086
check unga "CHN,KGZ,unga_agreement,0.5,2018,2018
CHN,KGZ,unga_agreement,0.333333333333,2019,2019
CHN,RUS,unga_agreement,0.333333333333,2018,2018
CHN,RUS,unga_agreement,0.5,2019,2019
CHN,USA,unga_agreement,0,2018,2018
CHN,USA,unga_agreement,0.25,2019,2019
KGZ,RUS,unga_agreement,0,2018,2018
KGZ,RUS,unga_agreement,0.333333333333,2019,2019
KGZ,USA,unga_agreement,0,2018,2018
KGZ,USA,unga_agreement,0.5,2019,2019
RUS,USA,unga_agreement,1,1973,1973
RUS,USA,unga_agreement,0,2018,2018
RUS,USA,unga_agreement,0.25,2019,2019" unga $U --actors KGZ,RUS,CHN,USA
D=$T/unga
grep -qx 'unga_agreement,political,no,state,value,1,unga,,1973-2019,UN General Assembly roll calls' "$D/relations.csv"
tap $? "unga: unga_agreement is political, undirected, state, scale value, group unga" "$(cat "$D/relations.csv")"
[ "$(field "$D" KGZ USA unga_agreement 2019 note)" = "session 74: voted alike on 2 of the 4 roll calls both voted on" ]
tap $? "unga: the note gives the session and the counts" "$(field "$D" KGZ USA unga_agreement 2019 note)"
# 55 rows: 9 roll calls, 7 issue rows (not needed without --issues), 39 votes: 30 of KG, RU,
# CN, US kept, 8 of Namibia (outside --actors), 1 of the FRG (no code).
r=$(rows_add_up "$T/unga.report") && [ "$r" = "55 39 16" ] &&
    grep -q '^rows dropped: a state without an ISO 3166 code,1,e.g. Federal Republic of Germany' "$T/unga.report"
tap $? "unga: 55 rows read = 39 kept + 16 dropped; the FRG's bare NA is no code" "$r" "$(cat "$T/unga.report")"
# --issues hr: roll calls 6124 and 9121 only (CN n, KG ab, RU n, US y in both): CHN-RUS 1,
# every other pair 0, in 2018 and in 2019.
# shellcheck disable=SC2086
run "$CLOUT" import unga $U --actors KGZ,RUS,CHN,USA -o "$T/hr" --issues hr -q
got=$(ties "$T/hr" | cut -d, -f1,2,4,5 | tr '\n' ' ')
[ "$got" = "CHN,KGZ,0,2018 CHN,KGZ,0,2019 CHN,RUS,1,2018 CHN,RUS,1,2019 CHN,USA,0,2018 CHN,USA,0,2019 KGZ,RUS,0,2018 KGZ,RUS,0,2019 KGZ,USA,0,2018 KGZ,USA,0,2019 RUS,USA,0,2018 RUS,USA,0,2019 " ]
tap $? "unga --issues hr: CHN-RUS 1 in 2018 and 2019, every other pair 0" "exit $rc: $(cat "$T/err")" "$got"
# shellcheck disable=SC2086
run "$CLOUT" import unga $U -o "$T/bad"
[ "$rc" -eq 2 ] && grep -q "name the states with --actors" "$T/err" && [ ! -e "$T/bad" ]
tap $? "unga without --actors: exit 2" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import unga "$EX/unga-votes-excerpt.csv" "$EX/unga-roll-calls-excerpt.csv" --actors KGZ,RUS -o "$T/bad" --issues hr
[ "$rc" -eq 2 ] && grep -q "issues needs un_roll_call_issues" "$T/err" && [ ! -e "$T/bad" ]
tap $? "unga --issues without the issues file: exit 2" "exit $rc: $(cat "$T/err")"
# shellcheck disable=SC2086
run "$CLOUT" import unga $U --actors KGZ,RUS -o "$T/bad" --issues hr,trade
[ "$rc" -eq 2 ] && grep -q "issues: unknown issue 'trade' (valid: me, nu, di, hr, co, ec)" "$T/err"
tap $? "unga --issues trade: exit 2" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import unga "$EX/unga-roll-calls-excerpt.csv" --actors KGZ,RUS -o "$T/bad"
[ "$rc" -eq 2 ] && grep -q "give un_votes and un_roll_calls" "$T/err"
tap $? "unga without the votes file: exit 2" "exit $rc: $(cat "$T/err")"

# ---- unga-agreement ----
# The excerpt: 11 rows of Voeten's file: USA sessions 20, 74, 78; RUS, KGZ, CHN 74 and 78;
# KGZ 47; the German Federal Republic (260, no ISO code) 40.  Each state's USAgree,
# RUSSAgree, ChinaAgree become its ties with USA, RUS, CHN (year = session + 1945); a pair of
# two poles is given by both rows, alike, and kept once; USA 20's ChinaAgree is NA.
check unga-agreement "RUS,USA,voeten_agreement,0.225,1965,1965
RUS,USA,voeten_agreement,0.2068966,2019,2019
CHN,USA,voeten_agreement,0.1348315,2019,2019
RUS,USA,voeten_agreement,0.1744186,2023,2023
CHN,USA,voeten_agreement,0.1647059,2023,2023
CHN,RUS,voeten_agreement,0.7931034,2019,2019
CHN,RUS,voeten_agreement,0.6823529,2023,2023
KGZ,USA,voeten_agreement,0.2,1992,1992
KGZ,RUS,voeten_agreement,0.8666667,1992,1992
CHN,KGZ,voeten_agreement,0.4615385,1992,1992
KGZ,USA,voeten_agreement,0.1411765,2019,2019
KGZ,RUS,voeten_agreement,0.695122,2019,2019
CHN,KGZ,voeten_agreement,0.8333333,2019,2019
KGZ,USA,voeten_agreement,0.2151899,2023,2023
KGZ,RUS,voeten_agreement,0.5696203,2023,2023
CHN,KGZ,voeten_agreement,0.7692308,2023,2023" unga-agreement "$EX/unga-agreement-excerpt.csv"
grep -qx 'voeten_agreement,political,no,state,value,1,unga,,1965-2023,Voeten agreement scores' "$T/unga-agreement/relations.csv"
tap $? "unga-agreement: voeten_agreement in group unga, coverage the years read" "$(cat "$T/unga-agreement/relations.csv")"
run "$CLOUT" import unga-agreement "$EX/unga-agreement-excerpt.csv" -o "$T/ua2" --actors KGZ,RUS -q
[ "$(ties "$T/ua2" | cut -d, -f1,2,4,5 | tr '\n' ' ')" = "KGZ,RUS,0.5696203,2023 KGZ,RUS,0.695122,2019 KGZ,RUS,0.8666667,1992 " ]
tap $? "unga-agreement --actors KGZ,RUS: only the KGZ-RUS ties" "$(ties "$T/ua2")"
# unga and unga-agreement share the group unga: one dataset validates.
run "$CLOUT" import unga-agreement "$EX/unga-agreement-excerpt.csv" -o "$T/unga" -q
run "$CLOUT" validate "$T/unga"
expect_rc 0 "unga_agreement and voeten_agreement in one dataset"

# ---- every importer: --actors, rows, gzip ----
# SOURCE|FILES: one line per importer and its excerpt
cat >"$T/sources" <<EOF
cow-igo|$EX/cow-igo-excerpt.csv
atop|$EX/atop-excerpt.csv
cow-alliance|$EX/cow-alliance-excerpt.csv
cow-trade|$EX/cow-trade-excerpt.csv $EX/cow-trade-national-excerpt.csv
sipri|$EX/sipri-excerpt.csv
imf-dots|$EX/imf-dots-excerpt.csv
gcdf|$EX/gcdf-excerpt.csv
unga|$U
unga-agreement|$EX/unga-agreement-excerpt.csv
EOF
bad_msgs="" gz_diff="" add_up=""
while IFS='|' read -r src files; do
    # shellcheck disable=SC2086
    run "$CLOUT" import "$src" $files -o "$T/act-$src" --actors KGZ,KAZZ,RUS
    { [ "$rc" -eq 2 ] && grep -qF "clout: --actors: 'KAZZ' is neither in " "$T/err" &&
        grep -qF "(did you mean KAZ?)" "$T/err" && [ ! -e "$T/act-$src" ]; } ||
        bad_msgs="$bad_msgs; $src: exit $rc $(cat "$T/err")"
    # The same files gzipped give the same ties.
    gz=""
    for f in $files; do
        gzip -c "$f" >"$T/$(basename "$f").gz"
        gz="$gz $T/$(basename "$f").gz"
    done
    # shellcheck disable=SC2086
    "$CLOUT" import "$src" $files -o "$T/plain-$src" --actors KGZ,KAZ,RUS,CHN,USA,UZB -q 2>"$T/err" &&
        "$CLOUT" import "$src" $gz -o "$T/gz-$src" --actors KGZ,KAZ,RUS,CHN,USA,UZB -q 2>>"$T/err" &&
        [ -s "$T/plain-$src/ties.csv" ] &&
        sed 's/\.gz//g' "$T/gz-$src/ties.csv" | cmp -s - "$T/plain-$src/ties.csv" ||
        gz_diff="$gz_diff; $src: $(cat "$T/err")"
    # shellcheck disable=SC2086
    "$CLOUT" import "$src" $files -o "$T/rows-$src" --actors KGZ,KAZ,RUS,CHN,USA --from 2000 --format csv >"$T/report" 2>"$T/err"
    r=$(rows_add_up "$T/report") || add_up="$add_up; $src: $r $(cat "$T/err")"
done <"$T/sources"
[ -z "$bad_msgs" ]
tap $? "every importer: --actors KAZZ is exit 2, names it, says 'did you mean KAZ?', writes nothing" "${bad_msgs#; }"
[ -z "$gz_diff" ]
tap $? "every importer reads its files gzipped, with the same ties" "${gz_diff#; }"
[ -z "$add_up" ]
tap $? "every importer: rows read = rows kept + the rows dropped, line by line" "${add_up#; }"
# Spellings a user may mean, with the code they mean.
probs=""
for pair in kaz:KAZ Kazakhstan:KAZ 705:KAZ KZ:KAZ KZK:KAZ Kyrgystan:KGZ; do
    run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/x" --actors "${pair%%:*}"
    { [ "$rc" -eq 2 ] && grep -qF "(did you mean ${pair##*:}?)" "$T/err"; } || probs="$probs; $pair: $(cat "$T/err")"
done
[ -z "$probs" ]
tap $? "--actors: lower case, a name, a COW code or abbreviation, an ISO2 code, a typo: did you mean" "${probs#; }"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/x" --actors Atlantis
[ "$rc" -eq 2 ] && grep -qx "clout: --actors: 'Atlantis' is neither in $EX/atop-excerpt.csv nor in the code tables" "$T/err"
tap $? "--actors: nothing near, no suggestion" "$(cat "$T/err")"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/x" --actors RUS,KAZ,FRA --format csv
[ "$rc" -eq 0 ] && grep -q '^--actors codes without a row in the file (no ties),1,e.g. FRA' "$T/out"
tap $? "--actors: a code of the tables without a row in the file is reported, not an error" "exit $rc: $(cat "$T/out" "$T/err")"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/x" --prefer mean
[ "$rc" -eq 2 ] && grep -q "prefer is an option of imf-dots only" "$T/err"
tap $? "an option of another source: exit 2" "exit $rc: $(cat "$T/err")"

# ---- bad data: exit 3, file, line and column, nothing written ----
printf 'reporter,partner,flow,year,value_musd\nKAZ,CHN,export,2019,5\nKAZ,CHN,barter,2019,5\n' >"$T/bad-flow.csv"
run "$CLOUT" import imf-dots "$T/bad-flow.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "bad-flow.csv:3:9: column 'flow': 'barter' is not export or import" "$T/err" && [ ! -e "$T/bad" ]
tap $? "imf-dots: a flow that is neither export nor import" "exit $rc: $(cat "$T/err")"
printf 'reporter,partner,flow,year,value_musd\nKAZ,CHN,export,2019,5\nKAZ,CHN,export,2019,6\n' >"$T/bad-rep.csv"
run "$CLOUT" import imf-dots "$T/bad-rep.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "bad-rep.csv:3:21: column 'value_musd': '6' differs from line 2" "$T/err" && [ ! -e "$T/bad" ]
tap $? "imf-dots: one report given twice with two values" "exit $rc: $(cat "$T/err")"
printf 'ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj\n705,2019,1,1,1,n/a,1,1\n' >"$T/bad-gcdf.csv"
run "$CLOUT" import gcdf "$T/bad-gcdf.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "bad-gcdf.csv:2:16: column 'oda_adj': 'n/a' is not an amount" "$T/err" && [ ! -e "$T/bad" ]
tap $? "gcdf: an amount that is not a number" "exit $rc: $(cat "$T/err")"
printf '"rcid","country_code","country","vote"\n9061,"KG","Kyrgyzstan","maybe"\n' >"$T/bad-vote.csv"
run "$CLOUT" import unga "$T/bad-vote.csv" "$EX/unga-roll-calls-excerpt.csv" --actors KGZ,RUS -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "bad-vote.csv:2:24: column 'vote': 'maybe' is not yes, no or abstain" "$T/err" && [ ! -e "$T/bad" ]
tap $? "unga: a vote that is not yes, no or abstain" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import unga "$EX/gcdf-excerpt.csv" --actors KGZ,RUS -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "not a UN votes file" "$T/err" && [ ! -e "$T/bad" ]
tap $? "unga: a file that is none of the three" "exit $rc: $(cat "$T/err")"
sed 's/0.695122/1.695122/' "$EX/unga-agreement-excerpt.csv" >"$T/bad-agree.csv"
run "$CLOUT" import unga-agreement "$T/bad-agree.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -qF "column 'RUSSAgree': '1.695122' is not an agreement from 0 to 1" "$T/err" && [ ! -e "$T/bad" ]
tap $? "unga-agreement: a score above 1" "exit $rc: $(cat "$T/err")"

# ---- the scale value ----
mkdir -p "$T/sv"
printf 'id,name,kind\nA,A,state\nB,B,state\n' >"$T/sv/actors.csv"
printf 'relation,layer,directed,mode,scale\nagree,political,no,state,value\n' >"$T/sv/relations.csv"
printf 'source,target,relation,value,start,end\nA,B,agree,0.5,2019,2019\nA,B,agree,1.5,2020,2020\n' >"$T/sv/ties.csv"
run "$CLOUT" validate "$T/sv"
[ "$rc" -eq 3 ] && grep -qF "ties.csv:3:11: column 'value': '1.5' is above 1" "$T/err"
tap $? "scale value: a value above 1 is bad data, at its file, line and column" "exit $rc: $(cat "$T/err")"
printf 'source,target,relation,value,start,end\nA,B,agree,1,2019,2019\nA,B,agree,0,2020,2020\n' >"$T/sv/ties.csv"
run "$CLOUT" validate "$T/sv"
expect_rc 0 "scale value: 0 and 1 are values"
run "$CLOUT" import clout "$T/sv" -o "$T/sv2" -q
grep -qx 'A,B,agree,1,2019,2019,,' "$T/sv2/ties.csv" && grep -qx 'agree,political,no,state,value,1' "$T/sv2/relations.csv"
tap $? "scale value: written back as value, and a value of 1 written out" "$(cat "$T/sv2/relations.csv" "$T/sv2/ties.csv")"

# ---- the full files, against Python reading the raw files ----
if [ -f "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz" ] && [ -f "$SHARED/unga/un_votes.csv.gz" ]; then
    A=KAZ,KGZ,TJK,UZB,TKM,RUS,CHN,USA
    # IMF DOTS: Kazakhstan's imports from China in 2015, by the default rule: Kazakhstan's
    # report of its imports, else China's report of its exports.
    run "$CLOUT" import imf-dots "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz" -o "$T/dots" --actors $A --format csv
    expect_rc 0 "import the full IMF DOTS file"
    cp "$T/out" "$T/dots.report"
    want=$("$PY" -c 'import csv,gzip,sys
v = {}
for r in csv.DictReader(gzip.open(sys.argv[1], "rt", encoding="utf-8")):
    if r["year"] == "2015" and (r["reporter"], r["partner"], r["flow"]) in (("KAZ", "CHN", "import"), ("CHN", "KAZ", "export")):
        v[r["flow"]] = float(r["value_musd"].replace(",", "").replace(" e", ""))
print(v.get("import", v.get("export")))' "$SHARED/imf-dots/imf_dots_bilateral_1990_2020.csv.gz")
    got=$(field "$T/dots" CHN KAZ imf_trade 2015 value)
    "$PY" -c 'import sys; g, w = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(g - w) > 1e-9 * w)' "$got" "$want"
    tap $? "full IMF DOTS: KAZ's imports from CHN 2015 = $want (US\$ m; the data README: 5,087.80)" "got $got"
    r=$(rows_add_up "$T/dots.report") && [ "${r%% *}" = 1419260 ]
    tap $? "full IMF DOTS: 1,419,260 rows read = kept + dropped" "$r"

    # AidData: Kazakhstan's Chinese official finance 2000-2021, adjusted, all classes.
    run "$CLOUT" import gcdf "$SHARED/aiddata/gcdf3_china_country_year.csv" -o "$T/gcdf-full" --actors $A -q
    expect_rc 0 "import the full GCDF file"
    want=$("$PY" -c 'import csv,sys
print(sum(float(r[k]) for r in csv.DictReader(open(sys.argv[1])) if r["ccode"] == "705"
          for k in ("oda_adj", "oof_adj", "vof_adj")) / 1e6)' "$SHARED/aiddata/gcdf3_china_country_year.csv")
    got=$("$PY" -c 'import csv,sys
print(sum(float(r["value"]) for r in csv.DictReader(open(sys.argv[1])) if (r["source"], r["target"]) == ("CHN", "KAZ")))' "$T/gcdf-full/ties.csv")
    "$PY" -c 'import sys; g, w = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(g - w) > 1e-6 * w)' "$got" "$want"
    tap $? "full GCDF: KAZ 2000-2021 = $want US\$ m (the data README: 64.146 bn)" "got $got"
    grep -q '^official_finance,economic,yes,flow,log,1,,in,2000-2021,AidData GCDF 3.0$' "$T/gcdf-full/relations.csv"
    tap $? "full GCDF: coverage 2000-2021" "$(cat "$T/gcdf-full/relations.csv")"

    # UNGA: KGZ's agreement with RUS and CHN in 2019 (session 74), recomputed here from the
    # roll calls, against Voeten's published RUSSAgree and ChinaAgree, and what clout imported.
    run "$CLOUT" import unga "$SHARED/unga/un_votes.csv.gz" "$SHARED/unga/un_roll_calls.csv.gz" \
        "$SHARED/unga/un_roll_call_issues.csv" -o "$T/ungaf" --actors KGZ,RUS,CHN,USA,KAZ -q
    expect_rc 0 "import the full UN votes"
    run "$CLOUT" import unga-agreement "$SHARED/unga/voeten_idealpoints_agreement_jun2024.csv.gz" -o "$T/ungaf" --actors KGZ,RUS,CHN,USA,KAZ -q
    expect_rc 0 "import Voeten's agreement scores"
    "$PY" - "$SHARED/unga" "$T/ungaf/ties.csv" >"$T/agree" <<'PYEOF'
import csv, gzip, sys
d = sys.argv[1]
rcids = {r["rcid"] for r in csv.DictReader(gzip.open(d + "/un_roll_calls.csv.gz", "rt", encoding="utf-8")) if r["session"] == "74"}
votes = {}
for r in csv.DictReader(gzip.open(d + "/un_votes.csv.gz", "rt", encoding="utf-8")):
    if r["rcid"] in rcids and r["country_code"] in ("KG", "RU", "CN"):
        votes.setdefault(r["rcid"], {})[r["country_code"]] = r["vote"]
def agree(a, b):
    both = [v for v in votes.values() if a in v and b in v]
    return sum(v[a] == v[b] for v in both) / len(both)
mine = {"RUS": agree("KG", "RU"), "CHN": agree("KG", "CN")}
voeten = {}
for r in csv.DictReader(gzip.open(d + "/voeten_idealpoints_agreement_jun2024.csv.gz", "rt", encoding="utf-8")):
    if r["ccode"] == "703" and r["session"] == "74":
        voeten = {"RUS": float(r["RUSSAgree"]), "CHN": float(r["ChinaAgree"])}
clout = {}
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    pair = {r["source"], r["target"]}
    if r["start"] == "2019" and "KGZ" in pair and pair & {"RUS", "CHN"}:
        clout[(r["relation"], (pair - {"KGZ"}).pop())] = float(r["value"])
ok = True
for p in ("RUS", "CHN"):
    ok &= abs(mine[p] - voeten[p]) <= 1e-3
    ok &= abs(clout[("unga_agreement", p)] - mine[p]) <= 1e-9
    ok &= clout[("voeten_agreement", p)] == voeten[p]
print("KGZ-RUS %.4f (Voeten %.4f), KGZ-CHN %.4f (Voeten %.4f)" % (mine["RUS"], voeten["RUS"], mine["CHN"], voeten["CHN"]))
print("# clout: %s" % sorted(clout.items()))
sys.exit(0 if ok else 1)
PYEOF
    tap $? "full UNGA 2019: $(head -1 "$T/agree"), recomputed from the roll calls = Voeten's to 1e-3 = clout's" "$(cat "$T/agree")"

    # ATOP 5.1, the global file, for another region: the defense obligations among the South
    # Caucasus states, Russia, the United States and Turkey, dyad-year by dyad-year.
    run "$CLOUT" import atop "$SHARED/alliances/atop5_1_ddyr.csv.gz" -o "$T/atopg" --actors ARM,AZE,GEO,RUS,USA,TUR --format csv
    expect_rc 0 "import the global ATOP file (gzip) with --actors for the South Caucasus"
    cp "$T/out" "$T/atopg.report"
    want=$("$PY" -c 'import csv,gzip,sys
ids = {"371": "ARM", "373": "AZE", "372": "GEO", "365": "RUS", "2": "USA", "640": "TUR"}
print(len({(r["ccode1"], r["ccode2"], r["year"]) for r in csv.DictReader(gzip.open(sys.argv[1], "rt"))
           if r["ccode1"] in ids and r["ccode2"] in ids and r["atop_defense"] == "1"}))' "$SHARED/alliances/atop5_1_ddyr.csv.gz")
    got=$("$PY" -c 'import csv,sys
print(sum(int(r["end"]) - int(r["start"]) + 1 for r in csv.DictReader(open(sys.argv[1])) if r["relation"] == "atop_defense"))' "$T/atopg/ties.csv")
    [ "$got" = "$want" ] && [ "$want" -gt 0 ] && grep -q '^ARM,RUS,atop_defense,' "$T/atopg/ties.csv"
    tap $? "global ATOP: the defense ties cover the raw file's $want dyad-years (ARM->RUS among them)" "got $got"
    r=$(rows_add_up "$T/atopg.report") && [ "${r%% *}" = 273296 ]
    tap $? "global ATOP: 273,296 rows read = kept + dropped" "$r"
else
    for n in 1 2 3 4 5 6 7 8 9 10 11 12; do skip "full-file check $n" "no ../shared/data"; done
fi

done_testing
