#!/usr/bin/env bash
# TAP: --font FAMILY and --no-title (render, chart, report).  References: the fonts a PDF
# embeds as pdffonts lists them; the dump's ink boxes against Pillow's FreeType measurement
# of the DejaVu Serif files (tests/cli/overlap.py --ink), and against the default font's;
# tests/cli/overlap.py for overlapping text; the title band's height from the font's ascent
# and descent (FreeType through Pillow) plus the gap under the title, by hand.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
CA=$SRC/graphs/central-asia
TINY=$SRC/graphs/examples/tiny
OV=$SRC/tests/cli/overlap.py
PY=/usr/bin/python3
SERIF="DejaVu Serif"

# fonts FILE: the base names of the fonts FILE embeds (pdffonts, subset tags dropped), sorted.
fonts() {
    pdffonts "$1" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | tr '\n' ' '
}
HAVE_PDFFONTS=1
command -v pdffonts >/dev/null 2>&1 || HAVE_PDFFONTS=0
HAVE_PIL=1
$PY -c 'import PIL' 2>/dev/null || HAVE_PIL=0

# ---- the font reaches the PDF ----
for spec in "render|render $TINY@2022" "chart|chart shares $CA@2023"; do
    name=${spec%%|*}
    read -r -a args <<<"${spec#*|}"
    CLOUT_SCENE_DUMP="$T/$name-sans.scene" run "$CLOUT" "${args[@]}" -o "$T/$name-sans.pdf"
    expect_rc 0 "$name in the default font"
    CLOUT_SCENE_DUMP="$T/$name-serif.scene" run "$CLOUT" "${args[@]}" --font "$SERIF" \
        -o "$T/$name-serif.pdf"
    expect_rc 0 "$name --font '$SERIF'"
    if [ "$HAVE_PDFFONTS" = 1 ]; then
        f=$(fonts "$T/$name-sans.pdf")
        case " $f" in *" DejaVuSans"*) ! echo "$f" | grep -q Serif ;; *) false ;; esac
        tap $? "$name: the default PDF embeds DejaVu Sans and no serif (pdffonts)" "$f"
        f=$(fonts "$T/$name-serif.pdf")
        case " $f" in *" DejaVuSerif"*) ! echo "$f" | grep -q DejaVuSans ;; *) false ;; esac
        tap $? "$name --font '$SERIF': the PDF embeds DejaVuSerif and no DejaVuSans (pdffonts)" \
            "$f"
    else
        skip "$name: the fonts the PDFs embed" "no pdffonts (poppler-utils)"
    fi
    # the dump says which font, on its first line, only when it is not the default
    head -n 1 "$T/$name-serif.scene" | grep -qx "scene [0-9.]* [0-9.]* font=\"$SERIF\"" &&
        head -n 1 "$T/$name-sans.scene" | grep -qx 'scene [0-9.]* [0-9.]*'
    tap $? "$name: the dump's first line names the font, only when it is not the default" \
        "$(head -n 1 "$T/$name-sans.scene") / $(head -n 1 "$T/$name-serif.scene")"
    # the same texts, with other ink boxes
    sed -n 's/^  text .* "\(.*\)"$/\1/p' "$T/$name-sans.scene" >"$T/a"
    sed -n 's/^  text .* "\(.*\)"$/\1/p' "$T/$name-serif.scene" >"$T/b"
    sed -n 's/^  text .* ink \([^ ]* [^ ]* [^ ]* [^ ]*\) .*/\1/p' "$T/$name-sans.scene" >"$T/ia"
    sed -n 's/^  text .* ink \([^ ]* [^ ]* [^ ]* [^ ]*\) .*/\1/p' "$T/$name-serif.scene" >"$T/ib"
    n=$(wc -l <"$T/a")
    d=$(paste -d'|' "$T/ia" "$T/ib" | awk -F'|' '$1 != $2' | wc -l)
    cmp -s "$T/a" "$T/b" && [ "$n" -gt 5 ] && [ "$d" -gt $((n / 2)) ]
    tap $? "$name: the serif dump has the same $n texts, most with other ink boxes ($d)" \
        "$(diff "$T/a" "$T/b" | head -5)"
    run $PY "$OV" "$T/$name-serif.scene"
    tap $rc "$name --font '$SERIF': no text overlaps another or a node (overlap.py)" \
        "$(cat "$T/out")"
    if [ "$HAVE_PIL" = 1 ]; then
        run $PY "$OV" --ink "$T/$name-serif.scene"
        tap $rc "$name: the ink boxes are DejaVu Serif's (Pillow's FreeType)" "$(cat "$T/out")"
        sed '1s/ font=.*//' "$T/$name-serif.scene" >"$T/as-sans.scene"
        run $PY "$OV" --ink "$T/as-sans.scene"
        [ "$rc" -eq 1 ]
        tap $? "$name: and they are not DejaVu Sans's (the same check fails on them)" \
            "$(tail -n 1 "$T/out")"
    else
        skip "$name: the ink boxes against Pillow" "no Pillow"
        skip "$name: the ink boxes against Pillow" "no Pillow"
    fi
done

# ---- every chart kind, and small multiples, in serif: no overlap ----
mkdir "$T/serif"
fig() { # fig NAME ARGS...
    local name=$1
    shift
    CLOUT_SCENE_DUMP="$T/serif/$name.scene" run "$CLOUT" "$@" --font "$SERIF" \
        -o "$T/serif/$name.svg"
    expect_rc 0 "$name: clout $* --font '$SERIF'"
}
fig multiples render "$CA" --at 2005,2014,2023 --labels focus
fig balance chart balance "$CA@2020" --bootstrap 20
fig heatmap-layers chart heatmap "$CA@2020" --of layers --poles USA,CHN
fig slope-rank chart slope "$CA" --at 2005,2020 --of pagerank
fig trend chart trend "$CA" --at 2005,2011,2017,2020
run $PY "$OV" "$T/serif/"*.scene
tap $rc "serif figures: no text overlaps another or a node (overlap.py)" \
    "$(grep -v 'no overlap' "$T/out" | head -20)"

# ---- names ----
run "$CLOUT" chart shares "$CA@2023" --font "dejavu serif" -o "$T/lower.pdf"
expect_rc 0 "--font 'dejavu serif'"
if [ "$HAVE_PDFFONTS" = 1 ]; then
    fonts "$T/lower.pdf" | grep -q DejaVuSerif
    tap $? "a family is matched without regard to case (pdffonts)" "$(fonts "$T/lower.pdf")"
fi
run "$CLOUT" chart shares "$CA@2023" --font "DejaVu Sans" -o "$T/explicit.pdf"
cmp -s "$T/explicit.pdf" "$T/chart-sans.pdf"
tap $? "--font 'DejaVu Sans' gives the bytes of the default" "exit $rc"
for cmd in "render $TINY@2022 -o $T/x.pdf" "chart shares $CA@2023 -o $T/x.pdf" \
    "report $TINY -o $T/rep-x -q"; do
    read -r -a args <<<"$cmd"
    run "$CLOUT" "${args[@]}" --font "DejaVu Serf"
    [ "$rc" -eq 2 ] && [ ! -e "$T/x.pdf" ] && [ ! -e "$T/rep-x" ] &&
        grep -q "^clout: --font: unknown font 'DejaVu Serf'; did you mean 'DejaVu Serif'? (valid: .*DejaVu Sans" "$T/err"
    tap $? "${args[0]} --font 'DejaVu Serf': exit 2, the closest family named, nothing written" \
        "exit $rc: $(head -c 300 "$T/err")"
done
run "$CLOUT" render "$TINY@2022" -o "$T/x.pdf" --font "Nosuchfamily"
[ "$rc" -eq 2 ] && grep -q "unknown font 'Nosuchfamily' (valid: " "$T/err" &&
    ! grep -q "did you mean" "$T/err"
tap $? "a family far from any: exit 2, the installed ones listed, no guess" \
    "exit $rc: $(head -c 300 "$T/err")"

# ---- other scripts still fall back, glyph by glyph ----
if [ "$HAVE_PDFFONTS" = 1 ]; then
    run "$CLOUT" chart shares "$CA@2023" --font "$SERIF" --title "影响力 influence" \
        -o "$T/zh.pdf"
    f=$(fonts "$T/zh.pdf")
    [ "$rc" -eq 0 ] && echo "$f" | grep -q DejaVuSerif && ! echo "$f" | grep -q DejaVuSans &&
        echo "$f" | tr ' ' '\n' | grep -v '^DejaVuSerif' | grep -q .
    tap $? "a Chinese title in serif: the Chinese in a fallback font (CairoFont-*), the rest in \
DejaVu Serif (pdffonts)" \
        "exit $rc: $f"
fi

# ---- the report ----
CLOUT_SCENE_DUMP=1 run "$CLOUT" report "$TINY" --at 2020,2022 --bootstrap 20 --font "$SERIF" \
    -o "$T/rep" -q
expect_rc 0 "report --font '$SERIF'"
n=0 bad=""
for s in "$T/rep/figures/"*.scene; do
    n=$((n + 1))
    head -n 1 "$s" | grep -q "font=\"$SERIF\"" || bad="$bad $(basename "$s")"
done
[ "$n" -gt 3 ] && [ -z "$bad" ]
tap $? "report: every one of the $n figures is drawn in $SERIF (their dumps)" "not:$bad"
run $PY "$OV" "$T/rep/figures/"*.scene
tap $rc "report in serif: no text overlaps another or a node" \
    "$(grep -v 'no overlap' "$T/out" | head -20)"
if [ "$HAVE_PDFFONTS" = 1 ]; then
    bad=""
    for p in "$T/rep/figures/"*.pdf; do
        f=$(fonts "$p")
        { echo "$f" | grep -q DejaVuSerif && ! echo "$f" | grep -q DejaVuSans; } ||
            bad="$bad $(basename "$p"): $f;"
    done
    [ -z "$bad" ]
    tap $? "report: every PDF embeds DejaVu Serif and no DejaVu Sans (pdffonts)" "$bad"
fi

# ---- --no-title ----
# Without the title, the scene is shorter by the title band: lines x (ascent + descent of
# the bold title font, FreeType's metrics through Pillow) + the gap under it (chart-frame.c:
# 8 pt at 9.5 pt; diagram.c: 6 pt at 10 pt); everything else moves up by just that.
for spec in "chart|9.5|8|chart shares $CA@2023" "render|10|6|render $CA@2023"; do
    IFS='|' read -r name size gap cmd <<<"$spec"
    read -r -a args <<<"$cmd"
    CLOUT_SCENE_DUMP="$T/t.scene" run "$CLOUT" "${args[@]}" -o "$T/t.svg"
    CLOUT_SCENE_DUMP="$T/nt.scene" run "$CLOUT" "${args[@]}" --no-title -o "$T/nt.svg"
    expect_rc 0 "$name --no-title"
    CLOUT_SCENE_DUMP="$T/e.scene" run "$CLOUT" "${args[@]}" --title '' -o "$T/e.svg"
    cmp -s "$T/nt.scene" "$T/e.scene" && cmp -s "$T/nt.svg" "$T/e.svg"
    tap $? "$name: --no-title is --title '' (the same dump and SVG)"
    awk '/^group/ { g = $2 } g == "title" && /^  text/ { n++ } END { exit n > 0 }' "$T/nt.scene" &&
        awk '/^group/ { g = $2 } g == "title" && /^  text/ { n++ } END { exit n == 0 }' "$T/t.scene"
    tap $? "$name --no-title: no title text in the dump (and one with the title)"
    if [ "$HAVE_PIL" = 1 ]; then
        run $PY - "$T/t.scene" "$T/nt.scene" "$size" "$gap" <<'PYEOF'
import re, sys
from PIL import ImageFont
def load(p):
    lines = open(p, encoding="utf-8").read().splitlines()
    h = float(lines[0].split()[2])
    group, titles, items = None, 0, []
    for l in lines[1:]:
        if l.startswith("group"):
            group = l[6:]
            continue
        if group == "title":
            titles += l.startswith("  text")
            continue
        items.append(l)
    return h, titles, items
h1, n1, a = load(sys.argv[1])
h0, n0, b = load(sys.argv[2])
size, gap = float(sys.argv[3]), float(sys.argv[4])
f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", round(size * 100))
asc, desc = f.getmetrics()
band = n1 * (asc + desc) / 100 + gap
print(f"height {h1} - {h0} = {h1 - h0:.1f}; by hand {n1} x {(asc + desc) / 100:.3f} + {gap} = {band:.2f}")
ok = n0 == 0 and n1 > 0 and abs((h1 - h0) - band) <= 0.15
# everything else: the same items, each y moved up by the band (the dump rounds to 0.1)
NUM = re.compile(r"-?\d+\.\d")
bad = 0
if len(a) != len(b):
    ok = False
    print("items", len(a), len(b))
for la, lb in zip(a, b):
    ka, kb = la.split(), lb.split()
    if ka[0] != kb[0] or len(ka) != len(kb):
        bad += 1
        continue
    if ka[0] in ("line", "polygon"):
        n = int(ka[1])
        yi = [2 + 2 * k + 1 for k in range(n)]
    else:
        yi = [2]
    for i, (x, y) in enumerate(zip(ka, kb)):
        if i in yi:
            if abs(float(x) - float(y) - (h1 - h0)) > 0.15:
                bad += 1
        elif i > 0 and x != y and not (NUM.fullmatch(x) and abs(float(x) - float(y)) <= 0.1):
            bad += 1
print(f"{bad} items not moved up by the band")
sys.exit(0 if ok and bad == 0 else 1)
PYEOF
        tap $rc "$name --no-title: shorter by the title band, everything else moved up by it" \
            "$(cat "$T/out" "$T/err")"
    else
        skip "$name --no-title: shorter by the title band" "no Pillow"
    fi
done
run "$CLOUT" render "$TINY@2022" --title T --no-title -o "$T/both.svg"
[ "$rc" -eq 2 ] && grep -qx "clout: render: give --title or --no-title, not both" "$T/err" &&
    [ ! -e "$T/both.svg" ]
tap $? "--title with --no-title: exit 2" "exit $rc: $(cat "$T/err")"

done_testing
