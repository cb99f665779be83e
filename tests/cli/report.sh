#!/usr/bin/env bash
# TAP: clout report on the bundled dataset: every file the page names exists, the page is
# valid HTML with one image per listed figure, the same command gives the same bytes (but
# provenance.json's timestamp), and headless Chromium renders it without console errors
# (skipped when Chromium is absent).
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
for y in 2005 2014 2023; do
    grep -q "<h2 id=\"y$y\">" "$T/r1/index.html"
    tap $? "the page has a section for $y (metadata.csv's snapshots)"
done
grep -q '<h2 id="methods">' "$T/r1/index.html" && grep -q 'Personalised PageRank\|personalised PageRank' "$T/r1/index.html"
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

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
    rc=0
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$T/chrome" \
        --enable-logging=stderr --v=0 --screenshot="$T/shot.png" --window-size=1200,2000 \
        "file://$T/r1/index.html" >"$T/chrome.out" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] && [ -s "$T/shot.png" ] && ! grep -q 'CONSOLE(' "$T/chrome.out"
    tap $? "headless Chromium renders the page without console errors" "$(grep CONSOLE "$T/chrome.out" | head -5)"
else
    skip "headless Chromium renders the page" "no chromium"
fi

run "$CLOUT" report "$SRC/graphs/examples/tiny" -o "$T/tiny" --at 2020,2022 --bootstrap 20 -q
expect_rc 0 "a report of another dataset, with --at"
run "$CLOUT" report "$SRC/no-such-dataset" -o "$T/none" -q
expect_rc 3 "a report of a missing dataset"

done_testing
