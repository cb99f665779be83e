#!/usr/bin/env bash
# TAP: clout report on the bundled dataset: every file the page names exists, the page is
# valid HTML with one image per listed figure, the same command gives the same bytes (but
# provenance.json's timestamp), and headless Chromium renders it (a screenshot that is not
# blank) with every figure decoded.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
CA=$SRC/graphs/central-asia

run "$CLOUT" report "$CA" -o "$T/r1" --bootstrap 50 -q
expect_rc 0 "clout report graphs/central-asia"
[ -f "$T/r1/index.html" ] && [ -f "$T/r1/provenance.json" ] && [ -d "$T/r1/figures" ] && [ -d "$T/r1/tables" ]
tap $? "index.html, provenance.json, figures/ and tables/ exist"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --html --noout "$T/r1/index.html" 2>"$T/xl"
    [ $? -eq 0 ] && [ ! -s "$T/xl" ]
    tap $? "index.html passes xmllint --html --noout without errors" "$(head -5 "$T/xl")"
else
    skip "index.html passes xmllint --html" "no xmllint"
fi
"$PY" - "$T/r1" >"$T/chk" <<'PYEOF'
import os, re, sys, json
d = sys.argv[1]
h = open(os.path.join(d, "index.html"), encoding="utf-8").read()
listed = re.findall(r'<li>([^:<]+): <a href="figures/', h)
images = len(re.findall(r"<img ", h)) + len(re.findall(r"<svg", h))
links = re.findall(r'href="((?:figures|tables)/[^"]+)"', h)
missing = [l for l in links if not os.path.exists(os.path.join(d, l))]
for f in listed:
    for e in ("pdf", "svg", "png"):
        if not os.path.exists(os.path.join(d, "figures", f + "." + e)):
            missing.append(f + "." + e)
prov = json.load(open(os.path.join(d, "provenance.json")))
ok = images == len(listed) and len(listed) >= 5 and not missing and prov["figures"] == len(listed)
ok &= "http://" not in h.replace("http://www.w3.org", "") and "https://" not in h.split("<h2 id=\"coverage\">")[0]
print(images, len(listed), missing[:5], prov["figures"])
sys.exit(0 if ok else 1)
PYEOF
tap $? "one image per listed figure, every linked file exists, nothing fetched" "$(cat "$T/chk")"
"$PY" -c 'import json,sys
p = json.load(open(sys.argv[1]))
need = ["clout_version", "command", "seed", "dataset_sha256", "time_span", "generated"]
sys.exit(0 if all(k in p for k in need) and len(p["dataset_sha256"]) == 64 else 1)' "$T/r1/provenance.json"
tap $? "provenance.json has the version, command line, seed, dataset SHA-256 and time span"
want=$(cat "$CA/actors.csv" "$CA/relations.csv" "$CA/ties.csv" | sha256sum | cut -d' ' -f1)
grep -q "\"dataset_sha256\": \"$want\"" "$T/r1/provenance.json"
tap $? "the dataset SHA-256 is that of its three files" "want $want"
for y in 2005 2014 2020; do
    grep -q "<h2 id=\"y$y\">" "$T/r1/index.html"
    tap $? "the page has a section for $y (metadata.csv's snapshots)"
done
# Above its first table the page says what each snapshot covers and leaves out.
"$PY" - "$T/r1/index.html" >"$T/chk" <<'PYEOF'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
i, j = h.find('class="coverage-statement"'), h.find("<table")
items = re.findall(r"<li><strong>(\d{4})</strong>: covered: ([^;<]*)(?:; in part: [^;<]*)?; <em>no data</em>: ([^<]*)</li>", h[i:j])
ok = 0 <= i < j and [y for y, _, _ in items] == ["2005", "2014", "2020"]
nd = dict((y, n) for y, _, n in items)
ok = ok and "alliance" in nd["2020"] and "alliance" not in nd["2014"]  # ATOP ends in 2018
ok = ok and "summit" in nd["2005"]  # the record of summits starts in 2015
ok = ok and "Left out of the comparisons across snapshots" in h[i:j]
print(items[:1], i, j)
sys.exit(0 if ok else 1)
PYEOF
tap $? "above the first table: each snapshot's covered and no-data relations (alliances: none in 2020)" "$(cat "$T/chk")"
# ---- Findings (issue 16): above the tables, each sentence read off its table row ----
"$PY" - "$T/r1" >"$T/chk" 2>&1 <<'PYEOF'
import csv, html, os, re, sys
d = sys.argv[1]
h = open(os.path.join(d, "index.html"), encoding="utf-8").read()
i, t = h.find('<h2 id="findings">'), h.find("<table")
ok = 0 <= i < t
items = re.findall(r'<li class="finding" data-focus="([A-Z]+)">(.*?)</li>', h[i:t], re.S)
ok = ok and len(items) == 5
def fmt(v):
    v = float(v)
    dec = 3 if abs(v) < 0.005 and v != 0 else 2
    return ("\u2212" if v < 0 else "+") + "%.*f" % (dec, abs(v))
bad = []
for key, table, col in (("now", "robustness-2020", "balance"),
                        ("change", "robustness-change-2005-2020", "delta")):
    rows = {r["focus"]: r for r in csv.DictReader(open(os.path.join(d, "tables", table + ".csv")))
            if r["layer"] == "all"}
    for f, text in items:
        text = html.unescape(re.sub("<[^>]+>", "", text))
        r = rows[f]
        lead = ("its balance is " if key == "now" else "its balance moved ") + fmt(r[col])
        want = "(95%% bootstrap interval %s to %s; %s to %s over %s robustness variants" % (
            fmt(r["boot_lo"]), fmt(r["boot_hi"]), fmt(r["min"]), fmt(r["max"]), r["variants"])
        if lead not in text or want not in text or (r["finding"] + ".") not in text or \
                'tables/%s.csv' % table not in h[i:t]:
            bad.append((f, key, want, r["finding"]))
print(len(items), "findings;", bad[:3])
sys.exit(0 if ok and not bad else 1)
PYEOF
tap $? "Findings above the first table; every number and finding of its sentences is its table row's" "$(cat "$T/chk")"
# No interval of the report leaves out its estimate without saying so, and every
# bootstrap table says how many replicates it used and dropped.
"$PY" - "$T/r1/tables" >"$T/chk" 2>&1 <<'PYEOF'
import csv, glob, os, sys
bad, n = [], 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    rows = list(csv.DictReader(open(path)))
    if not rows:
        continue
    for est, lo, hi in (("balance", "balance_lo", "balance_hi"), ("index", "index_lo", "index_hi"),
                        ("delta", "delta_lo", "delta_hi")):
        if lo not in rows[0]:
            continue
        if "replicates" not in rows[0] or "interval_flag" not in rows[0]:
            bad.append((os.path.basename(path), "no replicates or interval_flag column"))
            break
        for r in rows:
            if r[lo] == "" or r[est] == "":
                continue
            n += 1
            e, l, u = float(r[est]), float(r[lo]), float(r[hi])
            if not (l - 1e-9 <= e <= u + 1e-9) and "excludes_estimate" not in r["interval_flag"]:
                bad.append((os.path.basename(path), r))
            if int(r["replicates"]) + int(r["dropped"]) != 50:
                bad.append((os.path.basename(path), "replicates", r))
print(n, "intervals;", bad[:3])
sys.exit(0 if n > 0 and not bad else 1)
PYEOF
tap $? "every interval of the report: replicates + dropped = 50, and one that leaves out its estimate is flagged" "$(cat "$T/chk")"
! grep -q '&lt;!--' "$T/r1/index.html"
tap $? "HTML comments of the Markdown sources stay hidden" "$(grep -m3 '&lt;!--' "$T/r1/index.html")"
grep -q '<h2 id="methods">' "$T/r1/index.html" && grep -q 'Dependence in a layer' "$T/r1/index.html"
tap $? "the page has the methods section from doc/methods.md"

# The same command twice (same output folder, so the same command line).
mv "$T/r1" "$T/r1-first"
run "$CLOUT" report "$CA" -o "$T/r1" --bootstrap 50 -q
diff -r -x provenance.json "$T/r1-first" "$T/r1" >"$T/diff"
tap $? "the same command gives the same bytes, but provenance.json" "$(head -5 "$T/diff")"
diff "$T/r1-first/provenance.json" "$T/r1/provenance.json" | grep '^[<>]' | grep -v '"generated"' >"$T/diff"
[ ! -s "$T/diff" ]
tap $? "provenance.json differs only in its timestamp" "$(cat "$T/diff")"
SOURCE_DATE_EPOCH=1700000000 run "$CLOUT" report "$CA" -o "$T/r2" --bootstrap 50 -q
mv "$T/r2" "$T/r2-first"
SOURCE_DATE_EPOCH=1700000000 run "$CLOUT" report "$CA" -o "$T/r2" --bootstrap 50 -q
diff -r "$T/r2-first" "$T/r2" >"$T/diff"
tap $? "with SOURCE_DATE_EPOCH every byte repeats, provenance.json too" "$(head -5 "$T/diff")"
grep -q '"generated": "2023-11-14T22:13:20Z"' "$T/r2/provenance.json"
tap $? "provenance.json's timestamp honours SOURCE_DATE_EPOCH"

# A real browser: headless Chromium (./quickstart check installs Debian's chromium).
# chrome_run OUTFILE ARGS...: Chromium with the flags a closed network needs.
chrome_run() {
    local out=$1
    shift
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/chrome" "$@" >"$out" 2>"$out.err"
}
# figures_decoded DIR: prints "IMAGES BROKEN" as the browser sees index.html in DIR: a copy
# of the page with a script that counts, once everything has loaded, the <img> elements
# that did not decode (naturalWidth 0).
figures_decoded() {
    sed 's#</body>#<script>addEventListener("load",function(){var b=0,n=document.images.length;for(var i=0;i<n;i++){var m=document.images[i];if(!m.complete||m.naturalWidth===0)b++;}document.body.setAttribute("data-images",n);document.body.setAttribute("data-broken",b);});</script></body>#' \
        "$1/index.html" >"$1/check.html"
    chrome_run "$T/dom" --virtual-time-budget=10000 --dump-dom "file://$1/check.html"
    sed -n 's/.*<body data-images="\([0-9]*\)" data-broken="\([0-9]*\)".*/\1 \2/p' "$T/dom"
}
if command -v chromium >/dev/null 2>&1; then
    chrome_run "$T/shot.out" --screenshot="$T/shot.png" --window-size=1200,2000 \
        "file://$T/r1/index.html"
    # Not blank: a stdlib PNG decoder counts the pixels that are not background.
    "$PY" - "$T/shot.png" >"$T/chk" <<'PYEOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, ink, colours = bytearray(stride), 0, set()
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 4):
        px = bytes(line[x:x + 3])
        colours.add(px)
        ink += min(px) < 200
    prev = line
share = ink / (h * w / 4)
print("%dx%d, %.1f%% ink, %d colours" % (w, h, 100 * share, len(colours)))
sys.exit(0 if share > 0.02 and len(colours) > 16 else 1)
PYEOF
    tap $? "headless Chromium renders the page, and the screenshot is not blank" "$(cat "$T/chk")" \
        "$(tail -3 "$T/shot.out.err")"
    set -- $(figures_decoded "$T/r1")
    n_listed=$(grep -c '<div class="figure"' "$T/r1/index.html")
    [ "${1:-0}" -ge 5 ] && [ "${1:-0}" -eq "$n_listed" ] && [ "${2:-1}" -eq 0 ]
    tap $? "every figure of the page decodes in Chromium" "images ${1:-?}, broken ${2:-?}, figures $n_listed"
    # The check can fail: without one figure's file, the browser shows a broken image.
    cp -r "$T/r1" "$T/r1-gone"
    rm "$T/r1-gone/figures/$(ls "$T/r1-gone/figures" | grep '\.svg$' | head -1)"
    set -- $(figures_decoded "$T/r1-gone")
    [ "${2:-0}" -eq 1 ]
    tap $? "with a figure removed from figures/, the browser check finds it broken" "images ${1:-?}, broken ${2:-?}"
else
    for what in "renders the page" "decodes every figure" "finds a removed figure"; do
        tap 1 "headless Chromium $what" "chromium is not installed (./quickstart check installs it)"
    done
fi

run "$CLOUT" report "$SRC/graphs/examples/tiny" -o "$T/tiny" --at 2020,2022 --bootstrap 20 -q
expect_rc 0 "a report of another dataset, with --at"
run "$CLOUT" report "$SRC/no-such-dataset" -o "$T/none" -q
expect_rc 3 "a report of a missing dataset"

done_testing
