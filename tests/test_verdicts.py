"""The grader's side of the kernel channel, without a kernel: the wire refuses what it must,
student functions replay what the kernel reported, and a test cell's outputs are the grader's."""
import base64
import io
import warnings

import numpy as np
import pytest

from coursekit.grader.execute import GradingPlan
from coursekit.grader.feedback import HideHiddenTests
from coursekit.kernel import coursekit_wire as wire
from coursekit.grader.verdicts import NoResult, StudentFunction, GradedCellRunner, TimedOut, rebuild_exception


@pytest.mark.parametrize("value", [np.arange(6.0).reshape(2, 3), np.array([1, 2], dtype=np.int32), np.float64(0.5),
                                   np.int64(3), 2.5, -0.0, float("inf"), 7, True, None, "text",
                                   [1.0, (2, np.zeros(2))], np.array(True)])
def test_wire_round_trips_values_exactly(value):
    """Does every value a test or a student function exchanges come back with its type and bits?"""
    back = wire.decode(wire.encode(value))
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
    elif isinstance(value, list):
        assert back[0] == 1.0 and type(back[1]) is tuple and np.array_equal(back[1][1], np.zeros(2))
    else:
        assert repr(back) == repr(value)


def test_wire_carries_only_the_type_name_of_anything_else():
    """Does a float subclass, or an object array, arrive as an inert object that names its type?"""
    class AlwaysEqual(float):
        __eq__ = lambda self, other: True  # noqa: E731
    for value, name in [(AlwaysEqual(1.0), "AlwaysEqual"), (np.array([object()]), "ndarray"), (lambda: 0, "function")]:
        back = wire.decode(wire.encode(value))
        assert isinstance(back, wire.Opaque) and type(back).__name__ == name
        assert back != 1.0


def test_wire_carries_dicts_with_string_keys():
    """Does a training history (a dict of lists) come back as a dict, and a dict keyed otherwise as an inert object?"""
    back = wire.decode(wire.encode({"loss": [0.5, 0.25], "W": np.eye(2)}))
    assert type(back) is dict and back["loss"] == [0.5, 0.25] and np.array_equal(back["W"], np.eye(2))
    assert isinstance(wire.decode(wire.encode({1: "one"})), wire.Opaque)
    import collections

    class Lying(dict):
        def items(self):
            return [("loss", "forged")]
    for subclass in (collections.defaultdict(list, loss=[1.0]), collections.OrderedDict(loss=[1.0]), Lying(loss=[1.0])):
        assert wire.decode(wire.encode(subclass)) == {"loss": [1.0]} and type(wire.decode(wire.encode(subclass))) is dict
    with pytest.raises(wire.WireError):
        wire.decode({"t": "dict", "items": [[1, {"t": "none"}]]})


def test_a_module_function_travels_by_name_and_only_the_kernel_resolves_it():
    """Is a loss function passed to a student's function sent as its module and name, looked up only where
    ``resolve`` is given (the kernel), and never run or imported by the grader?"""
    import textwrap

    node = wire.encode(textwrap.dedent)
    assert node == {"t": "function", "module": "textwrap", "name": "dedent"}
    assert isinstance(wire.decode(node), wire.Opaque) and type(wire.decode(node)).__name__ == "function"
    asked = []
    assert wire.decode({"t": "list", "items": [node]}, resolve=lambda m, n: asked.append((m, n)) or "found") == ["found"]
    assert asked == [("textwrap", "dedent")]
    with pytest.raises(wire.WireError):
        wire.decode({"t": "function", "module": 1, "name": "x"}, resolve=lambda m, n: None)


def _npy_of(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.mark.parametrize("node", [
    {"t": "array", "npy": _npy_of(np.array([{"a": 1}], dtype=object))},   # a pickle inside .npy
    {"t": "array", "npy": "not base64!"},
    {"t": "scalar", "npy": _npy_of(np.zeros(2))},
    {"t": "int", "v": "1" * 400},
    {"t": "int", "v": "__import__('os')"},
    {"t": "eval", "v": "1"},
    {"t": "list", "items": "abc"},
    ["not", "a", "dict"],
])
def test_wire_refuses_malformed_or_dangerous_values(node):
    """Does the grader refuse pickles, bad base64, huge ints and unknown kinds, instead of running them?"""
    with pytest.raises(wire.WireError):
        wire.decode(node)


def test_wire_refuses_oversized_and_non_json_messages():
    with pytest.raises(wire.WireError):
        wire.loads("x" * (wire.MAX_BYTES + 1))
    with pytest.raises(wire.WireError):
        wire.loads("{not json")


def _kernel_answers(**report):
    """A stand-in for the kernel: records each call and answers with ``report``."""
    calls = []

    def call(name, args, kwargs):
        calls.append((name, args, kwargs))
        return {"nonce": "n", **report}
    return call, calls


def test_student_function_returns_the_reported_value_and_writes_back_argument_changes():
    """Does a proxy return what the kernel reported and show in-place changes on the grader's arrays?"""
    y = np.zeros(3)
    call, calls = _kernel_answers(value=wire.encode(1.5), args_after=[wire.encode(np.array([1.0, 0.0, 0.0]))])
    assert StudentFunction("f", call)(y) == 1.5
    assert calls[0][0] == "f" and y[0] == 1.0


def test_changes_to_arrays_inside_a_tuple_argument_are_written_back():
    """Does an in-place change to W0 of ``init=(W0, b0)`` show on the grader's W0, so check_unmodified sees it?"""
    W0, b0 = np.zeros((2, 2)), np.zeros(2)
    after = wire.encode((np.ones((2, 2)), np.zeros(2)))
    call, _ = _kernel_answers(value=wire.encode(None), kwargs_after={"init": after})
    StudentFunction("train", call)(init=(W0, b0))
    assert W0.sum() == 4.0 and b0.sum() == 0.0


def test_graded_cells_import_the_instructors_copy_of_a_shipped_module(tmp_path):
    """Does ``from losses import f`` in a graded cell get the module of the instructor's source folder (not
    whatever else is importable), and does it travel to the student's function by name?"""
    (tmp_path / "shipped_losses.py").write_text("def mean_loss(y, p):\n    return 'instructor'\n")
    call, calls = _kernel_answers(value=wire.encode(1.0))
    runner = GradedCellRunner("from shipped_losses import mean_loss", ["train"], call,
                              {"shipped_losses": str(tmp_path / "shipped_losses.py")})
    assert runner.run("assert mean_loss(0, 0) == 'instructor'\ntrain(mean_loss)", "cell") == []
    assert wire.encode(calls[0][1][0]) == {"t": "function", "module": "shipped_losses", "name": "mean_loss"}
    assert "shipped_losses" not in __import__("sys").modules


def test_student_function_replays_exceptions_warnings_and_stderr(capsys):
    """Does a ValueError stay a ValueError with its message, and do warnings and stderr reach the grader?"""
    call, _ = _kernel_answers(error={"type": "ShapeError", "mro": ["ShapeError", "ValueError", "Exception"],
                                     "message": "y_true has shape (3,)"},
                              warnings=[{"category": "RuntimeWarning", "message": "overflow in exp"}], stderr="debug\n")
    with warnings.catch_warnings(record=True) as caught, pytest.raises(ValueError, match=r"shape \(3,\)") as err:
        warnings.simplefilter("always")
        StudentFunction("f", call)(np.zeros(3))
    assert type(err.value).__name__ == "ShapeError"
    assert [w.category for w in caught] == [RuntimeWarning]
    assert capsys.readouterr().err == "debug\n"


def test_exceptions_named_like_the_checkers_are_renamed():
    """Can a student's exception never pass for the checker's CheckFailed or the grader's own errors?"""
    for name in ("CheckFailed", "TimedOut", "NoResult"):
        rebuilt = rebuild_exception({"type": name, "mro": [name, "AssertionError"], "message": "x"})
        assert type(rebuilt).__name__ == f"student.{name}" and not isinstance(rebuilt, AssertionError)


def test_a_call_without_a_value_or_an_error_fails():
    """Is a report that says neither what the function returned nor what it raised a failure rather than a pass?"""
    with pytest.raises(NoResult):
        StudentFunction("f", lambda *a: {"nonce": "n"})()


def _runner(**report):
    call, calls = _kernel_answers(**report)
    return GradedCellRunner("import numpy as np\nfrom losscheck import check_close, quietly", ["f"], call), calls


def test_runner_passes_a_correct_function_and_fails_a_wrong_one_with_the_checkers_message():
    """Does a graded cell end with no error for the right value, and with CheckFailed naming the mistake otherwise?"""
    test = 'check_close("f", quietly(f, np.ones(2)), 2.0, likely={"you summed": 4.0})'
    runner, calls = _runner(value=wire.encode(2.0))
    assert runner.run(test, "cell") == [] and len(calls) == 1
    runner, _ = _runner(value=wire.encode(4.0))
    (error,) = runner.run(test, "cell")
    assert error.ename == "CheckFailed" and "Likely cause: you summed" in error.evalue


def test_runner_uses_the_courses_checker_whatever_the_student_did_to_theirs():
    """Do the checks a test imports come from the course, even when sys.modules holds another losscheck?"""
    import sys
    import types

    fake = types.ModuleType("losscheck")
    fake.check_close = fake.quietly = lambda *a, **k: None
    sys.modules["losscheck"] = fake
    try:
        runner, _ = _runner(value=wire.encode(3.0))
        (error,) = runner.run('from losscheck import check_close\ncheck_close("f", f(), 2.0)', "cell")
    finally:
        del sys.modules["losscheck"]
    assert error.ename == "CheckFailed"


def test_runner_reports_a_timeout_under_its_own_name_even_inside_check_raises():
    """Does a timed-out call fail the cell as TimedOut, not as a check's 'expected a ValueError'?"""
    def call(*args):
        raise TimedOut("f: the call ran past the time limit")
    runner = GradedCellRunner("from losscheck import check_raises", ["f"], call)
    (error,) = runner.run('check_raises("f", f, 1.0, match=("x",))', "cell")
    assert error.ename == "TimedOut" and "time limit" in error.evalue


def test_feedback_hides_outputs_after_the_first_test_and_shows_only_the_checkers_message():
    """Does feedback keep outputs before the tests, drop those after, and not show a student's 'CheckFailed'?"""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    def graded(name, outputs):
        cell = new_code_cell("check()\n### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS\n", outputs=outputs)
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": name, "points": 1, "score": 0}
        return cell
    nb = new_notebook(cells=[
        new_code_cell("print(1)", outputs=[new_output("stream", name="stdout", text="before\n")]),
        graded("t1", [new_output("error", ename="CheckFailed", evalue="wrong values.\n  --- details (hidden in "
                                 "student feedback) ---\n  expected 2", traceback=[])]),
        new_code_cell("print(seen)", outputs=[new_output("stream", name="stdout", text="LEAK [1, 2]\n")]),
        graded("t2", [new_output("error", ename="student.CheckFailed", evalue="In = ['secret()']", traceback=[])]),
    ])
    nb, _ = HideHiddenTests().preprocess(nbformat.from_dict(nb), {})
    text = nbformat.writes(nb)
    assert "before" in text and "LEAK" not in text and "secret" not in text and "expected 2" not in text
    assert "wrong values." in text and "raised an exception of its own class" in text and "student.CheckFailed" not in text


def test_grading_plan_takes_tests_functions_and_imports_from_the_gradebook(tmp_path):
    """Does the plan read the instructor's test source, the stub's function names and the setup imports?"""
    from nbformat.v4 import new_code_cell, new_notebook
    from nbgrader.api import Gradebook

    db = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(db) as gb:
        gb.add_assignment("a")
        gb.add_notebook("n", "a")
        for name, source, locked in [("setup", "import numpy as np\nfrom losscheck import quietly", True),
                                     ("f", "def f(y):\n    raise NotImplementedError()", False),
                                     ("test_f", "assert f(1) == 2\n### BEGIN HIDDEN TESTS\nhidden()", True),
                                     ("demo", "import matplotlib.pyplot as plt", True)]:
            gb.add_source_cell(name, "n", "a", source=source, locked=locked, cell_type="code", checksum="x")
        gb.add_solution_cell("f", "n", "a")
        gb.add_grade_cell("test_f", "n", "a", max_score=1, cell_type="code")
    demo = new_code_cell("import matplotlib.pyplot as plt")
    demo.metadata.update({"tags": ["skip-when-grading"], "nbgrader": {"grade_id": "demo"}})
    plan = GradingPlan.from_gradebook(db, "a", "n", new_notebook(cells=[demo]))
    assert plan.tests == {"test_f": "assert f(1) == 2\n### BEGIN HIDDEN TESTS\nhidden()"}
    assert plan.functions == ["f"] and plan.skipped == {"demo"}
    assert plan.imports == "import numpy as np\nfrom losscheck import quietly" and plan.preload == ["numpy"]


def test_grading_plan_reads_the_gradebook_afresh_and_holds_no_lock(tmp_path):
    """The gradebook is kept open for the run: does each notebook still see the instructor's latest
    tests, and can nbgrader write to the SQLite gradebook between two plans?"""
    import sqlite3

    from nbformat.v4 import new_notebook
    from nbgrader.api import Gradebook

    path = tmp_path / "gradebook.db"
    db = f"sqlite:///{path}"
    with Gradebook(db) as gb:
        gb.add_assignment("a")
        gb.add_notebook("n", "a")
        gb.add_source_cell("test_f", "n", "a", source="assert True", locked=True, cell_type="code", checksum="x")
        gb.add_grade_cell("test_f", "n", "a", max_score=1, cell_type="code")
    assert GradingPlan.from_gradebook(db, "a", "n", new_notebook()).tests == {"test_f": "assert True"}
    writer = sqlite3.connect(path, timeout=0)  # no waiting: a lock the plan kept would fail this at once
    writer.execute("UPDATE source_cell SET source = 'assert False' WHERE name = 'test_f'")
    writer.commit()
    writer.close()
    assert GradingPlan.from_gradebook(db, "a", "n", new_notebook()).tests == {"test_f": "assert False"}


def test_names_a_submission_chooses_never_reach_what_a_student_sees():
    """Can a submission smuggle hidden inputs out through its exception or return type names?  (They
    may name classes after the inputs they saw; public messages name only Python's and NumPy's types.)"""
    from coursekit import losscheck as lc

    leaky = "HIDDEN_m0p3043_0p6609"
    runner, _ = _runner(value=wire.encode(1.0))
    runner.namespace["f"] = StudentFunction("f", lambda *a: {"nonce": "n", "value": {"t": "opaque", "type": leaky}})
    (error,) = runner.run('from losscheck import expect_float\nexpect_float("f", f())', "cell")
    public = error.evalue.split(lc.DETAILS)[0]
    assert "another type" in public and leaky not in public
    raised = {"type": leaky, "mro": [leaky, "Exception"], "message": ""}
    runner.namespace["f"] = StudentFunction("f", lambda *a: {"nonce": "n", "error": raised})
    (error,) = runner.run('from losscheck import check_raises\ncheck_raises("f", f, 1.0)', "cell")
    assert leaky not in error.evalue.split(lc.DETAILS)[0] and "an exception of its own class" in error.evalue
    from coursekit.grader.feedback import public_message
    assert leaky not in public_message(leaky, "") and "TypeError" in public_message("TypeError", "")


def _answering(values):
    """A stand-in kernel that holds the variables ``values`` and records what the grader asks of it."""
    asked = []

    def call(name, args, kwargs, get=False):
        asked.append((name, get))
        if not get:
            return {"nonce": "n", "value": wire.encode(1.0)}
        if name not in values:
            return {"nonce": "n", "error": {"type": "NameError", "mro": ["NameError"], "message": name}}
        return {"nonce": "n", "value": wire.encode(values[name])}
    return call, asked


def test_runner_reads_only_the_answers_a_cell_checks_and_judges_them_itself():
    """Are the names passed to check_answer/check_choice read from the kernel as data (and no other name),
    judged here, and a missing answer a NameError?"""
    from coursekit.losscheck import answer_digest

    cell = ('from losscheck import check_answer, check_choice\n'
            f'check_answer("g", dl_dp, digest="{answer_digest("g", -4.0)}")\n'
            'check_answer("g", dl_dp, expected=-4.0)\ncheck_choice("q", answer_q1, "abc", expected="b")\n'
            'y_true = np.ones(2)\nz = f(y_true) + helper_from_the_kernel')
    call, asked = _answering({"dl_dp": -1 / 0.25, "answer_q1": " (B)", "helper_from_the_kernel": 1.0})
    runner = GradedCellRunner("import numpy as np", ["f"], call)
    (error,) = runner.run(cell, "cell")
    assert error.ename == "NameError" and "helper_from_the_kernel" in error.evalue, "only answers come from the kernel"
    assert sorted(n for n, get in asked if get) == ["answer_q1", "dl_dp"] and ("f", False) in asked
    for values, ename in (({"dl_dp": 4.0, "answer_q1": "b"}, "CheckFailed"), ({"answer_q1": "b"}, "NameError"),
                          ({"dl_dp": "-4", "answer_q1": "b"}, "CheckFailed"), ({"dl_dp": -4.0, "answer_q1": "c"}, "CheckFailed")):
        call, _ = _answering(values)
        (error,) = GradedCellRunner("", [], call).run(cell.split("\ny_true")[0], "cell")
        assert error.ename == ename, (values, error)
    call, _ = _answering({"dl_dp": -4.0000000001, "answer_q1": "B"})
    assert GradedCellRunner("", [], call).run(cell.split("\ny_true")[0], "cell") == []


def test_feedback_keeps_outputs_after_answer_checks_and_drops_rubrics():
    """Cells that only check answers pass the student's code nothing: do later outputs stay in feedback
    (until a cell that calls the student's functions), and do rubrics leave it?"""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    def graded(name, source):
        cell = new_code_cell(source, outputs=[])
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": name, "points": 1, "score": 1}
        return cell
    out = lambda text: [new_output("stream", name="stdout", text=text)]  # noqa: E731
    nb = new_notebook(cells=[
        new_markdown_cell("Task 1\n=== BEGIN MARK SCHEME ===\nRUBRIC step 1\n=== END MARK SCHEME ===\nafter"),
        graded("derivation_check_a", 'from losscheck import check_answer\ncheck_answer("g", g, digest="x")\n'
                                     '### BEGIN HIDDEN TESTS\ncheck_answer("g", g, expected=2.0)\n### END HIDDEN TESTS'),
        new_code_cell("plot()", outputs=out("FIGURE KEPT\n")),
        graded("f_values", 'check_close("f", f(x), 2.0)'),
        new_code_cell("print(seen)", outputs=out("LEAK\n")),
    ])
    nb, _ = HideHiddenTests().preprocess(nbformat.from_dict(nb), {})
    text = nbformat.writes(nb)
    assert "FIGURE KEPT" in text and "LEAK" not in text and "expected=2.0" not in text
    assert "RUBRIC" not in text and "MARK SCHEME" not in text and "after" in text


def test_repair_keeps_the_last_copy_of_a_cell_and_resets_schema_and_blank_derivations():
    """Does the repair leave nbgrader nothing that stops a run: one cell per grade id (the last), schema 3,
    and a derivation that is the placeholder up to spaces put back exactly?"""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from coursekit.grader.metadata import PLACEHOLDER, RepairSubmittedMetadata

    def cell(make, source, **meta):
        c = make(source)
        c.metadata["nbgrader"] = {"schema_version": 3, "solution": False, "grade": False, "locked": False, **meta}
        return c
    nb = new_notebook(cells=[
        cell(new_markdown_cell, "  YOUR ANSWER HERE \n\n", grade_id="derivation_x", solution=True, grade=True, points=2),
        cell(new_code_cell, "a = 1", grade_id="a_answer", solution=True, schema_version=2),
        cell(new_code_cell, "a = 2", grade_id="a_answer", solution=True),
        new_code_cell("plain"),
    ])
    nb.cells[3].metadata["nbgrader"] = "not a dict"
    nb, _ = RepairSubmittedMetadata().preprocess(nbformat.from_dict(nb), {})
    assert nb.cells[0].source == PLACEHOLDER
    assert "nbgrader" not in nb.cells[1].metadata and nb.cells[2].metadata["nbgrader"]["grade_id"] == "a_answer"
    assert "nbgrader" not in nb.cells[3].metadata
    assert all(c.metadata["nbgrader"]["schema_version"] == 3 for c in nb.cells if "nbgrader" in c.metadata)


def test_nbgraders_metadata_validation_checks_its_schema_once_and_judges_alike(monkeypatch):
    """Does nbgrader's validator, with the course's schema cache, still accept good metadata and refuse bad
    metadata with jsonschema's own error, while checking the schema only once?"""
    import jsonschema
    from nbformat.v4 import new_code_cell
    from nbgrader.nbgraderformat import MetadataValidator, common

    import coursekit.grader.metadata  # noqa: F401 - installs the cache

    assert isinstance(common.jsonschema, coursekit.grader.metadata.SchemaCheckedOnce)
    validator = MetadataValidator()
    checked = []
    real = jsonschema.Draft4Validator.check_schema
    monkeypatch.setattr(jsonschema.Draft4Validator, "check_schema", classmethod(lambda cls, s: checked.append(s) or real(s)))
    common.jsonschema._validators.clear()
    good = new_code_cell(metadata={"nbgrader": {"schema_version": 3, "grade": True, "solution": False, "locked": False,
                                                "grade_id": "f_values", "points": 3}})
    for _ in range(5):
        validator.validate_cell(good)
    bad = new_code_cell(metadata={"nbgrader": {**good.metadata["nbgrader"], "points": "three"}})
    with pytest.raises(jsonschema.ValidationError) as ours:
        validator.validate_cell(bad)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(bad.metadata["nbgrader"], validator.schema)
    assert str(ours.value) == str(theirs.value)
    assert len(checked) <= 2, "the schema was checked again for every cell"
