"""Values the archive worked out rather than read on the page (a readout's `inferred`), a date's
parts among them: `date.year` where a dateline gives "December 6th" and no year."""

from __future__ import annotations

DATE_PARTS = ("year", "month", "day")  # the parts of a date that can be inferred apart


def inferred_entries(inferred: tuple[tuple[str, str], ...], field_path: str) -> tuple[tuple[str, str], ...]:
    """The entries (field, basis) about a value: itself, or its parts (`date.year`)."""
    return tuple((name, basis) for name, basis in inferred
                 if name == field_path or name in (f"{field_path}.{part}" for part in DATE_PARTS))


def inferred_parts(inferred: tuple[tuple[str, str], ...], field_path: str) -> frozenset[str]:
    """The parts of a date the archive inferred: all three when the whole value is, {"year"} for date.year."""
    names = {name for name, _ in inferred_entries(inferred, field_path)}
    if field_path in names:
        return frozenset(DATE_PARTS)
    return frozenset(part for part in DATE_PARTS if f"{field_path}.{part}" in names)
