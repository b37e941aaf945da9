"""The work a call does, counted instead of timed.

A bound on seconds fails on a busy machine and passes a quadratic step on a fast one; timing goals
live in the benchmarks. The number of functions a call enters, Python's and the built-in ones
alike, is the same on every machine and every run, and a step that is not linear in its input
enters more of them per character as the input grows. The count stops the call once it passes
its budget, so a step gone quadratic fails at once instead of running for minutes.

What it cannot see is the work inside one built-in call: a regular expression that backtracks
over the whole text is one call however long it takes.
"""

from __future__ import annotations

import sys


class OverBudget(BaseException):
    """Raised inside the counted call; a BaseException, so that no `except Exception` of the code swallows it."""


def calls_made(call, budget: int) -> int:
    """The functions `call()` enters, Python's and built-in; fails the test once they pass `budget`."""
    made = 0
    before = sys.getprofile()  # a profiler the run itself is under gets it back

    def count(frame, event, arg):
        nonlocal made
        if event == "call" or event == "c_call":
            made += 1
            if made > budget:
                sys.setprofile(before)
                raise OverBudget

    sys.setprofile(count)
    try:
        call()
    except OverBudget:
        pass
    finally:
        sys.setprofile(before)
    assert made <= budget, f"more than {budget:,} function calls: a step is not linear in its input"
    return made
