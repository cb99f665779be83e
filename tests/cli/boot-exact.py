"""boot-exact.py: the exact bootstrap distribution of a balance, for the tests to compare
with `clout influence --bootstrap B --noise 0 --interval percentile|bca`.

    boot-exact.py DATASET YEAR WINDOW RELATION FOCUS LAYER

The resampling unit is that of doc/methods.md ("Uncertainty"): the covered years of the
window of one flow relation, drawn with replacement, each drawn year's ties moved to the
slot's year.  With W years there are W^W equally likely resamples; this script lists
them all (no random numbers), writes each as a dataset and computes its balance with
tests/cli/influence-ref.py (the independent implementation), then reads the 95% intervals
off the exact distribution:
  - percentile: the values at the 2.5% and 97.5% points of the distribution;
  - BCa (Efron 1987; Davison and Hinkley 1997, ch. 5): z0 = Phi^-1(P(T* < t) + P(T* = t)/2),
    the acceleration from the jackknife over the W years (each year left out, the other
    years' values times W/(W-1)), a = sum l^3 / (6 (sum l^2)^1.5), l_j = (W-1)(mean - t_j),
    and the points Phi(z0 + (z0 + z)/(1 - a (z0 + z))) for z = Phi^-1(0.025), Phi^-1(0.975).
Prints "percentile LO HI", "bca LO HI" and "margin M": the smallest distance between a
point and a jump of the distribution function (a sampled bootstrap of B replicates agrees
with the exact one when M is well above 1/sqrt(B)).
"""
import csv
import itertools
import math
import os
import shutil
import subprocess
import sys
import tempfile
from statistics import NormalDist

ds, year, window, rel, focus, layer = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
    sys.argv[4], sys.argv[5], sys.argv[6]
here = os.path.dirname(os.path.abspath(__file__))
years = list(range(year - window + 1, year + 1))
with open(os.path.join(ds, "ties.csv"), encoding="utf-8") as f:
    lines = [l for l in f if not l.startswith("#")]
header, body = lines[0], list(csv.reader(lines[1:]))
cols = next(csv.reader([header]))
ci = {c: i for i, c in enumerate(cols)}
poles = [r["id"] for r in csv.DictReader(open(os.path.join(ds, "actors.csv"), encoding="utf-8"))
         if r["role"] == "pole"]


def year_of(s):
    return int(s[:4])


def in_window(row):
    return row[ci["relation"]] == rel and year_of(row[ci["start"]]) in years


kept = [r for r in body if not in_window(r)]
by_year = {y: [r for r in body if in_window(r) and year_of(r[ci["start"]]) == y] for y in years}
tmp = tempfile.mkdtemp()


def balance(rows):
    d = os.path.join(tmp, "ds")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name in ("actors.csv", "relations.csv"):
        shutil.copy(os.path.join(ds, name), d)
    with open(os.path.join(d, "ties.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(header)
        csv.writer(f, lineterminator="\n").writerows(kept + rows)
    out = subprocess.run([sys.executable, os.path.join(here, "influence-ref.py"), d, str(year),
                          "--window", str(window), "--relations", rel],
                         check=True, capture_output=True, text=True).stdout
    idx = {}
    for line in out.split("\n"):
        p = line.split()
        if len(p) == 5 and p[0] == focus and p[1] == layer:
            idx[p[2]] = 0.5 * float(p[3]) + 0.5 * float(p[4])
    a, b = idx[poles[0]], idx[poles[1]]
    return (b - a) / (a + b)


def moved(row, to, factor=1.0):
    r = list(row)
    if r[ci["end"]] and year_of(r[ci["end"]]) == year_of(r[ci["start"]]):
        r[ci["end"]] = str(to)
    r[ci["start"]] = str(to)
    if factor != 1.0:
        r[ci["value"]] = repr(float(r[ci["value"]] or 1) * factor)
    return r


t = balance([r for y in years for r in by_year[y]])
# Every resample, as the years drawn for the slots (order matters for the slot years).
dist = []
for draw in itertools.product(years, repeat=window):
    dist.append(balance([moved(r, slot, 1.0) for slot, y in zip(years, draw) for r in by_year[y]]))
dist.sort()
n = len(dist)


def inv_cdf(q):
    """The smallest value v with P(T* <= v) >= q, and how far q is from a jump."""
    for i, v in enumerate(dist):
        if (i + 1) / n >= q:
            jumps = [k / n for k in range(n + 1) if k == n or k == 0 or dist[k - 1] != dist[k]]
            return v, min(abs(q - j) for j in jumps)
    return dist[-1], 0.0


N = NormalDist()
lo, m1 = inv_cdf(0.025)
hi, m2 = inv_cdf(0.975)
print("percentile", repr(lo), repr(hi))
below = sum(1 for v in dist if v < t - 1e-12)
equal = sum(1 for v in dist if abs(v - t) <= 1e-12)
z0 = N.inv_cdf((below + 0.5 * equal) / n)
jack = [balance([moved(r, year_of(r[ci["start"]]), window / (window - 1))
                 for y2 in years if y2 != y for r in by_year[y2]]) for y in years]
mean = sum(jack) / len(jack)
l = [(window - 1) * (mean - j) for j in jack]
s2 = sum(x * x for x in l)
a = sum(x ** 3 for x in l) / (6 * s2 ** 1.5) if s2 > 0 else 0.0
pts = []
for z in (N.inv_cdf(0.025), N.inv_cdf(0.975)):
    pts.append(N.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))))
blo, m3 = inv_cdf(pts[0])
bhi, m4 = inv_cdf(pts[1])
print("bca", repr(blo), repr(bhi))
print("estimate", repr(t), "z0", repr(z0), "a", repr(a), "points", repr(pts[0]), repr(pts[1]))
print("margin", repr(min(m1, m2, m3, m4)))
shutil.rmtree(tmp)
