#!/usr/bin/env bash
# TAP: no text overlaps another text or a node in the report's figures, the README's gallery
# and the figures most likely to crowd (long pole names, geographic layout, small multiples,
# rank slopes).  tests/cli/overlap.py reads the scene dumps (CLOUT_SCENE_DUMP) and tests
# every pair of text boxes, and every text against every node, as rotated rectangles and
# circles; the boxes themselves are checked against Pillow's FreeType measurement of the
# same font, and the checker against hand-made scenes that must fail.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
CA="$SRC/graphs/central-asia"
TINY="$SRC/graphs/examples/tiny"
OV="$SRC/tests/cli/overlap.py"
PY=/usr/bin/python3

# ---- the checker can fail ----
cat >"$T/bad.scene" <<'EOF'
scene 100.0 100.0
group a
  text 10.0 10.0 8.0 regular left top 0.0 ink 0.5 1.0 30.0 6.0 color=#000000ff "hello"
group b
  text 35.0 12.0 8.0 regular left top 0.0 ink 0.5 1.0 30.0 6.0 color=#000000ff "world"
EOF
run $PY "$OV" "$T/bad.scene"
[ "$rc" -eq 1 ] && grep -q '"hello" overlaps b "world" by 4.0 pt' "$T/out"
tap $? "the checker finds two texts 4 pt into each other (by hand: x 10.5-40.5 and 35.5-65.5 \
overlap by 5, y 11-17 and 13-19 by 4, the smaller)" "$(cat "$T/out")"
# Rotated 90 degrees counter-clockwise at (80, 80), the ink box [0,30]x[0,6] covers x 80..86,
# y 50..80 on the page: a node at (83, 60) is inside it, one at (83, 40) 10 pt above it.
cat >"$T/rot.scene" <<'EOF'
scene 100.0 100.0
group c
  text 80.0 80.0 8.0 regular left top 90.0 ink 0.0 0.0 30.0 6.0 color=#000000ff "up"
group nodes
  circle 83.0 40.0 2.0 fill=#000000ff stroke=none
  circle 95.0 60.0 2.0 fill=#000000ff stroke=none
EOF
run $PY "$OV" "$T/rot.scene"
tap $rc "a rotated text clear of two nodes passes" "$(cat "$T/out")"
sed 's/circle 83.0 40.0/circle 83.0 60.0/' "$T/rot.scene" >"$T/rot2.scene"
run $PY "$OV" "$T/rot2.scene"
[ "$rc" -eq 1 ] && grep -q 'overlaps the circle of nodes at (83.0, 60.0) by 2.0 pt' "$T/out"
tap $? "a node inside a rotated text's box is found" "$(cat "$T/out")"
# Boxes that touch (30 pt wide, the next text starts 30 pt on) do not overlap.
sed 's/text 35.0 12.0/text 40.0 12.0/' "$T/bad.scene" >"$T/touch.scene"
run $PY "$OV" "$T/touch.scene"
tap $rc "texts that only touch pass" "$(cat "$T/out")"

# --lines GROUP: line segments against text boxes.  By hand: "hello"'s box is x 10.5-40.5,
# y 11-17; a line along y 14 crosses it, 3 pt from either edge; one that stops at x 9.5 is
# 1 pt short of it; a diagonal from (5, 20) to (45, 8) is at y 18.35 at x 10.5 and 9.35 at
# x 40.5, so it runs through the box; of the polyline (60, 60), (70, 14), (0, 14) only the
# second segment does.
cat >"$T/lines.scene" <<'EOF'
scene 100.0 100.0
group a
  text 10.0 10.0 8.0 regular left top 0.0 ink 0.5 1.0 30.0 6.0 color=#000000ff "hello"
group zero
  line 2 0.0 14.0 100.0 14.0 dash 3.0 2.0 stroke=#555555ff 0.8
group lead
  line 2 0.0 14.0 9.5 14.0 stroke=#555555ff 0.8
group slope X
  line 3 60.0 60.0 70.0 14.0 0.0 14.0 stroke=#555555ff 0.8
  line 2 5.0 20.0 45.0 8.0 stroke=#555555ff 0.8
EOF
run $PY "$OV" --lines zero "$T/lines.scene"
[ "$rc" -eq 1 ] && grep -q 'the line of zero from (0.0, 14.0) to (100.0, 14.0) crosses a "hello" by 3.0 pt' "$T/out"
tap $? "--lines: a dashed line through a text is found, 3 pt deep" "$(cat "$T/out")"
run $PY "$OV" --lines lead "$T/lines.scene"
tap $rc "--lines: a line that stops 1 pt before a text passes" "$(cat "$T/out")"
run $PY "$OV" --lines slope "$T/lines.scene"
[ "$rc" -eq 1 ] && [ "$(grep -c 'line of slope X' "$T/out")" -eq 2 ] &&
    grep -q 'from (70.0, 14.0) to (0.0, 14.0) crosses a "hello" by 3.0 pt' "$T/out" &&
    grep -q 'from (5.0, 20.0) to (45.0, 8.0) crosses' "$T/out"
tap $? "--lines slope: the groups 'slope ...', each segment of a polyline" "$(cat "$T/out")"
run $PY "$OV" "$T/lines.scene"
tap $rc "without --lines, lines are not checked" "$(cat "$T/out")"

# ---- the boxes are the painted text's ----
CLOUT_SCENE_DUMP="$T/ink.scene" run "$CLOUT" chart balance "$CA@2020" --bootstrap 20 \
    -o "$T/ink.png"
expect_rc 0 "a chart with its scene dump"
run $PY "$OV" --ink "$T/ink.scene"
tap $rc "the dump's ink boxes agree with Pillow's measurement of DejaVu Sans" "$(cat "$T/out")"
# and a box of another size fails that check
sed 's/ ink \([-0-9.]*\) \([-0-9.]*\) \([-0-9.]*\) / ink \1 \2 1.0 /' "$T/ink.scene" >"$T/ink2.scene"
run $PY "$OV" --ink "$T/ink2.scene"
[ "$rc" -eq 1 ]
tap $? "ink boxes of the wrong width fail that check" "$(tail -2 "$T/out")"

# ---- the report's figures ----
check_dir() { # check_dir NAME DIR: every .scene of DIR passes
    local name=$1 dir=$2 n
    n=$(ls "$dir"/*.scene 2>/dev/null | wc -l)
    if [ "$n" -eq 0 ]; then
        tap 1 "$name: no overlap" "no scene dump in $dir"
        return
    fi
    $PY "$OV" "$dir"/*.scene >"$T/ov" 2>&1
    tap $? "$name: no overlap in $n figures" "$(grep -v 'no overlap' "$T/ov" | head -20)"
}
CLOUT_SCENE_DUMP=1 run "$CLOUT" report "$CA" -o "$T/rep" --bootstrap 50 -q
expect_rc 0 "the report of graphs/central-asia, with scene dumps"
n_png=$(ls "$T/rep/figures/"*.png 2>/dev/null | wc -l)
n_scene=$(ls "$T/rep/figures/"*.scene 2>/dev/null | wc -l)
[ "$n_png" -gt 0 ] && [ "$n_png" -eq "$n_scene" ]
tap $? "a scene dump for every figure of the report" "$n_png PNG, $n_scene scenes"
check_dir "the report's figures" "$T/rep/figures"
CLOUT_SCENE_DUMP=1 run "$CLOUT" report "$TINY" -o "$T/tiny" --at 2020,2022 --bootstrap 20 -q
expect_rc 0 "the report of graphs/examples/tiny, with scene dumps"
check_dir "the tiny report's figures" "$T/tiny/figures"

# ---- the gallery ----
mkdir -p "$T/gal" "$T/galsc"
GALLERY_SCENES="$T/galsc" run sh "$SRC/doc/gallery/gallery.sh" "$CLOUT" "$CA" "$T/gal"
expect_rc 0 "the gallery, with scene dumps"
check_dir "the gallery's figures" "$T/galsc"

# ---- crowded figures ----
mkdir "$T/crowd"
fig() { # fig NAME ARGS...
    local name=$1
    shift
    CLOUT_SCENE_DUMP="$T/crowd/$name.scene" run "$CLOUT" "$@" -o "$T/crowd/$name.png"
    expect_rc 0 "$name: clout $*"
}
fig slope chart slope "$CA" --at 2005,2020
fig slope-rank chart slope "$CA" --at 2005,2020 --of pagerank
fig heatmap-layers chart heatmap "$CA@2020" --of layers --poles USA,CHN
fig trend-years chart trend "$CA" --at 2005,2008,2011,2014,2017,2020
fig shares-security chart shares "$CA@2020" --layer security
fig robustness chart robustness "$CA@2020" --bootstrap 50
fig facets chart balance "$CA" --layer economic,security --at 2005,2014,2020
fig facets-narrow chart balance "$CA" --layer economic,security --at 2005,2014,2020 --width 120mm
fig facets-all-layers chart balance "$CA" --layer economic,security,political,diplomatic,all \
    --at 2005,2010,2014,2020 --width 120mm --bootstrap 50
fig facets-column chart balance "$CA@2020" --layer economic,security,all --width 85mm
fig facets-heatmap chart heatmap "$CA" --of layers --at 2005,2014,2020
fig facets-heatmap-narrow chart heatmap "$CA" --of layers --at 2005,2014,2020 --width 120mm
# Long pole names at both ends of the balance bar (they overlapped: "-1 United StatesRussia +1")
fig long-poles render "$CA@2020" --poles USA,RUS
fig long-poles-multiples render "$CA" --at 2005,2014,2020 --poles USA,RUS
fig long-poles-heatmap chart heatmap "$CA@2020" --of layers --poles USA,RUS
fig long-poles-slope chart slope "$CA" --at 2005,2020 --poles USA,RUS
# Geographic layouts: clusters around capitals, labels moved out with leader lines; in the
# small multiples and the narrow map some labels of actors that are neither poles nor focus
# find no room, and --labels fit (the default) leaves them out with a warning.
fig geo render "$CA@2020" --layout geo
fig geo-tiny render "$TINY@2022" --layout geo
fig geo-tiny-years render "$TINY" --at 2016,2019,2022 --layout geo
fig geo-years render "$CA" --at 2005,2014,2020 --layout geo
fig geo-narrow render "$CA@2020" --layout geo --width 120mm
n_left=$(grep -o '[0-9]* labels* left out' "$T/err" | awk '{ s += $1 } END { print s + 0 }')
labels_in() { awk '/^group labels/ { g = 1; next } /^group/ { g = 0 } g && /^  text/' "$1" | wc -l; }
n_fit=$(labels_in "$T/crowd/geo-narrow.scene")
CLOUT_SCENE_DUMP="$T/geo-all.scene" run "$CLOUT" render "$CA@2020" --layout geo --width 120mm \
    --labels all -o "$T/geo-all.png"
n_all=$(labels_in "$T/geo-all.scene")
[ "$n_left" -gt 0 ] && [ $((n_fit + n_left)) -eq "$n_all" ]
tap $? "--labels fit (the default) draws $n_fit labels and says it left out the other $n_left of $n_all" \
    "fit $n_fit, left out $n_left, all $n_all"
! $PY "$OV" "$T/geo-all.scene" >/dev/null
tap $? "... which --labels all draws, overlapping"
fig multiples-narrow render "$CA" --at 2005,2014,2020 --width 120mm --poles USA,RUS
check_dir "crowded charts and maps" "$T/crowd"
# In the slope charts and the facets no line (grid, zero line, slopes, leaders, intervals,
# axes) crosses a label.
$PY "$OV" --lines '*' "$T/crowd/slope.scene" "$T/crowd/slope-rank.scene" \
    "$T/crowd/long-poles-slope.scene" "$T/crowd/"facets*.scene >"$T/ov" 2>&1
tap $? "slope charts and facets: no line crosses a text" "$(grep -v 'no overlap' "$T/ov" | head -20)"

done_testing
