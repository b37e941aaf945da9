"""Reading the HTML of a saved web page into its metadata and blocks of text.

The page is untrusted: it is decoded by its declared character set or refused, parsed with
the standard library's html.parser (never executed, nothing fetched), and only text and a few
metadata values come out of it: scripts, styles, forms and attributes are dropped. The work is
bounded: the size of the file, the depth of the element stack, the number of blocks and metadata.
"""

from __future__ import annotations

import codecs
import re
from itertools import islice
from dataclasses import dataclass
from html.parser import HTMLParser


MAX_PAGE_BYTES = 8 * 1024 * 1024  # a page saved "complete" may inline its pictures; the text is a small part
MAX_DEPTH = 200  # elements nested deeper than this are read as if they were not nested
MAX_BLOCKS = 20_000
MAX_META = 1_000
MAX_TAGS = 50_000  # a readout's page has a few thousand elements; html.parser takes some 20 µs for each
MAX_SIGNS = {"<": 200_000, ">": 200_000, "=": 400_000}  # text or attributes made of these keep html.parser busy
MAX_ATTRIBUTES = 1_000  # in one tag: html.parser reads each in turn
_TAG_START = re.compile(r"<[A-Za-z!/?]")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_FEED_CHUNK = 256 * 1024

_SKIPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
            "select", "textarea", "button", "head", "video", "audio", "map"}
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "form", "menu", "dialog"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
           "dd", "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "pre", "address", "br", "hr",
           "header", "footer", "nav", "aside", "center", "font-block"}
_SELF_CLOSING = {"p": {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"},
                 "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}}
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|share|sharing|social|related|recommend\w*|"
    r"footer|header|sidebar|side|comments?|tags?|keywords|print|toolbar|subscribe|advert\w*|ads?|banner|copyright|"
    r"pagination|pager|more-news|hot|popular|most-read|login|search|fontsize|font-size|qrcode|wechat)(?:$|[\s_-])", re.I)
_CAPTION_NAMES = re.compile(r"(?:^|[\s_-])(?:caption|credit|photo-?(?:info|desc|credit)|pic-?(?:info|desc)|"
                            r"img-?(?:info|desc)|figure-?caption)(?:$|[\s_-])", re.I)
_ARTICLE_NAMES = re.compile(r"(?:^|[\s_-])(?:article-?(?:body|content|text)|content|news-?content|text|"
                            r"trs_editor|body-?text|story-?body|entry-?content|post-?content)(?:$|[\s_-])", re.I)
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9_.:-]{1,40})", re.I)
_SPACE = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "windows-1252",
                    "latin1": "windows-1252", "latin-1": "windows-1252", "ascii": "windows-1252",
                    "us-ascii": "windows-1252", "utf8": "utf-8"}
_REFUSED_CHARSETS = {"utf-7", "utf7", "x-user-defined"}  # UTF-7 can hide markup from any reader that is not a browser



class PageError(Exception):
    """The saved page cannot be read; the message says why and what to do."""


@dataclass
class Block:
    text: str
    tag: str  # the block element it came from: p, h2, li, figcaption …
    ancestors: tuple[int, ...]  # the ids of the elements around it, outermost first
    furniture: bool  # inside navigation, a header, footer, share bar …
    caption: bool  # inside a figure caption or a photo credit
    linked: float = 0.0  # the share of its letters inside links: a block of links is navigation


@dataclass
class _Element:
    tag: str
    number: int
    skip: bool
    furniture: bool
    caption: bool
    article: bool


def decode_page(data: bytes, name: str) -> str:
    """The page's text, by its byte-order mark or declared character set (UTF-8 when it declares none)."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"{name}: over {MAX_PAGE_BYTES // (1024 * 1024)} MB: save the page as 'HTML only'")
    for bom, charset in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            declared = charset
            break
    else:
        found = _CHARSET.search(data[:8192])
        declared = found.group("charset").decode("ascii").casefold() if found else "utf-8"
    declared = _CHARSET_ALIASES.get(declared, declared)
    if declared in _REFUSED_CHARSETS:
        raise PageError(f"{name}: declares the character set {declared}, which is not read: save the page as UTF-8")
    try:
        codecs.lookup(declared)
    except LookupError:
        raise PageError(f"{name}: declares an unknown character set {declared!r}: save the page as UTF-8") from None
    try:
        return data.decode(declared)
    except UnicodeDecodeError as error:
        raise PageError(f"{name}: byte {error.start} is not {declared} although the page says it is: "
                        "save the page again, or save its text as UTF-8 and use that") from None


def _names(attrs: dict) -> str:
    return " ".join(filter(None, (attrs.get("id"), attrs.get("class"), attrs.get("role"), attrs.get("itemprop"))))[:300]


class _Reader(HTMLParser):
    """Collects metadata and text blocks; keeps an element stack of bounded depth."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.comments: list[str] = []
        self.language = ""
        self.title_parts: list[str] = []
        self.times: list[str] = []
        self.blocks: list[Block] = []
        self._stack: list[_Element] = []
        self._buffer: list[str] = []
        self._letters = [0, 0]  # the buffer's letters (spaces aside), and those inside links
        self._links_open = 0
        self._count = 0
        self._in_title = False
        self._ignored_depth = 0  # start tags read past MAX_DEPTH, not on the stack

    def _flush(self) -> None:
        text = _CJK_GAP.sub("", _SPACE.sub(" ", "".join(self._buffer)).strip())
        letters, linked = self._letters
        self._buffer, self._letters = [], [0, 0]
        if not text or len(self.blocks) >= MAX_BLOCKS:
            return
        tag = next((e.tag for e in reversed(self._stack) if e.tag in _BLOCKS), "")
        self.blocks.append(Block(text[:20_000], tag, tuple(e.number for e in self._stack),
                                 any(e.furniture for e in self._stack), any(e.caption for e in self._stack),
                                 linked / letters if letters else 0.0))

    def _note_head(self, tag: str, attrs: dict) -> None:
        if tag == "meta" and len(self.meta) < MAX_META:
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv") or "")
            content = attrs.get("content") or ""
            if key and content:
                self.meta.setdefault(key.strip().casefold(), content.strip()[:2000])
        elif tag == "link" and attrs.get("href"):
            for rel in (attrs.get("rel") or "").casefold().split():
                self.links.setdefault(rel, attrs["href"].strip()[:2000])
        elif tag == "html" and not self.language:
            self.language = (attrs.get("lang") or attrs.get("xml:lang") or "").strip()[:20]
        elif tag == "time" and attrs.get("datetime") and len(self.times) < 50:
            self.times.append(attrs["datetime"][:60])

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs[:50]}
        self._note_head(tag, attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "a":
            self._links_open += 1
        if tag in _BLOCKS:
            self._flush()
        if tag in _VOID:
            return
        if tag == "body":  # a head left open ends where the body begins
            self._stack = [e for e in self._stack if e.tag != "head"]
        while self._stack and tag in _SELF_CLOSING.get(self._stack[-1].tag, ()):
            self._stack.pop()
        if len(self._stack) >= MAX_DEPTH:
            self._ignored_depth += 1
            return
        parent = self._stack[-1] if self._stack else None
        names = _names(attrs)
        self._count += 1
        self._stack.append(_Element(
            tag, self._count,
            skip=(parent.skip if parent else False) or tag in _SKIPPED or "hidden" in attrs or attrs.get("aria-hidden") == "true",
            furniture=(parent.furniture if parent else False) or tag in _FURNITURE_TAGS or bool(_FURNITURE_NAMES.search(names)),
            caption=(parent.caption if parent else False) or tag in ("figcaption", "figure") or bool(_CAPTION_NAMES.search(names)),
            article=tag == "article" or "articlebody" in names.casefold() or bool(_ARTICLE_NAMES.search(names))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "a":
            self._links_open = max(0, self._links_open - 1)
        if tag in _BLOCKS:
            self._flush()
        if self._ignored_depth:
            self._ignored_depth -= 1
            return
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._in_title and len(self.title_parts) < 100:
            self.title_parts.append(data)
            return
        if self._stack and self._stack[-1].skip:
            return
        if self._letters[0] < 100_000:
            self._buffer.append(data)
            letters = len(data) - sum(data.count(space) for space in " \n\t\r")
            self._letters[0] += letters
            self._letters[1] += letters if self._links_open else 0

    def handle_comment(self, data):
        if len(self.comments) < 20:
            self.comments.append(data[:2000])

    def close(self):
        super().close()
        self._flush()


def _bounded(text: str, name: str) -> None:
    """Refuse, before any parsing, a document that would keep the parser busy for minutes."""
    for sign, limit in MAX_SIGNS.items():
        if text.count(sign) > limit:
            raise PageError(f"{name}: holds more than {limit:,} '{sign}' signs: not a page as a browser saves it")
    tags = sum(1 for _ in islice(_TAG_START.finditer(text), MAX_TAGS + 1))
    if tags > MAX_TAGS:
        raise PageError(f"{name}: holds more than {MAX_TAGS:,} tags: save the article's page itself, 'HTML only'")
    for piece in text.split(">"):
        start = piece.rfind("<")
        if start >= 0 and len(piece) - start > MAX_ATTRIBUTES and \
                len(_QUOTED.sub("", piece[start:]).split()) > MAX_ATTRIBUTES:
            raise PageError(f"{name}: a tag holds more than {MAX_ATTRIBUTES:,} attributes: not a page as a browser saves it")


def parse_html(text: str, name: str) -> _Reader:
    """The page's metadata and blocks; PageError for a document past the bounds."""
    _bounded(text, name)
    reader = _Reader()
    for start in range(0, len(text), _FEED_CHUNK):
        reader.feed(text[start:start + _FEED_CHUNK])
    reader.close()
    return reader
