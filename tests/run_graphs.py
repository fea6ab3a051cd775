#!/usr/bin/python3
"""Graph filetests: the exact text form of the graphs after one stage.

Every tests/graphs/<stage>/<name>.py is a complete target; next to it,
<name>.expected holds the `translate.py --dump-graphs` output after <stage>:

    annotate   translate.py -a           (annotated flow graphs)
    rtype      translate.py -t           (low-level graphs)
    opt        translate.py -s --gc=boehm (default --opt)  (after backendopt)
    gc         translate.py -s --gc=incminimark (after the GC transform:
               shadow-stack brackets, write barriers, nursery mallocs)

A line `# translate-flags: ...` in the target adds options (e.g. --opt=3).

    tests/run_graphs.py [--update] [-j N] [NAME ...]

NAME selects tests by name or stage/name (a '*' makes it a glob). --update
rewrites the .expected files from the current toolchain: read the diff of the
.expected files before committing it, a changed dump can be a bug. The last
line of output is `N passed, N failed`; the exit status is 1 when anything
failed.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GRAPHS_DIR = os.path.join(HERE, "graphs")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")
TIMEOUT = 600

STAGE_FLAGS = {
    "annotate": ["-a"],
    "rtype": ["-t"],
    "opt": ["-s", "--gc=boehm"],
    "gc": ["-s", "--gc=incminimark"],
}


def env():
    e = dict(os.environ)
    pp = e.get("PYTHONPATH")
    e["PYTHONPATH"] = REPO + (os.pathsep + pp if pp else "")
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["PYTHONHASHSEED"] = "0"
    e.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    return e


class Case:
    def __init__(self, path):
        self.path = path
        self.stage = os.path.basename(os.path.dirname(path))
        self.name = os.path.splitext(os.path.basename(path))[0]
        self.id = self.stage + "/" + self.name
        self.expected_path = os.path.splitext(path)[0] + ".expected"
        self.error = None
        self.details = ""
        self.got = None


def normalize(text, tmpdir):
    # Constants that print a path (a module, say) must not make the
    # expectation depend on where the checkout or the temp dir is.
    return text.replace(tmpdir, "<tmp>").replace(REPO, "<repo>")


def dump(case, root_tmp):
    tmp = tempfile.mkdtemp(prefix=case.name + "-", dir=root_tmp)
    out = os.path.join(tmp, "graphs.txt")
    cmd = [PYTHON, TRANSLATE, "--batch", "--dump-graphs=" + out]
    cmd += STAGE_FLAGS[case.stage]
    # A test may add translate.py options (e.g. `# translate-flags: --opt=3`).
    with open(case.path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# translate-flags:"):
                cmd += line.split(":", 1)[1].split()
    if case.stage in ("opt", "gc"):
        cmd.append("--output=" + os.path.join(tmp, case.name + "-c"))
    cmd.append(case.path)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                           cwd=tmp, env=env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        case.error = "translate.py did not finish in %ds" % TIMEOUT
        return
    if p.returncode != 0:
        case.error = "translate.py failed (exit %d)" % p.returncode
        case.details = "\n".join("    | " + l for l in
                                 (p.stderr or p.stdout).decode("utf-8", "replace").rstrip().splitlines()[-20:])
        return
    if not os.path.exists(out):
        case.error = "translate.py wrote no graph dump"
        return
    with open(out, encoding="utf-8") as f:
        case.got = normalize(f.read(), tmp)


def compare(case, update):
    if case.error:
        return
    if update:
        old = None
        if os.path.exists(case.expected_path):
            with open(case.expected_path, encoding="utf-8") as f:
                old = f.read()
        if old != case.got:
            with open(case.expected_path, "w", encoding="utf-8") as f:
                f.write(case.got)
            case.details = "    (updated %s)" % os.path.relpath(case.expected_path, REPO)
        return
    if not os.path.exists(case.expected_path):
        case.error = "no %s (run with --update to create it)" % os.path.relpath(case.expected_path, REPO)
        return
    with open(case.expected_path, encoding="utf-8") as f:
        expected = f.read()
    if expected != case.got:
        case.error = "graphs differ from %s" % os.path.relpath(case.expected_path, REPO)
        diff = difflib.unified_diff(expected.splitlines(keepends=True), case.got.splitlines(keepends=True),
                                    "expected", "got")
        case.details = "".join("    " + l if l.endswith("\n") else "    " + l + "\n" for l in diff).rstrip()


def select(names):
    cases = sorted(p for stage in STAGE_FLAGS for p in glob.glob(os.path.join(GRAPHS_DIR, stage, "*.py")))
    if not names:
        return cases, []
    chosen, missing = [], []
    for n in names:
        n = n[:-3] if n.endswith(".py") else n
        hits = [p for p in cases
                if fnmatch.fnmatch(os.path.splitext(os.path.basename(p))[0], n)
                or fnmatch.fnmatch(os.path.relpath(os.path.splitext(p)[0], GRAPHS_DIR), n)]
        if not hits:
            missing.append(n)
        chosen += [h for h in hits if h not in chosen]
    return chosen, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="tests to run (default: all)")
    ap.add_argument("--update", action="store_true", help="rewrite the .expected files")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel translations (default 2)")
    opts = ap.parse_args()

    paths, missing = select(opts.names)
    if missing:
        print("no such graph test(s): %s" % ", ".join(missing))
        print("0 passed, %d failed" % len(missing))
        return 1
    cases = [Case(p) for p in paths]
    root_tmp = tempfile.mkdtemp(prefix="rpy-graphs-")
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
            list(pool.map(lambda c: dump(c, root_tmp), cases))
    finally:
        shutil.rmtree(root_tmp, ignore_errors=True)

    passed = failed = 0
    for c in cases:
        compare(c, opts.update)
        if c.error is None:
            passed += 1
            print("PASS %s" % c.id)
        else:
            failed += 1
            print("FAIL %s: %s" % (c.id, c.error))
        if c.details:
            print(c.details)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
