#!/usr/bin/env bash
# TAP: each importer on a small excerpt of its real file (expected ties worked out by hand
# from the excerpt, below), then on the full files of ../shared/data against totals that
# Python computes independently from the raw files (skipped when the files are absent).
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
EX=$SRC/tests/data/import
SHARED=${CLOUT_SHARED_DATA:-$SRC/../shared/data}

# ties OUTDIR: the ties as source,target,relation,value,start,end, sorted
ties() {
    "$PY" -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
out = sorted(",".join(r[k] for k in ("source","target","relation","value","start","end")) for r in rows)
print("\n".join(out))' "$1/ties.csv"
}

# check NAME SOURCE FILE EXPECTED: imports into a fresh folder and compares the ties
check() {
    local name=$1 src=$2 file=$3 want=$4 d="$T/$1"
    run "$CLOUT" import "$src" "$file" -o "$d" --format csv
    expect_rc 0 "import $name excerpt"
    ties "$d" >"$T/got"
    printf '%s\n' "$want" | sort >"$T/want"
    diff -u "$T/want" "$T/got" >"$T/diff"
    tap $? "$name: the ties worked out by hand from the excerpt" "$(cat "$T/diff")"
    run "$CLOUT" validate "$d"
    expect_rc 0 "$name: the imported dataset validates"
    "$PY" -c 'import csv,sys; assert all(r["source_ref"] for r in csv.DictReader(open(sys.argv[1])))' "$d/ties.csv"
    tap $? "$name: every tie has a source_ref"
    cp -r "$d" "$T/$name.before"
    run "$CLOUT" import "$src" "$file" -o "$d" -q
    diff -r "$T/$name.before" "$d" >/dev/null
    tap $? "$name: importing again changes nothing (byte for byte)"
}

# cow-igo: excerpt rows 704 (UZB) and 705 (KAZ), 1996-2014, columns csto, sco, cis.
# csto -1 until 2001 (no CSTO yet), UZB 1 in 2002-2011 and 0 from 2012; KAZ 1 from 2002;
# sco UZB 1 from 2001, KAZ 1 from 1996; cis 1 throughout.
check cow-igo cow-igo "$EX/cow-igo-excerpt.csv" "KAZ,CIS,cow_member_political,,1996,2014
KAZ,CSTO,cow_member_security,,2002,2014
KAZ,SCO,cow_member_security,,1996,2014
UZB,CIS,cow_member_political,,1996,2014
UZB,CSTO,cow_member_security,,2002,2011
UZB,SCO,cow_member_security,,2001,2014"
# The excerpt's years are the relations' coverage, and each is in its layer's group.
grep -q '^cow_member_security,security,no,state,max,1,member_security,,1996-2014,COW IGO v3$' "$T/cow-igo/relations.csv"
tap $? "cow-igo: relation with group member_LAYER and coverage 1996-2014" "$(cat "$T/cow-igo/relations.csv")"

# atop: 365<->705 defense, nonagg, consul 1995-2004 in both directions; 705<->710 nonagg
# 1995-2004 and consul from 2001.
check atop atop "$EX/atop-excerpt.csv" "RUS,KAZ,atop_defense,,1995,2004
RUS,KAZ,atop_nonaggression,,1995,2004
RUS,KAZ,atop_consultation,,1995,2004
KAZ,RUS,atop_defense,,1995,2004
KAZ,RUS,atop_nonaggression,,1995,2004
KAZ,RUS,atop_consultation,,1995,2004
KAZ,CHN,atop_nonaggression,,1995,2004
KAZ,CHN,atop_consultation,,2001,2004
CHN,KAZ,atop_nonaggression,,1995,2004
CHN,KAZ,atop_consultation,,2001,2004"

# cow-alliance: each dyad is listed in both orders; undirected ties keep the lower code first.
check cow-alliance cow-alliance "$EX/cow-alliance-excerpt.csv" "RUS,KAZ,cow_defense,,2000,2004
RUS,KAZ,cow_nonaggression,,2000,2004
RUS,KAZ,cow_entente,,2000,2004
KGZ,KAZ,cow_defense,,2000,2004
KGZ,KAZ,cow_nonaggression,,2000,2004
KGZ,KAZ,cow_entente,,2000,2004"

# cow-trade: flow1 = imports of ccode1 from ccode2, so a tie ccode2 -> ccode1.
# 365,705,2000,2197,2439: KAZ->RUS 2197, RUS->KAZ 2439; and so on.  The two 701,781 rows
# (flow1 0, flow2 NA) add nothing.
check cow-trade cow-trade "$EX/cow-trade-excerpt.csv" "KAZ,RUS,cow_trade,2197,2000,
RUS,KAZ,cow_trade,2439,2000,
KAZ,RUS,cow_trade,1834,2001,
RUS,KAZ,cow_trade,2892,2001,
KAZ,RUS,cow_trade,1943,2002,
RUS,KAZ,cow_trade,2549,2002,
CHN,KAZ,cow_trade,152,2000,
KAZ,CHN,cow_trade,959,2000,
CHN,KAZ,cow_trade,173,2001,
KAZ,CHN,cow_trade,964,2001,
CHN,KAZ,cow_trade,313,2002,
KAZ,CHN,cow_trade,1355,2002,"
grep -q '^cow_trade,economic,yes,flow,share,1,trade,both,1993-2002,COW Trade v4$' "$T/cow-trade/relations.csv"
tap $? "cow-trade: a flow counted both ways, group trade, coverage 1993-2002 (the rows read)" "$(cat "$T/cow-trade/relations.csv")"
# The national totals: exports go to WORLD, imports come from it (values as the file has
# them, to 12 significant digits); the Bahamas' 1965 imports are NA (skipped) and the
# Bahamas are outside --actors anyway.
run "$CLOUT" import cow-trade "$EX/cow-trade-excerpt.csv" "$EX/cow-trade-national-excerpt.csv" \
    -o "$T/trade3" --actors RUS,KAZ,CHN -q
expect_rc 0 "cow-trade with the national totals file"
ties "$T/trade3" | grep WORLD >"$T/got"
printf '%s\n' "CHN,WORLD,cow_trade,454001.6875,2000," "CHN,WORLD,cow_trade,459096.21875,2001," \
    "CHN,WORLD,cow_trade,528433.375,2002," "KAZ,WORLD,cow_trade,9880.0267,2000," \
    "KAZ,WORLD,cow_trade,9085.4587,2001," "KAZ,WORLD,cow_trade,9670.8018,2002," \
    "RUS,WORLD,cow_trade,103002.295526,2000," "RUS,WORLD,cow_trade,82538.5365897,2001," \
    "RUS,WORLD,cow_trade,107224.383653,2002," "WORLD,CHN,cow_trade,440758,2000," \
    "WORLD,CHN,cow_trade,447428.0625,2001," "WORLD,CHN,cow_trade,505993.5625,2002," \
    "WORLD,KAZ,cow_trade,5055.5526,2000," "WORLD,KAZ,cow_trade,6493.0709,2001," \
    "WORLD,KAZ,cow_trade,6595.4532,2002," "WORLD,RUS,cow_trade,33853.0036908,2000," \
    "WORLD,RUS,cow_trade,36888.6976078,2001," "WORLD,RUS,cow_trade,45507.4789448,2002," |
    sort >"$T/want"
diff -u "$T/want" "$T/got" >"$T/diff"
tap $? "cow-trade: the national file's totals as ties with WORLD" "$(cat "$T/diff")"
grep -q '^WORLD,World,world,,' "$T/trade3/actors.csv"
tap $? "cow-trade: WORLD is an actor of kind world" "$(cat "$T/trade3/actors.csv")"
run "$CLOUT" validate "$T/trade3"
expect_rc 0 "cow-trade with totals validates"
run "$CLOUT" import cow-trade "$EX/cow-trade-excerpt.csv" -o "$T/trade2" --format csv
grep -q '^flows missing in the data (NA or -9; skipped),2,' "$T/out" &&
    grep -q '^flows of zero (skipped),2,' "$T/out"
tap $? "cow-trade: the report counts 2 missing and 2 zero flows" "$(cat "$T/out")"

# sipri: lines 13-27 of the excerpt.  RUS->KAZ 2014: 14 + 0.7 + 14.5; 2015: 28.5 + 220 +
# 85 + 80 + 29; CHN->KAZ 2016: 9 + 2; CHN->TJK 2018: 1.5 + 1.4; the group-to-group and
# state-to-organisation rows as they are; the unknown supplier's row is skipped.
# Each recipient's total from every supplier, the unknown supplier's 17.4 to Afghanistan in
# 2008 included, goes in a tie from WORLD.
check sipri sipri "$EX/sipri-excerpt.csv" "RUS,KAZ,arms_transfer,29.2,2014,
RUS,KAZ,arms_transfer,442.5,2015,
CHN,KAZ,arms_transfer,11,2016,
CHN,TJK,arms_transfer,2.9,2018,
Libya HoR,Darfur rebels (Sudan),arms_transfer,0.28,2016,
ZAF,African Union,arms_transfer,7.2,2022,
WORLD,KAZ,arms_transfer,29.2,2014,
WORLD,KAZ,arms_transfer,442.5,2015,
WORLD,KAZ,arms_transfer,11,2016,
WORLD,TJK,arms_transfer,2.9,2018,
WORLD,AFG,arms_transfer,17.4,2008,
WORLD,Darfur rebels (Sudan),arms_transfer,0.28,2016,
WORLD,African Union,arms_transfer,7.2,2022,"
grep -q '^arms_transfer,security,yes,flow,share,1,,in,2008-2022,SIPRI Arms Transfers$' "$T/sipri/relations.csv"
tap $? "sipri: counts in, coverage the years of the register read" "$(cat "$T/sipri/relations.csv")"
grep -q '^"Darfur rebels (Sudan)",\|^Darfur rebels (Sudan),Darfur rebels (Sudan),group,' "$T/sipri/actors.csv"
tap $? "sipri: a starred name becomes a group actor" "$(cat "$T/sipri/actors.csv")"
grep -q '^African Union,African Union,organisation,' "$T/sipri/actors.csv"
tap $? "sipri: a double-starred name becomes an organisation actor"
run "$CLOUT" import sipri "$EX/sipri-excerpt.csv" -o "$T/sipri3" --format csv
grep -q '^deliveries from or to an unknown party (skipped),1,' "$T/out"
tap $? "sipri: the unknown supplier's row is counted as skipped" "$(cat "$T/out")"
grep -q 'trade register generated 3 Jan 2025' "$T/sipri/ties.csv"
tap $? "sipri: source_ref carries the export date"

# Filters and merging.
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/f" --actors RUS,KAZ --from 2000 --until 2001
expect_rc 0 "import with --actors, --from and --until"
[ "$(ties "$T/f" | wc -l)" -eq 6 ] && ! grep -q CHN "$T/f/ties.csv"
tap $? "--actors RUS,KAZ keeps the 6 RUS-KAZ ties and no CHN" "$(ties "$T/f")"
run "$CLOUT" import cow-alliance "$EX/cow-alliance-excerpt.csv" -o "$T/f" -q
run "$CLOUT" validate "$T/f"
expect_rc 0 "two sources merged into one dataset validate"
grep -q '^atop_defense,security,yes,' "$T/f/relations.csv" && grep -q '^cow_defense,security,no,' "$T/f/relations.csv"
tap $? "the merged dataset has both sources' relations"

# Errors.
printf 'ccode1,ccode2,year,flow1,flow2\n365,705,2000,12,x1\n' >"$T/bad-trade.csv"
run "$CLOUT" import cow-trade "$T/bad-trade.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -q "bad-trade.csv:2:17:" "$T/err" && [ ! -e "$T/bad" ]
tap $? "a bad amount: exit 3, FILE:LINE:COL, nothing written" "exit $rc: $(cat "$T/err")"
printf 'not,a,sipri,file\n' >"$T/bad-sipri.csv"
run "$CLOUT" import sipri "$T/bad-sipri.csv" -o "$T/bad"
[ "$rc" -eq 3 ] && grep -q "not a SIPRI trade register" "$T/err"
tap $? "a file without SIPRI's header: exit 3" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import nosuch "$T/bad-sipri.csv" -o "$T/bad"
expect_rc 2 "an unknown source"
run "$CLOUT" import atop "$EX/atop-excerpt.csv"
expect_rc 2 "no -o"
run "$CLOUT" import cow-igo "$EX/cow-igo-excerpt.csv" -o "$T/bad" --igos nosuch
expect_rc 2 "--igos naming a column the file lacks"

# The full files, against totals computed by Python straight from the raw files.
if [ -d "$SHARED" ] && [ -f "$SHARED/sipri/sipri_trade_register_2000_2023.csv" ]; then
    A=KAZ,KGZ,TJK,UZB,TKM,RUS,CHN,USA,TUR,AFG,IRN,PAK
    # sum of imported values of one relation from S to T
    sumties() {
        "$PY" -c 'import csv,sys
print(round(sum(float(r["value"] or 1) for r in csv.DictReader(open(sys.argv[1]))
            if r["source"] == sys.argv[2] and r["target"] == sys.argv[3] and r["relation"] == sys.argv[4]), 6))' "$@"
    }
    run "$CLOUT" import sipri "$SHARED/sipri/sipri_trade_register_2000_2023.csv" -o "$T/full" --actors $A -q
    expect_rc 0 "import the full SIPRI register"
    want=$("$PY" -c 'import csv,sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[11:]
print(round(sum(float(r["TIV delivery values"]) for r in csv.DictReader(lines)
            if r["Supplier"] == "Russia" and r["Recipient"] == "Kazakhstan"), 6))' "$SHARED/sipri/sipri_trade_register_2000_2023.csv")
    got=$(sumties "$T/full/ties.csv" RUS KAZ arms_transfer)
    [ "$got" = "$want" ]
    tap $? "full SIPRI: RUS->KAZ TIV 2000-2023 equals the raw file's sum ($want)" "got $got"

    run "$CLOUT" import cow-trade "$SHARED/trade/cow_trade4_dyadic_focus.csv" -o "$T/full" --actors $A -q
    expect_rc 0 "import the full COW trade file"
    want=$("$PY" -c 'import csv,sys
print(round(sum(float(r["flow2"]) for r in csv.DictReader(open(sys.argv[1]))
            if r["ccode1"] == "365" and r["ccode2"] == "710" and r["flow2"] not in ("NA", "-9")), 6))' "$SHARED/trade/cow_trade4_dyadic_focus.csv")
    got=$(sumties "$T/full/ties.csv" RUS CHN cow_trade)
    [ "$got" = "$want" ]
    tap $? "full COW trade: RUS->CHN (flow2 of 365,710) equals the raw file's sum ($want)" "got $got"

    run "$CLOUT" import atop "$SHARED/alliances/atop5_1_ddyr_focus.csv" -o "$T/full" --actors $A -q
    expect_rc 0 "import the full ATOP file"
    # Span compression must keep every obligation year: the years the ties cover equal
    # the raw rows with atop_consul = 1, for every directed pair of the listed states.
    want=$("$PY" -c 'import csv,sys
ids = {"705":"KAZ","703":"KGZ","702":"TJK","704":"UZB","701":"TKM","365":"RUS","710":"CHN","2":"USA","640":"TUR","700":"AFG","630":"IRN","770":"PAK"}
print(len({(r["ccode1"], r["ccode2"], r["year"]) for r in csv.DictReader(open(sys.argv[1]))
           if r["ccode1"] in ids and r["ccode2"] in ids and r["atop_consul"] == "1"}))' "$SHARED/alliances/atop5_1_ddyr_focus.csv")
    got=$("$PY" -c 'import csv,sys
print(sum(int(r["end"]) - int(r["start"]) + 1 for r in csv.DictReader(open(sys.argv[1])) if r["relation"] == "atop_consultation"))' "$T/full/ties.csv")
    [ "$got" = "$want" ]
    tap $? "full ATOP: consultation ties cover the raw file's $want dyad-years" "got $got"

    run "$CLOUT" import cow-igo "$SHARED/cow-igo/state_year_formatv3.csv.gz" -o "$T/full" --actors $A -q
    expect_rc 0 "import the full COW IGO file (gzip)"
    want=$("$PY" -c 'import csv,gzip,sys
r = [row for row in csv.DictReader(gzip.open(sys.argv[1], "rt")) if row["ccode"] == "705" and row["year"] == "2014"][0]
print(sum(1 for k in ("csto", "sco", "cis", "cica", "eco") if r[k] == "1"))' "$SHARED/cow-igo/state_year_formatv3.csv.gz")
    got=$("$PY" -c 'import csv,sys
print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r["source"] == "KAZ" and r["target"] in ("CSTO","SCO","CIS","CICA","ECO")
          and r["relation"].startswith("cow_member_") and int(r["start"]) <= 2014 <= int(r["end"] or 9999) and r["value"] in ("", "1")))' "$T/full/ties.csv")
    [ "$got" = "$want" ]
    tap $? "full COW IGO: KAZ's full memberships of CSTO, SCO, CIS, CICA, ECO in 2014 ($want)" "got $got"

    # graphs/central-asia/derive on a copy reproduces the committed CSVs byte for byte.
    cp -r "$SRC/graphs/central-asia" "$T/ca"
    chmod -R u+w "$T/ca"
    rc=0
    CLOUT=$CLOUT PYTHON3=$PY "$T/ca/derive" "$SHARED" 2>"$T/err" || rc=$?
    [ "$rc" -eq 0 ] && diff -r "$SRC/graphs/central-asia" "$T/ca" >"$T/diff"
    tap $? "graphs/central-asia/derive reproduces the committed dataset byte for byte" \
        "exit $rc: $(head -c 400 "$T/err")" "$(head -20 "$T/diff" 2>/dev/null)"
else
    for n in 1 2 3 4 5 6 7 8 9; do skip "full-file check $n" "no ../shared/data"; done
fi

done_testing
