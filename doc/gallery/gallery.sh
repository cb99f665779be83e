#!/bin/sh
# gallery.sh CLOUT DATASET OUTDIR: makes the README's gallery figures (small PNGs) from a
# dataset.  `make gallery` runs it into doc/gallery/; tests/cli/gallery.sh runs it into a
# temporary folder and checks that the committed images are current.
set -eu
clout=$1 ds=$2 out=$3
"$clout" render "$ds@2020" --color balance --size pagerank --dpi 100 -o "$out/network-2020.png"
"$clout" chart balance "$ds@2020" --bootstrap 200 --dpi 100 -o "$out/balance-2020.png"
"$clout" chart trend "$ds" --at 2005,2014,2020 --dpi 100 -o "$out/trend.png"
"$clout" chart shares "$ds@2020" --dpi 100 -o "$out/shares-2020.png"
