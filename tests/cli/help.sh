#!/usr/bin/env bash
# TAP: every command answers -h; each man page's SYNOPSIS is its -h usage line; global flags.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

# The commands, as `clout --help` lists them.
run "$CLOUT" --help
expect_rc 0 "clout --help"
cmds=$(sed -n '/^commands:/,/^$/p' "$T/out" | awk 'NR > 1 && NF { print $1 }')
[ -n "$cmds" ]
tap $? "clout --help lists commands" "$(cat "$T/out")"

for c in $cmds; do
    run "$CLOUT" "$c" -h
    expect_rc 0 "clout $c -h"
    usage=$(head -n 1 "$T/out")
    case $usage in "usage: clout $c"*) r=0 ;; *) r=1 ;; esac
    tap $r "clout $c -h starts with its usage line" "got: $usage"
    grep -q '^options:' "$T/out"
    tap $? "clout $c -h lists its options"
    cp "$T/out" "$T/h1"
    run "$CLOUT" help "$c"
    cmp -s "$T/out" "$T/h1"
    tap $? "clout help $c equals clout $c -h"

    # SYNOPSIS: .B/.I/plain lines, joined with single spaces, \- read as -.
    page=$SRC/doc/clout-$c.1
    [ -f "$page" ]
    tap $? "man page doc/clout-$c.1 exists"
    syn=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH/p' "$page" | sed '1d;$d' |
        sed -e 's/^\.[BI] //' -e 's/\\-/-/g' | tr '\n' ' ' | sed -e 's/  */ /g' -e 's/ $//')
    [ "$syn" = "${usage#usage: }" ]
    tap $? "doc/clout-$c.1 SYNOPSIS matches clout $c -h" "man: $syn" " -h: ${usage#usage: }"
done

# clout.1 lists exactly the commands that exist.
# Each command is a .TP item whose tag line is `.BI "name " ARG` or `.B name`.
listed=$(sed -n '/^\.SH COMMANDS/,/^\.SH/p' "$SRC/doc/clout.1" | grep -A1 '^\.TP' |
    sed -n 's/^\.BI\{0,1\} "\{0,1\}\([a-z-]*\).*/\1/p' | sort -u | tr '\n' ' ')
want=$(echo "$cmds" | sort -u | tr '\n' ' ')
[ "$listed" = "$want" ]
tap $? "clout.1 COMMANDS lists exactly: $want" "clout.1 lists: $listed"

run "$CLOUT" --version
expect_rc 0 "clout --version"
grep -Eq '^clout [0-9]+\.[0-9]+\.[0-9]+$' "$T/out"
tap $? "--version prints 'clout X.Y.Z'" "$(cat "$T/out")"

run "$CLOUT" val -h
expect_rc 0 "a unique prefix (val) runs validate"
head -n 1 "$T/out" | grep -q '^usage: clout validate'
tap $? "the prefix resolved to validate"

run "$CLOUT" frobnicate
expect_rc 2 "an unknown command"
grep -q "unknown command 'frobnicate' (valid: validate, info, build" "$T/err"
tap $? "the unknown command is named" "$(cat "$T/err")"

run "$CLOUT" build --frob "$SRC/graphs/examples/tiny"
expect_rc 2 "an unknown option"
run "$CLOUT" build
expect_rc 2 "a missing argument"
run "$CLOUT" info "$SRC/graphs/examples/tiny" --format xls
expect_rc 2 "a bad --format"
run "$CLOUT" build "$SRC/graphs/examples/tiny" --window 0
expect_rc 2 "a bad --window"
run "$CLOUT"
expect_rc 2 "no command"

done_testing
