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

done_testing
