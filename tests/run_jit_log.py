#!/usr/bin/python3
"""JIT logs: runs build/bin/rpyjit with PYPYLOG set several ways and checks
the log file has PyPy's sections with the right contents.

Each section is `[HEX] {NAME`, its lines, `[HEX] NAME}`. The cases:
jit-log-opt alone (traces before and after optimization, with their ops;
nothing else), jit-backend (addresses, CODE_DUMP, disassembly),
jit-summary to stderr (`-`), several categories at once, `:FILE` (every
section), `FILE` without a colon (PyPy's profiling mode: section markers
only), a file that cannot be opened (a warning, then stderr). Without
PYPYLOG nothing is written.

    tests/run_jit_log.py

The last line of output is `N passed, N failed`; exit status 1 if any failed.
"""
import os
import re
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caselist import run_cases  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BUILD = os.environ.get("RPY_BUILD_DIR", os.path.join(REPO, "build"))
RPYJIT = os.path.join(BUILD, "bin", "rpyjit")
TRACE = os.path.join(HERE, "jit", "bridge_loop.trace")
ARGS = ["0", "0"]
EXPECT = "exit 2 1190"

START = re.compile(r"^\[([0-9a-f]+)\] \{([\w-]+)$")
STOP = re.compile(r"^\[([0-9a-f]+)\] ([\w-]+)\}$")


def sections(text):
    """[(name, body lines)] in order; raises ValueError on a malformed log."""
    out, current, body, last = [], None, [], 0
    for line in text.splitlines():
        m = START.match(line)
        if m:
            if current:
                raise ValueError("section %s opened inside %s" % (m.group(2), current))
            current, body = m.group(2), []
            stamp = int(m.group(1), 16)
            if stamp < last:
                raise ValueError("timestamps go backwards at %r" % line)
            last = stamp
            continue
        m = STOP.match(line)
        if m:
            if m.group(2) != current:
                raise ValueError("section %s closed as %s" % (current, m.group(2)))
            out.append((current, body))
            current = None
            continue
        if current is None:
            raise ValueError("text outside a section: %r" % line)
        body.append(line)
    if current:
        raise ValueError("section %s not closed" % current)
    return out


def run(pypylog, path=None):
    env = dict(os.environ)
    env.pop("RPYLOG", None)
    if pypylog is None:
        env.pop("PYPYLOG", None)
    else:
        env["PYPYLOG"] = pypylog
    p = subprocess.run([RPYJIT, "run", TRACE] + ARGS, capture_output=True, text=True, env=env, timeout=60)
    log = ""
    if path and os.path.exists(path):
        log = open(path).read()
    return p, log


def names(secs):
    return [n for n, _ in secs]


def body_of(secs, name):
    return "\n".join("\n".join(b) for n, b in secs if n == name)


def case_log_opt(tmp):
    path = os.path.join(tmp, "opt.log")
    p, log = run("jit-log-opt:" + path, path)
    problems = []
    if p.stdout.strip() != EXPECT:
        problems.append("stdout %r" % p.stdout)
    secs = sections(log)
    want = ["jit-log-noopt-loop", "jit-log-opt-loop", "jit-log-noopt-bridge", "jit-log-opt-bridge"]
    if names(secs) != want:
        problems.append("sections %s, expected %s" % (names(secs), want))
    before, after = body_of(secs, "jit-log-noopt-loop"), body_of(secs, "jit-log-opt-loop")
    if not before.startswith("# Loop 0 (loop) : noopt with 8 ops"):
        problems.append("noopt header: %r" % before[:60])
    if not after.startswith("# Loop 0 (loop) : loop with "):
        problems.append("opt header: %r" % after[:60])
    for op in ("label(i0, i1, descr=loop)", "i2 = int_lt(i0, 20)", "guard_false(i3) [i0, i1]", "jump(i5, i4, descr=loop)"):
        if op not in before:
            problems.append("%r missing before optimization" % op)
    for op in ("descr=loop_peeled", "int_and(", "guard_false(", "jump("):
        if op not in after:
            problems.append("%r missing after optimization" % op)
    if "# bridge out of Guard 4 with 4 ops" not in body_of(secs, "jit-log-opt-bridge"):
        problems.append("bridge header: %r" % body_of(secs, "jit-log-opt-bridge")[:60])
    if p.stderr:
        problems.append("stderr not empty: %r" % p.stderr)
    return problems


def case_backend(tmp):
    path = os.path.join(tmp, "backend.log")
    p, log = run("jit-backend:" + path, path)
    secs = sections(log)
    problems = []
    want = ["jit-backend-addr", "jit-backend-dump", "jit-backend"] * 2
    if names(secs) != want:
        problems.append("sections %s, expected %s" % (names(secs), want))
    addr = body_of(secs, "jit-backend-addr")
    if not re.search(r"Loop 0 \(loop\) has address 0x[0-9a-f]+ to 0x[0-9a-f]+ \(bootstrap 0x[0-9a-f]+\)", addr):
        problems.append("loop address line: %r" % addr)
    if not re.search(r"bridge out of Guard 4 has address 0x[0-9a-f]+ to 0x[0-9a-f]+", addr):
        problems.append("bridge address line: %r" % addr)
    dump = body_of(secs, "jit-backend-dump")
    if "BACKEND x86_64" not in dump or not re.search(r"CODE_DUMP @[0-9a-f]+ \+0  [0-9A-F]{20,}", dump):
        problems.append("dump: %r" % dump[:200])
    human = body_of(secs, "jit-backend")
    if not re.search(r"# Loop 0 \(loop\): 15 ops, \d+ bytes at 0x[0-9a-f]+, assembled in", human):
        problems.append("backend header: %r" % human[:200])
    return problems


def case_summary_to_stderr(tmp):
    p, _ = run("jit-summary:-")
    problems = []
    if p.stdout.strip() != EXPECT:
        problems.append("stdout %r" % p.stdout)
    secs = sections(p.stderr)
    if names(secs) != ["jit-summary"]:
        return ["sections %s on stderr" % names(secs)]
    body = body_of(secs, "jit-summary")
    for pattern in (r"Optimizer:\s+2\t[\d.]+", r"Backend:\s+2\t[\d.]+", r"ops:\s+12\n", r"guards:\s+2\n",
                    r"opt ops:\s+19\n", r"opt guards:\s+4\n", r"Total # of loops:\t1\n", r"Total # of bridges:\t1\n"):
        if not re.search(pattern, body + "\n"):
            problems.append("summary lacks %r:\n%s" % (pattern, body))
    return problems


def case_several(tmp):
    path = os.path.join(tmp, "several.log")
    p, log = run("jit-log-opt-loop,jit-summary:" + path, path)
    got = names(sections(log))
    want = ["jit-log-opt-loop", "jit-summary"]
    return [] if got == want else ["sections %s, expected %s" % (got, want)]


def case_everything(tmp):
    path = os.path.join(tmp, "all.log")
    p, log = run(":" + path, path)
    got = set(names(sections(log)))
    want = {"jit-log-noopt-loop", "jit-log-opt-loop", "jit-log-noopt-bridge", "jit-log-opt-bridge",
            "jit-backend-addr", "jit-backend-dump", "jit-backend", "jit-summary"}
    return [] if got == want else ["sections %s, expected %s" % (sorted(got), sorted(want))]


def case_profiling(tmp):
    path = os.path.join(tmp, "profile.log")
    p, log = run(path, path)
    secs = sections(log)
    problems = []
    if "jit-summary" not in names(secs) or "jit-log-opt-loop" not in names(secs):
        problems.append("sections %s" % names(secs))
    if any(body for _, body in secs):
        problems.append("profiling mode wrote section bodies")
    return problems


def case_unwritable_file(tmp):
    blocker = os.path.join(tmp, "not-a-dir")
    open(blocker, "w").close()
    p, _ = run("jit-summary:" + os.path.join(blocker, "x.log"))
    problems = []
    if p.returncode != 0 or p.stdout.strip() != EXPECT:
        problems.append("status %d, stdout %r" % (p.returncode, p.stdout))
    if "warning: PYPYLOG: cannot open" not in p.stderr or "{jit-summary" not in p.stderr:
        problems.append("stderr %r" % p.stderr)
    return problems


def case_off(tmp):
    p, _ = run(None)
    problems = []
    if p.stdout.strip() != EXPECT:
        problems.append("stdout %r" % p.stdout)
    if p.stderr:
        problems.append("stderr not empty without PYPYLOG: %r" % p.stderr)
    return problems


CASES = [case_log_opt, case_backend, case_summary_to_stderr, case_several, case_everything, case_profiling,
         case_unwritable_file, case_off]


def main():
    if not os.path.exists(RPYJIT):
        print("missing %s: build the rpyjit target first" % RPYJIT)
        print("0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        by_name = {c.__name__: c for c in CASES}

        def check(name):
            try:
                return by_name[name](tmp)
            except ValueError as e:
                return ["malformed log: %s" % e]
        return run_cases([c.__name__ for c in CASES], check, "")


if __name__ == "__main__":
    sys.exit(main())
