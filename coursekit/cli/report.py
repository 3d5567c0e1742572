"""The class report: which functions the class struggles with, at a glance.

Written after grading to reports/<assignment>/: ``cells.csv`` (per graded
cell, the points and the fraction of students with full marks, among those graded on it:
a derivation counts once a person has graded it),
``scores.csv`` (per student, the total) and ``report.png`` (both as figures:
pass rate per cell, and a histogram of total scores).
"""
import csv
from pathlib import Path

from .gradebook import course_directory, read_grades


def class_report(course, assignment):
    """Write the report files; return (per-cell pass rates, per-student totals).

    The grades come from the gradebook the course's nbgrader_config.py names.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    grades = read_grades(course, assignment)
    if not grades:  # nothing graded yet (a shard whose share is empty, say): nothing to report
        return {}, {}
    out = Path(course_directory(course).root) / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    points = {}  # every graded cell in notebook order, derivations that wait for a person included
    for graded in grades.values():
        points.update({**graded.max_scores, **graded.pending})
    cells = list(points)
    # per cell, among the students graded on it (a derivation waits for a person until formgrader)
    graded_on = {cell: [g for g in grades.values() if cell in g.scores] for cell in cells}
    rates = {cell: sum(g.scores[cell] >= g.max_scores[cell] for g in graded_on[cell]) / len(graded_on[cell])
             if graded_on[cell] else float("nan") for cell in cells}
    totals = {student: g.total for student, g in sorted(grades.items())}
    max_total = sum(points.values())

    with open(out / "cells.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["grade_id", "points", "fraction_full_marks"])
        writer.writerows([cell, points[cell], f"{rates[cell]:.3f}" if graded_on[cell] else "not graded yet"]
                         for cell in cells)
    with open(out / "scores.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "score", "max_score"])
        writer.writerows([s, t, max_total] for s, t in totals.items())

    fig, (ax_cells, ax_hist) = plt.subplots(1, 2, figsize=(12, 0.35 * len(cells) + 2.5))
    ax_cells.barh(cells[::-1], [rates[c] for c in cells[::-1]], color="tab:blue")
    ax_cells.set(xlim=(0, 1), xlabel="fraction of students with full marks",
                 title=f"{assignment}: graded cells ({len(grades)} students)")
    ax_hist.hist(list(totals.values()), bins=min(20, int(max_total) + 1), range=(0, max_total), color="tab:green")
    ax_hist.set(xlabel=f"total score (out of {max_total:g})", ylabel="students", title="Total scores")
    fig.tight_layout()
    fig.savefig(out / "report.png", dpi=100)
    plt.close(fig)
    return rates, totals
