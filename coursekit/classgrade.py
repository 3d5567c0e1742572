"""Grade a whole class with the real ``nbgrader autograde`` and account for every student.

    python -m coursekit grade 01_binary_cross_entropy

Before grading, each submission is checked: a notebook saved under another
name (``name (1).ipynb``, as browsers do) is renamed when it is the only one,
and a notebook that is not valid JSON is set aside, so nbgrader records zero
for it instead of stopping.  After grading, every student gets an account:
the score, each graded cell that failed and why (timeout, SystemExit, a
blocked exit, an error), and anything nbgrader itself reported.  The accounts
are written to ``reports/<assignment>/accounts.json`` and printed.
"""
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from . import notebook_name
from .grading import COURSE_ID, read_grades
from .nbgrader_cli import run_nbgrader


@dataclass
class Account:
    """What happened to one student's submission."""
    student: str
    score: float = 0.0
    max_score: float = 0.0
    status: str = "graded"             # graded | no notebook | invalid notebook | not graded
    notes: list = field(default_factory=list)
    failed_cells: dict = field(default_factory=dict)  # grade id -> reason


def _preflight(folder, expected, account):
    """Fix or set aside what would make nbgrader skip or stop on this submission."""
    target = folder / expected
    if not target.exists():
        others = sorted(p for p in folder.glob("*.ipynb"))
        if len(others) == 1:
            others[0].rename(target)
            account.notes.append(f"renamed {others[0].name!r} to {expected!r} (the only notebook submitted)")
        else:
            account.status = "no notebook"
            found = ", ".join(p.name for p in others) or "no notebook at all"
            account.notes.append(f"no {expected!r} submitted (found: {found})")
            return
    try:
        nb = nbformat.read(target, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # noqa: BLE001 - any unreadable notebook is reported, not fatal
        account.status = "invalid notebook"
        account.notes.append(f"{expected!r} is not a valid notebook ({type(err).__name__}: "
                             f"{str(err).splitlines()[0][:200]}); it was set aside and scored 0")
        target.rename(target.with_name(target.name + ".invalid"))


# Errors whose name says less than it should.
_REASONS = {
    "KeyboardInterrupt": "timed out: the cell ran past the time limit and was interrupted",
    "CellTimeoutError": "timed out: the cell ran past the time limit",
    "KernelDied": "the kernel died in this cell (restarted; the cells after it were still graded)",
}


def _cell_failures(autograded_nb):
    """grade id -> reason, for graded cells with an error or stderr output."""
    reasons = {}
    for cell in autograded_nb.cells:
        nbg = cell.metadata.get("nbgrader", {})
        if not (nbg.get("grade") and not nbg.get("solution")):
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                reasons[nbg["grade_id"]] = _REASONS.get(out.ename, f"{out.ename}: {_first_line(out.evalue)}")
                break
            if out.output_type == "stream" and out.name == "stderr":
                reasons[nbg["grade_id"]] = f"wrote to stderr: {_first_line(out.text)}"
                break
    return reasons


def _first_line(text):
    text = re.sub(r"\x1b\[[0-9;]*m", "", text or "").strip()
    return text.splitlines()[0][:200] if text else ""


def _nbgrader_errors(log, student):
    """Error lines nbgrader logged for this student."""
    marker = f"for student '{student}'"
    return [_first_line(line.split("]", 1)[-1]) for line in log.splitlines()
            if marker in line and "ERROR" in line]


def grade_assignment(course, assignment, extra_args=()):
    """Autograde every submission of ``assignment`` in ``course``; return {student: Account}."""
    course = Path(course)
    expected = f"{notebook_name(assignment)}.ipynb"
    submitted = sorted(p for p in course.glob(f"submitted/*/{assignment}") if p.is_dir())
    accounts = {}
    for folder in submitted:
        student = folder.parent.name
        accounts[student] = Account(student)
        _preflight(folder, expected, accounts[student])

    proc = run_nbgrader(course, "autograde", assignment, "--force", *extra_args, check=False)
    log = proc.stdout + proc.stderr
    grades = read_grades(course, assignment)
    max_score = _max_score(course, assignment)
    for student, account in accounts.items():
        graded = grades.get(student)
        account.max_score = max_score
        if graded is not None:
            account.score = graded.total
        autograded = course / "autograded" / student / assignment / expected
        if autograded.exists():
            account.failed_cells = _cell_failures(nbformat.read(autograded, as_version=4))
        elif account.status == "graded":
            account.status = "not graded"
            account.notes.append("nbgrader produced no graded notebook")
        account.notes += _nbgrader_errors(log, student)
    _write_report(course, assignment, accounts)
    return accounts


def _max_score(course, assignment):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{Path(course) / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        return gb.find_assignment(assignment).max_score


def _write_report(course, assignment, accounts):
    out = Path(course) / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    (out / "accounts.json").write_text(json.dumps([asdict(a) for a in accounts.values()], indent=2))


def format_accounts(accounts):
    lines = []
    for a in accounts.values():
        lines.append(f"{a.student}: {a.score:g}/{a.max_score:g} [{a.status}]")
        lines += [f"    note: {n}" for n in a.notes]
        lines += [f"    {cell}: {why}" for cell, why in sorted(a.failed_cells.items())]
    return "\n".join(lines)
