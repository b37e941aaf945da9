"""Drafting another language's version of a readout: the officials by their names in the text's own
script, a date written the Chinese way, and the readout the text is probably a version of (the same
day and participants, in another language), proposed for `version_of:` for the contributor to confirm."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..archive.registry import Registry
from ..core.languages import language_name
from ..core.model import Official, Readout
from ..pages.alignment import NameForms, names_of, script_of
from . import sources

_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def chinese_date(text: str) -> date | None:
    """The first full date written the Chinese way (2021年3月27日) that is a real day."""
    for match in _CHINESE_DATE.finditer(text):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def native_officials(registry: Registry, text: str, language: str) -> list[Official]:
    """The officials whose name, alias or native name in the text's script stands in it, in registry order."""
    forms = NameForms(names_of(registry.officials, ()))
    found = forms.found(text)
    return [o for o in registry.officials if "o:" + o.slug in found and forms.writable("o:" + o.slug, language)]


def counterpart(readouts: list[Readout], when: date | None, officials: list[Official], language: str) -> Readout | None:
    """The one readout of that day with those participants in another language: the text's likely other version."""
    if when is None or not officials:
        return None
    wanted = {o.slug for o in officials}
    found = [r for r in readouts if r.date == when and {o.slug for o in r.officials} == wanted
             and r.source.language != language and not r.version_of]
    return found[0] if len(found) == 1 else None


@dataclass
class Version:
    """The language of a drafted text, and the readout it is likely a version of."""

    language: str
    other: Readout | None = None


def as_version(registry: Registry, readouts, page, lead: list[str], officials: list[Official],
               when: date | None, kind: str, findings) -> tuple[list[Official], date | None, str, Version]:
    """For a text in a script the registries give native names in: the participants, date and kind the English
    rules missed, and the readout it is probably a version of (`readouts` is called only then). `findings`
    gets the notes."""
    language = sources.language("\n\n".join(page.paragraphs))
    if script_of(language) == "latin":
        return officials, when, kind, Version(language)
    text = page.title + "\n\n" + "\n\n".join(lead)
    if not officials and (officials := native_officials(registry, text, language)):
        findings.undetermined[:] = [u for u in findings.undetermined if not u.startswith("officials")]
    if when is None and language == "zh" and (when := chinese_date(text)):
        findings.undetermined[:] = [u for u in findings.undetermined if u != "date"]
        findings.comments.pop("date", None)
    other = counterpart(readouts(), when, officials, language)
    if other is not None:
        findings.comments["version_of"] = (f"proposed: {other.source_path} is of the same day and participants, "
                                           f"in {language_name(other.source.language)}; remove this line if it "
                                           "is not the same readout")
        if not kind:  # a version is the same meeting: the other's kind, said where it came from
            kind = other.kind
            findings.undetermined[:] = [u for u in findings.undetermined if u != "kind"]
            findings.comments["kind"] = f"as in {other.id}, its other version"
    return officials, when, kind, Version(language, other)


def venue_of(version: Version, findings) -> str:
    """The counterpart's venue, for a version whose text the English rules could not read one from."""
    if version.other is None or not version.other.venue:
        return ""
    findings.comments["venue"] = f"as in {version.other.id}, its other version"
    return version.other.venue


def path_of(version: Version) -> str:
    """A version's file beside its counterpart's, its id the other's with the language added; "" without one."""
    other = version.other
    return f"archive/readouts/{other.date.year}/{other.id}-{version.language}.md" if other is not None else ""
