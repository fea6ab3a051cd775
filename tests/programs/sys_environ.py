"""os.environ: reading (KeyError as CPython, get with and without a
default, `in`, iteration over keys and items, len), writing (os.getenv
sees the change: the process environment is updated as CPython's putenv
does), del, pop, setdefault, copy; os.putenv/os.unsetenv checks."""
import os


def main(argv):
    print(os.environ["PYTHONHASHSEED"], os.environ.get("PYTHONIOENCODING"))
    print("PYTHONHASHSEED" in os.environ, "RPY_ENV_NOPE" in os.environ, "RPY_ENV_NOPE" not in os.environ)
    print(os.environ.get("RPY_ENV_NOPE"), os.environ.get("RPY_ENV_NOPE", "dflt"))
    try:
        print(os.environ["RPY_ENV_NOPE"])
    except KeyError as e:
        print("KeyError", str(e))
    n = len(os.environ)
    os.environ["RPY_ENV_B"] = "bee"
    os.environ["RPY_ENV_A"] = "a=1 é"
    print(len(os.environ) - n, os.environ["RPY_ENV_A"], os.getenv("RPY_ENV_B"))
    os.environ["RPY_ENV_B"] = "bee2"
    print(os.getenv("RPY_ENV_B"), len(os.environ) - n)
    mine = []
    for k in os.environ:
        if k.startswith("RPY_ENV_"):
            mine.append(k)
    print(mine)
    for k, v in os.environ.items():
        if k.startswith("RPY_ENV_"):
            print(k, "=", v)
    print(sorted([k for k in os.environ.keys() if k.startswith("RPY_ENV")]))
    print(len([v for v in os.environ.values() if v.startswith("bee")]))
    print(os.environ.setdefault("RPY_ENV_C", "sea"), os.environ.setdefault("RPY_ENV_C", "other"))
    print(os.environ.pop("RPY_ENV_C"), os.environ.pop("RPY_ENV_C", "gone"), os.getenv("RPY_ENV_C"))
    snapshot = os.environ.copy()
    del os.environ["RPY_ENV_B"]
    print(os.getenv("RPY_ENV_B"), "RPY_ENV_B" in os.environ, snapshot["RPY_ENV_B"])
    try:
        del os.environ["RPY_ENV_B"]
    except KeyError as e:
        print("KeyError", str(e))
    try:
        os.environ["RPY=BAD"] = "x"
    except ValueError as e:
        print("ValueError", str(e))
    try:
        os.environ["RPY_NUL"] = "a\0b"
    except ValueError as e:
        print("ValueError", str(e))
    os.putenv("RPY_ENV_PUT", "direct")
    print(os.getenv("RPY_ENV_PUT"), "RPY_ENV_PUT" in os.environ)
    os.unsetenv("RPY_ENV_PUT")
    print(os.getenv("RPY_ENV_PUT"))
    home = os.environ.get("PYTHONPATH", "")
    print(len(home) > 0)
    print(os.environ["RPY_ENV_MISSING_AT_END"])
    return 0


def target(driver, args):
    return main, None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
