"""A readout's language versions: the readouts tied by `version_of`, as one group.

Each version is a readout of its own; a group is every readout reachable through the ties,
whichever way they point. The check refuses a tie to a missing id, a circle and two
versions in one language from one publisher, so a sound archive's groups are small trees.
"""

from __future__ import annotations

import dataclasses

from .languages import SIDE_LANGUAGES


@dataclasses.dataclass(frozen=True)
class Original:
    """The version in the publisher's own language of a text the archive holds in translation."""

    id: str
    title: str
    language: str
    url_path: str


def version_groups(readouts) -> dict[str, tuple]:
    """Readout id → every version of it, itself included, in the given order; only readouts
    with at least one other version."""
    parent = {r.id: r.id for r in readouts}

    def root(rid: str) -> str:
        while parent[rid] != rid:
            parent[rid] = parent[parent[rid]]
            rid = parent[rid]
        return rid

    for readout in readouts:
        if readout.version_of in parent:
            a, b = root(readout.id), root(readout.version_of)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list] = {}
    for readout in readouts:
        members.setdefault(root(readout.id), []).append(readout)
    return {r.id: tuple(group) for group in members.values() if len(group) > 1 for r in group}


# Publishers whose readouts are their government's own, written first in its language; a news agency or
# an outlet may write in English first (Tehran Times, Press TV), so its English text is no translation.
GOVERNMENT_KINDS = ("ministry", "embassy or mission", "party body")


def original_language(readout) -> str:
    """The language the readout's government writes its own readouts in; "" when the publisher is not a
    government body or its side is not known."""
    by = readout.source.by
    return SIDE_LANGUAGES.get(readout.side, "") if by is not None and by.kind in GOVERNMENT_KINDS else ""


def is_translation(readout) -> bool:
    """Whether the text is in another language than its publisher's own (an English version)."""
    original = original_language(readout)
    return bool(original) and readout.source.language != original


def original_of(readout, group) -> object | None:
    """The version in the publisher's own language, when the text read is a translation and the
    archive holds the original."""
    if not is_translation(readout):
        return None
    return next((r for r in group if r.side == readout.side
                 and r.source.language == original_language(readout)), None)


def account_of(group) -> object:
    """The version that stands for the group among an event's accounts: the English one, which
    compares with the other side's accounts word for word, else the original, else the first."""
    return (next((r for r in group if r.source.language == "en"), None)
            or next((r for r in group if not is_translation(r)), None) or group[0])


def with_originals(readouts: tuple) -> tuple:
    """The readouts, each translation told of its original where the archive holds it (for its citation)."""
    groups = version_groups(readouts)
    found = []
    for readout in readouts:
        original = original_of(readout, groups.get(readout.id, ()))
        found.append(dataclasses.replace(readout, translation_of=Original(
            original.id, original.title, original.source.language, original.url_path)) if original else readout)
    return tuple(found)
