#!/bin/sh
# gallery.sh CLOUT DATASET OUTDIR: makes the README's gallery figures (small PNGs) from a
# dataset.  `make gallery` runs it into doc/gallery/; tests/cli/gallery.sh runs it into a
# temporary folder and checks that the committed images are current.
# With GALLERY_SCENES=DIR, each figure's scene dump is also written to DIR/NAME.scene
# (tests/cli/figures.sh checks them for overlapping text).
set -eu
clout=$1 ds=$2 out=$3
fig() { # fig NAME ARGS...: one figure, out/NAME.png
    name=$1
    shift
    if [ -n "${GALLERY_SCENES:-}" ]; then
        CLOUT_SCENE_DUMP="$GALLERY_SCENES/$name.scene" "$clout" "$@" -o "$out/$name.png"
    else
        "$clout" "$@" -o "$out/$name.png"
    fi
}
fig network-2020 render "$ds@2020" --color balance --size pagerank --dpi 100
fig balance-2020 chart balance "$ds@2020" --bootstrap 200 --dpi 100
fig trend chart trend "$ds" --at 2005,2014,2020 --dpi 100
fig shares-2020 chart shares "$ds@2020" --dpi 100
fig facets chart balance "$ds" --layer economic,security --at 2005,2014,2020 --bootstrap 200 --dpi 100
fig robustness-2020 chart robustness "$ds@2020" --bootstrap 200 --dpi 100
