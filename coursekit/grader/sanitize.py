"""Make a graded notebook inert before anyone opens it.

nbgrader's formgrader and feedback HTML show student markdown and outputs
as they are, inside the instructor's logged-in page: a ``<script>`` in an
output could rewrite every grade.  ``SanitizeStudentHTML`` runs last in
``autograde``, so the stored autograded notebook, which formgrader renders
and ``generate_feedback`` reads, holds nothing that runs in a browser.

The rule is the same everywhere: HTML (an output's ``text/html``, or what a
markdown cell or ``text/markdown`` output renders to) is kept as written if
it parses, as a browser would, into allowlisted tags, attributes and URLs
only; otherwise it is shown as text.  Outputs keep only text, LaTeX, PNG,
JPEG and GIF besides that (no JavaScript, SVG or widget views), output
metadata keeps only numeric image sizes, execution counts must be integers,
and widget state is dropped from the notebook metadata.

Verdicts are remembered by content (a SHA-256 of it) for the rest of the run:
the instructor's markdown cells recur in every submission of a class, and
rendering and parsing them twice each took more time than grading a notebook's
tests.  Parsing is deterministic, so a remembered verdict is the one a new
parse would give.
"""
import hashlib
import json
import re
import secrets

from bleach._vendor import html5lib  # bleach's copy of html5lib: parses as browsers do
from bs4 import BeautifulSoup, NavigableString, Tag
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbgrader.preprocessors import NbGraderPreprocessor

ATTRIBUTES = {"class", "title", "align"}  # allowed on every allowed tag
TAGS = {  # tag -> attributes it may have besides ATTRIBUTES
    **{t: set() for t in (
        "b blockquote br caption code dd del details div dl dt em hr i kbd li p pre s span "
        "strong sub summary sup tbody tfoot thead tr u ul").split()},
    **{f"h{n}": {"id"} for n in range(1, 7)},
    "a": {"href"}, "abbr": set(), "img": {"src", "alt", "width", "height"}, "ol": {"start"},
    "table": {"border"}, "td": {"colspan", "rowspan", "style"}, "th": {"colspan", "rowspan", "style"},
    "input": {"type", "checked", "disabled"},  # markdown task lists
}
LINKS = ("#", "http://", "https://", "mailto:")
IMAGES = tuple(f"data:image/{t}" for t in ("png", "jpeg", "gif", "svg+xml", "webp"))  # an <img> runs no script
TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")  # markdown tables
KEEP = {"text/plain", "text/latex", "image/png", "image/jpeg", "image/gif", "text/html", "text/markdown"}
NOTE = "[shown as text: it could run code in the browser of whoever opens this notebook]"


def _attribute_ok(name, value):
    if name in ("href", "src"):
        url = re.sub(r"[\x00-\x20]", "", value).lower()  # browsers ignore these in a URL
        return url.startswith(LINKS if name == "href" else IMAGES)
    return name != "style" or TABLE_ALIGN.fullmatch(value.strip()) is not None


def _as_browsers_parse(html):
    """Every element of ``html`` as (tag, attributes), tag None for a comment; and the last top-level one."""
    fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
    elements = [(e.tag if isinstance(e.tag, str) else None, dict(e.attrib)) for e in fragment.iter()][1:]
    return elements, (fragment[-1].tag, dict(fragment[-1].attrib)) if len(fragment) else None


def _as_nbconvert_parses(html):
    """The same as Python's html.parser sees it: nbconvert re-parses and rewrites every page with it."""
    soup = BeautifulSoup(html, "html.parser")
    elements = [(n.name, {k: " ".join(v) if isinstance(v, list) else v for k, v in n.attrs.items()})
                if isinstance(n, Tag) else (None, {})  # a comment, doctype, CDATA...
                for n in soup.descendants if type(n) is not NavigableString]
    last = soup.contents[-1] if soup.contents else None
    return elements, (last.name, last.attrs) if isinstance(last, Tag) else None


MAX_PARSED = 64 * 1024  # characters: longer HTML or markdown is shown as text without being parsed


def is_inert(html):
    """Do both a browser and nbconvert parse ``html`` into allowlisted tags, attributes and URLs only?

    It must also close everything it opens: a sentinel element put after it
    must come out as the last top-level element, or else an unclosed tag,
    attribute, comment or element would swallow the page that follows it.
    Comments are not allowed.
    """
    if len(html) > MAX_PARSED:
        return False  # shown as text, unparsed: parsing cost grows faster than its length
    sentinel = ("hr", {"id": secrets.token_hex(8)})  # random, so that the HTML cannot fake its own end
    for parse in (_as_browsers_parse, _as_nbconvert_parses):
        elements, last = parse(f'{html}<hr id="{sentinel[1]["id"]}">')
        if last != sentinel:
            return False
        for tag, attributes in elements[:-1]:  # the sentinel, void, is the last element too
            if tag not in TAGS or any(name not in ATTRIBUTES | TAGS[tag] or not _attribute_ok(name, value)
                                      for name, value in attributes.items()):
                return False  # a comment, or a tag or attribute that is not allowlisted
    return True


def markdown_html(source, attachments=None):
    """The HTML nbconvert (formgrader, feedback) makes of a markdown cell; None if it cannot (or it is too long)."""
    if len(source) > MAX_PARSED:
        return None
    try:
        return MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments or {})).render(source)
    except Exception:  # e.g. a missing attachment, which would break formgrader's page
        return None


def as_code_block(text):
    """Markdown that shows ``text`` verbatim: a fence longer than any run of backticks in it."""
    fence = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", text)), default=0))
    return f"*{NOTE}*\n\n{fence}\n{text}\n{fence}"


_VERDICTS = {}  # SHA-256 of what was checked -> whether it is inert
_REMEMBERED = 4096


def _remembered(text, check):
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    if key not in _VERDICTS:
        if len(_VERDICTS) >= _REMEMBERED:
            _VERDICTS.clear()
        _VERDICTS[key] = check()
    return _VERDICTS[key]


def markdown_is_inert(source, attachments=None):
    """Whether a markdown cell (or ``text/markdown`` output) renders to inert HTML; remembered by content."""
    def check():
        html = markdown_html(source, attachments)
        return html is not None and is_inert(html)
    return _remembered(json.dumps(["markdown", source, attachments], sort_keys=True, default=str), check)


def html_is_inert(html):
    """``is_inert``, remembered by content."""
    return _remembered(json.dumps(["html", html]), lambda: is_inert(html))


def _as_int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class SanitizeStudentHTML(NbGraderPreprocessor):
    """Show student HTML, markdown and outputs inertly (see module docstring)."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)  # widget state: rendered by the widget manager's JavaScript
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            if not markdown_is_inert(cell.source, cell.get("attachments")):
                self.log.warning("Cell %d: markdown shown as text (it held HTML that could run code)", index)
                cell.source = as_code_block(cell.source)
                cell.pop("attachments", None)
        elif cell.cell_type == "code":
            cell.execution_count = _as_int(cell.get("execution_count"))
            for output in cell.get("outputs", []):
                self._sanitize_output(output, index)
        return cell, resources

    def _sanitize_output(self, output, index):
        if "execution_count" in output:
            output.execution_count = _as_int(output.execution_count)
        if "data" not in output:
            return  # stream and error outputs are always shown as escaped text
        data, shown_as_text = output.data, []
        for mime in list(data):
            if mime not in KEEP:
                shown_as_text.append(f"[{mime} output removed]")
                del data[mime]
            elif mime in ("text/html", "text/markdown"):
                text = data[mime]
                inert = (html_is_inert(text) if mime == "text/html" else markdown_is_inert(text)) \
                    if isinstance(text, str) else False
                if not inert:
                    shown_as_text.append(f"{NOTE}\n{data.pop(mime)}")
        if shown_as_text:
            self.log.warning("Cell %d: output shown as text (%s)", index, ", ".join(
                t.splitlines()[0] for t in shown_as_text))
            plain = data.get("text/plain", "")
            data["text/plain"] = "\n".join([*shown_as_text, plain] if plain else shown_as_text)
        sizes = {mime: {k: v for k, v in output.get("metadata", {}).get(mime, {}).items()
                        if k in ("width", "height") and _as_int(v) is not None}
                 for mime in ("image/png", "image/jpeg", "image/gif") if mime in data}
        output.metadata = {mime: size for mime, size in sizes.items() if size}
