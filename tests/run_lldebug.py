#!/usr/bin/python3
"""--lldebug end to end: a small program is translated as a debug build
(-O0 -g, `#line` to the Python source) and run under gdb in batch mode. A
breakpoint on a Python line must stop in the translated function of that
line, the backtrace must name the Python lines of both frames, and `next`
must step to the following Python line.

    tests/run_lldebug.py [-k]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")

PROGRAM = '''\
import sys


def fact(n):
    if n <= 1:
        return 1
    r = n * fact(n - 1)  # BREAK
    return r  # NEXT


def entry_point(argv):
    total = 0
    for i in range(5):
        total += fact(i + 3)  # CALLER
    print(total)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
'''


def line_of(marker):
    for i, text in enumerate(PROGRAM.splitlines(), 1):
        if text.endswith("# " + marker):
            return i
    raise KeyError(marker)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-k", "--keep", action="store_true", help="keep the temp dir")
    opts = ap.parse_args()
    if not shutil.which("gdb"):
        print("gdb is not installed")
        return 1
    tmp = tempfile.mkdtemp(prefix="rpy-lldebug-")
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    failures = []

    def check(cond, what, details=""):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)
            if details:
                print("\n".join("    | " + l for l in details.rstrip().splitlines()[-40:]))

    try:
        src = os.path.join(tmp, "dbgprog.py")
        with open(src, "w") as f:
            f.write(PROGRAM)
        exe = os.path.join(tmp, "dbgprog-c")
        t = subprocess.run([PYTHON, TRANSLATE, "--batch", "--lldebug", "--output=" + exe, src],
                           capture_output=True, text=True, env=env, cwd=tmp, timeout=600)
        check(t.returncode == 0, "translation with --lldebug", t.stdout + t.stderr)
        if t.returncode == 0:
            r = subprocess.run([exe], capture_output=True, text=True, timeout=60)
            check(r.stdout == "5910\n", "the debug binary runs", r.stdout + r.stderr)
            brk, nxt, caller = line_of("BREAK"), line_of("NEXT"), line_of("CALLER")
            g = subprocess.run(
                ["gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                 "-ex", "break dbgprog.py:%d" % brk, "-ex", "run", "-ex", "bt",
                 "-ex", "delete", "-ex", "next", "-ex", "kill", "--args", exe],
                capture_output=True, text=True, timeout=120, cwd=tmp)
            out = g.stdout + g.stderr
            check(re.search(r"Breakpoint 1, pypy_g_fact\b.* at \S*dbgprog\.py:%d" % brk, out),
                  "the breakpoint on line %d stops in fact" % brk, out)
            check(re.search(r"#0 .*pypy_g_fact\b.* at \S*dbgprog\.py:%d" % brk, out) and
                  re.search(r"#1 .*pypy_g_entry_point\b.* at \S*dbgprog\.py:%d" % caller, out),
                  "the backtrace names fact at line %d and entry_point at line %d" % (brk, caller), out)
            check(re.search(r"^%d\s+return r  # NEXT" % nxt, out, re.MULTILINE),
                  "`next` steps to Python line %d and shows its source" % nxt, out)
    finally:
        if opts.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
