#!/bin/sh
# make-corpus.sh: builds the seed corpus of every fuzz target from tests/data and graphs/.
#
#   sh tests/fuzz/make-corpus.sh SRCDIR OUTDIR
#
# writes OUTDIR/NAME/ for each target (csv dataset edgelist text graphml gml
# gexf matrix sipri cow args), emptied first.  With CLOUT set to a built clout
# program, it also converts the example datasets and GraphML files into GML,
# GraphML, GEXF, matrices and edge lists (the repository holds no GML file).  Seeds are build products: they are
# not committed.
set -eu

src=${1:?usage: make-corpus.sh SRCDIR OUTDIR}
out=${2:?usage: make-corpus.sh SRCDIR OUTDIR}
data=$src/tests/data
clout=${CLOUT:-}
if [ -n "$clout" ] && ! [ -x "$clout" ]; then
    clout=
fi

for t in csv dataset edgelist text graphml gml gexf matrix sipri cow args; do
    rm -rf "$out/$t"
    mkdir -p "$out/$t"
done

# A seed's name: its path with slashes turned into dashes.
name() {
    printf '%s' "$1" | sed "s|^$src/||; s|/|-|g"
}

# ---- csv: every CSV file of the tests and examples, and the code tables ----
for f in "$data"/*/*.csv "$data"/bad/*/*.csv "$src"/graphs/examples/*/*.csv \
    "$src"/src/import/codes/*.csv "$src"/graphs/central-asia/actors.csv \
    "$src"/graphs/central-asia/relations.csv; do
    [ -f "$f" ] && cp "$f" "$out/csv/$(name "$f")"
done
head -n 60 "$src/graphs/central-asia/ties.csv" > "$out/csv/central-asia-ties-head.csv"
# Shapes of CSV the files above lack.
printf 'a,"b\r\nc","d""e"\r\n"",,\r\n' > "$out/csv/quoted-crlf.csv"
printf '\357\273\277id,name\n# comment\n\nx,"y"\n' > "$out/csv/bom-comment.csv"
printf 'a,b\rc,d\r' > "$out/csv/cr-only.csv"
printf 'caf\303\251,\344\270\255,\360\237\230\200\n' > "$out/csv/utf8.csv"
printf 'a,b\n"unterminated\n' > "$out/csv/unterminated.csv"
# Byte 0 >= 0x80: fuzz-csv reads the rest across its 64 KiB buffer boundary.
for k in 0 1 2 3 127; do
    b=$(printf '\\%03o' $((128 + k)))
    { printf "$b"; printf 'a,"b\r\nc",\303\251\r\n"x""y",z\r\n'; } > "$out/csv/boundary-$k.csv"
done

# ---- dataset: actors.csv NUL relations.csv NUL ties.csv ----
dataset_seed() { # DIR SEED [TIES-LINES]
    {
        if [ -f "$1/actors.csv" ]; then
            cat "$1/actors.csv"
            if [ -f "$1/relations.csv" ]; then
                printf '\000'
                cat "$1/relations.csv"
                if [ -f "$1/ties.csv" ]; then
                    printf '\000'
                    if [ -n "${3:-}" ]; then head -n "$3" "$1/ties.csv"; else cat "$1/ties.csv"; fi
                fi
            fi
        fi
    } > "$2"
}
for d in "$data"/bad/[0-9][0-9]-*/ "$src"/graphs/examples/*/; do
    d=${d%/}
    [ -f "$d/actors.csv" ] && dataset_seed "$d" "$out/dataset/$(name "$d")"
done
# The real dataset is large; its first ties are enough to show its shape.
dataset_seed "$src/graphs/central-asia" "$out/dataset/central-asia-head" 40

# ---- edgelist ----
for f in "$data"/bad/*-edgelist-*/edges.csv "$data"/communities/*.csv "$data"/measures/*.csv; do
    [ -f "$f" ] && cp "$f" "$out/edgelist/$(name "$f")"
done
printf 'source,target\nA,B\nB,C\n' > "$out/edgelist/no-weight.csv"
printf 'A,B,1\nB,"C, D",2.5e-3\n"\303\251",A,-1\n' > "$out/edgelist/no-header.csv"

# ---- text: whitespace-separated edge lists (.edgelist, .txt) ----
for f in "$data"/netio/*.edgelist "$data"/netio/*.txt "$data"/bad/*-text-*/edges.*; do
    [ -f "$f" ] && cp "$f" "$out/text/$(name "$f")"
done
# KONECT's header lines and weights, SNAP's comments and tabs, CRLF and a BOM.
printf '%% asym positive\n%% 3 3 3\n1 2 0.5\n2\t3 1e-3\n3 1 -2\n' > "$out/text/konect-weighted.txt"
printf '# Directed graph: x.txt\n# FromNodeId\tToNodeId\n0\t1\n1\t2\n2\t0\n' > "$out/text/snap.txt"
printf '\357\273\277source target weight\r\na b 1\r\n\r\nb c 2.5' > "$out/text/bom-crlf.edgelist"
printf 'caf\303\251 \344\270\255 3\n\344\270\255 caf\303\251 1\n' > "$out/text/utf8.edgelist"

# ---- gexf ----
for f in "$data"/netio/*.gexf "$data"/bad/*-gexf-*/net.gexf; do
    [ -f "$f" ] && cp "$f" "$out/gexf/$(name "$f")"
done
cat > "$out/gexf/attributes.gexf" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="double">
    <attributes class="node">
      <attribute id="0" title="kind" type="string"><default>state</default></attribute>
      <attribute id="1" title="pop" type="integer"/>
      <attribute id="2" title="pole" type="boolean"/>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="weight" title="weight" type="double"/>
      <attribute id="3" title="layer" type="string"/>
    </attributes>
    <nodes>
      <node id="R&amp;D" label="Caf&#233;"><attvalues><attvalue for="1" value="7"/><attvalue for="2" value="true"/></attvalues></node>
      <node id="b"><attvalues><attvalue id="0" value="bloc"/></attvalues></node>
      <node id="c" label=""/>
    </nodes>
    <edges>
      <edge source="R&amp;D" target="b" weight="2.5" start="2005" end="2009">
        <attvalues><attvalue for="weight" value="0.5" start="2005" end="2007"/><attvalue for="weight" value="1.5" start="2008" end="2009"/><attvalue for="3" value="security"/></attvalues>
        <spells><spell start="2005" end="2007"/><spell start="2008" end=""/></spells>
      </edge>
      <edge source="b" target="c" type="mutual"/>
      <edge source="c" target="c" weight="-1e-3"/>
    </edges>
  </graph>
</gexf>
XML
cat > "$out/gexf/undirected.gexf" <<'XML'
<?xml version="1.0"?>
<gexf version="1.1"><graph defaultedgetype="undirected"><nodes><node id="1"/><node id="2"/>
<node id="3" pid="1"/></nodes><edges><edge source="1" target="2" type="directed"/></edges></graph></gexf>
XML

# ---- matrix: adjacency-matrix CSV ----
for f in "$data"/netio/gephi-matrix.csv "$data"/bad/*-matrix-*/matrix.csv; do
    [ -f "$f" ] && cp "$f" "$out/matrix/$(name "$f")"
done
printf '"";"Kazakhstan";"Russia";"China"\n"Kazakhstan";0;2.5;1\n"Russia";2.5;0;0\n"China";1;0;0\n' > "$out/matrix/gephi-semicolon.csv"
printf '# a comment\n\n,a,"b ""x""",c\r\na,1,0,-2\r\n"b ""x""",0,0,0\r\nc,-2,0,1e3\r\n' > "$out/matrix/quoted-crlf.csv"

# ---- graphml ----
for f in "$data"/measures/*.graphml "$data"/communities/*.graphml; do
    [ -f "$f" ] && cp "$f" "$out/graphml/$(name "$f")"
done
cat > "$out/graphml/typed-keys.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"><default>none</default></key>
  <key id="d1" for="node" attr.name="kind" attr.type="string"/>
  <key id="d2" for="node" attr.name="role" attr.type="int"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="float"/>
  <key id="d4" for="edge" attr.name="layer" attr.type="string"/>
  <key id="d5" for="graph" attr.name="title" attr.type="string"/>
  <key id="d6" for="node" attr.name="flag" attr.type="boolean"><default>true</default></key>
  <key id="d7" for="all" attr.name="note" attr.type="long"/>
  <graph id="G" edgedefault="directed">
    <data key="d5">a &amp; b</data>
    <node id="R&amp;D"><data key="d0">Research &#38; D&#233;v</data><data key="d2">7</data></node>
    <node id="caf&#233;"><data key="d1">state</data><data key="d6">false</data></node>
    <node id="n3"/>
    <edge source="R&amp;D" target="caf&#233;"><data key="d3">2.5</data><data key="d4">security</data></edge>
    <edge source="n3" target="n3" directed="false"><data key="d3">1e3</data></edge>
  </graph>
</graphml>
XML
cat > "$out/graphml/missing-weight.graphml" <<'XML'
<?xml version="1.0"?>
<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="w">NaN</data></edge><edge source="b" target="c"/>
</graph></graphml>
XML
cat > "$out/graphml/string-weight.graphml" <<'XML'
<?xml version="1.0"?>
<graphml><key id="w" for="edge" attr.name="weight" attr.type="string"/>
<key id="i" for="node" attr.name="id" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"><data key="i">1.5</data></node><node id="b"/>
<edge source="a" target="b"><data key="w">heavy</data></edge></graph></graphml>
XML

# ---- gml ----
cat > "$out/gml/labels.gml" <<'GML'
Creator "hand"
graph
[
  directed 1
  comment "a # in a string"
  node [ id 0 label "Caf&#233; &amp; &#x4E2D;" kind "state" role "pole" ]
  node [ id 7 label "B" name 3.5 ]
  node [ id -2 ]
  edge [ source 0 target 7 weight 2.5 layer "security" relations "a;b" ]
  edge [ source 7 target -2 weight -1e-3 ]
  edge [ source -2 target -2 ]
]
GML
cat > "$out/gml/numeric-ids.gml" <<'GML'
graph [ node [ id 1 ] node [ id 2 graphics [ x 1.0 y 2.0 ] ] edge [ source 1 target 2 weight NaN ] ]
GML
cat > "$out/gml/nested.gml" <<'GML'
# a comment line
graph [ directed 0 label "g" node [ id 1 label "one" extra [ a 1 b [ c "d" ] ] ]
  node [ id 2 label "two" ] edge [ source 1 target 2 weight 1 label 5 ] ]
GML

# ---- conversions by clout itself: GML, GraphML and edge lists of real data ----
if [ -n "$clout" ]; then
    for d in "$src"/graphs/examples/*/; do
        d=${d%/}
        n=$(name "$d")
        "$clout" build "$d" --to gml -o "$out/gml/$n.gml" -q || true
        "$clout" build "$d" --to graphml -o "$out/graphml/$n.graphml" -q || true
        "$clout" build "$d" --to edgelist -o "$out/edgelist/$n.csv" -q || true
        "$clout" build "$d" --layers security --to gml -o "$out/gml/$n-security.gml" -q || true
        "$clout" build "$d" --to edgelist -o "$out/text/$n.edgelist" -q || true
        "$clout" build "$d" --to gexf -o "$out/gexf/$n.gexf" -q || true
        "$clout" build "$d" --to gexf --dynamic -o "$out/gexf/$n-dynamic.gexf" -q || true
        "$clout" build "$d" --to matrix -o "$out/matrix/$n.csv" -q || true
    done
    for f in "$data"/measures/*.graphml "$data"/communities/*.graphml; do
        [ -f "$f" ] || continue
        n=$(name "$f")
        "$clout" build "$f" --to gml -o "$out/gml/${n%.graphml}.gml" -q || true
        "$clout" build "$f" --to edgelist -o "$out/edgelist/${n%.graphml}.csv" -q || true
    done
fi

# ---- sipri: the excerpt, and the same as gzip, with CRLF, without a preamble ----
s=$data/import/sipri-excerpt.csv
cp "$s" "$out/sipri/sipri-excerpt.csv"
gzip -9 -n -c "$s" > "$out/sipri/sipri-excerpt.csv.gz"
sed 's/$/\r/' "$s" > "$out/sipri/sipri-excerpt-crlf.csv"
sed -n '/^SIPRI AT Database ID,/,$p' "$s" > "$out/sipri/sipri-no-preamble.csv"

# ---- cow: byte 0 picks source and options (see fuzz-cow.c), then the file ----
cow_seed() { # BYTE FILE SEED
    { printf "$(printf '\\%03o' "$1")"; cat "$2"; } > "$3"
}
i=$data/import
cow_seed 0 "$i/cow-trade-excerpt.csv" "$out/cow/trade"
cow_seed 4 "$i/cow-trade-excerpt.csv" "$out/cow/trade-from-to"
cow_seed 1 "$i/cow-igo-excerpt.csv" "$out/cow/igo"
cow_seed 25 "$i/cow-igo-excerpt.csv" "$out/cow/igo-actors-igos"
cow_seed 2 "$i/atop-excerpt.csv" "$out/cow/atop"
cow_seed 14 "$i/atop-excerpt.csv" "$out/cow/atop-filters"
cow_seed 3 "$i/cow-alliance-excerpt.csv" "$out/cow/alliance"
{ printf '\001'; gzip -9 -n -c "$i/cow-igo-excerpt.csv"; } > "$out/cow/igo-gz"
{ printf '\000'; gzip -9 -n -c "$i/cow-trade-excerpt.csv"; } > "$out/cow/trade-gz"

# ---- args: INPUT, LAYERS, RELATIONS, WINDOW lines (see fuzz-args.c) ----
a=$out/args
printf 'ds@2020' > "$a/ds-year"
printf 'ds' > "$a/ds"
printf 'ds@2022\nsecurity,economic\n\n3' > "$a/ds-layers-window"
printf 'ds@2021\n\ntrade,member\n1' > "$a/ds-relations"
printf 'ds@1999-01-01' > "$a/ds-date"
printf 'ds@20x1' > "$a/ds-bad-year"
printf 'ds@2020\nnosuchlayer' > "$a/ds-unknown-layer"
printf 'net.csv' > "$a/net-csv"
printf 'net.csv@2020' > "$a/net-csv-year"
printf 'net.graphml' > "$a/net-graphml"
printf 'net.gml' > "$a/net-gml"
printf 'file.txt' > "$a/file-txt"
printf 'missing@2020' > "$a/missing-year"
printf '180mm' > "$a/length-mm"
printf '7.5in' > "$a/length-in"
printf '1e3pt' > "$a/length-pt"
printf -- '-0.5e-3' > "$a/number"
printf ' RUS , CHN ,,KAZ ' > "$a/list"
printf '#1a2b3c80' > "$a/color"
printf '2016-02-29' > "$a/leap-day"
printf 'leiden-cpm' > "$a/method"
