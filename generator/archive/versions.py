"""The ties between a readout's language versions, checked across the archive.

`version_of: <id>` ties a text to the same readout in another language. The check refuses
a tie to an id no readout has, a tie between accounts of different meetings, two versions in
one language from one publisher, and a circle of ties; each at the line of the tie.
"""

from __future__ import annotations

import difflib

from .load import RawDocument
from ..core.model import Readout, event_key
from ..core.problems import Problem
from ..core.versions import version_groups


def check_versions(checked: list[tuple[RawDocument, Readout]], rest: list[Readout]) -> list[Problem]:
    """Every problem with the ties of the checked readouts, given the rest of the archive."""
    readouts = [r for _, r in checked] + list(rest)
    by_id = {r.id: r for r in readouts}
    groups = version_groups(readouts)
    problems: list[Problem] = []
    for doc, readout in checked:
        if readout.version_of:
            problems += _check_tie(doc, readout, by_id)
        if readout.id in groups:
            problems += _check_group(doc, readout, groups[readout.id])
    return problems


def _check_tie(doc: RawDocument, readout: Readout, by_id: dict[str, Readout]) -> list[Problem]:
    other = by_id.get(readout.version_of)
    if other is None:
        close = difflib.get_close_matches(readout.version_of, list(by_id), n=1)
        return [doc.problem(("version_of",), f"no readout has the id {readout.version_of!r}",
                            (f"did you mean {close[0]!r}? " if close else "")
                            + "copy the 'id:' line of the readout in the other language")]
    if event_key(other) != event_key(readout):
        return [doc.problem(("version_of",), f"'version_of' ties two meetings: {other.source_path} is of "
                            f"{other.date.isoformat()} with {_people(other)}, this readout of "
                            f"{readout.date.isoformat()} with {_people(readout)}",
                            "a version is the same readout in another language: give it the date, participants "
                            "and kind of the other (or both the same 'event:' key), or remove 'version_of'")]
    return _check_circle(doc, readout, by_id)


def _check_circle(doc: RawDocument, readout: Readout, by_id: dict[str, Readout]) -> list[Problem]:
    seen = [readout.id]
    current = by_id.get(readout.version_of)
    while current is not None and current.version_of:
        if current.version_of == readout.id:
            circle = " → ".join(seen + [current.id, readout.id])
            return [doc.problem(("version_of",), f"the ties of versions go round in a circle: {circle}",
                                "tie every version to one of them (usually the original) and remove "
                                "'version_of' from that one")]
        if current.id in seen:
            return []  # a circle further on, reported at its own files
        seen.append(current.id)
        current = by_id.get(current.version_of)
    return []


def _check_group(doc: RawDocument, readout: Readout, group: tuple[Readout, ...]) -> list[Problem]:
    twins = sorted(r.source_path for r in group if r is not readout
                   and r.source.language == readout.source.language and _publisher(r) == _publisher(readout))
    if not twins:
        return []
    return [doc.problem(("source", "language"), f"two versions in {readout.source.language!r} from "
                        f"{readout.source.publisher}: this one and {twins[0]}",
                        "a readout has one version per language and publisher: keep one file, or correct "
                        "'source.language' or 'source.publisher'")]


def _publisher(readout: Readout) -> str:
    return readout.source.by.slug if readout.source.by else " ".join(readout.source.publisher.casefold().split())


def _people(readout: Readout) -> str:
    return ", ".join(o.name for o in readout.officials)
