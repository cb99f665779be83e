#!/usr/bin/env bash
# TAP test: every malformed input in tests/data/bad is rejected with exit 3 and FILE:LINE, and no output is written.
#
# Environment: CLOUT = the clout binary (required); srcdir = the source tree root
# (automake sets it; default: two levels above this script). Writes only to a
# temporary directory under ${TMPDIR:-/tmp}, so a read-only srcdir is fine.

set -u

CLOUT=${CLOUT:?set CLOUT to the clout binary}
if [ -z "${srcdir:-}" ]; then
    srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
fi
casedir=$srcdir/tests/data/bad

top=$(mktemp -d "${TMPDIR:-/tmp}/clout-bad-inputs.XXXXXX") || {
    echo "Bail out! cannot create a temporary directory"
    exit 1
}
trap 'rm -rf "$top"' EXIT
trap 'exit 1' HUP INT TERM

# A hang on bad input is a failure too; `timeout` exits 124 then.
if command -v timeout >/dev/null 2>&1; then
    run_limited() { timeout 60 "$@"; }
else
    run_limited() { "$@"; }
fi

cases=()
for d in "$casedir"/[0-9][0-9]-*/; do
    [ -f "$d/expect" ] && cases+=("${d%/}")
done

# Parse an expect file into: exp_file, exp_line (empty for a missing file), exp_edgelist (0/1).
read_expect() {
    local first second
    { IFS= read -r first; IFS= read -r second; } <"$1/expect"
    first=${first%$'\r'}
    second=${second%$'\r'}
    if [[ $first == *:* ]]; then
        exp_file=${first%%:*}
        exp_line=${first#*:}
    else
        exp_file=$first
        exp_line=
    fi
    exp_edgelist=0
    [ "$second" = "mode: build-edgelist" ] && exp_edgelist=1
    return 0
}

planned=1
for c in "${cases[@]}"; do
    read_expect "$c"
    if [ "$exp_edgelist" = 1 ]; then
        planned=$((planned + 2))
    else
        planned=$((planned + 3))
    fi
done
echo "1..$planned"

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1))
    failed=$((failed + 1))
    echo "not ok $n - $1"
}
# diag WHY: explain the last run (exit code, stderr, files left in the work dir).
diag() {
    echo "# $1"
    echo "# command: ${last_cmd[*]}"
    echo "# exit code: $last_rc (want 3)"
    echo "# stderr (want it to contain: $needle):"
    sed -e 's/^/#   /' -e '20q' "$top/stderr"
    if [ -n "${work:-}" ] && [ -d "$work" ]; then
        echo "# files in the output directory:"
        (cd "$work" && ls -A) | sed 's/^/#   /'
    fi
}
run() {
    last_cmd=("$@")
    run_limited "$@" >"$top/stdout" 2>"$top/stderr" </dev/null
    last_rc=$?
}
stderr_has() { LC_ALL=C grep -aqF -- "$1" "$top/stderr"; }
# Names in directory $1 other than $2 (which may be empty), hidden ones included.
others_in() {
    local f
    for f in "$1"/* "$1"/.[!.]* "$1"/..?*; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        [ "${f##*/}" = "${2:-}" ] && continue
        echo "${f##*/}"
    done
}

work=
last_cmd=()
last_rc=
needle=
if [ "${#cases[@]}" -ge 30 ]; then
    ok "at least 30 malformed-input cases (${#cases[@]})"
else
    not_ok "at least 30 malformed-input cases"
    echo "# found ${#cases[@]} case folders in $casedir"
fi

for c in "${cases[@]}"; do
    name=${c##*/}
    read_expect "$c"
    if [ -n "$exp_line" ]; then
        needle="$c/$exp_file:$exp_line:"
    else
        needle="$c/$exp_file"
    fi
    if [ "$exp_edgelist" = 1 ]; then
        input=$c/$exp_file
    else
        input=$c
    fi

    # 1. validate reports the defect.
    if [ "$exp_edgelist" = 0 ]; then
        work=
        run "$CLOUT" validate "$c"
        if [ "$last_rc" = 3 ] && stderr_has "$needle"; then
            ok "$name: validate exits 3 and reports $exp_file${exp_line:+:$exp_line}"
        else
            not_ok "$name: validate exits 3 and reports $exp_file${exp_line:+:$exp_line}"
            diag "validate did not report the defect"
        fi
    fi

    # 2. build fails the same way and leaves nothing behind.
    work=$(mktemp -d "$top/build.XXXXXX") || exit 1
    run "$CLOUT" build "$input" -o "$work/out.graphml"
    leftovers=$(others_in "$work" "")
    if [ "$last_rc" = 3 ] && stderr_has "$needle" && [ ! -e "$work/out.graphml" ] && [ -z "$leftovers" ]; then
        ok "$name: build exits 3, reports $exp_file${exp_line:+:$exp_line}, writes no file"
    else
        not_ok "$name: build exits 3, reports $exp_file${exp_line:+:$exp_line}, writes no file"
        diag "build did not fail cleanly"
    fi
    rm -rf "$work"

    # 3. build does not clobber an existing output.
    work=$(mktemp -d "$top/keep.XXXXXX") || exit 1
    echo previous >"$work/keep.graphml"
    run "$CLOUT" build "$input" -o "$work/keep.graphml"
    leftovers=$(others_in "$work" keep.graphml)
    if [ "$last_rc" = 3 ] && [ "$(cat "$work/keep.graphml" 2>/dev/null)" = previous ] && [ -z "$leftovers" ]; then
        ok "$name: build exits 3 and keeps the previous output"
    else
        not_ok "$name: build exits 3 and keeps the previous output"
        diag "the previous output was changed or temporary files were left"
        echo "# keep.graphml now: $(head -c 200 "$work/keep.graphml" 2>/dev/null | tr -d '\0' | head -n 1)"
    fi
    rm -rf "$work"
    work=
done

if [ "$n" != "$planned" ]; then
    echo "# planned $planned tests but ran $n"
    exit 1
fi
[ "$failed" = 0 ]
