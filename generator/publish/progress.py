"""What a long build is doing: each stage with its counts, and a bar while MkDocs renders.

On a terminal the bar redraws itself on one line; elsewhere (CI, a log file) each stage
is one plain line and the bar only its final count, so logs stay short.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() and not os.environ.get("CI")
        self.started = time.perf_counter()
        self.total, self.done, self.label = 0, 0, ""

    def stage(self, label: str, detail: str) -> None:
        print(f"build: {label}: {detail} ({time.perf_counter() - self.started:.1f} s)", file=self.stream, flush=True)

    def warn(self, message: str) -> None:
        """Shown by every caller, Silent included: a warning is something a person should read."""
        print(f"build: warning: {message}", file=self.stream, flush=True)

    def start_bar(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0

    def step(self) -> None:
        self.done += 1
        if self.live and (self.done == self.total or self.done % 25 == 0):
            filled = 30 * self.done // max(self.total, 1)
            self.stream.write(f"\rbuild: {self.label} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def end_bar(self) -> None:
        if self.live and self.done:
            self.stream.write("\n")
        self.stage(self.label, f"{self.done} of {self.total} pages")


class Silent(Progress):
    """For library callers and tests: nothing is printed."""

    def __init__(self):
        super().__init__(sys.stderr)
        self.live = False

    def stage(self, label: str, detail: str) -> None:
        pass
