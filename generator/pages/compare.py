"""The event page's comparison: the accounts side by side, and what each mentions.

Everything here is the generator's own structure, written once as escaped HTML; the
paragraphs are the readouts' Markdown, rendered one by one (see paragraphs.rendered).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..core.model import Event, Paragraph, Readout
from .addresses import link_between
from .paragraphs import rendered, speaker_name


def account_labels(event: Event) -> dict[str, str]:
    """How the comparison names each account: "the Iranian outlet", or the publisher where two would share it."""
    short = {r.url_path: r.source.by.short_label if r.source.by else f"the account by {r.source.publisher}"
             for r in event.accounts}
    shared = {label for label in short.values() if list(short.values()).count(label) > 1}
    return {path: (f"the account by {r.source.publisher}" if short[path] in shared else short[path])
            for path, r in ((r.url_path, r) for r in event.accounts)}


def _possessive(label: str) -> str:
    return f"{label}'s account" if not label.startswith("the account by ") else label


def _mentions(event: Event, here: str) -> list[tuple[str, list[tuple[Markup, set[str]]]]]:
    """Per kind of thing (officials, initiatives, formulations): each thing, as a link, and the accounts naming it."""
    groups = []
    for title, of in (("Officials", lambda r: (*r.officials, *r.mentioned)),
                      ("Initiatives", lambda r: r.initiatives), ("Formulations", lambda r: r.formulations)):
        found: dict[str, tuple[object, set[str]]] = {}
        for readout in event.accounts:
            for item in of(readout):
                found.setdefault(item.slug, (item, set()))[1].add(readout.url_path)
        rows = [(Markup('<a href="{}">{}</a>').format(link_between(item, here), item.name), accounts)
                for item, accounts in sorted(found.values(), key=lambda entry: entry[0].sort_key)]
        if rows:
            groups.append((title, rows))
    return groups


def comparison(event: Event, here: str) -> Markup:
    """A table of what each account mentions, and a list of what only one of them does."""
    labels = account_labels(event)
    head = "".join(Markup('<th scope="col">{}</th>').format(labels[r.url_path].removeprefix("the ").capitalize())
                   for r in event.accounts)
    rows, only = [], []
    for title, entries in _mentions(event, here):
        rows.append(Markup('<tr><th scope="rowgroup" colspan="{}">{}</th></tr>').format(len(event.accounts) + 1, title))
        for name, accounts in entries:
            cells = "".join(Markup('<td>{}</td>').format("yes" if r.url_path in accounts else "—")
                            for r in event.accounts)
            rows.append(Markup('<tr><th scope="row">{}</th>{}</tr>').format(name, Markup(cells)))
            if len(accounts) == 1 and len(event.accounts) > 1:
                only.append(Markup("<li>{}: only in {}</li>").format(name, _possessive(labels[next(iter(accounts))])))
    table = Markup('<table class="event-compare"><thead><tr><th scope="col">Mentioned</th>{}</tr></thead>'
                   '<tbody>{}</tbody></table>').format(Markup(head), Markup("".join(rows)))
    listing = (Markup('<h2 id="only-one-account">In one account only</h2>\n<ul class="event-only">{}</ul>')
               .format(Markup("".join(only))) if only else
               Markup('<p class="event-only">Every official, initiative and formulation appears in each account.</p>'))
    return Markup("{}\n{}").format(table, listing)


_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset("that this with from have will their they said also both sides side china iran chinese iranian "
                    "countries country which been were into more such should would other")
# Two paragraphs report the same thing when the shorter shares this much of its distinct words with the
# longer (one side's long paragraph often holds several of the other's short ones), and at least SHARED words.
SIMILAR = 0.45
SHARED = 4
SAME_SPEAKER = 0.2  # the same speaker makes a paragraph this much more alike


def _words(paragraph: Paragraph) -> frozenset[str]:
    return frozenset(_WORD.findall(paragraph.text.casefold())) - _COMMON


def counterparts(event: Event) -> dict[tuple[int, int], tuple[int, int]]:
    """For each paragraph (account number, paragraph number), the most alike paragraph of another account,
    where they share enough of their words to be likely reports of the same statement."""
    words = [[(p.number, p.speaker, _words(p)) for p in readout.paragraphs] for readout in event.accounts]
    found = {}
    for account, paragraphs in enumerate(words, start=1):
        for number, speaker, own in paragraphs:
            best = max(((len(own & theirs) / min(len(own), len(theirs)), other, their_number, same)
                        for other, others in enumerate(words, start=1) if other != account
                        for their_number, their_speaker, theirs in others if len(own & theirs) >= SHARED
                        for same in [speaker is not None and speaker == their_speaker]),
                       key=lambda c: (c[0] + SAME_SPEAKER * c[3], -c[1], -c[2]), default=None)
            if best and best[0] >= SIMILAR:
                found[(account, number)] = (best[1], best[2])
    return found


def _account(readout: Readout, label: str, number: int, here: str, alike: dict) -> Markup:
    by = readout.source.by
    meta = [by.side_label if by else "side not known", by.kind if by else ""]
    if readout.source.published:
        meta.append(f"published {readout.source.published.day} {readout.source.published:%B} {readout.source.published.year}")
    paragraphs = []
    for paragraph in readout.paragraphs:
        speaker = speaker_name(paragraph.speaker)
        link = link_between(readout, here) + "#" + paragraph.anchor
        match = alike.get((number, paragraph.number))
        similar = (Markup('<a class="event-paragraph__alike" href="#a{}-p{}" title="The most alike paragraph of '
                          'another account">≈ ¶{}</a>').format(match[0], match[1], match[1]) if match else "")
        paragraphs.append(Markup(
            '<div class="event-paragraph" id="a{}-{}"><a class="event-paragraph__number" href="{}" '
            'title="Paragraph {} in the readout">¶{}</a>{}{}{}</div>').format(
            number, paragraph.anchor, link, paragraph.number, paragraph.number,
            Markup('<span class="event-paragraph__speaker">{}</span>').format(speaker) if speaker else "",
            rendered(paragraph), similar))
    return Markup(
        '<section class="event-account" aria-labelledby="account-{n}">\n<h2 id="account-{n}">{publisher}</h2>\n'
        '<p class="event-account__meta">{meta} · <a href="{href}">{title}</a></p>\n{paragraphs}\n</section>').format(
        n=number, publisher=readout.source.publisher, meta=" · ".join(m for m in meta if m),
        href=link_between(readout, here), title=readout.title, paragraphs=Markup("\n".join(paragraphs)))


def accounts_side_by_side(event: Event, here: str) -> Markup:
    """The accounts in columns on a wide screen, one after the other on a phone (see archive.css)."""
    labels = account_labels(event)
    alike = counterparts(event)
    columns = [_account(r, labels[r.url_path], i, here, alike) for i, r in enumerate(event.accounts, start=1)]
    return Markup('<div class="event-accounts">\n{}\n</div>').format(Markup("\n".join(columns)))
