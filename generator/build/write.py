"""Stage 6, write: pages into the generated folders of docs/.

Only files whose content changed are written (so a rebuild with nothing changed
touches nothing), files that no longer belong are removed, and no path leaves
its folder or is written twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..pages.addresses import Page

# Everything under these, in docs/, is build output; hand-written pages live beside them.
GENERATED = ("index.md", "contribute.md", "readouts", "officials", "initiatives", "timeline", "events", "venues", "data", "search", "provenance")


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
    found = set()
    for name in GENERATED:
        top = docs_dir / name
        if top.is_file():
            found.add(name)
        elif top.is_dir():
            found.update(p.relative_to(docs_dir).as_posix() for p in top.rglob("*") if p.is_file())
    return found


def write_pages(pages: list[Page], docs_dir: Path) -> WriteReport:
    targets: dict[str, bytes] = {}
    for page in pages:
        relative = _checked(page.path).as_posix()
        if relative in targets:
            raise WriteRefused(f"two pages would be written to docs/{relative}")
        targets[relative] = page.content.encode("utf-8")
    written, unchanged = [], 0
    for relative, content in targets.items():
        destination = docs_dir / relative
        try:
            if destination.stat().st_size == len(content) and destination.read_bytes() == content:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = destination.with_name(destination.name + ".tmp")
        temporary.write_bytes(content)
        os.replace(temporary, destination)
        written.append(relative)
    removed = sorted(_generated_files(docs_dir) - targets.keys())
    for relative in removed:
        (docs_dir / relative).unlink()
    for name in GENERATED:  # folders emptied by removals go too, deepest first
        top = docs_dir / name
        if top.is_dir():
            for folder in sorted((p for p in top.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
                if not any(folder.iterdir()):
                    folder.rmdir()
    return WriteReport(tuple(written), tuple(removed), unchanged)
