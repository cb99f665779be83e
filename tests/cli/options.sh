#!/usr/bin/env bash
# TAP: the option table (src/cli/options.h).  Every option that a command's -h lists takes a
# value of its kind and rejects bad ones with exit 2 and a message that names it; an option a
# command does not take is exit 2; --to is build's format and nothing else, import's years are
# --from and --until; the defaults are the library's: -h shows them, giving them changes no
# byte, and the outputs of default options are those of clout before the option table.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
TINY=$SRC/graphs/examples/tiny
EX=$SRC/tests/data/import
GOLDEN=$SRC/tests/cli/golden

# NAME|A GOOD VALUE|BAD VALUES: one line per option.  A flag's good value is "-" (no value);
# an option whose value is any text has no bad values.  An option of the table that is not
# here fails the first test, so a new option needs its line.
cat >"$T/values" <<'EOF'
at|2020|20 abc 12020
window|3|0 1001 x 2.5 -1
carry-forward|2|0 1001 x
half-life|2|0 -1 x
all-poles|-|
all-relations|-|
layers|economic|
relations|trade|
directed|-|
weight|value|
multi|keep|all x
dynamic|-|
seed|7|-1 x 2147483648 1.5
format|csv|xls
to|gml|2001 xls
actors|RUS,KAZ|
from|2000|20 x 3000
until|2001|99 x 1999-
igos|csto|
prefer|mean|
classes|oda,oof|
unadjusted|-|
issues|hr|
measures|degree|
distance|log|far
normalized|-|
unweighted|-|
groups|kind|
katz-alpha|0.1|0 -1 x
cutoff|1.5|0 -1 inf x
sample|5|0 x 1.5
tolerance|0|-1 x
method|louvain|kmeans
resolution|0.5|0 -2 x
runs|3|0 100001
compare|f.csv|
poles|NRL,SDL|
focus|ELD|
bootstrap|10|-1 1000001 x
noise|0.2|-0.1 x
interval|bca|median
robustness|-|
jobs|2|0 1025
table|summary|
digits|3|-1 13 x
raw-names|-|
caption|C|
label|tab:c|
layout|dot|spring
color|kind|red
size|degree|
pin|p.csv|
save-layout|p.csv|
labels|none|some
title|T|
no-title|-|
font|DejaVu Serif|Nofont
no-source|-|
width|85mm|0 wide -5mm
height|3in|tall
dpi|150|9 2401 x
of|balance|
layer|economic|
permutations|10|-1 x
spreadsheet-safe|-|
output|f.csv|
quiet|-|
progress|-|
help|-|
EOF

# The commands, and the options each lists in its -h.
run "$CLOUT" --help
cmds=$(sed -n '/^commands:/,/^$/p' "$T/out" | awk 'NR > 1 && NF { print $1 }')
: >"$T/taken"
for c in $cmds; do
    "$CLOUT" "$c" -h | sed -n '/^options:/,$ s/^  \(-., \)\{0,1\} *--\([a-z-]*\).*/\2/p' |
        while read -r name; do echo "$name $c"; done >>"$T/taken"
done
names=$(cut -d' ' -f1 "$T/taken" | sort -u)
missing=""
for n in $names; do
    grep -q "^$n|" "$T/values" || missing="$missing $n"
done
[ -n "$names" ] && [ -z "$missing" ]
tap $? "every option of every command's -h has test values here" "without values:$missing"

# args_of NAME: the option with its good value, one word a line.
args_of() {
    local good
    good=$(grep "^$1|" "$T/values" | cut -d'|' -f2)
    if [ "$good" = - ]; then echo "--$1"; else printf -- '--%s\n%s\n' "$1" "$good"; fi
}

# Each command takes a good value of every option it lists: all of them at once, then -h
# (which answers, exit 0, only when every value before it parsed).
for c in $cmds; do
    mapfile -t args < <(for n in $(awk -v c="$c" '$2 == c && $1 != "help" { print $1 }' "$T/taken"); do
        args_of "$n"
    done)
    run "$CLOUT" "$c" "${args[@]}" -h
    [ "$rc" -eq 0 ] && head -n 1 "$T/out" | grep -q "^usage: clout $c"
    tap $? "$c ${args[*]} -h: every option it lists takes a good value" "exit $rc: $(cat "$T/err")"
done

# Each option rejects each bad value with exit 2 and "--NAME: 'VALUE' is not ..." (on the
# first command that takes it); a flag rejects --NAME=VALUE.
for n in $names; do
    line=$(grep "^$n|" "$T/values") || continue
    good=$(echo "$line" | cut -d'|' -f2)
    bad=$(echo "$line" | cut -d'|' -f3)
    c=$(awk -v n="$n" '$1 == n { print $2; exit }' "$T/taken")
    problems=""
    for b in $bad; do
        run "$CLOUT" "$c" "--$n" "$b" -h
        { [ "$rc" -eq 2 ] && grep -qE "clout: --$n: ('$b' is not |unknown [a-z ]+ '$b')" "$T/err" &&
            [ ! -s "$T/out" ]; } ||
            problems="$problems; $c --$n $b: exit $rc $(head -c 200 "$T/err")"
    done
    if [ "$good" = - ] && [ "$n" != help ]; then
        run "$CLOUT" "$c" "--$n=x" -h
        { [ "$rc" -eq 2 ] && grep -qF "option '--$n' takes no value" "$T/err"; } ||
            problems="$problems; $c --$n=x: exit $rc $(head -c 200 "$T/err")"
        bad="--$n=x"
    fi
    [ -n "$bad" ] || continue
    [ -z "$problems" ]
    tap $? "$c --$n: rejects $bad (exit 2, the option named)" "${problems#; }"
done

# The messages say what the kind takes.
run "$CLOUT" build "$TINY" --window 0
grep -qx "clout: --window: '0' is not a whole number from 1 to 1000" "$T/err"
tap $? "an int: 'is not a whole number from 1 to 1000'" "$(cat "$T/err")"
run "$CLOUT" measure "$TINY" --cutoff 0
grep -qx "clout: --cutoff: '0' is not a positive number" "$T/err"
tap $? "a number above 0: 'is not a positive number'" "$(cat "$T/err")"
run "$CLOUT" influence "$TINY" --noise -1
grep -qx "clout: --noise: '-1' is not a number of 0 or more" "$T/err"
tap $? "a number of 0 or more: 'is not a number of 0 or more'" "$(cat "$T/err")"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/x" --from 95
grep -qx "clout: --from: '95' is not a year from 1000 to 2999" "$T/err"
tap $? "a year: 'is not a year from 1000 to 2999'" "$(cat "$T/err")"
run "$CLOUT" communities "$TINY" --method kmeans
grep -qx "clout: --method: unknown method 'kmeans' (valid: leiden, leiden-cpm, louvain, infomap, walktrap, labelprop, fastgreedy, spinglass)" "$T/err"
tap $? "a name: the names it could be" "$(cat "$T/err")"
run "$CLOUT" render "$TINY" -o "$T/x.svg" --height tall
grep -qx "clout: --height: 'tall' is not a length (180mm, 7in, 18cm, 500pt)" "$T/err"
tap $? "a length: 'is not a length (...)'" "$(cat "$T/err")"
run "$CLOUT" render "$TINY" -o "$T/x.svg" --at 2020,x
[ "$rc" -eq 2 ] && grep -qx "clout: --at: 'x' is not a year from 1000 to 2999" "$T/err"
tap $? "--at 2020,x: exit 2, the item that is not a year named" "exit $rc: $(cat "$T/err")"
run "$CLOUT" render "$TINY" -o "$T/x.svg" --at ''
[ "$rc" -eq 2 ] && grep -qx "clout: --at: no year given" "$T/err"
tap $? "--at '': exit 2, no year given" "exit $rc: $(cat "$T/err")"
run "$CLOUT" influence "$TINY" -j 0
[ "$rc" -eq 2 ] && grep -qx "clout: --jobs: '0' is not a whole number from 1 to 1024" "$T/err"
tap $? "-j 0: exit 2, named by its long name" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY" --window
[ "$rc" -eq 2 ] && grep -q "build: option '--window' needs a value" "$T/err"
tap $? "--window without a value: exit 2, needs a value" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY" --at 2020,2022
[ "$rc" -eq 2 ] && grep -q "build: --at takes one year here" "$T/err"
tap $? "several --at years where one is taken: exit 2" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY" --wind 1 --to csv
[ "$rc" -eq 0 ] && cmp -s "$T/out" <("$CLOUT" build "$TINY" --window 1 --to csv)
tap $? "a unique prefix of an option (--wind) is the option" "exit $rc: $(cat "$T/err")"

# An option the command does not take: exit 2, "is not an option of".  validate takes -q and -h
# only; every other option is tried on it.
problems=""
for n in $names; do
    case $n in quiet | help) continue ;; esac
    mapfile -t args < <(args_of "$n")
    run "$CLOUT" validate "$TINY" "${args[@]}"
    { [ "$rc" -eq 2 ] && grep -qx "clout: validate: --$n is not an option of validate; see 'clout validate -h'" "$T/err"; } ||
        problems="$problems; --$n: exit $rc $(head -c 200 "$T/err")"
done
[ -z "$problems" ]
tap $? "validate: every option it does not take is exit 2, 'is not an option of validate'" "${problems#; }"
run "$CLOUT" build "$TINY" -j 2
[ "$rc" -eq 2 ] && grep -qx "clout: build: -j is not an option of build; see 'clout build -h'" "$T/err"
tap $? "a short option the command does not take (build -j): exit 2" "exit $rc: $(cat "$T/err")"
run "$CLOUT" build "$TINY" --frobnicate
[ "$rc" -eq 2 ] && grep -q "^clout: build: unknown option '--frobnicate' (valid: .*--output" "$T/err"
tap $? "an option clout does not know: exit 2, unknown option" "exit $rc: $(cat "$T/err")"

# --to is build's output format, and only that.
[ "$(awk '$1 == "to" { print $2 }' "$T/taken" | tr '\n' ' ')" = "build " ]
tap $? "only build takes --to" "$(grep '^to ' "$T/taken")"
for c in $cmds; do "$CLOUT" "$c" -h; done >"$T/helps"
! grep -q -- '--to YEAR' "$T/helps" && grep -q -- '--until YEAR' "$T/helps"
tap $? "no command's -h has --to YEAR; import's has --until YEAR"
run "$CLOUT" build "$TINY" --to 2001
[ "$rc" -eq 2 ] && grep -qx "clout: --to: unknown format '2001' (valid: graphml, gml, gexf, dot, pajek, edgelist, csv, matrix)" "$T/err"
tap $? "build --to 2001: exit 2, --to is a format" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/to" --to 2001
[ "$rc" -eq 2 ] && grep -qx "clout: import: --to is not an option of import; see 'clout import -h'" "$T/err" && [ ! -e "$T/to" ]
tap $? "import --to 2001: exit 2, not an option of import, nothing written" "exit $rc: $(cat "$T/err")"

# import --until YEAR: ties that start in YEAR or earlier.  The excerpt's CHN-KAZ consultation
# starts in 2001; every other tie in 1995.
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/all" -q
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/u" -q --until 1996
[ "$rc" -eq 0 ] && [ "$(tail -n +2 "$T/all/ties.csv" | wc -l)" -eq 10 ] &&
    [ "$(tail -n +2 "$T/u/ties.csv" | wc -l)" -eq 8 ] &&
    ! grep -q '^CHN,KAZ,atop_consultation' "$T/u/ties.csv"
tap $? "import --until 1996 keeps the 8 ties that start by 1996, of 10" "exit $rc: $(cat "$T/err") $(cat "$T/u/ties.csv" 2>/dev/null)"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/u2" -q --until 2001
[ "$rc" -eq 0 ] && cmp -s "$T/all/ties.csv" "$T/u2/ties.csv"
tap $? "import --until 2001 keeps all 10" "exit $rc: $(cat "$T/err")"
run "$CLOUT" import atop "$EX/atop-excerpt.csv" -o "$T/u3" --from 2001 --until 2000
[ "$rc" -eq 2 ] && grep -qx "clout: import: --until 2000 is before --from 2001" "$T/err" && [ ! -e "$T/u3" ]
tap $? "--until before --from: exit 2, nothing written" "exit $rc: $(cat "$T/err")"

# The defaults are the library's.  -h shows the header's constants ...
default_of() { # COMMAND OPTION: the "(default X)" of its -h line
    "$CLOUT" "$1" -h | sed -n "s/^ *\(-., \)\{0,1\}--$2 .*(default \([^)]*\))\$/\2/p"
}
window=$(sed -n 's/^#define CLOUT_DEFAULT_WINDOW \([0-9]*\)$/\1/p' "$SRC/include/clout/snapshot.h")
[ -n "$window" ] && [ "$(default_of build window)" = "$window" ]
tap $? "build -h: --window's default is CLOUT_DEFAULT_WINDOW ($window)" "-h: $(default_of build window)"
dpi=$(sed -n 's/^#define CLI_PNG_DPI \([0-9]*\)$/\1/p' "$SRC/src/cli/cli.h")
[ -n "$dpi" ] && [ "$(default_of render dpi)" = "$dpi" ] && [ "$(default_of chart dpi)" = "$dpi" ]
tap $? "render, chart -h: --dpi's default is CLI_PNG_DPI ($dpi)" "-h: $(default_of render dpi)"
tol=$(sed -n 's/^#define CLOUT_LEIDEN_TOLERANCE \(.*\)$/\1/p' "$SRC/include/clout/communities.h")
/usr/bin/python3 -c 'import sys; sys.exit(float(sys.argv[1]) != float(sys.argv[2]))' "$tol" "$(default_of communities tolerance)"
tap $? "communities -h: --tolerance's default is CLOUT_LEIDEN_TOLERANCE ($tol)" "-h: $(default_of communities tolerance)"

# ... the outputs of default options ...
for c in influence measure communities; do
    run "$CLOUT" "$c" "$TINY@2022" --format csv
    [ "$rc" -eq 0 ] && [ -s "$T/out" ]
    tap $? "$c tiny@2022 with no options" "exit $rc: $(cat "$T/err")"
    cp "$T/out" "$T/$c.csv"
done

# ... and giving each default that -h shows changes no byte.
explicit() { # COMMAND OPTION...: "--OPTION DEFAULT" for each
    local c=$1 n
    shift
    for n in "$@"; do printf -- '--%s\n%s\n' "$n" "$(default_of "$c" "$n")"; done
}
for spec in "influence seed window bootstrap noise" "measure seed window" \
    "communities seed window resolution runs tolerance"; do
    set -- $spec
    c=$1
    shift
    mapfile -t given < <(explicit "$c" "$@")
    run "$CLOUT" "$c" "$TINY@2022" --format csv "${given[@]}"
    [ "$rc" -eq 0 ] && cmp -s "$T/$c.csv" "$T/out"
    tap $? "$c ${given[*]}: the same bytes as no options" "exit $rc: $(cat "$T/err")"
done

done_testing
