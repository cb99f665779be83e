#!/usr/bin/env bash
# netio.sh: TAP: network formats in and out (issue 17): output names, GEXF (static and over
# time, against the GEXF 1.3 schema and NetworkX), Pajek, adjacency matrices, weights, parallel
# edges, attributes; real files of other tools (tests/data/netio/README.md) against NetworkX.
# Env: CLOUT, CLOUT_SRCDIR, PYTHON3 (default /usr/bin/python3), XMLLINT (default xmllint).
. "$(dirname "$0")/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
XMLLINT=${XMLLINT:-xmllint}
TINY=$SRC/graphs/examples/tiny
D=$SRC/tests/data/netio
XSD=$SRC/tests/data/gexf-1.3/gexf.xsd
REF=$SRC/tests/cli/netio-ref.py
have_py=false
"$PY" -c 'import networkx' 2>/dev/null && have_py=true
have_xmllint=false
command -v "$XMLLINT" >/dev/null 2>&1 && have_xmllint=true

# ref NAME FUNCTION ARGS...: one test, the Python reference's verdict
ref() {
    local name=$1
    shift
    if ! $have_py; then
        skip "$name" "no python3-networkx"
        return
    fi
    "$PY" "$REF" "$@" >"$T/py" 2>&1
    tap $? "$name" "$(tail -n 8 "$T/py")"
}

# valid NAME FILE: the file validates against the GEXF 1.3 schema
valid() {
    if ! $have_xmllint; then
        skip "$1" "no xmllint"
        return
    fi
    "$XMLLINT" --noout --schema "$XSD" "$2" >"$T/xl" 2>&1
    tap $? "$1" "$(tail -n 5 "$T/xl")"
}

# ---- output names ----
run "$CLOUT" build "$TINY@2022" -o "$T/x.xlsx"
[ "$rc" -eq 2 ] && [ ! -e "$T/x.xlsx" ] && grep -q "\.graphml, \.gml, \.gexf" "$T/err"
tap $? "-o x.xlsx: exit 2 naming the extensions, no file" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY@2022" -o "$T/x.gexf"
[ "$rc" -eq 0 ] && grep -q '<gexf xmlns="http://gexf.net/1.3"' "$T/x.gexf"
tap $? "-o x.gexf writes GEXF 1.3 (it wrote GraphML before)" "exit $rc: $(head -c 300 "$T/err")"
run "$CLOUT" build "$TINY@2022" --to gexf -o "$T/x.xlsx"
[ "$rc" -eq 0 ] && grep -q '<gexf ' "$T/x.xlsx"
tap $? "--to names the format whatever the extension" "exit $rc"
run "$CLOUT" build "$TINY@2022" --to xlsx
[ "$rc" -eq 2 ] && grep -q "gexf" "$T/err"
tap $? "--to xlsx: exit 2 naming the formats" "exit $rc: $(cat "$T/err")"
printf 'a,b\n' >"$T/net.foo"
run "$CLOUT" measure "$T/net.foo"
[ "$rc" -eq 2 ] && grep -q "\.gexf, \.net" "$T/err"
tap $? "an input file with an unknown extension: exit 2 naming the known ones" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY" --dynamic -o "$T/d.graphml"
expect_rc 2 "--dynamic wants GEXF"
run "$CLOUT" build "$TINY@2022" --at 2016,2022
expect_rc 2 "several --at years without --dynamic"
run "$CLOUT" build "$T/x.gexf" --dynamic --to gexf
expect_rc 2 "--dynamic wants a dataset folder"

# ---- GEXF written by clout ----
valid "static GEXF of tiny@2022 validates against the GEXF 1.3 schema" "$T/x.gexf"
"$CLOUT" build "$TINY@2022" -q -o "$T/x.graphml"
ref "NetworkX reads clout's GEXF as clout's GraphML (labels, kind, role, weights)" \
    clout_gexf "$T/x.gexf" "$T/x.graphml"
run "$CLOUT" build "$TINY" --dynamic -q -o "$T/d.gexf"
[ "$rc" -eq 0 ] && grep -q 'mode="dynamic"' "$T/d.gexf"
tap $? "build DATASET --dynamic writes a dynamic GEXF" "exit $rc: $(head -c 300 "$T/err")"
valid "the dynamic GEXF validates against the GEXF 1.3 schema" "$T/d.gexf"
first=$(sed -n 's/.*<graph .* start="\([0-9]*\)" end="\([0-9]*\)".*/\1/p' "$T/d.gexf")
last=$(sed -n 's/.*<graph .* start="\([0-9]*\)" end="\([0-9]*\)".*/\2/p' "$T/d.gexf")
snaps=()
for ((y = first; y <= last; y++)); do
    "$CLOUT" build "$TINY@$y" -q --to csv -o "$T/s$y.csv"
    snaps+=("$T/s$y.csv")
done
ref "dynamic GEXF ($first-$last): each year's spells and weights are that year's snapshot" \
    dynamic "$T/d.gexf" "$first" "$last" "${snaps[@]}"
run "$CLOUT" build "$TINY" --dynamic --at 2022,2016 --to gexf
[ "$rc" -eq 0 ] && grep -q 'start="2016" end="2022"' "$T/out"
tap $? "--dynamic --at: the listed years, in order" "exit $rc: $(head -c 300 "$T/err")"

# ---- real files of other tools ----
run "$CLOUT" build "$D/lesmis-newman.gml" --to csv
[ "$rc" -eq 0 ] && grep -q "'value'" "$T/err" && grep -q -- "--weight" "$T/err"
tap $? "Newman's GML: a warning that 'value' is not used, naming --weight" "$(cat "$T/err")"
run "$CLOUT" build "$D/lesmis-newman.gml" --unweighted --to csv
[ "$rc" -eq 0 ] && [ ! -s "$T/err" ]
tap $? "--unweighted: no warning" "$(cat "$T/err")"
run "$CLOUT" build "$D/lesmis-newman.gml" --weight nosuch --to csv
[ "$rc" -eq 2 ] && grep -q -- "--weight nosuch" "$T/err" && grep -q "'value'" "$T/err"
tap $? "--weight of an attribute the file lacks: exit 2 naming the numeric ones" "$(cat "$T/err")"
"$CLOUT" build "$D/lesmis-newman.gml" --weight value -q --to csv -o "$T/lm.csv"
"$CLOUT" measure "$D/lesmis-newman.gml" --weight value -q --format csv -o "$T/lm-m.csv"
ref "Newman's lesmis.gml --weight value: edges, weights and measures are NetworkX's" \
    newman_gml "$D/lesmis-newman.gml" "$T/lm.csv" "$T/lm-m.csv"
"$CLOUT" build "$D/lesmis-newman.gml" -q -o "$T/lm.graphml"
ref "GML -> GraphML keeps 'value' on every edge" gml_keeps_value "$D/lesmis-newman.gml" \
    "$T/lm.graphml"
"$CLOUT" build "$D/lesmis-newman.gml" -q -o "$T/lm.gml"
ref "GML -> GML keeps 'value' on every edge" gml_keeps_value "$D/lesmis-newman.gml" "$T/lm.gml"

"$CLOUT" build "$D/lesmis-gephi.gexf" -q --to csv -o "$T/lg.csv"
"$CLOUT" measure "$D/lesmis-gephi.gexf" -q --format csv -o "$T/lg-m.csv"
ref "Gephi's GEXF: nodes, edges, weights and measures are NetworkX's" \
    gephi_gexf "$D/lesmis-gephi.gexf" "$T/lg.csv" "$T/lg-m.csv"
"$CLOUT" build "$D/lesmis-gephi.gexf" -q -o "$T/lg.gexf"
valid "Gephi's GEXF written again by clout validates" "$T/lg.gexf"
grep -q 'title="Modularity Class" type="integer"' "$T/lg.gexf"
tap $? "GEXF -> GEXF keeps the integer attribute Modularity Class"

"$CLOUT" build "$D/yfiles.graphml" -q --to csv -o "$T/yf.csv"
"$CLOUT" build "$D/yfiles.graphml" -q --multi keep --to csv -o "$T/yf-keep.csv"
"$CLOUT" measure "$D/yfiles.graphml" -q --format csv -o "$T/yf-m.csv"
ref "yFiles GraphML: parallel edges summed (default) or kept; measures of the summed network" \
    graphml_yfiles "$D/yfiles.graphml" "$T/yf.csv" "$T/yf-keep.csv" "$T/yf-m.csv"
run "$CLOUT" build "$D/yfiles.graphml" --to csv
grep -q "parallel ones are merged" "$T/err" && grep -q -- "--multi keep" "$T/err"
tap $? "merging parallel edges is said, with --multi keep" "$(cat "$T/err")"
"$CLOUT" build "$D/yfiles.graphml" -q --multi keep -o "$T/yf.graphml"
ref "GraphML -> GraphML keeps every node attribute with its type (int, boolean, string)" \
    graphml_keeps "$D/yfiles.graphml" "$T/yf.graphml"
grep -q 'attr.name="zOrder" attr.type="int"' "$T/yf.graphml"
tap $? "GraphML -> GraphML declares zOrder int as the file did"
"$CLOUT" measure "$D/yfiles.graphml" -q --multi keep --measures betweenness,pagerank \
    --format csv -o "$T/yf-mk.csv"
"$CLOUT" build "$D/yfiles.graphml" -q --to edgelist -o "$T/yf-el.csv"
"$CLOUT" measure "$T/yf-el.csv" -q --directed --measures betweenness,pagerank --format csv \
    -o "$T/yf-ms.csv"
"$CLOUT" measure "$D/yfiles.graphml" -q --measures betweenness,pagerank --format csv \
    -o "$T/yf-md.csv"
cmp -s "$T/yf-ms.csv" "$T/yf-md.csv"
tap $? "--multi sum (default) gives the measures of the merged edge list, every measure alike"

"$CLOUT" build "$D/igraph-pajek1.net" -q --to csv -o "$T/pj.csv"
ref "Pajek with drawing attributes: labels, edges as NetworkX's read_pajek" \
    pajek "$D/igraph-pajek1.net" "$T/pj.csv"
"$CLOUT" build "$D/igraph-links.net" -q --multi keep --to csv -o "$T/links.csv"
ref "Pajek arcs with drawing attributes, loops and a negative weight: as NetworkX's" \
    pajek "$D/igraph-links.net" "$T/links.csv"

run "$CLOUT" build "$D/gephi-matrix.csv" --to csv
[ "$rc" -eq 3 ] && grep -q -- "--directed" "$T/err" && grep -q "not symmetric" "$T/err"
tap $? "an asymmetric matrix read undirected: exit 3 naming --directed" "exit $rc: $(cat "$T/err")"
"$CLOUT" build "$D/gephi-matrix.csv" --directed -q --to csv -o "$T/gm.csv"
ref "Gephi's matrix --directed: every cell that is not 0 is an edge (Python's csv)" \
    matrix "$D/gephi-matrix.csv" "$T/gm.csv" ","
printf '"";"Kazakhstan";"Russia";"China"\n"Kazakhstan";0;2.5;1\n"Russia";2.5;0;0\n"China";1;0;0\n' \
    >"$T/semi.csv"
run "$CLOUT" build "$T/semi.csv" --to csv
# an undirected edge is written with either end first
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/out" | sed 's/^China,Kazakhstan/Kazakhstan,China/; s/^Russia,Kazakhstan/Kazakhstan,Russia/' | sort)" = "$(printf 'Kazakhstan,China,1,,\nKazakhstan,Russia,2.5,,')" ]
tap $? "a ';' matrix (Gephi's export) read undirected: two edges, by hand" "$(cat "$T/out" "$T/err")"
"$CLOUT" build "$TINY@2022" -q --to matrix -o "$T/tiny-m.csv"
"$CLOUT" build "$TINY@2022" -q --to csv -o "$T/tiny.csv"
"$CLOUT" build "$T/tiny-m.csv" -q --directed --to csv -o "$T/tiny-back.csv"
[ "$(tail -n +2 "$T/tiny.csv" | cut -d, -f1-3 | sort)" = "$(tail -n +2 "$T/tiny-back.csv" | cut -d, -f1-3 | sort)" ]
tap $? "--to matrix reads back (--directed) as the same edges and weights"

# ---- whitespace-separated edge lists (.edgelist, .txt) ----
for dir in undirected directed; do
    flag=
    [ "$dir" = directed ] && flag=--directed
    "$CLOUT" build "$D/hartford-drug.edgelist" $flag -q --to csv -o "$T/hd-$dir.csv"
    "$CLOUT" measure "$D/hartford-drug.edgelist" $flag -q --format csv -o "$T/hd-$dir-m.csv"
    ref "NetworkX's hartford_drug.edgelist ($dir): edges, weights, degree, pagerank, betweenness as read_edgelist's" \
        text_edgelist "$D/hartford-drug.edgelist" "$dir" "$T/hd-$dir.csv" "$T/hd-$dir-m.csv"
done
"$CLOUT" build "$D/zachary-konect.txt" -q --to csv -o "$T/zk.csv"
"$CLOUT" measure "$D/zachary-konect.txt" -q --format csv -o "$T/zk-m.csv"
ref "KONECT's Zachary karate club (.txt): edges, degree, pagerank, betweenness as read_edgelist's" \
    text_edgelist "$D/zachary-konect.txt" undirected "$T/zk.csv" "$T/zk-m.csv"
# Zachary (1977), as every copy of the network has it: node 1 (the
# instructor) has degree 16 and unnormalised betweenness 231.0714 (NetworkX's
# karate_club_graph, node 0).
[ "$(awk -F, '$1 == "1" { print $5 }' "$T/zk-m.csv")" = 16 ] &&
    awk -F, '$1 == "1" { exit !($7 > 231.0714 && $7 < 231.0715) }' "$T/zk-m.csv"
tap $? "karate club: node 1 has degree 16 and betweenness 231.0714 (published)" "$(grep '^1,' "$T/zk-m.csv")"
if $have_py; then
    "$PY" "$REF" write_weighted "$D/lesmis-newman.gml" "$T/lm-nx.txt"
    "$CLOUT" build "$T/lm-nx.txt" -q --to csv -o "$T/lm-nx.csv"
    "$CLOUT" measure "$T/lm-nx.txt" -q --format csv -o "$T/lm-nx-m.csv"
fi
ref "lesmis written by NetworkX's write_weighted_edgelist: clout reads its weights and measures" \
    weighted_from_gml "$D/lesmis-newman.gml" "$T/lm-nx.csv" "$T/lm-nx-m.csv"
"$CLOUT" build "$D/lesmis-newman.gml" --weight value -q -o "$T/lm.edgelist"
ref "-o x.edgelist: NetworkX's read_weighted_edgelist reads clout's file as the GML" \
    clout_text_reads "$D/lesmis-newman.gml" "$T/lm.edgelist"
"$CLOUT" measure "$T/lm.edgelist" -q --measures degree,strength --format csv | sort >"$T/lm-back.csv"
"$CLOUT" measure "$D/lesmis-newman.gml" --weight value -q --measures degree,strength --format csv |
    sort >"$T/lm-direct.csv"
[ "$(wc -l <"$T/lm-back.csv")" -eq 78 ] && cmp -s "$T/lm-back.csv" "$T/lm-direct.csv"
tap $? "lesmis .edgelist read back by clout: every degree and strength as from the GML" \
    "$(diff "$T/lm-back.csv" "$T/lm-direct.csv" | head)"
run "$CLOUT" build "$TINY@2022" --to edgelist
head -n 1 "$T/out" | grep -qx 'source,target,weight'
tap $? "--to edgelist to standard output: CSV, as before" "$(head -n 2 "$T/out")"
run "$CLOUT" build "$TINY@2022" --to edgelist -o "$T/tiny.txt"
[ "$rc" -eq 0 ] && head -n 1 "$T/tiny.txt" | grep -qx '# source target weight'
tap $? "--to edgelist -o x.txt: text, as .txt is read" "exit $rc: $(head -n 2 "$T/tiny.txt")"
printf 'source,target\n"United States",Canada\n' >"$T/space.csv"
run "$CLOUT" build "$T/space.csv" -o "$T/space.edgelist"
[ "$rc" -eq 2 ] && [ ! -e "$T/space.edgelist" ] && grep -q "'United States' holds white space" "$T/err"
tap $? "an id with a space: exit 2 naming it, no file" "exit $rc: $(cat "$T/err")"
printf '%% asym positive\n%% 3 3 3\n1 2 0.5\n2 3 1\n3 1 two\n' >"$T/konect.txt"
run "$CLOUT" measure "$T/konect.txt" --directed
[ "$rc" -eq 3 ] && grep -q "konect.txt:5:5: weight 'two' is not a finite number" "$T/err" &&
    grep -q -- "--unweighted" "$T/err" && [ ! -s "$T/out" ]
tap $? "a weight that is not a number: exit 3 with file:line:column, naming --unweighted" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$T/konect.txt" --directed --unweighted --to csv
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/out" | sort)" = "$(printf '1,2,1,,\n2,3,1,,\n3,1,1,,')" ]
tap $? "--unweighted reads it, every edge 1 (by hand)" "exit $rc: $(cat "$T/out" "$T/err")"
printf '1 2 1 1136073600\n' >"$T/time.txt"
run "$CLOUT" build "$T/time.txt" --to csv
[ "$rc" -eq 3 ] && grep -q "time.txt:1:7: a fourth column ('1136073600')" "$T/err"
tap $? "a fourth column (KONECT's timestamps): exit 3 with file:line:column" "exit $rc: $(cat "$T/err")"
printf 'a b 1\nb c\n' >"$T/mixed.edgelist"
run "$CLOUT" build "$T/mixed.edgelist" --to csv
[ "$rc" -eq 3 ] && grep -q "mixed.edgelist:2:5: no weight, but line 1 has one" "$T/err"
tap $? "a line without the weight the others have: exit 3, not weight 1" "exit $rc: $(cat "$T/err")"
# `build --to csv` (source, target, weight, layer, relations) reads back as an edge list: the
# extra columns named as not read, the network the same (strength of every actor equal to the
# dataset's own, directed).
run "$CLOUT" build "$TINY@2022" --to csv -o "$T/back.csv"
run "$CLOUT" measure "$T/back.csv" --directed --measures strength --format csv
cut -d, -f1,5 "$T/out" | sort >"$T/back-s"
grep -q "columns 'layer', 'relations' not read" "$T/err"
w=$?
"$CLOUT" measure "$TINY@2022" --measures strength --format csv 2>/dev/null | cut -d, -f1,5 | sort >"$T/ds-s"
[ "$rc" -eq 0 ] && [ "$w" -eq 0 ] && [ "$(wc -l <"$T/ds-s")" -gt 5 ] && cmp -s "$T/back-s" "$T/ds-s"
tap $? "build --to csv reads back: layer and relations named as not read, every strength the dataset's" \
    "exit $rc: $(cat "$T/err"); $(diff "$T/back-s" "$T/ds-s" | head -5)"
printf 'source,target,weight,layer\na,b,1,x\nb,c,2\n' >"$T/short.csv"
run "$CLOUT" build "$T/short.csv" --to csv
[ "$rc" -eq 3 ] && grep -q "short.csv:3:1: row has 3 fields where the header (line 1) has 4" "$T/err"
tap $? "a row shorter than such a header: exit 3 with file:line:column" "exit $rc: $(cat "$T/err")"
printf 'source,target,weight\na,b,2\nb,c\n' >"$T/mixed.csv"
run "$CLOUT" build "$T/mixed.csv" --to csv
[ "$rc" -eq 3 ] && grep -q "mixed.csv:3:4: no weight, but line 1 has one" "$T/err"
tap $? "a CSV row without the weight its header names: exit 3 at the end of the target, not weight 1" \
    "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$T/mixed.csv" --unweighted --to csv
pairs=$(tail -n +2 "$T/out" | awk -F, '{ if ($1 > $2) { t = $1; $1 = $2; $2 = t } print $1 "," $2 "," $3 }' | sort)
[ "$rc" -eq 0 ] && [ "$pairs" = "$(printf 'a,b,1\nb,c,1')" ]
tap $? "... which --unweighted reads, every edge 1 (by hand)" "exit $rc: $(cat "$T/out" "$T/err")"
printf 'a b c\n' >"$T/ws.csv"
run "$CLOUT" build "$T/ws.csv" --to csv
[ "$rc" -eq 3 ] && grep -q "ws.csv:1:1: .*read from a file named .edgelist or .txt" "$T/err"
tap $? "a whitespace edge list named .csv: exit 3 saying where it is read" "exit $rc: $(cat "$T/err")"

# ---- weights, identities, what is refused ----
cat >"$T/noweight.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge source="a" target="b"><data key="w">2</data></edge>
    <edge source="b" target="c"/>
  </graph>
</graphml>
EOF
run "$CLOUT" measure "$T/noweight.graphml"
[ "$rc" -eq 3 ] && grep -Eq "edge 2 \((b -- c|c -- b)\)" "$T/err" && grep -q -- "--unweighted" "$T/err"
tap $? "an edge without a weight: exit 3 naming the edge and --unweighted" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$T/noweight.graphml" --unweighted --to csv
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/out" | cut -d, -f3 | sort -u)" = 1 ]
tap $? "--unweighted reads it, every edge 1" "exit $rc: $(cat "$T/out" "$T/err")"
cat >"$T/labels.gml" <<'EOF'
graph [
  node [ id 1 label "c" ]
  node [ id 2 label "c" ]
  node [ id 3 label "d" ]
  edge [ source 1 target 3 ]
  edge [ source 2 target 3 ]
]
EOF
run "$CLOUT" build "$T/labels.gml" --to csv
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/out" | sed 's/^3,\([12]\),/\1,3,/' | sort)" = "$(printf '1,3,1,,\n2,3,1,,')" ] &&
    grep -q "GML ids" "$T/err"
tap $? "GML whose labels repeat: nodes known by id, labels kept as names" "exit $rc: $(cat "$T/out" "$T/err")"
cat >"$T/hyper.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/>
    <hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>
  </graph>
</graphml>
EOF
run "$CLOUT" build "$T/hyper.graphml" --to csv
[ "$rc" -eq 3 ] && grep -q "hyper.graphml:5:5: a hyperedge" "$T/err"
tap $? "a GraphML hyperedge: exit 3 with its line and column, not dropped" "exit $rc: $(cat "$T/err")"
cat >"$T/group.graphml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="directed">
    <node id="g0">
      <graph id="g0:" edgedefault="directed">
        <node id="g0::n0"/><node id="g0::n1"/>
      </graph>
    </node>
    <node id="n2"/>
    <edge source="g0::n0" target="n2"/>
  </graph>
</graphml>
EOF
run "$CLOUT" build "$T/group.graphml" --to csv
[ "$rc" -eq 3 ] && grep -q "group.graphml:5:7: a nested graph" "$T/err"
tap $? "a yEd group node (nested graph): exit 3 with its line and column, not dropped" "exit $rc: $(cat "$T/err")"
cat >"$T/hier.gexf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="a" label="A"><nodes><node id="b" label="B"/></nodes></node>
    </nodes>
    <edges/>
  </graph>
</gexf>
EOF
run "$CLOUT" build "$T/hier.gexf" --to csv
[ "$rc" -eq 3 ] && grep -q "hier.gexf:5:30: node 'a' holds a nested graph" "$T/err"
tap $? "a GEXF hierarchy: exit 3 with its line and the column of <nodes> (by hand)" "exit $rc: $(cat "$T/err")"

done_testing
exit $((_failed > 0))
