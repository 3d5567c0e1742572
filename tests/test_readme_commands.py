"""Every shell command of README.md, taken from its code blocks and run exactly as written, in a fresh
copy of the repository (its tracked files, as a clone has them), as whoever runs the tests (root, in CI).

- Each block runs its commands (lines) in one shell, in order, and fails at the first that fails.
- The first command creates the virtual environment, installs requirements.txt and starts JupyterLab, in a
  terminal of its own: it must print an address that leads to notebooks/00_start_here.ipynb, serve that
  notebook over its own API (and a kernel for it), and stop on Ctrl+C twice with no process left behind.
- The test command runs with ``--collect-only`` added through PYTEST_ADDOPTS (running the suite inside
  itself would never end); .ci/run runs it for real, and must run exactly it.
- The instructor's commands run against that copy as a scratch course: a student's submission waits in
  the exchange and an LMS download in downloaded/.  The exchange's folder, /srv/nbgrader/exchange, is
  a scratch folder mounted there for these commands only (bubblewrap), so that the commands run as
  written without touching the machine's /srv.
- The student's commands (For students) are the bundle README's, which tests/test_bundle.py runs, and the
  author's regenerate command is run by tests/test_generated.py, whose staleness check it is.
- Every code block must be listed below with what runs or uses it, so that a new one cannot go unrun.
"""
import csv
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import uuid
import zipfile

import nbformat
import pytest

from coursekit import ROOT, notebook_name
from coursekit.cli.bundle import NAME, student_readme
from coursekit.grader.sandbox import bwrap_binary
from support.catalog import reference_submission, untouched_release
from support.readme import (MARKER, Block, alive, assert_opened, code_blocks, failure, fresh_copy, new_user_env,
                            notebooks_named, run_block, serve, shell_blocks, with_venv)

pytestmark = pytest.mark.xdist_group("readme-commands")

README = ROOT / "README.md"
BLOCKS = code_blocks(README.read_text())
A = "01_binary_cross_entropy"
NB = f"{notebook_name(A)}.ipynb"
START = "notebooks/00_start_here.ipynb"  # what the first command opens
SRV = "/srv"


def block(section, index=0, lang="bash"):
    found = [b for b in BLOCKS if b.section == section and b.lang == lang]
    assert len(found) > index, f"README.md has no {lang} block {index} under {section!r}"
    return found[index]


# Every code block of the README, by section, language and place, and what runs or uses it.
RUN_BY = {
    ("The two commands", "bash", 0): "test_first_command_sets_up_and_opens_the_course",
    ("The two commands", "bash", 1): "test_test_command_is_what_ci_runs_and_collects_the_suite",
    ("For students", "bash", 0): "tests/test_bundle.py (the bundle README's commands: the same text)",
    ("What students get: the student bundle", "bash", 0): "test_bundle_commands_write_the_bundle",
    ("Releasing through nbgrader's exchange (JupyterHub)", "bash", 0): "test_instructor_commands",
    ("Releasing through nbgrader's exchange (JupyterHub)", "python", 0): "test_instructor_commands (the students' config)",
    ("Releasing through nbgrader's exchange (JupyterHub)", "python", 1): "test_instructor_commands (the course's config)",
    ("The commands", "bash", 0): "test_instructor_commands",
    ("The commands", "bash", 1): "test_instructor_commands",
    ("The commands", "bash", 2): "test_instructor_commands",
    ("Grading a large class", "bash", 0): "test_instructor_commands",
    ("For course authors", "bash", 0): "tests/test_generated.py::test_generated_folders_match_source",
    ("Layout", "", 0): "none: a folder tree, not commands",
}


def test_every_code_block_of_the_readme_is_run_or_used():
    """Is every code block of the README (fenced or indented, whatever its language) run or used by a test?"""
    seen = []
    for b in BLOCKS:
        seen.append((b.section, b.lang, sum(1 for s, lang, _ in seen if (s, lang) == (b.section, b.lang))))
    assert set(seen) == set(RUN_BY) and len(seen) == len(set(seen)), (
        f"blocks no test runs: {sorted(set(seen) - set(RUN_BY))}; gone from the README: {sorted(set(RUN_BY) - set(seen))}")


def test_code_blocks_are_found_however_they_are_written():
    """Does the extraction find fenced blocks of either fence, in lists, and indented blocks, with their language?"""
    found = code_blocks("# A\n\n```bash\none\n```\n\n## B\n\n- item:\n\n  ```sh\ntwo\n  ```\n\n"
                        "~~~console\nthree\n~~~\n\n    four\n")
    assert [(b.section, b.lang, b.text.strip()) for b in found] == [
        ("A", "bash", "one"), ("B", "sh", "two"), ("B", "console", "three"), ("B", "", "four")]


def test_students_commands_are_the_bundle_readmes():
    """The README's For students block is run by tests/test_bundle.py as the bundle README's: is it the same text?"""
    bundle_blocks = shell_blocks(student_readme([A]))
    assert block("For students").text == "".join(b.text for b in bundle_blocks)


MIN_PYTHON = "3.11.5"  # the oldest Python the READMEs ask for


def test_every_pin_installs_on_the_python_the_readmes_ask_for():
    """Does every pinned package accept the oldest Python the READMEs ask for, and does some package need it
    (so that they ask for no less and no more)?"""
    from importlib import metadata

    from packaging.specifiers import SpecifierSet

    from coursekit.cli.bundle import pins_of

    for text in (README.read_text(), student_readme([A])):
        assert f"{MIN_PYTHON} or later" in text
    needs = {name: metadata.metadata(name).get("Requires-Python") or ""
             for name in pins_of((ROOT / "requirements.txt").read_text())}
    refuse = sorted(f"{n} ({spec})" for n, spec in needs.items() if not SpecifierSet(spec).contains(MIN_PYTHON))
    assert not refuse, f"pins that refuse Python {MIN_PYTHON}: {refuse}"
    older = MIN_PYTHON[:-1] + str(int(MIN_PYTHON[-1]) - 1)
    assert any(not SpecifierSet(spec).contains(older) for spec in needs.values()), f"every pin accepts {older} too"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh copy of the repository: its tracked files, links kept as links, and nothing else."""
    return fresh_copy(ROOT, tmp_path_factory.mktemp("clone") / "loss-functions-from-scratch")


@pytest.fixture(scope="module")
def user(tmp_path_factory):
    """The environment of a new user of this machine (no venv active, no Jupyter files, no display)."""
    return new_user_env(tmp_path_factory.mktemp("user"), without=[ROOT / ".venv", sys.prefix])


@pytest.fixture(scope="module")
def opened(clone, user):
    """The README's first command, run in the fresh copy: what it printed and what its server answered."""
    first = block("The two commands")
    assert notebooks_named(first.text) == [START], f"the first command should open {START}"
    return START, serve(first, clone, user, START)


def test_first_command_sets_up_and_opens_the_course(opened, clone):
    """Does the first command create the venv, install everything and open the notebook it names, for this
    user (root in CI) on a machine without a browser, and stop cleanly on Ctrl+C twice?"""
    notebook, served = opened
    assert (clone / ".venv" / "bin" / "python").exists(), served.output[-6000:]
    assert_opened(served, notebook)


def test_test_command_is_what_ci_runs_and_collects_the_suite(opened, clone, user):
    """Is the README's test command exactly what .ci/run runs, and does it find the whole suite in a fresh copy?"""
    command = block("The two commands", 1)
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    for line in command.text.splitlines():
        assert line in ci, f".ci/run does not run the README's test command {line!r}"
    proc = run_block(command, clone, {**user, "PYTEST_ADDOPTS": "--collect-only -q"}, timeout=300)
    assert proc.returncode == 0, failure(proc)
    counted = [line for line in proc.stdout.splitlines() if line.endswith("collected") or " collected in " in line]
    assert counted and int(counted[-1].split()[0]) > 1000 and "error" not in counted[-1], proc.stdout[-2000:]


def test_bundle_commands_write_the_bundle(opened, clone, user):
    """Do the instructor's bundle commands write the bundle of every assignment, then of the two named?"""
    commands = block("What students get: the student bundle")
    proc = run_block(commands, clone, user, timeout=300)
    assert proc.returncode == 0, failure(proc)
    folder = clone / "dist" / NAME
    assert (clone / "dist" / f"{NAME}.zip").is_file()
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == ["01_binary_cross_entropy", "02_cross_entropy"]
    assert (folder / "README.md").is_file() and (folder / "jupyter_lab_config.py").is_file()


def test_instructor_commands(opened, clone, user, tmp_path):
    """Do the exchange's admin commands, the instructor's nbgrader commands and `coursekit grade`, as the
    README gives them, run in the fresh copy, with a student's submission in the exchange and an LMS download?"""
    if not os.path.isdir(SRV):
        pytest.skip("this machine has no /srv to mount the exchange's scratch folder on")
    srv = tmp_path / "srv"
    srv.mkdir()
    # The commands see the scratch folder as /srv, and nothing else changes.
    wrap = [bwrap_binary(), "--dev-bind", "/", "/", "--bind", str(srv), SRV, "--"]
    instructor = with_venv(user, clone / ".venv")

    # The hub's admin creates the exchange.
    exchange_section = "Releasing through nbgrader's exchange (JupyterHub)"
    proc = run_block(block(exchange_section), tmp_path, user, wrap=wrap)
    assert proc.returncode == 0, failure(proc)
    exchange = srv / "nbgrader" / "exchange"
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o777
    # The configuration: the students' lines as /etc/jupyter/nbgrader_config.py (here JUPYTER_CONFIG_PATH),
    # the instructor's line added to the course's nbgrader_config.py.
    hub_etc = tmp_path / "etc-jupyter"
    hub_etc.mkdir()
    (hub_etc / "nbgrader_config.py").write_text(block(exchange_section, 0, "python").text)
    with open(clone / "nbgrader_config.py", "a") as f:
        f.write("\n" + block(exchange_section, 1, "python").text)
    home = tmp_path / "student"
    home.mkdir()
    student = {**with_venv(user, clone / ".venv"), "HOME": str(home), "JUPYTER_CONFIG_PATH": str(hub_etc)}

    def nbgrader(env, cwd, *args):
        proc = run_block(" ".join(["nbgrader", *args]), cwd, env, wrap=wrap, timeout=600)
        assert proc.returncode == 0, failure(proc)

    # Prepared state: ada fetched an earlier release and submitted it solved; that release is withdrawn, and
    # the gradebook is gone, so the commands start from a fresh copy with a submission waiting.
    nbgrader(instructor, clone, "generate_assignment", A, "--force")
    nbgrader(instructor, clone, "release_assignment", A)
    nbgrader(student, home, "fetch_assignment", A)
    nbformat.write(reference_submission(A), home / A / NB)
    nbgrader(student, home, "submit", A, "--student", "ada")
    nbgrader(instructor, clone, "list", A, "--remove")
    (clone / "gradebook.db").unlink()

    # Through the exchange.
    proc = run_block(block("The commands", 0), clone, user, wrap=wrap, timeout=900)
    assert proc.returncode == 0, failure(proc)
    for name in (ROOT / "release" / A).iterdir():
        assert (clone / "release" / A / name.name).read_bytes() == name.read_bytes(), \
            f"generate_assignment --force left release/{A}/{name.name} other than committed"
    assert sorted(p.name for p in (clone / "submitted").iterdir()) == ["ada"]
    with open(clone / "grades.csv") as f:
        assert [(row["student_id"], float(row["score"]) > 0) for row in csv.DictReader(f)] == [("ada", True)]
    (clone / "grades.csv").unlink()
    nbgrader(student, home, "fetch_feedback", A)
    assert list((home / A / "feedback").glob(f"*/{notebook_name(A)}.html")), "ada fetches no feedback"

    # Through an LMS: bob's notebook, untouched, in the download.
    archive = clone / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as z:
        z.writestr(f"bob_12345_67890_{NB}", nbformat.writes(untouched_release(A)))
    proc = run_block(block("The commands", 1), clone, user, timeout=900)
    assert proc.returncode == 0, failure(proc)
    assert sorted(p.name for p in (clone / "submitted").iterdir()) == ["ada", "bob"]
    assert (clone / "feedback" / "bob" / A / f"{notebook_name(A)}.html").is_file()
    with open(clone / "grades.csv") as f:
        grades = {row["student_id"]: row for row in csv.DictReader(f)}
    assert float(grades["bob"]["score"]) == 0 < float(grades["ada"]["score"]), grades

    # The class report, as the README gives it; each run starts with no report, so it grades everyone.
    for section, index in (("The commands", 2), ("Grading a large class", 0)):
        shutil.rmtree(clone / "reports", ignore_errors=True)
        proc = run_block(block(section, index), clone, user, timeout=600)
        assert proc.returncode == 0, f"{block(section, index)}: {failure(proc)}"
        accounts = {a["student"]: a for a in json.loads((clone / "reports" / A / "accounts.json").read_text())}
        assert sorted(accounts) == ["ada", "bob"] and accounts["ada"]["score"] > 0 == accounts["bob"]["score"], accounts
        assert "2/2" in proc.stderr, f"{block(section, index)} graded nobody: {proc.stderr[-2000:]}"


@pytest.mark.parametrize("broken", [
    pytest.param(("--config=jupyter_lab_config.py ", ""), id="without-the-course-config"),
    pytest.param(("00_start_here.ipynb", "00_start.ipynb"), id="a-notebook-that-is-not-there"),
])
def test_a_broken_first_command_fails_the_check(opened, clone, user, broken):
    """Can the check of the first command fail: does a command that names a missing notebook, or (as
    root) leaves out the course's JupyterLab settings, come out as not serving the notebook?"""
    old, new = broken
    if old.startswith("--config") and os.geteuid() != 0:
        pytest.skip("JupyterLab refuses only root without the course's settings")
    first = block("The two commands")
    assert old in first.text
    mutant = Block(first.section, first.lang, first.text.replace(old, new), first.number)
    served = serve(mutant, clone, user, notebooks_named(mutant.text)[0], start_timeout=300)
    assert not served.token and served.exit_code not in (None, 0), served.output[-3000:]
    assert not served.left_behind


@pytest.mark.parametrize("failing", ["false", "false && true", "false | true", "cd nowhere  # a comment"])
def test_a_failing_line_fails_its_block(tmp_path, failing):
    """Does a line that fails (alone, in a `&&` list, in a pipeline) fail its block, when the lines after it succeed?"""
    proc = run_block(f"true\n{failing}\ntouch after  # a later line\n", tmp_path, dict(os.environ))
    assert proc.returncode != 0 and not (tmp_path / "after").exists()


def test_lines_of_a_block_share_one_shell(tmp_path):
    """Does what a line sets (a folder, a variable, an activated venv) hold for the lines after it?"""
    (tmp_path / "sub").mkdir()
    proc = run_block("cd sub\nexport X=1 \\\n  Y=2\ntouch here-$X$Y\n", tmp_path, dict(os.environ))
    assert proc.returncode == 0 and (tmp_path / "sub" / "here-12").exists(), failure(proc)


def test_a_detached_leftover_is_found(tmp_path):
    """Can the leftover check fail: does it find a process that a command detached (setsid, double fork)?"""
    value = uuid.uuid4().hex
    subprocess.run(["bash", "-c", "(setsid sleep 120 >/dev/null 2>&1 &)"], env={**os.environ, MARKER: value},
                   check=True, timeout=30)
    time.sleep(0.3)
    left = alive({}, marker=f"{MARKER}={value}")
    for line in left:
        os.kill(int(line.split(":")[0]), signal.SIGKILL)
    assert len(left) == 1 and "sleep 120" in left[0], left
