#!/usr/bin/env bash
# TAP: libclout.so exports exactly the public API.  `nm -D --defined-only` of the shared
# library lists only names declared in include/clout/*.h, every function (and variable)
# declared there is exported, and every declaration has a doc comment just above it.
# Reference: the headers themselves, read by a parser of their own below (not the build's
# export list); the parser is first run on made-up headers that must fail.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
LIB=$(dirname "$CLOUT")/.libs/libclout.so

# check.py HEADER_DIR EXPORTS_FILE: prints one line per problem.
cat >"$T/check.py" <<'PYEOF'
import glob, os, re, sys
hdr_dir, exports_file = sys.argv[1], sys.argv[2]
declared, problems = {}, []
for path in sorted(glob.glob(os.path.join(hdr_dir, "*.h"))):
    name = os.path.basename(path)
    lines = open(path, encoding="utf-8").read().split("\n")
    in_comment = in_cplusplus = False
    depth, stmt, start = 0, "", None
    comment_end = -2  # index of the last line that ended a comment
    for i, line in enumerate(lines):
        code, ended = "", False
        j = 0
        while j < len(line):  # the line without its comments
            if in_comment:
                k = line.find("*/", j)
                if k < 0:
                    j = len(line)
                else:
                    in_comment, ended, j = False, True, k + 2
            elif line.startswith("/*", j):
                in_comment, j = True, j + 2
            else:
                code, j = code + line[j], j + 1
        s = code.strip()
        if ended and not s:
            comment_end = i
        if s.startswith("#"):
            if s.startswith("#ifdef __cplusplus"):
                in_cplusplus = True
            elif s.startswith("#endif"):
                in_cplusplus = False
            continue
        if in_cplusplus or not s:
            continue
        if depth == 0 and not stmt:
            start = i
        depth += s.count("{") - s.count("}")
        stmt += " " + s
        if depth == 0 and s.endswith(";"):
            m = re.search(r"\b(clout_\w+)\s*\(", stmt) or re.search(r"\bextern\b.*\b(clout_\w+)\s*\[", stmt)
            if m and not stmt.lstrip().startswith("typedef"):
                declared[m.group(1)] = "%s:%d" % (name, start + 1)
                if comment_end != start - 1:
                    problems.append("%s:%d: %s has no doc comment just above it" % (name, start + 1, m.group(1)))
            stmt = ""
exported = set(open(exports_file).read().split())
for s in sorted(exported - set(declared)):
    problems.append("exported but not declared in a public header: %s" % s)
for s in sorted(set(declared) - exported):
    problems.append("%s: %s is declared but not exported" % (declared[s], s))
if not declared:
    problems.append("no declarations found in %s" % hdr_dir)
for p in problems:
    print(p)
PYEOF

# The checker can fail: a function without a comment, one not exported, one exported
# but not declared.
mkdir "$T/bad"
cat >"$T/bad/x.h" <<'EOF'
/* A documented one. */
int clout_good(int a,
               int b);
#define CLOUT_X 1
int clout_undocumented(void);
/* Documented, but not in the library. */
int clout_missing(void);
EOF
printf 'clout_good\nclout_undocumented\nclout_stray\n' >"$T/bad-exports"
"$PY" "$T/check.py" "$T/bad" "$T/bad-exports" >"$T/bad-out"
[ "$(wc -l <"$T/bad-out")" -eq 3 ] && grep -q "x.h:5: clout_undocumented has no doc comment" "$T/bad-out" &&
    grep -q "not declared in a public header: clout_stray" "$T/bad-out" &&
    grep -q "x.h:7: clout_missing is declared but not exported" "$T/bad-out"
tap $? "the checker finds an undocumented, a missing and a stray function" "$(cat "$T/bad-out")"

if [ ! -f "$LIB" ] || ! command -v nm >/dev/null 2>&1; then
    skip "libclout.so exports exactly the documented public API" "no $LIB or no nm"
else
    nm -D --defined-only "$LIB" | awk 'NF >= 3 { print $3 }' | sort -u >"$T/exports"
    "$PY" "$T/check.py" "$SRC/include/clout" "$T/exports" >"$T/out"
    [ -s "$T/exports" ] && [ ! -s "$T/out" ]
    tap $? "libclout.so exports exactly the documented public API ($(wc -l <"$T/exports") names)" \
        "$(cat "$T/out")"
fi
done_testing
