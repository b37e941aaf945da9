"""Values computed from one readout, kept from one build to the next in a process that builds
many times: the live preview, whose validated readouts stay the same objects while their files
are unchanged (publish/pipeline.py). A changed file gives a new Readout object, so its values are
computed again; nothing is kept on disk, and a process that builds once keeps nothing.

Only functions of the readout alone (and of the hashable arguments given) may be remembered:
a value that depends on other readouts (an event's accounts, neighbours) would go stale.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

_kept_by_function: list[dict[int, tuple]] = []
_keeping: list[bool] = []


def keep_between_builds(keep: bool = True) -> None:
    """From now on this process remembers values between builds (the live preview calls it once)."""
    _keeping[:] = [True] if keep else []
    if not keep:
        for kept in _kept_by_function:
            kept.clear()


def per_readout(function: Callable) -> Callable:
    """function(readout, *args), remembered by the readout object's identity and the arguments.
    Its value must never be changed by a caller."""
    kept: dict[int, tuple] = {}
    _kept_by_function.append(kept)

    @functools.wraps(function)
    def remembered(readout, *args):
        if not _keeping:
            return function(readout, *args)
        found = kept.get(id(readout))
        if found is not None and found[0] is readout and found[1] == args:
            return found[2]
        value = function(readout, *args)
        kept[id(readout)] = (readout, args, value)
        return value

    return remembered


def forget_all_but(readouts: Iterable) -> None:
    """Drop the values of readouts no longer in the archive (a file edited, renamed or removed)."""
    if not _keeping:
        return
    current = {id(readout) for readout in readouts}
    for kept in _kept_by_function:
        for gone in [key for key in kept if key not in current]:
            del kept[gone]
