#!/usr/bin/env bash
# TAP: quickstart installs the Debian package of every Python module and external program
# that the tests and benchmarks use (tests/cli/deps.py reads them out of the scripts), and
# the reader itself tells a complete list from an incomplete one (its self-tests).
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}

"$PY" "$SRC/tests/cli/deps.py" --self-test >"$T/self"
tap $? "the dependency reader's self-tests: a missing package is found, a listed one passes" \
    "$(grep -v '^ok' "$T/self")"
"$PY" "$SRC/tests/cli/deps.py" "$SRC" >"$T/deps"
tap $? "every module and program the tests use is installed by ./quickstart" "$(cat "$T/deps")"
grep -q '^# modules: .*networkx' "$T/deps" && grep -q '^# programs: .*chromium' "$T/deps"
tap $? "the reader finds the tests' uses of NetworkX and Chromium" "$(grep '^#' "$T/deps")"

done_testing
