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


def name_key(name: str) -> str:
    """What two registry names are compared by: Unicode compatibility forms (NFKC: a full-width
    letter, a ligature), runs of any white space (a no-break space, a double space) and case set
    aside, so that no entry can take another's name with a variant that looks the same."""
    folded = " ".join(unicodedata.normalize("NFKC", name).split()).casefold()
    return unicodedata.normalize("NFKC", folded)  # casefolding can undo the normal form (ǰ → ǰ)


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


# Characters that no one-line field may hold: control characters (a carriage return starts a new
# Markdown block, DEL, ESC and C1 controls break a page's header) and the invisible formatting
# characters of Unicode (categories Cf, Zl, Zp): bidirectional overrides and isolates reorder the
# text around them, zero-width spaces and marks hide a difference from the eye. The zero-width
# non-joiner and joiner stay allowed: Persian and other scripts are written with them.
_INVISIBLE = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f\u2028-\u202e"
              "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_ONE_LINE_STRAY = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "]")
_MULTILINE_STRAY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "]")  # notes: tabs and newlines too
# In a body, tabs and newlines are text, and the marks that Persian and Arabic sources carry (soft
# hyphens, left-to-right and right-to-left marks, zero-width spaces) change nothing the renderer
# sees; what reorders the text (embeddings, overrides, isolates) or splits lines is refused.
_BODY_STRAY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufff9-\ufffb]")
_CONTROL_NAMES = {"\t": "CHARACTER TABULATION", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
                  "\x0b": "LINE TABULATION", "\x0c": "FORM FEED", "\x00": "NULL", "\x85": "NEXT LINE"}


def stray_character(text: str, where: str = "one-line") -> int:
    """The index of the first character a field may not hold ('one-line', 'multiline' or 'body'), or -1."""
    pattern = {"one-line": _ONE_LINE_STRAY, "multiline": _MULTILINE_STRAY, "body": _BODY_STRAY}[where]
    match = pattern.search(text)
    return match.start() if match else -1


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+000D CARRIAGE RETURN': a character no one can see, named."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "a control character")
    return f"U+{ord(char):04X} {name}"
