#!/usr/bin/env bash
# TAP: every command of the CLI once under valgrind, on representative inputs (good data, bad
# data, every output format), with no memory error and no definite leak in clout's code.
# valgrind starts slowly (about 2 s a run), so this covers the commands' code paths once
# rather than repeating every CLI test; ASan+UBSan runs the whole suite (./quickstart check).
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
if [ -n "${CLOUT_QUICK:-}" ]; then
    echo "1..0 # SKIP a repeat pass of ./quickstart check: valgrind ran in the plain one"
    exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
    echo "1..0 # SKIP no valgrind"
    exit 0
fi
BIN=${CLOUT_BIN:-$(dirname "$CLOUT")/.libs/$(basename "$CLOUT")}
[ -x "$BIN" ] || BIN=$CLOUT
LIBS=$(dirname "$BIN")
# valgrind cannot run a program built with AddressSanitizer (the ASan pass of ./quickstart check).
if grep -q __asan_init "$BIN" "$LIBS"/libclout.so* 2>/dev/null; then
    echo "1..0 # SKIP an ASan build: valgrind runs in the plain build"
    exit 0
fi
TINY=$SRC/graphs/examples/tiny
CA=$SRC/graphs/central-asia
EX=$SRC/tests/data/import

# vg NAME WANT_EXIT ARGS...: runs clout under valgrind; ok when the exit code is WANT_EXIT
# (valgrind's own errors turn it into 99).
LEAKS=full
vg() {
    local name=$1 want=$2
    shift 2
    local rc=0
    LD_LIBRARY_PATH=$LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} valgrind --quiet --error-exitcode=99 \
        --leak-check=$LEAKS --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --suppressions="$SRC/tests/valgrind.supp" --child-silent-after-fork=yes \
        "$BIN" "$@" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" -eq "$want" ]
    tap $? "valgrind: $name" "exit $rc (want $want)" "$(grep -v '^clout:' "$T/err" | head -30)"
}

vg "validate tiny" 0 validate "$TINY"
vg "validate a bad dataset" 3 validate "$SRC/tests/data/bad/41-multiline-note-then-defect"
vg "validate invalid UTF-8" 3 validate "$SRC/tests/data/bad/40-invalid-utf8-name"
vg "info, json" 0 info "$CA@2023" --format json
vg "build every format" 0 build "$TINY@2022" --to graphml -o "$T/x.graphml"
vg "build gml" 0 build "$TINY@2022" --to gml -o "$T/x.gml"
vg "build dot" 0 build "$TINY@2022" --to dot -o "$T/x.dot"
vg "build pajek" 0 build "$TINY@2022" --to pajek -o "$T/x.net"
vg "read GraphML" 0 build "$T/x.graphml" --to csv -o "$T/x.csv"
vg "read GML" 0 build "$T/x.gml" --to edgelist -o "$T/y.csv"
vg "read an edge list" 0 info "$T/y.csv" --format md
vg "measure all" 0 measure "$TINY@2022" --format tex
vg "measure with brokerage groups" 0 measure "$TINY@2022" --measures degree --groups kind
vg "communities, 5 runs" 0 communities "$TINY@2022" --runs 5 --format tsv
vg "influence with a bootstrap" 0 influence "$TINY@2022" --bootstrap 4 -j 1 --format csv
# Worker processes leave with _exit(), holding the parent's memory, which valgrind would call
# lost in every child: memory errors are checked there, leaks are not.
LEAKS=no vg "influence, two workers (memory errors only)" 0 influence "$TINY@2022" --bootstrap 4 -j 2 --format csv
vg "diff summary" 0 diff "$TINY@2020" "$TINY@2022" --permutations 20
vg "diff influence" 0 diff "$TINY@2020" "$TINY@2022" --table influence --bootstrap 4 -j 1
vg "diff communities" 0 diff "$TINY@2020" "$TINY@2022" --table communities
vg "import cow-igo" 0 import cow-igo "$EX/cow-igo-excerpt.csv" -o "$T/imp" -q
vg "import sipri" 0 import sipri "$EX/sipri-excerpt.csv" -o "$T/imp" -q
vg "render svg" 0 render "$TINY@2022" -o "$T/f.svg"
vg "chart balance png" 0 chart balance "$TINY@2022" --bootstrap 4 -j 1 --dpi 50 -o "$T/c.png"
vg "a usage error" 2 build "$TINY@2022" --to nosuch
vg "a missing dataset" 3 info "$SRC/no-such@2020"

done_testing
