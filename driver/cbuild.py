"""How a generated C++ file becomes a binary: the one place that knows the
compiler command, shared by translate.py and the test runners (which batch
many compilations in parallel)."""
import os
import shlex
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DIR = os.environ.get("RPY_BUILD_DIR", os.path.join(REPO, "build"))


def buildinfo():
    sys.path.insert(0, BUILD_DIR)
    try:
        import buildinfo as info
    finally:
        sys.path.pop(0)
    return info


def compile_command(cpp_path, exe_path, opt_level="2"):
    """The argv that compiles cpp_path into exe_path, linked with the runtime."""
    info = buildinfo()
    cxx = shlex.split(os.environ.get("CXX") or info.CXX)
    cmd = cxx + ["-std=c++20", "-O" + str(opt_level), "-fno-strict-aliasing",
                 "-fwrapv", "-ffp-contract=off", "-w", "-I", info.INCLUDE_DIR]
    cmd += shlex.split(info.GC_CFLAGS.replace(";", " "))
    cmd += [cpp_path, "-o", exe_path, info.RUNTIME_LIB]
    cmd += shlex.split(info.GC_LIBS.replace(";", " "))
    cmd += ["-lm"]
    return cmd
