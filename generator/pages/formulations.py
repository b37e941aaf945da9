"""The pages of formulations and of the statements an official made: where a stock phrase
was used, by whom and on which side, each use linked to its paragraph.

Listings are escaped HTML written once; the longest show the newest LIST_LIMIT uses.
"""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from ..core.model import BOTH_SIDES, SIDE_ADJECTIVES, Formulation, Official, Paragraph, Readout
from . import charts
from .addresses import link_between
from .paragraphs import excerpt, speaker_name

Use = tuple[Readout, Paragraph]


def _date(value) -> str:
    return f"{value.day} {value:%B} {value.year}"


def account_side(readout: Readout) -> str:
    """'the Chinese account', 'the Iranian account': the side the publisher speaks for."""
    side = readout.source.by.country if readout.source.by else ""
    return f"the {SIDE_ADJECTIVES[side]} account" if side else "an account of a side not known"


def _speaker_side(paragraph: Paragraph) -> str:
    if isinstance(paragraph.speaker, Official):
        return paragraph.speaker.country
    return BOTH_SIDES if paragraph.speaker == BOTH_SIDES else ""


SNIPPET_BEFORE, SNIPPET_AFTER = 100, 140  # characters of the paragraph shown around the marked words
_NOT_SHOWN = str.maketrans("\n", " ", "*`")  # Markdown's emphasis and code marks, in plain text


def _plain(text: str) -> str:
    return text.translate(_NOT_SHOWN)


def marked_snippet(paragraph: Paragraph, slug: str, related: bool = False) -> Markup:
    """The paragraph around the formulation's first words in it, those words (and any more of them in
    view) in <mark>: the reader sees what was matched."""
    own = [m for m in paragraph.marks if m.slug == slug and m.related == related]
    if not own:
        return escape(excerpt(paragraph))
    text, first = paragraph.text, own[0]
    start = max(0, first.start - SNIPPET_BEFORE)
    if start and 0 <= (space := text.find(" ", start, first.start)):
        start = space + 1
    end = min(len(text), first.end + SNIPPET_AFTER)
    if end < len(text) and (space := text.rfind(" ", first.end, end)) > 0:
        end = space
    pieces, at = [Markup("…") if start else Markup("")], start
    for mark in (m for m in own if start <= m.start and m.end <= end):
        pieces += [escape(_plain(text[at:mark.start])), Markup("<mark>{}</mark>").format(_plain(text[mark.start:mark.end]))]
        at = mark.end
    pieces += [escape(_plain(text[at:end])), Markup("…") if end < len(text) else Markup("")]
    return Markup("").join(pieces)


def _use_item(readout: Readout, paragraph: Paragraph, here: str, show_speaker: bool, marked: str = "",
              related: bool = False) -> Markup:
    who = speaker_name(paragraph.speaker) if show_speaker else ""
    href = escape(link_between(readout, here))
    quoted = marked_snippet(paragraph, marked, related) if marked else escape(excerpt(paragraph))
    return Markup(f'<li><a href="{href}#{escape(paragraph.anchor)}">{escape(_date(readout.date))}, ¶{paragraph.number}</a>: '
                  f'<a href="{href}">{escape(readout.title)}</a> ({escape(f"{who}, " if who else "")}in '
                  f'{escape(account_side(readout))})<br><q>{quoted}</q></li>')


def uses_listing(uses: tuple[Use, ...], here: str, limit: int, show_speaker: bool = True, marked: str = "",
                 related: bool = False) -> Markup:
    """The uses, newest first, each linking to its paragraph, with the words of formulation `marked` (its
    related wording, with `related`) marked; past `limit`, the newest only and a count."""
    items = Markup("\n").join(_use_item(r, p, here, show_speaker, marked, related) for r, p in uses[:limit])
    note = (Markup('<p class="uses-more">The newest {} of {} are listed.</p>').format(limit, len(uses))
            if len(uses) > limit else "")
    return Markup('<ul class="uses">\n{}\n</ul>{}').format(items, note)


def _ranked_table(counts: Counter, heading: str, names: dict[str, Markup]) -> Markup:
    rows = "".join(Markup('<tr><td>{}</td><td>{}</td></tr>').format(names[key], count)
                   for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], str(names[kv[0]]))))
    return Markup('<table class="uses-table"><thead><tr><th scope="col">{}</th><th scope="col">Uses</th></tr></thead>'
                  '<tbody>{}</tbody></table>').format(heading, Markup(rows))


def formulation_summary(formulation: Formulation, uses: tuple[Use, ...], here: str) -> Markup:
    """First and last use, uses per year as a chart, and the uses by side and by speaker."""
    if not uses:
        return Markup("<p>No readout in the archive uses it yet.</p>")
    newest, oldest = uses[0], uses[-1]
    facts = Markup('<dl class="formulation-facts"><dt>First use</dt><dd><a href="{}">{}</a></dd>'
                   '<dt>Last use</dt><dd><a href="{}">{}</a></dd><dt>Uses</dt><dd>{} paragraphs in {} readouts</dd></dl>'
                   ).format(link_between(oldest[0], here) + "#" + oldest[1].anchor, _date(oldest[0].date),
                            link_between(newest[0], here) + "#" + newest[1].anchor, _date(newest[0].date),
                            len(uses), len({r.url_path for r, _ in uses}))
    per_year = Counter(r.date.year for r, _ in uses)
    years = charts.per_year(per_year)
    chart = Markup(charts.bar_chart(years, f"Uses of “{formulation.name}” per year", noun="use"))
    accounts = Counter(r.source.by.country if r.source.by and r.source.by.country else "" for r, _ in uses)
    spoken = Counter(_speaker_side(p) for _, p in uses)
    side_names = {side: escape(f"{SIDE_ADJECTIVES[side]} side") for side in ("China", "Iran")}
    side_names.update({BOTH_SIDES: Markup("Both sides"), "": Markup("Not known")})
    speakers = Counter(p.speaker.slug if isinstance(p.speaker, Official) else (p.speaker or "") for _, p in uses)
    speaker_names = {p.speaker.slug: Markup('<a href="{}">{}</a>').format(link_between(p.speaker, here), p.speaker.name)
                     for _, p in uses if isinstance(p.speaker, Official)}
    speaker_names.update({BOTH_SIDES: Markup("Both sides"), "": Markup("Not attributed")})
    return Markup('{}\n{}\n<h2 id="by-side">By side</h2>\n<p>Who used it, by the side of the speaker the text '
                  'names, and by the side whose account reports it.</p>\n{}\n{}\n<h2 id="by-speaker">By speaker</h2>\n{}'
                  ).format(facts, chart, _ranked_table(spoken, "Speaker's side", side_names),
                           _ranked_table(accounts, "Account's side", side_names),
                           _ranked_table(speakers, "Speaker", speaker_names))


def formulations_table(formulations: tuple[Formulation, ...], uses_of: dict, here: str) -> Markup:
    """Every formulation with its number of uses and the years of its first and last use."""
    rows = []
    for formulation in formulations:
        uses = uses_of.get(formulation.slug, ())
        span = (f"{uses[-1][0].year}–{uses[0][0].year}" if uses[-1][0].year != uses[0][0].year
                else str(uses[0][0].year)) if uses else "—"
        rows.append(Markup('<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td></tr>').format(
            link_between(formulation, here), formulation.name, len(uses), span))
    return Markup('<table class="formulations"><thead><tr><th scope="col">Formulation</th><th scope="col">Uses</th>'
                  '<th scope="col">Years</th></tr></thead><tbody>{}</tbody></table>').format(Markup("".join(rows)))
