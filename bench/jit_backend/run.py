#!/usr/bin/python3
"""x86-64 JIT backend benchmarks (not a ctest test).

1. Assembly speed: a large synthetic trace (int, float, heap ops, guards;
   N operations) compiled by `rpyjit run --time`; reports µs per operation
   (issue 7's target: <= 1 µs/op).
2. Code quality: the summing loop of tests/jit/sum_loop.trace run for
   ITER iterations by the backend, against the same loop in C compiled
   with `cc -O2` (sum.c); reports the ratio (target: within 1.5x).

    bench/jit_backend/run.py [--ops N] [--iters ITER]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("RPY_BUILD_DIR", os.path.join(REPO, "build"))
RPYJIT = os.path.join(BUILD, "bin", "rpyjit")


def synthetic_trace(n_ops):
    """A loop body of about n_ops operations keeping many values alive."""
    lines = ["descr S = struct(a: i, b: f, c: r)", "descr A = array(i)", "[i0, i1, f0]",
             "p0 = new(descr=S)", "p1 = new_array(16, descr=A)",
             "label(i0, i1, f0, p0, p1, descr=loop)"]
    ints, floats = ["i0", "i1"], ["f0"]
    k = 0
    while len(lines) < n_ops:
        k += 1
        a, b = ints[-1 - k % len(ints)], ints[-1 - (k * 7) % len(ints)]
        kind = k % 8
        if kind in (0, 1, 2):
            op = ("int_add", "int_sub", "int_xor")[kind]
            lines.append("i%d_ = %s(%s, %s)" % (k, op, a, b)); ints.append("i%d_" % k)
        elif kind == 3:
            lines.append("f%d_ = float_add(%s, 1.5)" % (k, floats[-1])); floats.append("f%d_" % k)
        elif kind == 4:
            lines.append("i%d_ = int_lt(%s, %s)" % (k, a, b))
            lines.append("i%d_g = int_le(%s, %s)" % (k, a, a))
            lines.append("guard_true(i%d_g) [%s, %s, %s]" % (k, a, b, floats[-1]))
            ints.append("i%d_" % k)
        elif kind == 5:
            lines.append("setfield_gc(p0, %s, descr=S.a)" % a)
        elif kind == 6:
            lines.append("i%d_ = getfield_gc_i(p0, descr=S.a)" % k); ints.append("i%d_" % k)
        else:
            lines.append("i%d_m = int_and(%s, 15)" % (k, a))
            lines.append("setarrayitem_gc(p1, i%d_m, %s, descr=A)" % (k, b))
        ints = ints[-40:]
        floats = floats[-20:]
    lines.append("i_end = int_lt(i0, 0)")
    lines.append("guard_true(i_end) [i0, %s, %s]" % (ints[-1], floats[-1]))
    lines.append("jump(i0, %s, %s, p0, p1, descr=loop)" % (ints[-1], floats[-1]))
    return "\n".join(lines) + "\n"


def rpyjit_time(path, args):
    p = subprocess.run([RPYJIT, "run", "--no-opt", "--time", path] + args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("rpyjit failed: " + p.stderr)
    m = re.search(r"compile ([\d.]+) us for (\d+) ops \(([\d.]+) us/op\), execute ([\d.]+) us", p.stderr)
    return p.stdout.strip(), float(m.group(1)), int(m.group(2)), float(m.group(4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ops", type=int, default=20000)
    ap.add_argument("--iters", type=int, default=200000000)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.trace")
        with open(big, "w") as f:
            f.write(synthetic_trace(opts.ops))
        best = None
        for _ in range(5):
            _, us, n, _ = rpyjit_time(big, ["5", "7", "0.5"])
            best = us if best is None else min(best, us)
        print("assemble: %d ops in %.0f us: %.3f us/op (target <= 1)" % (n, best, best / n))

        loop = os.path.join(tmp, "sum.trace")
        with open(loop, "w") as f:
            f.write("[i0, i1, i9]\nlabel(i0, i1, i9, descr=loop)\ni2 = int_lt(i0, i9)\n"
                    "guard_true(i2) [i0, i1]\ni3 = int_add(i1, i0)\ni4 = int_add(i0, 1)\n"
                    "jump(i4, i3, i9, descr=loop)\n")
        jit_us = None
        for _ in range(3):
            out, _, _, us = rpyjit_time(loop, ["0", "0", str(opts.iters)])
            jit_us = us if jit_us is None else min(jit_us, us)
        exe = os.path.join(tmp, "sum")
        subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, "sum.c")], check=True)
        c_us = None
        for _ in range(3):
            i, s, us = subprocess.run([exe, str(opts.iters)], capture_output=True, text=True, check=True).stdout.split()
            c_us = float(us) if c_us is None else min(c_us, float(us))
        assert out == "exit 2 %s %s" % (i, s), (out, i, s)
        print("summing loop, %d iterations: jit %.0f us (%.3f ns/iter), C -O2 %.0f us (%.3f ns/iter): %.2fx"
              % (opts.iters, jit_us, jit_us * 1e3 / opts.iters, c_us, c_us * 1e3 / opts.iters, jit_us / c_us))


if __name__ == "__main__":
    main()
