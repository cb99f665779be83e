#!/usr/bin/env bash
# TAP: the documentation stands on its own.  No Markdown file or man page refers to a file
# outside the repository (the project's planning notes, a shared data folder) or to a path
# of a particular machine, and every relative link of a Markdown file leads to a file of the
# repository.  (Figures: tests/cli/longpath.sh.)
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}

"$PY" - "$SRC" >"$T/docs" <<'PYEOF'
import os, re, sys
root = sys.argv[1]
skip = {".git", "autom4te.cache", "out", ".libs", ".deps", "work", "build"}
docs = []
for d, subs, files in os.walk(root):
    subs[:] = [s for s in subs if s not in skip and not s.startswith("_build") and not s.startswith("clout-")]
    docs += [os.path.join(d, f) for f in files if f.endswith((".md", ".1"))]
outside = re.compile(r"(?<![\w./-])(/tmp/|/work/|/home/|/root/|/Users/|\.\./shared\b)|\b(DESIGN|STYLE)\.md\b")
link = re.compile(r"\]\(([^)\s]+)\)")
problems = []
for p in sorted(docs):
    rel = os.path.relpath(p, root)
    text = open(p, encoding="utf-8").read()
    fence = False
    for no, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            fence = not fence
        m = outside.search(line)
        if m:
            problems.append("%s:%d: refers outside the repository: %s" % (rel, no, m.group(0)))
        if p.endswith(".md") and not fence:
            for target in link.findall(line):
                if re.match(r"^[a-z]+:|^#", target):
                    continue
                path = os.path.normpath(os.path.join(os.path.dirname(p), target.split("#")[0]))
                if not os.path.exists(path) or not path.startswith(os.path.normpath(root)):
                    problems.append("%s:%d: link to a missing file: %s" % (rel, no, target))
print("# %d Markdown files and man pages read" % len(docs))
for x in problems:
    print(x)
sys.exit(1 if problems or len(docs) < 15 else 0)
PYEOF
tap $? "no Markdown file or man page refers outside the repository; every relative link resolves" \
    "$(cat "$T/docs")"

# The worked example of doc/data-format.md section 10: its three files, built into the
# 2014 snapshot and with --window 1, give the edge weights that the page works out by hand.
"$PY" - "$SRC/doc/data-format.md" "$T/example" >"$T/ex-parse" <<'PYEOF'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
sec = text[text.index("## 10. A worked example"):text.index("## 11.")]
os.makedirs(sys.argv[2], exist_ok=True)
for name in ("actors.csv", "relations.csv", "ties.csv"):
    m = re.search(r"`%s`\s*\n\s*```\n(.*?)```" % re.escape(name), sec, re.S)
    body = "".join(l + "\n" for l in m.group(1).splitlines() if not l.startswith("#"))
    open(os.path.join(sys.argv[2], name), "w").write(body)
# the table of edges: the last number of the weight cell is the result
for row in re.findall(r"^\| ([A-Z]+) \| ([A-Z]+) \| ([^|]+) \|", sec, re.M):
    print(row[0], row[1], re.findall(r"[0-9.]+", row[2])[-1])
w1 = re.search(r"CHN → KAZ becomes\s+120 / 200 = ([0-9]+(?:\.[0-9]+)?) and RUS → KAZ becomes 1 \+ 80 / 200 = ([0-9]+(?:\.[0-9]+)?)", sec)
print("w1", w1.group(1), w1.group(2))
PYEOF
tap $? "doc/data-format.md section 10: the example's files and table are read" "$(cat "$T/ex-parse")"
"$CLOUT" build "$T/example" -o "$T/ex.csv" 2>/dev/null &&
    "$CLOUT" build "$T/example" --window 1 -o "$T/ex1.csv" 2>/dev/null
tap $? "the example builds"
"$PY" - "$T/ex-parse" "$T/ex.csv" "$T/ex1.csv" >"$T/ex-cmp" <<'PYEOF'
import csv, sys
want, w1 = {}, None
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "w1":
        w1 = (float(f[1]), float(f[2]))
    else:
        want[(f[0], f[1])] = float(f[2])
got = {(r["source"], r["target"]): float(r["weight"]) for r in csv.DictReader(open(sys.argv[2]))}
got1 = {(r["source"], r["target"]): float(r["weight"]) for r in csv.DictReader(open(sys.argv[3]))}
bad = [k for k in want if abs(want[k] - got.get(k, -1)) > 5e-4] + sorted(set(got) - set(want))
if abs(got1[("CHN", "KAZ")] - w1[0]) > 5e-4 or abs(got1[("RUS", "KAZ")] - w1[1]) > 5e-4:
    bad.append("--window 1")
print("# %d edges in the page's table, %d built" % (len(want), len(got)))
for b in bad:
    print("# differs:", b)
sys.exit(1 if bad or len(want) != 10 else 0)
PYEOF
tap $? "the example's edges equal the page's hand-worked weights (and --window 1's)" "$(cat "$T/ex-cmp")"

done_testing
