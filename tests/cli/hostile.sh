#!/usr/bin/env bash
# TAP: actor ids and names made of everything that breaks formats (quotes, backslash, <, &,
# ]]>, --, {}$%_#^~, newline, tab, right-to-left text, a zero-width joiner, a 500-character
# name, a formula) come out valid in every writer: csv, tsv, json, md, tex, graphml, gml,
# dot, svg, pdf, png and html.  Validity is checked by real parsers where there are any.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import csv, json' 2>/dev/null; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
D=$T/hostile
mkdir -p "$D"
"$PY" - "$D" <<'PYEOF'
import csv, sys, os
d = sys.argv[1]
ids = ['q"uote', "back\\slash", "<lt>&amp", "cdata]]>end", "dash--dash", "{}$%_#^~",
       "new\nline", "tab\there", "\u0645\u0631\u062d\u0628\u0627 rtl", "zw\u200dj", "=1+2"]
long = "L" * 500
w = csv.writer(open(os.path.join(d, "actors.csv"), "w", newline="", encoding="utf-8"), lineterminator="\n")
w.writerow(["id", "name", "kind", "role"])
w.writerow(["HUB", "Hub <&> \"q\" \\ ]]> --", "state", "pole"])
w.writerow(["P2", "Pole 2", "state", "pole"])
for i, x in enumerate(ids):
    w.writerow([x, x + " name", "state", "focus" if i < 3 else ""])
w.writerow(["LONG", long, "state", ""])
open(os.path.join(d, "relations.csv"), "w").write("relation,layer,directed,mode,scale\nm,lay<&>er,no,state,binary\n")
t = csv.writer(open(os.path.join(d, "ties.csv"), "w", newline="", encoding="utf-8"), lineterminator="\n")
t.writerow(["source", "target", "relation", "start", "source_ref"])
for x in ids + ["LONG", "P2"]:
    t.writerow(["HUB", x, "m", "2000", 'ref "<&>"'])
t.writerow(["P2", ids[0], "m", "2000", "ref"])
PYEOF
run "$CLOUT" validate "$D"
expect_rc 0 "the hostile dataset is valid data"
N=$("$PY" -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8"))))' "$D/actors.csv")

# Tables: measure's table holds id and name of every actor.
for f in csv tsv json md tex; do
    run "$CLOUT" measure "$D@2000" --measures degree --format "$f" -o "$T/m.$f"
    expect_rc 0 "measure --format $f"
done
"$PY" - "$T" "$D/actors.csv" >"$T/chk" <<'PYEOF'
import csv, json, sys, os
t = sys.argv[1]
want = [(r["id"], r["name"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))]
bad = []
got = [(r["id"], r["name"]) for r in csv.DictReader(open(os.path.join(t, "m.csv"), encoding="utf-8"))]
if got != want: bad.append("csv")
j = json.load(open(os.path.join(t, "m.json"), encoding="utf-8"))
if [(r["id"], r["name"]) for r in j] != want: bad.append("json")
def untsv(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[s[i + 1]]); i += 2
        else:
            out.append(s[i]); i += 1
    return "".join(out)
lines = open(os.path.join(t, "m.tsv"), encoding="utf-8").read().rstrip("\n").split("\n")
rows = [[untsv(c) for c in l.split("\t")] for l in lines[1:]]
if [(r[0], r[1]) for r in rows] != want or any(len(r) != len(lines[0].split("\t")) for r in rows): bad.append("tsv")
md = open(os.path.join(t, "m.md"), encoding="utf-8").read().rstrip("\n").split("\n")
ncol = md[0].count("|")
def unescaped_pipes(l):
    n, i = 0, 0
    while i < len(l):
        if l[i] == "\\": i += 2; continue
        n += l[i] == "|"; i += 1
    return n
if len(md) != len(want) + 2 or any(unescaped_pipes(l) != ncol for l in md): bad.append("md")
tex = open(os.path.join(t, "m.tex"), encoding="utf-8").read()
body = tex.split("\\midrule\n")[1].split("\\bottomrule")[0]
import re
for line in body.strip().split("\n"):
    cells = line[:-3].split(" & ")   # each row ends with " \\"
    for c in cells:
        # a long text cell breaks in a \parbox; \allowbreak{} marks where it may break
        c = re.sub(r"^\\parbox\[t\]\{1.8cm\}\{\\raggedright\\hspace\{0pt\}(.*)\}$", r"\1", c)
        c = c.replace("\\allowbreak{}", "")
        c2 = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|textless|textgreater|textbar)\{\}", "", c)
        c2 = re.sub(r"\\[&%$#_{}]", "", c2)
        if re.search(r"[&%$#_{}~^\\<>]", c2): bad.append("tex: " + c); break
print(bad)
sys.exit(1 if bad else 0)
PYEOF
tap $? "csv, tsv and json give back every id and name; md and tex escape every special" "$(cat "$T/chk")"

run "$CLOUT" measure "$D@2000" --measures degree --format csv --spreadsheet-safe
grep -q "^'=1+2," "$T/out"
tap $? "--spreadsheet-safe defuses a cell that starts with =" "$(grep 1+2 "$T/out")"

# Networks.
for f in graphml gml dot; do
    run "$CLOUT" build "$D@2000" --to "$f" -o "$T/n.$f"
    expect_rc 0 "build --to $f"
done
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$T/n.graphml"
    tap $? "GraphML parses with xmllint"
else
    skip "GraphML parses with xmllint" "no xmllint"
fi
for f in graphml gml; do
    run "$CLOUT" build "$T/n.$f" --to csv
    cp "$T/out" "$T/back-$f.csv"
done
run "$CLOUT" build "$D@2000" --to csv
cmp -s "$T/out" "$T/back-graphml.csv" && cmp -s "$T/out" "$T/back-gml.csv"
tap $? "GraphML and GML read back through clout with every id intact"
if command -v dot >/dev/null 2>&1; then
    dot -Tcanon "$T/n.dot" >/dev/null 2>"$T/dot.err"
    tap $? "dot -Tcanon reads the DOT" "$(head -3 "$T/dot.err")"
else
    skip "dot -Tcanon reads the DOT" "no dot"
fi

# Figures.
for f in svg pdf png; do
    CLOUT_SCENE_DUMP=$T/scene.txt run "$CLOUT" render "$D@2000" -o "$T/f.$f"
    expect_rc 0 "render to $f"
done
grep -qF '"q\"uote"' "$T/scene.txt" && grep -qF 'zw'$'\u200d''j' "$T/scene.txt"
tap $? "the scene holds the labels as given" "$(grep -c text "$T/scene.txt") texts"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$T/f.svg"
    tap $? "the SVG parses with xmllint"
else
    skip "the SVG parses" "no xmllint"
fi
if command -v pdffonts >/dev/null 2>&1; then
    pdffonts "$T/f.pdf" >"$T/fonts" 2>&1 && ! awk 'NR > 2 && $(NF-4) == "no"' "$T/fonts" | grep -q .
    tap $? "the PDF has every font embedded" "$(cat "$T/fonts")"
else
    skip "the PDF has every font embedded" "no pdffonts"
fi
[ "$(head -c 8 "$T/f.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
tap $? "the PNG is a PNG"

# The page.
run "$CLOUT" report "$D" -o "$T/rep" --at 2000 --bootstrap 10 -q
expect_rc 0 "report of the hostile dataset"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --html --noout "$T/rep/index.html" 2>"$T/xl"
    [ ! -s "$T/xl" ]
    tap $? "its index.html passes xmllint --html" "$(head -3 "$T/xl")"
else
    skip "its index.html passes xmllint --html" "no xmllint"
fi
! grep -q '<lt>&amp' "$T/rep/index.html"
tap $? "no label reaches the page unescaped"
grep -q "^'=1+2," "$T/rep/tables/measures-2000.csv"
tap $? "the report's CSV tables are spreadsheet-safe by default"

done_testing
