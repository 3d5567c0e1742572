"""Command line: ``python -m coursekit regenerate [ASSIGNMENT ...]``."""
import argparse

from .regenerate import regenerate


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m coursekit")
    sub = parser.add_subparsers(dest="command", required=True)
    regen = sub.add_parser("regenerate", help="rebuild release/ and solutions/ from source/")
    regen.add_argument("assignments", nargs="*", help="default: every assignment in source/")
    args = parser.parse_args(argv)
    if args.command == "regenerate":
        for a in regenerate(args.assignments):
            print(f"regenerated release/{a} and solutions/{a}")


if __name__ == "__main__":
    main()
