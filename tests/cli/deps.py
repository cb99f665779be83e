"""deps.py: every program and Python module the tests and benchmarks use comes from a
Debian package that ./quickstart installs.

A fresh machine has only what quickstart installs; a developer's machine keeps whatever
was installed by hand, so a test that passes here can fail there (python3-scipy was
missed once that way).  This reads the test scripts, the unit tests' Python snippets and
the benchmark peers, finds the Python modules they import and the external programs they
call, and checks each against quickstart's PACKAGES and CHECK_PACKAGES lists.

    deps.py SRCDIR            check the tree; prints one problem a line, exit 1 if any
    deps.py --self-test       check made-up trees that must and must not pass
"""
import ast
import os
import re
import sys

# Python modules outside the standard library -> the Debian package that has them.
MODULES = {
    "networkx": "python3-networkx",
    "igraph": "python3-igraph",
    "pandas": "python3-pandas",
    "numpy": "python3-numpy",
    "scipy": "python3-scipy",
    "PIL": "python3-pil",
    "lxml": "python3-lxml",
    "yaml": "python3-yaml",
}
# What a module needs at run time beyond its own package's hard dependencies:
# NetworkX 2.8's pagerank and eigenvector_centrality_numpy import SciPy, which
# Debian's python3-networkx only recommends.
IMPLIED = {"networkx": ["python3-scipy"], "pandas": ["python3-numpy"]}
# Packages that another listed package pulls in (hard Depends), so listing them is optional.
PULLED_IN = {"python3-numpy": ["python3-pandas", "python3-scipy"], "binutils": ["build-essential"]}

# External programs -> package.  A program a test calls that is in neither this map nor
# ESSENTIAL is reported, so that this list stays complete.
PROGRAMS = {
    "xmllint": "libxml2-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "chromium": "chromium",
    "valgrind": "valgrind",
    "/usr/bin/time": "time",
    "dot": "graphviz",
    "neato": "graphviz",
    "sfdp": "graphviz",
    "python3": "python3",
    "/usr/bin/python3": "python3",
    "pdflatex": "texlive-latex-base",
    "clang-format": "clang-format",
    "xxd": "xxd",
    "fc-list": "fontconfig",
    "fc-match": "fontconfig",
    "nm": "binutils",
}
# Commands of Debian's Essential and required packages (coreutils, diffutils, findutils,
# grep, sed, gzip, mawk, bash, util-linux, procps...) and shell builtins: on every machine.
ESSENTIAL = set(
    """awk basename bash cat cd chmod cmp comm cp cut date dd diff dirname du echo env expr
    false find grep gzip gunzip head id kill ln ls mkdir mktemp mv nproc od printf ps pwd
    readlink realpath rm rmdir sed seq sha256sum sleep sort split stat tail tee test timeout
    touch tr true truncate uniq wc xargs zcat ulimit wait trap exec command set shift read
    local export source unset type""".split()
)

# Where Python source lives inside shell scripts: a heredoc fed to Python, or -c '...'.
PY_CMD = r'(?:"?\$\{?(?:PY|PYTHON3)\b[^"\s]*"?|(?:/usr/bin/)?python3)'
HEREDOC = re.compile(PY_CMD + r"[^\n]*<<-?\s*'?\"?(\w+)'?\"?[^\n]*\n(.*?)\n\1\n", re.S)
DASH_C = re.compile(PY_CMD + r"\s+-c\s+'([^']*)'", re.S)
C_PY = re.compile(r'"((?:import|from) [A-Za-z_][\w.]*[^"]*)"')


def imports_of(code):
    """Top-level module names imported by Python code (a syntax error: by lines)."""
    names = set()
    try:
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    except SyntaxError:
        for m in re.finditer(r"(?m)^\s*(?:import|from)\s+([A-Za-z_]\w*)", code):
            names.add(m.group(1))
        for m in re.finditer(r";\s*(?:import|from)\s+([A-Za-z_]\w*)", code):
            names.add(m.group(1))
    return names


def shell_code(text):
    """The lines of a shell script that are code (comments dropped)."""
    out = []
    for line in text.splitlines():
        s = line.lstrip()
        if not s.startswith("#"):
            out.append(line)
    return "\n".join(out)


def programs_of(sh):
    """External programs a shell script calls: those it probes with `command -v`, and
    every program of PROGRAMS named where a command can stand."""
    found = set(re.findall(r"command -v ([\w./+-]+)", sh))
    for prog in PROGRAMS:
        pat = r"(?:^|[\s;|&(`$]|\$\()" + re.escape(prog) + r"(?=[\s;|&)`]|$)"
        for m in re.finditer(pat, sh, re.M):
            # "--to dot" or "layout dot" are arguments of clout, not the program.
            before = sh[max(0, m.start() - 12):m.start() + 1]
            if prog in ("dot", "neato", "sfdp") and re.search(r"(--to|--layout|-K)\s*$", before):
                continue
            found.add(prog)
    return found


def quickstart_packages(text):
    """Every package of the PACKAGES and CHECK_PACKAGES arrays in quickstart."""
    pkgs = set()
    for name in ("PACKAGES", "CHECK_PACKAGES"):
        m = re.search(r"(?m)^%s=\((.*?)\)" % name, text, re.S)
        if m:
            body = re.sub(r"#[^\n]*", "", m.group(1))
            pkgs.update(body.split())
    return pkgs


def scan(root):
    """(modules, programs) used under root's tests/ and bench/, each with a file it is in."""
    modules, programs = {}, {}
    for top in ("tests", "bench"):
        for d, subdirs, files in os.walk(os.path.join(root, top)):
            subdirs[:] = [s for s in subdirs if s not in ("build", "work", "__pycache__", ".libs", ".deps")]
            for f in sorted(files):
                p = os.path.join(d, f)
                rel = os.path.relpath(p, root)
                if rel == os.path.join("tests", "cli", "deps.py"):
                    continue  # its tables name every program it knows
                try:
                    text = open(p, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                if f.endswith(".py"):
                    local = {os.path.splitext(x)[0] for x in files if x.endswith(".py")}
                    for m in imports_of(text):
                        if m not in local:  # a module beside it, not a package
                            modules.setdefault(m, rel)
                    # Programs a script runs through subprocess: string literals.
                    for lit in re.findall(r'["\']([\w./+-]+)["\']', text):
                        if lit in PROGRAMS:
                            programs.setdefault(lit, rel)
                elif f.endswith(".sh"):
                    sh = shell_code(text)
                    for m in HEREDOC.finditer(text):
                        for mod in imports_of(m.group(2)):
                            modules.setdefault(mod, rel)
                    for m in DASH_C.finditer(text):
                        for mod in imports_of(m.group(1)):
                            modules.setdefault(mod, rel)
                    for prog in programs_of(sh):
                        programs.setdefault(prog, rel)
                elif f.endswith(".c"):
                    for m in C_PY.finditer(text):
                        for mod in imports_of(m.group(1).replace("\\n", "\n")):
                            modules.setdefault(mod, rel)
                    if "python3" in text:
                        programs.setdefault("python3", rel)
    return modules, programs


def check(root, quickstart_text):
    pkgs = quickstart_packages(quickstart_text)
    modules, programs = scan(root)
    problems = []

    def need(pkg, why):
        ok = pkg in pkgs or any(p in pkgs for p in PULLED_IN.get(pkg, []))
        if not ok:
            problems.append("%s, but quickstart does not install %s" % (why, pkg))

    stdlib = set(sys.stdlib_module_names)
    for mod, where in sorted(modules.items()):
        if mod in stdlib:
            continue
        if mod not in MODULES:
            problems.append("%s imports %s, which tests/cli/deps.py does not know: add its "
                            "Debian package to MODULES" % (where, mod))
            continue
        need(MODULES[mod], "%s imports %s" % (where, mod))
        for extra in IMPLIED.get(mod, []):
            need(extra, "%s uses %s, which needs %s" % (where, mod, extra))
    for prog, where in sorted(programs.items()):
        if prog in ESSENTIAL:
            continue
        if prog not in PROGRAMS:
            problems.append("%s runs %s, which tests/cli/deps.py does not know: add its "
                            "Debian package to PROGRAMS" % (where, prog))
            continue
        need(PROGRAMS[prog], "%s runs %s" % (where, prog))
    return problems, modules, programs


def self_test():
    """Made-up trees: each must give exactly the expected verdict."""
    import tempfile

    def tree(files, qs):
        d = tempfile.mkdtemp()
        for rel, text in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "w").write(text)
        probs = check(d, qs)[0]
        return probs

    qs_full = "PACKAGES=(\n  python3 python3-networkx python3-scipy # comment\n)\nCHECK_PACKAGES=(chromium libxml2-utils)\n"
    qs_no_scipy = "PACKAGES=(python3 python3-networkx)\nCHECK_PACKAGES=(chromium libxml2-utils)\n"
    cases = [
        ("a heredoc importing networkx, scipy listed", {"tests/cli/a.sh": 'PY=x\n"$PY" - <<\'EOF\'\nimport networkx as nx\nEOF\n'}, qs_full, 0),
        ("a heredoc importing networkx, scipy missing", {"tests/cli/a.sh": 'PY=x\n"$PY" - <<\'EOF\'\nimport networkx as nx\nEOF\n'}, qs_no_scipy, 1),
        ("python -c importing pandas, not listed", {"tests/cli/a.sh": "$PY -c 'import json, pandas'\n"}, qs_full, 1),
        ("a .py importing an unknown module", {"bench/x.py": "import foo\n"}, qs_full, 1),
        ("a .py importing a module beside it", {"bench/x.py": "import y\n", "bench/y.py": ""}, qs_full, 0),
        ("a .py running /usr/bin/time, not listed", {"bench/x.py": 'cmd = ["/usr/bin/time", "-v"]\n'}, qs_full, 1),
        ("xmllint and chromium, both listed", {"tests/cli/a.sh": 'xmllint --noout x\nchromium --headless\n'}, qs_full, 0),
        ("pdffonts, not listed", {"tests/cli/a.sh": 'pdffonts x.pdf | grep y\n'}, qs_full, 1),
        ("an unknown probed program", {"tests/cli/a.sh": 'if command -v frobnicate; then :; fi\n'}, qs_full, 1),
        ("clout's --to dot is no program", {"tests/cli/a.sh": '"$CLOUT" build x --to dot\n'}, qs_full, 0),
        ("a comment naming valgrind", {"tests/cli/a.sh": '# valgrind would be slow here\n'}, qs_full, 0),
        ("a C test running python with scipy", {"tests/unit/t.c": 'run("import scipy");\n'}, qs_no_scipy, 1),
    ]
    bad = 0
    for name, files, qs, want in cases:
        got = len(tree(files, qs))
        ok = (got > 0) == (want > 0)
        print("%s - self-test: %s" % ("ok" if ok else "not ok", name))
        bad += not ok
    return bad


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(1 if self_test() else 0)
    root = sys.argv[1]
    problems, modules, programs = check(root, open(os.path.join(root, "quickstart")).read())
    print("# modules: %s" % " ".join(sorted(m for m in modules if m not in sys.stdlib_module_names)))
    print("# programs: %s" % " ".join(sorted(p for p in programs if p not in ESSENTIAL)))
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
