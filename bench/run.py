#!/usr/bin/env python3
"""run.py: `make bench`: clout against its peers, runs alternating, medians; writes results.md.

usage: run.py --clout ./clout --gen bench/gen --measures-c bench/measures-c
              [--python /usr/bin/python3] [--work bench/work] [--out bench/results.md]
              [--budget 45] [--max-runs 5] [--deadline 780] [--only NAME,...] [--quick]

Each benchmark runs clout and its peers in turn, round after round, so that
a slow phase of the machine hits every tool alike.  Every tool gets
--max-runs runs, or fewer when its first run shows that they would take more
than --budget seconds (at least one): the median of what ran is reported,
with the number of runs.  The first round of every benchmark runs first, so
that a complete table exists early; later rounds run while they fit before
--deadline seconds (default 13 minutes), which keeps `make bench` under 15
minutes even when other work slows the machine.  Wall time comes from the clock around each run,
peak RSS from /usr/bin/time -v (GNU time, Debian package `time`).

The data are written by bench/gen (seeded: the same files every time) into
--work and kept there for the next run; --quick uses small sizes, to try the
harness in a minute.  bench/README.md says what each benchmark measures.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")

# Sizes (full, quick).  doc/performance.md and README.md explain the choices.
SIZES = {
    # 5 million flow ties over 20 years (plus state ties), 50,000 actors.
    "ingest": dict(n=50000, m=5000000, s=100000, r=8, y=20, seed=1),
    # One snapshot of about 1 million edges (5 years, window 5).
    "measures": dict(n=50000, m=810000, s=50000, r=8, y=5, seed=2),
    # The same generator at a quarter of the ties: NetworkX's graph (scaled).
    "measures-nx": dict(n=50000, m=202500, s=12500, r=8, y=5, seed=2),
    # About 5,000 actors and 20,000 edges: betweenness, harmonic, render.
    "small": dict(n=5000, m=16000, s=1500, r=8, y=5, seed=3),
}
QUICK = {
    "ingest": dict(n=5000, m=200000, s=4000, r=8, y=20, seed=1),
    "measures": dict(n=5000, m=40000, s=2500, r=8, y=5, seed=2),
    "measures-nx": dict(n=5000, m=10000, s=625, r=8, y=5, seed=2),
    "small": dict(n=1000, m=3000, s=300, r=8, y=5, seed=3),
}
SNAP_YEAR = 2020  # every dataset ends in 2020


class Failed(Exception):
    pass


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


# ---- running and timing ----

def run_once(cmds, outdir, cpu=None):
    """Runs each command of cmds in turn (a tool may be several commands).
    Returns (seconds, peak RSS in KiB, stderr text); the time is the sum, the
    RSS the largest.  cpu, a list, receives the user + system seconds."""
    total, rss, err, cpu_s = 0.0, 0, "", 0.0
    for cmd in cmds:
        with tempfile.NamedTemporaryFile("r", dir=outdir, suffix=".time") as tf:
            full = ["/usr/bin/time", "-v", "-o", tf.name] + cmd
            t0 = time.perf_counter()
            p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
            dt = time.perf_counter() - t0
            report = tf.read()
        if p.returncode != 0:
            raise Failed(f"{shlex.join(cmd)} failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        total += dt
        rss = max(rss, int(m.group(1)) if m else 0)
        err += p.stderr
        for what in ("User", "System"):
            c = re.search(what + r" time \(seconds\): ([\d.]+)", report)
            cpu_s += float(c.group(1)) if c else 0.0
    if cpu is not None:
        cpu.append(cpu_s)
    return total, rss, err


class Tool:
    """One contender of a benchmark: a label, its commands, and what it measured.

    estimate(stderr, seconds) may turn a run's time into an estimate (a
    sampled or smaller run scaled up); such tools are marked 'est.'."""

    def __init__(self, label, cmds, estimate=None, note=None, max_runs=None):
        self.label, self.cmds, self.estimate, self.note = label, cmds, estimate, note
        self.max_runs = max_runs
        self.times, self.walls, self.rss, self.stderr, self.cpu = [], [], [], [], []
        self.planned = None

    def to_dict(self):
        return dict(label=self.label, note=self.note, estimated=bool(self.estimate),
                    times=self.times, rss=self.rss, cpu=self.cpu)

    @classmethod
    def from_dict(cls, d):
        t = cls(d["label"], [], note=d["note"])
        t.estimate = d["estimated"] or None
        t.times, t.rss, t.cpu = d["times"], d["rss"], d["cpu"]
        return t

    def median(self):
        return statistics.median(self.times)

    def peak(self):
        return statistics.median(self.rss)


def run_round(tools, outdir, budget, max_runs):
    """Runs each tool that still needs a run, once, in turn.  After a tool's
    first run, plans its number of runs from the time that run took."""
    for t in tools:
        if t.planned is not None and len(t.times) >= t.planned:
            continue
        dt, rss, err = run_once(t.cmds, outdir, t.cpu)
        secs = t.estimate(err, dt) if t.estimate else dt
        t.times.append(secs)
        t.walls.append(dt)
        t.rss.append(rss)
        t.stderr.append(err)
        if t.planned is None:
            cap = t.max_runs or max_runs
            t.planned = max(1, min(cap, int(budget // max(dt, 1e-3))))
        log(f"  {t.label}: run {len(t.times)}/{t.planned}: {secs:.2f} s"
            f"{' (est.)' if t.estimate else ''}, {rss / 1024:.0f} MiB")


def run_all(plans, outdir, args, start):
    """plans: (name, tools) pairs.  First one round of every benchmark, so that
    a complete table exists early; then further rounds, benchmark after
    benchmark, as long as a round fits before the deadline.  Returns the
    names of the benchmarks whose runs the deadline cut."""
    for name, tools in plans:
        log(f"{name}: round 1 ({time.time() - start:.0f} s so far)")
        run_round(tools, outdir, args.budget, args.max_runs)
    cut = set()
    for rnd in range(2, args.max_runs + 1):
        for name, tools in plans:
            todo = [t for t in tools if len(t.times) < t.planned]
            if not todo:
                continue
            need = sum(statistics.median(t.walls) for t in todo)
            if time.time() - start + need > args.deadline:
                for t in todo:
                    t.planned = len(t.times)
                cut.add(name)
                continue
            log(f"{name}: round {rnd} ({time.time() - start:.0f} s so far)")
            run_round(todo, outdir, args.budget, args.max_runs)
    return cut


# ---- data ----

def gen_dataset(args, name, size, work):
    """Writes the dataset once; a stamp with the arguments tells whether it is current."""
    d = os.path.join(work, name)
    cmd = [args.gen, "-o", d, "-n", str(size["n"]), "-m", str(size["m"]), "-s", str(size["s"]),
           "-r", str(size["r"]), "-y", str(size["y"]), "--first-year", str(SNAP_YEAR - size["y"] + 1),
           "--seed", str(size["seed"])]
    stamp = os.path.join(d, ".gen-args")
    key = shlex.join(cmd[1:])
    if os.path.exists(stamp) and open(stamp).read() == key:
        return d
    log(f"writing the dataset {name}: {key}")
    if os.path.isdir(d):
        shutil.rmtree(d)
    subprocess.run(cmd, check=True)
    with open(stamp, "w") as f:
        f.write(key)
    return d


def clout_build(args, dataset, fmt, out):
    subprocess.run([args.clout, "build", f"{dataset}@{SNAP_YEAR}", "--to", fmt, "-o", out],
                   check=True)
    return out


def small_edges(args, work):
    """The 20 k-edge snapshot as an edge list (harmonic, betweenness): path and edge count."""
    ds = gen_dataset(args, "small", args.sizes["small"], work)
    edges = clout_build(args, ds, "edgelist", os.path.join(work, "small-edges.csv"))
    return edges, count_lines(edges) - 1


def count_lines(path):
    with open(path, "rb") as f:
        return sum(buf.count(b"\n") for buf in iter(lambda: f.read(1 << 20), b""))


# ---- checks: do the contenders compute the same thing? ----

def read_csv_rows(path):
    import csv
    with open(path, newline="") as f:
        return list(csv.reader(f))


def same_lines(a, b):
    """Whether two CSV files hold the same lines, in any order."""
    with open(a) as fa, open(b) as fb:
        return sorted(fa) == sorted(fb)


def max_rel_diff(a, b, cols, key="id"):
    """Largest relative difference of cols between two tables joined on key."""
    ra, rb = read_csv_rows(a), read_csv_rows(b)
    ha, hb = ra[0], rb[0]
    ib = {row[hb.index(key)]: row for row in rb[1:]}
    worst = {}
    for c in cols:
        if c not in ha or c not in hb:
            continue
        ca, cb = ha.index(c), hb.index(c)
        w = 0.0
        for row in ra[1:]:
            other = ib.get(row[ha.index(key)])
            if other is None or row[ca] == "" or other[cb] == "":
                continue
            x, y = float(row[ca]), float(other[cb])
            d = abs(x - y) / max(abs(x), abs(y), 1e-300) if x != y else 0.0
            w = max(w, d)
        worst[c] = w
    return worst


def fmt_diffs(d):
    return ", ".join(f"{k} {v:.1e}" for k, v in d.items()) or "nothing to compare"


# ---- the benchmarks ----

def py(args, script, *rest):
    return [args.python, os.path.join(PEERS, script), *rest]


def scaled_from_stderr(pattern):
    """An estimate printed by the tool itself ('all: about X s')."""
    def est(err, dt):
        m = re.findall(pattern, err)
        if not m:
            raise Failed(f"no estimate in the output: {err[-500:]}")
        return float(m[-1])
    return est


def bench_ingest(args, work, out):
    ds = gen_dataset(args, "ingest", args.sizes["ingest"], work)
    y = str(SNAP_YEAR)
    o = lambda n: os.path.join(out, f"ingest-{n}.csv")
    clout = Tool("clout build --to csv",
                 [[args.clout, "build", f"{ds}@{y}", "--window", "5", "--to", "csv", "-o",
                   o("clout")]])
    peers = [Tool("python-igraph + pandas", [py(args, "ingest-igraph.py", ds, y, "5", o("igraph"))]),
             Tool("NetworkX + pandas", [py(args, "ingest-networkx.py", ds, y, "5", o("networkx"))])]
    yield [clout] + peers
    same = {p.label: same_lines(o("clout"), o(n))
            for p, n in zip(peers, ("igraph", "networkx"))}
    edges = count_lines(o("clout")) - 1
    ties = count_lines(os.path.join(ds, "ties.csv")) - 1
    checks = [f"{p}: {'the same edges, weights, layers and relations as clout' if s else 'OUTPUT DIFFERS from clout'}"
              for p, s in same.items()]
    return dict(name="ingest", what=f"{ties:,} ties (20 years) to a {edges:,}-edge snapshot (window 5), edge CSV",
                clout=clout, peers=peers, checks=checks)


def bench_parse(args, work, out):
    ds = gen_dataset(args, "ingest", args.sizes["ingest"], work)
    ties = os.path.join(ds, "ties.csv")
    mb = os.path.getsize(ties) / 1e6
    clout = Tool("clout validate", [[args.clout, "validate", "-q", ds]])
    peers = [Tool("wc -l", [["wc", "-l", ties]])]
    yield [clout] + peers
    c, w = clout.median(), peers[0].median()
    return dict(name="parse", what=f"validate the dataset: ties.csv is {mb:.0f} MB",
                clout=clout, peers=peers,
                checks=[f"clout validate reads {mb / c:.0f} MB/s, wc -l {mb / w:.0f} MB/s: "
                        f"reading the file alone takes {w / c:.1%} of clout's time"],
                mbps=(mb / c, mb / w))


def leiden_modularity(prog, err):
    """The modularity a peer printed on stderr ('... modularity 0.48038')."""
    m = re.findall(prog + r": .*modularity ([\d.]+)", err)
    return float(m[-1]) if m else None


def clout_modularity(path):
    """The modularity in the summary table of `clout communities -o FILE.csv`."""
    rows = read_csv_rows(path)
    for i, row in enumerate(rows):
        if "modularity" in row and i + 1 < len(rows):
            return float(rows[i + 1][row.index("modularity")])
    return None


def bench_measures(args, work, out):
    ds = gen_dataset(args, "measures", args.sizes["measures"], work)
    edges = clout_build(args, ds, "edgelist", os.path.join(work, "measures-edges.csv"))
    dsn = gen_dataset(args, "measures-nx", args.sizes["measures-nx"], work)
    edges_nx = clout_build(args, dsn, "edgelist", os.path.join(work, "measures-nx-edges.csv"))
    m, m_nx = count_lines(edges) - 1, count_lines(edges_nx) - 1
    o = lambda n: os.path.join(out, f"measures-{n}.csv")
    which = "strength,pagerank,coreness"
    # Leiden: clout's rule (iterate until stable or an iteration gains less
    # than 1e-4 in modularity, communities --tolerance), followed by the C
    # program and python-igraph with the same tolerance.
    clout = Tool("clout measure + communities",
                 [[args.clout, "measure", edges, "--directed", "--measures", which, "-o", o("clout")],
                  [args.clout, "communities", edges, "--directed", "--method", "leiden", "-o",
                   o("clout-comm")]])
    c_prog = Tool("C program (igraph)", [[args.measures_c, edges, "--directed", "--only",
                                           which + ",leiden", "--tolerance", "1e-4", "-o", o("c")]])
    ig_prog = Tool("python-igraph", [py(args, "measures-igraph.py", edges, "--directed", "--only",
                                        which + ",leiden", "--tolerance", "1e-4", "-o", o("igraph"))])
    scale = m / m_nx
    nx_prog = Tool("NetworkX (Louvain)",
                   [py(args, "measures-networkx.py", edges_nx, "--directed", "--only",
                       which + ",leiden", "-o", o("networkx"))],
                   estimate=lambda err, dt: dt * scale,
                   note=f"est.: run on a {m_nx:,}-edge snapshot of the same generator, time x "
                        f"{scale:.2f}; its RSS is that smaller run's",
                   max_runs=1)
    peers = [c_prog, ig_prog, nx_prog]
    yield [clout] + peers
    comp = [float(re.findall(r"computation ([\d.]+) s", e)[-1]) for e in c_prog.stderr]
    c_prog.note = (f"whole program; its igraph calls alone take {statistics.median(comp):.2f} s "
                   f"(the rest is reading the edge list)")
    q = dict(clout=clout_modularity(o("clout-comm")),
             c=leiden_modularity("measures-c", c_prog.stderr[-1]),
             ig=leiden_modularity("measures-igraph", ig_prog.stderr[-1]),
             nx=leiden_modularity("measures-networkx", nx_prog.stderr[-1]))
    iters = re.findall(r"stopped after (\d+) iterations", c_prog.stderr[-1])
    fq = lambda x: f"{x:.5f}" if x is not None else "?"
    checks = [f"C program vs clout: largest relative difference {fmt_diffs(max_rel_diff(o('clout'), o('c'), which.split(',')))}",
              f"python-igraph vs clout: {fmt_diffs(max_rel_diff(o('clout'), o('igraph'), which.split(',')))}",
              f"Leiden, every contender iterating until stable or a gain below 1e-4 (clout's "
              f"communities --tolerance default): modularity reached: clout {fq(q['clout'])}, C "
              f"program {fq(q['c'])} ({iters[-1] if iters else '?'} iterations), python-igraph "
              f"{fq(q['ig'])}; NetworkX's Louvain (default threshold 1e-7) {fq(q['nx'])} on its "
              f"quarter-size snapshot (not comparable in value, a different graph)",
              f"NetworkX at the full {m:,} edges is estimated, not timed: one run would take "
              f"about {nx_prog.median():.0f} s or more (Louvain grows faster than linearly), "
              f"which the 15-minute budget of make bench does not hold today"]
    return dict(name="measures",
                what=f"strength, pagerank, coreness + Leiden on a {m:,}-edge snapshot (harmonic: "
                     f"its own rows, on 20 k edges)",
                clout=clout, peers=peers, checks=checks)


def bench_harmonic(args, work, out):
    edges, m = small_edges(args, work)
    o = lambda n: os.path.join(out, f"harmonic-{n}.csv")
    clout = Tool("clout measure --measures harmonic --cutoff 3",
                 [[args.clout, "measure", edges, "--directed", "--measures", "harmonic",
                   "--cutoff", "3", "-o", o("clout")]])
    peers = [Tool("C program, cutoff 3", [[args.measures_c, edges, "--directed", "--only",
                                           "harmonic", "--cutoff", "3", "-o", o("c")]]),
             Tool("C program, no cutoff", [[args.measures_c, edges, "--directed", "--only",
                                            "harmonic", "--cutoff", "-1", "-o", o("c-full")]],
                  max_runs=2),
             Tool("python-igraph, cutoff 3", [py(args, "measures-igraph.py", edges, "--directed",
                                                 "--only", "harmonic", "--cutoff", "3", "-o",
                                                 o("igraph"))],
                  note="python-igraph 0.10.2's harmonic_centrality(cutoff=3) swaps cutoff and "
                       "normalized (python-igraph issue #811) and returns zeros, so the script "
                       "computes all distances (Graph.distances) and applies the cutoff in numpy"),
             Tool("NetworkX, cutoff 3",
                  [py(args, "measures-networkx.py", edges, "--directed", "--only", "harmonic",
                      "--cutoff", "3", "-o", o("networkx"))],
                  note="NetworkX's harmonic_centrality has no cutoff: Dijkstra with a cutoff "
                       "from every vertex")]
    yield [clout] + peers
    checks = [f"values against clout's: C program cutoff 3 "
              f"{fmt_diffs(max_rel_diff(o('clout'), o('c'), ['harmonic']))}, python-igraph "
              f"{fmt_diffs(max_rel_diff(o('clout'), o('igraph'), ['harmonic']))}, NetworkX "
              f"{fmt_diffs(max_rel_diff(o('clout'), o('networkx'), ['harmonic']))}"]
    # At the size of the measures benchmark: estimates from a sample of vertices.
    big = os.path.join(work, "measures-edges.csv")
    if os.path.exists(big):
        est = {}
        for cut in ("3", "-1"):
            _, _, err = run_once([[args.measures_c, big, "--directed", "--only", "harmonic",
                                   "--cutoff", cut, "--sample", "20"]], out)
            est[cut] = float(re.findall(r"all: about ([\d.]+) s", err)[-1])
        mb = count_lines(big) - 1
        checks.append(f"at {mb:,} edges (the measures snapshot), estimated from 20 vertices with "
                      f"the C program: {est['3']:,.0f} s with cutoff 3, {est['-1']:,.0f} s "
                      f"without: with lengths 1/w, hubs joined by strong ties put most of the "
                      f"network within 3, so harmonic stays out of the measures row")
    return dict(name="harmonic", what=f"harmonic centrality with cutoff 3 (lengths 1/w) on a "
                                      f"{m:,}-edge snapshot",
                clout=clout, peers=peers, checks=checks)


def sample_error(exact_path, est_path, top=100):
    """How far clout's --sample estimate is from clout's exact betweenness:
    the max and mean relative error over the vertices whose exact value is
    above 0 (and the relative error of the sum), the Spearman rank
    correlation over the top `top` vertices by exact value, and how many of
    them the estimate also ranks in its top `top`."""
    def col(path):
        rows = read_csv_rows(path)
        h = rows[0]
        i, c = h.index("id"), h.index("betweenness")
        return {r[i]: float(r[c]) for r in rows[1:]}
    ex, es = col(exact_path), col(est_path)
    rel = [abs(es[v] - x) / x for v, x in ex.items() if x > 0]
    order = sorted(ex, key=lambda v: -ex[v])[:top]
    def ranks(vals):
        idx = sorted(range(len(vals)), key=lambda i: vals[i])
        r = [0.0] * len(vals)
        i = 0
        while i < len(idx):
            j = i
            while j + 1 < len(idx) and vals[idx[j + 1]] == vals[idx[i]]:
                j += 1
            for k in range(i, j + 1):
                r[idx[k]] = (i + j) / 2
            i = j + 1
        return r
    ra, rb = ranks([ex[v] for v in order]), ranks([es[v] for v in order])
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    cov = sum((a - ma) * (b - mb) for a, b in zip(ra, rb))
    sd = (sum((a - ma) ** 2 for a in ra) * sum((b - mb) ** 2 for b in rb)) ** 0.5
    est_top = set(sorted(es, key=lambda v: -es[v])[:top])
    return dict(max=max(rel), mean=statistics.mean(rel), rho=cov / sd if sd else float("nan"),
                overlap=len(est_top & set(order)), top=len(order),
                total=abs(sum(es.values()) - sum(ex.values())) / sum(ex.values()))


def bench_betweenness(args, work, out):
    edges, m = small_edges(args, work)
    o = lambda n: os.path.join(out, f"betweenness-{n}.csv")
    clout = Tool("clout measure --measures betweenness",
                 [[args.clout, "measure", edges, "--directed", "--measures", "betweenness", "-o",
                   o("clout")]])
    peers = [Tool("python-igraph", [py(args, "measures-igraph.py", edges, "--directed", "--only",
                                       "betweenness", "-o", o("igraph"))]),
             Tool("NetworkX",
                  [py(args, "measures-networkx.py", edges, "--directed", "--only", "betweenness",
                      "--sample", "100")],
                  estimate=scaled_from_stderr(r"all: about ([\d.]+) s"),
                  note="est.: exact betweenness from 100 sources, time scaled to all", max_runs=1)]
    yield [clout] + peers
    checks = [f"python-igraph vs clout: {fmt_diffs(max_rel_diff(o('clout'), o('igraph'), ['betweenness']))}"]
    # The error of --sample K against the exact values, on this graph.
    for k in SAMPLE_KS:
        est = o(f"sample-{k}")
        subprocess.run([args.clout, "measure", edges, "--directed", "--measures", "betweenness",
                        "--sample", str(k), "--seed", "1", "-o", est], check=True)
        e = sample_error(o("clout"), est)
        checks.append(f"clout --sample {k} (of {count_lines(est) - 1:,} vertices) against exact: "
                      f"relative error max {e['max']:.2f}, mean {e['mean']:.3f} (vertices with "
                      f"exact betweenness above 0), sum {e['total']:.3f}; top {e['top']} by exact "
                      f"value: Spearman rho {e['rho']:.3f}, {e['overlap']} of them also in the "
                      f"estimate's top {e['top']}")
    return dict(name="betweenness", what=f"exact betweenness (lengths 1/w) on a {m:,}-edge snapshot",
                clout=clout, peers=peers, checks=checks)


def bench_betweenness_sample(args, work, out):
    ds = gen_dataset(args, "measures", args.sizes["measures"], work)
    edges = clout_build(args, ds, "edgelist", os.path.join(work, "measures-edges.csv"))
    m = count_lines(edges) - 1
    k = str(BIG_SAMPLE)
    o = lambda n: os.path.join(out, f"betweenness-sample-{n}.csv")
    clout = Tool(f"clout measure --measures betweenness --sample {k}",
                 [[args.clout, "measure", edges, "--directed", "--measures", "betweenness",
                   "--sample", k, "--seed", "1", "-o", o("clout")]])
    c_prog = Tool(f"C program, the same {k} sources",
                  [[args.measures_c, edges, "--directed", "--betweenness", "--sample", k, "-o",
                    o("c")]])
    yield [clout, c_prog]
    comp = [float(re.findall(r"betweenness ([\d.]+) s", e)[-1]) for e in c_prog.stderr]
    c_prog.note = (f"whole program; igraph_betweenness_subset alone takes "
                   f"{statistics.median(comp):.2f} s")
    n = count_lines(o("clout")) - 1
    checks = [f"C program vs clout: {fmt_diffs(max_rel_diff(o('clout'), o('c'), ['betweenness']))} "
              f"(the same sources: clout's seeded draw)",
              f"exact betweenness here would take about n / {k} = {n / BIG_SAMPLE:,.0f} times "
              f"the sampled computation; the error of a sample is measured on the 20 k-edge "
              f"graph (betweenness row)"]
    return dict(name="betweenness, sampled",
                what=f"betweenness estimated from {k} random sources (--sample {k}) on the "
                     f"{m:,}-edge measures snapshot",
                clout=clout, peers=[c_prog], checks=checks)


def bench_render(args, work, out, fmt):
    ds = gen_dataset(args, "small", args.sizes["small"], work)
    dot = clout_build(args, ds, "dot", os.path.join(work, "small.dot"))
    # clout 0.1 writes weights like 1.15e-05 unquoted, which Graphviz cannot
    # parse (doc/performance.md); quoted, they are what clout meant.
    fixed = os.path.join(work, "small-quoted.dot")
    with open(dot) as f, open(fixed, "w") as g:
        g.write(re.sub(r"weight=([^,\"\]]+)", r'weight="\1"', f.read()))
    n_nodes = sum(1 for line in open(fixed) if "[label=" in line)
    n_edges = sum(1 for line in open(fixed) if " -> " in line or " -- " in line)
    o = lambda n: os.path.join(out, f"render-{n}.{fmt}")
    clout = Tool(f"clout render --layout sfdp (.{fmt})",
                 [[args.clout, "render", f"{ds}@{SNAP_YEAR}", "--layout", "sfdp", "-o", o("clout")]])
    peers = [Tool(f"sfdp -T{fmt}", [["sfdp", f"-T{fmt}", fixed, "-o", o("sfdp")]])]
    yield [clout] + peers
    sizes = f"clout's file {os.path.getsize(o('clout')) / 1e6:.1f} MB, sfdp's {os.path.getsize(o('sfdp')) / 1e6:.1f} MB"
    # Not the same work, in both directions: doc/performance.md section 5.
    checks = ["not the same drawing: clout removes every node overlap (Graphviz overlap=false, "
              "prism, on 0.25 in circles with sep=+4, about a third of clout's time) where the "
              "peer's DOT sets no overlap, so sfdp runs only prism's scaling phase (its default "
              "prism0) on label-sized ellipses and leaves overlaps; clout also computes each focus "
              "actor's balance (the fill) and places 5,000 labels without collisions, sfdp draws "
              "labels in its nodes and splines nothing (straight edges, as clout)"]
    return dict(name=f"render {fmt}", what=f"{n_nodes:,} actors, {n_edges:,} ties to {fmt.upper()} ({sizes})",
                clout=clout, peers=peers, checks=checks)


def bench_bootstrap(args, work, out):
    data = os.path.join(args.srcdir, "graphs", "central-asia")
    n = "100" if args.quick else "1000"
    o = lambda j: os.path.join(out, f"bootstrap-j{j}.csv")
    j2 = Tool("clout influence -j 2", [[args.clout, "influence", f"{data}@2023", "--bootstrap", n,
                                        "-j", "2", "-o", o(2)]])
    j1 = Tool("clout influence -j 1", [[args.clout, "influence", f"{data}@2023", "--bootstrap", n,
                                        "-j", "1", "-o", o(1)]])
    yield [j2, j1]
    same = same_lines(o(1), o(2))
    cpu1, cpu2 = statistics.median(j1.cpu), statistics.median(j2.cpu)
    return dict(name="bootstrap", what=f"{n} replicates of influence on graphs/central-asia@2023",
                clout=j2, peers=[j1],
                checks=[f"-j 1 and -j 2 give {'the same tables' if same else 'DIFFERENT TABLES'}",
                        f"CPU time (user + system, workers included): {cpu1:.2f} s with -j 1, "
                        f"{cpu2:.2f} s with -j 2; -j 2 is clout and one worker, and can only "
                        f"help when a second core is idle (see the load average below)"])


def bench_robustness(args, work, out):
    """clout robustness against the tests' independent recomputation of every
    variant (tests/cli/robust-ref.py: each variant a modified copy of the CSV
    files through influence-ref.py, no bootstrap), on the bundled data."""
    data = os.path.join(args.srcdir, "graphs", "central-asia")
    variants = os.path.join(out, "robustness-variants.csv")
    subprocess.run([args.clout, "robustness", f"{data}@2020", "--table", "variants",
                    "--format", "csv", "-q", "-o", variants], check=True)
    ref = os.path.join(args.srcdir, "tests", "cli", "robust-ref.py")
    clout = Tool("clout robustness (200 bootstrap replicates)",
                 [[args.clout, "robustness", f"{data}@2020", "-q", "-o",
                   os.path.join(out, "robustness.csv")]])
    peer = Tool("robust-ref.py (Python, every variant, no bootstrap)",
                [[args.python, ref, data, "2020", variants]], max_runs=1)
    yield [clout, peer]
    return dict(name="robustness", what="every robustness variant of graphs/central-asia@2020",
                clout=clout, peers=[peer],
                checks=[f"clout {clout.median():.2f} s against the target of 30 s on 2 cores",
                        "robust-ref.py exits 0 only when every variant value it recomputes "
                        "equals clout's (to 1e-9): it did"])


# --sample sizes whose error is reported on the 20 k-edge graph, and the one
# timed on the 1 M-edge graph.
SAMPLE_KS = [100, 500]
BIG_SAMPLE = 100

BENCHMARKS = ["ingest", "parse", "measures", "harmonic", "betweenness", "betweenness-sample",
              "render-png", "render-pdf", "bootstrap", "robustness"]


# ---- the report ----

def mib(kb):
    return f"{kb / 1024:,.0f} MiB" if kb >= 10240 else f"{kb / 1024:,.1f} MiB"


def secs(t):
    return f"{t:,.2f}" if t < 100 else f"{t:,.0f}"


def table(results):
    head = ("| benchmark | clout s | peer | peer s | time ratio | clout RSS | peer RSS | RSS ratio | runs |\n"
            "|---|---:|---|---:|---:|---:|---:|---:|---:|\n")
    rows = []
    for r in results:
        c = r["clout"]
        for p in r["peers"]:
            est = " (est.)" if p.estimate else ""
            rows.append(
                f"| {r['name']} | {secs(c.median())} | {p.label} | {secs(p.median())}{est} | "
                f"{c.median() / p.median():.2f} | {mib(c.peak())} | {mib(p.peak())} | "
                f"{c.peak() / p.peak():.2f} | {len(c.times)} / {len(p.times)} |")
    return head + "\n".join(rows) + "\n"


def find(results, name, label_start):
    for r in results:
        if r["name"] == name:
            for p in r["peers"]:
                if p.label.startswith(label_start):
                    return r["clout"], p
    return None, None


def targets(results):
    out = []

    def add(what, ok, numbers):
        out.append(f"| {what} | {'met' if ok else '**not met**'} | {numbers} |")

    def speed(c, p, est=""):
        r = p.median() / c.median()
        how = f"{r:.1f}x as fast" if r >= 1 else f"{1 / r:.1f}x slower"
        return f"clout {how} ({secs(c.median())} s against {secs(p.median())} s{est})"

    def share(c, p):
        return (f"clout takes {c.median() / p.median():.2f}x the time "
                f"({secs(c.median())} s against {secs(p.median())} s)")

    c, p = find(results, "ingest", "python-igraph")
    if c:
        add("ingest >= 10x faster than python-igraph + pandas", p.median() / c.median() >= 10,
            speed(c, p))
    c, p = find(results, "ingest", "NetworkX")
    if c:
        add("ingest >= 20x faster than NetworkX + pandas", p.median() / c.median() >= 20,
            speed(c, p))
    c, p = find(results, "ingest", "python-igraph")
    if c:
        add("ingest peak RSS <= 1/2 of python-igraph's", c.peak() <= p.peak() / 2,
            f"{c.peak() / p.peak():.2f} of it ({mib(c.peak())} against {mib(p.peak())})")
    c, p = find(results, "measures", "C program")
    if c:
        add("measures: clout <= 1.15x the C program", c.median() <= 1.15 * p.median(),
            share(c, p))
    c, p = find(results, "measures", "NetworkX")
    if c:
        add("measures >= 20x faster than NetworkX", p.median() / c.median() >= 20,
            speed(c, p, ", est."))
    c, p = find(results, "render png", "sfdp")
    if c:
        add("render <= 1.5x sfdp -Tpng", c.median() <= 1.5 * p.median(), share(c, p))
    c, p = find(results, "bootstrap", "clout influence -j 1")
    if c:
        r = p.median() / c.median()
        add("bootstrap -j 2 >= 1.7x faster than -j 1", r >= 1.7,
            f"-j 2 {r:.2f}x as fast ({secs(c.median())} s against {secs(p.median())} s)")
    return "| target | status | numbers |\n|---|---|---|\n" + "\n".join(out) + "\n"


def versions(args):
    def cmd(c):
        try:
            return subprocess.run(c, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    pyv = subprocess.run([args.python, "-c",
                          "import igraph, networkx, pandas, numpy; print(igraph.__version__, "
                          "networkx.__version__, pandas.__version__, numpy.__version__)"],
                         capture_output=True, text=True).stdout.split()
    gv = subprocess.run(["sfdp", "-V"], capture_output=True, text=True).stderr.strip()
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = f"{kb / 1048576:.0f} GiB"
    except (OSError, ValueError):
        pass
    return [f"clout: {cmd([args.clout, '--version'])} ({args.build_flags or 'build flags unknown'})",
            f"igraph C library: {cmd(['pkg-config', '--modversion', 'igraph'])}",
            f"python-igraph {pyv[0] if pyv else '?'}, NetworkX {pyv[1] if len(pyv) > 1 else '?'}, "
            f"pandas {pyv[2] if len(pyv) > 2 else '?'}, numpy {pyv[3] if len(pyv) > 3 else '?'} "
            f"({args.python} {platform.python_version() if args.python == sys.executable else ''})".rstrip(),
            f"Graphviz: {gv}",
            f"machine: {os.cpu_count()} cores, {cpu}, {mem}, {platform.system()} {platform.release()}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clout", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--measures-c", required=True)
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--srcdir", default=os.path.dirname(HERE))
    ap.add_argument("--work", default="bench/work")
    ap.add_argument("--out", default=None)
    ap.add_argument("--budget", type=float, default=45)
    ap.add_argument("--max-runs", type=int, default=5)
    ap.add_argument("--deadline", type=float, default=780,
                    help="no further rounds after this many seconds (first rounds always run)")
    ap.add_argument("--only", default=",".join(BENCHMARKS))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--build-flags", default="")
    ap.add_argument("--report-from", metavar="JSON",
                    help="write --out from the raw results of an earlier run (WORK/results.json)")
    args = ap.parse_args()
    args.clout = os.path.abspath(args.clout)
    args.gen = os.path.abspath(args.gen)
    args.measures_c = os.path.abspath(args.measures_c)
    args.sizes = QUICK if args.quick else SIZES
    # The peers import peers/snapshot.py: no __pycache__ in the source tree.
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    only = args.only.split(",")
    for b in only:
        if b not in BENCHMARKS:
            sys.exit(f"bench: '{b}' is not a benchmark: {', '.join(BENCHMARKS)}")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("bench: /usr/bin/time is missing: install the Debian package 'time'")
    for tool in ("sfdp", "wc"):
        if not shutil.which(tool):
            sys.exit(f"bench: '{tool}' is missing (Debian packages graphviz, coreutils)")
    work = os.path.abspath(args.work)
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)

    if args.report_from:
        with open(args.report_from) as f:
            raw = json.load(f)
        results = [dict(r, clout=Tool.from_dict(r["clout"]),
                        peers=[Tool.from_dict(p) for p in r["peers"]]) for r in raw["results"]]
        print(table(results))
        if args.out:
            write_report(args, raw["meta"], results)
        return

    start = time.time()
    load0 = os.getloadavg()
    results = []
    runners = {"ingest": bench_ingest, "parse": bench_parse, "measures": bench_measures,
               "harmonic": bench_harmonic, "betweenness": bench_betweenness,
               "betweenness-sample": bench_betweenness_sample,
               "render-png": lambda a, w, o: bench_render(a, w, o, "png"),
               "render-pdf": lambda a, w, o: bench_render(a, w, o, "pdf"),
               "bootstrap": bench_bootstrap, "robustness": bench_robustness}
    # Each runner is a generator: it prepares its data and yields its
    # contenders; after the runs it returns its row of the report.
    gens, plans = [], []
    for b in BENCHMARKS:
        if b not in only:
            continue
        log(f"{b}: preparing ({time.time() - start:.0f} s so far)")
        g = runners[b](args, work, out)
        gens.append(g)
        plans.append((b, next(g)))
    cut = run_all(plans, out, args, start)
    for (b, _), g in zip(plans, gens):
        try:
            next(g)
        except StopIteration as done:
            r = done.value
        if b in cut:
            r["checks"].append(f"fewer runs than planned: the deadline ({args.deadline:.0f} s) "
                               "left no time for more")
        results.append(r)
    elapsed = time.time() - start
    load1 = os.getloadavg()
    date = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    run_id = f"{start:.3f}"
    for r in results:
        r["date"], r["load"], r["run"] = date, [load0[0], load1[0]], run_id
    meta = dict(date=date, minutes=elapsed / 60, quick=args.quick, load=[load0[0], load1[0]],
                versions=versions(args), only=len(only) < len(BENCHMARKS), run=run_id)
    print()
    print(table(results))
    # A run of some benchmarks (--only) replaces their rows in the last
    # results and keeps the others, so results.md stays whole.
    raw_path = os.path.join(work, "results.json")
    if meta["only"] and os.path.exists(raw_path):
        with open(raw_path) as f:
            old = json.load(f)
        if old["meta"].get("quick") == args.quick:
            for r in old["results"]:
                r.setdefault("date", old["meta"]["date"])
                r.setdefault("load", old["meta"]["load"])
            fresh = {r["name"]: r for r in results}
            rows = [fresh.pop(r["name"], None) or dict(r, clout=Tool.from_dict(r["clout"]),
                                                       peers=[Tool.from_dict(p)
                                                              for p in r["peers"]])
                    for r in old["results"]]
            results = rows + list(fresh.values())
            meta["first"] = old["meta"].get("first", old["meta"])
    with open(raw_path, "w") as f:
        json.dump(dict(meta=meta, results=[
            dict(r, clout=r["clout"].to_dict(), peers=[p.to_dict() for p in r["peers"]])
            for r in results]), f, indent=1)
    if args.out:
        write_report(args, meta, results)
    log(f"wrote {args.out or 'the table'} ({elapsed / 60:.1f} minutes)")


def write_report(args, meta, results):
    with open(args.out, "w") as f:
        f.write("# Benchmark results\n\n")
        first = meta.get("first")
        if first:
            again = [r["name"] for r in results if r.get("run") == meta["run"]]
            kind = "a run of some benchmarks" if first.get("only") else "a full run"
            f.write(f"Written by `make bench` (bench/run.py{' --quick' if meta['quick'] else ''})"
                    f": {kind} on {first['date']} ({first['minutes']:.1f} minutes), then "
                    f"{', '.join(again)} run again on {meta['date']} (`--only`); each row's "
                    "date is in the notes.  ")
        else:
            f.write(f"Written by `make bench` (bench/run.py{' --quick' if meta['quick'] else ''})"
                    f" on {meta['date']}, in {meta['minutes']:.1f} minutes.  ")
        f.write("bench/README.md says what each benchmark measures and how; "
                "doc/performance.md where clout's time goes and what to change.\n\n")
        f.write("Times are medians of the runs in the last column (clout / peer), in seconds "
                "of wall-clock time; peak RSS is the median of GNU time's maximum resident set "
                "size.  **time ratio** and **RSS ratio** are clout divided by the peer: below "
                "1, clout is faster or smaller.  (est.) marks a peer timed on a sample or a "
                "smaller graph and scaled up (see the notes).\n\n")
        f.write(table(results))
        f.write("\n## Targets\n\n")
        f.write(targets(results))
        f.write("\n## Notes\n\n")
        for r in results:
            when = ""
            if first and r.get("date"):
                when = f" (run on {r['date']}, load average {r['load'][0]:.2f} to {r['load'][1]:.2f})"
            f.write(f"- **{r['name']}**: {r['what']}{when}.\n")
            for p in [r["clout"]] + r["peers"]:
                if p.note:
                    f.write(f"  - {p.label}: {p.note}.\n")
            for c in r["checks"]:
                f.write(f"  - {c}.\n")
        f.write("\n## Machine and versions\n\n")
        for v in meta["versions"]:
            f.write(f"- {v}\n")
        load = (first or meta)["load"]
        busy = (": above 2 on these 2 cores, other work shared the machine; alternating runs "
                "spread it over every contender alike, but parallel speed-ups (bootstrap -j 2) "
                "need an idle core") if max(load) > 2 else ""
        f.write(f"- load average (1 min) {load[0]:.2f} at the start, {load[1]:.2f} at the end"
                f"{' of the first run' if first else ''}{busy}\n")


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        sys.exit(f"bench: {e}")
