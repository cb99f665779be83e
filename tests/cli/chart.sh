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
run env CLOUT_SCENE_DUMP="$T/scene.txt" "$CLOUT" chart slope "$CA" --at 2014,2023 --of pagerank \
    --focus KAZ,RUS -o "$T/s.svg"
expect_rc 0 "chart slope DATASET --at A,B --of pagerank --focus KAZ,RUS"
[ "$(grep -c '^group slope ' "$T/scene.txt")" -eq 2 ]
tap $? "--focus picks the actors of a rank slope" "$(grep '^group slope' "$T/scene.txt")"
run "$CLOUT" chart shares "$CA@2023" --height 150mm -o "$T/h.png" --dpi 72
expect_rc 0 "chart shares --height 150mm --dpi 72"

# Usage errors: exit 2, and no file.
run "$CLOUT" chart pie "$CA@2023" -o "$T/x.pdf"
expect_rc 2 "an unknown chart kind"
grep -q "unknown chart kind 'pie' (valid: shares, balance, trend, slope, heatmap)" "$T/err"
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
for k in shares balance trend slope heatmap; do
    grep -q "^  $k " "$T/out"
    tap $? "chart -h describes $k"
done

done_testing
