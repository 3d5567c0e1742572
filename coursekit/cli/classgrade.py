"""Grade a whole class with the real ``nbgrader autograde`` and account for every student.

    python -m coursekit grade 01_binary_cross_entropy --jobs 4

With ``--jobs N`` the students to grade are split into N groups, and N real
``nbgrader autograde`` processes grade them at once, behind a progress bar.
The gradebook, course id and folders are those of the course's
``nbgrader_config.py`` (nbgrader's CourseDirectory); with a SQLite gradebook,
concurrent writers wait for the lock, and a student left behind by a
database error is graded again afterwards.  Submissions graded before and
unchanged since (same files, same source, same config) are skipped unless
``--force``.

``submitted/`` is the instructor's and is never changed.  nbgrader grades a
staged copy of each group's submissions (``--CourseDirectory.submitted_directory``
points at it; ``timestamp.txt`` and every other file are copied as they are,
so formgrader, which compares submitted/'s timestamps with the gradebook's,
and generate_feedback work as after a plain autograde).  In the copy, a
notebook saved under another name (``name (1).ipynb``, as browsers do) is
renamed when it is the only one, and a notebook that is not valid JSON is set
aside, so nbgrader records zero for it instead of stopping.

After grading, every student gets an account: the score, each graded cell
that failed and why (timeout, SystemExit, a blocked exit, an error), what
staging renamed or set aside, and the errors nbgrader logged (with its exit
status) when it did not grade the submission.  The accounts are written to
``reports/<assignment>/accounts.json`` and printed.

With ``--shard i/n``, only the students of share i are graded (see in_shard),
so that n machines sharing the course directory and a PostgreSQL gradebook
can grade a class together; each replaces only its own share's accounts in
accounts.json, under a file lock.
"""
import fcntl
import glob
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbgrader.utils import is_grade, is_solution

from .. import notebook_name
from ..grader.execute import GRADING_RECORD, not_regular
from ..grader.verdicts import ERRORS
from .gradebook import course_directory, read_grades
from .nbgrader import run_nbgrader


@dataclass
class Account:
    """What happened to one student's submission."""
    student: str
    score: float = 0.0
    max_score: float = 0.0
    pending: float = 0.0               # points of derivations that wait for grading by hand (formgrader)
    status: str = "graded"             # graded | no notebook | invalid notebook | not graded
    notes: list = field(default_factory=list)
    failed_cells: dict = field(default_factory=dict)  # grade id -> reason
    fingerprint: str = ""              # of what was graded (see fingerprint); unchanged means no regrade
    graded_in: str = ""                # the sandbox the notebook ran in, or that it ran unsandboxed


def _preflight(folder, staged, expected, account):
    """Copy the submission in ``folder`` to ``staged``, and there fix or set aside what would make
    nbgrader skip or stop on it; the account says what was changed."""
    shutil.copytree(folder, staged, symlinks=True)
    for left_out in not_regular(staged):  # a link would hand nbgrader, and the kernel, a file of the host's
        path = staged / left_out
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        account.notes.append(f"{left_out!r} is a link or special file, not a file of the submission: left out")
    target = staged / expected
    if not target.exists():
        others = sorted(p for p in staged.glob("*.ipynb"))
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


def _cell_failures(autograded_nb):
    """grade id -> reason, for graded cells with an error or stderr output."""
    reasons = {}
    for cell in autograded_nb.cells:
        if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
            continue
        grade_id = cell.metadata.nbgrader["grade_id"]
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                reasons[grade_id] = f"{out.ename}: {ERRORS.get(out.ename) or _first_line(out.evalue)}"
                break
            if out.output_type == "stream" and out.name == "stderr":
                reasons[grade_id] = f"wrote to stderr: {_first_line(out.text)}"
                break
    return reasons


def _grading_record(record_path):
    """Where a notebook was graded, and notes on what the execute step recorded (coursekit/grader/execute.py)."""
    if not record_path.exists():
        return "unknown: no grading record, so not the course's sandboxed executor", []
    record = json.loads(record_path.read_text())
    notes = [f"{name} ran past the time limit and was not called again" for name in record["timed_out"]]
    notes += [f"{name} crashed the Python process {n} time(s)" for name, n in record["crashed"].items()]
    notes += [f"{path!r} is a link or special file, not a file of the submission: left out"
              for path in record.get("left_out", [])]
    if record["budget_spent"]:
        notes.append("the notebook's time budget was spent; the cells left failed at once")
    if record["kernel_restarts"]:
        notes.append(f"the kernel was restarted {record['kernel_restarts']} time(s)")
    return record["sandbox"], notes


def _first_line(text):
    text = re.sub(r"\x1b\[[0-9;]*m", "", text or "").strip()
    return text.splitlines()[0][:200] if text else ""


_LOG_RECORD = re.compile(r"\[\w+ \| (\w+)\] ?(.*)")        # [AutogradeApp | ERROR] message
_RAISED = re.compile(r" {4}([A-Za-z_][\w.]*(: .*)?)$")    # a traceback's exception line, as nbgrader indents it


def _nbgrader_errors(log, folders):
    """The errors nbgrader logged: {student: [error]}, and under None those of no one student.

    An error is its message, or for a traceback its exception line.  An error that
    names a staged folder (``folders``: folder -> student), or the traceback that
    follows "There was an error processing assignment: <folder>", is that student's.
    nbgrader's closing lines ("... for student 's'", "Please see ...") repeat what came before.
    """
    records = []  # (level, lines)
    for line in re.sub(r"\x1b\[[0-9;]*m", "", log).splitlines():
        match = _LOG_RECORD.match(line)
        if match:
            records.append((match[1], [match[2]]))
        elif records:
            records[-1][1].append(line)
    errors, current = {}, None
    for level, (message, *more) in records:
        if level not in ("ERROR", "CRITICAL"):
            continue
        named = next((s for folder, s in folders.items() if folder in message), None)
        if message.startswith(("There was an error processing assignment", "Please see the")):
            current = named
            continue
        raised = [m[1] for m in map(_RAISED.match, more) if m]
        errors.setdefault(named or current, []).append(_first_line(raised[-1] if raised else message))
        current = None
    return errors


def fingerprint(coursedir, assignment, folder):
    """A hash of a submission's files, the assignment's source and the course's nbgrader_config.py."""
    digest = hashlib.sha256()
    for root in (Path(folder), Path(coursedir.format_path(coursedir.source_directory, ".", assignment))):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    digest.update((Path(coursedir.root) / "nbgrader_config.py").read_bytes())
    return digest.hexdigest()


class Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, total, enabled=True):
        self.total, self.done, self.enabled = total, 0, enabled and total > 0

    def step(self, label):
        self.done += 1
        if self.enabled:
            filled = round(30 * self.done / self.total)
            print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {label[:40]:40s}",
                  end="\n" if self.done == self.total else "", file=sys.stderr, flush=True)


def _autograde_groups(course, coursedir, assignment, groups, extra_args, env, bar):
    """Run one `nbgrader autograde` process per group of students, all at once.

    nbgrader pays seconds of start-up per process, so each process grades a
    whole group: ``groups`` maps the folder each group is staged in (given to
    nbgrader as its submitted_directory) to its students.
    Returns {student: (that process's exit status, its errors)}, the errors as
    _nbgrader_errors gives them; the bar advances as graded notebooks appear.
    """
    def run(step):
        proc = run_nbgrader(course, "autograde", assignment, "--force",
                            f"--CourseDirectory.submitted_directory={step}", *extra_args, check=False, env=env)
        folders = {os.path.normpath(coursedir.format_path(step, s, assignment)): s for s in groups[step]}
        return proc.returncode, _nbgrader_errors(proc.stdout + proc.stderr, folders)

    pending = {s for g in groups.values() for s in g}
    results = {}
    with ThreadPoolExecutor(max_workers=len(groups)) as pool:
        futures = {pool.submit(run, step): group for step, group in groups.items()}
        while futures:
            done = [f for f in futures if f.done()]
            for f in done:
                for s in futures.pop(f):
                    results[s] = f.result()
            for s in sorted(pending):
                if s in results or _graded_notebook(coursedir, assignment, s).exists():
                    pending.discard(s)
                    bar.step(s)
            time.sleep(0.2)
    return results


def _graded_notebook(coursedir, assignment, student):
    folder = coursedir.format_path(coursedir.autograded_directory, student, assignment)
    return Path(folder) / f"{notebook_name(assignment)}.ipynb"


def _submissions(coursedir, assignment):
    """student -> the folder of that student's submission (as nbgrader finds them)."""
    pattern = coursedir.format_path(coursedir.submitted_directory, "(?P<student>[^/]+)", re.escape(assignment),
                                    escape=True)
    found = {}
    for folder in sorted(glob.glob(coursedir.format_path(coursedir.submitted_directory, "*", assignment))):
        match = re.fullmatch(pattern, folder)
        if match and os.path.isdir(folder):
            found[match["student"]] = Path(folder)
    return found


def in_shard(student, shard):
    """Whether ``student`` is in share i of n (``shard`` is (i, n)).

    A student's share is 1 + (the first 8 hex digits of the SHA-256 of the
    student id) mod n: the same on every machine, whoever else is in the class.
    """
    i, n = shard
    return int(hashlib.sha256(student.encode()).hexdigest()[:8], 16) % n == i - 1


def grade_assignment(course, assignment, extra_args=(), jobs=1, force=False, progress=False, env=None,
                     shard=(1, 1)):
    """Autograde the submissions of ``assignment`` in ``course``; return {student: Account}.

    Students whose submission is unchanged since it was last graded are skipped
    (and keep their account) unless ``force``, or unless nbgrader failed on it.
    ``shard`` (i, n) grades only the students of share i of n (see in_shard).
    ``env`` adds environment variables for nbgrader and its kernels.
    """
    course = Path(course)
    coursedir = course_directory(course)
    report_dir = reports_dir(coursedir, assignment)
    previous = read_accounts(report_dir)
    submitted = {s: f for s, f in _submissions(coursedir, assignment).items() if in_shard(s, shard)}

    accounts, todo = {}, {}
    for student, folder in submitted.items():
        kept = previous.get(student)  # unless nbgrader failed on it: that may not happen again
        digest = fingerprint(coursedir, assignment, folder)
        if not force and kept and kept.status != "not graded" and kept.fingerprint == digest:
            accounts[student] = kept
            continue
        accounts[student] = Account(student, fingerprint=digest)
        todo[student] = folder

    if todo:  # nothing new or changed: no nbgrader to start, no gradebook to read
        _autograde(course, coursedir, assignment, todo, accounts, extra_args, jobs, env,
                   Progress(len(todo), progress))
    save_accounts(report_dir, accounts, lambda student: in_shard(student, shard))
    return accounts


def _autograde(course, coursedir, assignment, todo, accounts, extra_args, jobs, env, bar):
    """Grade ``todo`` (student -> submitted folder) with `nbgrader autograde`; fill in their accounts.

    Each group of students is staged in a folder of its own under a temporary
    folder in the course root, removed afterwards.
    """
    expected = f"{notebook_name(assignment)}.ipynb"
    for stale in todo:  # a student whose grading stops half-way must not keep an old graded notebook
        if _graded_notebook(coursedir, assignment, stale).exists():
            _graded_notebook(coursedir, assignment, stale).unlink()
    students = list(todo)
    jobs = max(1, min(jobs, len(students)))
    extra_args = (*_sqlite_timeout(coursedir.db_url), *extra_args)
    with tempfile.TemporaryDirectory(prefix=".coursekit-staging-", dir=coursedir.root) as staging:
        def stage(name, group, notes_to):
            step = os.path.relpath(os.path.join(staging, name), coursedir.root)
            for s in group:
                _preflight(todo[s], Path(coursedir.format_path(step, s, assignment)), expected, notes_to[s])
            return step

        groups = {stage(str(i), students[i::jobs], accounts): students[i::jobs] for i in range(jobs)}
        results = _autograde_groups(course, coursedir, assignment, groups, extra_args, env, bar)
        # A process stops at a database error; grade whoever it left behind, one process for all.
        left = [s for s in students if not _graded_notebook(coursedir, assignment, s).exists()
                and any("database is locked" in e for errors in results[s][1].values() for e in errors)]
        if left:  # staged afresh; their accounts already say what staging changes
            groups = {stage("retry", left, {s: Account(s) for s in left}): left}
            results.update(_autograde_groups(course, coursedir, assignment, groups, extra_args, env,
                                             Progress(0, False)))

    grades = read_grades(course, assignment)
    max_score = _max_score(coursedir, assignment)
    for student in todo:
        account = accounts[student]
        account.max_score = max_score
        graded = grades.get(student)
        autograded = _graded_notebook(coursedir, assignment, student)
        if graded is not None:
            account.score = graded.total
            account.pending = sum(graded.pending.values()) if autograded.exists() else 0.0
        status, errors = results[student]
        notes = [f"nbgrader: {e}" for e in errors.get(student, [])]
        if autograded.exists():
            account.failed_cells = _cell_failures(nbformat.read(autograded, as_version=4))
            account.graded_in, grading_notes = _grading_record(autograded.parent / GRADING_RECORD)
            notes += grading_notes
        elif account.status == "graded":
            account.status = "not graded"
            account.notes.append(f"nbgrader produced no graded notebook (autograde exit status {status})")
            notes = notes or [f"nbgrader: {e}" for e in errors.get(None, [])]
        account.notes += notes


def reports_dir(coursedir, assignment):
    return Path(coursedir.root) / "reports" / assignment


@contextmanager
def reports_lock(report_dir):
    """Hold the lock on ``report_dir`` (reports/<assignment>/), shared by every shard.

    An flock on a file in the course directory: on one machine, and on shared file
    systems that support it (NFSv4, CephFS, EFS), only one process holds it at a time.
    """
    report_dir.mkdir(parents=True, exist_ok=True)
    with open(report_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def read_accounts(report_dir):
    """student -> Account, from accounts.json."""
    path = report_dir / "accounts.json"
    return {a["student"]: Account(**a) for a in json.loads(path.read_text())} if path.exists() else {}


def save_accounts(report_dir, accounts, mine):
    """Write ``accounts`` to accounts.json, keeping the accounts of students not ``mine(student)``.

    Shards grade disjoint shares of a class: each replaces its own share's accounts
    (dropping those whose submission is gone) under the lock, so none overwrites another's.
    """
    with reports_lock(report_dir):
        merged = {s: a for s, a in read_accounts(report_dir).items() if not mine(s)} | accounts
        partial = report_dir / f".accounts.json.{os.getpid()}"
        partial.write_text(json.dumps([asdict(merged[s]) for s in sorted(merged)], indent=2))
        os.replace(partial, report_dir / "accounts.json")  # readers see the old file or the new, never half


def _sqlite_timeout(db_url):
    """The configured gradebook with a lock timeout, when it is SQLite: concurrent writers wait for
    the lock instead of failing.  Other gradebooks (PostgreSQL) are left as configured."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or "timeout" in url.query:
        return []
    url = url.update_query_dict({"timeout": "120"})
    return [f"--CourseDirectory.db_url={url.render_as_string(hide_password=False)}"]


def _max_score(coursedir, assignment):
    from nbgrader.api import Gradebook

    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
        return gb.find_assignment(assignment).max_score


def format_accounts(accounts):
    lines = []
    for a in accounts.values():
        lines.append(f"{a.student}: {a.score:g}/{a.max_score:g} [{a.status}]"
                     + (f" ({a.pending:g} points of derivations to grade by hand)" if a.pending else "")
                     + (f" graded in: {a.graded_in}" if a.graded_in else ""))
        lines += [f"    note: {n}" for n in a.notes]
        lines += [f"    {cell}: {why}" for cell, why in sorted(a.failed_cells.items())]
    return "\n".join(lines)
