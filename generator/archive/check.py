"""The archive checked as a whole: load, validate, and the model when nothing is wrong."""

from __future__ import annotations

from pathlib import Path

from ..core.model import Archive, make_archive
from ..core.problems import ERROR, Problem
from .load import load_archive
from .source_log import with_source_events
from .validate import validate_archive


def check_archive(root: Path, only: list[Path] | None = None) -> tuple[Archive | None, list[Problem]]:
    """Load and validate; the archive when there is no error, and every problem found."""
    registry, readouts, problems = validate_archive(load_archive(root, only))
    return archive_unless_errors(registry, readouts, problems)


def archive_unless_errors(registry, readouts, problems: list[Problem]) -> tuple[Archive | None, list[Problem]]:
    problems = sorted(problems)
    if any(p.severity == ERROR for p in problems):
        return None, problems
    publishers = registry.publishers.all if registry.publishers else ()
    readouts = with_source_events(readouts, registry.source_events)
    return make_archive(registry.officials, registry.initiatives, readouts, registry.redirects,
                        publishers, registry.formulations, registry.places.places), problems
