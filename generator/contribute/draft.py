"""Draft a readout file from the raw text of a readout as published.

A contributor pastes the text of a published page (navigation, share buttons, photo
credits and all) and gets a file under archive/readouts/ with the front matter filled
in as far as the text allows: the headline, the day the meeting or call took place
(resolving "on Friday", "Oct. 26", "here today" against the dateline or the page's
date), the publication date, the kind, the venue, the occasion, the participants and
the initiatives (through the registries' names and aliases), and the publisher where
the page gives it away. What it cannot determine is left empty for `check` to point at,
and names it cannot resolve are listed in a comment for archive/officials.yml.

`draft_readout(raw, root)` returns a Draft; `write_draft(draft, root)` writes it and never
overwrites a file. The command line (`python -m generator new`) is a thin layer over both.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..archive import schema
from ..archive.load import load_archive, load_registry as load_registry_file
from ..archive.registry import Registry, load_registry
from ..archive.schema import SAFE_URL
from ..archive.validate import validate_archive
from ..core.model import Official, Readout
from ..core.problems import ERROR, Problem
from ..core.settings import site_settings
from ..core.text import slugify

MAX_RAW_BYTES = 1024 * 1024
SCHEMA_PATH = "data/readout.schema.json"

# The registries hold no places, so capitals and summit cities are kept here. "City, Country".
CITIES = {
    # China
    "Beijing": "China", "Shanghai": "China", "Tianjin": "China", "Chongqing": "China", "Guangzhou": "China",
    "Shenzhen": "China", "Hangzhou": "China", "Nanjing": "China", "Xiamen": "China", "Qingdao": "China",
    "Chengdu": "China", "Xi'an": "China", "Wuhan": "China", "Kunming": "China", "Urumqi": "China",
    "Boao": "China", "Sanya": "China", "Dalian": "China", "Harbin": "China", "Changsha": "China",
    "Fuzhou": "China", "Hong Kong": "China", "Macao": "China", "Lhasa": "China",
    # Iran
    "Tehran": "Iran", "Isfahan": "Iran", "Mashhad": "Iran", "Shiraz": "Iran", "Tabriz": "Iran", "Qom": "Iran",
    "Bandar Abbas": "Iran", "Kish": "Iran", "Ahvaz": "Iran", "Kerman": "Iran", "Yazd": "Iran", "Chabahar": "Iran",
    # SCO, BRICS and other summit cities, and capitals
    "Moscow": "Russia", "St. Petersburg": "Russia", "Saint Petersburg": "Russia", "Kazan": "Russia",
    "Ufa": "Russia", "Sochi": "Russia", "Vladivostok": "Russia",
    "Astana": "Kazakhstan", "Nur-Sultan": "Kazakhstan", "Almaty": "Kazakhstan",
    "Bishkek": "Kyrgyzstan", "Cholpon-Ata": "Kyrgyzstan", "Dushanbe": "Tajikistan",
    "Tashkent": "Uzbekistan", "Samarkand": "Uzbekistan", "Ashgabat": "Turkmenistan",
    "Baku": "Azerbaijan", "Yerevan": "Armenia", "Tbilisi": "Georgia", "Minsk": "Belarus",
    "New Delhi": "India", "Goa": "India", "Islamabad": "Pakistan", "Kabul": "Afghanistan",
    "Kathmandu": "Nepal", "Colombo": "Sri Lanka", "Dhaka": "Bangladesh",
    "Johannesburg": "South Africa", "Pretoria": "South Africa", "Cape Town": "South Africa", "Durban": "South Africa",
    "Brasilia": "Brazil", "Brasília": "Brazil", "Rio de Janeiro": "Brazil", "Buenos Aires": "Argentina",
    "Lima": "Peru", "Caracas": "Venezuela", "Havana": "Cuba",
    "New York": "United States", "Washington": "United States", "San Francisco": "United States",
    "Geneva": "Switzerland", "Davos": "Switzerland", "Vienna": "Austria", "Berlin": "Germany", "Munich": "Germany",
    "Paris": "France", "London": "United Kingdom", "Rome": "Italy", "Brussels": "Belgium", "Madrid": "Spain",
    "Belgrade": "Serbia", "Budapest": "Hungary", "Athens": "Greece", "Oslo": "Norway", "Stockholm": "Sweden",
    "Riyadh": "Saudi Arabia", "Jeddah": "Saudi Arabia", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates",
    "Dubai": "United Arab Emirates", "Muscat": "Oman", "Kuwait City": "Kuwait", "Manama": "Bahrain",
    "Baghdad": "Iraq", "Damascus": "Syria", "Beirut": "Lebanon", "Amman": "Jordan", "Sanaa": "Yemen",
    "Cairo": "Egypt", "Sharm el-Sheikh": "Egypt", "Ankara": "Turkey", "Istanbul": "Turkey",
    "Algiers": "Algeria", "Tunis": "Tunisia", "Rabat": "Morocco", "Addis Ababa": "Ethiopia", "Nairobi": "Kenya",
    "Dakar": "Senegal", "Abuja": "Nigeria",
    "Jakarta": "Indonesia", "Bali": "Indonesia", "Kuala Lumpur": "Malaysia", "Singapore": "Singapore",
    "Bangkok": "Thailand", "Hanoi": "Vietnam", "Phnom Penh": "Cambodia", "Vientiane": "Laos", "Manila": "Philippines",
    "Tokyo": "Japan", "Osaka": "Japan", "Hiroshima": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Ulaanbaatar": "Mongolia",
}
COUNTRIES = set(CITIES.values()) | {
    "Kyrgyz Republic", "Türkiye", "UAE", "USA", "UK", "Iraq", "Azerbaijan", "Qatar", "Oman",
}
_CITY_BY_FOLD = {name.casefold(): name for name in CITIES}

# Publishers recognisable from a page's address, its navigation or its credits.
PUBLISHER_HOSTS = {
    "fmprc.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "mfa.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "un.china-mission.gov.cn": "Permanent Mission of the People's Republic of China to the UN",
    "china-mission.gov.cn": "Permanent Mission of the People's Republic of China to the UN",
    "idcpc.org.cn": "International Department of the CPC Central Committee",
    "gov.cn": "The State Council of the People's Republic of China",
    "xinhuanet.com": "Xinhua News Agency", "news.cn": "Xinhua News Agency",
    "cgtn.com": "CGTN", "chinadaily.com.cn": "China Daily", "globaltimes.cn": "Global Times",
    "irna.ir": "Islamic Republic News Agency (IRNA)", "mfa.ir": "Ministry of Foreign Affairs of the Islamic Republic of Iran",
    "mfa.gov.ir": "Ministry of Foreign Affairs of the Islamic Republic of Iran",
    "president.ir": "Office of the President of the Islamic Republic of Iran",
    "tehrantimes.com": "Tehran Times", "presstv.ir": "Press TV", "mehrnews.com": "Mehr News Agency",
    "tasnimnews.com": "Tasnim News Agency", "isna.ir": "Iranian Students' News Agency (ISNA)",
    "ifpnews.com": "IFP News",
}
AGENCIES = {
    "xinhua": "Xinhua News Agency", "irna": "Islamic Republic News Agency (IRNA)", "mna": "Mehr News Agency",
    "mehr": "Mehr News Agency", "tasnim": "Tasnim News Agency", "isna": "Iranian Students' News Agency (ISNA)",
    "ifp": "IFP News", "cgtn": "CGTN",
}
_NAVIGATION_PUBLISHERS = (
    (re.compile(r"China\s*&\s*UN\b|Permanent Mission of (?:the People's Republic of )?China", re.I),
     "Permanent Mission of the People's Republic of China to the UN"),
    (re.compile(r"Ministry of Foreign Affairs,? (?:of )?the People's Republic of China", re.I),
     "Ministry of Foreign Affairs of the People's Republic of China"),
    (re.compile(r"Ministry of Foreign Affairs,? (?:of )?the Islamic Republic of Iran", re.I),
     "Ministry of Foreign Affairs of the Islamic Republic of Iran"),
    (re.compile(r"International Department,? Central Committee of CPC|International Department of the CPC", re.I),
     "International Department of the CPC Central Committee"),
)

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}){_ORDINAL}(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?(?!\d)"),
    re.compile(r"\b(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?!\d)"),
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(?:(?P<last>last|this past)\s+|(?P<lead>on|here|there|late|early|earlier|this)\s+)?"
                       r"(?P<word>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b",
                       re.I)
_STRONG_LEAD = re.compile(r"\b(?:on|On)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$")

_TIME = r"(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_STAMP_LABEL = re.compile(r"^(?:date|published(?: on)?|updated(?: on)?|release time|time|posted(?: on)?|"
                          r"source\s*:.*?\bdate)\s*[:：]?\s*", re.I)
_STAMP_ONLY = re.compile(rf"^[(\[]?\s*(?P<stamp>\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}{_TIME}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}},?{_TIME}"
                         rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}{_TIME})\s*[)\]]?\s*(?P<rest>.*)$")

_CUES = (  # the kind of encounter, as the text words it; checked in this order within one sentence
    ("video call", re.compile(r"\bvideo[- ](?:call|link|conference|talks?|meeting)\b|\bvia video\b|\bvirtual (?:meeting|talks)\b", re.I)),
    ("phone call", re.compile(r"\b(?:tele)?phone\b", re.I)),
    ("message", re.compile(r"\b(?:sent|sends|send|exchanged|exchange)\s+(?:(?:a|an|congratulatory|condolence|"
                           r"messages? of|letters? of)\s+)*(?:messages?|letters?|cables?)\b|\bcongratulatory (?:message|letter)\b", re.I)),
    ("talks", re.compile(r"\b(?:held|holds|hold|holding)\s+(?:\w+\s+)?talks\b|\btalks with\b", re.I)),
    ("meeting", re.compile(r"\b(?:met|meets?|meeting with|received|receives|receiving|called on|calls on)\b", re.I)),
)
_OCCASION = re.compile(r"\b(?:on the (?:sidelines|margins) of|while attending|during (?=the [^,.]*?\b(?:[Ss]ummit|[Ss]ession|"
                       r"[Ff]orum|[Cc]onference|[Mm]eeting)\b))\s+(?:the\s+)?(?P<occasion>[^,;]+?)"
                       r"(?=,|;| in [A-Z]| on [A-Z]| on the | held | which |\.(?:\s|$)|$)")
_IN_CITY_COUNTRY = re.compile(r"\bin (?P<city>[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|el-[A-Z]\w*|de)){0,2}), "
                              r"(?P<country>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")
_IN_CITY = re.compile(r"\b(?:in|at) (?P<city>" + "|".join(sorted(map(re.escape, CITIES), key=len, reverse=True)) + r")\b")
_HERE = re.compile(r"\bhere\b", re.I)
_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2}),?\s+)?"
    r"(?P<date>(?:" + _MONTH + r"\s+\d{1,2}" + _ORDINAL + r"|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .]{0,30})\))?\s*(?P<dash>\s--\s|\s-\s|\s*[—–]\s*)")
_TITLES = (r"(?:(?:Vice|Deputy|Prime|Foreign|First|Executive|Special|Chief|Acting|Assistant|State|Supreme)\s+)*"
           r"(?:President|Premier|Minister|Secretary|Ambassador|Speaker|Chairman|Chairwoman|Chair|Director|Envoy|"
           r"Counselor|Councillor|Councilor|Governor|Mayor|Commander|Spokesperson|Spokesman|Leader|Ayatollah|"
           r"Vice-President|Chancellor|King|Emir|Sheikh|Crown Prince)(?:[- ]General)?")
_TITLED_NAME = re.compile(_TITLES + r"\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-\w+|bin|ibn|de|van|von)){0,3})")
_NOT_A_NAME = {"of", "the", "and", "for", "to", "said", "says", "will", "has", "had", "also", "in", "on", "with",
               "general", "office", "council", "ministry", "department", "committee", "assembly", "republic",
               "state", "people", "government", "party", "chinese", "iranian", "china", "iran", "islamic"}
_CREDIT = re.compile(r"^\(?\s*(?:©|\(c\)|photo\s*(?:[:/]|by\b|credit)|credit\s*:|file photo|source\s*:\s*\w+/)"
                     r"|^\(?[A-Z][A-Za-z]+/[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}\)?$", re.I)
_FURNITURE = re.compile(
    r"^(?:home|首页|share|share this|print|e-?mail|tweet|facebook|twitter|whatsapp|telegram|linkedin|wechat|weibo|"
    r"copy link|font size|close|back to top|top|menu|search|login|log in|sign in|subscribe|next|previous|more|"
    r"related|tags?|keywords?|editor|source|print this page|download|news id|follow us)\b"
    r"|\bcomments?\b|comment policy|suggest to a friend|related (?:news|stories|articles|links)|most (?:read|viewed|popular)"
    r"|all rights reserved|copyright|^\[?editor\b|responsible editor|\s[>»›|]\s|中文|español|français|русский|فارسی|العربية",
    re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$|[\"”]$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class DraftError(Exception):
    """The draft cannot be made or written; the message says why."""


@dataclass
class Draft:
    path: str  # where it goes, relative to the project root: archive/readouts/<year>/<date>-<slug>.md
    text: str  # the whole file
    fields: dict  # what the text gave: title, date, kind, venue, occasion, officials, initiatives, source, notes
    undetermined: list[str] = field(default_factory=list)  # what the contributor must fill in or check
    unresolved: list[str] = field(default_factory=list)  # names after a title that no registry entry matches
    mentioned: list[str] = field(default_factory=list)  # registry officials named but not taken as participants
    removed: list[str] = field(default_factory=list)  # lines left out as page furniture


# ------------------------------------------------------------------ reading the page


@dataclass
class _Page:
    title: str = ""
    title_line: str = ""
    stamps: list[date] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # Markdown blocks of the body, headings as "## ..."
    removed: list[str] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    caption: bool = False  # the first paragraph is a photo caption


def _normalise(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def _words(line: str) -> list[str]:
    return line.split()


def _is_paragraph(line: str) -> bool:
    words = len(_words(line))
    return words >= 15 or (words >= 5 and bool(_SENTENCE_END.search(line)))


def _parse_stamp(text: str) -> tuple[date | None, str]:
    """A date stamp at the start of a line ('2022-07-29 23:45', '( 2023.12.11 )', 'date 2023-07-25 ...')."""
    stripped = _STAMP_LABEL.sub("", text, count=1)
    match = _STAMP_ONLY.match(stripped)
    if not match:
        return None, text
    found = _find_dates(match.group("stamp"))
    if not found or found[0][1] is None:
        return None, text
    return found[0][1], match.group("rest").strip()


def _is_tag_line(line: str) -> bool:
    """Keywords under a photo ('China Iran Li Qiang Mohammad Mokhber'): capitalised words and nothing else."""
    words = _words(line)
    return len(words) >= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) and not any(
        cue.search(line) for _, cue in _CUES)


def _read_page(lines: list[str]) -> _Page:
    page = _Page()
    first = next((i for i, line in enumerate(lines) if _is_paragraph(line)), len(lines))
    for line in lines[:first]:  # the header: navigation, headline, date stamps, credits
        if not line:
            continue
        stamp, rest = _parse_stamp(line)
        if stamp:
            page.stamps.append(stamp)
            page.removed.append(line if not rest else line[: len(line) - len(rest)].strip())
            line = rest
            if not line:
                continue
        if _CREDIT.match(line):
            page.credits.append(line)
            page.removed.append(line)
        elif (_FURNITURE.search(line) or line.casefold().startswith("home ")
              or any(pattern.search(line) for pattern, _ in _NAVIGATION_PUBLISHERS)):  # the site's own name
            page.navigation.append(line)
            page.removed.append(line)
            dated = [when for _, when, _ in _find_dates(line) if when]
            if dated and not stamp:  # "Source: Xinhua | 2022-12-14 20:15:01 | Editor: ..."
                page.stamps.append(dated[0])
        elif _is_tag_line(line) or line == page.title_line:  # keywords, or the headline repeated
            page.removed.append(line)
        elif len(_words(line)) >= len(_words(page.title_line)):  # the headline outweighs the site's name
            if page.title_line:
                page.removed.append(page.title_line)
            page.title, page.title_line = line, line
        else:
            page.removed.append(line)
    page.caption = bool(page.credits) and first < len(lines) and any(
        _CREDIT.match(line) for line in lines[:first][-2:] if line)
    body = lines[first:]
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
        following = next((later for later in body[index + 1:] if later), "")
        heading = (len(_words(line)) <= 10 and line[:1].isupper() and not _SENTENCE_END.search(line)
                   and not _FURNITURE.search(line) and not _CREDIT.match(line) and _is_paragraph(following))
        if heading:
            page.paragraphs.append("## " + line)
        else:
            page.removed.append(line)
    return page


# ------------------------------------------------------------------ dates


def _month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.rstrip(".").casefold(), 0)


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _find_dates(text: str) -> list[tuple[re.Match, date | None, tuple[int, int]]]:
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
            when = _make_date(int(year), month, day) if year else None
            if year and when is None:
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match, when, (month, day)))
    return sorted(found, key=lambda item: item[0].start())


def _with_year(month: int, day: int, anchor: date) -> date | None:
    """The latest such day that is not after the anchor (a page's date, a dateline) by more than two days."""
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        when = _make_date(year, month, day)
        if when and when <= anchor + timedelta(days=2):
            return when
    return None


def _weekday_before(reference: date, weekday: int, strictly: bool) -> date:
    back = (reference.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return reference - timedelta(days=back)


@dataclass
class _DateFinding:
    when: date | None = None
    how: str = ""  # for the notes: how the date was established
    phrase: str = ""
    weekday: int | None = None  # a weekday the text names, when nothing anchors it


def _meeting_date(lead: list[str], reference: date | None, anchor: date) -> _DateFinding:
    """The day of the meeting or call, from the first paragraphs of the text."""
    strong, other = [], []
    for paragraph in lead:
        for match, when, (month, day) in _find_dates(paragraph):
            when = when or _with_year(month, day, reference or anchor)
            if when is None or (reference and when > reference + timedelta(days=1)):
                continue
            (strong if _STRONG_LEAD.search(paragraph[: match.start()]) else other).append((when, match.group(0)))
    if strong or other:
        when, phrase = (strong or other)[0]
        return _DateFinding(when, "date", phrase)
    for paragraph in lead:
        for match in _RELATIVE.finditer(paragraph):
            word = match.group("word").casefold()
            phrase = match.group(0)
            if word in ("today", "tonight", "yesterday"):
                if reference:
                    return _DateFinding(reference - timedelta(days=word == "yesterday"), "relative", phrase)
                continue
            weekday = _WEEKDAYS.index(word)
            if reference:
                return _DateFinding(_weekday_before(reference, weekday, bool(match.group("last"))), "relative", phrase)
            return _DateFinding(None, "weekday", phrase, weekday)
    return _DateFinding()


# ------------------------------------------------------------------ the rest of the front matter


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s]


def _kind(title: str, lead: list[str]) -> tuple[str, str]:
    """The kind, and the sentence that says so."""
    for kind, cue in _CUES:
        if title and cue.search(title):
            return kind, title
    for paragraph in lead:
        for sentence in _sentences(paragraph):
            for kind, cue in _CUES:
                if cue.search(sentence):
                    return kind, sentence
    return "", ""


def _venue(lead: list[str], event_sentence: str, dateline_city: str) -> tuple[str, str]:
    """'City, Country', or ('', a city it found but could not place)."""
    sentences = [event_sentence] + [s for p in lead for s in _sentences(p) if s != event_sentence]
    for sentence in sentences:
        candidates = []
        for match in _IN_CITY_COUNTRY.finditer(sentence):
            if match.group("country") in COUNTRIES:
                candidates.append((match.start(), f"{match.group('city')}, {match.group('country')}"))
        for match in _IN_CITY.finditer(sentence):
            candidates.append((match.start(), f"{match.group('city')}, {CITIES[match.group('city')]}"))
        if candidates:
            return min(candidates)[1], ""
        if dateline_city and _HERE.search(sentence):
            city = _CITY_BY_FOLD.get(dateline_city.casefold())
            return (f"{city}, {CITIES[city]}", "") if city else ("", dateline_city.title())
    return "", ""


def _occasion(lead: list[str]) -> str:
    found = [m.group("occasion").strip() for p in lead for m in _OCCASION.finditer(p)]
    found = [f for f in found if 2 <= len(f.split()) <= 30]
    return min(found, key=len) if found else ""


def _participants(registry: Registry, title: str, lead: list[str], event_sentence: str) -> list[Official]:
    """Officials named in the headline, in the first sentence, and in the sentence that describes the encounter."""
    first_sentence = _sentences(lead[0])[0] if lead and _sentences(lead[0]) else ""
    found: dict[str, Official] = {}
    for text in (title, first_sentence, event_sentence):
        for official in registry.mentioned_officials(text):
            found.setdefault(official.slug, official)
    return list(found.values())


def _unresolved_names(registry: Registry, text: str) -> list[str]:
    """Capitalised names after a title ('Foreign Minister Hossein Amir-Abdollahian') that no entry matches."""
    names: dict[str, str] = {}
    for match in _TITLED_NAME.finditer(text):
        words = match.group("name").split()
        while words and words[-1].casefold() in _NOT_A_NAME:
            words.pop()
        if not words or words[0].casefold() in _NOT_A_NAME:
            continue
        name = " ".join(words).rstrip("’'").removesuffix("’s").removesuffix("'s")
        if any(registry.official(" ".join(words[:n])) for n in range(len(words), 0, -1)) or registry.mentioned_officials(name):
            continue
        names.setdefault(name, match.group(0))
    return list(names)


def _publisher(page: _Page, url: str, agency: str) -> tuple[str, str]:
    """The publisher, and how it was recognised."""
    host = re.sub(r"^https?://(?:www\.|english\.|en\.)?", "", url).split("/")[0].split(":")[0].casefold()
    for suffix, name in sorted(PUBLISHER_HOSTS.items(), key=lambda item: -len(item[0])):
        if host == suffix or host.endswith("." + suffix):
            return name, "address"
    for line in page.navigation + ([page.title] if page.title else []):
        for pattern, name in _NAVIGATION_PUBLISHERS:
            if pattern.search(line):
                return name, "navigation"
    if agency and agency.casefold() in AGENCIES:
        return AGENCIES[agency.casefold()], "dateline"
    for credit in page.credits:
        for key, name in AGENCIES.items():
            if re.search(rf"\b{key}\b", credit, re.I):
                return name, "photo credit"
    return "", ""


def _language(text: str) -> str:
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if han > latin and han >= arabic:
        return "zh"
    if arabic > latin:
        return "fa"
    return "en"


def _suggest_title(first_paragraph: str) -> str:
    sentence = _sentences(first_paragraph)[0] if first_paragraph else ""
    sentence = re.sub(r"^On [^,]{3,60},\s*", "", sentence)
    cut = re.search(r"\s(?:on the (?:sidelines|margins)|in [A-Z]|on [A-Z]|here\b|during\b|yesterday\b|today\b|"
                    r"last [A-Z]|this (?:morning|afternoon|evening)\b)|,", sentence)
    title = (sentence[: cut.start()] if cut else sentence).rstrip(" .")
    words = title.split()
    if not 3 <= len(words) <= 20:
        return ""
    return title[0].upper() + title[1:]


def _long(value: date) -> str:
    return f"{value.day} {value:%B} {value.year}"


# ------------------------------------------------------------------ writing YAML

_PLAIN = re.compile(r"^[A-Za-z][\w .,'’()–-]*[\w.)’]$")
_YAML_WORDS = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def _yaml(value, quoted: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if not quoted and re.match(r"^https?://[^\s#]+$", text):
        return text
    if not quoted and _PLAIN.match(text) and ": " not in text and " #" not in text and text.casefold() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _comment(text: str) -> str:
    return " ".join(text.split()).replace("<", "‹").replace(">", "›")


def _front_matter(fields: dict, schema_url: str, comments: dict[str, str], remarks: list[str]) -> str:
    lines = ["---", f"# yaml-language-server: $schema={schema_url}"]

    def field_line(key: str, value, indent: str = "") -> None:
        note = f"  # {_comment(comments[key])}" if key in comments else ""
        if value in (None, "", []):
            lines.append(f"{indent}{key}:{note}")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:{note}")
            lines.extend(f"{indent}  - {_yaml(item)}" for item in value)
        else:
            lines.append(f"{indent}{key}: {_yaml(value, quoted=key in ('title', 'notes'))}{note}")

    for key in ("id", "title", "title_supplied", "date", "kind", "venue", "occasion", "officials", "initiatives"):
        if fields.get(key) or key in comments:
            field_line(key, fields.get(key))
    lines.append("source:")
    for key in ("publisher", "url", "published", "language", "captured"):
        if fields["source"].get(key) or ("source." + key) in comments:
            note = comments.get("source." + key)
            value = fields["source"].get(key)
            suffix = f"  # {_comment(note)}" if note else ""
            lines.append(f"  {key}:{suffix}" if not value else f"  {key}: {_yaml(value)}{suffix}")
    if fields.get("inferred"):
        lines.append("inferred:")
        lines.extend(f"  {key}: {_yaml(basis, quoted=True)}" for key, basis in fields["inferred"].items())
    field_line("added", fields["added"])
    if fields.get("notes"):
        field_line("notes", fields["notes"])
    lines.extend("# " + _comment(remark) if remark else "#" for remark in remarks)
    lines.append("---")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ the draft


def _load_registry(root: Path) -> Registry:
    problems: list[Problem] = []
    officials, found = load_registry_file(root / "archive" / "officials.yml", root)
    problems += found
    initiatives, found = load_registry_file(root / "archive" / "initiatives.yml", root)
    problems += found
    registry = load_registry(officials, initiatives, problems)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise DraftError("the registries have errors; run python -m generator check first:\n"
                         + "\n".join(p.text() for p in errors[:10]))
    return registry


def _archive_readouts(root: Path) -> list[Readout]:
    _, readouts, _ = validate_archive(load_archive(root))
    return readouts


def _same_encounter(root: Path, officials: list[Official], kind: str, weekday: int, before: date | None) -> Readout | None:
    """The one readout in the archive of the same participants (and kind) on such a weekday: another account."""
    wanted = {o.slug for o in officials}
    found = {r.date: r for r in _archive_readouts(root)
             if {o.slug for o in r.officials} == wanted and (not kind or r.kind == kind)
             and r.date.weekday() == weekday and (before is None or r.date <= before)}
    return found[max(found)] if len(found) == 1 else None


def draft_readout(raw: str, root: Path, *, url: str = "", publisher: str = "", today: date | None = None,
                  registry: Registry | None = None) -> Draft:
    """The draft of a readout file from the raw text of the published page."""
    today = today or date.today()
    registry = registry or _load_registry(root)
    page = _read_page(_normalise(raw))
    if not page.paragraphs:
        raise DraftError("no paragraph of text found: paste the readout's text as published")
    undetermined: list[str] = []
    notes: list[str] = []
    inferred: dict[str, str] = {}  # field → how the archive worked its value out
    comments: dict[str, str] = {}

    # the dateline opens the first paragraph: "Tehran, December 6th—", "TEHRAN, Jan. 14 (IRNA) –"
    dateline = _DATELINE.match(page.paragraphs[0])
    city = agency = ""
    dateline_day: tuple[int, int] | None = None
    dateline_date: date | None = None
    if dateline and (dateline.group("date") or dateline.group("agency") or (
            dateline.group("city") and (dateline.group("city").isupper() or dateline.group("city").casefold() in _CITY_BY_FOLD))):
        city, agency = dateline.group("city") or "", (dateline.group("agency") or "").strip()
        dates = _find_dates(dateline.group("date") or "")
        if dates:
            _, dateline_date, dateline_day = dates[0]
    else:
        dateline = None

    published = min(page.stamps) if page.stamps else None
    if dateline_day and not dateline_date:
        dateline_date = _with_year(*dateline_day, published or today)
        if not published:
            undetermined.append(f"the year of the dateline {dateline.group('date')!r} (taken as {dateline_date.year if dateline_date else '?'})")
    if not published and dateline_date and dateline and dateline.group("date") and re.search(r"\d{4}", dateline.group("date")):
        published = dateline_date
    reference = dateline_date or published

    lead = page.paragraphs[:4]
    lead_text = [lead[0][dateline.end():] if dateline else lead[0]] + lead[1:]  # the dateline is no date of the meeting
    lead_text = [p for p in lead_text if not p.startswith("## ")]

    title = page.title
    if not title:
        title = _suggest_title(lead_text[0] if lead_text else "")
        if title:
            notes.append("The page shows no headline; the title is the archive's own.")
            comments["title"] = "suggested from the first sentence: the page shows no headline"
        else:
            comments["title"] = "the headline as published"
            undetermined.append("title")

    kind, event_sentence = _kind(title if page.title else "", lead_text)
    if not kind:
        comments["kind"] = " | ".join(schema.KINDS)
        undetermined.append("kind")
    officials = _participants(registry, page.title, lead_text, event_sentence)
    if not officials:
        undetermined.append("officials (no name from archive/officials.yml in the headline or the first sentences)")

    finding = _meeting_date(lead_text, reference, today)
    when = finding.when
    if finding.how == "relative":
        source_of = "the dateline" if dateline_date else "the page's date"
        notes.append(f"The text says the {kind or 'meeting'} took place \"{finding.phrase}\", which is {_long(when)}, "
                     f"counted from {source_of}.")
        inferred["date"] = f"From \"{finding.phrase}\" in the text, counted from {source_of}."
    elif finding.how == "weekday":
        other = _same_encounter(root, officials, kind, finding.weekday, None) if officials else None
        if other:
            when = other.date
            notes.append(f"The text says the {kind or 'meeting'} took place \"{finding.phrase}\" and the page shows no "
                         f"date; {_long(when)} is the date of another account of the same {kind or 'meeting'} in the "
                         f"archive ({other.source_path}).")
            inferred["date"] = (f"From \"{finding.phrase}\" in the text: the date of another account of the same "
                                f"{kind or 'meeting'} ({other.id}).")
        else:
            undetermined.append(f"date (the text says {finding.phrase!r} but gives no date to count from)")
    if when is None and finding.how != "weekday":
        undetermined.append("date")
    if when is None:
        comments["date"] = "the day the meeting or call took place, as YYYY-MM-DD"
    if when and published and published != when:
        notes.append(f"The page is dated {_long(published)}.")

    venue = ""
    if kind in schema.IN_PERSON_KINDS or not kind:
        venue, unplaced = _venue(lead_text, event_sentence, city)
        if not venue and kind:
            comments["venue"] = "City, Country" + (f": {unplaced}, but which country?" if unplaced else "")
            undetermined.append("venue")
    occasion = _occasion(lead_text)

    initiatives = [i.name for i, _ in registry.mentioned_initiatives(title + "\n\n" + "\n\n".join(page.paragraphs))]
    participants = {o.slug for o in officials}
    body_text = "\n\n".join(page.paragraphs)
    mentioned = [o.name for o in registry.mentioned_officials(body_text) if o.slug not in participants]
    unresolved = _unresolved_names(registry, page.title + "\n" + body_text)

    found_publisher, how = _publisher(page, url, agency)
    publisher = publisher or found_publisher
    if publisher and how == "photo credit" and publisher == found_publisher:
        notes.append(f"The publisher is identified from the photo credit ({page.credits[0].lstrip('©(c) ').split('/')[0]}).")
        inferred["source.publisher"] = f"From the photo credit ({page.credits[0]})."
    if not publisher:
        comments["source.publisher"] = "who published the page: not found in the text (use --publisher)"
        undetermined.append("source.publisher")
    if not url:
        comments["source.url"] = "the page's address, https://... (use --url)"
        undetermined.append("source.url")
    if not published:
        comments["source.published"] = "the day the page was published, YYYY-MM-DD, when known"
        undetermined.append("source.published")

    paragraphs = list(page.paragraphs)
    if page.caption and not paragraphs[0].startswith("## ") and "*" not in paragraphs[0]:
        paragraphs[0] = f"*{paragraphs[0]}*"
        notes.append("The opening paragraph in italics is the photo caption.")

    path = _draft_path(title, when)
    fields = {
        "id": Path(path).stem, "title": title, "title_supplied": not page.title and bool(title), "date": when, "kind": kind, "venue": venue if kind in schema.IN_PERSON_KINDS or not kind else "",
        "occasion": occasion, "officials": [o.name for o in officials], "initiatives": initiatives,
        "source": {"publisher": publisher, "url": url, "published": published, "language": _language(body_text),
                   "captured": today},
        "inferred": {key: inferred[key] for key in schema.INFERABLE if key in inferred}, "added": today,
        "notes": " ".join(notes),
    }
    if not fields["venue"]:
        fields.pop("venue")
    remarks: list[str] = []
    if unresolved:
        remarks += ["Names not in archive/officials.yml: add each there (name, native, country, aliases,",
                    "positions), then list them under 'officials' if they took part:"]
        remarks += [f"  - {name}" for name in unresolved]
    if mentioned:
        remarks += ["Also named in the text, not listed as taking part (if they did not, say so in 'notes'):"]
        remarks += [f"  - {name}" for name in mentioned]
    if remarks:
        remarks.append("Review every field against the source, then run: python -m generator check FILE")

    schema_url = _site_url(root) + SCHEMA_PATH
    text = _front_matter(fields, schema_url, comments, remarks) + "\n\n".join(paragraphs) + "\n"
    return Draft(path=path, text=text, fields=fields, undetermined=undetermined,
                 unresolved=unresolved, mentioned=mentioned, removed=page.removed)


def _site_url(root: Path) -> str:
    url = site_settings(root)["url"]
    return url if url.startswith(("http://", "https://")) else "/"


def _draft_path(title: str, when: date | None) -> str:
    head = re.split(r"[,:;]", title, maxsplit=1)[0] if title else "untitled"
    words = slugify(head if len(head.split()) >= 4 else title, max_words=8)  # "Wang Yi Meets with Ahmadian, Secretary of ..."
    if when:
        return f"archive/readouts/{when.year}/{when.isoformat()}-{words}.md"
    return f"archive/readouts/undated/undated-{words}.md"


def valid_url(url: str) -> bool:
    """An address the check accepts for 'source.url'."""
    return bool(SAFE_URL.match(url))


def read_raw(source: str, stdin=None) -> str:
    """The raw text from a file, or from standard input for '-'; refused when too large or not UTF-8."""
    import sys

    try:
        if source == "-":
            data = (stdin or sys.stdin.buffer).read(MAX_RAW_BYTES + 1)
        else:
            path = Path(source)
            if not path.is_file():
                raise DraftError(f"{source}: no such file")
            with path.open("rb") as stream:
                data = stream.read(MAX_RAW_BYTES + 1)
    except OSError as error:
        raise DraftError(f"{source}: cannot be read: {error.strerror}") from None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_RAW_BYTES:
        raise DraftError(f"{source}: over {MAX_RAW_BYTES:,} bytes: paste the readout's page, not a whole site")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftError(f"{source}: not UTF-8 (byte {error.start}): save the text as UTF-8") from None
    if not text.strip():
        raise DraftError(f"{source}: empty: paste the readout's text as published")
    return text


def write_draft(draft: Draft, root: Path, output: Path | None = None) -> Path:
    """Write the draft to its path (or output); never over an existing file."""
    target = output if output is not None else root / draft.path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:
            stream.write(draft.text)
    except FileExistsError:
        raise DraftError(f"{target} already exists: it is left as it is (choose another path with --output)") from None
    except OSError as error:
        raise DraftError(f"{target}: cannot be written: {error.strerror}") from None
    return target
