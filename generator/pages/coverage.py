"""The coverage page: which events have one side's official account only, by year and side, with the
events listed, so contributors know which accounts are worth adding. An official account is a
government body's readout (see Publisher.official); a media report, or a readout that relays
another's account, is listed beside it and never makes an event covered."""

from __future__ import annotations

from markupsafe import Markup

from ..core.model import SIDE_ADJECTIVES, Event
from .addresses import CoverageYear, link_between

COLUMNS = ("both sides", "China", "Iran", "")  # which sides gave an official account: both, one, or neither


def coverage_class(event: Event) -> str:
    """'both sides', 'China' (the Chinese side's official account only), 'Iran', or '' (no official account)."""
    sides = set(event.official_sides)
    if {"China", "Iran"} <= sides:
        return "both sides"
    return "China" if "China" in sides else "Iran" if "Iran" in sides else ""


def _heading(column: str) -> str:
    if column == "both sides":
        return "Both sides' official accounts"
    return f"{SIDE_ADJECTIVES[column]} official account only" if column else "No official account"


def source_label(readout) -> str:
    """'state media, Chinese side': what the publisher is, and the side it speaks for."""
    by = readout.source.by
    return f"{by.source_kind}, {by.side_label}" if by else "publisher not in the registry"


def by_year(events: tuple[Event, ...]) -> dict[int, tuple[Event, ...]]:
    """Events newest year first."""
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.date.year, []).append(event)
    return {year: tuple(group) for year, group in sorted(years.items(), reverse=True)}


def coverage_table(events: tuple[Event, ...], here: str) -> Markup:
    """Per year: the events, and how many have both sides' accounts, one side's only, or none of a known side."""
    head = "".join(Markup('<th scope="col">{}</th>').format(_heading(c)) for c in COLUMNS)
    rows = []
    totals = dict.fromkeys(COLUMNS, 0)
    for year, group in by_year(events).items():
        counts = dict.fromkeys(COLUMNS, 0)
        for event in group:
            counts[coverage_class(event)] += 1
        for column in COLUMNS:
            totals[column] += counts[column]
        wanted = len(group) - counts["both sides"]
        year_cell = (Markup('<a href="{}">{}</a>').format(link_between(CoverageYear(year), here), year) if wanted
                     else Markup(str(year)))
        cells = "".join(Markup("<td>{}</td>").format(counts[c]) for c in COLUMNS)
        rows.append(Markup('<tr><th scope="row">{}</th><td>{}</td>{}</tr>').format(year_cell, len(group), Markup(cells)))
    total_cells = "".join(Markup("<td>{}</td>").format(totals[c]) for c in COLUMNS)
    rows.append(Markup('<tr class="coverage-total"><th scope="row">All years</th><td>{}</td>{}</tr>').format(
        len(events), Markup(total_cells)))
    return Markup('<table class="coverage"><thead><tr><th scope="col">Year</th><th scope="col">Events</th>{}</tr>'
                  '</thead><tbody>{}</tbody></table>').format(Markup(head), Markup("".join(rows)))


def one_sided_listing(events: tuple[Event, ...], here: str) -> Markup:
    """The events without both sides' accounts, each with the account the archive has and the one it lacks."""
    items = []
    for event in events:
        column = coverage_class(event)
        if column == "both sides":
            continue
        wanted = {"China": "the Iranian side's official account", "Iran": "the Chinese side's official account"}.get(
            column, "an official account of each side (the archive holds media reports only)")
        accounts = Markup(", ").join(
            Markup('<a href="{}">{}</a> ({}: {}{})').format(
                link_between(r, here), r.title, r.source.publisher, source_label(r),
                f"; relays {r.relays.publisher}" if r.relays else "")
            for r in event.accounts)
        people = ", ".join(o.name for o in event.officials)
        items.append(Markup("<li>{} {}: {}. Has {}; wanted: {}.</li>").format(
            f"{event.date.day} {event.date:%B} {event.date.year},", event.kind, people, accounts, wanted))
    if not items:
        return Markup("<p>Every event has both sides' accounts.</p>")
    return Markup('<ul class="coverage-events">\n{}\n</ul>').format(Markup("\n").join(items))
