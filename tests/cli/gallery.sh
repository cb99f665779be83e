#!/usr/bin/env bash
# TAP: the README's gallery images are committed and current: doc/gallery/gallery.sh (what
# `make gallery` runs) makes them again, and each differs from the committed one in at most
# 1% of its pixels by more than 24 levels, the tolerance of the other images with text
# (tests/unit/test-diagram.c).  After a change that moves a figure: make gallery.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"
PNGDIFF=${PNGDIFF:-$(dirname "$CLOUT")/tests/unit/pngdiff}

names=$(grep -o 'doc/gallery/[a-z0-9-]*\.png' "$SRC/README.md" | sed 's#doc/gallery/##' | sort -u)
[ "$(echo "$names" | grep -c .)" -ge 4 ]
tap $? "the README shows at least four gallery images" "$names"
mkdir "$T/g"
sh "$SRC/doc/gallery/gallery.sh" "$CLOUT" "$SRC/graphs/central-asia" "$T/g" >"$T/out" 2>"$T/err"
tap $? "doc/gallery/gallery.sh runs" "$(tail -3 "$T/err")"
for n in $names; do
    if [ ! -f "$SRC/doc/gallery/$n" ]; then
        tap 1 "doc/gallery/$n is committed" "missing: run make gallery and commit it"
        continue
    fi
    "$PNGDIFF" "$T/g/$n" "$SRC/doc/gallery/$n" 24 0.01 "$T/$n-diff.png" >"$T/d" 2>&1
    rc=$?
    [ $rc -ne 0 ] && cp "$T/g/$n" "${TMPDIR:-/tmp}/gallery-$n" 2>/dev/null
    tap $rc "doc/gallery/$n is current" "$(cat "$T/d"); new image kept as ${TMPDIR:-/tmp}/gallery-$n; run make gallery"
done
# The comparison can fail: a figure with another title differs.
# (The committed figure must exist, or the comparison would fail for that reason.)
other=shares-2020.png
if [ -f "$SRC/doc/gallery/$other" ]; then
    "$CLOUT" chart shares "$SRC/graphs/central-asia@2020" --dpi 100 --title "Another title" \
        -o "$T/other.png" 2>/dev/null
    ! "$PNGDIFF" "$T/other.png" "$SRC/doc/gallery/$other" 24 0.01 >"$T/d" 2>&1
    tap $? "a changed figure fails the comparison" "$(cat "$T/d")"
else
    tap 1 "a changed figure fails the comparison" "doc/gallery/$other is missing"
fi

done_testing
