#!/usr/bin/env bash
# TAP: clout render: three formats, embedded fonts, sizes, same bytes, small multiples, escaping, pins, errors.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
CA=$SRC/graphs/central-asia
TINY=$SRC/graphs/examples/tiny

# pdf_fonts_embedded FILE: every font of FILE is embedded (pdffonts' emb column).
pdf_fonts_embedded() {
    pdffonts "$1" >"$T/fonts" 2>&1 || return 1
    awk 'NR > 2 { n++; if ($(NF - 4) != "yes") bad++ } END { exit !(n > 0 && !bad) }' "$T/fonts"
}

# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk.
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# ---- the three formats ----
for ext in pdf svg png; do
    run "$CLOUT" render "$CA@2023" --color balance --size pagerank -o "$T/ca.$ext"
    expect_rc 0 "render central-asia@2023 --color balance --size pagerank -o ca.$ext"
    [ -s "$T/ca.$ext" ] && [ ! -s "$T/out" ]
    tap $? "ca.$ext is written and nothing goes to stdout"
done
head -c 5 "$T/ca.pdf" | grep -q '^%PDF-'
tap $? "ca.pdf is a PDF"
od -An -c -N4 "$T/ca.png" | grep -q 'P   N   G'
tap $? "ca.png is a PNG"
if command -v pdffonts >/dev/null 2>&1; then
    pdf_fonts_embedded "$T/ca.pdf"
    tap $? "every font of ca.pdf is embedded" "$(cat "$T/fonts")"
else
    skip "every font of ca.pdf is embedded" "no pdffonts (poppler-utils)"
fi
if [ -n "$XMLLINT" ]; then
    "$XMLLINT" --noout "$T/ca.svg" 2>"$T/xml"
    tap $? "ca.svg parses as XML" "$(head -5 "$T/xml")"
else
    skip "ca.svg parses as XML" "no xmllint"
fi

# ---- sizes ----
run "$CLOUT" render "$TINY@2022" --width 100mm --dpi 150 -o "$T/w.png"
expect_rc 0 "render --width 100mm --dpi 150"
# 100 mm = 283.46 pt; at 150 dpi: ceil(283.46 * 150 / 72) = 591 px.
set -- $(png_size "$T/w.png")
[ "$1" = 591 ]
tap $? "--width 100mm --dpi 150 is 591 px wide" "got $1 x $2"
run "$CLOUT" render "$TINY@2022" --width 4in --height 3in --dpi 100 -o "$T/wh.png"
expect_rc 0 "render --width 4in --height 3in --dpi 100"
set -- $(png_size "$T/wh.png")
[ "$1" = 400 ] && [ "$2" = 300 ]
tap $? "--width 4in --height 3in --dpi 100 is 400 x 300 px" "got $1 x $2"
if command -v pdfinfo >/dev/null 2>&1; then
    run "$CLOUT" render "$TINY@2022" --width 85mm --height 110mm -o "$T/col.pdf"
    pdfinfo "$T/col.pdf" | grep -Eq '^Page size: +240\.9[0-9]* x 311\.8[0-9]* pts'
    tap $? "--width 85mm --height 110mm gives a 240.9 x 311.8 pt page" "$(pdfinfo "$T/col.pdf" 2>&1 | grep 'Page size') $(cat "$T/err")"
else
    skip "--width 85mm --height 110mm gives a 240.9 x 311.8 pt page" "no pdfinfo"
fi

# ---- the same command, the same bytes ----
for ext in svg pdf; do
    "$CLOUT" render "$CA@2023" --color balance --size pagerank -o "$T/again.$ext"
    cmp -s "$T/ca.$ext" "$T/again.$ext"
    tap $? "two runs give identical $ext bytes"
    SOURCE_DATE_EPOCH=1700000000 "$CLOUT" render "$CA@2023" -o "$T/e1.$ext"
    SOURCE_DATE_EPOCH=1700000000 "$CLOUT" render "$CA@2023" -o "$T/e2.$ext"
    cmp -s "$T/e1.$ext" "$T/e2.$ext"
    tap $? "two runs with SOURCE_DATE_EPOCH give identical $ext bytes"
done
grep -aq 'CreationDate (D\{0,1\}:\{0,1\}20231114' "$T/e1.pdf"
tap $? "the PDF's creation date is SOURCE_DATE_EPOCH (2023-11-14)"

# ---- small multiples ----
CLOUT_SCENE_DUMP=$T/multi.dump run "$CLOUT" render "$CA" --at 2005,2014,2023 -o "$T/multi.pdf"
expect_rc 0 "render central-asia --at 2005,2014,2023"
if command -v pdfinfo >/dev/null 2>&1; then
    pdfinfo "$T/multi.pdf" | grep -Eq '^Pages: +1$'
    tap $? "the three panels are on one page"
else
    skip "the three panels are on one page" "no pdfinfo"
fi
n=$(grep -c '^group panel ' "$T/multi.dump")
[ "$n" = 3 ]
tap $? "the scene has three panels" "got $n"
grep -q '"2005"' "$T/multi.dump" && grep -q '"2014"' "$T/multi.dump" && grep -q '"2023"' "$T/multi.dump"
tap $? "each panel is titled with its year"
[ "$(grep -c '^group legend$' "$T/multi.dump")" = 1 ]
tap $? "one legend for all panels"
# Each node's centre relative to its panel's frame (the rect after "group panel").
awk '
/^group panel / { panel = $3; getline; ox = $2; oy = $3; next }
/^group node / {
    id = $3; getline
    if ($1 == "circle") { cx = $2; cy = $3 }
    else if ($1 == "rect") { cx = $2 + $4 / 2; cy = $3 + $5 / 2 }
    else { n = $2; cx = 0; cy = 0; for (i = 0; i < n; i++) { cx += $(3 + 2 * i); cy += $(4 + 2 * i) }; cx /= n; cy /= n }
    printf "%s %s %.2f %.2f\n", id, panel, cx - ox, cy - oy
}' "$T/multi.dump" >"$T/rel"
awk '
{ n[$1]++; if (!($1 in x)) { x[$1] = $3; y[$1] = $4 }
  dx = $3 - x[$1]; dy = $4 - y[$1]; if (dx < 0) dx = -dx; if (dy < 0) dy = -dy
  if (dx > 0.1001 || dy > 0.1001) { print "moved: " $0 " (first at " x[$1] " " y[$1] ")"; bad++ } }
END { for (id in n) if (n[id] == 3) three++; if (!three) { print "no actor in all three panels"; bad++ }
      exit bad > 0 }' "$T/rel" >"$T/moved"
tap $? "every actor sits at the same place in every panel (within 0.1 pt)" "$(head -5 "$T/moved")"
[ "$(grep -c ' ' "$T/rel")" -gt 60 ]
tap $? "the panels hold the actors of their years" "$(wc -l <"$T/rel") nodes"

# ---- labels that need escaping, in Cyrillic and Chinese ----
cat >"$T/labels.csv" <<'EOF'
source,target,weight
A<B,R&D,1
"say ""hi""",Москва,2
Москва,北京,1
北京,A<B,3
O'Neil,R&D,1
EOF
for ext in svg pdf png; do
    CLOUT_SCENE_DUMP=$T/labels-$ext.dump run "$CLOUT" render "$T/labels.csv" -o "$T/labels.$ext"
    expect_rc 0 "render an edge list with <, &, quotes, Cyrillic and Chinese ids to $ext"
done
[ -s "$T/labels.png" ]
tap $? "labels.png is written"
if [ -n "$XMLLINT" ]; then
    "$XMLLINT" --noout "$T/labels.svg" 2>"$T/xml"
    tap $? "labels.svg parses as XML" "$(head -5 "$T/xml")"
else
    skip "labels.svg parses as XML" "no xmllint"
fi
if command -v pdffonts >/dev/null 2>&1; then
    pdf_fonts_embedded "$T/labels.pdf"
    tap $? "every font of labels.pdf is embedded (Chinese too)" "$(cat "$T/fonts")"
else
    skip "every font of labels.pdf is embedded" "no pdffonts (poppler-utils)"
fi
for want in '"A<B"' '"R&D"' '"say \"hi\""' '"Москва"' '"北京"' "\"O'Neil\""; do
    grep -qF "$want" "$T/labels-pdf.dump"
    tap $? "the scene has the label $want exactly"
done

# ---- label placement among crowded labels ----
# 400 actors pinned (no Graphviz positions), crowded towards the centre so
# that most labels collide and the search weighs the overlaps.  Reference:
# tests/cli/golden/render-crowded-labels.txt, the label positions of an
# exhaustive search, which tests each label against every node and every
# placed label: first the build before the grid (commit e3a900f); since text
# keeps the font's glyph positions (labels grew), and again since labels
# that find no free place beside their node go farther out with a leader
# line (46 of them here), this build with grid_query listing every box, the
# same scan.  The grid must place every label where that exhaustive search
# did.  Within 0.5 pt as the other
# goldens: a different choice moves a label by its width or height.
awk -v pos="$T/crowd-pos.csv" -v edges="$T/crowd-edges.csv" 'BEGIN {
    s = 12345; n = 400
    print "id,x,y" > pos
    for (i = 0; i < n; i++) {
        s = (s * 1103515245 + 12345) % 2147483648; a = s / 2147483648 * 6.283185
        s = (s * 1103515245 + 12345) % 2147483648; r = (s / 2147483648) ^ 2 * 300
        printf "N%03d,%.2f,%.2f\n", i, r * cos(a), r * sin(a) > pos
    }
    print "source,target,weight" > edges
    for (k = 0; k < 2 * n; k++) {
        s = (s * 1103515245 + 12345) % 2147483648; i = int(s / 2147483648 * n)
        s = (s * 1103515245 + 12345) % 2147483648; j = int(s / 2147483648 * n)
        if (i != j) printf "N%03d,N%03d,%d\n", i, j, 1 + k % 3 > edges
    }
}'
CLOUT_SCENE_DUMP=$T/crowd.dump run "$CLOUT" render "$T/crowd-edges.csv" --pin "$T/crowd-pos.csv" \
    --labels all -o "$T/crowd.svg"
expect_rc 0 "render 400 crowded actors, every one labelled"
awk '/^group /{ g = $2 } /^  text/ && g == "labels" { print $NF, $2, $3 }' "$T/crowd.dump" >"$T/crowd-labels"
awk 'NR == FNR { want[FNR] = $0; n = FNR; next }
     { split(want[FNR], w, " "); if ($1 != w[1] || ($2 - w[2])^2 > 0.25 || ($3 - w[3])^2 > 0.25) bad++ }
     END { exit !(FNR == n && n > 300 && !bad) }' \
    "$SRC/tests/cli/golden/render-crowded-labels.txt" "$T/crowd-labels"
tap $? "every label of the crowded figure where the exhaustive search put it" \
    "$(diff "$SRC/tests/cli/golden/render-crowded-labels.txt" "$T/crowd-labels" | head -5)"

# ---- layouts: --save-layout and --pin, engines ----
CLOUT_SCENE_DUMP=$T/s1.dump run "$CLOUT" render "$TINY@2022" --save-layout "$T/pos1.csv" -o "$T/s1.svg"
expect_rc 0 "render --save-layout"
head -n 1 "$T/pos1.csv" | grep -qx 'id,x,y'
tap $? "the saved layout is a CSV id,x,y"
[ "$(grep -c . "$T/pos1.csv")" = 11 ]
tap $? "the saved layout places the 10 actors of tiny@2022"
CLOUT_SCENE_DUMP=$T/s2.dump run "$CLOUT" render "$TINY@2022" --pin "$T/pos1.csv" --save-layout "$T/pos2.csv" -o "$T/s2.svg"
expect_rc 0 "render --pin the saved layout"
cmp -s "$T/pos1.csv" "$T/pos2.csv"
tap $? "--pin then --save-layout gives identical positions" "$(diff "$T/pos1.csv" "$T/pos2.csv" | head)"
cmp -s "$T/s1.dump" "$T/s2.dump"
tap $? "the pinned figure is the same scene"
# An earlier year pinned to the later one's layout: shared actors do not move.
run "$CLOUT" render "$TINY@2016" --pin "$T/pos1.csv" --save-layout "$T/pos3.csv" -o "$T/s3.svg"
expect_rc 0 "render another year --pin"
join -t, <(sort "$T/pos1.csv") <(sort "$T/pos3.csv") | awk -F, '$2 != $4 || $3 != $5 { bad++ } END { exit bad > 0 }'
tap $? "actors of both years keep their pinned positions"
printf 'id,x,y\nNRL,1,2\nSDL,3,north\n' >"$T/badpin.csv"
run "$CLOUT" render "$TINY@2022" --pin "$T/badpin.csv" -o "$T/bad.svg"
expect_rc 3 "a malformed --pin file"
grep -q "badpin.csv:3:7: column 'y': 'north' is not a number" "$T/err"
tap $? "the --pin error names file, line and column" "$(cat "$T/err")"
[ ! -e "$T/bad.svg" ]
tap $? "no figure is written after an error"
for engine in neato fdp sfdp dot circo twopi; do
    run "$CLOUT" render "$TINY@2022" --layout $engine -o "$T/$engine.svg"
    expect_rc 0 "render --layout $engine"
done
CLOUT_SCENE_DUMP=$T/geo.dump run "$CLOUT" render "$CA@2023" --layout geo --color community -o "$T/geo.pdf"
expect_rc 0 "render --layout geo --color community"
run "$CLOUT" render "$T/labels.csv" --layout geo -o "$T/geo2.pdf"
expect_rc 2 "--layout geo without a dataset"
run "$CLOUT" render "$TINY@2022" --seed 7 -o "$T/seed7.svg"
expect_rc 0 "render --seed 7"

# ---- options ----
for c in balance community kind layer none; do
    run "$CLOUT" render "$TINY@2022" --color $c -o "$T/c-$c.svg"
    expect_rc 0 "render --color $c"
done
for l in all focus poles none; do
    CLOUT_SCENE_DUMP=$T/l-$l.dump run "$CLOUT" render "$TINY@2022" --labels $l -o "$T/l-$l.svg"
    expect_rc 0 "render --labels $l"
done
n=$(sed -n '/^group labels$/,/^group legend$/p' "$T/l-focus.dump" | grep -c '^  text')
[ "$n" = 3 ]
tap $? "--labels focus labels the three focus actors" "got $n"
CLOUT_SCENE_DUMP=$T/title.dump run "$CLOUT" render "$TINY@2022" --title 'Norland & Sudland, 2022' -o "$T/t.svg"
grep -qF '"Norland & Sudland, 2022"' "$T/title.dump"
tap $? "--title sets the title"

# ---- errors ----
run "$CLOUT" render "$TINY@2022" -o "$T/fig.jpg"
expect_rc 2 "an extension other than .pdf, .svg, .png"
grep -q "must be .pdf, .svg or .png" "$T/err"
tap $? "the bad extension is explained" "$(cat "$T/err")"
[ ! -e "$T/fig.jpg" ]
tap $? "nothing is written for a bad extension"
run "$CLOUT" render "$TINY@2022"
expect_rc 2 "no -o"
run "$CLOUT" render "$TINY@2022" --width 10furlongs -o "$T/x.svg"
expect_rc 2 "a bad --width"
run "$CLOUT" render "$TINY@2022" --height -3mm -o "$T/x.svg"
expect_rc 2 "a bad --height"
run "$CLOUT" render "$TINY@2022" --height 20mm -o "$T/x.svg"
expect_rc 2 "a height with no room for the network"
run "$CLOUT" render "$TINY@2022" --layout spring -o "$T/x.svg"
expect_rc 2 "an unknown --layout"
run "$CLOUT" render "$TINY@2022" --color pink -o "$T/x.svg"
expect_rc 2 "an unknown --color"
run "$CLOUT" render "$TINY@2022" --labels some -o "$T/x.svg"
expect_rc 2 "an unknown --labels"
run "$CLOUT" render "$TINY@2022" --size fame -o "$T/x.svg"
expect_rc 2 "an unknown --size measure"
run "$CLOUT" render "$TINY@2022" --poles NRL,XXX -o "$T/x.svg"
expect_rc 2 "an unknown pole in --poles"
run "$CLOUT" render "$TINY@2022" --at 2016,2022 -o "$T/x.svg"
expect_rc 2 "DATASET@YEAR and several --at years"
run "$CLOUT" render "$T/labels.csv" --at 2016,2022 -o "$T/x.svg"
expect_rc 2 "several --at years without a dataset"
run "$CLOUT" render "$SRC/tests/data/bad/nonexistent" -o "$T/x.svg"
expect_rc 3 "a missing input"
# Graphviz without its plugins (GVBINDIR points where there are none).
mkdir -p "$T/no-plugins"
GVBINDIR=$T/no-plugins run "$CLOUT" render "$TINY@2022" -o "$T/x.svg"
expect_rc 1 "Graphviz without plugins"
grep -q 'install the graphviz package' "$T/err" && [ "$(grep -c . "$T/err")" = 1 ]
tap $? "the missing plugins are one clout message, not Graphviz's own" "$(cat "$T/err")"
# One computation: each focus node's fill is the colour of the balance that `clout
# influence` prints for the same snapshot and options.  The colour is worked out here
# from ColorBrewer's published RdBu scale (11 classes, reversed: -1 blue, +1 red, linear
# between classes), not from clout's palette code.
PY=${PYTHON3:-/usr/bin/python3}
fill_matches() { # INPUT OPTIONS...: render's fills against influence's balance (layer all)
    local input=$1
    shift
    CLOUT_SCENE_DUMP="$T/fill.txt" "$CLOUT" render "$input" "$@" -o "$T/fill.svg" 2>"$T/err" &&
        "$CLOUT" influence "$input" "$@" --table balance --format csv >"$T/bal.csv" 2>>"$T/err" &&
        "$PY" - "$T/fill.txt" "$T/bal.csv" <<'PYEOF'
import csv, re, sys
rdbu = ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
        "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"]  # colorbrewer2.org, RdBu 11, reversed
def colour(b):
    pos = (min(max(b, -1), 1) + 1) / 2 * 10
    i = min(int(pos), 9)
    t = pos - i
    a, c = rdbu[i], rdbu[i + 1]
    return [int(a[1 + 2 * k:3 + 2 * k], 16) * (1 - t) + int(c[1 + 2 * k:3 + 2 * k], 16) * t for k in range(3)]
fills, node = {}, None
for line in open(sys.argv[1]):
    m = re.match(r"group node (\S+)", line)
    if m:
        node = m.group(1)
        continue
    m = re.search(r"fill=#([0-9a-f]{6})", line)
    if node and m and node not in fills:
        fills[node] = [int(m.group(1)[2 * k:2 * k + 2], 16) for k in range(3)]
checked = 0
for r in csv.DictReader(open(sys.argv[2])):
    if r["layer"] != "all" or r["balance"] == "":
        continue
    want, got = colour(float(r["balance"])), fills.get(r["focus"])
    if got is None or max(abs(w - g) for w, g in zip(want, got)) > 1:
        print("%s: balance %s wants %s, the node has %s" % (r["focus"], r["balance"], want, got))
        sys.exit(1)
    checked += 1
print("%d focus nodes checked" % checked)
sys.exit(0 if checked >= 2 else 1)
PYEOF
}
fill_matches "$SRC/graphs/central-asia@2023" >"$T/chk"
tap $? "render's focus fills are influence's balances (central-asia@2023)" "$(cat "$T/chk" "$T/err")"
fill_matches "$SRC/graphs/central-asia@2014" --poles CHN,RUS --window 3 --layers security,economic >"$T/chk"
tap $? "... with --poles CHN,RUS --window 3 --layers security,economic" "$(cat "$T/chk" "$T/err")"
fill_matches "$TINY@2022" >"$T/chk"
tap $? "... and on tiny@2022" "$(cat "$T/chk" "$T/err")"

run "$CLOUT" render -h
expect_rc 0 "render -h"
head -n 1 "$T/out" | grep -qF 'usage: clout render INPUT -o FIGURE [--layout NAME] [--color BY] [--size MEASURE] [--at Y1,Y2,...] [--pin FILE]'
tap $? "render -h starts with the usage line" "$(head -n 1 "$T/out")"

done_testing
