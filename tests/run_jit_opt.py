#!/usr/bin/python3
"""Optimizer suite: tests/jit/opt/<pass>/*.test, text in, text out.

A .test file is an input trace, a line `----`, and the expected output of
`build/bin/rpyjit-opt --passes=PASSES` on it (the optimized trace as
printed). PASSES is the folder's name (the pass alone), `all` for the
unroll folder, or what a `# passes: ...` comment in the input says.

With `# args: ...` in the input the runner also runs the input with the
reference executor, unoptimized and optimized with PASSES, and checks that
both print the same `exit N ...` line.

    tests/run_jit_opt.py [--update] [NAME-SUBSTRING ...]

--update rewrites the expected part of each selected file with the current
output (review the diff!). The last line is `N passed, N failed`.
"""
import glob
import os
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caselist import run_cases  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BUILD = os.environ.get("RPY_BUILD_DIR", os.path.join(REPO, "build"))
RPYJIT_OPT = os.path.join(BUILD, "bin", "rpyjit-opt")
RPYJIT = os.path.join(BUILD, "bin", "rpyjit")
TIMEOUT = 60


def header(text, key):
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# " + key + ":"):
            return line[len(key) + 3:].strip()
    return None


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def normalize(text):
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def check(path, update):
    text = open(path).read()
    if "\n----\n" not in text:
        return ["no `----` line between the input and the expected output"]
    source, expected = text.split("\n----\n", 1)
    folder = os.path.basename(os.path.dirname(path))
    passes = header(source, "passes") or ("all" if folder == "unroll" else folder)
    problems = []
    with tempfile.NamedTemporaryFile("w", suffix=".trace", delete=False) as tmp:
        tmp.write(source + "\n")
    try:
        rc, out, err = run([RPYJIT_OPT, "--passes=" + passes, tmp.name])
        if rc != 0:
            return ["rpyjit-opt --passes=%s failed (status %d): %s" % (passes, rc, err.strip())]
        if update:
            with open(path, "w") as f:
                f.write(source.rstrip("\n") + "\n----\n" + out)
        elif normalize(out) != normalize(expected):
            problems.append("--passes=%s gives:\n%s\n--- expected:\n%s" % (passes, out.rstrip(), expected.rstrip()))
        args = header(source, "args")
        if args is not None:
            rc1, out1, err1 = run([RPYJIT, "run", "--interp", "--no-opt", tmp.name] + args.split())
            rc2, out2, err2 = run([RPYJIT, "run", "--interp", "--opt=" + passes, tmp.name] + args.split())
            if rc1 != 0 or rc2 != 0 or out1 != out2:
                problems.append("runs differ: unoptimized %r (%s), optimized %r (%s)"
                                % (out1.strip(), err1.strip(), out2.strip(), err2.strip()))
    finally:
        os.unlink(tmp.name)
    return problems


def main():
    argv = sys.argv[1:]
    update = "--update" in argv
    filters = [a for a in argv if a != "--update"]
    for tool in (RPYJIT_OPT, RPYJIT):
        if not os.path.exists(tool):
            print("missing %s: build the rpyjit and rpyjit-opt targets first" % tool)
            print("0 passed, 1 failed")
            return 1
    files = sorted(glob.glob(os.path.join(HERE, "jit", "opt", "*", "*.test")))
    if filters:
        files = [f for f in files if any(s in f for s in filters)]
    return run_cases(files, lambda path: check(path, update), HERE)


if __name__ == "__main__":
    sys.exit(main())
