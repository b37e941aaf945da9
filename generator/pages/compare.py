"""The event page's comparison: the accounts side by side, and what each mentions.

Everything here is the generator's own structure, written once as escaped HTML; the
paragraphs are the readouts' Markdown, rendered one by one (see paragraphs.rendered).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..core.model import BOTH_SIDES, Event, Paragraph, Readout
from .addresses import link_between
from .paragraphs import rendered, speaker_name


def parties(event: Event) -> str:
    """'Xi Jinping and Ebrahim Raisi': who took part, as a heading names them."""
    names = [o.name for o in event.officials]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
# Words every account of a meeting shares whatever it reports: left out of the comparison, with the
# participants' own names (added per event).
_COMMON = frozenset(
    "that this with from have will their they said also both sides side china iran chinese iranian countries country "
    "which been were into more such should would other president premier minister phone call conversation talks "
    "meeting stressed noted pointed added".split())
STEM = 6  # words compared by their first letters: "supports" is "support", "principled" is "principle"
# Two paragraphs say the same thing when they have the same speaker (or one is both sides'), share at
# least SHARED marks of evidence (words, and the formulations and initiatives each names), and the
# shorter has STRONG of its evidence in the longer, or WITH_PHRASE where a formulation or an initiative
# is among what they share. Pinned on the call of 29 July 2022 (tests/claims/test_alignment.py).
SHARED = 4
STRONG = 0.6
WITH_PHRASE = 0.4


def _evidence(paragraph: Paragraph, names: frozenset[str]) -> frozenset[str]:
    words = {w[:STEM] for w in _WORD.findall(paragraph.text.casefold()) if w not in _COMMON and w not in names}
    return frozenset(words | {"f:" + f.slug for f in paragraph.formulations}
                     | {"i:" + i.slug for i in paragraph.initiatives})


def _same_speaker(one, other) -> bool:
    """Both name the same speaker, or one is both sides' and the other's is named; unattributed only with unattributed."""
    if one is None or other is None:
        return one is None and other is None
    return one == other or BOTH_SIDES in (one, other)


def _says_the_same(own: frozenset[str], theirs: frozenset[str]) -> bool:
    shared = own & theirs
    if len(shared) < SHARED:
        return False
    contained = len(shared) / min(len(own), len(theirs))
    return contained >= STRONG or (contained >= WITH_PHRASE and any(e[:2] in ("f:", "i:") for e in shared))


def counterparts(event: Event) -> dict[tuple[int, int], tuple[tuple[int, int], ...]]:
    """For each paragraph (account number, paragraph number), every paragraph of another account that says
    the same thing: many to many, since one side's long paragraph often holds several of the other's."""
    names = frozenset(w.casefold() for o in event.officials for n in (o.name, *o.aliases) for w in n.split())
    paragraphs = [[(p, _evidence(p, names)) for p in readout.paragraphs] for readout in event.accounts]
    found: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for account, own_paragraphs in enumerate(paragraphs, start=1):
        for other, their_paragraphs in enumerate(paragraphs, start=1):
            if other <= account:
                continue
            for mine, own in own_paragraphs:
                for theirs, their_evidence in their_paragraphs:
                    if _same_speaker(mine.speaker, theirs.speaker) and _says_the_same(own, their_evidence):
                        found.setdefault((account, mine.number), []).append((other, theirs.number))
                        found.setdefault((other, theirs.number), []).append((account, mine.number))
    return {key: tuple(sorted(value)) for key, value in found.items()}


def _paragraph_list(account: int, numbers: list[int]) -> Markup:
    return Markup(", ").join(Markup('<a href="#a{0}-p{1}">¶{1}</a>').format(account, n) for n in numbers)


def _left_out(event: Event, labels: dict, alike: dict) -> list[Markup]:
    """For each account and each other account: by speaker, its paragraphs with no counterpart found there."""
    items = []
    for account, readout in enumerate(event.accounts, start=1):
        for other, theirs in enumerate(event.accounts, start=1):
            if other == account:
                continue
            by_speaker: dict[str, list[int]] = {}
            for paragraph in readout.paragraphs:
                if not any(where == other for where, _ in alike.get((account, paragraph.number), ())):
                    who = speaker_name(paragraph.speaker) or "no speaker named"
                    by_speaker.setdefault(who, []).append(paragraph.number)
            if not by_speaker:
                continue
            parts = Markup("; ").join(Markup("{}: {}").format(who, _paragraph_list(account, numbers))
                                      for who, numbers in by_speaker.items())
            items.append(Markup("<li>In {}, no counterpart found in {}: {}.</li>").format(
                _possessive(labels[readout.url_path]), _possessive(labels[theirs.url_path]), parts))
    return items


def left_out(event: Event) -> Markup:
    """What each account leaves out, in words: the paragraphs of one with no counterpart in the other, by speaker."""
    items = _left_out(event, account_labels(event), counterparts(event))
    if not items:
        return Markup('<p class="event-left-out">Every paragraph of each account has a counterpart in the other.</p>')
    return Markup('<ul class="event-left-out">{}</ul>').format(Markup("").join(items))


def _account(readout: Readout, label: str, number: int, here: str, alike: dict) -> Markup:
    by = readout.source.by
    meta = [by.side_label if by else "side not known", by.kind if by else ""]
    if readout.source.published:
        meta.append(f"published {readout.source.published.day} {readout.source.published:%B} {readout.source.published.year}")
    paragraphs = []
    for paragraph in readout.paragraphs:
        speaker = speaker_name(paragraph.speaker)
        link = link_between(readout, here) + "#" + paragraph.anchor
        similar = Markup("").join(
            Markup('<a class="event-paragraph__alike" href="#a{0}-p{1}" title="Says the same in another account">'
                   '≈ ¶{1}</a>').format(other, theirs) for other, theirs in alike.get((number, paragraph.number), ()))
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
