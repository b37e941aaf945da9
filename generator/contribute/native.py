"""Chinese and Persian pages: names, places and dates in their own scripts.

Chinese runs its words together and Persian joins some with a zero-width non-joiner, so a
registry name in either script is looked for as a run of letters, spaces and joiners left out
and Arabic letter forms folded to the Persian ones, rather than as whole words. Only names
written in those scripts (native names, and aliases such as a Chinese transliteration) are
looked for this way, and only in text that holds such letters.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..archive.places import Place, Places
from ..archive.registry import Registry
from ..core.model import Official

_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "\u200c": None, "\u200d": None, " ": None, "·": None, "•": None})
_OWN_SCRIPT = re.compile(r"[\u4e00-\u9fff\u0600-\u06ff]")


def _folded(text: str) -> str:
    return text.translate(_FOLD)


def has_own_script(text: str) -> bool:
    return bool(_OWN_SCRIPT.search(text))


def named_officials(registry: Registry, text: str) -> list[Official]:
    """Officials whose native name or an alias in Chinese or Persian script stands in the text, in order."""
    folded = _folded(text)
    found = []
    for official in registry.officials:
        names = [n for n in (official.native, *official.aliases) if n and has_own_script(n)]
        offsets = [folded.find(_folded(n)) for n in names if len(_folded(n)) >= 2]
        offsets = [o for o in offsets if o >= 0]
        if offsets:
            found.append((min(offsets), official))
    return [official for _, official in sorted(found, key=lambda item: item[0])]


def named_place(places: Places, text: str) -> Place | None:
    """The place named after 在 ('in', Chinese) or در ('in', Persian), by its native name or an alias in that script."""
    folded = _folded(text)
    best = None
    for place in places.places:
        for name in (place.native, *place.aliases):
            if not name or not has_own_script(name):
                continue
            for lead in ("在", "در", "于"):
                at = folded.find(_folded(lead + name))
                if at >= 0 and (best is None or at < best[0]):
                    best = (at, place)
    return best[1] if best else None


_JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
JALALI_DATE = re.compile(r"(?P<day>\d{1,2})\s*(?P<month>" + "|".join(_JALALI_MONTHS) + r")(?:\s*(?:ماه\s*)?(?P<year>\d{4}))?")
CHINESE_DATE = re.compile(r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """A day of the Solar Hijri calendar Iran's pages are dated in, as a Gregorian date (the arithmetic
    rule of 33-year cycles, exact for the years a readout can have: 1178 to 1633 SH)."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    days = 365 * (year - 1) + (8 * year + 21) // 33 + (31 * (month - 1) if month <= 7 else 186 + 30 * (month - 7)) + day
    return date(622, 3, 20) + timedelta(days=days)  # day 1 of year 1 SH is 19 March 622 (Julian; proleptic: 22)


def own_script_dates(text: str) -> list[tuple[re.Match, date | None, tuple[int, int] | None]]:
    """Chinese (2024年3月12日, 3月12日) and Persian (۲۲ اسفند ۱۴۰۲) dates, Gregorian; a Persian date without
    its year has no Gregorian day and month, so it is given as None."""
    found = []
    for match in CHINESE_DATE.finditer(text):
        month, day = int(match.group("month")), int(match.group("day"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            year = match.group("year")
            try:
                found.append((match, date(int(year), month, day) if year else None, (month, day)))
            except ValueError:
                continue
    for match in JALALI_DATE.finditer(text):
        if match.group("year"):
            when = jalali_to_gregorian(int(match.group("year")), _JALALI_MONTHS.index(match.group("month")) + 1,
                                       int(match.group("day")))
            if when:
                found.append((match, when, (when.month, when.day)))
    return found
