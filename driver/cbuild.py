"""How a generated C++ file becomes a binary: the one place that knows the
compiler command, shared by translate.py and the test runners (which batch
many compilations in parallel)."""
import os
import re
import shlex
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DIR = os.environ.get("RPY_BUILD_DIR", os.path.join(REPO, "build"))

# codegen writes this line near the top of every file: the code is written
# for one collector (the precise one needs the GC transform's roots and
# barriers), so the archive follows the file, not a command-line option.
_GC_MARK = re.compile(r"^// rpy-gc: (\w+)$", re.MULTILINE)


def buildinfo():
    sys.path.insert(0, BUILD_DIR)
    try:
        import buildinfo as info
    finally:
        sys.path.pop(0)
    return info


def gc_of(cpp_path):
    """The collector a generated file was written for."""
    with open(cpp_path, encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    m = _GC_MARK.search(head)
    return m.group(1) if m else "boehm"


def compile_command(cpp_path, exe_path, opt_level="2", gc=None):
    """The argv that compiles cpp_path into exe_path, linked with the runtime
    archive of its collector (gc: 'boehm' or 'incminimark'; by default the one
    the file says it was generated for)."""
    info = buildinfo()
    gc = gc or gc_of(cpp_path)
    cxx = shlex.split(os.environ.get("CXX") or info.CXX)
    # -fno-jump-tables: an interpreter's dispatch switch (backendopt/switch.cpp
    # gives each handler its own copy) then compiles to compare trees, whose
    # direct branches predicted as well as the if-chain on bench/programs/bf.py,
    # where one indirect jump per copy ran 1.3x slower (4.7 s, 6.2 s).
    cmd = cxx + ["-std=c++20", "-O" + str(opt_level), "-fno-strict-aliasing",
                 "-fwrapv", "-ffp-contract=off", "-fno-jump-tables", "-w", "-I", info.INCLUDE_DIR]
    if gc == "boehm":
        cmd += shlex.split(info.GC_CFLAGS.replace(";", " "))
    cmd += [cpp_path, "-o", exe_path, info.RUNTIME_LIBS[gc]]
    cmd += shlex.split(info.GC_LINK_FLAGS[gc].replace(";", " "))
    cmd += shlex.split(getattr(info, "RUNTIME_LINK_FLAGS", "-lgmp").replace(";", " "))
    cmd += ["-lm"]
    return cmd
