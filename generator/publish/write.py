"""Stage 6, write: pages into the generated folders of docs/.

Only files whose content changed are written (so a rebuild with nothing changed
touches nothing), files that no longer belong are removed, and no path leaves
its folder or is written twice.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..pages.addresses import Page, Streamed
from .kinds import GENERATED  # everything under these, in docs/, is build output; hand-written pages live beside them


class WriteRefused(Exception):
    pass


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def _checked(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or relative.parts[0] not in GENERATED:
        raise WriteRefused(f"refusing to write {path!r}: outside the generated folders of docs/")
    return relative


def _generated_files(docs_dir: Path) -> set[str]:
    """Every file under the generated paths, docs-relative (os.walk: pathlib's rglob took half a
    second a run at 1,000 readouts)."""
    found = set()
    base = len(str(docs_dir)) + 1
    for name in GENERATED:
        top = docs_dir / name
        if top.is_file():
            found.add(name)
        elif top.is_dir():
            for folder, _, files in os.walk(top):
                found.update(os.path.join(folder, file)[base:] for file in files)
    return found


def remove_leftovers(root: Path, docs_dir: Path) -> None:
    """What a killed build left: its backup folders beside docs/ and its half-written files in docs/.
    Called under the build lock, so no running build owns them."""
    for leftover in root.glob(".docs-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for name in GENERATED:
        top = docs_dir / name
        if top.is_dir():
            for temporary in top.rglob(".*.tmp"):
                temporary.unlink(missing_ok=True)
    for temporary in docs_dir.glob(".*.tmp"):
        temporary.unlink(missing_ok=True)


class Backup:
    """The previous version of every file a build replaces or removes in docs/, hard-linked aside
    (the writer replaces files, never writes into them), so a failed build can put docs/ back."""

    def __init__(self, root: Path):
        self.folder = Path(tempfile.mkdtemp(prefix=".docs-", dir=root))
        self.kept: dict[str, bool] = {}  # docs-relative path → whether it existed before

    def keep(self, docs_dir: Path, relative: str) -> None:
        if relative in self.kept:
            return
        source, copy = docs_dir / relative, self.folder / relative
        self.kept[relative] = source.exists()
        if self.kept[relative]:
            copy.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, copy)

    def restore(self, docs_dir: Path) -> None:
        for relative, existed in self.kept.items():
            if existed:
                (docs_dir / relative).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.folder / relative, docs_dir / relative)
            else:
                (docs_dir / relative).unlink(missing_ok=True)
        _remove_empty_folders(docs_dir, self.kept)
        self.kept.clear()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _remove_empty_folders(docs_dir: Path, removed) -> None:
    """The folders that removing these files emptied, deepest first."""
    folders = {parent for relative in removed for parent in PurePosixPath(relative).parents if parent.parts}
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        path = docs_dir / folder
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _temporary(destination: Path) -> Path:
    """This process's temporary file beside destination (MkDocs skips names starting with a dot)."""
    return destination.with_name(f".{destination.name}.{os.getpid()}.tmp")


def _replace(destination: Path, content: bytes, docs_dir: Path) -> None:
    """destination gets content in one step, through a temporary file of this process; a failure
    (a full disk) leaves no temporary file and names the path."""
    temporary = _temporary(destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        os.replace(temporary, destination)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteRefused(_cannot_write(destination, docs_dir, error)) from None


def _cannot_write(destination: Path, docs_dir: Path, error: OSError) -> str:
    shown = destination.relative_to(docs_dir.parent) if destination.is_relative_to(docs_dir.parent) else destination
    return f"cannot write {shown}: {error.strerror or error}"


def _same_bytes(first: Path, second: Path, block: int = 1 << 20) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with open(first, "rb") as one, open(second, "rb") as other:
        while (piece := one.read(block)) == other.read(block):
            if not piece:
                return True
    return False


def _replace_streamed(destination: Path, content: Streamed, docs_dir: Path, before_replacing) -> bool:
    """destination gets the streamed content in one step, piece by piece through a temporary file;
    False, and the file left as it was, when it already holds those bytes."""
    temporary = _temporary(destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as out:
            out.writelines(content.chunks())
        if destination.is_file() and _same_bytes(temporary, destination):
            temporary.unlink()
            return False
        before_replacing()
        os.replace(temporary, destination)
        return True
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteRefused(_cannot_write(destination, docs_dir, error)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class Writer:
    """Writes pages into docs/ as they are made, so a kind's files leave memory once written; then
    `finish` removes the generated files no page named. Pages with content None are kept as they
    are in docs/ (the caller knows they are right)."""

    def __init__(self, docs_dir: Path, backup: Backup | None = None):
        self.docs_dir, self.backup = docs_dir, backup
        self.targets: set[str] = set()
        self.written: list[str] = []
        self.unchanged = 0

    def write(self, pages: Iterable[Page]) -> None:
        for page in pages:
            relative = _checked(page.path).as_posix()
            if relative in self.targets:
                raise WriteRefused(f"two pages would be written to docs/{relative}")
            self.targets.add(relative)
            if page.content is None:
                self.unchanged += 1
                continue
            if isinstance(page.content, Streamed):
                changed = _replace_streamed(self.docs_dir / relative, page.content, self.docs_dir, self._keeping(relative))
            else:
                content = page.content if isinstance(page.content, bytes) else page.content.encode("utf-8")
                changed = not self._holds(relative, content)
                if changed:
                    self._keeping(relative)()
                    _replace(self.docs_dir / relative, content, self.docs_dir)
            if changed:
                self.written.append(relative)
            else:
                self.unchanged += 1

    def _keeping(self, relative: str):
        """What keeps the file's previous version aside, called just before it is replaced."""
        return lambda: self.backup.keep(self.docs_dir, relative) if self.backup else None

    def _holds(self, relative: str, content: bytes) -> bool:
        destination = self.docs_dir / relative
        try:
            return destination.stat().st_size == len(content) and destination.read_bytes() == content
        except (FileNotFoundError, NotADirectoryError):
            return False

    def finish(self) -> WriteReport:
        removed = sorted(_generated_files(self.docs_dir) - self.targets)
        for relative in removed:
            if self.backup:
                self.backup.keep(self.docs_dir, relative)
            (self.docs_dir / relative).unlink()
        _remove_empty_folders(self.docs_dir, removed)
        return WriteReport(tuple(self.written), tuple(removed), self.unchanged)


def write_pages(pages: Iterable[Page], docs_dir: Path, backup: Backup | None = None) -> WriteReport:
    writer = Writer(docs_dir, backup)
    writer.write(pages)
    return writer.finish()
