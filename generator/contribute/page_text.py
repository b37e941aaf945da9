"""Reading the raw page a contributor pastes: headline, date stamps, credits, paragraphs, and the
furniture around them (navigation, share buttons, photo credits, comment forms) left out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .dates import MONTH, find_dates

_TIME = r"(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_STAMP_LABEL = re.compile(r"^(?:date|published(?: on)?|updated(?: on)?|release time|time|posted(?: on)?|"
                          r"source\s*:.*?\bdate)\s*[:：]?\s*", re.I)
_STAMP_ONLY = re.compile(rf"^[(\[]?\s*(?P<stamp>\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}{_TIME}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}},?{_TIME}"
                         rf"|\d{{1,2}}\s+{MONTH}\s+\d{{4}}{_TIME})\s*[)\]]?\s*(?P<rest>.*)$")
CREDIT = re.compile(r"^\(?\s*(?:©|\(c\)|photo\s*(?:[:/]|by\b|credit)|credit\s*:|file photo|source\s*:\s*\w+/)"
                    r"|^\(?[A-Z][A-Za-z]+/[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}\)?$", re.I)
_FURNITURE = re.compile(
    r"^(?:home|首页|share|share this|print|e-?mail|tweet|facebook|twitter|whatsapp|telegram|linkedin|wechat|weibo|"
    r"copy link|font size|close|back to top|top|menu|search|login|log in|sign in|subscribe|next|previous|more|"
    r"related|tags?|keywords?|editor|source|print this page|download|news id|follow us)\b"
    r"|\bcomments?\b|comment policy|suggest to a friend|related (?:news|stories|articles|links)|most (?:read|viewed|popular)"
    r"|all rights reserved|copyright|^\[?editor\b|responsible editor|\s[>»›|]\s|中文|español|français|русский|فارسی|العربية",
    re.I)
_SENTENCE_END = re.compile(r"[.!?。！？؟][\"”’)」]?$|[\"”]$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class Page:
    title: str = ""
    title_line: str = ""
    stamps: list[date] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # Markdown blocks of the body, headings as "## ..."
    removed: list[str] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    caption: bool = False  # the first paragraph is a photo caption


def normalise(raw: str) -> list[str]:
    """The pasted text's lines: one kind of line ending, no control characters, single spaces."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s]


def suggest_title(first_paragraph: str) -> str:
    sentence = sentences(first_paragraph)[0] if first_paragraph else ""
    sentence = re.sub(r"^On [^,]{3,60},\s*", "", sentence)
    cut = re.search(r"\s(?:on the (?:sidelines|margins)|in [A-Z]|on [A-Z]|here\b|during\b|yesterday\b|today\b|"
                    r"last [A-Z]|this (?:morning|afternoon|evening)\b)|,", sentence)
    title = (sentence[: cut.start()] if cut else sentence).rstrip(" .")
    words = title.split()
    if not 3 <= len(words) <= 20:
        return ""
    return title[0].upper() + title[1:]


def _is_paragraph(line: str) -> bool:
    chinese = len(_CJK.findall(line))  # Chinese has no spaces: about two characters a word, in a Chinese text
    words = len(line.split()) + (chinese // 2 if chinese >= 10 else 0)
    return words >= 15 or (words >= 5 and bool(_SENTENCE_END.search(line)))


def _parse_stamp(text: str) -> tuple[date | None, str]:
    """A date stamp at the start of a line ('2022-07-29 23:45', '( 2023.12.11 )', 'date 2023-07-25 ...')."""
    stripped = _STAMP_LABEL.sub("", text, count=1)
    match = _STAMP_ONLY.match(stripped)
    if not match:
        return None, text
    found = find_dates(match.group("stamp"))
    if not found or found[0][1] is None:
        return None, text
    return found[0][1], match.group("rest").strip()


def _is_tag_line(line: str, tells_an_encounter: Callable[[str], bool]) -> bool:
    """Keywords under a photo ('China Iran Li Qiang Mohammad Mokhber'): capitalised words and nothing else."""
    words = line.split()
    return len(words) >= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) and not tells_an_encounter(line)


def _read_header_line(page: Page, line: str, tells_an_encounter: Callable[[str], bool],
                      names_a_publisher: Callable[[str], bool]) -> None:
    """One line above the first paragraph: a date stamp, a credit, navigation, tags or the headline."""
    stamp, rest = _parse_stamp(line)
    if stamp:
        page.stamps.append(stamp)
        page.removed.append(line if not rest else line[: len(line) - len(rest)].strip())
        line = rest
        if not line:
            return
    if CREDIT.match(line):
        page.credits.append(line)
        page.removed.append(line)
    elif (_FURNITURE.search(line) or line.casefold().startswith("home ")
          or names_a_publisher(line)):  # the site's own name
        page.navigation.append(line)
        page.removed.append(line)
        dated = [when for _, when, _ in find_dates(line) if when]
        if dated and not stamp:  # "Source: Xinhua | 2022-12-14 20:15:01 | Editor: ..."
            page.stamps.append(dated[0])
    elif _is_tag_line(line, tells_an_encounter) or line == page.title_line:  # keywords, or the headline repeated
        page.removed.append(line)
    elif len(line.split()) >= len(page.title_line.split()):  # the headline outweighs the site's name
        if page.title_line:
            page.removed.append(page.title_line)
        page.title, page.title_line = line, line
    else:
        page.removed.append(line)


def _read_body(page: Page, body: list[str]) -> None:
    following_lines = [""] * (len(body) + 1)  # the next line with text after each: one pass, not one a line
    for index in range(len(body) - 1, -1, -1):
        following_lines[index] = body[index + 1] if index + 1 < len(body) and body[index + 1] else following_lines[index + 1]
    for index, line in enumerate(body):
        if not line:
            continue
        if line == page.title_line:
            page.removed.append(line)
            continue
        if _is_paragraph(line):
            page.paragraphs.append(line)
            continue
        stamp, rest = _parse_stamp(line)
        if stamp and not rest:
            page.stamps.append(stamp)
            page.removed.append(line)
            continue
        following = following_lines[index]
        heading = (len(line.split()) <= 10 and line[:1].isupper() and not _SENTENCE_END.search(line)
                   and not _FURNITURE.search(line) and not CREDIT.match(line) and _is_paragraph(following))
        if heading:
            page.paragraphs.append("## " + line)
        else:
            page.removed.append(line)


def read_page(lines: list[str], tells_an_encounter: Callable[[str], bool],
              names_a_publisher: Callable[[str], bool] = lambda line: False) -> Page:
    """The page's parts; tells_an_encounter says whether a line describes a meeting (no tag line then),
    names_a_publisher whether a header line is a publisher's name (the site's own, in its navigation)."""
    page = Page()
    first = next((i for i, line in enumerate(lines) if _is_paragraph(line)), len(lines))
    for line in lines[:first]:  # the header: navigation, headline, date stamps, credits
        if line:
            _read_header_line(page, line, tells_an_encounter, names_a_publisher)
    page.caption = bool(page.credits) and first < len(lines) and any(
        CREDIT.match(line) for line in lines[:first][-2:] if line)
    _read_body(page, lines[first:])
    return page
