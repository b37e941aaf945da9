"""Dates in a readout's text: written dates, datelines, and "on Friday" counted from a reference day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}){ORDINAL}(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"),
    re.compile(r"\b(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?!\d)"),
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(?:(?P<last>last|this past)\s+|(?P<lead>on|here|there|late|early|earlier|this)\s+)?"
                       r"(?P<word>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b",
                       re.I)
_STRONG_LEAD = re.compile(r"\b(?:on|On)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$")


def _month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.rstrip(".").casefold(), 0)


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[re.Match, date | None, tuple[int, int]]]:
    """Every date in the text: (match, the date when it has a year, (month, day)); in order, without overlaps."""
    found: list[tuple[re.Match, date | None, tuple[int, int]]] = []
    taken: list[range] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            month, day = _month_number(match.group("month")), int(match.group("day"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            year = match.group("year")
            when = make_date(int(year), month, day) if year else None
            if year and when is None:
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match, when, (month, day)))
    return sorted(found, key=lambda item: item[0].start())


def with_year(month: int, day: int, anchor: date) -> date | None:
    """The latest such day that is not after the anchor (a page's date, a dateline) by more than two days."""
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        when = make_date(year, month, day)
        if when and when <= anchor + timedelta(days=2):
            return when
    return None


def _weekday_before(reference: date, weekday: int, strictly: bool) -> date:
    back = (reference.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return reference - timedelta(days=back)


def long_date(value: date) -> str:
    return f"{value.day} {value:%B} {value.year}"


@dataclass
class DateFinding:
    when: date | None = None
    how: str = ""  # for the notes: how the date was established
    phrase: str = ""
    weekday: int | None = None  # a weekday the text names, when nothing anchors it


def meeting_date(lead: list[str], reference: date | None, anchor: date) -> DateFinding:
    """The day of the meeting or call, from the first paragraphs of the text."""
    strong, other = [], []
    for paragraph in lead:
        for match, when, (month, day) in find_dates(paragraph):
            when = when or with_year(month, day, reference or anchor)
            if when is None or (reference and when > reference + timedelta(days=1)):
                continue
            (strong if _STRONG_LEAD.search(paragraph[: match.start()]) else other).append((when, match.group(0)))
    if strong or other:
        when, phrase = (strong or other)[0]
        return DateFinding(when, "date", phrase)
    for paragraph in lead:
        for match in _RELATIVE.finditer(paragraph):
            word = match.group("word").casefold()
            phrase = match.group(0)
            if word in ("today", "tonight", "yesterday"):
                if reference:
                    return DateFinding(reference - timedelta(days=word == "yesterday"), "relative", phrase)
                continue
            weekday = WEEKDAYS.index(word)
            if reference:
                return DateFinding(_weekday_before(reference, weekday, bool(match.group("last"))), "relative", phrase)
            return DateFinding(None, "weekday", phrase, weekday)
    return DateFinding()
