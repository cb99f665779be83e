"""robust-ref.py: every variant of `clout robustness` recomputed independently.

    robust-ref.py DATASET YEAR VARIANTS.csv

For each row of clout's variants table (focus, layer, variant, kind, balance), builds the
variant the way doc/methods.md ("Robustness") describes it, as a modified copy of the
dataset's CSV files or as options of tests/cli/influence-ref.py (the independent
implementation of direct share and reach), computes the balance
(I(b) - I(a)) / (I(a) + I(b)), I = (D + R) / 2, a and b the first two poles, and compares.
Prints one line per difference and a count; exits 1 on any difference.
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

ds, year, variants = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.mkdtemp()
poles = [r["id"] for r in csv.DictReader(l for l in open(os.path.join(ds, "actors.csv"))
                                         if not l.startswith("#")) if r["role"] == "pole"]
cache = {}


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return next(csv.reader([lines[0]])), list(csv.DictReader(lines))


def write(path, header, rs):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rs)


def balances(relations=None, ties=None, opts=()):
    key = (id(relations), id(ties), tuple(opts))
    d = os.path.join(tmp, "v")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    shutil.copy(os.path.join(ds, "actors.csv"), d)
    for name, change in (("relations.csv", relations), ("ties.csv", ties)):
        if change is None:
            shutil.copy(os.path.join(ds, name), d)
        else:
            h, rs = rows(os.path.join(ds, name))
            write(os.path.join(d, name), h, [change(dict(r)) for r in rs])
    out = subprocess.run([sys.executable, os.path.join(here, "influence-ref.py"), d, year, *opts],
                         check=True, capture_output=True, text=True).stdout
    idx = {}
    for line in out.split("\n"):
        p = line.split()
        if len(p) == 5:
            i = 0.5 * float(p[3]) + 0.5 * float(p[4]) if p[3] != "nan" else float("nan")
            idx[(p[0], p[1], p[2])] = i
    res = {}
    for (f, l, p), i in idx.items():
        if p == poles[0]:
            a, b = i, idx.get((f, l, poles[1]), float("nan"))
            res[(f, l)] = (b - a) / (a + b) if a + b > 0 else float("nan")
    return res


def variant(label, kind):
    """The balances of one variant, from its label."""
    if kind == "estimate":
        return balances()
    if kind == "relation_out":
        return balances(opts=["--exclude", label[len("without "):]])
    if kind == "source_out":
        src = label[len("without source "):]
        _, rs = rows(os.path.join(ds, "relations.csv"))
        names = [r["relation"] for r in rs if r.get("source") == src]
        return balances(opts=["--exclude", ",".join(names)])
    if kind == "window":
        return balances(opts=["--window", label.split()[1]])
    if kind == "weight":
        rel, _, f = label.split()
        factor = float(f[1:])

        def ch(r):
            if r["relation"] == rel:
                r["weight"] = repr(float(r["weight"] or 1) * factor)
            return r
        return balances(relations=ch)
    if kind == "scale":
        rel, _, sc = label.split()

        def ch(r):
            if r["relation"] == rel:
                r["scale"] = sc
            return r
        return balances(relations=ch)
    if kind == "alt_values":
        def ch(r):
            if r.get("alt_value"):
                r["value"] = r["alt_value"]
            return r
        return balances(ties=ch)
    raise SystemExit("unknown kind " + kind)


bad = n = 0
for r in csv.DictReader(open(variants)):
    key = (r["variant"], r["kind"])
    if key not in cache:
        cache[key] = variant(*key)
    want = cache[key].get((r["focus"], r["layer"]), float("nan"))
    got = float(r["balance"]) if r["balance"] != "" else float("nan")
    n += 1
    same = (got != got and want != want) or abs(got - want) < 1e-9
    if not same:
        bad += 1
        if bad < 6:
            print("differs:", r["focus"], r["layer"], r["variant"], "clout", got, "reference", want)
print(n, "variant values,", len(cache), "variants,", bad, "differ")
shutil.rmtree(tmp)
sys.exit(1 if bad or n == 0 else 0)
