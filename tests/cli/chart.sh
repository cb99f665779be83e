#!/usr/bin/env bash
# TAP: clout chart draws every kind for the bundled dataset in PDF, SVG and PNG; repeatable bytes; usage errors.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
XMLLINT=${XMLLINT:-$(command -v xmllint || echo no)}
CA=$SRC/graphs/central-asia

# name|arguments (the output file is added per format)
charts=(
    "shares|shares $CA@2023"
    "balance|balance $CA@2023 --bootstrap 50"
    "trend|trend $CA --at 2005,2014,2023"
    "trend-of-pole|trend $CA --at 2005,2014,2023 --of CHN --bootstrap 20"
    "slope|slope $CA@2014 $CA@2023 --of balance"
    "slope-pagerank|slope $CA@2014 $CA@2023 --of pagerank"
    "heatmap|heatmap $CA@2023"
    "heatmap-layers|heatmap $CA@2023 --of layers"
    "robustness|robustness $CA@2023 --bootstrap 20"
)

is_pdf() { [ "$(head -c 5 "$1")" = "%PDF-" ]; }
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; }
is_svg() { grep -q '<svg' "$1"; }

for c in "${charts[@]}"; do
    name=${c%%|*}
    read -r -a args <<<"${c#*|}"
    for ext in pdf svg png; do
        out=$T/$name.$ext
        run "$CLOUT" chart "${args[@]}" -o "$out"
        expect_rc 0 "chart $name -o .$ext"
        [ -s "$out" ] && "is_$ext" "$out"
        tap $? "chart $name wrote a $ext file" "$(ls -l "$out" 2>&1)"
    done
    if [ "$XMLLINT" != no ]; then
        "$XMLLINT" --noout "$T/$name.svg" 2>"$T/xml"
        tap $? "chart $name: the SVG is well-formed XML" "$(head -5 "$T/xml")"
    else
        skip "chart $name: the SVG is well-formed XML" "no xmllint"
    fi
    # The same command gives the same bytes (SVG, and PDF with its fixed date).
    for ext in svg pdf; do
        run "$CLOUT" chart "${args[@]}" -o "$T/again.$ext"
        cmp -s "$T/$name.$ext" "$T/again.$ext"
        tap $? "chart $name: the same $ext bytes twice"
    done
done

# The scene dump: CLOUT_SCENE_DUMP writes it beside the figure.
run env CLOUT_SCENE_DUMP="$T/scene.txt" "$CLOUT" chart shares "$CA@2023" -o "$T/d.svg"
expect_rc 0 "CLOUT_SCENE_DUMP with chart shares"
head -n 1 "$T/scene.txt" | grep -q '^scene 510.2 ' && grep -q '^group bar KAZ$' "$T/scene.txt"
tap $? "the dump is a 180 mm scene with a bar per focus actor" "$(head -3 "$T/scene.txt")"
grep -q '"Kazakhstan"' "$T/scene.txt" && grep -q '"Russia"' "$T/scene.txt" &&
    grep -q '"Source: Russia and China in Central Asia, 2023.*clout influence, doc/methods.md' "$T/scene.txt"
tap $? "names from actors.csv, and the source line with the dataset's title" "$(grep -c text "$T/scene.txt") texts"

# Options reach the chart.
run env CLOUT_SCENE_DUMP="$T/scene.txt" "$CLOUT" chart balance "$CA@2023" --bootstrap 20 \
    --layer security --title "My title" --width 120mm -o "$T/b.pdf"
expect_rc 0 "chart balance --layer security --title --width 120mm"
head -n 1 "$T/scene.txt" | grep -q '^scene 340.2 ' && grep -q '"My title"' "$T/scene.txt"
tap $? "--width and --title are used" "$(head -3 "$T/scene.txt")"
grep -q '20 bootstrap replicates' "$T/scene.txt"
tap $? "the source line names the replicates"
run env CLOUT_SCENE_DUMP="$T/b0.txt" "$CLOUT" chart balance "$CA@2023" --bootstrap 0 -o "$T/b0.pdf"
[ "$rc" -eq 0 ] && ! grep -q 'interval\|bootstrap' "$T/b0.txt" && [ "$(grep -c '^group dot ' "$T/b0.txt")" -eq 5 ]
tap $? "--bootstrap 0: five balance dots, no interval and no bootstrap named" "exit $rc: $(grep -c . "$T/b0.txt") lines"
run env CLOUT_SCENE_DUMP="$T/scene.txt" "$CLOUT" chart slope "$CA" --at 2014,2023 --of pagerank \
    --focus KAZ,RUS -o "$T/s.svg"
expect_rc 0 "chart slope DATASET --at A,B --of pagerank --focus KAZ,RUS"
[ "$(grep -c '^group slope ' "$T/scene.txt")" -eq 2 ]
tap $? "--focus picks the actors of a rank slope" "$(grep '^group slope' "$T/scene.txt")"
run "$CLOUT" chart shares "$CA@2023" --height 150mm -o "$T/h.png" --dpi 72
expect_rc 0 "chart shares --height 150mm --dpi 72"

# ---- values against the tables clout prints (tests/cli/chart-values.py, an independent
# reader of the dump: each value placed by the hand formula x = p0 + (v + 1) / 2 (p1 - p0)
# from the tick labels "−1" and "+1"; see its header) ----
PY=/usr/bin/python3
CV="$SRC/tests/cli/chart-values.py"

# The robustness chart: a row per focus actor, its band from the min to the max of
# `clout robustness --format csv`.
run env CLOUT_SCENE_DUMP="$T/rob.scene" "$CLOUT" chart robustness "$CA@2020" --bootstrap 20 \
    --seed 3 -o "$T/rob.pdf"
expect_rc 0 "chart robustness DATASET@2020 --bootstrap 20"
"$CLOUT" robustness "$CA@2020" --bootstrap 20 --seed 3 --format csv >"$T/rob.csv" 2>/dev/null
run $PY "$CV" robustness all "$T/rob.scene" "$T/rob.csv"
tap $rc "robustness chart: a band per focus actor, from min to max of clout robustness" \
    "$(cat "$T/out")"
grep -q '"Source: .*clout robustness, doc/methods.md; 95% intervals from 20 bootstrap' "$T/rob.scene"
tap $? "robustness chart: the source line names clout robustness and the bootstrap"
run env CLOUT_SCENE_DUMP="$T/rob2.scene" "$CLOUT" chart robustness "$CA@2020" --bootstrap 0 \
    --focus KAZ,TKM --layer security -o "$T/rob2.svg"
expect_rc 0 "chart robustness --focus KAZ,TKM --layer security --bootstrap 0"
"$CLOUT" robustness "$CA@2020" --bootstrap 0 --focus KAZ,TKM --format csv >"$T/rob2.csv" 2>/dev/null
run $PY "$CV" robustness security "$T/rob2.scene" "$T/rob2.csv"
[ "$rc" -eq 0 ] && [ "$(grep -c '^group dot ' "$T/rob2.scene")" -eq 2 ]
tap $? "robustness chart: --focus and --layer reach it (2 rows, security's min and max)" \
    "$(cat "$T/out")"
# the check can fail: KAZ's band 100 pt to the right
sed '/^group dot KAZ/,/^group/ s/^  rect \([0-9]\)/  rect 1\1/' "$T/rob2.scene" >"$T/bad.scene"
run $PY "$CV" robustness security "$T/bad.scene" "$T/rob2.csv"
[ "$rc" -eq 1 ] && grep -q '^KAZ: band' "$T/out"
tap $? "robustness chart: the check fails on a band that is off" "$(cat "$T/out")"
run "$CLOUT" chart robustness "$CA@2020" --of balance -o "$T/x.pdf"
expect_rc 2 "chart robustness --of"

# Facets: balance panels of layers (rows) by years (columns).  With --all-relations every
# snapshot is what `clout influence DATASET@YEAR` computes (the same bootstrap, seed 1).
years=(2005 2014 2020)
for y in "${years[@]}"; do
    "$CLOUT" influence "$CA@$y" --table balance --format csv --bootstrap 40 >"$T/b$y.csv" 2>/dev/null
done
run env CLOUT_SCENE_DUMP="$T/fa.scene" "$CLOUT" chart balance "$CA" --layer economic,security \
    --at 2005,2014,2020 --bootstrap 40 --all-relations -o "$T/fa.pdf"
expect_rc 0 "chart balance DATASET --layer economic,security --at 2005,2014,2020"
run $PY "$CV" facets "$T/fa.scene" economic,security 2005,2014,2020 "$T"/b{2005,2014,2020}.csv
tap $rc "facets: 6 panels labelled 'LAYER, YEAR', dots and intervals at clout influence's \
balance, balance_lo and balance_hi, one focus order" "$(cat "$T/out")"
[ "$(grep -c '^group dot ' "$T/fa.scene")" -eq 30 ] && [ "$(grep -c '^group names ' "$T/fa.scene")" -eq 2 ] &&
    [ "$(grep -c '^group x-axis ' "$T/fa.scene")" -eq 3 ] && [ "$(grep -c '^group key' "$T/fa.scene")" -eq 1 ] &&
    [ "$(grep -c '"Source: ' "$T/fa.scene")" -eq 1 ] && [ "$(grep -c '^group title' "$T/fa.scene")" -eq 1 ]
tap $? "facets: 30 dots (5 focus x 2 layers x 3 years), names once per row, an axis per column, \
one key, title and source line" "$(grep '^group' "$T/fa.scene" | sort | uniq -c | head -20)"
# the check can fail: TKM's economic 2014 dot moved by 2 pt
awk '/^group dot economic 2014 TKM/{g=1} /^group/ && !/TKM/{g=0} g && /^  circle/{$2 = $2 + 2; $0 = "  " $0} {print}' \
    "$T/fa.scene" >"$T/bad.scene"
run $PY "$CV" facets "$T/bad.scene" economic,security 2005,2014,2020 "$T"/b{2005,2014,2020}.csv
[ "$rc" -eq 1 ] && grep -q '^economic 2014 TKM: dot at' "$T/out"
tap $? "facets: the check fails on a dot that is off" "$(cat "$T/out")"
# and on a panel whose order differs: TKM's economic 2014 dot moved under the others
awk '/^group dot economic 2014 TKM/{g=1} /^group/ && !/TKM/{g=0} g && /^  circle/{$3 = $3 + 500; $0 = "  " $0} {print}' \
    "$T/fa.scene" >"$T/bad.scene"
run $PY "$CV" facets "$T/bad.scene" economic,security 2005,2014,2020 "$T"/b{2005,2014,2020}.csv
[ "$rc" -eq 1 ] && grep -q '^economic 2014: focus order' "$T/out"
tap $? "facets: the check fails on a panel in another order" "$(cat "$T/out")"
# Like with like (the default): the relations without data in some year are left out of
# every year, as the warning says; then each year is clout influence --relations of the others.
run env CLOUT_SCENE_DUMP="$T/fl.scene" "$CLOUT" chart balance "$CA" --layer security \
    --at 2005,2020 --bootstrap 40 -o "$T/fl.pdf"
expect_rc 0 "chart balance DATASET --layer security --at 2005,2020 (one row of panels)"
left=$(sed -n 's/.*like with like: \(.*\) left out of every year.*/\1/p' "$T/err" | sed 's/, /,/g')
keep=$($PY -c '
import csv, sys
out = set(sys.argv[2].split(","))
print(",".join(r["relation"] for r in csv.DictReader(open(sys.argv[1]))
               if r["relation"] not in out and r["group"] not in out))' "$CA/relations.csv" "$left")
for y in 2005 2020; do
    "$CLOUT" influence "$CA@$y" --relations "$keep" --table balance --format csv --bootstrap 40 \
        >"$T/k$y.csv" 2>/dev/null
done
run $PY "$CV" facets "$T/fl.scene" security 2005,2020 "$T/k2005.csv" "$T/k2020.csv"
[ "$rc" -eq 0 ] && [ -n "$left" ]
tap $? "facets, like with like: the values of clout influence without the relations the \
warning names ($left)" "$(cat "$T/out")"
run env CLOUT_SCENE_DUMP="$T/fc.scene" "$CLOUT" chart balance "$CA@2020" \
    --layer economic,security,all --bootstrap 40 --width 85mm -o "$T/fc.png"
expect_rc 0 "chart balance DATASET@2020 --layer economic,security,all --width 85mm (one column)"
run $PY "$CV" facets "$T/fc.scene" economic,security,all 2020 "$T/b2020.csv"
tap $rc "facets in one column: 3 panels with clout influence's values" "$(cat "$T/out")"

# Facets of heatmaps: one per year, focus actors by layers, one colour bar.
run env CLOUT_SCENE_DUMP="$T/fh.scene" "$CLOUT" chart heatmap "$CA" --of layers \
    --at 2005,2014,2020 --all-relations -o "$T/fh.svg"
expect_rc 0 "chart heatmap DATASET --of layers --at 2005,2014,2020"
run $PY "$CV" heatmap "$T/fh.scene" 2005,2014,2020 "$T"/b{2005,2014,2020}.csv
[ "$rc" -eq 0 ] && [ "$(grep -c '^group colour-bar' "$T/fh.scene")" -eq 1 ]
tap $? "heatmap facets: 3 panels, each cell prints clout influence's balance in its layer's \
column; one colour bar" "$(cat "$T/out")"
sed '0,/"+0.92"/ s/"+0.92"/"+0.93"/' "$T/fh.scene" >"$T/bad.scene"
run $PY "$CV" heatmap "$T/bad.scene" 2005,2014,2020 "$T"/b{2005,2014,2020}.csv
[ "$rc" -eq 1 ] && grep -q "cell '+0.93', want '+0.92'" "$T/out"
tap $? "heatmap facets: the check fails on a wrong value" "$(cat "$T/out")"

# Usage errors: exit 2, and no file.
run "$CLOUT" chart shares "$CA@2023" --layer economic,security -o "$T/x.pdf"
expect_rc 2 "a list of layers for a chart without facets"
grep -q "chart shares: --layer takes one layer" "$T/err"
tap $? "the message says where a list of layers goes" "$(cat "$T/err")"
run "$CLOUT" chart balance "$CA" --layer economic,nosuch --at 2014,2020 -o "$T/x.pdf"
expect_rc 2 "facets of an unknown layer"
grep -q "unknown layer 'nosuch'" "$T/err" && [ ! -e "$T/x.pdf" ]
tap $? "the unknown layer is named, no file" "$(cat "$T/err")"
run "$CLOUT" chart heatmap "$CA" --of index --at 2014,2020 -o "$T/x.pdf"
expect_rc 2 "heatmap of the index over several years"
run "$CLOUT" chart pie "$CA@2023" -o "$T/x.pdf"
expect_rc 2 "an unknown chart kind"
grep -q "unknown chart kind 'pie' (valid: shares, balance, trend, slope, heatmap, robustness)" "$T/err"
tap $? "the kind is named" "$(cat "$T/err")"
run "$CLOUT" chart shares "$CA@2023" -o "$T/x.jpg"
expect_rc 2 "an unknown figure extension"
[ ! -e "$T/x.jpg" ]
tap $? "no file for a bad extension"
run "$CLOUT" chart shares "$CA@2023"
expect_rc 2 "no -o"
run "$CLOUT" chart shares "$CA@2023" --layer nosuch -o "$T/x.pdf"
expect_rc 2 "an unknown --layer"
grep -q "unknown layer 'nosuch' (valid: .*security" "$T/err"
tap $? "the layer is named, with the layers there are" "$(cat "$T/err")"
[ ! -e "$T/x.pdf" ]
tap $? "no file after a failed chart"
run "$CLOUT" chart slope "$CA@2023" -o "$T/x.pdf"
expect_rc 2 "slope with one snapshot"
run "$CLOUT" chart slope "$CA@2014" "$CA@2023" --of nosuch -o "$T/x.pdf"
expect_rc 2 "slope --of an unknown measure"
run "$CLOUT" chart trend "$CA" --at 2023,2014 -o "$T/x.pdf"
expect_rc 2 "trend with decreasing years"
run "$CLOUT" chart trend "$CA" --at 2014,2023 --of XXX -o "$T/x.pdf"
expect_rc 2 "trend --of an unknown pole"
run "$CLOUT" chart shares "$CA@2023" --width 20mm -o "$T/x.pdf"
expect_rc 2 "a width too small for the labels"
run "$CLOUT" chart shares "$CA@2023" --width 7furlongs -o "$T/x.pdf"
expect_rc 2 "a malformed --width"
run "$CLOUT" chart shares "$SRC/graphs/examples/tiny/nosuch" -o "$T/x.pdf"
[ "$rc" -ne 0 ]
tap $? "a missing dataset fails" "exit $rc"

# Help.
run "$CLOUT" chart -h
expect_rc 0 "chart -h"
head -n 1 "$T/out" | grep -q '^usage: clout chart KIND INPUT\.\.\. -o FIGURE'
tap $? "chart -h starts with the usage line" "$(head -n 1 "$T/out")"
for k in shares balance trend slope heatmap robustness; do
    grep -q "^  $k " "$T/out"
    tap $? "chart -h describes $k"
done

done_testing
