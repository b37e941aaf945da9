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

from ..core.languages import language_name
from ..core.model import Readout

_BIBTEX_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})
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
    published_inferred: bool
    meeting: date
    meeting_inferred: bool
    kind: str
    captured: date | None
    added: date | None
    language: str
    page_url: str
    site_name: str
    remarks: tuple[str, ...]  # what the archive supplied or inferred, and where the text came from


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _us_date(value: date) -> str:
    """Chicago's form of a date: July 29, 2022."""
    return f"{value:%B} {value.day}, {value.year}"


def url_text(value: str) -> str:
    """An address with nothing in it that could end a BibTeX group, a RIS line or a line of text."""
    return re.sub(r"[\s{}\\\"<>`]", lambda m: f"%{ord(m.group()):02X}", value)


def publisher_identified(readout: Readout) -> bool:
    """Whether the publishers' registry (archive/publishers.yml) names who published the readout."""
    by = readout.source.by
    return by.identified if by is not None else UNIDENTIFIED not in readout.source.publisher


def _field_label(field: str) -> str:
    name = field.rsplit(".", 1)[-1].replace("_", " ")
    return {"publisher": "Publisher", "published": "Date of publication", "date": "Date of the meeting"}.get(
        name, name.capitalize())


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
        publisher_inferred=identified and "source.publisher" in inferred,
        published=readout.source.published, published_inferred="source.published" in inferred,
        meeting=readout.date, meeting_inferred="date" in inferred, kind=readout.kind,
        captured=readout.source.captured, added=readout.added, language=readout.source.language,
        page_url=page_url, site_name=_one_line(site_name), remarks=_remarks(readout, inferred, page_url))


def cite_key(readout: Readout) -> str:
    """A stable key: the readout's id, which its address is built from and which never changes."""
    return f"readouts:{readout.id}"


# Chicago (18th edition), notes and bibliography: a document with no personal author opens with its title.

def _bracketed(text: str, supplied: bool) -> str:
    return f"[{text}]" if supplied else text


def _chicago_title(c: Cited, mark: str) -> str:
    """The title with the punctuation that follows it: inside the quotation marks, dropped after ? or !."""
    if c.title_supplied:
        return f"[{c.title}]{mark}"
    title = c.title.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace('"', "\u2019")
    return f"\u201c{title}{'' if title.endswith(('?', '!')) else mark}\u201d"


def _chicago_parts(c: Cited) -> tuple[list[str], str, str]:
    """The publication facts, the readout's own description, and where it is archived."""
    facts = [_bracketed(c.publisher, c.publisher_inferred)] if c.publisher else []
    facts.append(_bracketed(_us_date(c.published), c.published_inferred) if c.published else "n.d.")
    meeting = _bracketed(_us_date(c.meeting), c.meeting_inferred)
    what = f"readout of the {c.kind} of {meeting}"
    if c.language and c.language != "en":
        what += f", in {language_name(c.language)}"
    where = f"archived in the {c.site_name}" if c.site_name else "archived"
    return facts, what, where


def chicago_note(readout: Readout, page_url: str, site_name: str = "", paragraph: int | None = None) -> str:
    """The note; with `paragraph`, for that paragraph (its number as the locator, page_url its anchor)."""
    c = cited(readout, page_url, site_name)
    facts, what, where = _chicago_parts(c)
    locator = [f"para. {paragraph}"] if paragraph else []
    return f"{_chicago_title(c, ',')} {', '.join(facts + [what] + locator + [where, url_text(c.page_url)])}."


def chicago_bibliography(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    facts, what, where = _chicago_parts(c)
    published = ", ".join(facts)
    return f"{_chicago_title(c, '.')} {published}{'' if published.endswith('.') else '.'} " \
           f"{what[0].upper()}{what[1:]}. {where[0].upper()}{where[1:]}. {url_text(c.page_url)}."


# BibTeX for biblatex: an @online entry, with the publisher as its organization.

def _bibtex_text(text: str) -> str:
    return _one_line(text).translate(_BIBTEX_SPECIAL)


def _note(c: Cited) -> str:
    meeting = f"{c.meeting.day} {c.meeting:%B} {c.meeting.year}"
    archived = f" Archived in the {c.site_name}." if c.site_name else ""
    return f"Readout of the {c.kind} of {meeting}.{archived} " + " ".join(c.remarks)


def bibtex(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    title = _bibtex_text(_bracketed(c.title, c.title_supplied))
    fields = [("title", "{{" + title + "}}")]  # double braces: capitals kept as published
    if c.publisher:
        fields.append(("organization", "{{" + _bibtex_text(c.publisher) + "}}"))  # a body, kept whole
    if c.published:
        fields.append(("date", "{" + c.published.isoformat() + "}"))
    fields.append(("url", "{" + url_text(c.page_url) + "}"))
    if c.captured:
        fields.append(("urldate", "{" + c.captured.isoformat() + "}"))
    if c.language:
        fields.append(("langid", "{" + _bibtex_text(c.language) + "}"))
    fields.append(("note", "{" + _bibtex_text(_note(c)) + "}"))
    body = "".join(f"  {name:<12} = {value},\n" for name, value in fields)
    return f"@online{{{c.key},\n{body}}}\n"


# RIS: a generic document (TY GEN), which reference managers import as a document.

def _ris_date(value: date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}/"


def ris(readout: Readout, page_url: str, site_name: str = "") -> str:
    c = cited(readout, page_url, site_name)
    lines = [("TY", "GEN"), ("ID", c.key), ("TI", _bracketed(c.title, c.title_supplied))]
    if c.publisher:
        lines.append(("PB", c.publisher))
    if c.published:
        lines += [("PY", str(c.published.year)), ("DA", _ris_date(c.published))]
    lines += [("M3", f"Readout of the {c.kind}"), ("UR", url_text(c.page_url))]
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


def csl_item(readout: Readout, page_url: str, site_name: str = "") -> dict:
    c = cited(readout, page_url, site_name)
    item = {"id": c.key, "type": "document", "title": _bracketed(c.title, c.title_supplied),
            "genre": f"Readout of the {c.kind}"}
    if c.publisher:
        item["publisher"] = c.publisher
    if c.published:
        item["issued"] = _date_parts(c.published)
    item["event-date"] = _date_parts(c.meeting)
    if c.captured:
        item["accessed"] = _date_parts(c.captured)
    item["URL"] = c.page_url
    if c.site_name:
        item["archive"] = c.site_name
    item["language"] = c.language
    item["note"] = " ".join(c.remarks)
    custom = {"readout-id": readout.id, "added": c.added.isoformat() if c.added else None,
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
