# lib.sh: TAP helpers shared by the CLI tests (sourced, not run).
# Env: CLOUT = the clout binary, CLOUT_SRCDIR = the source root.
set -u
CLOUT=${CLOUT:?set CLOUT to the clout binary}
SRC=${CLOUT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/clout-test.XXXXXX") || { echo "Bail out! no temp dir"; exit 1; }
trap 'rm -rf "$T"' EXIT
_n=0
_failed=0

# ok CONDITION-EXIT-CODE NAME [DIAGNOSTIC...]
tap() {
    local rc=$1 name=$2 d
    shift 2
    _n=$((_n + 1))
    if [ "$rc" -eq 0 ]; then
        echo "ok $_n - $name"
    else
        echo "not ok $_n - $name"
        _failed=$((_failed + 1))
        for d in "$@"; do printf '%s\n' "$d" | sed 's/^/# /'; done
    fi
}

skip() {
    _n=$((_n + 1))
    echo "ok $_n - $1 # SKIP $2"
}

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, exit code in $rc
run() {
    rc=0
    "$@" >"$T/out" 2>"$T/err" || rc=$?
}

# expect_rc WANT NAME: checks the last run's exit code
expect_rc() {
    local want=$1 name=$2
    [ "$rc" -eq "$want" ]
    tap $? "$name (exit $want)" "exit $rc, stderr: $(head -c 600 "$T/err")"
}

done_testing() {
    echo "1..$_n"
}
