"""What a saved web page says about itself: its address, site, headline, publication date,
language, the day it was saved, and the article's text without the page's furniture.

Each value comes from the page or is left empty: the address from `link rel=canonical`,
`og:url` or the note a browser writes into a saved file; the date from the publication
metadata or a date line near the headline; the day it was saved from the note of a saving
tool that records it. The article is the element holding the most paragraph text; photo
captions and credits are kept apart from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urljoin, urlsplit

from ..archive.schema import SAFE_URL
from .dates import find_dates
from .html_reader import MAX_PAGE_BYTES, Block, PageError, decode_page, parse_html
from .page_text import CREDIT, _FURNITURE

__all__ = ["MAX_PAGE_BYTES", "PageError", "SavedPage", "looks_like_html", "read_saved_page"]

DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
             "publish-date", "publish_date", "publication_date", "dc.date.issued", "dcterms.issued", "dc.date",
             "dcterms.date", "citation_publication_date", "citation_date", "firstpublishedtime", "date")
TITLE_KEYS = ("og:title", "twitter:title", "articletitle", "headline", "dc.title", "citation_title")
SITE_KEYS = ("og:site_name", "sitename", "application-name", "contentsource", "dc.publisher", "citation_publisher")
_SAVED_FROM = re.compile(r"saved from url=\(\d{1,5}\)(?P<url>\S+)", re.I)
_SINGLEFILE = re.compile(r"Page saved with SingleFile\s+url:\s*(?P<url>\S+)\s+saved date:\s*(?P<date>[^\n(]{6,60})", re.I)
_SAVED_DATE = re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2})|(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                         r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DAY = re.compile(r"^\s*(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_LANGUAGE = re.compile(r"^(?P<code>[A-Za-z]{2})(?:$|[-_])")
_MARKDOWN_SIGNS = str.maketrans({"\\": "\\\\", "<": "&lt;", "[": "\\[", "]": "\\]", "`": "\\`", "*": "\\*", "_": "\\_"})
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title)\b",
                         re.I | re.S)
MIN_PARAGRAPH = 40  # characters (a Chinese one counts two): a shorter block adds nothing to the choice of the article
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class SavedPage:
    url: str = ""
    url_how: str = ""  # where the address was found: "canonical link", "og:url", "the browser's note"
    site_name: str = ""
    headline: str = ""
    published: date | None = None
    published_how: str = ""
    language: str = ""
    captured: date | None = None  # the day the page was saved, where the file says so
    paragraphs: list[str] = field(default_factory=list)  # the article: Markdown blocks, headings as "## …"
    credits: list[str] = field(default_factory=list)  # photo captions and credits, kept apart from the text
    removed: list[str] = field(default_factory=list)  # furniture left out


def looks_like_html(data: bytes, name: str = "") -> bool:
    """A saved web page, by its name or its first bytes."""
    return name.casefold().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_START.match(data[:4096]))


def _day(text: str) -> date | None:
    match = _ISO_DAY.match(text) or re.match(r"^\s*(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日", text)
    if not match:
        return None
    try:
        return date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


def _safe_address(href: str, base: str = "") -> str:
    """An http(s) address the check accepts, or ''; a relative one only against a known base."""
    href = href.strip()
    if base and not urlsplit(href).scheme:
        href = urljoin(base, href)
    if urlsplit(href).scheme.casefold() not in ("http", "https") or not urlsplit(href).netloc:
        return ""
    href = quote(href, safe=":/?#@!$&'*+,;=%~-._")  # ( ) [ ] and spaces as the check wants them: %28 …
    href = href.replace("'", "%27")
    return href if SAFE_URL.fullmatch(href) and len(href) <= 2000 else ""


def _address(reader) -> tuple[str, str]:
    noted = ""
    for comment in reader.comments:
        found = _SAVED_FROM.search(comment) or _SINGLEFILE.search(comment)
        if found:
            noted = _safe_address(found.group("url"))
            break
    noted = noted or _safe_address(reader.meta.get("savepage-url", ""))
    base = _safe_address(reader.meta.get("og:url", "")) or noted
    for how, href in (("canonical link", reader.links.get("canonical", "")), ("og:url", reader.meta.get("og:url", "")),
                      ("the address the browser noted when saving", noted)):
        address = _safe_address(href, base)
        if address:
            return address, how
    return "", ""


def _saved_day(reader) -> date | None:
    written = [m.group("date") for c in reader.comments if (m := _SINGLEFILE.search(c))]
    written += [reader.meta[key] for key in ("savepage-date",) if key in reader.meta]
    for text in written:
        match = _SAVED_DATE.search(text)
        if match and match.group("iso"):
            return _day(match.group("iso"))
        if match:
            try:
                return date(int(match.group("year")), _MONTHS.index(match.group("month")) + 1, int(match.group("day")))
            except ValueError:
                continue
    return None


def _article(blocks: list[Block], minimum: int = MIN_PARAGRAPH) -> set[int]:
    """The element holding the most paragraph text: each paragraph counts for its parent and grandparent.
    A page of short paragraphs only is scored on all of them."""
    scores: dict[int, float] = {}
    for block in blocks:
        weight = len(block.text) + len(_HAN.findall(block.text))
        if block.furniture or block.caption or weight < minimum or not block.ancestors or block.linked > 0.8:
            continue
        for share, number in zip((1.0, 0.5), reversed(block.ancestors[:-1] or block.ancestors), strict=False):
            scores[number] = scores.get(number, 0.0) + share * weight
    if not scores:
        return _article(blocks, 1) if minimum > 1 else set()
    return {max(scores, key=lambda number: (scores[number], -number))}


def _headline(reader, blocks: list[Block], first_article: int) -> str:
    headings = [b.text for b in blocks[:first_article if first_article >= 0 else len(blocks)] if b.tag == "h1"]
    inside = [b.text for b in blocks[max(first_article, 0):] if b.tag == "h1"]
    for text in (headings[-1:] + inside[:1]):
        if 3 <= len(text) <= 300:
            return text
    for key in TITLE_KEYS:
        if reader.meta.get(key):
            return reader.meta[key]
    title = " ".join("".join(reader.title_parts).split())
    site = next((reader.meta[k] for k in SITE_KEYS if reader.meta.get(k)), "")
    parts = [p.strip() for p in re.split(r"\s+[-|–—_]\s+|_", title) if p.strip()]
    if site and len(parts) > 1:
        parts = [p for p in parts if p.casefold() != site.casefold()] or parts
    return max(parts, key=len) if parts else ""


def _published(reader, info: list[str]) -> tuple[date | None, str]:
    for key in DATE_KEYS:
        when = _day(reader.meta.get(key, ""))
        if when:
            return when, f"the page's metadata ({key})"
    for written in reader.times:
        if when := _day(written):
            return when, "the page's time element"
    for line in info:
        for _, when, _ in find_dates(line):
            if when:
                return when, f"the date line {line[:60]!r}"
    return None, ""


def _language(reader) -> str:
    for declared in (reader.language, reader.meta.get("content-language", ""), reader.meta.get("og:locale", ""),
                     reader.meta.get("language", "")):
        match = _LANGUAGE.match(declared.strip())
        if match:
            return match.group("code").casefold()
    return ""


def _markdown(text: str) -> str:
    return text.translate(_MARKDOWN_SIGNS)


def _sort_blocks(page: SavedPage, blocks: list[Block], article: set[int]) -> tuple[int, list[str]]:
    """Fill the page's paragraphs, credits and removed lines; the index of the first article block and the
    short lines outside the article that may date it."""
    first, info = -1, []
    for index, block in enumerate(blocks):
        inside = bool(article & set(block.ancestors))
        if block.caption or (inside and CREDIT.match(block.text)):
            page.credits.append(block.text)
        elif not inside or block.furniture or block.linked > 0.8:
            page.removed.append(block.text)
            if len(block.text) <= 120 and first < 0:
                info.append(block.text)
        elif len(block.text) < 80 and (_FURNITURE.search(block.text) or _ISO_DAY.match(block.text)):
            page.removed.append(block.text)
            info.append(block.text)
        elif block.tag == "h1":
            continue
        else:
            first = index if first < 0 else first
            heading = block.tag in ("h2", "h3", "h4", "h5", "h6")
            page.paragraphs.append(("## " if heading else "") + _markdown(block.text))
    return first, info


def read_saved_page(data: bytes, name: str) -> SavedPage:
    """The page's facts and its article, from the bytes of a saved HTML file; PageError when unreadable."""
    reader = parse_html(decode_page(data, name), name)
    page = SavedPage()
    page.url, page.url_how = _address(reader)
    page.site_name = next((reader.meta[k] for k in SITE_KEYS if reader.meta.get(k)), "")[:200]
    first, info = _sort_blocks(page, reader.blocks, _article(reader.blocks))
    if not page.paragraphs:
        raise PageError(f"{name}: no article text found in the page: save the page itself (not a frame or a list "
                        "of articles), or copy its text into a .txt file and use that")
    page.headline = _headline(reader, reader.blocks, first)[:300]
    page.published, page.published_how = _published(reader, info)
    page.language = _language(reader)
    page.captured = _saved_day(reader)
    return page
