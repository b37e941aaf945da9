"""A readout's record on its page, as escaped HTML: the facts with the positions held that day,
the source with everything known about it, the values the archive inferred, and the way back
to the file in the repository. Every text from the archive is escaped here (see html.py).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..archive.schema import field_label
from ..core.languages import language_name
from ..core.inferred import DATE_PARTS, inferred_entries, inferred_parts
from ..core.model import Official, Readout, Redirect
from ..core.versions import is_translation, original_language
from ..archive.record import nearest_copy
from .addresses import Page, link_between, page_path, page_url
from .cite import publisher_identified
from .source_history import source_history
from .html import link, links, long_date

NOT_RECORDED = "not recorded"


def inferred_mark(readout: Readout, field_path: str) -> Markup:
    """A marker after an inferred value: a link to its basis below the panel (readable without
    hovering), with the basis as a tooltip too."""
    entries = inferred_entries(readout.inferred, field_path)
    if not entries:
        return Markup("")
    first, basis = entries[0]
    parts = sorted(inferred_parts(readout.inferred, field_path), key=DATE_PARTS.index)
    said = "inferred" if first == field_path else " and ".join(parts) + " inferred"
    return Markup(' <sup class="inferred"><a href="#inferred-{0}" title="Inferred: {1}">{2}</a></sup>').format(
        _anchor(first), readout.inferred_basis(field_path), said)


def _anchor(field_path: str) -> str:
    return field_path.replace(".", "-")


def _row(label: str, value, mark: str = "") -> Markup:
    return Markup(f"<dt>{escape(label)}</dt><dd>{escape(value)}{escape(mark)}</dd>")


def positions_held(readout: Readout, official: Official) -> str:
    """The official's position(s) on the readout's day, or a plain statement that none is recorded."""
    held = readout.positions_of(official)
    return "; ".join(p.title for p in held) if held else "position on the day not recorded"


def _participants(readout: Readout, here) -> Markup:
    items = "".join(f'<li>{link(o, here)} <span class="position">({escape(positions_held(readout, o))})</span></li>'
                    for o in readout.officials)
    return Markup(f'<ul class="participants">{items}</ul>')


def _publisher(readout: Readout) -> Markup:
    """'Xinhua News Agency · state media · Chinese side': who published it, what kind of source, whose side."""
    by = readout.source.by
    if by is None:
        return escape(readout.source.publisher)
    kind = "official account" if readout.official else by.source_kind
    return Markup("{} · {} · {}").format(readout.source.publisher, kind, by.side_label)


def _relayed(readout: Readout) -> Markup:
    """'Xinhua News Agency (state media, Chinese side), in ¶2': the account it passes on, where the text shows it."""
    relay = readout.relays
    what = Markup("{} ({}, {})").format(relay.publisher, relay.by.source_kind, relay.by.side_label) if relay.by \
        else escape(relay.publisher)
    if not relay.paragraphs:
        return what
    where = Markup(", ").join(Markup('<a href="#p{0}">¶{0}</a>').format(n) for n in relay.paragraphs)
    return Markup("{}, in {}").format(what, where)


def facts_panel(readout: Readout, here, venue=None) -> Markup:
    """The facts of the meeting or call, each inferred value marked."""
    def mark(name):
        return inferred_mark(readout, name)
    rows = [_row("Date", long_date(readout.date), mark("date")),
            _row("Kind", readout.kind.capitalize(), mark("kind"))]
    if readout.venue:
        rows.append(_row("Venue", link(venue, here, readout.venue) if venue else readout.venue, mark("venue")))
    if readout.occasion:
        rows.append(_row("Occasion", readout.occasion, mark("occasion")))
    rows.append(_row("Published by", _publisher(readout), mark("source.publisher")))
    if readout.relays:
        rows.append(_row("Relays", _relayed(readout)))
    rows.append(_row("Participants", _participants(readout, here), mark("officials")))
    if readout.initiatives:
        rows.append(_row("Initiatives", links(readout.initiatives, here), mark("initiatives")))
    if readout.mentioned:
        rows.append(_row("Also mentioned", links(readout.mentioned, here)))
    rows.append(_row("Added", long_date(readout.added)))
    if readout.updated:
        rows.append(_row("Updated", long_date(readout.updated)))
    return Markup(f'<div class="readout-panel"><dl>{"".join(rows)}</dl></div>')


def _robust_link(url: str, label, original: str, version_date, version_url: str = "") -> Markup:
    """A link with the Robust Links attributes: the page's address, the day it was captured and
    an archived copy, so a reader (or a script) can still reach the text when the page moves."""
    attributes = f' data-originalurl="{escape(original)}"' if original else ""
    if version_date:
        attributes += f' data-versiondate="{escape(version_date.isoformat())}"'
    if version_url:
        attributes += f' data-versionurl="{escape(version_url)}"'
    return Markup(f'<a href="{escape(url)}"{attributes}>{escape(label)}</a>')


def _headline(readout: Readout) -> Markup:
    if readout.title_supplied:
        return Markup("<em>none shown on the page; the title is supplied by the archive</em>")
    return escape(readout.headline or readout.title)


def _archived(readout: Readout) -> Markup:
    source = readout.source
    if not source.archived:
        return Markup("<em>none recorded</em>")
    return Markup('<ul class="archived-copies">{}</ul>').format(Markup("").join(
        Markup("<li>{}</li>").format(_robust_link(copy, copy, source.url, source.captured)) for copy in source.archived))


def source_panel(readout: Readout, repository: dict) -> Markup:
    """Where the text comes from, with what is not recorded said plainly."""
    source = readout.source
    def mark(name):
        return inferred_mark(readout, "source." + name)
    missing = Markup("<em>{}</em>")
    address = (_robust_link(source.url, source.url, source.url, source.captured, nearest_copy(source.archived, source.captured))
               if source.url else missing.format("address " + NOT_RECORDED))
    rows = [_row("Publisher", source.publisher, mark("publisher")),
            _row("Headline as published", _headline(readout)),
            _row("Address", address, mark("url")),
            _row("Published", long_date(source.published) or missing.format(NOT_RECORDED), mark("published")),
            _row("Language", source.language, mark("language")),
            _row("Captured", long_date(source.captured) or missing.format(NOT_RECORDED)),
            _row("Archived copies", _archived(readout)), source_history(readout)]
    return Markup('<section class="readout-source" aria-labelledby="source"><h2 id="source">Source</h2>'
                  f'<dl>{"".join(rows)}</dl>{inferred_notes(readout)}{repository_links(readout, repository)}</section>')


def inferred_notes(readout: Readout) -> Markup:
    """Each inferred value's basis, where every marker on the page leads."""
    if not readout.inferred:
        return Markup("")
    items = Markup("").join(Markup('<li id="inferred-{}">{}: {}</li>').format(
        _anchor(name), field_label(name)[0].upper() + field_label(name)[1:], basis) for name, basis in readout.inferred)
    return Markup('<p class="inferred-heading">Inferred by the archive, not stated by the source:</p>'
                  '<ul class="inferred-notes">{}</ul>').format(items)


def repository_links(readout: Readout, repository: dict) -> Markup:
    """"View source" and "Suggest a correction": the readout's file in the repository."""
    if not repository.get("repo_url"):
        return Markup("")
    base = repository["repo_url"].rstrip("/") + "/"
    edit_uri = (repository.get("edit_uri") or "edit/main/").strip("/") + "/"
    edit, view = base + edit_uri, base + edit_uri.replace("edit/", "blob/", 1)
    path = escape(readout.source_path)
    return Markup(f'<p class="readout-file"><a href="{escape(view)}{path}">View source</a> · '
                  f'<a href="{escape(edit)}{path}">Suggest a correction</a></p>')


# What a readout's record can lack, in the words the Provenance wanted page uses: (key, words).
GAP_WORDS = (("address", "source address"), ("publisher", "publisher not identified"),
             ("published", "publication date"), ("captured", "capture date"), ("archived", "archived copy"))


def provenance_gaps(readout: Readout) -> tuple[str, ...]:
    """What the record of this readout still lacks, in plain words, for the provenance-wanted page."""
    source = readout.source
    wanting = {"address": not source.url, "publisher": not publisher_identified(readout),
               "published": not source.published, "captured": not source.captured, "archived": not source.archived}
    gaps = [words for key, words in GAP_WORDS if wanting.get(key)]
    if readout.inferred:
        gaps.append("inferred, to confirm: " + ", ".join(field_label(name) for name, _ in readout.inferred))
    if is_translation(readout) and readout.translation_of is None:
        gaps.append(f"{language_name(original_language(readout))} original")
    return tuple(gaps)


def participants_list(readout: Readout, here) -> Markup:
    """The participants of a meeting or call, each with the position(s) held that day."""
    return _participants(readout, here)


def recently_added(readouts, here, count: int = 10) -> Markup:
    """The readouts that entered the archive last, newest first, each with the day it was added."""
    newest = sorted(readouts, key=lambda r: (-r.added.toordinal(), r.sort_key))[:count]
    items = Markup("").join(Markup("<li>{}: {} ({})</li>").format(long_date(r.added), link(r, here), long_date(r.date))
                            for r in newest)
    return Markup('<ul class="recently-added">{}</ul>').format(items)


PROVENANCE_ROWS = 200  # the newest readouts listed; the data downloads hold every one, so the page stays small


def provenance_table(readouts, here) -> Markup:
    """The readouts whose record lacks something, with what each lacks: a to-do list for contributors.
    Past PROVENANCE_ROWS readouts, the newest are listed under counts of each kind of gap."""
    wanting = [(r, gaps) for r in readouts if (gaps := provenance_gaps(r))]
    if not wanting:
        return Markup("<p>Every readout has its source address, an identified publisher, a publication date, a "
                      "capture date and an archived copy, and no value is inferred.</p>")
    rows = Markup("").join(
        Markup("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            long_date(r.date), link(r, here), r.source.publisher, "; ".join(gaps))
        for r, gaps in wanting[:PROVENANCE_ROWS])
    table = Markup("<table><thead><tr><th>Date</th><th>Readout</th><th>Publisher</th><th>Wanted</th></tr></thead>"
                   "<tbody>{}</tbody></table>").format(rows)
    if len(wanting) <= PROVENANCE_ROWS:
        return table
    kinds = (("source address", "lack a source address"), ("publisher not identified", "have no identified publisher"),
             ("publication date", "lack a publication date"), ("capture date", "lack a capture date"),
             ("archived copy", "lack an archived copy"), ("inferred", "hold inferred values"))
    kinds += tuple((f"{language_name(code)} original", f"lack their {language_name(code)} original")
                   for code in sorted({original_language(r) for r, gaps in wanting if gaps[-1].endswith(" original")}))
    summary = ", ".join(f"{sum(1 for _, gaps in wanting if any(g.startswith(gap) for g in gaps)):,} {said}"
                        for gap, said in kinds)
    return Markup("<p>{} readouts want part of their record: {}. The newest {} are listed; the data downloads "
                  "(readouts.csv, readouts.sqlite) carry every readout's provenance fields for the rest.</p>{}"
                  ).format(f"{len(wanting):,}", summary, PROVENANCE_ROWS, table)


def _span(position) -> str:
    start = f"from {long_date(position.start)}" if position.start else "start not recorded"
    return f"{start} to {long_date(position.end)}" if position.end else f"{start} to present"


def positions_over_time(official: Official, readouts, here) -> Markup:
    """The official's positions, latest first, each with the readouts of meetings held in it."""
    def latest_first(position):
        return -(position.start.toordinal() if position.start else 0)
    blocks = []
    for position in sorted(official.positions, key=latest_first):
        held = [r for r in readouts if position in r.positions_of(official)]
        listing = (Markup("<ul>{}</ul>").format(Markup("".join(
            f"<li>{escape(long_date(r.date))}: {link(r, here)}</li>" for r in held)))
            if held else Markup("<p>No readout in the archive from this time.</p>"))
        blocks.append(Markup('<li><strong>{}</strong>, {} ({} readout{}){}</li>').format(
            position.title, _span(position), len(held), "" if len(held) == 1 else "s", listing))
    return Markup('<ul class="positions">{}</ul>').format(Markup("").join(blocks))


def redirect_page(redirect: Redirect, site: dict) -> Page:
    """A published address that moved: a page that forwards at once, names its new address as
    canonical, and links to it for a reader without script or automatic refresh."""
    target = link_between(redirect.target, redirect)
    content = Markup(
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Moved: {title}</title>\n"
        '<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n<p>This readout has a new address: "
        '<a href="{target}">{title}</a>.</p>\n</body>\n</html>\n').format(
        title=redirect.target.title, canonical=page_url(site, redirect.target), target=target)
    return Page(page_path(redirect), str(content))
