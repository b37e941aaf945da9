"""Values computed from one readout, kept from one build to the next.

In memory, in a process that builds many times: the live preview, whose validated readouts stay
the same objects while their files are unchanged (publish/pipeline.py). A changed file gives a
new Readout object, so its values are computed again.

On disk, between runs, when the build hands over a store (`storing`): each readout the build
names comes with the key of its file's content, and a value is looked up by that key, the
function and its arguments before it is computed, and stored after. The build names only the
readouts whose values follow from their own file (publish/fragments.py says which, and where
the store lives). Values go to disk as JSON, with tuples and frozensets marked so that they come
back as they went; a value JSON cannot hold exactly is computed every time.

Only functions of the readout alone (and of the hashable arguments given) may be remembered:
a value that depends on other readouts (an event's accounts, neighbours) would go stale.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

_kept_by_function: list[dict[int, tuple]] = []
_keeping: list[bool] = []


class Store(Protocol):
    """Values by (content key, function, arguments), as JSON text."""

    def get(self, key: str, function: str, arguments: str) -> str | None: ...

    def put(self, key: str, function: str, arguments: str, value: str) -> None: ...


# The store of the running build, the key of each readout it names (by the object's identity),
# and the process that set it: workers forked from the build compute their values themselves.
_storing: list[tuple[Store, dict[int, tuple[object, str]], int]] = []


@contextlib.contextmanager
def storing(store: Store | None, keyed: Iterable[tuple[object, str]]) -> Iterator[None]:
    """While the block runs, values of the named readouts are read from and written to `store`."""
    if store is None:
        yield
        return
    _storing[:] = [(store, {id(readout): (readout, key) for readout, key in keyed}, os.getpid())]
    try:
        yield
    finally:
        _storing.clear()


def _encoded(value) -> object:
    if isinstance(value, tuple):
        return {"$t": [_encoded(item) for item in value]}
    if isinstance(value, frozenset):
        return {"$f": sorted(_encoded(item) for item in value)}
    if isinstance(value, list):
        return [_encoded(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) and not k.startswith("$") for k in value):
            raise TypeError("a dict JSON cannot hold as it is")
        return {k: _encoded(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"{type(value).__name__} is not stored")


def _marked(found: dict) -> object:
    """json.loads' hook: a marked value as it went (its items are already decoded)."""
    if "$t" in found:
        return tuple(found["$t"])
    if "$f" in found:
        return frozenset(found["$f"])
    return found


def _store_key(readout) -> tuple[Store, str] | None:
    if not _storing:
        return None
    store, keys, pid = _storing[0]
    found = keys.get(id(readout))
    if pid != os.getpid() or found is None or found[0] is not readout:
        return None
    return store, found[1]


def _computed(function: Callable, name: str, readout, args: tuple):
    """function(readout, *args), from the store when it holds the value, else computed (and stored)."""
    place = _store_key(readout)
    if place is None:
        return function(readout, *args)
    store, key = place
    try:
        arguments = json.dumps(_encoded(args), ensure_ascii=False)
    except TypeError:
        return function(readout, *args)  # arguments JSON cannot hold exactly
    if (held := store.get(key, name, arguments)) is not None:
        return json.loads(held, object_hook=_marked)
    value = function(readout, *args)
    try:
        store.put(key, name, arguments, json.dumps(_encoded(value), ensure_ascii=False))
    except TypeError:
        pass  # a value JSON cannot hold exactly: computed on every run
    return value


def keep_between_builds(keep: bool = True) -> None:
    """From now on this process remembers values between builds (the live preview calls it once)."""
    _keeping[:] = [True] if keep else []
    if not keep:
        for kept in _kept_by_function:
            kept.clear()


def per_readout(function: Callable) -> Callable:
    """function(readout, *args), remembered by the readout object's identity and the arguments, and
    stored on disk while a build hands over a store. Its value must never be changed by a caller."""
    kept: dict[int, tuple] = {}
    _kept_by_function.append(kept)
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def remembered(readout, *args):
        if not _keeping:
            return _computed(function, name, readout, args)
        found = kept.get(id(readout))
        if found is not None and found[0] is readout and found[1] == args:
            return found[2]
        value = _computed(function, name, readout, args)
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
