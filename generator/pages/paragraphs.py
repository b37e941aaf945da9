"""Paragraphs on the pages: anchors and ¶ links in a readout's text, a paragraph's citation,
statements listed by speaker, and a paragraph rendered on its own for the comparison.

Anchors are given with attr_list (`{: #p3 }` after the paragraph): the check refuses curly
brackets in a body, so only the generator writes one, and a stranger's text cannot add an
attribute. The ¶ link is the generator's own HTML.
"""

from __future__ import annotations

import markdown
from markupsafe import Markup, escape

from ..archive.paragraphs import blocks
from ..core.model import BOTH_SIDES, Official, Paragraph, Readout
from ..core.text import summarise
from . import cite

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
    """The body as Markdown, each numbered paragraph with its id and a ¶ link whose title is its citation."""
    parts, number = [], 0
    for block in blocks(readout.body):
        if block.paragraph:
            number += 1
            cited = str(escape(paragraph_citation(readout, number, page_url, site_name))).translate(_INERT_IN_MARKDOWN)
            block_text = (f'{block.text} <a class="paragraph-link" href="#p{number}" '
                          f'title="Paragraph {number}. Cite as: {cited}">¶</a>\n{{: #p{number} }}')
            parts.append(block_text)
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


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
