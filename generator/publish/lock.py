"""One build of a checkout at a time.

A build holds an exclusive lock (flock) on `.build.lock` in the project, and writes its
process id into it so that a second build can say whom it is waiting for. The second
build waits a little (READOUTS_LOCK_WAIT seconds, 10 by default), then stops with a
message naming that process. The operating system releases the lock when its holder
exits, however it exits, so a lock left by a killed build is simply taken over: the
file's old process id is never trusted on its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

NAME = ".build.lock"
_held: dict[str, list] = {}  # project → [open lock file, depth]: one process may nest its stages


class BuildLocked(Exception):
    pass


def _holder(handle) -> str:
    handle.seek(0)
    text = handle.read().strip()
    return f"process {text}" if text.isdigit() else "another process"


@contextlib.contextmanager
def build_lock(root: Path, wait: float | None = None):
    key = str(root.resolve())
    if key in _held:
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    wait = float(os.environ.get("READOUTS_LOCK_WAIT", "10")) if wait is None else wait
    handle = open(root / NAME, "a+", encoding="ascii")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildLocked(f"another build of this project is running ({_holder(handle)}, recorded in "
                                      f"{NAME}); wait for it to finish, or stop it, then build again") from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        _held[key] = [handle, 1]
        try:
            yield
        finally:
            del _held[key]
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()  # releases the lock
