"""Student HTML never runs in the grader's browser (coursekit/grader/sanitize.py).

The unit tests render hand-built notebooks with nbgrader's own formgrade and
feedback templates and look, with a browser-grade HTML parser, for anything
that could run: a script, an on…= handler, a javascript: URL, a frame.  Each
hostile case must be caught before sanitising (so the check is not blind) and
gone after it, while ordinary outputs come through unchanged.
"""
import base64
import copy
import functools
import re
import secrets
import subprocess
import sys
from collections import Counter

import nbformat
import pytest
from bleach._vendor import html5lib
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.api import Gradebook
from nbgrader.server_extensions.formgrader import handlers
from playwright.sync_api import sync_playwright

from coursekit import ROOT
from coursekit.cli.gradebook import course_directory, read_grades
from support.scratch import new_class
from coursekit.cli.nbgrader import nbgrader_env, run_nbgrader
from coursekit.grader.sanitize import SanitizeStudentHTML, is_inert
from support.catalog import reference_submission, untouched_release
from test_browser import _free_port, launch_chromium, require_chromium, wait_until_serving

pytestmark = pytest.mark.filterwarnings("ignore:Your element with mimetype")  # a widget view, not shown
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
PWN = "window.__pwned=1"
TABLE = ('<table border="1" class="dataframe"><thead><tr><th>y_true</th></tr></thead>'
         '<tbody><tr><td><b>1.0</b></td></tr></tbody></table>')
LATEX = r"""## Gradient

$$\begin{aligned}
L &= \frac{1}{N} \sum_i (y_i - \hat{y}_i)^2 \\
\partial_{\hat{y}_i} L &= \frac{2}{N} (\hat{y}_i - y_i)
\end{aligned}$$

so $L < 1$ when every $|y_i - \hat{y}_i| < 1$."""
DETAILS = "1. Which $c$ is best?\n\n<details>\n<summary>Answers</summary>\n\n1. The mean, $c = \\bar{y}$.\n</details>"


def _display(data, **metadata):
    return new_output("display_data", data=data, metadata=metadata)


def _code(*outputs, execution_count=1):
    cell = new_code_cell("x = 1")
    cell.outputs, cell.execution_count = list(outputs), execution_count  # unvalidated, as a kernel may report them
    return cell


def _html(html):
    return _code(_display({"text/html": html, "text/plain": "<IPython.core.display.HTML object>"}))


HOSTILE = {  # name -> cell, or a notebook for the widget state
    "html-script": _html(f"<script>{PWN}</script>"),
    "html-img-onerror": _html(f"<img src=x onerror='{PWN}'>"),
    "html-javascript-url": _html("<a href=' jav&#x61;script:alert(1)'>click</a>"),
    "html-iframe-srcdoc": _html(f"<iframe srcdoc='<script>{PWN}</script>'></iframe>"),
    "html-svg-onload": _html(f"<svg onload='{PWN}'><script>{PWN}</script></svg>"),
    # a browser sees one end tag; Python's html.parser, which nbconvert rewrites every page with, sees an <img>
    "html-end-tag-attribute": _html(f'<b>x</b title="><img src=x onerror={PWN}>">'),
    "javascript": _code(_display({"application/javascript": PWN, "text/plain": ""})),
    "svg-with-script": _code(_display({"image/svg+xml": f"<svg onload='{PWN}'><script>{PWN}</script></svg>"})),
    "widget-view": _code(_display({"application/vnd.jupyter.widget-view+json": {"model_id": "m", "version_major": 2}})),
    "markdown-output-script": _code(_display({"text/markdown": f"# Hi\n\n<script>{PWN}</script>"})),
    "png-width-onerror": _code(_display({"image/png": "x"}, **{"image/png": {"width": f"1 onerror={PWN}"}})),
    "markdown-script": new_markdown_cell(f"My answer.\n\n<script>{PWN}</script>"),
    "markdown-img-onerror": new_markdown_cell(f"See <img src=x onerror=\"{PWN}\"> here."),
    "markdown-javascript-link": new_markdown_cell("[my plot](javascript:alert(1)) and [x](jav&#x61;script:alert(2))"),
    "markdown-reference-link": new_markdown_cell("[my plot][p]\n\n[p]: javascript:alert(1)"),
    "markdown-end-tag-attribute": new_markdown_cell(
        f'<div>\nMy <b>answer</b title="><img src=x onerror={PWN}>">\n</div>'),
    "markdown-mermaid": new_markdown_cell(f"```mermaid\n<img src=x onerror='{PWN}'>\n```"),
    "markdown-comment-trick": new_markdown_cell(f"<!--><img src=x onerror='{PWN}'>-->"),
    "markdown-attachment-html": new_markdown_cell(
        "![plot](attachment:plot.html)",
        attachments={"plot.html": {"text/html": base64.b64encode(f"<script>{PWN}</script>".encode()).decode()}}),
    "widget-state": new_notebook(metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {
        "version_major": 2, "version_minor": 0, "state": {"m": {
            "model_name": "HTMLModel", "model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0",
            "state": {"value": f"<img src=x onerror='{PWN}'>"}}}}}}),
}
# nbgrader's templates show SVG as an <img>, which runs no script, and load no widget manager;
# sanitising drops them anyway, for whatever else opens the notebook.
INERT_IN_NBGRADER = {"svg-with-script", "widget-view", "widget-state"}
ORDINARY = [
    new_markdown_cell(LATEX),
    new_markdown_cell(DETAILS),
    new_markdown_cell("See [the scikit-learn docs](https://scikit-learn.org/) and the [forward exercise](#Forward)."),
    _code(new_output("stream", name="stdout", text="loss = 0.25 <b>not bold</b>\n")),
    _code(_display({"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"},
                   **{"image/png": {"width": 300}})),
    _html(TABLE),
    _code(new_output("execute_result", data={"text/plain": "0.25", "text/latex": "$0.25$"}, execution_count=3),
          execution_count=3),
]


def _notebook(case):
    nb = copy.deepcopy(case) if case.get("nbformat") else new_notebook(cells=[copy.deepcopy(case)])
    nb.cells += copy.deepcopy(ORDINARY)
    return nb


def _sanitized(nb):
    return SanitizeStudentHTML().preprocess(copy.deepcopy(nb), {})[0]


@functools.lru_cache(maxsize=None)
def _exporter(template):
    return HTMLExporter(template_name=template, extra_template_basedirs=[handlers.template_path],
                        extra_template_paths=[f"{handlers.static_path}/node_modules/bootstrap/dist/css"])


def _render(nb, template):
    """The page nbgrader's formgrader (or its feedback) makes of ``nb``."""
    resources = {"base_url": "", "assignment_id": "a", "notebook_id": "n", "submission_id": "s", "index": 0,
                 "total": 1, "student": "st", "notebook_path": "n.ipynb",
                 "nbgrader": {"notebook": "n", "score": 0, "max_score": 1, "late_penalty": 0}}
    return _exporter(template).from_notebook_node(nbformat.from_dict(nb), resources=resources)[0]


def active(page):
    """What in ``page`` could run code or load a page: scripts, handlers, javascript: URLs, frames."""
    found = Counter()
    for el in html5lib.parse(page, namespaceHTMLElements=False).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("script", "iframe", "frame", "object", "embed", "svg", "base", "form", "meta"):
            found[f"<{el.tag}> {el.get('src', '')}{(el.text or '').strip()[:60]}"] += 1
        for name, value in el.attrib.items():
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on") or name == "srcdoc" or url.startswith(("javascript:", "vbscript:", "data:text")):
                found[f"<{el.tag} {name}={value[:60]!r}>"] += 1
    return found


@pytest.fixture(scope="module", params=["formgrade", "feedback"])
def template(request):
    """A template nbgrader renders submissions with, and what its empty page already runs."""
    return request.param, active(_render(new_notebook(), request.param))


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_output_would_run_unsanitized(template, case):
    """Does the check see the hostile content in the page as nbgrader renders it today (or is it inert already)?"""
    name, baseline = template
    extra = active(_render(_notebook(HOSTILE[case]), name)) - baseline
    if case in INERT_IN_NBGRADER:
        assert not extra
    else:
        assert extra, f"{case}: nothing active found: the check is blind"


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_output_is_inert_after_sanitizing(template, case):
    """After SanitizeStudentHTML, does the rendered page run nothing beyond what the empty page runs?"""
    name, baseline = template
    nb = _sanitized(_notebook(HOSTILE[case]))
    page = _render(nb, name)
    assert active(page) - baseline == Counter(), f"{case}: still active in the {name} page"
    kept = {mime for c in nb.cells for o in c.get("outputs", []) for mime in o.get("data", {})}
    assert kept <= {"text/plain", "text/latex", "image/png", "text/html"} and "widgets" not in nb.metadata


def test_ordinary_outputs_survive_sanitizing():
    """Do text, PNG figures with their size, a plain HTML table, LaTeX, links and <details> come through unchanged?"""
    nb = new_notebook(cells=copy.deepcopy(ORDINARY))
    assert _sanitized(nb) == nb
    page = _render(_sanitized(nb), "formgrade")
    assert "<td><b>1.0</b></td>" in page
    assert f'src="data:image/png;base64,{PNG}" width="300"' in page
    assert "\\begin{aligned}" in page and "<summary>Answers</summary>" in page


def test_shown_as_text_keeps_what_the_student_wrote():
    """Is neutralised markdown shown verbatim in a code block, and neutralised HTML kept as plain text?"""
    nb = _sanitized(new_notebook(cells=[HOSTILE["markdown-script"], HOSTILE["html-img-onerror"]]))
    markdown, code = nb.cells
    assert HOSTILE["markdown-script"].source in markdown.source and "```" in markdown.source
    plain = code.outputs[0].data["text/plain"]
    assert "onerror" in plain and "text/html" not in code.outputs[0].data


def test_execution_count_must_be_an_integer():
    """Is a non-integer execution count, which the templates would print unescaped, replaced by None?"""
    evil = f"<img src=x onerror={PWN}>"
    result = nbformat.from_dict({"output_type": "execute_result", "data": {"text/plain": "1"}, "metadata": {},
                                 "execution_count": evil})
    nb = new_notebook()
    nb.cells = [_code(result, execution_count=evil)]
    nb = _sanitized(nb)
    assert nb.cells[0].execution_count is None and nb.cells[0].outputs[0].execution_count is None
    assert active(_render(nb, "formgrade")) == active(_render(new_notebook(), "formgrade"))


def test_code_block_fence_cannot_be_closed_from_inside():
    """Does markdown full of backticks stay inside the code block it is shown in?"""
    source = f"````\n```\n<img src=x onerror='{PWN}'>\n`````"
    nb = _sanitized(new_notebook(cells=[new_markdown_cell(source)]))
    page = _render(nb, "formgrade")
    assert active(page) - active(_render(new_notebook(), "formgrade")) == Counter()
    assert "&lt;img src=x onerror=" in page


@pytest.mark.parametrize("html,inert", [
    ("<p>a <b>b</b></p>", True),
    (TABLE, True),
    ('<h2 id="Gradient">Gradient<a class="anchor-link" href="#Gradient">¶</a></h2>', True),
    ('<img src="data:image/png;base64,AAAA" alt="plot">', True),
    ('<img src="figure.png">', False),  # a relative URL reaches files the student submitted
    ('<a href="evil.html">x</a>', False),
    ("<b>unclosed", False),
    ('<a title="', False),  # would swallow the page that follows into an attribute
    ("<!-- a comment -->", False),
    ('<p style="color:red">x</p>', False),
])
def test_is_inert_allowlist(html, inert):
    """Does is_inert accept only allowlisted tags, attributes and URLs that close what they open?"""
    assert is_inert(html) is inert


@pytest.mark.parametrize("folder", ["source", "release", "solutions"])
def test_course_notebooks_pass_unchanged(folder):
    """Does every notebook of the course itself come through SanitizeStudentHTML unchanged?"""
    for path in sorted((ROOT / folder).glob("*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert _sanitized(nb) == nb, f"{path.relative_to(ROOT)} was changed"


# --- In the browser: a real course, real autograde, real formgrader, headless chromium --------------

ASSIGNMENT = "03_mean_squared_error"
NOTEBOOK = "mean_squared_error"
ATTACK = """<script>
window.__pwned = 1; document.title = "PWNED";
(async () => {  // full marks for this submission, none for everyone else, with the grader's XSRF token
  const xsrf = decodeURIComponent((document.cookie.match(/_xsrf=([^;]*)/) || [])[1] || "");
  const api = "/formgrader/api";
  const subs = await (await fetch(`${api}/submitted_notebooks/%(a)s/%(n)s`)).json();
  for (const sub of subs) {
    for (const g of await (await fetch(`${api}/grades?submission_id=${sub.id}`)).json()) {
      await fetch(`${api}/grade/${g.id}`, {method: "PUT", headers: {"X-XSRFToken": xsrf},
        body: JSON.stringify({manual_score: sub.id === submission_id ? g.max_score : 0})});
    }
  }
  window.__pwned = 2;
})();
</script>""" % {"a": ASSIGNMENT, "n": NOTEBOOK}


def _hostile_submission():
    """The untouched release (0 points); its first solution cell displays the attack, then an <img onerror>,
    and a markdown cell near the top carries the attack's <script> too."""
    nb = untouched_release(ASSIGNMENT)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code")
    cell.source = ("from IPython.display import HTML, display\n"
                   f"display(HTML({ATTACK!r}))\n"
                   f"display(HTML('<img src=x onerror=\"window.__pwned = 1; document.title = \\'PWNED\\'\">'))\n"
                   + cell.source)
    nb.cells.insert(1, new_markdown_cell(f"My notes.\n\n{ATTACK}"))
    return nb


def _gradebook(course):
    """(student, grade id) -> (auto score, manual score, extra credit), read afresh from the database."""
    coursedir = course_directory(course)
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
        return {(sub.student_id, g.name): (g.auto_score, g.manual_score, g.extra_credit)
                for sub in gb.assignment_submissions(ASSIGNMENT) for g in sub.notebooks[0].grades}


def _totals(course):
    return {student: graded.total for student, graded in read_grades(course, ASSIGNMENT).items()}


def _full_marks(course):
    """The assignment's maximum score, derivations included, as the gradebook records it."""
    graded = next(iter(read_grades(course, ASSIGNMENT).values()))
    return graded.max_total + sum(graded.pending.values())


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A course where alice handed in the reference solution and mallory the attack, autograded by nbgrader."""
    course = new_class(tmp_path_factory.mktemp("xss-course"), ASSIGNMENT, {
        "alice": {f"{NOTEBOOK}.ipynb": reference_submission(ASSIGNMENT)},
        "mallory": {f"{NOTEBOOK}.ipynb": _hostile_submission()}})
    run_nbgrader(course, "autograde", ASSIGNMENT, "--force")
    derivations = sum(read_grades(course, ASSIGNMENT)["alice"].pending.values())  # wait for a person
    assert _full_marks(course) > derivations > 0, _full_marks(course)
    assert _totals(course) == {"alice": _full_marks(course) - derivations, "mallory": 0}, _totals(course)
    return course


@pytest.fixture(scope="module")
def formgrader(graded_course, tmp_path_factory):
    """Jupyter server with nbgrader's formgrader on 127.0.0.1 in the course, token auth; and chromium."""
    require_chromium()
    port, token = _free_port(), secrets.token_hex(16)
    env = {**nbgrader_env(), "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("jupyter-runtime"))}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={graded_course}", "--allow-root"],
        cwd=graded_course, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{url}/api/status?token={token}", "the Jupyter server", server)
        with sync_playwright() as p:
            browser = launch_chromium(p)
            yield url, token, browser
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


MATHJAX_STUB = "window.MathJax = {Hub: {Config() {}, Queue() {}}};"  # the page calls it once it has loaded


def _offline(route):
    """Nothing from outside 127.0.0.1; MathJax, from its CDN, is replaced by a stub."""
    if "mathjax" in route.request.url.lower():
        route.fulfill(body=MATHJAX_STUB, content_type="application/javascript")
    else:
        route.abort()


def _open(formgrader, address):
    """A page, logged in to Jupyter as the instructor, at ``address``; and the writes it sends."""
    url, token, browser = formgrader
    page = browser.new_page()
    writes = []
    page.on("request", lambda r: writes.append(f"{r.method} {r.url}") if r.method not in ("GET", "HEAD") else None)
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), _offline)
    page.goto(f"{url}/login?next=%2Fapi%2Fstatus", wait_until="load")
    page.fill("#password_input", token)
    page.click("#login_submit")
    page.wait_for_url(f"{url}/api/status")
    writes.clear()  # the login itself
    page.goto(address, wait_until="load", timeout=60_000)
    return page, writes


@pytest.mark.xdist_group("browser")
def test_hostile_submission_runs_nothing_in_formgrader(graded_course, formgrader):
    """Does opening the attacker's submission in formgrader run none of its scripts and leave every grade alone?"""
    coursedir = course_directory(graded_course)
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gb:
        submission = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, "mallory").id
    before = _gradebook(graded_course)
    page, writes = _open(formgrader, f"{formgrader[0]}/formgrader/submissions/{submission}/")
    try:
        # formgrader's own scripts run on this page: it has loaded the grades into its form
        page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded",
                               timeout=30_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)  # time for the attack's chain of requests, had it started
        pwned, title = page.evaluate("() => [window.__pwned, document.title]")
        shown = page.inner_text("#notebook")
    finally:
        page.close()
    after = _gradebook(graded_course)
    changed = {key: f"{before[key]} -> {after[key]}" for key in before if after[key] != before[key]}
    assert (pwned, title, writes, changed) == (None, NOTEBOOK, [], {}), (
        f"the submission's script ran (__pwned={pwned}, title={title!r}) and sent {len(writes)} writes; "
        f"totals are now {_totals(graded_course)}, changed grades: {changed}")
    assert "window.__pwned" in shown, "the attack should be shown to the instructor as text"


@pytest.mark.xdist_group("browser")
def test_hostile_feedback_runs_nothing(graded_course, formgrader):
    """Does the attacker's feedback HTML, from nbgrader generate_feedback, run none of its scripts?"""
    run_nbgrader(graded_course, "generate_feedback", ASSIGNMENT, "--force")
    feedback = graded_course / "feedback" / "mallory" / ASSIGNMENT / f"{NOTEBOOK}.html"
    page, _ = _open(formgrader, feedback.as_uri())
    try:
        page.wait_for_timeout(500)
        pwned, title = page.evaluate("() => [window.__pwned, document.title]")
    finally:
        page.close()
    assert pwned is None and title == NOTEBOOK, f"the feedback's script ran: __pwned={pwned}, title={title!r}"


def test_long_html_is_shown_as_text_without_being_parsed(monkeypatch):
    """Is HTML or markdown longer than the sanitiser's limit refused unparsed (its parsing cost grows faster
    than its length, so a 120 KB output of nested tags held the grader for minutes)?"""
    from coursekit.grader import sanitize

    def no_parsing(html):
        raise AssertionError("long HTML was parsed")
    monkeypatch.setattr(sanitize, "_as_browsers_parse", no_parsing)
    monkeypatch.setattr(sanitize, "_as_nbconvert_parses", no_parsing)
    assert not sanitize.is_inert("<b>" * (sanitize.MAX_PARSED // 3 + 1))
    assert sanitize.markdown_html("x" * (sanitize.MAX_PARSED + 1)) is None


def test_a_remembered_verdict_is_the_verdict_of_that_content(monkeypatch):
    """Verdicts are remembered by content for the run: is a hostile cell that differs from a benign one
    by a single character still refused, and is a repeated cell parsed only once?"""
    from coursekit.grader import sanitize

    parses = []
    real = sanitize._as_browsers_parse
    monkeypatch.setattr(sanitize, "_as_browsers_parse", lambda html: parses.append(html) or real(html))
    monkeypatch.setattr(sanitize, "_VERDICTS", {})
    benign, hostile = "Some <b>bold</b> text.", "Some <b onclick=x>bold</b> text."
    assert sanitize.markdown_is_inert(benign) and sanitize.markdown_is_inert(benign)
    assert not sanitize.markdown_is_inert(hostile) and not sanitize.markdown_is_inert(hostile)
    assert len(parses) == 2
    assert sanitize.html_is_inert("<i>x</i>") and not sanitize.html_is_inert("<i onmouseover=x>x</i>")
