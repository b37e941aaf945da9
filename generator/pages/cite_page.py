"""A readout page's citations as readers and reference managers meet them.

`citation_panel` is the "How to cite" block: every format of pages/cite.py in a <pre>, with a
copy button (docs/javascripts/cite.js shows and runs them), and links to the readout's .bib
and .ris files. `head_meta` is the front matter the theme turns into the <head> tags that
Zotero's Embedded Metadata translator reads (z:itemType, citation_*, DC.*). Everything from content is escaped here (HTML) or written as
JSON strings (front matter) that the theme escapes again as attribute values.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from ..core.model import Readout
from ..core.text import plain
from . import cite
from .addresses import citation_path, link_between

# In YAML's double-quoted scalars these end a line; JSON leaves them as they are.
_YAML_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _yaml_value(value) -> str:
    """A value as JSON, which is also YAML: a flow mapping or a double-quoted string on one line."""
    return json.dumps(value, ensure_ascii=False).translate(_YAML_BREAKS)


def head_meta(readout: Readout, page_url: str, site_name: str = "") -> str:
    """The front-matter line `citation`: the values of the page's citation tags."""
    c = cite.cited(readout, page_url, site_name)
    values = {"title": plain(f"[{c.title}]" if c.title_supplied else c.title)}
    if c.published:
        values["date"] = c.published.isoformat()
    if c.publisher:
        values["publisher"] = plain(c.publisher)
    values.update(language=plain(c.language), url=c.page_url)
    return f"citation: {_yaml_value(values)}"


def _format_block(name: str, label: str, text: str) -> Markup:
    block_id, label = escape(f"cite-{name}"), escape(label)
    return Markup(
        '<div class="cite-format">\n'
        f'<p class="cite-format__label" id="{block_id}-label">{label}</p>\n'
        f'<pre id="{block_id}" class="cite-text" aria-labelledby="{block_id}-label" tabindex="0">{escape(text)}</pre>\n'
        '<p class="cite-format__actions"><button type="button" class="md-button cite-copy" '
        f'data-cite-copy="{block_id}" hidden>Copy {label}</button> '
        '<span class="cite-status" role="status" aria-live="polite"></span></p>\n'
        '</div>\n')


def citation_panel(readout: Readout, page_url: str, site_name: str = "") -> Markup:
    """The "How to cite" block of a readout page, as one raw HTML block."""
    c = cite.cited(readout, page_url, site_name)
    parts = [Markup('<div class="readout-cite">\n'),
             Markup(f'<p>Permanent link: <a href="{escape(page_url)}">{escape(page_url)}</a></p>\n')]
    bib = escape(link_between(citation_path(readout, "bib"), readout))
    ris = escape(link_between(citation_path(readout, "ris"), readout))
    parts.append(Markup(f'<p class="cite-downloads">Download this citation: <a href="{bib}" download>BibTeX '
                        f'(.bib)</a> · <a href="{ris}" download>RIS (.ris)</a>, for Zotero, EndNote, Mendeley '
                        'and other reference managers.</p>\n'))
    if c.marked:
        parts.append(Markup('<p class="cite-marks">Square brackets mark what the archive supplied or '
                            'inferred; each citation&#8217;s note says how.</p>\n'))
    for name, (label, render) in cite.FORMATS.items():
        parts.append(_format_block(name, label, render(readout, page_url, site_name).rstrip("\n")))
    parts.append(Markup('</div>'))
    return Markup("").join(parts)


def csl_script(readout: Readout, page_url: str, site_name: str = "") -> Markup:
    """The CSL-JSON in a <script> element that browsers do not run and tools can read."""
    data = cite.script_json([cite.csl_item(readout, page_url, site_name)])
    return Markup(f'<script type="application/vnd.citationstyles.csl+json" id="csl-json">{data}</script>')
