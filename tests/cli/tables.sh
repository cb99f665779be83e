#!/usr/bin/env bash
# TAP: tables for other tools and for papers (issue 17): one table per CSV stream that
# pandas reads, long tables across years, LaTeX that pdflatex compiles into a 16 cm
# column, and "unknown X" messages that list the valid names and the closest one.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
TINY=$SRC/graphs/examples/tiny
CA=$SRC/graphs/central-asia

# ---- 1. One table per stream: pandas reads every command's CSV as it comes ----
# Reference: pandas.read_csv, an independent CSV reader; a second table or a "# name"
# line in the stream would give a frame whose columns are not the header's.
if "$PY" -c 'import pandas' 2>/dev/null; then
    i=0
    while IFS='|' read -r name cmd; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        "$CLOUT" $cmd >"$T/p$i.csv" 2>/dev/null
        "$PY" - "$T/p$i.csv" >"$T/why" 2>&1 <<'PYEOF'
import sys, pandas
path = sys.argv[1]
head = open(path).readline().rstrip("\n").split(",")
df = pandas.read_csv(path)
lines = [l for l in open(path).read().split("\n")[1:] if l]
ok = list(df.columns) == head and len(df) == len(lines) and not any(
    l.startswith("#") for l in open(path))
print(f"columns {list(df.columns)[:4]}..., {len(df)} rows, {len(lines)} lines")
sys.exit(0 if ok and len(df) > 0 else 1)
PYEOF
        tap $? "pandas.read_csv reads '$name' as one table" "$(cat "$T/why")"
    done <<EOF
info|info $TINY@2022 --format csv
measure|measure $TINY@2022 --format csv
communities|communities $TINY@2022 --format csv
influence|influence $TINY@2022 --format csv
diff|diff $TINY@2012 $TINY@2022 --format csv
build --to csv|build $TINY@2022 --to csv
EOF
else
    skip "pandas.read_csv reads every command's CSV" "no pandas"
fi

# TSV and LaTeX are one table too: no section lines.
run "$CLOUT" communities "$TINY@2022" --format tsv
[ "$(head -n 1 "$T/out")" = "$(printf 'id\tname\tcommunity\tstability')" ] && ! grep -q '^#' "$T/out"
tap $? "communities --format tsv: the one table communities" "$(head -3 "$T/out")"
run "$CLOUT" influence "$TINY@2022" --format tex
[ "$(grep -c 'begin{tabular}' "$T/out")" -eq 1 ] && grep -q '^% shares:' "$T/out"
tap $? "influence --format tex: one tabular, the main table shares" "$(head -3 "$T/out")"
# JSON keeps every table as a named member.
run "$CLOUT" influence "$TINY@2022" --format json
"$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(sorted(d) != ["balance", "shares"])' "$T/out"
tap $? "influence --format json: shares and balance as members"

# -o DIR/: one file per table, named after it.
run "$CLOUT" communities "$TINY@2022" -o "$T/dir/" --format csv
[ "$rc" -eq 0 ] && [ "$(head -n 1 "$T/dir/communities.csv")" = id,name,community,stability ] &&
    [ "$(head -n 1 "$T/dir/summary.csv")" = method,resolution,runs,communities,modularity ]
tap $? "-o DIR/ writes communities.csv and summary.csv" "exit $rc: $(ls "$T/dir" 2>&1)"
run "$CLOUT" influence "$TINY@2022" -o "$T/tex/" --format tex
[ -s "$T/tex/shares.tex" ] && [ -s "$T/tex/balance.tex" ]
tap $? "-o DIR/ --format tex writes shares.tex and balance.tex" "$(ls "$T/tex" 2>&1)"

# ---- 2. Long tables: --at Y1,Y2,... ----
# Reference: the single-year runs; the long table's rows for year Y, without the year
# column, must be exactly the rows of the run with --at Y (compared by pandas).
long_check() { # NAME CMD-AND-INPUT YEARS [OPTIONS...]
    local name=$1 input=$2 years=$3
    shift 3
    # shellcheck disable=SC2086
    "$CLOUT" $input --at "$years" --format csv "$@" >"$T/long.csv" 2>/dev/null
    local args=("$T/long.csv")
    for y in ${years//,/ }; do
        # shellcheck disable=SC2086
        "$CLOUT" $input --at "$y" --format csv "$@" >"$T/one-$y.csv" 2>/dev/null
        args+=("$y" "$T/one-$y.csv")
    done
    "$PY" - "${args[@]}" >"$T/why" 2>&1 <<'PYEOF'
import sys, pandas
long = pandas.read_csv(sys.argv[1], keep_default_na=False, dtype=str)
bad = [] if list(long.columns)[0] == "year" else ["first column is not year"]
years = []
for y, path in zip(sys.argv[2::2], sys.argv[3::2]):
    one = pandas.read_csv(path, keep_default_na=False, dtype=str)
    part = long[long["year"] == y].drop(columns="year").reset_index(drop=True)
    part = part[list(one.columns)] if set(one.columns) <= set(part.columns) else part
    if not part.equals(one):
        bad.append(f"{y}: {len(part)} rows in the long table, {len(one)} alone")
    years.append(y)
if list(dict.fromkeys(long["year"])) != years:
    bad.append(f"years {list(dict.fromkeys(long['year']))} != {years}")
print("; ".join(bad) or f"{len(long)} rows")
sys.exit(1 if bad else 0)
PYEOF
    tap $? "$name --at $years: one long table, its rows those of the single-year runs" \
        "$(cat "$T/why")"
}
long_check "influence central-asia" "influence $CA" 2005,2014,2020
long_check "influence central-asia --table balance" "influence $CA" 2005,2014,2020 --table balance
long_check "measure tiny" "measure $TINY" 2012,2022
long_check "communities tiny" "communities $TINY" 2012,2022
long_check "communities tiny --table summary" "communities $TINY" 2012,2022 --table summary
run "$CLOUT" measure "$TINY@2022" --at 2012,2022
expect_rc 2 "several years with DATASET@YEAR"
grep -q "INPUT is the dataset without @YEAR" "$T/err"
tap $? "the message says to leave out @YEAR" "$(cat "$T/err")"

# ---- 3. LaTeX: every .tex the report writes compiles into a 16 cm column ----
if command -v pdflatex >/dev/null 2>&1 && kpsewhich booktabs.sty >/dev/null 2>&1; then
    "$CLOUT" report "$CA" -o "$T/rep" -q 2>/dev/null
    ls "$T/rep/tables/"*.tex >"$T/texs" 2>/dev/null
    ntex=$(wc -l <"$T/texs")
    ncsv=$(ls "$T/rep/tables/"*.csv | wc -l)
    [ "$ntex" -gt 0 ] && [ "$ntex" -eq "$ncsv" ]
    tap $? "the report writes a .tex beside each of its $ncsv .csv tables" "$ntex .tex"
    # doc.tex: every table in a minimal article with a 16 cm text width; natural.tex
    # measures each table's natural width (no graphicx, so nothing is scaled).
    mk() { # FILE PREAMBLE BODY-PER-TABLE
        {
            printf '\\documentclass{article}\n\\usepackage{booktabs}\n%s\n' "$2"
            printf '\\setlength{\\textwidth}{16cm}\\setlength{\\oddsidemargin}{0cm}\n'
            printf '\\newsavebox\\tb\n\\begin{document}\n'
            while read -r f; do printf "$3\n" "$f" "$(basename "$f")"; done <"$T/texs"
            printf '\\end{document}\n'
        } >"$T/$1"
    }
    mk doc.tex '\usepackage{graphicx}' '\\noindent\\input{%s}\\par %% %s'
    mk natural.tex '' '\\sbox\\tb{\\input{%s}}\\typeout{NATURAL %s \\the\\wd\\tb}'
    (cd "$T" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >/dev/null 2>&1 &&
        pdflatex -interaction=nonstopmode -halt-on-error natural.tex >/dev/null 2>&1)
    tap $? "pdflatex compiles every report table (booktabs only, graphicx to fit)" \
        "$(grep -A3 '^!' "$T/doc.log" "$T/natural.log" 2>/dev/null | head -8)"
    ! grep -q 'Overfull \\hbox' "$T/doc.log"
    tap $? "no table is wider than a 16 cm text column (no Overfull \\hbox)" \
        "$(grep -A1 'Overfull' "$T/doc.log" | head -6)"
    # 16 cm = 455.24 pt.  A table wider than that by nature is scaled down; none by
    # more than a quarter (the widest, of 15 to 21 columns, come to 0.79 to 0.84).
    awk '/^NATURAL/ { w = $3 + 0; s = 455.24 / w; if (s < 1) n++; if (s < min || !m) { min = s; m = 1 }
        print $2, w "pt", (s < 1 ? "scaled " s : "natural") }
        END { exit !(m && min >= 0.75) }' "$T/natural.log" >"$T/widths"
    tap $? "the widest table is scaled by 0.75 or more" "$(cat "$T/widths")"
    grep -q '\$-\$' "$T/rep/tables/influence-balance-2020.tex" &&
        ! grep -E '(^| )-[0-9]' "$T/rep/tables/influence-balance-2020.tex" | grep -v '^%' | grep -q .
    tap $? "negative balances are written with \$-\$, never a hyphen"
    # Digits: the balance table of tiny with --digits 3; reference: each value of the
    # CSV output rounded to 3 decimals by Python, found in pdftotext's text of the PDF
    # with a true minus sign (U+2212).
    "$CLOUT" influence "$CA@2020" --table balance --format tex --digits 3 \
        --caption 'Balance, 2020' --label tab:balance >"$T/bal.tex" 2>/dev/null
    "$CLOUT" influence "$CA@2020" --table balance --format csv >"$T/bal.csv" 2>/dev/null
    printf '\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{graphicx}\n\\begin{document}\n\\input{bal.tex}\nSee Table~\\ref{tab:balance}.\n\\end{document}\n' >"$T/bal-doc.tex"
    (cd "$T" && pdflatex -interaction=nonstopmode bal-doc.tex >/dev/null 2>&1 &&
        pdflatex -interaction=nonstopmode bal-doc.tex >/dev/null 2>&1)
    if command -v pdftotext >/dev/null 2>&1; then
        pdftotext -layout "$T/bal-doc.pdf" "$T/bal.txt"
        "$PY" - "$T/bal.csv" "$T/bal.txt" >"$T/why" 2>&1 <<'PYEOF'
import csv, sys
text = open(sys.argv[2], encoding="utf-8").read()
want, missing = 0, []
for row in csv.DictReader(open(sys.argv[1])):
    if row["balance"] == "":
        continue
    s = f"{float(row['balance']):.3f}"
    if s == "-0.000":
        s = "0.000"
    s = s.replace("-", "\u2212")
    want += 1
    if s not in text:
        missing.append(s)
ok = want > 0 and not missing and "Table 1: Balance, 2020" in text and "See Table 1." in text
print(f"{want} values, missing {missing[:5]}")
sys.exit(0 if ok and "\u2212" in text else 1)
PYEOF
        tap $? "--digits 3, --caption, --label: the PDF shows every balance to 3 decimals, with true minus signs, and the caption" "$(cat "$T/why")"
    else
        skip "--digits 3 in the PDF" "no pdftotext"
    fi
else
    skip "report tables compile with pdflatex" "no pdflatex with booktabs (quickstart check installs it)"
fi
# Readable headers by default; --raw-names keeps the machine names.
run "$CLOUT" influence "$TINY@2022" --table balance --format tex
grep -q 'Balance\\\\low' "$T/out" && ! grep -q 'balance\\_lo' "$T/out"
tap $? "tex headers are readable by default (Balance low)"
run "$CLOUT" influence "$TINY@2022" --table balance --format tex --raw-names
grep -q 'balance\\_lo' "$T/out"
tap $? "--raw-names keeps balance_lo"
# The default digits: 2 decimals for a share (0.5 -> 0|.50), 3 significant otherwise.
run "$CLOUT" influence "$TINY@2022" --table shares --format tex
grep -qE '& 0 & \.[0-9]{2} &' "$T/out" && ! grep -qE '& 0 & \.[0-9]{3,} &' "$T/out"
tap $? "shares get 2 decimals by default" "$(sed -n 7p "$T/out")"

# ---- 4. Messages: unknown names list the valid ones and the closest ----
msg() { # NAME WANT CMD...
    local name=$1 want=$2
    shift 2
    run "$@"
    [ "$rc" -eq 2 ] && grep -qF -- "$want" "$T/err" && grep -q "(valid: " "$T/err"
    tap $? "$name: exit 2, '$want' and the valid names" "exit $rc: $(cat "$T/err")"
}
msg "format" "unknown format 'cvs'; did you mean 'csv'?" "$CLOUT" measure "$TINY" --format cvs
msg "table" "unknown table 'balanse'; did you mean 'balance'?" "$CLOUT" influence "$TINY" --table balanse
msg "command" "unknown command 'mesure'; did you mean 'measure'?" "$CLOUT" mesure "$TINY"
msg "option" "unknown option '--formt'; did you mean '--format'?" "$CLOUT" measure "$TINY" --formt csv
msg "measure" "unknown measure 'pagrank'; did you mean 'pagerank'?" "$CLOUT" measure "$TINY@2022" --measures pagrank
msg "layer" "unknown layer 'economc'; did you mean 'economic'?" "$CLOUT" measure "$TINY@2022" --layers economc
msg "relation" "unknown relation 'trad'; did you mean 'trade'?" "$CLOUT" measure "$TINY@2022" --relations trad
msg "pole" "--poles: unknown actor 'NLR'; did you mean 'NRL'?" "$CLOUT" influence "$TINY@2022" --poles NLR,SDL
msg "chart kind" "unknown chart kind 'slop'; did you mean 'slope'?" "$CLOUT" chart slop "$TINY@2022" -o "$T/x.pdf"
msg "chart --of" "unknown measure 'degre'; did you mean 'degree'?" "$CLOUT" chart slope "$TINY@2012" "$TINY@2022" --of degre -o "$T/x.pdf"
msg "layout" "unknown layout 'neto'; did you mean 'neato'?" "$CLOUT" render "$TINY@2022" --layout neto -o "$T/x.pdf"
msg "colour" "unknown color 'kinds'; did you mean 'kind'?" "$CLOUT" render "$TINY@2022" --color kinds -o "$T/x.pdf"
msg "--size" "unknown measure 'degre'; did you mean 'degree'?" "$CLOUT" render "$TINY@2022" --size degre -o "$T/x.pdf"
msg "import source" "unknown source 'sipr'; did you mean 'sipri'?" "$CLOUT" import sipr x.csv -o "$T/ds"
msg "nothing close" "unknown format 'xml' (valid: csv, tsv, json, md, tex, table)" "$CLOUT" measure "$TINY" --format xml
! grep -q "did you mean" "$T/err"
tap $? "no suggestion when no name is close"
# A relation misspelt in ties.csv: bad data (exit 3) at file:line:col, with the suggestion.
cp -r "$TINY" "$T/typo"
sed -i '0,/,trade,/s//,trad,/' "$T/typo/ties.csv"
line=$(grep -n ',trad,' "$T/typo/ties.csv" | cut -d: -f1)
if [ -n "$line" ]; then
    run "$CLOUT" validate "$T/typo"
    [ "$rc" -eq 3 ] && grep -q "ties.csv:$line:[0-9]*: column 'relation': unknown relation 'trad'; did you mean 'trade'? (valid: " "$T/err"
    tap $? "a misspelt relation in ties.csv: exit 3, file:line:col, did you mean" "exit $rc: $(cat "$T/err")"
else
    skip "a misspelt relation in ties.csv" "no trade tie in tiny's ties.csv"
fi
# Grammar: no "no poles actors".
cp -r "$TINY" "$T/nopole"
awk -F, -v OFS=, '!/^#/ && NR > 1 { if ($4 == "pole") $4 = ""; $5 = "" } 1' "$TINY/actors.csv" \
    >"$T/nopole/actors.csv"
run "$CLOUT" influence "$T/nopole@2022"
[ "$rc" -eq 2 ] && grep -q "no pole actor: give --poles" "$T/err"
tap $? "no pole in the dataset: 'no pole actor: give --poles'" "exit $rc: $(cat "$T/err")"

# A \label key that TeX would read as commands is refused before anything is computed.
run "$CLOUT" influence "$SRC/graphs/central-asia@2020" --format tex --label 'tab:a}b' -o "$T/lab.tex"
[ "$rc" -eq 2 ] && grep -q -- "--label: 'tab:a}b' may not hold" "$T/err" && [ ! -e "$T/lab.tex" ]
tap $? "--label with a brace exits 2, names the key, writes nothing" "exit $rc: $(cat "$T/err")"
run "$CLOUT" influence "$SRC/graphs/central-asia@2020" --format tex --label 'tab:bal_2020'
[ "$rc" -eq 0 ] && grep -qxF '\label{tab:bal_2020}' "$T/out"
tap $? "--label tab:bal_2020 is written as \\label{tab:bal_2020}" "exit $rc"

done_testing
