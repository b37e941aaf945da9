"""Small text helpers shared by the stages: slugs, escaping, summaries."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[^\w]+")
# Only what makes markup anywhere in a line; an escape costs Markdown an inline pass, and
# titles and names are full of '.', '-' and '(' that mean nothing once '[' is escaped.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
# What makes markup at the start of a line: a list item, a heading underline, a definition.
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")
_HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]|<[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_MD_LINK_MARKS = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)|[*_`#>]+")  # linear: no scan past the next bracket
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def slugify(text: str, max_words: int = 12) -> str:
    """Lowercase ASCII words joined by hyphens; never empty, never a path."""
    spaced = _NOT_WORD.sub(" ", text)  # dashes and other punctuation separate words
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = [w for w in _NOT_SLUG.split(ascii_text.lower()) if w]
    return "-".join(words[:max_words]) or "untitled"


def escape_md(text: object) -> str:
    """Text that Markdown shows as written: no markup, no HTML, no links."""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value).replace("\n", " ")
    if value[:1] in (":", "="):  # not escapable with a backslash
        value = f"&#{ord(value[0])};" + value[1:]
    return _MD_LINE_START.sub(_escape_line_start, value, count=1)


def _escape_line_start(match: re.Match) -> str:
    space, mark, number, stop = match.groups()
    return f"{space}\\{mark}" if mark else f"{space}{number}\\{stop}"


def plain(text: object) -> str:
    """Text for a page title: whatever MkDocs and the theme do with it, it can hold no tag."""
    return str(text).replace("<", "‹").replace(">", "›").replace("\n", " ").strip()


def has_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text) or _ENTITY.search(text))


def summarise(body: str, limit: int = 240) -> str:
    """The first sentences of a body, as plain text, computed once per readout."""
    for paragraph in body.split("\n\n"):
        paragraph = _MD_LINK_MARKS.sub(lambda m: m.group(1) or "", paragraph[: limit * 8]).strip()
        if paragraph:
            break
    else:
        return ""
    paragraph = " ".join(paragraph.split())
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[:limit]
    sentences = _SENTENCE_END.split(cut)
    if len(sentences) > 1:
        return " ".join(sentences[:-1])
    return cut.rsplit(" ", 1)[0] + "…"
