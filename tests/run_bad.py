#!/usr/bin/python3
"""Bad-input suite: every tests/bad/*.py must be rejected by translate.py with
a clear error, not a traceback and not C++ compiler noise.

Each file marks the offending line with a trailing comment `# E: <substring>`
(the last `# E:` on the line counts, so line 1 may be a comment carrying the
marker).  The runner expects:

  * exit status 1;
  * stderr's first line (ignoring `[phase] ...` progress lines) is
    `<path>:<marked line>: error: <message>`, where <path> names the file and
    <message> contains <substring> (case-insensitive);
  * the next line is that source line (indentation may differ), the line after
    it a caret line (`^`, optionally with `~`);
  * no "Traceback" and no C++ compiler output on stdout or stderr.

Command-line cases that have no file (e.g. `--opt=jit` is rejected in this
milestone) are listed in CLI_CASES below.

    tests/run_bad.py [-k] [-j N] [NAME ...]

The last line of output is `N passed, N failed`; exit status 1 if any failed.
"""
import argparse
import concurrent.futures
import fnmatch
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BAD_DIR = os.path.join(HERE, "bad")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TRANSLATE = os.path.join(REPO, "translate.py")
TIMEOUT = 300

MARKER_RE = re.compile(r"#\s*E:")
ERROR_LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?:(?P<col>\d+):)? error: (?P<msg>.*)$")
PHASE_LINE_RE = re.compile(r"^\[[\w.-]+\]")
CXX_NOISE_RE = re.compile(
    r"\.(?:cpp|cc|cxx|h|hpp):\d+(?::\d+)?: (?:fatal )?(?:error|warning|note)"
    r"|compilation terminated|collect2:|undefined reference to|In function '"
    r"|^(?:g\+\+|c\+\+|clang\+\+|cc1plus)\S*: ", re.MULTILINE)

# (name, extra translate.py arguments, target file, message substring,
#  accepted exit statuses).  Exit status 2 is accepted for command-line
#  errors because that is argparse's convention.
CLI_CASES = [
    ("cli_opt_jit", ["--opt=jit"], os.path.join("examples", "targetfib.py"), "jit", (1, 2)),
]


def env_for_translate():
    env = dict(os.environ)
    pp = env.get("PYTHONPATH")
    env["PYTHONPATH"] = REPO + (os.pathsep + pp if pp else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.setdefault("RPY_BUILD_DIR", os.path.join(REPO, "build"))
    return env


def find_marker(path):
    """(line number, source line, substring) of the file's `# E:` marker (the
    last one on its line, so a comment line can carry a marker)."""
    found = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            hits = list(MARKER_RE.finditer(line))
            if not hits:
                continue
            if found is not None:
                raise ValueError("%s: more than one `# E:` marker (lines %d and %d)"
                                 % (path, found[0], lineno))
            substring = line[hits[-1].end():].strip()
            if not substring:
                raise ValueError("%s:%d: empty `# E:` marker" % (path, lineno))
            found = (lineno, line, substring)
    if found is None:
        raise ValueError("%s: no `# E: <substring>` marker" % path)
    return found


def same_file(reported, expected, cwd):
    p = reported if os.path.isabs(reported) else os.path.join(cwd, reported)
    try:
        return os.path.samefile(p, expected)
    except OSError:
        return False


def show(text, n=12):
    lines = text.rstrip().splitlines()
    if len(lines) > n:
        lines = lines[:n] + ["... (%d more lines)" % (len(lines) - n)]
    return "\n".join("    | " + l for l in lines) if lines else "    | <empty>"


def run_translate(args, cwd, env):
    cmd = [PYTHON, TRANSLATE, "--batch"] + args
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, cwd=cwd, env=env, timeout=TIMEOUT)
        return (p.returncode, p.stdout.decode("utf-8", "replace"),
                p.stderr.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired as e:
        return (None, (e.stdout or b"").decode("utf-8", "replace"),
                (e.stderr or b"").decode("utf-8", "replace") + "\n<timed out after %ss>" % TIMEOUT)
    except OSError as e:
        return None, "", "<cannot run translate.py: %s>" % e


def generic_problems(rc, out, err, statuses=(1,)):
    problems = []
    if rc is None:
        problems.append("translate.py did not finish")
    elif rc not in statuses:
        problems.append("exit status %d, expected %s" % (rc, " or ".join(map(str, statuses))))
    if "Traceback" in out or "Traceback" in err:
        problems.append("a Python traceback was printed")
    if CXX_NOISE_RE.search(out) or CXX_NOISE_RE.search(err):
        problems.append("C++ compiler output was printed")
    return problems


def check_file(path, tmpdir, env):
    """Returns (ok, details)."""
    try:
        lineno, source, substring = find_marker(path)
    except ValueError as e:
        return False, "    " + str(e)
    name = os.path.splitext(os.path.basename(path))[0]
    rel = os.path.relpath(path, REPO)
    rc, out, err = run_translate(["--output=" + os.path.join(tmpdir, name + "-c"), rel],
                                 REPO, env)
    problems = generic_problems(rc, out, err)
    lines = err.splitlines()
    i = 0
    while i < len(lines) and (not lines[i].strip() or PHASE_LINE_RE.match(lines[i])):
        i += 1
    if i >= len(lines):
        problems.append("nothing on stderr")
    else:
        first = lines[i]
        m = ERROR_LINE_RE.match(first)
        if not m:
            problems.append("first stderr line is not `path:LINE: error: ...`: %r" % first)
        else:
            if not same_file(m.group("path"), path, REPO):
                problems.append("error names file %r, expected %s" % (m.group("path"), rel))
            if int(m.group("line")) != lineno:
                problems.append("error on line %s, expected line %d" % (m.group("line"), lineno))
            if substring.lower() not in m.group("msg").lower():
                problems.append("message %r does not contain %r" % (m.group("msg"), substring))
            src = lines[i + 1] if i + 1 < len(lines) else None
            caret = lines[i + 2] if i + 2 < len(lines) else None
            if src is None or src.strip() != source.strip():
                problems.append("second stderr line is not the source line %r: %r"
                                % (source.strip(), src))
            if caret is None or "^" not in caret or set(caret.strip()) - set("^~-"):
                problems.append("third stderr line is not a caret line: %r" % caret)
            elif src is not None and caret.index("^") >= max(len(src), 1) + 1:
                problems.append("caret is past the end of the source line")
    if problems:
        return False, "\n".join("    - " + p for p in problems) + \
            "\n    stderr:\n" + show(err) + ("\n    stdout:\n" + show(out) if out.strip() else "")
    return True, ""


def check_cli(case, tmpdir, env):
    name, extra, target, substring, statuses = case
    rc, out, err = run_translate(["--output=" + os.path.join(tmpdir, name + "-c")] + extra +
                                 [target], REPO, env)
    problems = generic_problems(rc, out, err, statuses)
    if substring.lower() not in err.lower():
        problems.append("stderr does not mention %r" % substring)
    if "error" not in err.lower():
        problems.append("stderr does not say 'error'")
    if problems:
        return False, "\n".join("    - " + p for p in problems) + "\n    stderr:\n" + show(err)
    return True, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="cases to run (default: all); globs allowed")
    ap.add_argument("-k", "--keep", action="store_true", help="keep the temp dir")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    opts = ap.parse_args()

    cases = [("file", os.path.splitext(os.path.basename(p))[0], p)
             for p in sorted(glob.glob(os.path.join(BAD_DIR, "*.py")))]
    cases += [("cli", c[0], c) for c in CLI_CASES]
    if opts.names:
        wanted = [n[:-3] if n.endswith(".py") else os.path.basename(n) for n in opts.names]
        cases = [c for c in cases if any(fnmatch.fnmatch(c[1], w) for w in wanted)]
        if not cases:
            print("no case matches %s" % " ".join(opts.names))
            print("0 passed, %d failed" % len(opts.names))
            return 1

    env = env_for_translate()
    tmpdir = tempfile.mkdtemp(prefix="rpy-bad-")

    def run_case(c):
        kind, name, data = c
        if not os.path.exists(TRANSLATE):
            return False, "    %s does not exist" % TRANSLATE
        return check_file(data, tmpdir, env) if kind == "file" else check_cli(data, tmpdir, env)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        results = list(pool.map(run_case, cases))

    passed = failed = 0
    for (kind, name, _), (ok, details) in zip(cases, results):
        if ok:
            passed += 1
            print("PASS %s" % name)
        else:
            failed += 1
            print("FAIL %s" % name)
            print(details)
    if opts.keep:
        print("kept %s" % tmpdir)
    else:
        shutil.rmtree(tmpdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
