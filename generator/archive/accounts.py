"""What lets accounts be compared: the publisher and its side, the paragraphs with their
speakers and formulations, and a warning where events cannot be told apart."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from .load import LoadedArchive, RawDocument
from .formulations import FormulationFinder, load_formulations
from .paragraphs import paragraphs
from .publishers import load_publishers
from .registry import Registry
from ..core.model import Initiative, Official, Paragraph, Readout, Source, event_key, event_mode
from ..core.problems import WARNING, Problem
from ..core.text import has_html


def add_registries(registry: Registry, loaded: LoadedArchive, unreadable: set[str], problems: list[Problem]) -> Registry:
    """The registries of publishers and formulations beside those of officials and initiatives
    (one that could not be read adds nothing: its own error says so)."""
    publishers_doc, formulations_doc = (doc if doc and doc.display not in unreadable else None
                                        for doc in (loaded.publishers, loaded.formulations))
    registry.publishers = load_publishers(publishers_doc, problems) if publishers_doc else None
    registry.formulations = load_formulations(formulations_doc, problems) if formulations_doc else ()
    registry.formulation_finder = FormulationFinder(registry.formulations)
    return registry


def resolve_publisher(doc: RawDocument, source: Source | None, registry, problems: list[Problem]) -> Source | None:
    """The source with its publisher's registry entry; an unknown publisher is an error."""
    if source is None or not source.publisher or registry.publishers is None or has_html(source.publisher):
        return source  # an HTML publisher has its own error
    publisher = registry.publishers.get(source.publisher)
    if publisher is None:
        close = registry.publishers.closest(source.publisher)
        problems.append(doc.problem(("source", "publisher"), f"unknown publisher {source.publisher!r}",
                                    (f"did you mean {close!r}? " if close else "")
                                    + "add it to archive/publishers.yml (with 'identified: false' and its side, "
                                      "where the page does not name it)"))
        return source
    if source.url and publisher.identified:
        _check_host(doc, source.url, publisher, registry.publishers.all, problems)
    return dataclasses.replace(source, by=publisher)


def _on_host(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == known or host.endswith("." + known) for known in hosts)


def _check_host(doc: RawDocument, url: str, publisher, publishers, problems: list[Problem]) -> None:
    """An address on a host that is not its publisher's: a look-alike host, or the wrong publisher."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if _on_host(host, publisher.hosts):
        return
    owner = next((p for p in sorted(publishers, key=lambda p: -max(map(len, p.hosts), default=0))
                  if p is not publisher and _on_host(host, p.hosts)), None)
    listed = ", ".join(publisher.hosts) if publisher.hosts else "none"
    problems.append(doc.problem(("source", "url"), f"the address is on {host!r}, which is not a host of "
                                f"{publisher.name!r} (its hosts: {listed})"
                                + (f" but one of {owner.name!r}" if owner else ""),
                                "check the address and the publisher; if the publisher's pages are on this host, "
                                "add it to the publisher's 'hosts' in archive/publishers.yml", WARNING))


def check_accounts(doc: RawDocument, source: Source | None, officials: tuple[Official, ...], registry: Registry,
                   problems: list[Problem], initiatives: tuple[Initiative, ...] = ()
                   ) -> tuple[Source | None, tuple[Paragraph, ...]]:
    """The source with its publisher resolved, and the text's paragraphs with their speakers, formulations
    and the initiatives (of those the readout lists) that each names."""
    return (resolve_publisher(doc, source, registry, problems),
            paragraphs(doc, officials, registry, registry.formulation_finder, problems, initiatives))


def ambiguous_events(checked: list[tuple[RawDocument, Readout]], rest: list[Readout]) -> list[Problem]:
    """Readouts of the same day and participants that their kinds keep apart: perhaps one event, perhaps two."""
    by_people: dict[tuple, list[Readout]] = {}
    for readout in [r for _, r in checked] + list(rest):
        if not readout.event_key:
            by_people.setdefault((readout.date, frozenset(o.slug for o in readout.officials)), []).append(readout)
    problems = []
    for doc, readout in checked:
        if readout.event_key:
            continue
        others = sorted((r for r in by_people[(readout.date, frozenset(o.slug for o in readout.officials))]
                         if event_key(r) != event_key(readout)), key=lambda r: r.source_path)
        if others:
            other = others[0]
            problems.append(doc.problem(("kind",), f"'{readout.kind}' on the same day with the same participants "
                                        f"as the {other.kind} in {other.source_path}: grouped as two events",
                                        "if both are accounts of one occurrence, give both the same 'event:' key; "
                                        f"if they are two ({event_mode(readout.kind)} and {event_mode(other.kind)}), "
                                        "give each its own 'event:' key", WARNING))
    return problems
