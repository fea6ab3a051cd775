#!/usr/bin/python3
"""Trace suite: runs every tests/jit/**/*.trace through build/bin/rpyjit.

A trace file says what it expects in comments:

  # args: 10 20                  arguments for the loop's input arguments
  # expect: exit 7 55            the exact stdout line of `rpyjit run`
  # expect-error: LINE: TEXT     rpyjit exits 1 and stderr's first line is
                                 `FILE:LINE: error: ...TEXT...`

For a file with `# expect:` the runner checks `run --interp` and `run`
(the x86-64 backend), each with and without `--no-opt`: all four must print
the expected line. It also checks that the text form round-trips: `rpyjit
print` of the printed text gives the same text. For `# expect-error:` files
only the reference executor runs (the error is undefined behaviour, which
machine code does not detect).

    tests/run_jit_traces.py [NAME-SUBSTRING ...]

The last line of output is `N passed, N failed`; exit status 1 if any failed.
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
RPYJIT = os.path.join(BUILD, "bin", "rpyjit")
TIMEOUT = 60


def header(text, key):
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# " + key + ":"):
            return line[len(key) + 3:].strip()
    return None


def run(args):
    p = subprocess.run([RPYJIT] + args, capture_output=True, text=True, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def check(path):
    """Returns a list of problems (empty when the file passes)."""
    text = open(path).read()
    args = (header(text, "args") or "").split()
    expect = header(text, "expect")
    expect_error = header(text, "expect-error")
    problems = []
    if expect_error is not None:
        line, _, message = expect_error.partition(":")
        rc, out, err = run(["run", "--interp", path] + args)
        first = err.splitlines()[0] if err else ""
        want_prefix = "%s:%s: error: " % (path, line.strip())
        if rc != 1:
            problems.append("exit status %d, expected 1" % rc)
        if not first.startswith(want_prefix) or message.strip() not in first:
            problems.append("stderr starts %r; expected %r...%r" % (first, want_prefix, message.strip()))
        if "Traceback" in err or "terminate called" in err:
            problems.append("crashed: " + err)
        return problems
    if expect is None:
        return ["no `# expect:` or `# expect-error:` line"]
    for backend in (["--interp"], []):
        for mode in (["--no-opt"], []):
            rc, out, err = run(["run"] + backend + mode + [path] + args)
            if rc != 0 or out.strip() != expect:
                problems.append("run %s: status %d, stdout %r, expected %r; stderr: %s"
                                % (" ".join(backend + mode), rc, out.strip(), expect, err.strip()))
    rc, printed, err = run(["print", path])
    if rc != 0:
        problems.append("print failed: " + err)
        return problems
    with tempfile.NamedTemporaryFile("w", suffix=".trace", delete=False) as tmp:
        tmp.write(printed)
    try:
        rc, reprinted, err = run(["print", tmp.name])
        if rc != 0 or reprinted != printed:
            problems.append("the printed text does not round-trip:\n" + printed + "---\n" + reprinted + err)
        rc, out, err = run(["run", "--interp", tmp.name] + args)
        if out.strip() != expect:
            problems.append("the printed text runs differently: %r" % out.strip())
    finally:
        os.unlink(tmp.name)
    return problems


def main():
    if not os.path.exists(RPYJIT):
        print("missing %s: build the rpyjit target first" % RPYJIT)
        print("0 passed, 1 failed")
        return 1
    files = sorted(glob.glob(os.path.join(HERE, "jit", "**", "*.trace"), recursive=True))
    filters = sys.argv[1:]
    if filters:
        files = [f for f in files if any(s in f for s in filters)]
    return run_cases(files, check, HERE)


if __name__ == "__main__":
    sys.exit(main())
