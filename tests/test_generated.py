"""release/ and solutions/ are exactly what nbgrader makes of source/, and release/ leaks nothing."""
import ast
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from coursekit import RELEASE, ROOT, SOLUTIONS, SOURCE, assignments, notebook_name
from coursekit.cli.reference import SHIPS, module_text, revealed
from coursekit.cli.regenerate import strip_volatile
from support.catalog import HIDDEN, MARK_SCHEME, SOLUTION, solution_code, source_notebook
from support.leaks import MARKERS, meaningful_lines
from support.readme import code_blocks, failure, fresh_copy, run_block

ASSIGNMENTS = assignments()


def _comparable(path):
    """A file's content, with image payloads and nbval-ignore-output cells masked, as nbval does."""
    if path.suffix != ".ipynb":
        return path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            cell.outputs = []  # timings: they differ on every run, and nbval ignores them too
        for out in cell.get("outputs", []):
            for key in list(out.get("data", {})):
                if key.startswith("image/"):
                    out["data"][key] = "<image>"
    return nbformat.writes(nb)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A fresh copy of the repository in which the README's regenerate command has run, exactly as written,
    with this interpreter's environment as the copy's .venv (the one the README's first command makes)."""
    [command] = [b for b in code_blocks((ROOT / "README.md").read_text())
                 if b.section == "For course authors" and b.lang == "bash"]
    assert "coursekit regenerate" in command.text
    copy = fresh_copy(ROOT, tmp_path_factory.mktemp("generated") / "course")
    (copy / ".venv").symlink_to(sys.prefix)
    proc = run_block(command, copy, dict(os.environ))
    assert proc.returncode == 0, failure(proc)
    return copy


@pytest.mark.xdist_group("regenerate")
@pytest.mark.parametrize("kind", ["release", "solutions"])
def test_generated_folders_match_source(fresh, kind):
    """Are release/ and solutions/ what the README's `python -m coursekit regenerate` makes of source/ now?"""
    committed_root = ROOT / kind
    for a in ASSIGNMENTS:
        fresh_files = sorted(p.relative_to(fresh / kind) for p in (fresh / kind / a).rglob("*") if p.is_file())
        committed = sorted(p.relative_to(committed_root) for p in (committed_root / a).rglob("*")
                           if p.is_file() and not {"__pycache__", ".ipynb_checkpoints"} & set(p.parts))
        assert committed == fresh_files, f"{kind}/{a} has other files than regeneration gives; run python -m coursekit regenerate"
        for rel in fresh_files:
            assert _comparable(committed_root / rel) == _comparable(fresh / kind / rel), (
                f"{kind}/{rel} is stale: run `python -m coursekit regenerate` and commit the result")
    extra = {p.name for p in committed_root.iterdir() if p.is_dir()} - set(ASSIGNMENTS)
    assert not extra, f"{kind}/ has folders with no source: {sorted(extra)}"


def test_strip_volatile_merges_stream_chunks():
    """Does one print that the kernel flushed in two chunks store like one that arrived whole?"""
    cell = nbformat.v4.new_code_cell("print('a', x)", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="a"),
        nbformat.v4.new_output("stream", name="stdout", text=" [1 2]\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n")])
    cell.metadata["execution"] = {"iopub.status.busy": "2026-11-28T00:00:00Z"}
    nb = strip_volatile(nbformat.v4.new_notebook(cells=[cell]))
    assert [(o.name, o.text) for o in nb.cells[0].outputs] == [
        ("stdout", "a [1 2]\n"), ("stderr", "warning\n"), ("stdout", "b\n")]
    assert "execution" not in nb.cells[0].metadata


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_no_solutions_or_hidden_tests(assignment):
    """Does the released notebook hold no solution code or derivation, hidden-test line, rubric, marker or output?"""
    name = notebook_name(assignment)
    source = nbformat.read(SOURCE / assignment / f"{name}.ipynb", as_version=4)
    release = nbformat.read(RELEASE / assignment / f"{name}.ipynb", as_version=4)
    secret = set()
    for cell in source.cells:
        for region in SOLUTION.findall(cell.source) + HIDDEN.findall(cell.source) + MARK_SCHEME.findall(cell.source):
            secret |= meaningful_lines(region)
    assert secret, "the source notebook should have solution and hidden-test regions"
    released_lines = {l.strip() for c in release.cells for l in c.source.splitlines()}
    leaked = sorted(secret & released_lines)
    assert not leaked, f"release/{assignment} contains solution or hidden-test lines: {leaked[:5]}"
    text = (RELEASE / assignment / f"{name}.ipynb").read_text()
    for marker in MARKERS:
        assert marker not in text, f"release/{assignment} contains the marker {marker!r}"
    assert not any(c.get("outputs") for c in release.cells), f"release/{assignment} has stored outputs"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_is_stored_without_outputs(assignment):
    """Is the instructor master free of outputs and execution counts?"""
    nb = nbformat.read(SOURCE / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)
    dirty = [c.metadata.get("nbgrader", {}).get("grade_id", i) for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"source/{assignment} has outputs in cells {dirty}; clear them before committing"


def test_no_gradebook_committed():
    """Is there no gradebook.db tracked in the repository (it is per-instructor state)?"""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "gradebook.db" not in {Path(f).name for f in tracked.stdout.splitlines()}, (
        "remove gradebook.db from git; it must not be committed")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solutions_show_every_model_derivation_and_rubric(assignment):
    """Does solutions/ (for instructors) hold each derivation's model answer and its rubric?"""
    source = source_notebook(assignment)
    solutions = nbformat.read(SOLUTIONS / assignment / f"{notebook_name(assignment)}.ipynb", as_version=4)
    shown = "\n".join(c.source for c in solutions.cells)
    regions = [r for c in source.cells if c.cell_type == "markdown"
               for r in SOLUTION.findall(c.source) + MARK_SCHEME.findall(c.source)]
    assert regions, f"source/{assignment} has no derivation"
    missing = [r[:60] for r in regions if r.strip() not in shown]
    assert not missing, f"solutions/{assignment} lacks {missing}"


def test_notebooks_pass_when_pytest_runs_them_alone():
    """Does `python -m pytest solutions/<assignment>` pass on its own, with pytest.ini's xdist workers, as the
    README's test command does with everything? (Each notebook's cells must stay in one worker.)"""
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"solutions/{ASSIGNMENTS[0]}"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert " passed" in proc.stdout and "failed" not in proc.stdout


def test_ci_workflow_runs_the_course_ci_on_push_and_pull_request():
    """Does .github/workflows/ci.yml run .ci/run, on push and on pull requests, for a fork too?"""
    import yaml

    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    (job,) = flow["jobs"].values()
    assert [s.get("run") for s in job["steps"] if "run" in s] == ["bash .ci/run"]
    assert job["timeout-minutes"] <= 90


@pytest.mark.parametrize("assignment", sorted(set(SHIPS) & set(ASSIGNMENTS)))
def test_shipped_reference_module_is_current_and_complete(assignment):
    """Is the reference module an assignment ships what `coursekit regenerate` writes from the earlier
    assignments' solutions now, and does it define every function those solutions define?"""
    path = SOURCE / assignment / SHIPS[assignment]
    assert path.read_text() == module_text(assignment), f"{path} is stale: run python -m coursekit regenerate"
    namespace = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - generated from our own source
    wanted = {node.name for a in revealed(assignment) for code in solution_code(a).values()
              for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)}  # nested helpers come with them
    assert wanted and not wanted - set(namespace), f"{path} lacks {sorted(wanted - set(namespace))}"
