"""Structure the generator knows (listings, tables, links), written once as escaped HTML.

Every block here is placed in a Markdown page as a raw HTML block, with blank lines
around it, so Python-Markdown passes it through untouched: only readout bodies and
prose go through Markdown. Text from the archive is escaped with markupsafe wherever
it goes; a `Markup` value is HTML these helpers made themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from markupsafe import Markup, escape

from ..core.model import Event, Initiative, Official, Readout, Venue, YearPage
from .addresses import link_between


def long_date(value: date | None) -> str:
    return f"{value.day} {value:%B} {value.year}" if value else ""


def label_of(item) -> str:
    """What a link to the item says when the page does not say otherwise."""
    if isinstance(item, (Official, Initiative, Venue)):
        return item.name
    if isinstance(item, YearPage):
        return str(item.year)
    if isinstance(item, Readout):
        return item.title
    if isinstance(item, Event):
        return f"{long_date(item.date)}: " + ", ".join(o.name for o in item.officials)
    return str(item)


def link(target, here, label=None) -> Markup:
    """<a> from the page `here` to `target`, relative, in MkDocs' directory form."""
    text = label_of(target) if label is None else label
    return Markup(f'<a href="{escape(link_between(target, here))}">{escape(text)}</a>')


def links(items: Iterable, here, separator: str = ", ") -> Markup:
    return Markup(escape(separator)).join(link(item, here) for item in items)


def _names(officials) -> str:
    return ", ".join(official.name for official in officials)


def readout_line(readout: Readout, here, detail: str = "officials") -> Markup:
    """A readout in a listing: its date, its linked title, and who took part (or its kind and venue)."""
    line = f"{escape(long_date(readout.date))}: {link(readout, here)}"
    if detail == "officials":
        return Markup(f"{line}, with {escape(_names(readout.officials))}")
    if detail == "kind":
        return Markup(f"{line} ({escape(f'{readout.kind}, {readout.venue}' if readout.venue else readout.kind)})")
    return Markup(line)


def bullets(items: Iterable) -> Markup:
    """An unordered list; each item is text (escaped here) or Markup."""
    inner = "".join(f"<li>{escape(item)}</li>" for item in items)
    return Markup(f"<ul>{inner}</ul>") if inner else Markup("")


def readout_list(readouts: Iterable[Readout], here, detail: str = "officials") -> Markup:
    return bullets(readout_line(readout, here, detail) for readout in readouts)


def count_list(pairs: Iterable, here, noun: str = "", label=None) -> Markup:
    """Linked items with how many readouts each: "Wang Yi (3)", or "Tehran (3 readouts)" with a noun."""
    def item(target, count):
        name = link(target, here, label(target) if label else None)
        if noun:
            return Markup(f"{name} ({escape(count)} {escape(noun)}{'' if count == 1 else 's'})")
        return Markup(f"{name} ({escape(count)})")
    return bullets(item(target, count) for target, count in pairs)


_ALIGNED = Markup(' style="text-align: right;"')  # what Python-Markdown writes for a `---:` column


def table(headers: list[str], rows: Iterable[Iterable], numeric: tuple[int, ...] = ()) -> Markup:
    """A table as Python-Markdown would write it (Material styles tables without a class);
    the columns numbered in `numeric` are aligned right."""
    def cells(tag: str, values) -> Markup:
        return Markup("").join(Markup("<{0}{1}>{2}</{0}>").format(tag, _ALIGNED if i in numeric else "", value)
                               for i, value in enumerate(values))
    head = Markup("<thead><tr>{}</tr></thead>").format(cells("th", headers))
    body = Markup("").join(Markup("<tr>{}</tr>").format(cells("td", row)) for row in rows)
    return Markup("<table>{}<tbody>{}</tbody></table>").format(head, body)
