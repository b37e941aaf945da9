"""How to cite a readout: Chicago note and bibliography entry, BibTeX (biblatex), RIS and CSL-JSON.

`cited()` works out once what a citation says (title, publisher, the three dates, what the
archive supplied or inferred); each format then writes it its own way. The readout is the
publisher's document: the publisher is its publisher, never its author, and a publisher the
archive could not identify is left out rather than cited. What the archive supplied or
inferred is in square brackets in the Chicago forms (the convention for information the citer
supplies) and said in words in every format's note.

Every value comes from a stranger's front matter: BibTeX specials are escaped, nothing can
end a RIS line or a BibTeX group, and JSON for a <script> element cannot close it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date

from ..archive.schema import field_label
from ..core.languages import language_name
from ..core.inferred import DATE_PARTS, inferred_parts
from ..core.model import Readout
from ..core.remembered import per_readout

_BIBTEX_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})
# BibTeX counts every brace, escaped or not, to find where a value ends: "\}" alone ends it early
# and the rest of the file no longer parses. A pair is written \{ \} (balanced, and read back as
# braces by every LaTeX reader); a brace without its pair as the LaTeX command for that brace.
_LONE_BRACE = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
# Characters that would let JSON end or open markup inside <script>, or end a line in old parsers.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})
UNIDENTIFIED = "(unidentified)"  # in the name of a publisher the registry does not know (a bare model in tests)


@dataclass(frozen=True)
class Cited:
    """What every citation of one readout says."""

    key: str
    title: str  # the headline as published, or the archive's own title
    title_supplied: bool
    publisher: str  # "" when the publisher is not identified
    publisher_inferred: bool
    published: date | None
    published_parts: frozenset[str]  # the parts of the publication date the archive inferred
    meeting: date
    meeting_parts: frozenset[str]  # the parts of the meeting's date the archive inferred
    kind: str
    event: str  # the meeting as an event: "Meeting between Liu Jianchao and Kamal Kharrazi, December 6, [2023]"
    place: str  # where it took place, "" for a call
    captured: date | None
    added: date | None
    language: str
    page_url: str
    site_name: str
    remarks: tuple[str, ...]  # what the archive supplied or inferred, and where the text came from

    @property
    def marked(self) -> bool:
        """Whether any part of the citation is in square brackets (supplied or inferred)."""
        return bool(self.title_supplied or self.publisher_inferred or self.published_parts or self.meeting_parts)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def us_date(value: date, inferred: frozenset[str] = frozenset()) -> str:
    """Chicago's form of a date, July 29, 2022, each inferred part in square brackets: "December 6, [2023]"
    when only the year was inferred, the whole date bracketed once when all of it was."""
    if inferred >= set(DATE_PARTS):
        return f"[{value:%B} {value.day}, {value.year}]"
    month, day, year = (f"[{text}]" if part in inferred else text
                        for part, text in (("month", f"{value:%B}"), ("day", str(value.day)), ("year", str(value.year))))
    return f"{month} {day}, {year}"


def _year(value: date | None, inferred: frozenset[str]) -> str:
    """A publication's year as Chicago cites a report, or "n.d."."""
    if value is None:
        return "n.d."
    return f"[{value.year}]" if "year" in inferred else str(value.year)


def url_text(value: str) -> str:
    """An address with nothing in it that could end a BibTeX group, a RIS line or a line of text."""
    return re.sub(r"[\s{}\\\"<>`]", lambda m: f"%{ord(m.group()):02X}", value)


def publisher_identified(readout: Readout) -> bool:
    """Whether the publishers' registry (archive/publishers.yml) names who published the readout."""
    by = readout.source.by
    return by.identified if by is not None else UNIDENTIFIED not in readout.source.publisher


def _field_label(field: str) -> str:
    label = field_label(field)
    return label[0].upper() + label[1:]


def _participants(readout: Readout) -> str:
    """Who took part, each with the positions held on the day: "Wang Yi (Director of …)"."""
    people = []
    for official in readout.officials:
        held = "; ".join(p.title for p in official.position_on(readout.date))
        people.append(f"{official.name} ({held})" if held else official.name)
    return "Participants: " + ", ".join(people) + "." if people else ""


def _remarks(readout: Readout, inferred: dict[str, str], page_url: str = "") -> tuple[str, ...]:
    remarks = [_participants(readout)] if readout.officials else []
    if readout.title_supplied:
        remarks.append("Title supplied by the archive: the source shows no headline.")
    if not publisher_identified(readout):
        remarks.append("Publisher not identified.")
    for field, basis in inferred.items():
        remarks.append(f"{_field_label(field)} inferred: {_one_line(basis).rstrip('.')}.")
    source = readout.source
    remarks += _language_remarks(readout, page_url)
    remarks.append(f"Source: {url_text(source.url)}." if source.url else "Source address not recorded.")
    remarks += [f"Archived copy: {url_text(url)}." for url in source.archived]
    return tuple(remarks)


def _event(readout: Readout) -> str:
    """The meeting or call as an event, named by its kind and participants, with its date."""
    names = [_one_line(o.name) for o in readout.officials]
    who = f"between {', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else f"of {names[0]}" if names else ""
    when = us_date(readout.date, inferred_parts(readout.inferred, "date"))
    return f"{readout.kind.capitalize()} {who}".strip() + f", {when}"


def _language_remarks(readout: Readout, page_url: str) -> list[str]:
    """The language of the version cited, when not English, and the original it translates, where the archive
    holds it, with its address (made as this one's is: the site's address and the page's)."""
    remarks = []
    if readout.source.language != "en":
        remarks.append(f"In {language_name(readout.source.language)}.")
    original = readout.translation_of
    if original is not None:
        site = page_url.split(readout.url_path + "/")[0] if readout.url_path + "/" in page_url else ""
        where = f": {url_text(site + original.url_path + '/')}" if site else f" (id {original.id})"
        remarks.append(f"Translation of the {language_name(original.language)} original, "
                       f"\u201c{_one_line(original.title)}\u201d, also in the archive{where}.")
    return remarks


# The last readout cited, with its site name and citation: a readout page cites its readout in
# every format and once for each paragraph, so the work is done once per readout, not a dozen times.
_last_cited: tuple[Readout, str, Cited] | None = None


def cited(readout: Readout, page_url: str, site_name: str = "") -> Cited:
    global _last_cited
    last = _last_cited
    if last is None or last[0] is not readout or last[1] != site_name:
        last = _last_cited = (readout, site_name, _cited(readout, page_url, site_name))
    return last[2] if last[2].page_url == page_url else dataclasses.replace(last[2], page_url=page_url)


def _cited(readout: Readout, page_url: str, site_name: str) -> Cited:
    inferred = dict(readout.inferred)
    identified = publisher_identified(readout)
    return Cited(
        key=cite_key(readout), title=_one_line(readout.headline or readout.title),
        title_supplied=readout.title_supplied,
        publisher=_one_line(readout.source.publisher) if identified else "",
        publisher_inferred=identified and readout.is_inferred("source.publisher"),
        published=readout.source.published, published_parts=inferred_parts(readout.inferred, "source.published"),
        meeting=readout.date, meeting_parts=inferred_parts(readout.inferred, "date"), kind=readout.kind,
        event=_event(readout), place=_one_line(readout.venue),
        captured=readout.source.captured, added=readout.added, language=readout.source.language,
        page_url=page_url, site_name=_one_line(site_name), remarks=_remarks(readout, inferred, page_url))


def cite_key(readout: Readout) -> str:
    """A stable key: the readout's id, which its address is built from and which never changes."""
    return f"readouts:{readout.id}"


# Chicago (18th edition), notes and bibliography, in the form the Chicago CSL style gives a report
# (CMOS 14.113: a government document with no personal author opens with its title; the issuing
# body is its publisher, never its author). Every format below carries the same facts, so that a
# citation processor gives this same reference from the .bib and from the .csl.json (a test runs
# pandoc's citeproc and citeproc-py over them). The meeting's date is written into the event's name
# rather than given as an event date: with an event date Chicago styles drop "n.d." and the access
# date, and no date field can bracket the one inferred part of a date.

def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _genre(c: Cited) -> str:
    """What the document is, with its language when not English: "readout", "readout in Chinese"."""
    return "readout" + (f" in {language_name(c.language)}" if c.language and c.language != "en" else "")


def _bracketed(text: str, supplied: bool) -> str:
    return f"[{text}]" if supplied else text


def _title(c: Cited) -> str:
    return _bracketed(c.title, c.title_supplied)


def _publication(c: Cited) -> list[str]:
    """The publisher (bracketed when inferred) and the year of publication, or "n.d."."""
    publisher = [_bracketed(c.publisher, c.publisher_inferred)] if c.publisher else []
    return publisher + [_year(c.published, c.published_parts)]


def _accessed(c: Cited) -> str:
    """The capture date, which Chicago gives only for an undated source (CMOS 14.15)."""
    return us_date(c.captured) if c.captured and not c.published else ""


def _end(text: str, mark: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + mark


def chicago_note(readout: Readout, page_url: str, site_name: str = "", paragraph: int | None = None) -> str:
    """The note; with `paragraph`, for that paragraph (its number as the locator, page_url its anchor)."""
    c = cited(readout, page_url, site_name)
    event = ", ".join(part for part in (c.event, c.place) if part)
    parts = [f"{_title(c)}, {_genre(c)}, {event} ({', '.join(_publication(c))})"]
    if paragraph:
        parts.append(f"para. {paragraph}")
    if accessed := _accessed(c):
        parts.append(f"accessed {accessed}")
    return _end(", ".join(parts + [url_text(c.page_url)]), ".")


def chicago_bibliography(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    event = ", ".join(part for part in (c.event, c.place) if part)
    publication = _publication(c)
    if c.publisher:
        sentences = [_title(c), _first_up(_genre(c)), event, ", ".join(publication)]
    else:  # Chicago runs "n.d." on after the event when no publisher opens the sentence
        sentences = [_title(c), _first_up(_genre(c)), f"{event}, {publication[-1]}"]
    if accessed := _accessed(c):
        sentences.append(f"Accessed {accessed}")
    return " ".join(_end(s, ".") for s in sentences + [url_text(c.page_url)])


# BibTeX for biblatex: a @report (pandoc reads it as a CSL report, as the .csl.json is), the
# publisher as its institution. A value in double braces is kept as written (no change of case).

def _bibtex_text(text: str) -> str:
    """Text for a BibTeX value: specials escaped, braces that pair up as \\{ and \\}, the others as
    \\textbraceleft{} and \\textbraceright{}."""
    text = _one_line(text)
    paired, opened = set(), []
    for at, char in enumerate(text):
        if char == "{":
            opened.append(at)
        elif char == "}" and opened:
            paired.update((opened.pop(), at))
    return "".join(("\\" + char if at in paired else _LONE_BRACE[char]) if char in "{}" else char.translate(_BIBTEX_SPECIAL)
                   for at, char in enumerate(text))


def _note(c: Cited) -> str:
    event = ", ".join(part for part in (c.event, c.place) if part)
    archived = f" Archived in the {c.site_name}." if c.site_name else ""
    return f"{_first_up(_genre(c))}: {_end(event, '.')}{archived} " + " ".join(c.remarks)


def _bibtex_year(c: Cited) -> tuple[str, str]:
    """The publication date as biblatex takes it; an inferred year goes as its bracketed text."""
    if "year" in c.published_parts:
        return "year", "{" + _year(c.published, c.published_parts) + "}"
    return "date", "{" + c.published.isoformat() + "}"


# biblatex's langid is a babel language name; pandoc reads a title of an "english" entry as written.
BABEL_LANGUAGES = {"en": "english", "zh": "chinese", "fa": "persian", "ar": "arabic", "ru": "russian", "fr": "french"}


@per_readout
def bibtex(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    fields = [("title", "{{" + _bibtex_text(_title(c)) + "}}"), ("type", "{" + _bibtex_text(_genre(c)) + "}"),
              ("eventtitle", "{{" + _bibtex_text(c.event) + "}}")]
    if c.place:
        fields.append(("venue", "{{" + _bibtex_text(c.place) + "}}"))
    if c.publisher:  # a body, kept whole; never the author
        fields.append(("institution", "{{" + _bibtex_text(_bracketed(c.publisher, c.publisher_inferred)) + "}}"))
    if c.published:
        fields.append(_bibtex_year(c))
    fields.append(("url", "{" + url_text(c.page_url) + "}"))
    if c.captured:
        fields.append(("urldate", "{" + c.captured.isoformat() + "}"))
    if c.language:
        fields.append(("langid", "{" + _bibtex_text(BABEL_LANGUAGES.get(c.language, c.language)) + "}"))
    fields.append(("note", "{" + _bibtex_text(_note(c)) + "}"))
    body = "".join(f"  {name:<12} = {value},\n" for name, value in fields)
    return f"@report{{{c.key},\n{body}}}\n"


# RIS: a report (TY RPRT), which reference managers import as a report with its institution.

def _ris_date(value: date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}/"


@per_readout
def ris(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    lines = [("TY", "RPRT"), ("ID", c.key), ("TI", _title(c)), ("M3", _first_up(_genre(c)))]
    if c.publisher:
        lines.append(("PB", _bracketed(c.publisher, c.publisher_inferred)))
    if c.published:
        lines += [("PY", _year(c.published, c.published_parts)), ("DA", _ris_date(c.published))]
    lines += [("T3", c.event)] + ([("CY", c.place)] if c.place else [])
    lines.append(("UR", url_text(c.page_url)))
    if c.captured:
        lines.append(("Y2", _ris_date(c.captured)))
    if c.site_name:
        lines.append(("DB", c.site_name))
    if c.language:
        lines.append(("LA", c.language))
    lines += [("N1", _note(c)), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


# CSL-JSON, as citeproc processors and reference managers read it.

def _date_parts(value: date) -> dict:
    return {"date-parts": [[value.year, value.month, value.day]]}


@per_readout
def csl_item(readout: Readout, page_url: str, site_name: str = "") -> dict:
    c = cited(readout, page_url, site_name)
    # nocase: the title is kept as published, not recased by a style
    item = {"id": c.key, "type": "report", "title": f'<span class="nocase">{_title(c)}</span>', "genre": _genre(c),
            "event-title": c.event}
    if c.place:
        item["event-place"] = c.place
    if c.publisher:
        item["publisher"] = _bracketed(c.publisher, c.publisher_inferred)
    if c.published:
        item["issued"] = _date_parts(c.published)
        if "year" in c.published_parts:  # no date field brackets a part: the processor shows the literal
            item["issued"]["literal"] = _year(c.published, c.published_parts)
    if c.captured:
        item["accessed"] = _date_parts(c.captured)
    item["URL"] = c.page_url
    item["language"] = c.language
    item["note"] = _note(c)
    custom = {"readout-id": readout.id, "meeting-date": c.meeting.isoformat(),
              "added": c.added.isoformat() if c.added else None, "archive": c.site_name or None,
              "inferred": dict(readout.inferred), "title-supplied": c.title_supplied}
    item["custom"] = {name: value for name, value in custom.items() if value not in (None, {})}
    return item


def script_json(value) -> str:
    """JSON for the inside of a <script> element: no <, > or & in it, so no content can end it."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(", ", ": "))
    return text.translate(_SCRIPT_UNSAFE)


def csl_json(readout: Readout, page_url: str, site_name: str = "") -> str:
    """The CSL-JSON of one readout, as a one-item list: a line per variable, to be read."""
    item = csl_item(readout, page_url, site_name)
    lines = ",\n".join(f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in item.items())
    return f"[\n  {{\n{lines}\n  }}\n]"


FORMATS = {  # name → (label, function), in the order the page shows them
    "chicago-note": ("Chicago (note)", chicago_note),
    "chicago-bibliography": ("Chicago (bibliography)", chicago_bibliography),
    "bibtex": ("BibTeX (biblatex)", bibtex),
    "ris": ("RIS", ris),
    "csl-json": ("CSL-JSON", csl_json),
}
