#!/usr/bin/python3
"""End-to-end test: every tests/programs/*.py is run untranslated on CPython,
translated (translate.py --batch -s), compiled (driver/cbuild.py, 2 at a time)
and run; the binary must reproduce CPython's stdout byte for byte, its exit
status, and -- when the program dies of an uncaught exception -- the last line
of stderr (CPython prints a traceback ending in "ValueError: msg"; the binary
prints just that line).

    tests/run_programs.py [-k] [-j N] [--opt=N] [--gc=NAME] [--units=N] [--variant K=V[,K=V]]... [NAME ...]

NAME selects programs by file name (with or without .py; a NAME with a '*'
is a glob). A program can give its argv with a line `# args: 10 "a b"`
(shell-quoted), and environment variables for its translated runs with a
line `# env: PYPY_GC_MAX=8MB` (every run, variants included: a GC test that
needs a heap limit; the CPython run ignores them). NAME.stdin next to
NAME.py, when there is one, is fed to both runs as their standard input
(else it is empty). Each --variant runs every binary once more with those
environment variables (e.g. RPY_GC_DEBUG=1: the GC's debug mode), against
the same expected output: one translation and compilation serves several
runs. The last line of output is `N passed, N failed`; the exit
status is 1 when anything failed.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PROGRAMS_DIR = os.path.join(HERE, "programs")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")

CPYTHON_TIMEOUT = 120
TRANSLATE_TIMEOUT = 600
COMPILE_TIMEOUT = 600
RUN_TIMEOUT = 120

ARGS_RE = re.compile(r"^#\s*args:(.*)$", re.MULTILINE)
# A program whose stderr is part of its output (sys.stderr.write, print(file=),
# sys.exit("message")) says so with a line `# stderr: exact`: the binary's
# stderr must then equal CPython's byte for byte.
ENV_RE = re.compile(r"^#\s*env:(.*)$", re.MULTILINE)
STDERR_RE = re.compile(r"^#\s*stderr:\s*exact\s*$", re.MULTILINE)


def load_cbuild():
    sys.path.insert(0, os.path.join(REPO, "driver"))
    try:
        import cbuild
    finally:
        sys.path.pop(0)
    return cbuild


def program_env():
    env = dict(os.environ)
    pp = env.get("PYTHONPATH")
    env["PYTHONPATH"] = REPO + (os.pathsep + pp if pp else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    # Python's own I/O encoding must not depend on the caller's locale.
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def last_line(data):
    """The last non-empty line of a bytes stream, decoded, stripped."""
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def tail(data, n=20):
    lines = data.decode("utf-8", "replace").rstrip().splitlines()
    if len(lines) > n:
        lines = ["... (%d lines cut)" % (len(lines) - n)] + lines[-n:]
    return "\n".join("    | " + l for l in lines)


def short_diff(expected, got, limit=25):
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    diff = list(difflib.unified_diff(a, b, "cpython", "translated", n=1))
    if not diff and expected != got:
        # Same lines, different bytes: most likely the final newline.
        return "    (outputs differ only in line endings / final newline: " \
               "cpython ends %r, translated ends %r)" % (expected[-10:], got[-10:])
    out = []
    for line in diff[:limit]:
        out.append("    " + line.rstrip("\n"))
    if len(diff) > limit:
        out.append("    ... (%d more diff lines)" % (len(diff) - limit))
    return "\n".join(out)


class Program:
    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            src = f.read()
        m = ARGS_RE.search(src)
        self.args = shlex.split(m.group(1)) if m else []
        self.exact_stderr = bool(STDERR_RE.search(src))
        stdin = os.path.splitext(path)[0] + ".stdin"
        self.stdin = stdin if os.path.exists(stdin) else None
        m = ENV_RE.search(src)
        self.env = dict(kv.split("=", 1) for kv in shlex.split(m.group(1))) if m else {}
        self.expected = None      # (stdout, exit status, last stderr line)
        self.error = None         # why the program failed, or None
        self.details = ""
        self.cpp = None
        self.srcdir = None
        self.exe = None
        self.times = {}

    def fail(self, reason, details=""):
        if self.error is None:
            self.error = reason
            self.details = details


def run(cmd, timeout, cwd=None, env=None, stdin=None):
    """subprocess.run that never raises for timeouts or missing programs.
    stdin: a file to feed the program (None: an empty stdin)."""
    t0 = time.time()
    try:
        if stdin is None:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, cwd=cwd, env=env, timeout=timeout)
        else:
            with open(stdin, "rb") as f:
                p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=f, cwd=cwd, env=env, timeout=timeout)
        return p.returncode, p.stdout, p.stderr, time.time() - t0
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"") + \
            ("\n<timed out after %ss>" % timeout).encode(), time.time() - t0
    except OSError as e:
        return None, b"", ("<cannot run %s: %s>" % (cmd[0], e)).encode(), time.time() - t0


def run_cpython(prog, workdir, env):
    rc, out, err, dt = run([PYTHON, prog.path] + prog.args, CPYTHON_TIMEOUT, cwd=workdir, env=env,
                           stdin=prog.stdin)
    prog.times["cpython"] = dt
    if rc is None:
        prog.fail("CPython run failed", tail(err))
        return
    if rc < 0:
        prog.fail("CPython reference run killed by signal %d" % -rc, tail(err))
        return
    if prog.exact_stderr:
        prog.expected = (out, rc, err)
        return
    if rc != 0 and err.strip() and b"Traceback" not in err:
        # stderr output without a traceback: the test itself is broken.
        prog.fail("CPython reference run exited %d with stderr but no traceback" % rc,
                  tail(err))
        return
    prog.expected = (out, rc, last_line(err) if rc != 0 else "")


def translate(prog, tmpdir, env, extra):
    out = os.path.join(tmpdir, prog.name + "-c")
    cmd = [PYTHON, TRANSLATE, "--batch", "-s", "--output=" + out] + extra + [prog.path]
    rc, sout, serr, dt = run(cmd, TRANSLATE_TIMEOUT, cwd=tmpdir, env=env)
    prog.times["translate"] = dt
    if rc != 0:
        msg = "translation failed" if rc is not None else "translation did not finish"
        if rc is not None:
            msg += " (exit %d)" % rc
        prog.fail(msg, tail(serr + (b"\n" + sout if not serr.strip() else b"")))
        return
    cpp = out + ".cpp"
    srcdir = out + "-src"
    if os.path.exists(cpp):
        prog.cpp = cpp
    elif os.path.exists(os.path.join(srcdir, "Makefile")):
        prog.srcdir = srcdir  # several units (a big program): their Makefile
    else:
        prog.fail("translate.py -s succeeded but wrote neither %s nor %s/Makefile" % (cpp, srcdir),
                  tail(sout + serr))
        return
    prog.exe = out


def compile_cpp(prog, cbuild, env):
    try:
        # The pool already runs as many compilations as there are workers.
        cmd = (cbuild.make_command(prog.srcdir, 1) if prog.srcdir
               else cbuild.compile_command(prog.cpp, prog.exe))
    except Exception as e:  # e.g. no build/buildinfo.py yet
        prog.fail("cannot build the compile command: %s: %s" % (type(e).__name__, e))
        return
    rc, out, err, dt = run(cmd, COMPILE_TIMEOUT, cwd=os.path.dirname(prog.exe), env=env)
    prog.times["compile"] = dt
    if rc != 0:
        prog.fail("C++ compilation failed", "    $ " + " ".join(map(shlex.quote, cmd)) +
                  "\n" + tail(err + out, 30))


def run_binary(prog, env, variant=None):
    label = ""
    if prog.env:
        env = dict(env)
        env.update(prog.env)
    if variant:
        env = dict(env)
        env.update(variant)
        label = "[%s] " % ",".join("%s=%s" % kv for kv in variant.items())
    if prog.error is not None:
        return
    rc, out, err, dt = run([prog.exe] + prog.args, RUN_TIMEOUT,
                           cwd=os.path.dirname(prog.exe), env=env, stdin=prog.stdin)
    prog.times[label.strip() or "run"] = dt
    if rc is None:
        prog.fail(label + "binary did not finish", tail(err))
        return
    exp_out, exp_rc, exp_err = prog.expected
    problems = []
    if out != exp_out:
        problems.append("stdout differs:\n" + short_diff(exp_out, out))
    if rc != exp_rc:
        what = "exit status %d, expected %d" % (rc, exp_rc)
        if rc < 0:
            what += " (killed by signal %d)" % -rc
        problems.append(what + ("\n" + tail(err, 8) if err.strip() else ""))
    if prog.exact_stderr:
        if err != exp_err:
            problems.append("stderr differs:\n" + short_diff(exp_err, err))
    elif exp_rc != 0:
        got_err = last_line(err)
        if got_err != exp_err:
            problems.append("last stderr line:\n    expected: %s\n    got:      %s"
                            % (exp_err, got_err or "<nothing>"))
    if problems:
        heads = [label + q.split("\n", 1)[0].rstrip(":") for q in problems]
        bodies = [q.split("\n", 1)[1] for q in problems if "\n" in q]
        prog.fail("; ".join(heads), "\n".join(bodies))


EXAMPLES_DIR = os.path.join(os.path.dirname(HERE), "examples")


def select(names):
    # The example targets are end-to-end programs too.
    all_progs = (sorted(glob.glob(os.path.join(PROGRAMS_DIR, "*.py"))) +
                 sorted(glob.glob(os.path.join(EXAMPLES_DIR, "target*.py"))))
    if not names:
        return all_progs, []
    chosen, missing = [], []
    for n in names:
        base = os.path.basename(n)
        if base.endswith(".py"):
            base = base[:-3]
        hits = [p for p in all_progs
                if fnmatch.fnmatch(os.path.splitext(os.path.basename(p))[0], base)]
        if not hits and os.path.isfile(n):
            hits = [os.path.abspath(n)]
        if not hits:
            missing.append(n)
        for h in hits:
            if h not in chosen:
                chosen.append(h)
    return chosen, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="programs to run (default: all)")
    ap.add_argument("-k", "--keep", action="store_true", help="keep the temp dir")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    ap.add_argument("--opt", help="passed to translate.py as --opt=")
    ap.add_argument("--gc", help="passed to translate.py as --gc=")
    ap.add_argument("--units", help="passed to translate.py as --units= (several: built by their Makefile)")
    ap.add_argument("--variant", action="append", default=[], metavar="K=V[,K=V]",
                    help="also run every binary with these environment variables")
    ap.add_argument("-v", "--verbose", action="store_true", help="print phase times")
    opts = ap.parse_args()

    paths, missing = select(opts.names)
    if missing:
        print("no such program(s): %s" % ", ".join(missing))
        print("0 passed, %d failed" % len(missing))
        return 1
    if not paths:
        print("no programs in %s" % PROGRAMS_DIR)
        print("0 passed, 0 failed")
        return 0

    extra = []
    if opts.opt:
        extra.append("--opt=" + opts.opt)
    if opts.gc:
        extra.append("--gc=" + opts.gc)
    if opts.units:
        extra.append("--units=" + opts.units)

    env = program_env()
    progs = [Program(p) for p in paths]
    tmpdir = tempfile.mkdtemp(prefix="rpy-programs-")
    jobs = max(1, opts.jobs)
    cbuild = None
    if not os.path.exists(TRANSLATE):
        for p in progs:
            p.fail("translation failed", "    %s does not exist" % TRANSLATE)
    try:
        cbuild = load_cbuild()
    except Exception as e:
        for p in progs:
            p.fail("cannot load driver/cbuild.py: %s" % e)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        # 1. reference outputs on CPython (cheap, but still 2 at a time)
        list(pool.map(lambda p: run_cpython(p, tmpdir, env), progs))
        # 2. translate everything to C++
        todo = [p for p in progs if p.error is None]
        list(pool.map(lambda p: translate(p, tmpdir, env, extra), todo))
        # 3. compile 2 at a time
        todo = [p for p in progs if p.error is None]
        list(pool.map(lambda p: compile_cpp(p, cbuild, env), todo))
        # 4. run the binaries
        todo = [p for p in progs if p.error is None]
        list(pool.map(lambda p: run_binary(p, env), todo))
        for v in opts.variant:
            variant = dict(kv.split("=", 1) for kv in v.split(","))
            list(pool.map(lambda p: run_binary(p, env, variant), todo))

    passed = failed = 0
    width = max(len(p.name) for p in progs)
    for p in progs:
        times = ""
        if opts.verbose:
            times = "  " + " ".join("%s=%.2fs" % kv for kv in p.times.items())
        if p.error is None:
            passed += 1
            print(("PASS %-*s%s" % (width, p.name, times)).rstrip())
        else:
            failed += 1
            print("FAIL %s: %s%s" % (p.name, p.error, times))
            if p.details:
                print(p.details)
    sys.stdout.flush()
    if opts.keep:
        print("kept %s" % tmpdir)
    else:
        shutil.rmtree(tmpdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
