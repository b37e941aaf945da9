"""What archive/source-log.yml knows of a readout's source page, as the pages show it: a line in the
Source panel, the pages gone or unreachable on the Provenance wanted page, and each change seen with
its sentences added and removed, anchored there for the Source panel to link to."""

from __future__ import annotations

import jinja2
from markupsafe import Markup, escape

from ..core.model import Readout, SourceEvent
from .addresses import link_between
from .html import link, long_date

PROVENANCE_PAGE = "provenance/index.md"
GONE = ("removed", "unreachable")
CHANGES = ("edited", "moved", "restored")


def change_anchor(event: SourceEvent) -> str:
    return f"change-{event.readout}-{event.date.isoformat()}"


def _sentences(count: int, what: str) -> str:
    return f"{count} sentence{'' if count == 1 else 's'} {what}"


def _difference(event: SourceEvent) -> str:
    parts = [_sentences(len(event.added), "added")] if event.added else []
    parts += [_sentences(len(event.removed), "removed")] if event.removed else []
    return ", ".join(parts)


def source_history(readout: Readout) -> Markup:
    """The Source panel's line on the page's history: the last state the watcher recorded, as seen on its day."""
    if not readout.source_events:
        return Markup("")
    event = readout.source_events[-1]
    seen = long_date(event.date)
    difference = _difference(event)
    where = Markup(' (<a href="{}#{}">the difference</a>)').format(
        link_between(PROVENANCE_PAGE, readout), change_anchor(event)) if difference and event.state in CHANGES else ""
    if event.state == "edited":
        text = Markup("Source page seen edited on {}: {}{}").format(seen, difference, where)
    elif event.state == "moved":
        text = Markup('Source page seen moved on {} to <a href="{}">{}</a>').format(seen, event.url, event.url)
    elif event.state == "restored":
        text = Markup("Source page seen back on {} after its removal{}").format(seen, where)
    elif event.state == "removed":
        text = Markup("Source page seen removed on {} ({})").format(seen, event.note)
    elif event.state == "unreachable":
        text = Markup("Source page could not be reached on {} ({})").format(seen, event.note)
    else:
        text = Markup("Source page seen live and unchanged on {}").format(seen)
    return Markup("<dt>Source page</dt><dd>{}</dd>").format(text)


def gone_table(readouts, here) -> Markup:
    """The readouts whose source page the watcher last saw removed or could not reach."""
    gone = [(r, r.source_events[-1]) for r in readouts if r.source_events and r.source_events[-1].state in GONE]
    if not gone:
        return Markup("<p>No source page is known to be removed or unreachable.</p>")
    rows = Markup("").join(Markup("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
        link(r, here), event.state, long_date(event.date), event.note) for r, event in gone)
    return Markup("<table><thead><tr><th>Readout</th><th>Source page</th><th>Seen</th><th>What was seen</th></tr>"
                  "</thead><tbody>{}</tbody></table>").format(rows)


def changes_list(readouts, here) -> Markup:
    """Each change seen in a source page, newest first, with the sentences added and removed."""
    changes = sorted(((event, r) for r in readouts for event in r.source_events if event.state in CHANGES),
                     key=lambda item: (item[0].date, item[0].readout), reverse=True)
    if not changes:
        return Markup("<p>No change to a source page has been seen.</p>")
    items = []
    for event, readout in changes:
        said = Markup("").join(Markup("<li><ins>{}</ins></li>").format(s) for s in event.added)
        said += Markup("").join(Markup("<li><del>{}</del></li>").format(s) for s in event.removed)
        moved = Markup(' to <a href="{}">{}</a>').format(event.url, event.url) if event.state == "moved" else ""
        items.append(Markup('<li id="{}">{}: {} seen {}{}{}</li>').format(
            change_anchor(event), long_date(event.date), link(readout, here), escape(event.state), moved,
            Markup('<ul class="source-difference">{}</ul>').format(said) if said else ""))
    return Markup('<ul class="source-changes">{}</ul>').format(Markup("").join(items))


@jinja2.pass_context
def _gone_filter(context, readouts) -> Markup:
    return gone_table(readouts, context["page_path"])


@jinja2.pass_context
def _changes_filter(context, readouts) -> Markup:
    return changes_list(readouts, context["page_path"])


SOURCE_FILTERS = {"sources_gone": _gone_filter, "source_changes": _changes_filter}  # for the provenance page
