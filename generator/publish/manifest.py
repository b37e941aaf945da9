"""A record of the last generation, so a rebuild with nothing changed does no work.

`docs/.generated.json` holds the size and modification time of every input (the
archive, the templates, mkdocs.yml and the generator's own code) and of every page
written. When none has changed, the pages on disk are what a full run would write
again, and generation stops after a few thousand `stat` calls. MkDocs ignores
files whose names start with a dot, so the record never reaches the site.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

NAME = ".generated.json"
VERSION = 2


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return [status.st_size, status.st_mtime_ns]


def input_stamps(root: Path) -> dict[str, list[int]]:
    package = Path(__file__).resolve().parents[1]  # the whole generator, every stage
    files = [root / "mkdocs.yml", root / "CONTRIBUTING.md", *sorted((root / "archive").rglob("*")), *sorted((root / "templates").rglob("*")),
             *sorted(package.rglob("*.py"))]
    return {str(path): stamp for path in files if path.is_file() and (stamp := _stamp(path))}


def output_stamps(docs_dir: Path, pages: list[str]) -> dict[str, list[int] | None]:
    return {page: _stamp(docs_dir / page) for page in pages}


def last_record(docs_dir: Path) -> dict | None:
    """The last run's record when every generated page is as it left them."""
    try:
        last = json.loads((docs_dir / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if last.get("version") != VERSION:
        return None
    outputs = last.get("outputs", {})
    return last if outputs and output_stamps(docs_dir, list(outputs)) == outputs else None


def is_fresh(last: dict | None, inputs: dict[str, list[int]]) -> bool:
    """Nothing changed since the last run: its pages are what this one would write."""
    return last is not None and last.get("inputs") == inputs


def record(docs_dir: Path, pages: list[str], inputs: dict[str, list[int]], readouts: int,
           depends: dict[str, list[str]], sources: dict[str, str] | None = None) -> None:
    """Remember this run; inputs are stamped before it started, so an edit during the run is not missed.
    `depends`: each readout file's pages (see depends.py), for the next run to know what a change touches."""
    content = {"version": VERSION, "inputs": inputs, "outputs": output_stamps(docs_dir, pages), "readouts": readouts,
               "depends": depends, "sources": sources or {}}
    temporary = docs_dir / f"{NAME}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(content, sort_keys=True), encoding="utf-8")
    os.replace(temporary, docs_dir / NAME)


def forget(docs_dir: Path) -> None:
    (docs_dir / NAME).unlink(missing_ok=True)


def sources(docs_dir: Path) -> dict[str, str]:
    """Each readout's page (docs-relative) → its archive file, as the last run recorded them."""
    try:
        found = json.loads((docs_dir / NAME).read_text(encoding="utf-8")).get("sources", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return found if isinstance(found, dict) else {}
