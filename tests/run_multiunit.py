#!/usr/bin/python3
"""The multi-unit build (codegen's split into translation units, the
generated Makefile, CXX wrappers), end to end:

  1. a synthetic program (tools/gen_big_program.py) translated with --units=4
     and CXX set to a wrapper that logs each compiler invocation and runs the
     real compiler (as ccache or distcc would): four units and a header are
     written, the wrapper compiled each unit once and linked once, and the
     binary prints what CPython prints;
  2. the Makefile re-run by hand (`make -C DIR`) after a unit changed
     recompiles that unit only, and the binary still matches;
  3. a program past the size threshold is split without --units (-s only:
     the files are checked, not compiled).

    tests/run_multiunit.py [-k]
"""
import argparse
import glob
import os
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")
GEN = os.path.join(REPO, "tools", "gen_big_program.py")
sys.path.insert(0, os.path.join(REPO, "driver"))
import cbuild  # noqa: E402

FAILURES = []


def check(cond, what, details=""):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)
        if details:
            print("\n".join("    | " + l for l in details.rstrip().splitlines()[-30:]))
    return cond


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = REPO + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["PYTHONHASHSEED"] = "0"
    e.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    return e


def run(cmd, env_, cwd):
    return subprocess.run(cmd, capture_output=True, text=True, env=env_, cwd=cwd, timeout=1200)


def compiler_calls(log):
    with open(log) as f:
        calls = [l.split() for l in f.read().splitlines() if l.strip()]
    compiles = sorted(os.path.basename(a[a.index("-c") + 1]) for a in calls if "-c" in a)
    links = [a for a in calls if "-c" not in a]
    return compiles, links


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-k", "--keep", action="store_true", help="keep the temp dir")
    opts = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="rpy-multiunit-")
    e = env()
    try:
        prog = os.path.join(tmp, "bigprog.py")
        subprocess.run([PYTHON, GEN, "40", prog], check=True)
        expected = run([PYTHON, prog], e, tmp)
        check(expected.returncode == 0, "CPython runs the generated program", expected.stderr)

        # 1. four units through a logging compiler wrapper
        log = os.path.join(tmp, "cxx.log")
        wrapper = os.path.join(tmp, "logcxx")
        with open(wrapper, "w") as f:
            f.write('#!/bin/sh\necho "$@" >> "%s"\nexec "$@"\n' % log)
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR)
        ew = dict(e)
        ew["CXX"] = wrapper + " " + " ".join(cbuild.cxx())  # a wrapper form, as "ccache g++"
        exe = os.path.join(tmp, "bigprog-c")
        srcdir = os.path.join(tmp, "src")
        t = run([PYTHON, TRANSLATE, "--batch", "--units=4", "-j2", "--source-dir=" + srcdir,
                 "--output=" + exe, prog], ew, tmp)
        if check(t.returncode == 0, "translation with --units=4 through the CXX wrapper",
                 t.stdout + t.stderr):
            units = sorted(os.path.basename(p) for p in glob.glob(os.path.join(srcdir, "*.cpp")))
            check(units == ["bigprog-c_%d.cpp" % i for i in range(4)], "four units written: %s" % units)
            check(os.path.exists(os.path.join(srcdir, "bigprog-c.h")), "and their shared header")
            compiles, links = compiler_calls(log)
            check(compiles == units, "the wrapper compiled each unit once: %s" % compiles)
            check(len(links) == 1, "the wrapper linked once (%d links)" % len(links))
            r = run([exe], e, tmp)
            check(r.returncode == 0 and r.stdout == expected.stdout,
                  "the 4-unit binary prints what CPython prints", r.stdout[-500:] + r.stderr)

            # 2. the Makefile by hand, after one unit changed
            os.remove(log)
            with open(os.path.join(srcdir, "bigprog-c_2.cpp"), "a") as f:
                f.write("// touched\n")
            m = run(["make", "-C", srcdir], ew, tmp)
            check(m.returncode == 0, "make -C DIR re-run by hand", m.stdout + m.stderr)
            compiles, links = compiler_calls(log)
            check(compiles == ["bigprog-c_2.cpp"] and len(links) == 1,
                  "it recompiled the changed unit only and relinked: %s" % compiles)
            r = run([exe], e, tmp)
            check(r.returncode == 0 and r.stdout == expected.stdout,
                  "the rebuilt binary prints what CPython prints", r.stdout[-500:] + r.stderr)

        # 3. big enough to split on its own
        big = os.path.join(tmp, "huge.py")
        subprocess.run([PYTHON, GEN, "150", big], check=True)
        out = os.path.join(tmp, "huge-c")
        t = run([PYTHON, TRANSLATE, "--batch", "-s", "--output=" + out, big], e, tmp)
        if check(t.returncode == 0, "translation of a 6k-line program, 18k operations (-s)", t.stdout + t.stderr):
            units = glob.glob(os.path.join(out + "-src", "*.cpp"))
            check(len(units) >= 2 and os.path.exists(os.path.join(out + "-src", "Makefile")),
                  "it was split without --units: %d units and a Makefile" % len(units))
    finally:
        if opts.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d failed" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
