"""Paragraphs on the pages: anchors and ¶ links in a readout's text, a paragraph's citation,
statements listed by speaker, and a paragraph rendered on its own for the comparison.

Anchors are given with attr_list (`{: #p3 }` after the paragraph): the check refuses curly
brackets in a body, so only the generator writes one, and a stranger's text cannot add an
attribute. The number in the margin, the speaker and the popover with the paragraph's address and
citation are the generator's own HTML; the popover opens from its button (the HTML popover
attribute) by tap, click or keyboard, with no script and no tooltip.
"""

from __future__ import annotations

import markdown
from markupsafe import Markup, escape

from ..archive.paragraphs import blocks
from ..core.model import BOTH_SIDES, Official, Paragraph, Readout
from ..core.text import summarise
from . import cite
from .addresses import link_between

_MARKDOWN = markdown.Markdown(output_format="html")  # no extensions: what the check lets into a body
EXCERPT = 220  # characters of a paragraph shown where it is listed
# The ¶ link sits inside a paragraph Python-Markdown still reads, and its link patterns run before
# its raw-HTML pattern: "[x](javascript:a)" in an attribute would become a link. As numeric
# references these characters start no Markdown, and the browser reads them back ("#" stays:
# markupsafe's own references hold it).
_INERT_IN_MARKDOWN = str.maketrans({c: f"&#{ord(c)};" for c in "[]()*_`\\!~^={}:|"})


def paragraph_citation(readout: Readout, number: int, page_url: str, site_name: str = "") -> str:
    """The readout's Chicago note for one paragraph: its number, and the link to its anchor."""
    return cite.chicago_note(readout, f"{page_url}#p{number}", site_name, paragraph=number)


def anchored_body(readout: Readout, page_url: str, site_name: str = "") -> str:
    """The body as Markdown: each numbered paragraph with its id, its number in the margin (a button
    that opens the paragraph's address and citation, a popover that needs no script) and its speaker."""
    parts, number = [], 0
    speakers = {p.number: p.speaker for p in readout.paragraphs}
    for block in blocks(readout.body):
        if not block.paragraph:
            parts.append(block.text)
            continue
        number += 1
        speaker = _speaker_label(speakers.get(number), readout)
        parts.append(f'<button type="button" class="paragraph-number" popovertarget="cite-p{number}" '
                     f'aria-describedby="cite-p{number}-label"><span class="visually-hidden">Paragraph </span>'
                     f'{number}</button>{speaker}{block.text}\n{{: #p{number} .readout-paragraph }}')
        parts.append(str(_paragraph_popover(readout, number, page_url, site_name)))
    return "\n\n".join(parts) + "\n"


def _speaker_label(speaker, here: Readout) -> str:
    """Who speaks, above the paragraph's text: a link to the official, or "Both sides". It sits inside
    a paragraph Python-Markdown still reads, so its values are made inert (see _INERT_IN_MARKDOWN)."""
    name = speaker_name(speaker)
    if not name:
        return ""
    shown = str(escape(name)).translate(_INERT_IN_MARKDOWN)
    if isinstance(speaker, Official):
        href = str(escape(link_between(speaker, here))).translate(_INERT_IN_MARKDOWN)
        shown = f'<a href="{href}">{shown}</a>'
    return f'<span class="paragraph-speaker"><span class="visually-hidden">Speaker: </span>{shown}</span> '


def _paragraph_popover(readout: Readout, number: int, page_url: str, site_name: str) -> Markup:
    """The paragraph's address and citation, shown when its number is pressed: a raw HTML block,
    which Python-Markdown passes through untouched, every value escaped."""
    address = f"{page_url}#p{number}"
    return Markup(
        '<div class="paragraph-cite" id="cite-p{n}" popover>'
        '<p class="paragraph-cite__label" id="cite-p{n}-label">Paragraph {n}: its address and citation</p>'
        '<p>Address: <a href="{address}">{address}</a></p>'
        '<p>Cite as: <span class="paragraph-cite__note">{note}</span></p>'
        '<button type="button" class="paragraph-cite__close" popovertarget="cite-p{n}" popovertargetaction="hide">'
        'Close</button></div>').format(n=number, address=address,
                                         note=paragraph_citation(readout, number, page_url, site_name))


def speaker_name(speaker) -> str:
    if isinstance(speaker, Official):
        return speaker.name
    return "Both sides" if speaker == BOTH_SIDES else ""


def rendered(paragraph: Paragraph) -> Markup:
    """One paragraph as HTML, for pages that show paragraphs apart from their readout."""
    _MARKDOWN.reset()
    return Markup(_MARKDOWN.convert(paragraph.text))


def excerpt(paragraph: Paragraph) -> str:
    """The paragraph's first sentences as plain text."""
    return summarise(paragraph.text, EXCERPT)
