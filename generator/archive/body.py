"""A readout's text, checked on what the renderer will see.

The text is read with Python-Markdown configured as the site configures it (mkdocs.yml's
markdown_extensions), and the resulting element tree is walked: every link must be an http(s)
address or a heading of the text itself, no raw HTML, no image, no attribute beyond what the
extensions themselves write, no block a readout does not have. However a link or a block is
spelled, it is checked in the form it reaches the page. Before that, the shapes of text that
take Python-Markdown a long time (or deep recursion) are refused, so the parse stays bounded.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import xml.etree.ElementTree as etree

import markdown
import yaml
from markdown.extensions.toc import slugify as toc_slugify
from markdown.treeprocessors import Treeprocessor

from .load import RawDocument
from .schema import SAFE_URL
from ..core.problems import ERROR, Problem
from ..core.text import describe_character, stray_character

MAX_BODY_REPORTS = 20  # a text full of markup gets twenty lines and a count, not thousands
# Python-Markdown takes time that grows with the square of some shapes of text (unclosed brackets,
# long blocks of headings or rules), and recursion with others (deep nesting, long runs of *):
# a readout is prose, so those shapes are refused before Python-Markdown ever meets them.
MAX_BRACKETS = 500
MAX_BLOCK_LINES = 100
MAX_NESTING = 4
# Python-Markdown reads each paragraph's inline markup with scans that run ahead to the end of the
# paragraph, once per opening mark: its time grows with marks × length. A paragraph whose weighted
# marks times its length passes this budget is refused (prose scores far below: ten brackets in a
# 5,000-character paragraph come to 1,000,000; a quarter of a second of parsing is about 100,000,000).
MAX_MARKUP_COST = 40_000_000
_BRACKET_WEIGHT = 20  # an unclosed '[' scans for its ']' and then its '(' … ')'
_PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t]*(?:\n|$)))*")
_NESTING = re.compile(r"^(?:[ \t>:]|[-*+][ \t]|\d{1,9}[.)][ \t])+", re.MULTILINE)
_LIST_MARK = re.compile(r"[-*+][ \t]|\d{1,9}[.)][ \t]")
_MARK_RUN = re.compile(r"([*_`~])\1{3,}")
_BLOCK = re.compile(rf"(?:^[ \t]*\S[^\n]*\n){{{MAX_BLOCK_LINES}}}[ \t]*\S", re.MULTILINE)
# What an HTML parser takes for markup: refused on sight, with its line, before any parse (a text
# of 100,000 "<a" takes Python-Markdown minutes). Found in a code span too, where it would be
# shown as text: a readout quotes no HTML.
_RAW_HTML = re.compile(r"<[a-zA-Z/!?]|&#?[a-zA-Z0-9]{1,32};")
_CURLY = re.compile(r"[{}]")
# Without one of these, the configured extensions can make no link, image, attribute, raw HTML
# or admonition: such a text (most readouts) needs no parse to be known safe.
_MAY_MAKE_MARKUP = re.compile(r"[\[<{&]|!!!")
MARKUP_HINT = "remove the markup; keep the readout's words as plain text"

# What a readout's text may become: its elements, and the attributes the extensions write on them.
_ELEMENTS = {"p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", "h1", "h2",
             "h3", "h4", "h5", "h6", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "div"}
_ALIGN = re.compile(r"text-align: (?:left|right|center);")
_ATTRIBUTES = {
    "a": {"href": None, "title": None, "class": re.compile(r"headerlink")},
    "th": {"style": _ALIGN, "align": re.compile(r"left|right|center")},
    "td": {"style": _ALIGN, "align": re.compile(r"left|right|center")},
    **{f"h{level}": {"id": None} for level in range(1, 7)},
}


@functools.lru_cache(maxsize=32)
def _newlines(body: str) -> list[int]:
    return [index for index, char in enumerate(body) if char == "\n"]


def body_line(doc: RawDocument, offset: int) -> int:
    """The file's line of an offset in the text."""
    return doc.body_line + bisect.bisect_left(_newlines(doc.body), offset)


def _at(doc: RawDocument, offset: int, message: str, hint: str) -> Problem:
    return Problem(doc.display, body_line(doc, max(offset, 0)), 1, ERROR, message, hint)


def _check_characters(doc: RawDocument, found: list[Problem]) -> None:
    index = stray_character(doc.body, "body")
    if index >= 0:
        line_start = doc.body.rfind("\n", 0, index) + 1
        found.append(Problem(doc.display, body_line(doc, index), index - line_start + 1, ERROR,
                             f"the text contains {describe_character(doc.body[index])}, a control character "
                             "or one that reorders the text around it",
                             "delete it: retype the text around it if your editor does not show it"))


def _check_raw_markup(doc: RawDocument, found: list[Problem]) -> str:
    """Reports raw HTML and curly brackets (attribute lists: the pages add their own to each paragraph,
    so the text may hold none), one report a line; gives back the text with them blanked, for the
    rest of the check to parse quickly (the same length: every offset stays where it was)."""
    text = doc.body
    for pattern, message, marks in ((_RAW_HTML, "raw HTML is not allowed in the text", "<&"),
                                    (_CURLY, "attribute lists in curly brackets are not allowed in the text", "{}")):
        reported = set()  # an opening and a closing tag are one mistake
        for match in pattern.finditer(doc.body):
            line = body_line(doc, match.start())
            if line not in reported:
                reported.add(line)
                shown = doc.body[match.start(): match.start() + 40].split("\n")[0]
                found.append(_at(doc, match.start(), f"{message}: {shown!r}", MARKUP_HINT))
        if reported:
            for mark in marks:
                text = text.replace(mark, " ")
    return text


def _check_shape(doc: RawDocument, found: list[Problem]) -> None:
    body = doc.body
    brackets = body.count("[")
    if brackets > MAX_BRACKETS:
        found.append(_at(doc, body.index("["), f"the text has {brackets:,} square brackets, more than a readout "
                         f"needs ({MAX_BRACKETS})", "keep the readout's words as plain text"))
    for match in _NESTING.finditer(body):
        prefix = match.group(0).expandtabs(4)
        levels = (prefix.count(">") + prefix.count(":") + len(_LIST_MARK.findall(prefix))
                  + (len(prefix) - len(prefix.lstrip(" "))) // 4)
        if levels > MAX_NESTING:
            found.append(_at(doc, match.start(), f"quotes or lists nested more than {MAX_NESTING} levels deep",
                             "keep the readout's words as plain paragraphs"))
    for match in _MARK_RUN.finditer(body):
        found.append(_at(doc, match.start(), f"a run of {match.group(1) * 4}… is not text", "remove it"))
    for match in _PARAGRAPH.finditer(body):
        paragraph = match.group(0)
        marks = (_BRACKET_WEIGHT * paragraph.count("[") + paragraph.count("`") + paragraph.count("*")
                 + paragraph.count("_") + paragraph.count("&"))
        if marks * len(paragraph) > MAX_MARKUP_COST:
            found.append(_at(doc, match.start(), f"a paragraph of {len(paragraph):,} characters with more brackets, "
                             "backticks, stars or underscores than a readout has",
                             "keep the readout's words as plain text, in paragraphs separated by an empty line"))
    for match in _BLOCK.finditer(body):
        found.append(_at(doc, match.start(), f"a paragraph of more than {MAX_BLOCK_LINES} lines",
                         "separate the paragraphs with an empty line"))


class _KeepTree(Treeprocessor):
    """Runs last: keeps the finished element tree for the check to walk."""

    def run(self, root: etree.Element) -> None:
        self.md.checked_tree = root


@functools.lru_cache(maxsize=4)
def _renderer(extensions: tuple[tuple[str, str], ...]) -> markdown.Markdown:
    renderer = markdown.Markdown(extensions=[name for name, _ in extensions],
                                 extension_configs={name: yaml.safe_load(options) for name, options in extensions})
    renderer.treeprocessors.register(_KeepTree(renderer), "keep-tree", -1000)
    return renderer


def _rendered(body: str, extensions) -> tuple[etree.Element, list[str]]:
    """The text as the site's Python-Markdown makes it: the element tree and the raw HTML it kept aside."""
    renderer = _renderer(extensions)
    renderer.reset()
    renderer.convert(body)
    return renderer.checked_tree, list(renderer.htmlStash.rawHtmlBlocks)


def _parse_problem(doc: RawDocument) -> Problem:
    return _at(doc, 0, "the text nests its blocks too deeply to be read", "keep the readout's words as plain paragraphs")


def _where(doc: RawDocument, *needles: str) -> int:
    """The offset of the first needle found in the text: the line to report a finding at."""
    for needle in needles:
        if needle and (index := doc.body.find(needle)) >= 0:
            return index
    return 0


def _check_link(doc: RawDocument, element: etree.Element, ids: set[str], found: list[Problem]) -> None:
    href = element.get("href", "")
    if SAFE_URL.fullmatch(href) or (href.startswith("#") and href[1:] in ids):
        return
    offset = _where(doc, f"]({href}", f"]: {href}", href, "".join(element.itertext()))
    if href.startswith("#"):
        found.append(_at(doc, offset, f"the link {href[:40]!r} points to no heading of this text", "remove the link"))
    else:
        found.append(_at(doc, offset, f"links must be http(s) addresses, not {href[:40]!r}", "remove the link"))


def _check_attributes(doc: RawDocument, element: etree.Element, found: list[Problem]) -> None:
    allowed = _ATTRIBUTES.get(element.tag, {})
    for name, value in element.attrib.items():
        pattern = allowed.get(name, False)
        if pattern is None or (pattern and pattern.fullmatch(value)):
            continue
        offset = _where(doc, f"{name}=", value, "{")
        line_text = doc.body[doc.body.rfind("\n", 0, offset) + 1:].split("\n")[0]
        shown = line_text[line_text.find("{"):][:40] if "{" in line_text else f"{name}={value}"[:40]
        found.append(_at(doc, offset, f"attribute lists in curly brackets are not allowed in the text: {shown!r}",
                         MARKUP_HINT))


def _check_element(doc: RawDocument, element: etree.Element, ids: set[str], found: list[Problem]) -> bool:
    """Whether the element may stand in a readout's text; what is wrong with it goes into found."""
    if element.tag == "img":
        found.append(_at(doc, _where(doc, "![", element.get("src", "")), "images are not archived",
                         "remove the image; describe it in 'notes' if it matters"))
        return False
    if element.tag not in _ELEMENTS or element.tag == "div":
        found.append(_at(doc, _where(doc, "!!!"), "admonitions and other boxes are not part of a readout's text",
                         "keep the readout's words as plain paragraphs; put remarks in 'notes'"))
        return False
    if element.tag == "a":
        _check_link(doc, element, ids, found)
    _check_attributes(doc, element, found)
    return True


def _walk(doc: RawDocument, parent: etree.Element, ids: set[str], found: list[Problem]) -> None:
    """Every element below parent, but not inside one already refused (one report for a box, not one a line)."""
    for element in parent:
        if _check_element(doc, element, ids, found):
            _walk(doc, element, ids, found)


def _heading_ids(tree: etree.Element) -> set[str]:
    """The ids of the text's own headings, as toc made them from their words (attr_list's {#id} is refused)."""
    ids = set()
    for element in tree.iter():
        if element.tag in {f"h{level}" for level in range(1, 7)} and "id" in element.attrib:
            words = "".join(("".join(child.itertext()) if child.get("class") != "headerlink" else "")
                            + (child.tail or "") for child in element)
            made = toc_slugify(((element.text or "") + words).strip(), "-")
            if re.fullmatch(re.escape(made) + r"(?:_\d+)?", element.get("id")):
                ids.add(element.get("id"))
    return ids


def _check_markup(doc: RawDocument, extensions, found: list[Problem]) -> None:
    try:
        tree, raw_html = _rendered(doc.body, extensions)
    except RecursionError:  # the shape checks should refuse such a text first; the check must never crash
        found.append(_parse_problem(doc))
        return
    reported = set()
    for raw in raw_html:
        offset = _where(doc, raw, raw.strip()[:40])
        line = body_line(doc, offset)
        if line not in reported:  # one report a line: an opening and a closing tag are one mistake
            reported.add(line)
            shown = raw.strip()[:40].split("\n")[0]
            found.append(_at(doc, offset, f"raw HTML is not allowed in the text: {shown!r}", MARKUP_HINT))
    ids = _heading_ids(tree)
    _walk(doc, tree, ids, found)
    for element in tree.iter():
        if element.tag[:1] == "h" and element.get("id") and element.get("id") not in ids:
            found.append(_at(doc, _where(doc, "{#", "{:"), "attribute lists in curly brackets are not allowed in "
                             f"the text: {('{#' + element.get('id') + '}')[:40]!r}", MARKUP_HINT))


def check_body(doc: RawDocument, problems: list[Problem], extensions: tuple[tuple[str, str], ...]) -> None:
    """Every problem of the text, at its line; the text is parsed only once it is known to parse quickly."""
    if not doc.body.strip():
        problems.append(Problem(doc.display, doc.body_line, 1, ERROR, "the readout has no text",
                                "paste the text of the readout below the front matter"))
        return
    found: list[Problem] = []
    _check_characters(doc, found)
    _check_shape(doc, found)
    quick = not found  # parsed only once the text is known to parse quickly
    text = _check_raw_markup(doc, found)
    if quick and _MAY_MAKE_MARKUP.search(text):
        _check_markup(dataclasses.replace(doc, body=text), extensions, found)
    found = sorted(set(found))
    problems.extend(found[:MAX_BODY_REPORTS])
    if len(found) > MAX_BODY_REPORTS:
        rest = found[MAX_BODY_REPORTS]
        problems.append(Problem(doc.display, rest.line, 1, ERROR,
                                f"and {len(found) - MAX_BODY_REPORTS:,} more problems like these in the text",
                                "keep the readout's words as plain text"))
