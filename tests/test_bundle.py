"""The student bundle (python -m coursekit bundle): it holds what students need, leaks nothing, and runs
on its own: unpacked from its zip, set up and opened with its README's shell commands, run exactly as
written, in a fresh virtual environment made from its own requirements file."""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit import ROOT, assignments, notebook_name
from coursekit.cli.bundle import NAME, build, pins_of
from support.catalog import reference_submission
from coursekit.cli.reference import SHIPS, revealed
from support.leaks import graded_definitions, leaks, text_files
from support.readme import (assert_opened, code_blocks, commands, failure, new_user_env, notebooks_named, run_block,
                            serve)

ASSIGNMENTS = assignments()
# One worker builds the bundle and the student's environment once, for every test here.
pytestmark = pytest.mark.xdist_group("student-bundle")
SHARED = {"README.md", "requirements.txt", "00_start_here.ipynb", "loss_gallery.ipynb", "losscheck.py",
          "jupyter_lab_config.py"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The bundle of every assignment, made by the instructor's command."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "coursekit", "bundle", "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    return out / NAME


def _files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_bundle_holds_the_release_the_notebooks_and_the_checker(bundle):
    expected = SHARED | {f"{a}/{p.name}" for a in ASSIGNMENTS for p in (ROOT / "release" / a).iterdir()
                         if p.is_file() and p.suffix in (".ipynb", ".py")}
    assert _files(bundle) == expected
    assert not [p for p in bundle.rglob("*") if p.is_symlink()], "links should be copied as files"
    for a in ASSIGNMENTS:
        for p in (ROOT / "release" / a).glob("*.ipynb"):
            assert (bundle / a / p.name).read_bytes() == p.read_bytes(), f"{a}/{p.name} is not nbgrader's release"
    assert (bundle / "losscheck.py").read_text() == (ROOT / "coursekit" / "losscheck.py").read_text()
    with zipfile.ZipFile(bundle.parent / f"{NAME}.zip") as z:
        assert {n.removeprefix(f"{NAME}/") for n in z.namelist() if not n.endswith("/")} == expected
    for name in ("00_start_here.ipynb", "loss_gallery.ipynb"):  # stored executed, so that students can read them
        nb = nbformat.read(bundle / name, as_version=4)
        assert all(c.execution_count for c in nb.cells if c.cell_type == "code"), f"{name} is not executed"
    gallery = nbformat.read(bundle / "loss_gallery.ipynb", as_version=4)
    figures = [o for c in gallery.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(figures) >= 4, "the gallery should show its figures"


def test_bundle_can_hold_some_assignments_only(tmp_path):
    """An instructor releasing one assignment a week bundles only those released so far."""
    folder, archive = build(["02_cross_entropy", "01_binary_cross_entropy"], tmp_path)
    assert {p.name for p in folder.iterdir() if p.is_dir()} == {"01_binary_cross_entropy", "02_cross_entropy"}
    readme = (folder / "README.md").read_text()
    assert "01_binary_cross_entropy/binary_cross_entropy.ipynb" in readme and "03_mean_squared_error" not in readme
    assert archive.exists()
    with pytest.raises(ValueError, match="no such assignment: 99_nothing"):
        build(["99_nothing"], tmp_path)


@pytest.mark.parametrize("assignment", sorted(set(SHIPS) & set(ASSIGNMENTS)))
def test_an_assignment_that_ships_reference_solutions_is_bundled_only_with_those_it_reveals(assignment, tmp_path):
    """Does the bundle refuse the capstone without every assignment whose solutions its losses.py gives away,
    and does the leak scan accept that module only in the capstone's own folder?"""
    earlier = revealed(assignment)
    with pytest.raises(ValueError, match=f"missing: {earlier[-1]}"):
        build(earlier[:-1] + [assignment], tmp_path)
    module = ROOT / "release" / assignment / SHIPS[assignment]
    assert not leaks([module], assignment)
    assert {what.split(" ")[0] for *_, what in leaks([module], earlier[-1])} >= {"secret", "defines"}


def test_bundle_leaks_no_solution_hidden_test_closed_form_or_graded_function(bundle):
    """No solution or hidden-test line, rubric, marker, closed form a task asks for, or definition of a
    graded function with a body, anywhere in the bundle; and nothing of the instructor's tooling."""
    found = []
    for a in ASSIGNMENTS:
        found += leaks(text_files(bundle / a), a)
    shared = [bundle / name for name in sorted(SHARED)]
    found += leaks(shared)
    assert not found, f"the bundle gives away: {found[:10]}"
    for path in text_files(bundle):
        if path.name != "losscheck.py":
            assert "coursekit" not in path.read_text(), f"{path.relative_to(bundle)} refers to the instructor's tooling"
    # The scan finds what it looks for: the instructor's solutions fail it on every count.
    solved = {what.split(" ")[0] for *_, what in leaks(text_files(ROOT / "solutions" / ASSIGNMENTS[0]), ASSIGNMENTS[0])}
    assert solved >= {"marker", "secret", "closed", "defines"}, solved


@pytest.mark.parametrize("code, defined", [
    ('def sigmoid(z):\n    """Doc."""\n    eps = 1e-12\n    # YOUR CODE HERE\n    raise NotImplementedError()', []),
    ("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))", ["sigmoid"]),
    ("sigmoid = lambda z: 1 / (1 + np.exp(-z))", ["sigmoid"]),
    ("from scipy.special import expit as sigmoid", ["sigmoid"]),
    ("%matplotlib inline\nfrom scipy.special import expit\nloss = lambda m: np.logaddexp(0, -m)", []),
])
def test_graded_definitions_tells_a_stub_from_a_body(code, defined):
    assert graded_definitions(code, {"sigmoid", "hinge_forward"}) == defined


def _first_stub(nb):
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "raise NotImplementedError" in c.source)


README_COMMANDS = ("set up", "open")  # the shell blocks of the bundle's README, in order
START = "00_start_here.ipynb"  # what the README's second command opens


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory):
    """The bundle as a student has it: the zip, unpacked in a folder of their own."""
    home = tmp_path_factory.mktemp("student")
    with zipfile.ZipFile(bundle.with_suffix(".zip")) as z:
        z.extractall(home)
    return home / NAME


@pytest.fixture(scope="module")
def new_student(tmp_path_factory):
    """The environment of a student new to this machine: no venv active, no Jupyter files, no display."""
    return new_user_env(tmp_path_factory.mktemp("student-user"), without=[ROOT / ".venv", sys.prefix])


def _readme_command(folder, what):
    blocks = code_blocks((folder / "README.md").read_text())
    assert [b.lang for b in blocks] == ["bash", "bash", "powershell"], \
        f"the bundle's README should have two shell blocks (set up, open), then the Windows lines: {blocks}"
    return blocks[README_COMMANDS.index(what)]


def test_readme_windows_lines_are_the_linux_commands(bundle):
    """The Windows lines cannot run here: are they the two shell commands, in Windows' spelling (py -3.11 for
    python3, .venv\\Scripts\\ for .venv/bin/), one per line, in the same order?"""
    blocks = code_blocks((bundle / "README.md").read_text())
    posix = [part.strip() for b in blocks if b.lang == "bash" for line in commands(b) for part in line.split(" && ")]
    [windows] = [b for b in blocks if b.lang == "powershell"]
    spelled = [line.replace("py -3.11 ", "python3 ", 1).replace(".venv\\Scripts\\", ".venv/bin/") for line in commands(windows)]
    assert spelled == posix, f"{spelled} != {posix}"


@pytest.fixture(scope="module")
def student_env(unpacked, new_student, tmp_path_factory):
    """The venv that the README's setup command, run exactly as written in the unpacked bundle, creates from the
    bundle's requirements.txt alone, and a kernel spec (in a folder of its own) that runs its Python;
    returns (the venv, the kernel's name, JUPYTER_PATH for it)."""
    proc = run_block(_readme_command(unpacked, "set up"), unpacked, new_student)
    assert proc.returncode == 0, failure(proc)
    venv = unpacked / ".venv"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert check.returncode == 0, f"the student requirements are not complete: {check.stdout}"
    # Every package pip installed is one of the pins, at its version: nothing came in unpinned.
    frozen = subprocess.run([*pip, "list", "--format=freeze"], capture_output=True, text=True, check=True).stdout
    pinned = pins_of((unpacked / "requirements.txt").read_text())
    unpinned = sorted(f"{name}=={version}" for name, version in pins_of(frozen).items()
                      if pinned.get(name) != version and name not in ("pip", "setuptools", "wheel"))
    assert not unpinned, f"installed without a pin in the student requirements: {unpinned}"
    home = tmp_path_factory.mktemp("student-kernel")
    spec = home / "jupyter" / "kernels" / "lfs-student"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (student bundle)", "language": "python"}))
    return venv, "lfs-student", str(home / "jupyter")


def test_readme_command_opens_the_course_in_jupyterlab(unpacked, student_env, new_student):
    """Does the README's second command, exactly as written, open 00_start_here in JupyterLab for this user
    (root in CI) on a machine without a browser, with a kernel, and stop on Ctrl+C twice, leaving nothing?"""
    command = _readme_command(unpacked, "open")
    assert notebooks_named(command.text) == [START], f"the README's command should open {START}"
    assert_opened(serve(command, unpacked, new_student, START, start_timeout=120), START)


def test_ungraded_notebooks_pass_strict_nbval_in_the_student_environment(bundle, student_env, tmp_path):
    """00_start_here and the gallery re-run, from the bundle, in the student's environment, to the outputs stored."""
    _, kernel, jupyter_path = student_env
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(tmp_path / "pytest.ini"), "--rootdir", str(bundle),
         "-p", "no:xdist", "-p", "no:cacheprovider", "-q", "--nbval", "--nbval-kernel-name", kernel,
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "00_start_here.ipynb", "loss_gallery.ipynb"],
        cwd=bundle, env={**os.environ, "JUPYTER_PATH": jupyter_path}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert " passed" in proc.stdout and "failed" not in proc.stdout


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment_runs_to_its_first_stub_in_the_student_environment(bundle, student_env, assignment, monkeypatch):
    """Every cell before the first `raise NotImplementedError` runs, in the student's environment, from the
    bundle, without an error or a word on stderr: what Validate runs before it reaches the student's work."""
    _, kernel, jupyter_path = student_env
    monkeypatch.setenv("JUPYTER_PATH", jupyter_path)
    folder = bundle / assignment
    nb = nbformat.read(folder / f"{notebook_name(assignment)}.ipynb", as_version=4)
    nb.cells = nb.cells[:_first_stub(nb)]
    ran = [c for c in nb.cells if c.cell_type == "code"]
    assert ran, f"{assignment}: no code before the first stub"
    NotebookClient(nb, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(folder)}}).execute()
    stderr = [o.text for c in ran for o in c.outputs if o.get("name") == "stderr"]
    assert not stderr, f"{assignment}: {stderr}"


def _validate(venv, folder):
    """The student's own `nbgrader validate` (the Validate button) on the notebook in ``folder``, run by the
    student environment alone: its bin/ first on PATH, a home of its own, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "JUPYTER"))}
    env.update(HOME=str(folder), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    (nb,) = folder.glob("*.ipynb")
    return subprocess.run([str(venv / "bin" / "nbgrader"), "validate", nb.name], cwd=folder, env=env,
                          capture_output=True, text=True)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_validate_passes_a_solved_assignment_in_the_student_environment(bundle, student_env, assignment, tmp_path):
    """A student who filled in every cell correctly sees Validate succeed, in the bundle's environment;
    one who has not sees the cells that fail."""
    venv, _, _ = student_env
    solved = shutil.copytree(bundle / assignment, tmp_path / "solved")
    nbformat.write(reference_submission(assignment), solved / f"{notebook_name(assignment)}.ipynb")
    proc = _validate(venv, solved)
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]
    untouched = _validate(venv, shutil.copytree(bundle / assignment, tmp_path / "untouched"))
    assert "Success!" not in untouched.stdout and "NotImplementedError" in untouched.stdout, untouched.stdout[-2000:]
