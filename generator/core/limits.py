"""The limits the build holds the archive to, in one place.

The check refuses, at the archive file and line, every value that would cross one of them, so that
nothing the check passes can stop the build (tests/test_refusals.py holds the two to each other).
"""

from __future__ import annotations

from datetime import date

DAY_SLOTS = 64  # readouts on one day: the search index numbers each day × DAY_SLOTS + its rank that day
FIRST_YEAR = 1949  # the People's Republic of China, one of the two sides of every readout, dates from 1949
GRACE_DAYS = 1  # the dates of the record may run a day ahead of this machine's clock: time zones differ


def last_year(today: date | None = None) -> int:
    """The latest year a readout's dates may lie in: next year (a date typed a year ahead is caught
    by a warning; one beyond that is an error)."""
    return (today or date.today()).year + 1
