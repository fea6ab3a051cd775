"""The reporting loop the file-based test runners share: one line per case,
then the plain `N passed, N failed` line ctest's log readers understand."""
import os
import subprocess


def run_cases(paths, check, base):
    """check(path) returns a list of problems (empty when the case passes).
    Returns the process exit status."""
    passed = failed = 0
    for path in paths:
        name = os.path.relpath(path, base)
        try:
            problems = check(path)
        except subprocess.TimeoutExpired:
            problems = ["timed out"]
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("    " + p.replace("\n", "\n    "))
        else:
            passed += 1
            print("ok   %s" % name)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0
