"""Who published a readout, from the page's address, its navigation, its dateline or its photo credits,
through the names, aliases and hosts of archive/publishers.yml; and the language of its text."""

from __future__ import annotations

import re

from ..archive.publishers import Publishers
from ..core.model import Publisher

_WORDS = re.compile(r"[^\W_]+")
_SMALL = {"of", "the", "and", "to"}  # "Ministry of Foreign Affairs, the People's Republic of China" is the ministry


def _folded(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORDS.findall(text.casefold()) if w not in _SMALL)


def _contains(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def named_publisher(line: str, publishers: Publishers, min_words: int = 1) -> Publisher | None:
    """The publisher whose name or alias (of at least min_words words) stands in the line, the longest first."""
    words = _folded(line)
    names = sorted(((_folded(name), p) for p in publishers.all for name in (p.name, *p.aliases)),
                   key=lambda entry: -len(entry[0]))
    return next((p for run, p in names if len(run) >= min_words and run and _contains(words, run)), None)


def is_publisher_line(line: str, publishers: Publishers) -> bool:
    """A header line that names a publisher in words of its own (navigation: the site's name), not an agency's."""
    return named_publisher(line, publishers, min_words=2) is not None


def publisher(url: str, header: list[str], agency: str, credits: list[str], publishers: Publishers) -> tuple[str, str]:
    """The publisher, and how it was recognised: from the address (the registry's hosts), the page's header
    lines (navigation and headline), the dateline's agency or the photo credits."""
    host = re.sub(r"^https?://(?:www\.|english\.|en\.)?", "", url).split("/")[0].split(":")[0].casefold()
    hosts = sorted(((suffix, p) for p in publishers.all for suffix in p.hosts), key=lambda item: -len(item[0]))
    for suffix, found in hosts:
        if host == suffix or host.endswith("." + suffix):
            return found.name, "address"
    for line in header:
        if found := named_publisher(line, publishers, min_words=2):
            return found.name, "navigation"
    if agency and (found := publishers.get(agency)):
        return found.name, "dateline"
    for credit in credits:
        if found := named_publisher(credit, publishers):
            return found.name, "photo credit"
    return "", ""


def language(text: str) -> str:
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if han > latin and han >= arabic:
        return "zh"
    if arabic > latin:
        return "fa"
    return "en"


def site_publisher(site_name: str, publishers: Publishers) -> str:
    """The registry's publisher a page's site name (og:site_name and the like) names: its name, an alias
    or its native name; '' when none does, for the contributor to fill in."""
    if not site_name.strip():
        return ""
    squeezed = "".join(site_name.split())
    for entry in publishers.all:
        if entry.native and "".join(entry.native.split()) == squeezed:
            return entry.name
    found = named_publisher(site_name, publishers)
    return found.name if found else ""
