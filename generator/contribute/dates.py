"""Dates in a readout's text: written dates, datelines, and "on Friday" counted from a reference day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..archive.places import Places
from .native import own_script_dates

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
_LEAD_REACH = 60  # "on the afternoon of " and more spaces: the lead is found within this many characters


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
    taken = bytearray(len(text) + 1)  # the characters a date already found covers: linear on long pasted text
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if taken[match.start()] or taken[match.end() - 1]:
                continue
            month, day = _month_number(match.group("month")), int(match.group("day"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            year = match.group("year")
            when = make_date(int(year), month, day) if year else None
            if year and when is None:
                continue
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
            found.append((match, when, (month, day)))
    found += [item for item in own_script_dates(text) if not taken[item[0].start()]]
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


def meeting_date(lead: list[str], reference: date | None) -> DateFinding:
    """The day of the meeting or call, from the first paragraphs of the text. A date without a year
    counts only from the reference (the dateline's or the page's date): without one, never a guess."""
    strong, other = [], []
    for paragraph in lead:
        for match, when, (month, day) in find_dates(paragraph):
            when = when or (with_year(month, day, reference) if reference else None)
            if when is None or (reference and when > reference + timedelta(days=1)):
                continue
            before = paragraph[max(0, match.start() - _LEAD_REACH): match.start()]  # not the whole paragraph each time
            (strong if _STRONG_LEAD.search(before) else other).append((when, match.group(0)))
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


def named_weekday(lead: list[str]) -> int | None:
    """The weekday the text names for the meeting ("on Thursday"), if any."""
    for paragraph in lead:
        for match in _RELATIVE.finditer(paragraph):
            word = match.group("word").casefold()
            if word in WEEKDAYS:
                return WEEKDAYS.index(word)
    return None


def years_fitting(month: int, day: int, weekday: int | None, terms: list[list[tuple]], last: date) -> list[int]:
    """The years in which (month, day) falls on the weekday, while every participant held office:
    terms holds each participant's (from, to) spans (None for an open end); no span, no limit."""
    starts = [start for spans in terms for start, _ in spans if start]
    years = []
    for year in range(min(starts).year if starts else last.year - 30, last.year + 1):
        when = make_date(year, month, day)
        if when is None or when > last or (weekday is not None and when.weekday() != weekday):
            continue
        if all(any((start is None or start <= when) and (end is None or when <= end) for start, end in spans)
               for spans in terms if spans):
            years.append(year)
    return years


DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2}),?\s+)?"
    r"(?P<date>(?:" + MONTH + r"\s+\d{1,2}" + ORDINAL + r"|\d{1,2}\s+" + MONTH + r")(?:,?\s+\d{4})?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .]{0,30})\))?\s*(?P<dash>\s--\s|\s-\s|\s*[—–]\s*)")


@dataclass
class Dateline:
    city: str = ""
    agency: str = ""
    written: str = ""  # the date as the dateline writes it
    day: tuple[int, int] | None = None  # (month, day)
    when: date | None = None  # with its year, when the dateline gives one
    end: int = 0  # where the dateline ends in the first paragraph


def read_dateline(first_paragraph: str, places: Places) -> Dateline:
    """The dateline that opens the first paragraph: "Tehran, December 6th—", "TEHRAN, Jan. 14 (IRNA) –"."""
    match = DATELINE.match(first_paragraph)
    if not match or not (match.group("date") or match.group("agency") or (
            match.group("city") and (match.group("city").isupper() or places.city(match.group("city"))))):
        return Dateline()
    dateline = Dateline(city=match.group("city") or "", agency=(match.group("agency") or "").strip(),
                         written=match.group("date") or "", end=match.end())
    dates = find_dates(dateline.written)
    if dates:
        _, dateline.when, dateline.day = dates[0]
    return dateline
