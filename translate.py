#!/usr/bin/python3
"""translate.py: turn an RPython-3 target into a native binary.

    ./translate.py [--opt=0|1|2|3|jit] [--gc=incminimark|boehm] [--output=PATH]
                   [--batch] [-a] [-t] [-s] [--graphs=DIR] [--dump-graphs=FILE]
                   [--lldebug] [-j N] [--units=N] [--source-dir=DIR]
                   [--verbose] TARGET.py [target args]

The target module is imported as ordinary Python (its module-level code runs
once); `target(driver, args)` returns the entry point, which the C++ pipeline
in the _rpytoolchain extension translates from the live function objects.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

REPO = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "driver"))

import cbuild  # noqa: E402


class UserError(Exception):
    """An error in the user's input, reported as file:line: error: ..."""

    def __init__(self, message, path=None, line=0, col=0, notes=()):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.notes = list(notes)


def _caret_column(source_line, col_bytes):
    # AST columns count UTF-8 bytes; the caret goes under the character.
    prefix = source_line.encode("utf-8")[:col_bytes].decode("utf-8", "replace")
    return len(prefix.expandtabs())


def _source_line(path, line):
    try:
        with open(path, encoding="utf-8") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    return text.rstrip("\n").rstrip("\r")
    except OSError:
        pass
    return None


def _display_path(path):
    if not path:
        return "<unknown>"
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else path


def report(kind, message, path, line, col):
    where = f"{_display_path(path)}:{line}: " if path and line else (f"{_display_path(path)}: " if path else "")
    sys.stderr.write(f"{where}{kind}: {message}\n")
    text = _source_line(path, line) if path and line else None
    if text is not None:
        sys.stderr.write("    " + text.expandtabs() + "\n")
        sys.stderr.write("    " + " " * _caret_column(text, col) + "^\n")


def report_error(err):
    report("error", err.message, err.path, err.line, err.col)
    for (path, line, col), msg in err.notes:
        report("note", msg, path, line, col)


# ---- the target protocol ---------------------------------------------------


class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class Driver:
    """What `target(driver, args)` receives, as in RPython: the chosen
    options under driver.config.translation, and exe_name to rename the
    binary."""

    def __init__(self, opts):
        jit = opts.opt == "jit"
        self.config = _Namespace(translation=_Namespace(
            jit=jit, gc=opts.gc, opt=opts.opt, gcrootfinder="shadowstack",
            backendopt=_Namespace(inline=opts.opt not in ("0",)),
            verbose=opts.verbose, output=opts.output))
        self.exe_name = None


def _frame_in(path, tb):
    line = 0
    for frame, lineno in traceback.walk_tb(tb):
        if os.path.abspath(frame.f_code.co_filename) == path:
            line = lineno
    return line


def load_target(path, opts, target_args):
    path = os.path.abspath(path)
    if not os.path.exists(path):
        raise UserError(f"no such file: {path}")
    name = os.path.splitext(os.path.basename(path))[0]
    sys.path.insert(0, os.path.dirname(path))
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as e:
        msg = e.msg if e.msg.startswith("invalid syntax") else f"invalid syntax: {e.msg}"
        raise UserError(msg, e.filename or path, e.lineno or 1,
                        max((e.offset or 1) - 1, 0))
    except Exception as e:
        raise UserError(f"importing the target raised {type(e).__name__}: {e}", path,
                        _frame_in(path, e.__traceback__) or 1)
    target = getattr(module, "target", None)
    if target is None or not callable(target):
        raise UserError("this file defines no 'target' function: a target must define "
                        "target(driver, args) returning the entry point", path, 1)
    driver = Driver(opts)
    try:
        result = target(driver, target_args)
    except Exception as e:
        raise UserError(f"target() raised {type(e).__name__}: {e}", path,
                        _frame_in(path, e.__traceback__) or target.__code__.co_firstlineno)
    entry = result[0] if isinstance(result, tuple) else result
    if not callable(entry) or not hasattr(entry, "__code__"):
        raise UserError("target() must return the entry point function (or (entry_point, None))",
                        path, target.__code__.co_firstlineno)
    default = name[len("target"):] if name.startswith("target") and len(name) > 6 else name
    return entry, driver, (driver.exe_name or default)


# ---- phases -----------------------------------------------------------------


class Timer:
    def __init__(self, quiet):
        self.phases = []
        self.quiet = quiet
        self.start = time.perf_counter()

    def run(self, name, fn, *args):
        t0 = time.perf_counter()
        result = fn(*args)
        dt = time.perf_counter() - t0
        self.phases.append((name, dt))
        print(f"[phase] {name} ... {dt:.3f}s", flush=True)
        return result

    def summary(self):
        total = time.perf_counter() - self.start
        print("[Timer] Timings:")
        for name, dt in self.phases:
            print(f"[Timer] {name:<32} --- {dt:8.3f} s")
        print("[Timer] " + "=" * 47)
        print(f"[Timer] {'Total:':<32} --- {total:8.3f} s", flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="translate.py", description="Translate an RPython-3 target into a native binary.")
    p.add_argument("--opt", default="2", choices=["0", "1", "2", "3", "jit"],
                   help="optimization level (jit: with a tracing JIT)")
    p.add_argument("--gc", default="incminimark", choices=["incminimark", "boehm"])
    p.add_argument("--output", help="path of the binary (default: <name>-c)")
    p.add_argument("--batch", action="store_true", help="non-interactive: never prompt, plain output")
    p.add_argument("-a", "--annotate", action="store_true", help="stop after annotation")
    p.add_argument("-t", "--rtype", action="store_true", help="stop after rtyping")
    p.add_argument("-s", "--source", action="store_true",
                   help="stop after writing the C++ source: <output>.cpp when it is one unit, "
                        "else <output>-src/ with a Makefile")
    p.add_argument("--lldebug", action="store_true",
                   help="debug build: -O0 -g and #line to the Python source, so gdb steps through it "
                        "(the C++ is kept in <output>-src/)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="compile N units at a time (default: the number of cores; more with distcc)")
    p.add_argument("--units", type=int, default=0, metavar="N",
                   help="split the C++ into N translation units (default: from the program's size)")
    p.add_argument("--source-dir", metavar="DIR",
                   help="write the C++ and its Makefile into DIR and keep them (`make -C DIR` rebuilds)")
    p.add_argument("--graphs", metavar="DIR", help="write every graph as Graphviz .dot (and .svg) into DIR")
    p.add_argument("--dump-graphs", metavar="FILE", help="write the text form of every graph into FILE")
    p.add_argument("--jit-backend", default="auto", choices=["auto", "x86_64", "aarch64", "ppc64le"])
    p.add_argument("--platform", default="host", choices=["host", "aarch64", "ppc64le"])
    p.add_argument("--verbose", "-v", action="store_true", help="log what the toolchain does")
    p.add_argument("target")
    p.add_argument("target_args", nargs=argparse.REMAINDER)
    return p.parse_args(argv)


def main(argv):
    opts = parse_args(argv)
    if opts.opt == "jit":
        report("error", "--opt=jit is not available yet: the JIT (jitcodegen/, targets/) is not "
               "implemented in this version; use --opt=0..3", None, 0, 0)
        return 1
    if opts.jobs is not None and opts.jobs < 1:
        report("error", f"--jobs must be at least 1, not {opts.jobs}", None, 0, 0)
        return 1
    if opts.units < 0:
        report("error", f"--units must be at least 1 (or 0: from the program's size), not {opts.units}",
               None, 0, 0)
        return 1
    if opts.platform != "host" or opts.jit_backend not in ("auto", "x86_64"):
        report("error", "cross-translation (--platform/--jit-backend) is not available yet", None, 0, 0)
        return 1
    try:
        import _rpytoolchain_loader  # noqa: F401  (sets sys.path for the build dir)
        import _rpytoolchain as tc
    except ImportError as e:
        report("error", f"the toolchain is not built ({e}): run `make build` first", None, 0, 0)
        return 1
    if opts.verbose:
        tc.configure_logging("debug")

    timer = Timer(quiet=opts.batch)
    try:
        entry, driver, name = timer.run("import target", load_target, opts.target, opts, opts.target_args)
        output = os.path.abspath(opts.output or f"{name}-c")
        translation = tc.Translation(entry)
        translation.progress = lambda n: print(f"[annotate] {n} blocks flowed", flush=True)
        try:
            timer.run("annotate", translation.annotate)
            if not opts.annotate:
                timer.run("rtype", translation.rtype)
                if not opts.rtype:
                    level = int(opts.opt)
                    timer.run("backendopt", translation.backendopt, level)
                    if opts.gc == "incminimark":
                        # roots, write barriers, inline allocation (gctransform/)
                        timer.run("gctransform", translation.gctransform)
        finally:
            write_graphs(translation, opts)
        if opts.annotate or opts.rtype:
            timer.summary()
            return 0
        basename = re.sub(r"[^\w.-]", "_", os.path.basename(output))
        files = timer.run("source", translation.generate_source, basename, max(0, opts.units), opts.lldebug)
    except tc.TranslationError as e:
        report_error(UserError(e.message, e.path, e.line, e.col, e.notes))
        return 1
    except UserError as e:
        report_error(e)
        return 1
    except Exception as e:  # a toolchain bug, not the user's
        if opts.verbose:
            traceback.print_exc()
        report("error", f"internal error in the toolchain ({type(e).__name__}: {e}); "
               "please report it with the target file (--verbose shows more)", None, 0, 0)
        return 2
    print(f"[translation] {translation.graph_count} graphs, {translation.block_count} blocks, "
          f"{translation.op_count} operations", flush=True)

    units = [name for name, _, is_unit in files if is_unit]
    if opts.source and len(units) == 1 and not opts.source_dir:
        # One unit: the file the test runners compile (driver/cbuild.py).
        cpp = output + ".cpp"
        with open(cpp, "wb") as f:
            f.write(files[0][1])
        timer.summary()
        print(cpp)
        return 0

    keep = bool(opts.source_dir or opts.source or opts.lldebug)
    srcdir = os.path.abspath(opts.source_dir or output + "-src") if keep else tempfile.mkdtemp(prefix="rpy-")
    os.makedirs(srcdir, exist_ok=True)
    for name, text, _ in files:
        write_if_changed(os.path.join(srcdir, name), text)
    cflag = {"0": "0", "3": "3"}.get(opts.opt, "2")
    cbuild.write_makefile(srcdir, [name for name, _, _ in files], output, cflag, gc=opts.gc, debug=opts.lldebug)
    if opts.source:
        timer.summary()
        print(srcdir)
        return 0

    cmd = cbuild.make_command(srcdir, opts.jobs)
    print(f"[compile] {len(units)} unit{'s' if len(units) > 1 else ''}, "
          f"{opts.jobs or cbuild.default_jobs()} at a time: {' '.join(cmd)}", flush=True)
    try:
        proc = timer.run("compile", lambda: subprocess.run(cmd, capture_output=True, text=True))
    except OSError as e:
        report("error", f"cannot run {cmd[0]} to build the C++ in {srcdir}: {e}", None, 0, 0)
        return 1
    if proc.returncode != 0:
        log = os.path.join(srcdir, "compile.log")
        with open(log, "w") as f:
            f.write(" ".join(cmd) + "\n" + proc.stdout + proc.stderr)
        report("error", "the C++ compiler rejected the generated code: this is a toolchain bug, "
               f"please report it (source and compiler log kept in {srcdir})", None, 0, 0)
        return 1
    if not keep:
        shutil.rmtree(srcdir, ignore_errors=True)
    timer.summary()
    print(output)
    return 0


def write_if_changed(path, data):
    # An unchanged unit keeps its timestamp: re-translating into the same
    # --source-dir recompiles only the units that changed.
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except OSError:
        pass
    with open(path, "wb") as f:
        f.write(data)


def write_graphs(translation, opts):
    if opts.dump_graphs:
        with open(opts.dump_graphs, "w") as f:
            f.write(translation.dump_graphs())
    if opts.graphs:
        paths = translation.write_dot(opts.graphs)
        if shutil.which("dot"):
            for p in paths:
                subprocess.run(["dot", "-Tsvg", p, "-o", p[:-4] + ".svg"], capture_output=True)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
