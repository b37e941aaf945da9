"""Problems found in the archive, each tied to a file and a line."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str
    message: str
    hint: str = ""

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        level = "error" if self.severity == ERROR else "warning"
        message = self.message + (f" ({self.hint})" if self.hint else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")  # a file name is a stranger's too
        path = path.replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={path},line={self.line},col={self.column}::{message}"


class ArchiveInvalid(Exception):
    """The archive has errors; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == ERROR]
        super().__init__(f"{len(errors)} error(s) in the archive:\n" + "\n".join(p.text() for p in errors))


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it: relative to the project root where possible."""
    try:
        return (_resolved(path.parent) / path.name).relative_to(_resolved(root)).as_posix()  # a link is named, not followed
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=256)  # a few folders hold thousands of readouts; resolving asks the file system
def _resolved(folder: Path) -> Path:
    return folder.resolve()
