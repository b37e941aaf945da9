"""How to cite a readout: a Chicago-style note, a BibTeX entry and CSL-JSON.

Each function returns plain text (the note, the entry) or JSON made safe for a
<script> element; render.py places them in the page. Every value comes from a
stranger's front matter, so nothing here trusts it: BibTeX specials are escaped,
the text goes into fenced code blocks longer than any backtick run it holds,
and the JSON cannot close its script element.
"""

from __future__ import annotations

import json
import re
from datetime import date

from ..core.model import Readout

_BACKTICKS = re.compile(r"`+")
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Characters that would let JSON end or open markup inside <script>, or end a line in old parsers.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _us_date(value: date) -> str:
    """Chicago's form of a date: July 29, 2022."""
    return f"{value:%B} {value.day}, {value.year}"


def _url(value: str) -> str:
    """An address with nothing in it that could end a BibTeX group or a line."""
    return re.sub(r"[\s{}\\\"<>`]", lambda m: "%{:02X}".format(ord(m.group())), value)


def cite_key(readout: Readout) -> str:
    """A stable key: the readout's slug, which starts with its date and never changes."""
    return f"readouts:{readout.slug}"


def chicago_note(readout: Readout, page_url: str, site_name: str = "") -> str:
    """A Chicago-style note: publisher, "title," date published (or n.d.), source, the archive's link."""
    title = _one_line(readout.title).replace('"', "'")
    punctuation = "" if title.endswith(("?", "!")) else ","
    parts = [f'{_one_line(readout.source.publisher)}, "{title}{punctuation}"']
    parts.append(_us_date(readout.source.published) if readout.source.published else "n.d.")
    if readout.source.url:
        parts.append(_url(readout.source.url))
    archived = f"archived in the {_one_line(site_name)}, " if site_name else "archived at "
    return ", ".join(parts[:1]) + " " + ", ".join(parts[1:]) + f"; {archived}{_url(page_url)}."


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in _one_line(text))


def bibtex(readout: Readout, page_url: str, site_name: str = "") -> str:
    """A BibTeX @misc entry; `date` for biblatex, `year` and `month` for classic BibTeX."""
    fields = [
        ("author", "{{" + _bibtex_text(readout.source.publisher) + "}}"),  # an organisation: kept whole
        ("title", "{{" + _bibtex_text(readout.title) + "}}"),  # capitals kept as published
    ]
    published = readout.source.published
    if published:
        fields += [("date", "{" + published.isoformat() + "}"), ("year", "{" + str(published.year) + "}"),
                   ("month", _BIBTEX_MONTHS[published.month - 1])]  # a month macro, not text
    if readout.source.url:
        fields.append(("howpublished", r"{\url{" + _url(readout.source.url) + "}}"))
    fields.append(("url", "{" + _url(page_url) + "}"))
    what = f"Readout of the {readout.kind} of {readout.date.day} {readout.date:%B} {readout.date.year}"
    if site_name:
        what += f". Archived in the {site_name}"
    fields.append(("note", "{" + _bibtex_text(what) + "}"))
    body = "".join(f"  {name:<12} = {value},\n" for name, value in fields)
    return f"@misc{{{cite_key(readout)},\n{body}}}"


def _date_parts(value: date) -> dict:
    return {"date-parts": [[value.year, value.month, value.day]]}


def csl_item(readout: Readout, page_url: str, site_name: str = "") -> dict:
    """The readout as one CSL-JSON item, as reference managers import it."""
    item = {
        "id": cite_key(readout),
        "type": "webpage",
        "title": readout.title,
        "author": [{"literal": readout.source.publisher}],
        "genre": f"Readout of a {readout.kind}",
        "event-date": _date_parts(readout.date),
    }
    if readout.source.published:
        item["issued"] = _date_parts(readout.source.published)
    item["URL"] = page_url
    if site_name:
        item["archive"] = site_name
    if readout.source.url:
        item["note"] = f"Source: {readout.source.url}"
    item["language"] = readout.source.language
    return item


def script_json(value) -> str:
    """JSON for the inside of a <script> element: no <, > or & in it, so no content can end it."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(", ", ": "))
    return text.translate(_SCRIPT_UNSAFE)


def fenced(text: str, language: str = "text") -> str:
    """A fenced code block whose fence is longer than any run of backticks in the text."""
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def csl_script(readout: Readout, page_url: str, site_name: str = "") -> str:
    """The CSL-JSON of the readout in a <script> element that browsers do not run and tools can read."""
    data = script_json([csl_item(readout, page_url, site_name)])
    return f'<script type="application/vnd.citationstyles.csl+json" id="csl-json">{data}</script>'


def citation(style: str, readout: Readout, page_url: str, site_name: str = "") -> str:
    """Markup for the page: "chicago" and "bibtex" as fenced code blocks, "csl-json" as a script element."""
    if style == "chicago":
        return fenced(chicago_note(readout, page_url, site_name), "text")
    if style == "bibtex":
        return fenced(bibtex(readout, page_url, site_name), "bibtex")
    if style == "csl-json":
        return csl_script(readout, page_url, site_name)
    raise ValueError(f"no citation style {style!r}: chicago, bibtex or csl-json")
