#!/usr/bin/env bash
# TAP: figures and pages never carry a path of the machine that made them.  The bundled
# dataset is copied under a folder path of more than 150 characters; chart, render and
# report run on it, and no figure, table or page names that path (provenance.json, which
# records the command line, is the one file allowed to).  Also --title '' and --no-source.
. "${CLOUT_SRCDIR:-$(dirname "$0")/../..}/tests/cli/lib.sh"

long="$T/a-folder-name-as-long-as-a-users-home-directory-can-be/with-another-level-below-it"
long="$long/and-a-third-level-named-after-a-project-with-a-long-name/data"
mkdir -p "$long"
cp -r "$SRC/graphs/central-asia" "$long/central-asia"
DS="$long/central-asia"
[ "${#DS}" -ge 150 ]
tap $? "the dataset's path has 150 characters or more" "${#DS} characters"

# no_path FILE...: none of the files holds the long folder's path (nor its first 40 bytes,
# which a wrapped line would still show).
no_path() {
    ! grep -a -l -F -e "$long" -e "${long:0:40}" "$@" >"$T/hits" 2>/dev/null
}

run env CLOUT_SCENE_DUMP="$T/chart.txt" "$CLOUT" chart balance "$DS@2023" --bootstrap 20 \
    -o "$T/chart.pdf"
expect_rc 0 "chart balance on the dataset under the long path"
grep -q '"Source: Russia and China in Central Asia, 2023 (flows summed over 5 years); clout influence' "$T/chart.txt"
tap $? "the chart's source line names the dataset by its title, on one line" "$(grep -i source "$T/chart.txt")"
no_path "$T/chart.txt" "$T/chart.pdf"
tap $? "neither the chart's scene nor its PDF holds the path" "$(cat "$T/hits")"

run env CLOUT_SCENE_DUMP="$T/render.txt" "$CLOUT" render "$DS@2023" -o "$T/render.svg"
expect_rc 0 "render on the dataset under the long path"
grep -q '"Data: Russia and China in Central Asia, snapshot 2023' "$T/render.txt"
tap $? "the diagram's source line names the dataset by its title" "$(grep 'Data:' "$T/render.txt" | head -2)"
no_path "$T/render.txt" "$T/render.svg"
tap $? "neither the diagram's scene nor its SVG holds the path" "$(cat "$T/hits")"

# A dataset without metadata.csv is named by its folder.
rm "$DS/metadata.csv"
run env CLOUT_SCENE_DUMP="$T/render2.txt" "$CLOUT" render "$DS@2023" -o "$T/render2.png"
expect_rc 0 "render on a dataset without metadata.csv"
grep -q '"Data: central-asia, snapshot 2023' "$T/render2.txt" &&
    grep -q '"central-asia, 2023"' "$T/render2.txt"
tap $? "without a title, the folder's name (not its path) names it" "$(grep -m2 'Data:\|central-asia, 2023' "$T/render2.txt")"
cp "$SRC/graphs/central-asia/metadata.csv" "$DS/metadata.csv"

run "$CLOUT" report "$DS" -o "$long/report" --bootstrap 20 -q
expect_rc 0 "report of the dataset under the long path, into a folder under it"
files=$(find "$long/report" -type f ! -name provenance.json | sort)
n=$(echo "$files" | grep -c .)
no_path $files
tap $? "none of the report's $n files but provenance.json holds the path" "$(head -5 "$T/hits")"
[ "$n" -ge 20 ] && grep -q 'dataset <code>central-asia</code>' "$long/report/index.html"
tap $? "the page names the dataset's folder, not its path" "$n files"

# --title '' and --no-source take their bands away.
for cmd in "chart shares" "render"; do
    run env CLOUT_SCENE_DUMP="$T/with.txt" "$CLOUT" $cmd "$DS@2023" -o "$T/with.svg"
    run env CLOUT_SCENE_DUMP="$T/without.txt" "$CLOUT" $cmd "$DS@2023" --title '' --no-source \
        -o "$T/without.svg"
    expect_rc 0 "$cmd --title '' --no-source"
    h1=$(head -n 1 "$T/with.txt" | cut -d' ' -f3)
    h2=$(head -n 1 "$T/without.txt" | cut -d' ' -f3)
    ! grep -q '"Source:\|"Data:' "$T/without.txt" &&
        ! awk '/^group title/{t=1;next} /^group/{t=0} t && /^  text/{found=1} END{exit !found}' "$T/without.txt" &&
        awk -v a="$h1" -v b="$h2" 'BEGIN{exit !(a - b > 15)}'
    tap $? "$cmd: no title text, no source line, and the figure is shorter by both bands" \
        "height $h1 -> $h2"
done

done_testing
