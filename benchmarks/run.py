"""Benchmarks for instructors at scale.  Run from the repository root:

    .venv/bin/python benchmarks/run.py [--students 60] [--jobs N] [--repeats 3] [--skip-grading]

It prints a Markdown report and writes it to benchmarks/results.md:
1. grading throughput, sequential `nbgrader autograde` (one kernel at a time, and with the
   course's warm start) against `coursekit grade --jobs N`, on a synthetic class of correct,
   mutant and stub notebooks;
2. the per-notebook grading cost against an empty notebook graded the same way, and against
   the pre-sandbox executor (commit BASELINE), each the best of --repeats runs (every run is
   reported too), and one student-function call's round trip;
3. each reference forward + backward at 4M elements (8192 x 1000 for multi-class losses and KL)
   against one np.copy of the inputs, and, per element, against the catalog's Python-loop
   implementation on a smaller input (4096 elements or 64 rows).
Figures are ratios, so they travel between machines better than seconds do.
"""
import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # tests/support: scratch courses

from coursekit import ROOT, assignments, notebook_name  # noqa: E402
from coursekit.cli.classgrade import grade_assignment  # noqa: E402
from coursekit.cli.gradebook import read_grades  # noqa: E402
from coursekit.cli.nbgrader import run_nbgrader  # noqa: E402
from support.scratch import new_class, write_submission  # noqa: E402
from support.catalog import (catalog, reference_functions, reference_submission,  # noqa: E402
                                   submission_for, untouched_release)


def synthetic_class(assignment, n):
    """n notebooks: the reference, the untouched release and every catalog entry, in turn."""
    kinds = [reference_submission(assignment), untouched_release(assignment)]
    kinds += [submission_for(assignment, e) for e in catalog(assignment)]
    return {f"student{i:03d}": kinds[i % len(kinds)] for i in range(n)}


BASELINE = "2315812"  # the last commit before sandboxed kernels: its executor ran student code unsandboxed


def _baseline_course(assignment, students):
    """A scratch course graded by the pre-sandbox executor: coursekit/ and nbgrader_config.py from BASELINE."""
    import io
    import subprocess
    import tarfile

    folder = Path(tempfile.mkdtemp(prefix="lfs-bench-baseline-"))
    archive = subprocess.run(["git", "archive", BASELINE, "coursekit", "nbgrader_config.py"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    tarfile.open(fileobj=io.BytesIO(archive)).extractall(folder, filter="data")
    for a in [assignment]:
        import shutil

        shutil.copytree(ROOT / "source" / a, folder / "source" / a, symlinks=False)
    run_nbgrader(folder, "generate_assignment", assignment, "--force")
    for student, files in students.items():
        write_submission(folder, assignment, student, files)
    return folder


def _empty_class(n):
    """A scratch course whose one assignment is an empty notebook, with n submissions of it."""
    from coursekit.cli.nbgrader import new_course_dir

    folder = new_course_dir(tempfile.mkdtemp(prefix="lfs-bench-empty-"), [])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (folder / "source" / "00_empty").mkdir(parents=True)
    nbformat.write(nb, folder / "source" / "00_empty" / "empty.ipynb")
    run_nbgrader(folder, "generate_assignment", "00_empty", "--force")
    for i in range(n):
        write_submission(folder, "00_empty", f"student{i:03d}", {"empty.ipynb": nb})
    return folder


def bench_grading(assignment, n, jobs, repeats):
    """Seconds of `nbgrader autograde` of the class: with the course config, with one kernel at a
    time, with the pre-sandbox executor (BASELINE), and `coursekit grade --jobs`; and for an empty
    notebook graded the same way as the course config.

    The three runs the per-notebook ratios compare (course config, empty, baseline) are repeated
    ``repeats`` times on the same class; each gets the list of its times (the best is the figure:
    noise on a shared machine only ever adds time).
    """
    students = synthetic_class(assignment, n)
    students = {s: {f"{notebook_name(assignment)}.ipynb": nb} for s, nb in students.items()}
    seconds, grades = {}, {}
    runs = {"sequential": ["--force"], "one kernel at a time": ["--force", "--SandboxedExecute.warm_start=False"],
            "baseline": ["--force"], "parallel": None}
    for name, nbgrader_args in runs.items():
        course = (_baseline_course(assignment, students) if name == "baseline" else
                  new_class(tempfile.mkdtemp(prefix="lfs-bench-"), assignment, students))
        seconds[name] = []
        for _ in range(repeats if name in ("sequential", "baseline") else 1):
            start = time.perf_counter()
            if nbgrader_args is None:
                grade_assignment(course, assignment, jobs=jobs, force=True)
            else:
                run_nbgrader(course, "autograde", assignment, *nbgrader_args, check=False)
            seconds[name].append(time.perf_counter() - start)
        if name == "baseline":  # its config imports the old coursekit, which this process cannot load
            from coursekit.cli.gradebook import course_directory

            course_id = course_directory(ROOT).course_id
            (course / "nbgrader_config.py").write_text(f"c = get_config()\nc.CourseDirectory.course_id = {course_id!r}\n")
        grades[name] = {s: g.scores for s, g in read_grades(course, assignment).items()}
    empty = _empty_class(n)
    seconds["empty"] = []
    for _ in range(repeats):
        start = time.perf_counter()
        run_nbgrader(empty, "autograde", "00_empty", "--force")
        seconds["empty"].append(time.perf_counter() - start)
    same = grades["sequential"] == grades["one kernel at a time"] == grades["parallel"] == grades["baseline"]
    return seconds, same


def per_call_cost(repeats=200):
    """Seconds for one round trip of a student-function call to a sandboxed kernel (median)."""
    from coursekit.grader.calls import CallSession
    from coursekit.grader.verdicts import call_request
    from support.kernels import sandboxed_kernel

    with sandboxed_kernel("def f(y, p):\n    return float(((p - y) ** 2).mean())") as (km, kc, _):
        session = CallSession(km, kc)
        session.open(time.monotonic() + 60)
        times = []
        y, p = np.zeros(100), np.ones(100)
        for i in range(repeats):
            start = time.perf_counter()
            session.call(call_request("f", (y, p), {}, str(i)), str(i), time.monotonic() + 60)
            times.append(time.perf_counter() - start)
        session.close(time.monotonic() + 60)
        return float(np.median(times))


def _inputs(assignment, n_elements, rng):
    """Arguments for the reference functions of each assignment (forward name, backward name, args)."""
    rows, cols = 8192, 1000
    if assignment.startswith("01"):
        y, p, z = rng.random(n_elements), rng.uniform(0.01, 0.99, n_elements), rng.normal(0, 3, n_elements)
        return [("bce_forward", "bce_backward", (y, p)), ("bce_with_logits_forward", "bce_with_logits_backward", (y, z))]
    if assignment.startswith("02"):
        logits = rng.normal(0, 3, (rows, cols))
        t = rng.integers(0, cols, rows)
        probs = np.exp(logits - logits.max(1, keepdims=True))
        probs /= probs.sum(1, keepdims=True)
        onehot = np.eye(cols)[t]
        return [("cross_entropy_forward", "cross_entropy_backward", (onehot, probs)),
                ("softmax_cross_entropy_forward", "softmax_cross_entropy_backward", (t, logits))]
    if assignment.startswith("03"):
        return [("mse_forward", "mse_backward", (rng.normal(size=n_elements), rng.normal(size=n_elements)))]
    if assignment.startswith("04"):
        y = np.where(rng.random(n_elements) < 0.5, -1.0, 1.0)
        t = rng.integers(0, cols, rows)
        return [("hinge_forward", "hinge_backward", (y, rng.normal(size=n_elements))),
                ("multiclass_hinge_forward", "multiclass_hinge_backward", (t, rng.normal(size=(rows, cols))))]
    if assignment.startswith("05"):
        return [("quantile_forward", "quantile_backward", (rng.normal(size=n_elements), rng.normal(size=n_elements), 0.9))]
    if assignment.startswith("06"):
        y, p = rng.normal(size=n_elements), rng.normal(0, 3, n_elements)
        return [("mae_forward", "mae_backward", (y, p)), ("huber_forward", "huber_backward", (y, p, 1.0)),
                ("log_cosh_forward", "log_cosh_backward", (y, p))]
    if assignment.startswith("07"):
        logits = rng.normal(0, 3, (rows, cols))
        probs, targets = rng.dirichlet(np.ones(cols), rows), rng.dirichlet(np.ones(cols), rows)
        labels = (rng.random(n_elements) < 0.3).astype(float)
        return [("kl_div_forward", "kl_div_backward", (targets, probs)),
                ("smoothed_cross_entropy_forward", "smoothed_cross_entropy_backward",
                 (rng.integers(0, cols, rows), logits, 0.1)),
                ("focal_forward", "focal_backward", (labels, rng.normal(0, 3, n_elements), 2.0, 0.25))]
    return []


def _best(fn, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def loop_functions(assignment):
    """The reference namespace with the catalog's loop-based correct implementation swapped in."""
    namespace = reference_functions(assignment)
    entry = next(e for e in catalog(assignment) if e.kind == "correct" and "loop" in e.name)
    for code in entry.functions.values():
        exec(compile(entry.preamble + "\n\n" + code, str(entry.path), "exec"), namespace)  # noqa: S102
    return namespace, entry.name, set(entry.functions)


def _shrink(args, rows=64, elements=4096):
    """The first rows of every array (multi-class inputs), else the first elements."""
    keep = rows if any(isinstance(a, np.ndarray) and a.ndim == 2 for a in args) else elements
    return tuple(a[:keep] if isinstance(a, np.ndarray) else a for a in args)


def bench_references(n_elements=4_000_000):
    rng = np.random.default_rng(0)
    rows = []
    for assignment in assignments():
        ref = reference_functions(assignment)
        loops, loop_name, looped = loop_functions(assignment)
        for forward, backward, args in _inputs(assignment, n_elements, rng):
            arrays = [a for a in args if isinstance(a, np.ndarray)]
            fb = _best(lambda: (ref[forward](*args), ref[backward](*args)))
            floor = _best(lambda: [np.copy(a) for a in arrays])
            loop_ratio = None  # the catalog's loop entry writes both passes of this loss, or it is not compared
            if {forward, backward} <= looped:
                small = _shrink(args)
                loop = _best(lambda: (loops[forward](*small), loops[backward](*small)), repeats=3)
                per_big = fb / max(a.size for a in arrays)
                loop_ratio = loop / max(a.size for a in small if isinstance(a, np.ndarray)) / per_big
            rows.append((f"`{forward}` + `{backward}`", fb, floor, fb / floor, loop_ratio, loop_name))
    return rows


def reference_table():
    """The Markdown table of bench_references, line by line."""
    lines = ["| loss | forward + backward at 4M elements | np.copy of the inputs | ratio to the copy | "
             "Python-loop version, time per element (catalog entry) |", "|---|---|---|---|---|"]
    for name, fb, floor, ratio, loop_ratio, loop_name in bench_references():
        loop = "no loop version of both passes" if loop_ratio is None else f"{loop_ratio:.0f} x slower (`{loop_name}`)"
        lines.append(f"| {name} | {1e3 * fb:.1f} ms | {1e3 * floor:.1f} ms | {ratio:.1f} x | {loop} |")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", default=assignments()[0])
    parser.add_argument("--skip-grading", action="store_true")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each per-notebook cost measurement")
    args = parser.parse_args()

    lines = [f"# Benchmark results ({time.strftime('%Y-%m-%d')})", "",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"NumPy {np.__version__}.", ""]
    if not args.skip_grading:
        seconds, same = bench_grading(args.assignment, args.students, args.jobs, args.repeats)
        seq, cold, par = min(seconds["sequential"]), seconds["one kernel at a time"][0], seconds["parallel"][0]
        per_notebook, floor, baseline = (min(seconds[k]) / args.students for k in ("sequential", "empty", "baseline"))
        rate = lambda t: f"{t:.1f} s ({60 * args.students / t:.1f} submissions/min)"  # noqa: E731
        runs = lambda k: ", ".join(f"{t / args.students:.2f}" for t in seconds[k])  # noqa: E731
        ratios = [t / e for t in seconds["sequential"] for e in seconds["empty"]]
        best = f"best of {args.repeats}"
        lines += [f"## Grading `{args.assignment}`: {args.students} synthetic submissions", "",
                  "| measure | value | target |", "|---|---|---|",
                  f"| sequential `nbgrader autograde`, one kernel at a time (`warm_start` off) | {rate(cold)} | |",
                  f"| sequential `nbgrader autograde` (course config: sandboxed kernels, verdicts in the grader, "
                  f"next kernel warms up meanwhile; {best}) | {rate(seq)} | |",
                  f"| sequential `nbgrader autograde` with the pre-sandbox executor (commit {BASELINE}; {best}) | "
                  f"{rate(min(seconds['baseline']))} | |",
                  f"| `coursekit grade --jobs {args.jobs}` | {rate(par)} | |",
                  f"| parallel speedup over one kernel at a time | {cold / par:.2f} x | >= {0.8 * args.jobs:.1f} x "
                  f"(0.8 x {args.jobs} cores) |",
                  f"| parallel speedup over the course's sequential run | {seq / par:.2f} x | |",
                  f"| same grades, student by student, in all four | {'yes' if same else 'NO'} | yes |",
                  f"| per-notebook grading cost (sequential, course config; {best}; every run: {runs('sequential')} s) "
                  f"| {per_notebook:.2f} s | |",
                  f"| empty notebook graded the same way (floor; {best}; every run: {runs('empty')} s) | {floor:.2f} s | |",
                  f"| per-notebook cost / floor (best against best; pairs of single runs: {min(ratios):.2f} to "
                  f"{max(ratios):.2f} x) | {per_notebook / floor:.2f} x | <= 1.5 x |",
                  f"| per-notebook cost / the pre-sandbox executor's (best against best; its runs: {runs('baseline')} s) "
                  f"| {per_notebook / baseline:.2f} x | <= 1.2 x |",
                  f"| one call of a student's function in its sandboxed kernel (round trip, median) | "
                  f"{1e3 * per_call_cost():.1f} ms | |", ""]
    lines += ["## Reference implementations: forward + backward", "", *reference_table(),
              "", "Target: no reference implementation above 10 x the memory-copy floor."]
    report = "\n".join(lines)
    print(report)
    (ROOT / "benchmarks" / "results.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
