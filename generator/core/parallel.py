"""Spreading the heaviest work of a large archive over the machine's cores.

Forked workers inherit the archive already in memory, so only their results
cross between processes. Small archives, and processes that run threads (such as
the live preview's server, which forking could catch holding a lock), stay in one
process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence

MIN_ITEMS = 2000  # below this, starting workers costs more than it saves
MAX_WORKERS = 4

_task: Callable[[int], object] | None = None  # what the forked workers run, set just before they fork


def workers_for(items: int) -> int:
    if items < MIN_ITEMS or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def split(items: Sequence, parts: int) -> list[Sequence]:
    """Contiguous slices of about equal size, in order."""
    size = -(-len(items) // parts)
    return [items[start:start + size] for start in range(0, len(items), size)]


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the group: the parent stops the workers and reports it once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(index: int):
    return _task(index)


def map_chunks(function: Callable[[Sequence], object], chunks: list[Sequence]) -> list:
    """function(chunk) for every chunk, each in a forked worker; the results in order."""
    return list(each_chunk(function, chunks, len(chunks)))


def each_chunk(function: Callable[[Sequence], object], chunks: list[Sequence], workers: int) -> Iterator:
    """function(chunk) for every chunk in `workers` forked workers, each result as soon as it and
    those before it are done, so that the caller can write one chunk's results before the next
    arrives."""
    global _task
    _task = lambda index: function(chunks[index])  # noqa: E731 - inherited by the fork, never pickled
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts) as pool:
            yield from pool.imap(_run, range(len(chunks)))
    finally:
        _task = None
