"""Stage 5, render: Jinja2 templates in templates/ → Markdown pages, held in memory.

Every value printed by a template is escaped for Markdown unless it is `Md`,
markup this module made itself (links, the validated body), so a stranger's
title or name always shows as text.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..core import parallel
from ..core.model import Archive, Event, Formulation, Initiative, Official, Readout, Venue, YearPage
from ..core.languages import direction, language_name
from ..core.text import escape_md, plain
from . import charts, cite_page, compare, coverage, formulations, html, paragraphs, provenance, raised, versions
from .alignment import NameForms, names_of
from .index import Indexes
from .source_history import SOURCE_FILTERS
from .addresses import (COVERAGE, READOUTS_INDEX, CoverageYear, Page, ReadoutsYear, feed_path,
                        page_path, page_url, relative_path, year_groups)
from .html import long_date

# A listing longer than this is split into a page per year, so no page grows past ~150 KB.
LIST_LIMIT = 200
READOUT_CHUNKS_PER_WORKER = 8  # a large archive's readout pages come back in this many chunks a worker


class Md(str):
    """Markdown the generator wrote itself: printed as it is."""


_FENCE = re.compile(r"^(`{3,}|~{3,})")  # as Python-Markdown's fenced_code finds them: at the line's start
_ATX = re.compile(r"^#{1,6}")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def demote(markdown: str, under: int = 1):
    """Markdown whose highest heading becomes one level below an h`under` (never past h6, never raised).

    Headings inside fenced code stay as they are; underlined headings become # headings.
    Keeps the type: the result is Md only when the input was.
    """
    lines, fence, found = markdown.split("\n"), "", []
    for i, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened.group(1).startswith(fence) else fence
        elif opened:
            fence = opened.group(1)
        elif match := _ATX.match(line):
            found.append((i, len(match.group()), False))
        elif (i and _SETEXT.match(line) and lines[i - 1].strip() and not lines[i - 1].startswith(("    ", "\t"))
              and not _ATX.match(lines[i - 1]) and (i == 1 or not lines[i - 2].strip())):
            found.append((i, 1 if "=" in line else 2, True))
    shift = under + 1 - min((level for _, level, _ in found), default=under + 1)
    if shift <= 0:
        return markdown
    for i, level, underlined in reversed(found):
        marks = "#" * min(6, level + shift)
        if underlined:
            lines[i - 1:i + 1] = [f"{marks} {lines[i - 1].strip()}"]
        else:
            lines[i] = marks + lines[i][level:]
    result = "\n".join(lines)
    return Md(result) if isinstance(markdown, Md) else result


def _finalize(value):
    if isinstance(value, (Md, Markup)):
        return value
    if value is None:
        return ""
    return escape_md(value)


@jinja2.pass_context
def _href(context, item) -> Md:
    return Md(relative_path(page_path(item), context["page_path"]))


@jinja2.pass_context
def _link(context, item, label=None) -> Md:
    return Md(f"[{escape_md(label if label is not None else html.label_of(item))}]({_href(context, item)})")


@jinja2.pass_context
def _links(context, items, separator=", ") -> Md:
    return Md(separator.join(_link(context, item) for item in items))


@jinja2.pass_context
def _a(context, item, label=None) -> Markup:
    return html.link(item, context["page_path"], label)


@jinja2.pass_context
def _a_list(context, items, separator=", ") -> Markup:
    return html.links(items, context["page_path"], separator)


@jinja2.pass_context
def _readout_list(context, readouts, detail="officials") -> Markup:
    return html.readout_list(readouts, context["page_path"], detail)


@jinja2.pass_context
def _count_list(context, pairs, noun="", sizes=None, label=None) -> Markup:
    """count_list of (item, count or collection) pairs, or of items counted by the length of
    their attribute `sizes`; `label` names the attribute a link shows instead of the name."""
    counted = [(item, len(getattr(item, sizes))) for item in pairs] if sizes else [
        (item, count if isinstance(count, int) else len(count)) for item, count in pairs]
    return html.count_list(counted, context["page_path"], noun, (lambda item: getattr(item, label)) if label else None)


@jinja2.pass_context
def _permalink(context, item) -> Md:
    return Md(page_url(context["site"], item))


@jinja2.pass_context
def _feed_href(context, item=None) -> Md:
    return _href(context, feed_path(item))


@jinja2.pass_context
def _cite(context, readout: Readout, part: str) -> Md:
    """How to cite the readout: its "panel" (HTML), its "csl-json" script element, or its "meta" front matter."""
    site = context["site"]
    render = {"panel": cite_page.citation_panel, "csl-json": cite_page.csl_script, "meta": cite_page.head_meta}[part]
    return Md(render(readout, page_url(site, readout), site.get("name", "")))


@jinja2.pass_context
def _facts_panel(context, readout: Readout) -> Markup:
    return provenance.facts_panel(readout, context["page_path"], context["index"].venue_of.get(readout.url_path))


@jinja2.pass_context
def _source_panel(context, readout: Readout) -> Markup:
    return provenance.source_panel(readout, context["site"])


@jinja2.pass_context
def _participants(context, readout: Readout) -> Markup:
    return provenance.participants_list(readout, context["page_path"])


@jinja2.pass_context
def _recently_added(context, readouts, count: int = 10) -> Markup:
    return provenance.recently_added(readouts, context["page_path"], count)


@jinja2.pass_context
def _provenance_table(context, readouts) -> Markup:
    return provenance.provenance_table(readouts, context["page_path"])


@jinja2.pass_context
def _positions_over_time(context, official: Official, readouts) -> Markup:
    return provenance.positions_over_time(official, readouts, context["page_path"])


def _year_chart(readouts, label: str) -> Md:
    return Md(charts.bar_chart(charts.counts_per_year(readouts), label))


def _yaml_text(value) -> Md:
    # MkDocs puts these values into the HTML unescaped, the description into an attribute: escape & and "
    return Md(json.dumps(plain(value).replace("&", "&amp;").replace('"', "&quot;"), ensure_ascii=False))


@jinja2.pass_context
def _anchored_body(context, readout: Readout) -> Md:
    return Md(paragraphs.anchored_body(readout, page_url(context["site"], readout), context["site"].get("name", "")))


def _html(build):
    """A filter that writes a block of the generator's HTML for the page being rendered."""
    @jinja2.pass_context
    def html_filter(context, item, *args):
        return Md(str(build(context, item, *args)))
    return html_filter


_HTML_FILTERS = {
    "event_comparison": lambda c, event: compare.comparison(event, c["page_path"]),
    "event_accounts": lambda c, event: compare.accounts_side_by_side(event, c["page_path"]),
    "event_left_out": lambda c, event: compare.left_out(event),
    "statements": lambda c, uses: formulations.uses_listing(uses, c["page_path"], LIST_LIMIT // 2, show_speaker=False),
    "uses": lambda c, uses, formulation: formulations.uses_listing(uses, c["page_path"], LIST_LIMIT,
                                                                   marked=formulation.slug),
    "related_uses": lambda c, uses, formulation: formulations.uses_listing(
        uses, c["page_path"], LIST_LIMIT, marked=formulation.slug, related=True),
    "formulation_summary": lambda c, item: formulations.formulation_summary(
        item, c["index"].uses_of.get(item.slug, ()), c["page_path"]),
    "formulations_table": lambda c, items: formulations.formulations_table(items, c["index"].uses_of, c["page_path"]),
    "raised": lambda c, pairs: raised.raised_listing(pairs, c["page_path"]),
    "raisers": lambda c, pairs: raised.raisers_listing(pairs, c["page_path"]),
    "coverage_table": lambda c, events: coverage.coverage_table(events, c["page_path"]),
    "versions_summary": lambda c, comparison: versions.summary(comparison),
    "versions_side_by_side": lambda c, comparison: versions.side_by_side(comparison, c["page_path"]),
    "versions_panel": lambda c, readout: versions.versions_panel(
        readout, versions.version_group(readout, c["archive"].versions), c["page_path"]),
    "one_sided": lambda c, events: coverage.one_sided_listing(events, c["page_path"]),
}


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        extensions=["jinja2.ext.do"],
        autoescape=False,  # the output is Markdown; _finalize escapes for Markdown instead
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(href=_href, link=_link, links=_links, long_date=long_date, yaml=_yaml_text,
                       trusted=Md, title=lambda v: Md(escape_md(plain(v))), demote=demote,
                       permalink=_permalink, feed_href=_feed_href, feed_path=feed_path,
                       cite=_cite, parties=compare.parties, source_label=coverage.source_label, year_chart=_year_chart, language_name=language_name, direction=direction, year_page=YearPage, anchored_body=_anchored_body,
                       readouts_year=ReadoutsYear,
                       **{name: _html(build) for name, build in _HTML_FILTERS.items()})
    # HTML blocks (see html.py): placed alone on their lines, with blank lines around them
    env.filters.update(a=_a, a_list=_a_list, readout_list=_readout_list, count_list=_count_list, bullets=html.bullets)
    env.filters.update(facts_panel=_facts_panel, source_panel=_source_panel, participants=_participants,
                       recently_added=_recently_added, provenance_table=_provenance_table,
                       **SOURCE_FILTERS,
                       positions_over_time=_positions_over_time)
    env.globals.update(list_limit=LIST_LIMIT, table=html.table)
    return env


class Renderer:
    """Renders each kind of page from its template (publish/kinds.py says which pages there are).

    With `dirty` (page paths), an item's pages are rendered only when its page is in it;
    the others come back as Page(path, None): the page already in docs/ stays. Page kinds
    that `dirty` does not cover are always rendered."""

    def __init__(self, archive: Archive, indexes: Indexes, templates_dir: Path, site: dict,
                 dirty: set[str] | None = None):
        self.archive = archive
        self.indexes = indexes
        self.env = make_environment(templates_dir)
        self.site = site
        self.dirty = dirty
        self.timings: dict[str, list[float]] = {}  # template → [pages, seconds]
        self.names = NameForms(names_of(archive.officials, archive.places))  # evidence for comparing versions

    def _render(self, template: str, path: str, **values) -> Page:
        start = time.perf_counter()
        content = self.env.get_template(template).render(
            page_path=path, archive=self.archive, index=self.indexes, site=self.site, **values)
        spent = self.timings.setdefault(template, [0, 0.0])
        spent[0] += 1
        spent[1] += time.perf_counter() - start
        return Page(path, content)

    def wanted(self, item) -> bool:
        return self.dirty is None or page_path(item) in self.dirty

    def readout(self, readout: Readout) -> Page:
        older, newer = self.indexes.neighbours[readout.url_path]
        event = self.indexes.event_of.get(readout.url_path)
        own = {r.id for r in self.archive.versions.get(readout.id, (readout,))}  # its versions are one account
        others = tuple(r for r in event.accounts if r.id not in own) if event else ()
        return self._render("readout.md.j2", page_path(readout), readout=readout, event=event,
                            others=others, older=older, newer=newer)

    def official(self, official: Official) -> Page:
        return self._render("official.md.j2", page_path(official), official=official,
                            readouts=self.indexes.by_official.get(official.slug, ()),
                            mentioning=self.indexes.mentioning.get(official.slug, ()),
                            counterparts=self.indexes.counterparts.get(official.slug, ()),
                            raised=self.indexes.raised_by.get(official.slug, ()),
                            named_around=self.indexes.named_around.get(official.slug, ()))

    def initiative(self, initiative: Initiative) -> Page:
        return self._render("initiative.md.j2", page_path(initiative), initiative=initiative,
                            readouts=self.indexes.by_initiative.get(initiative.slug, ()),
                            raisers=self.indexes.raisers_of.get(initiative.slug, ()))

    def year(self, year: int, readouts: tuple[Readout, ...]) -> Page:
        return self._render("year.md.j2", page_path(year), year=year, readouts=readouts)

    def venue(self, venue: Venue, readouts: tuple[Readout, ...]) -> Page:
        return self._render("venue.md.j2", page_path(venue), venue=venue, readouts=readouts)

    def year_pages(self, item, readouts: tuple[Readout, ...], render: bool = True):
        """Each year of a listing too long for one page (see LIST_LIMIT), on a page of its own."""
        for year, group in year_groups(readouts, LIST_LIMIT).items():
            page = YearPage(item, year)
            if not render:
                yield Page(page_path(page), None)
            else:
                yield self._render("listing-year.md.j2", page_path(page), page=page, item=item, readouts=tuple(group))

    def item_pages(self, item, render, listing: tuple[Readout, ...] = ()):
        """An item's page and its pages per year: rendered, or kept when the item is not dirty."""
        wanted = self.wanted(item)
        yield render() if wanted else Page(page_path(item), None)
        yield from self.year_pages(item, listing, wanted)

    def event(self, event: Event) -> Page:
        return self._render("event.md.j2", page_path(event), event=event)

    def formulation(self, formulation: Formulation) -> Page:
        return self._render("formulation.md.j2", page_path(formulation), formulation=formulation,
                            uses=self.indexes.uses_of.get(formulation.slug, ()),
                            related=self.indexes.related_of.get(formulation.slug, ()))

    def versions(self, group) -> Page:
        """A readout's language versions compared, paragraph against paragraph."""
        return self._render("versions.md.j2", page_path(group), **versions.page_values(group, self.names))

    def coverage_pages(self):
        """The coverage page, and a page per year listing the events that lack a side's account."""
        yield self._render("coverage.md.j2", COVERAGE)
        for year, events in coverage.by_year(self.archive.all_events).items():
            if any(coverage.coverage_class(e) != "both sides" for e in events):
                yield self._render("coverage-year.md.j2", page_path(CoverageYear(year)), year=year, events=events)

    def readouts_indexes(self):
        """readouts/ and readouts/<year>/: the folders of the readouts' addresses, each a page."""
        yield self._render("readouts.md.j2", READOUTS_INDEX)
        for year, readouts in self.indexes.by_year.items():
            yield self._render("readouts-year.md.j2", page_path(ReadoutsYear(year)), year=year, readouts=readouts)

    def section(self, template: str, path: str) -> Page:
        return self._render(template, path)

    def _readout_chunk(self, readouts) -> list[Page]:
        return [self.readout(r) if self.wanted(r) else Page(page_path(r), None) for r in readouts]

    def _worker_chunk(self, readouts) -> tuple[list[Page], dict]:
        self.timings = {}  # in the forked worker: its own pages only
        return self._readout_chunk(readouts), self.timings

    def readout_pages(self) -> Iterator[Page]:
        """Every readout's page: most of the site, so a large archive renders them in several
        processes, in chunks handed back one at a time (a chunk's pages are written before the next)."""
        readouts = self.archive.readouts
        wanted = len(readouts) if self.dirty is None else sum(map(self.wanted, readouts))
        workers = parallel.workers_for(wanted)
        if workers == 1:
            yield from self._readout_chunk(readouts)
            return
        chunks = parallel.split(readouts, workers * READOUT_CHUNKS_PER_WORKER)
        for pages, timings in parallel.each_chunk(self._worker_chunk, chunks, workers):
            for template, (count, seconds) in timings.items():  # each worker timed its own pages
                spent = self.timings.setdefault(template, [0, 0.0])
                spent[0] += count
                spent[1] += seconds
            yield from pages
