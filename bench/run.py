#!/usr/bin/python3
"""The benchmark harness (`make bench`): each program of bench/programs/ is
translated at --opt=1 and --opt=2 and run side by side with CPython 3 and
PyPy 3 on the same source, and with a native C reference where one exists
(NAME.c next to the program, in bench/programs/ or bench/binary_trees/;
gcc -O2). Every run's output must match CPython's
(or, where CPython is skipped, the C reference's / PyPy's).

Times are CPU seconds (user + sys of the child, from wait4), not wall time:
the machine is shared, and CPU time is what another process's load disturbs
least. The median of --repeat runs is reported; CPython, the slowest, runs
--cpython-repeat times.

    bench/run.py [--repeat N] [--cpython-repeat N] [--no-cpython NAME...]
                 [--json PATH] [--translate-arg=ARG]... [NAME ...]

Prints a table of medians and ratios, the translation time per phase, and
writes bench/results.json. Needs a built toolchain (make build).
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")
PHASE_RE = re.compile(r"^\[phase\]\s+(.+?)\s*\.\.\.\s*([0-9.]+)\s*s$")
BENCH_ARGS_RE = re.compile(r"^#\s*bench-args:(.*)$", re.MULTILINE)
# name -> source file; binary_trees lives in its own folder (bench/binary_trees/run.sh).
EXTRA = {"binarytrees": os.path.join(HERE, "binary_trees", "binarytrees.py")}
# Programs whose CPython run takes minutes: CPython is skipped unless named
# with --cpython (the ratio column then says so).
SLOW_ON_CPYTHON = {"bf"}
TIMEOUT = 1800


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = REPO + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["PYTHONIOENCODING"] = "utf-8"
    e.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    return e


def cpu_run(cmd, env_):
    """(cpu seconds, wall seconds, returncode, stdout bytes) of one run."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL, cwd=REPO, env=env_)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime, time.perf_counter() - t0, p.returncode, out


def measure(cmd, n, env_):
    """{median, runs, rc, out} over n runs; stops early on a failing run."""
    runs = []
    rc, out = None, b""
    for _ in range(n):
        cpu, wall, rc, out = cpu_run(cmd, env_)
        runs.append(cpu)
        if rc != 0:
            break
    return {"median": statistics.median(runs), "runs": runs, "wall_last": wall, "rc": rc, "out": out}


def translate(src, exe, opt, env_, extra=()):
    """Translates src into exe; (phases {name: secs}, error text or None)."""
    cmd = [PYTHON, TRANSLATE, "--batch", "--opt=" + str(opt), "--output=" + exe] + list(extra) + [src]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env_, timeout=TIMEOUT)
    phases = {}
    for line in p.stdout.splitlines():
        m = PHASE_RE.match(line.strip())
        if m:
            phases[m.group(1)] = phases.get(m.group(1), 0.0) + float(m.group(2))
    if p.returncode != 0:
        lines = (p.stdout + p.stderr).strip().splitlines()
        errs = [l for l in lines if "error:" in l]
        return phases, (errs or lines[-1:] or ["?"])[:1]
    return phases, None


def programs():
    found = {}
    for f in sorted(os.listdir(PROGRAMS)):
        if f.endswith(".py"):
            found[f[:-3]] = os.path.join(PROGRAMS, f)
    found.update(EXTRA)
    return found


def bench_args(src):
    with open(src, encoding="utf-8") as f:
        m = BENCH_ARGS_RE.search(f.read())
    return shlex.split(m.group(1)) if m else []


def ratio(a, b):
    return a / b if a and b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="programs to run (default: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--cpython-repeat", type=int, default=1)
    ap.add_argument("--cpython", action="append", default=[],
                    help="also time CPython on a program it is slow on (bf)")
    ap.add_argument("--opts", default="1,2", help="translation levels to compare")
    ap.add_argument("--json", default=os.path.join(HERE, "results.json"))
    ap.add_argument("-k", "--keep", action="store_true", help="keep the binaries' temp dir")
    ap.add_argument("--translate-arg", action="append", default=[], metavar="ARG",
                    help="pass ARG to translate.py (e.g. --translate-arg=--units=4: the split build)")
    opts = ap.parse_args()
    env_ = env()
    progs = programs()
    names = opts.names or list(progs)
    for n in names:
        if n not in progs:
            print("unknown program %s (have: %s)" % (n, ", ".join(progs)))
            return 2
    levels = [int(x) for x in opts.opts.split(",")]
    tmp = tempfile.mkdtemp(prefix="rpy-bench-")
    results = {"machine": {"cores": os.cpu_count(), "load": os.getloadavg()[0]},
               "unit": "CPU seconds (user+sys), median", "repeat": opts.repeat,
               "benchmarks": {}}
    failed = False
    for name in names:
        src = progs[name]
        args = bench_args(src)
        r = {"args": args, "translated": {}, "phases": {}}
        print("== %s %s" % (name, " ".join(args)), flush=True)
        expected = None
        if name not in SLOW_ON_CPYTHON or name in opts.cpython:
            m = measure([PYTHON, src] + args, opts.cpython_repeat, env_)
            r["cpython"] = m["median"]
            expected = (m["rc"], m["out"])
            print("   cpython   %8.3f s" % m["median"], flush=True)
        cref = os.path.splitext(src)[0] + ".c"  # next to the program
        if os.path.exists(cref) and shutil.which("gcc"):
            exe = os.path.join(tmp, name + "-ref")
            subprocess.run(["gcc", "-O2", "-o", exe, cref, "-lm"], check=True)
            m = measure([exe] + args, opts.repeat, env_)
            r["c"] = m["median"]
            expected = expected or (m["rc"], m["out"])
            print("   C -O2     %8.3f s" % m["median"], flush=True)
        if shutil.which("pypy3"):
            m = measure(["pypy3", src] + args, opts.repeat, env_)
            r["pypy"] = m["median"]
            if expected and (m["rc"], m["out"]) != expected:
                r["pypy_note"] = "pypy3 output differs"
            expected = expected or (m["rc"], m["out"])
            print("   pypy3     %8.3f s" % m["median"], flush=True)
        for level in levels:
            exe = os.path.join(tmp, "%s-O%d" % (name, level))
            t0 = time.perf_counter()
            phases, err = translate(src, exe, level, env_, opts.translate_arg)
            r["phases"]["opt%d" % level] = phases
            r["phases"]["opt%d" % level]["total"] = time.perf_counter() - t0
            if err:
                r["translated"]["opt%d" % level] = {"error": err[0]}
                print("   opt=%d     translation failed: %s" % (level, err[0]), flush=True)
                failed = True
                continue
            m = measure([exe] + args, opts.repeat, env_)
            entry = {"median": m["median"], "runs": m["runs"]}
            if expected and (m["rc"], m["out"]) != expected:
                entry["error"] = "output differs"
                failed = True
            r["translated"]["opt%d" % level] = entry
            print("   opt=%d     %8.3f s%s" % (level, m["median"], "  OUTPUT DIFFERS" if "error" in entry else ""),
                  flush=True)
        results["benchmarks"][name] = r

    # Ratios are for the default level (translate.py's --opt=2) when it ran.
    base = 2 if 2 in levels else max(levels)
    best = "opt%d" % base
    print()
    print("CPU seconds, median of %d (CPython: %d); ratios: how many times faster --opt=%d is"
          % (opts.repeat, opts.cpython_repeat, base))
    cols = ["program"] + ["opt=%d" % l for l in levels] + ["C -O2", "pypy3", "cpython", "vs C", "vs pypy", "vs cpy",
                                                            "O1/O2"]
    print("%-12s" % cols[0] + "".join("%9s" % c for c in cols[1:]))
    for name, r in results["benchmarks"].items():
        t = {k: v.get("median") for k, v in r["translated"].items()}
        ours = t.get(best)
        row = [t.get("opt%d" % l) for l in levels] + [r.get("c"), r.get("pypy"), r.get("cpython")]
        rat = [ratio(r.get("c"), ours), ratio(r.get("pypy"), ours), ratio(r.get("cpython"), ours),
               ratio(t.get("opt1"), t.get("opt2"))]
        r["ratios"] = {"c_over_ours": rat[0], "pypy_over_ours": rat[1], "cpython_over_ours": rat[2],
                       "opt1_over_opt2": rat[3]}
        print("%-12s" % name + "".join("%9s" % ("%.3f" % x if x is not None else "-") for x in row) +
              "".join("%9s" % ("%.2fx" % x if x is not None else "-") for x in rat))
    print()
    print("translation time per phase, --opt=%d (seconds)" % base)
    phase_names = []
    for r in results["benchmarks"].values():
        for p in r["phases"].get(best, {}):
            if p not in phase_names:
                phase_names.append(p)
    print("%-12s" % "program" + "".join("%12s" % p[:11] for p in phase_names))
    for name, r in results["benchmarks"].items():
        ph = r["phases"].get(best, {})
        print("%-12s" % name + "".join("%12s" % ("%.2f" % ph[p] if p in ph else "-") for p in phase_names))
    with open(opts.json, "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    print("\nwrote", os.path.relpath(opts.json, os.getcwd()))
    if not opts.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print("binaries kept in", tmp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
