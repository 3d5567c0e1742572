"""Command line.

    python -m coursekit regenerate [ASSIGNMENT ...]   rebuild release/ and solutions/ from source/
    python -m coursekit bundle [ASSIGNMENT ...] [--out DIR]
                                                      the student bundle: a folder and a zip of what students get
    python -m coursekit grade ASSIGNMENT [--jobs N] [--shard I/N]
                                                      autograde the class (or share I of N of it) in parallel,
                                                      with a per-student account (exit status 1 if nbgrader
                                                      failed on a submission)
"""
import argparse
import os
import sys
from pathlib import Path

from .cli.bundle import build as build_bundle
from .cli.classgrade import format_accounts, grade_assignment, reports_dir, reports_lock
from .cli.gradebook import course_directory
from .cli.regenerate import regenerate
from .cli.report import class_report


def _shard(text):
    """'I/N' -> (I, N), with 1 <= I <= N."""
    try:
        i, n = map(int, text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not I/N, e.g. 1/4") from None
    if not 1 <= i <= n:
        raise argparse.ArgumentTypeError(f"{text!r}: I must be between 1 and N")
    return i, n


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m coursekit")
    sub = parser.add_subparsers(dest="command", required=True)
    regen = sub.add_parser("regenerate", help="rebuild release/ and solutions/ from source/")
    regen.add_argument("assignments", nargs="*", help="default: every assignment in source/")
    bundle = sub.add_parser("bundle", help="write the student bundle (release/ assignments, ungraded notebooks, "
                                           "losscheck.py, a student README and requirements) as a folder and a zip")
    bundle.add_argument("assignments", nargs="*", help="default: every assignment (pick some to release one a week)")
    bundle.add_argument("--out", default="dist", help="where to write it (default: dist/)")
    grade = sub.add_parser("grade", help="autograde submitted/*/ASSIGNMENT and account for every student")
    grade.add_argument("assignment")
    grade.add_argument("--course", default=".", help="the nbgrader course directory (default: here)")
    grade.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2),
                       help="parallel grading processes (default: half the cores, since each uses about two: "
                            "one grades while the other starts the next notebook's kernel)")
    grade.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    grade.add_argument("--shard", type=_shard, default=(1, 1), metavar="I/N",
                       help="grade only share I of N of the students (split by a hash of the student id), "
                            "for N machines sharing the course directory and a PostgreSQL gradebook")
    args = parser.parse_args(argv)
    if args.command == "regenerate":
        for a in regenerate(args.assignments):
            print(f"regenerated release/{a} and solutions/{a}")
    elif args.command == "bundle":
        try:
            folder, archive = build_bundle(args.assignments, args.out)
        except ValueError as e:
            parser.error(str(e))
        print(f"wrote {folder}/ and {archive}")
    elif args.command == "grade":
        accounts = grade_assignment(Path(args.course), args.assignment, jobs=args.jobs,
                                    force=args.force, progress=True, shard=args.shard)
        print(format_accounts(accounts))
        out = reports_dir(course_directory(args.course), args.assignment)
        with reports_lock(out):  # of the whole gradebook; the last shard to finish writes the full report
            _, totals = class_report(Path(args.course), args.assignment)
        print(f"accounts.json{', cells.csv, scores.csv and report.png' if totals else ''} written to {out}")
        if any(a.status == "not graded" for a in accounts.values()):
            return 1  # nbgrader failed on a submission: its account says how
    return 0


if __name__ == "__main__":
    sys.exit(main())
