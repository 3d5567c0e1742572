"""The notebooks as a student sees them: JupyterLab 4 in headless Chromium.

For every notebook in release/, solutions/ and notebooks/: every math block is
typeset by MathJax (no error nodes, no raw `$$` or LaTeX commands left in the
text), figures are present where the stored notebook has image outputs, and
nbgrader's Validate button is in the toolbar of the assignments.  A notebook
with deliberately broken math must fail the same check.  One screenshot of a
rendered assignment is saved for the README.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from coursekit import ROOT

pytestmark = pytest.mark.xdist_group("browser")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCRATCH = ROOT / "browser-check-scratch"  # served by JupyterLab, ignored by git
SCREENSHOT = SCRATCH / "screenshot.png"  # docs/screenshot.png, in the README, is a copy of it

NOTEBOOKS = sorted(str(p.relative_to(ROOT)) for folder in ("release", "solutions", "notebooks")
                   for p in (ROOT / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)

# Evaluated in the page: what a reader of the rendered notebook would see.
INSPECT = """() => {
  const rendered = [...document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown')];
  let leftover = '';
  for (const el of rendered) {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('mjx-container, code, pre').forEach(n => n.remove());
    leftover += copy.textContent + '\\n';
  }
  const buttons = [...document.querySelectorAll('.jp-NotebookPanel-toolbar *')];
  return {
    markdownCells: rendered.length,
    math: document.querySelectorAll('.jp-RenderedMarkdown mjx-container').length,
    mathErrors: document.querySelectorAll('mjx-merror, [data-mjx-error], .MathJax_Error').length,
    rawMath: (leftover.match(/\\$\\$|\\\\(begin|end|frac|hat|partial|sum|log|mathbf|sigma)\\b/g) || []).length,
    images: document.querySelectorAll('.jp-OutputArea-output img').length,
    validate: buttons.some(b => (b.getAttribute('title') || b.textContent || '').trim().startsWith('Validate')),
  };
}"""


def wait_until_serving(url, what, server):
    """Poll ``url`` until the server answers; kill ``server`` and fail the test if it never does."""
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.25)
    server.kill()
    pytest.fail(f"{what} did not start")


def launch_chromium(playwright):
    """Headless Debian chromium, quiet: no sandbox (root in CI), GPU, QUIC or background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"])


def require_chromium():
    """Skip without chromium, except in CI, where it must be installed."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1, serving the repository, all cells rendered (no windowing)."""
    require_chromium()
    settings = tmp_path_factory.mktemp("lab-settings")
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    notify = settings / "@jupyterlab" / "apputils-extension"
    notify.mkdir(parents=True)
    (notify / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    docmanager = settings / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))  # never write the repo
    port = _free_port()
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={ROOT}", f"--LabApp.user_settings_dir={settings}",
         f"--LabApp.workspaces_dir={tmp_path_factory.mktemp('lab-workspaces')}",
         # checkpoints go to a scratch folder, not into release/ or solutions/
         f"--FileContentsManager.checkpoints_kwargs={{'root_dir': {str(tmp_path_factory.mktemp('lab-checkpoints'))!r}}}",
         "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(f"{url}/api/status", "JupyterLab", server)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield url, browser
        browser.close()
    server.terminate()
    server.wait(timeout=30)


def _render(lab, path, screenshot=None):
    """Open a notebook in JupyterLab and return what INSPECT sees once MathJax has settled."""
    url, browser = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{url}/lab/tree/{path}?reset", wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown", timeout=60_000)
        previous, stable = None, 0
        for _ in range(60):  # until the counts stop changing for 2 s
            page.wait_for_timeout(500)
            seen = page.evaluate(INSPECT)
            stable = stable + 1 if seen == previous else 0
            if stable >= 4:
                break
            previous = seen
        if screenshot:
            page.locator(".jp-RenderedMarkdown h1").first.click()
            page.keyboard.press("Control+b")  # hide the file browser
            heading = page.locator(".jp-RenderedMarkdown h2", has_text="Gradient derivation").first
            heading.scroll_into_view_if_needed()
            page.evaluate("() => document.querySelector('.jp-WindowedPanel-outer, .jp-Notebook').scrollBy(0, -40)")
            page.wait_for_timeout(500)
            screenshot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(screenshot))
        return seen
    finally:
        page.close()


def _stored_images(path):
    nb = nbformat.read(ROOT / path, as_version=4)
    return sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_renders_in_jupyterlab(lab, path):
    """Is every math block typeset, every stored figure shown, and Validate in the toolbar?"""
    seen = _render(lab, path, SCREENSHOT if path.startswith("release/01_") else None)
    assert seen["markdownCells"] > 3 and seen["math"] > 0, f"{path}: nothing rendered: {seen}"
    assert seen["mathErrors"] == 0, f"{path}: MathJax reported {seen['mathErrors']} errors"
    assert seen["rawMath"] == 0, f"{path}: {seen['rawMath']} pieces of LaTeX were left untypeset"
    assert seen["images"] == _stored_images(path), f"{path}: {seen['images']} figures shown, {_stored_images(path)} stored"
    if not path.startswith("notebooks/"):
        assert seen["validate"], f"{path}: no Validate button in the toolbar"


def test_broken_math_is_detected(lab):
    """Does the same check catch a `$$` block split by a blank line and a LaTeX error?"""
    SCRATCH.mkdir(exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Broken\n\n$$\nL = \\frac{1}{N}\n\n\\sum_i \\ell_i\n$$"),
        nbformat.v4.new_markdown_cell("$$\\begin{aligned} a &= \\frac{1}{2 \\end{aligned}$$"),
        nbformat.v4.new_markdown_cell("Fine: $x^2$.\n\nMore text.\n\nAnd more."),
        nbformat.v4.new_markdown_cell("Filler.")])
    nbformat.write(nb, SCRATCH / "broken_math.ipynb")
    seen = _render(lab, "browser-check-scratch/broken_math.ipynb")
    assert seen["math"] > 0, seen
    assert seen["mathErrors"] > 0 or seen["rawMath"] > 0, f"broken math went unnoticed: {seen}"
    assert seen["rawMath"] > 0, f"the split $$ block should leave raw LaTeX: {seen}"


# What a student types into a derivation cell: display math in `aligned`, as 00_start_here asks.
STUDENT_DERIVATION = r"""Differentiate term by term:
$$
\begin{aligned}
L &= \frac{1}{M} \sum_{i=1}^{M} \cos \hat{y}_i \\
\frac{\partial L}{\partial \hat{y}_i} &= \frac{1}{M} \frac{\partial}{\partial \hat{y}_i} \cos \hat{y}_i
  = -\frac{\sin \hat{y}_i}{M}
\end{aligned}
$$"""


@pytest.mark.parametrize("assignment", sorted(p.parent.name for p in (ROOT / "release").glob("*/*.ipynb")))
def test_a_derivation_typed_into_the_answer_cell_renders(lab, assignment):
    """Typed into a derivation cell of the release in JupyterLab and rendered, is a typical answer typeset?"""
    source = next((ROOT / "release" / assignment).glob("*.ipynb"))
    target = SCRATCH / "derivations" / assignment / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    url, browser = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{url}/lab/tree/{target.relative_to(ROOT)}?reset", wait_until="domcontentloaded", timeout=60_000)
        page.locator(".jp-MarkdownCell", has_text="YOUR ANSWER HERE").first.wait_for(timeout=60_000)
        index = page.locator(".jp-MarkdownCell").evaluate_all(
            "cells => cells.findIndex(c => c.innerText.includes('YOUR ANSWER HERE'))")
        cell = page.locator(".jp-MarkdownCell").nth(index)  # fixed, so typing the answer does not move it on
        cell.scroll_into_view_if_needed()
        cell.dblclick()  # a rendered markdown cell opens its editor on a double click
        editor = cell.locator(".cm-content")
        editor.wait_for(timeout=10_000)
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(STUDENT_DERIVATION)
        page.keyboard.press("Control+Enter")  # render it, as Shift+Enter would, without moving on
        rendered = cell.locator(".jp-RenderedMarkdown")
        rendered.wait_for(timeout=10_000)
        for _ in range(40):
            if rendered.locator("mjx-container").count():
                break
            page.wait_for_timeout(250)
        text = rendered.inner_text()
        assert "Differentiate term by term" in text, f"{assignment}: the typed answer is not shown: {text[:200]!r}"
        assert rendered.locator("mjx-container").count() >= 1, f"{assignment}: the answer's math was not typeset"
        assert rendered.locator("mjx-merror, [data-mjx-error]").count() == 0, f"{assignment}: MathJax errors"
        assert "\\begin" not in text and "$$" not in text, f"{assignment}: raw LaTeX left: {text[:200]!r}"
    finally:
        page.close()
