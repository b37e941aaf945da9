"""Who raised which initiative, by paragraph: the lists on officials' and initiatives' pages.

An official raises an initiative in a paragraph the text attributes to them (or to both sides);
each entry links to those paragraphs, newest first, so a reader sees the evidence where the
claim is made. Escaped HTML, written once.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.model import Paragraph, Readout
from .addresses import link_between
from .html import link, long_date

SHOWN = 8  # paragraph links per entry; the rest are counted


def paragraph_links(said: tuple[tuple[Readout, Paragraph], ...], here) -> Markup:
    """'29 July 2022, ¶13; 29 July 2022, ¶3', each a link to its paragraph; past SHOWN, a count of the others."""
    shown = Markup("; ").join(
        Markup('<a href="{}#{}">{}, ¶{}</a>').format(link_between(readout, here), paragraph.anchor,
                                                     long_date(readout.date), paragraph.number)
        for readout, paragraph in said[:SHOWN])
    more = len(said) - SHOWN
    return shown + (Markup("; and {} more").format(more) if more > 0 else Markup(""))


def _entries(pairs, here, name) -> Markup:
    items = "".join(Markup("<li>{} ({}): {}</li>").format(
        name(item), f"{len(said)} paragraph{'' if len(said) == 1 else 's'}", paragraph_links(said, here))
        for item, said in pairs)
    return Markup('<ul class="raised">{}</ul>').format(Markup(items))


def raised_listing(pairs, here) -> Markup:
    """An official's initiatives, each with the paragraphs in which they raise it."""
    return _entries(pairs, here, lambda initiative: link(initiative, here))


def raisers_listing(pairs, here) -> Markup:
    """An initiative's speakers, each with the paragraphs in which they raise it; paragraphs without a
    speaker last."""
    return _entries(pairs, here, lambda official: link(official, here) if official is not None
                    else Markup("Paragraphs whose speaker the text does not name"))
