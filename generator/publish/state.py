"""The build state: one record of what the last build made from what, `.build-state.json` in the project.

Two parts, each written by the step that makes what it describes:
- "docs": the size and modification time of every input (the archive, the templates,
  mkdocs.yml, CONTRIBUTING.md and the generator's own code) and of every file written into docs/,
  each readout file's pages (depends.py) and each readout page's archive file. When no input
  has changed and the files are as the build left them, generation stops after a few thousand
  `stat` calls; otherwise "what to render again" is derived from it.
- "site": the site folder, a fingerprint of what shapes every page (mkdocs.yml, the theme
  override, the versions of MkDocs, Material and Python-Markdown) and the stamp of every docs/
  file MkDocs rendered. MkDocs renders again only the docs/ files whose stamp changed.

Nothing else records a build. A part is removed before the step it describes changes anything
and written again, atomically (a temporary file renamed over the record), only after that step
is complete: after docs/ is written, after the new site has taken site/'s place. So a failed,
killed or concurrent build (lock.py keeps builds of one checkout apart) never leaves a record
claiming more than is on disk; the next build redoes what it needs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

NAME = ".build-state.json"
VERSION = 1
DOCS, SITE = "docs", "site"


def _read(root: Path) -> dict:
    try:
        found = json.loads((root / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) and found.get("version") == VERSION else {}


def _write(root: Path, content: dict) -> None:
    temporary = root / f"{NAME}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps({**content, "version": VERSION}, sort_keys=True), encoding="utf-8")
    os.replace(temporary, root / NAME)


def part(root: Path, name: str) -> dict | None:
    found = _read(root).get(name)
    return found if isinstance(found, dict) else None


def keep(root: Path, name: str, value: dict) -> None:
    _write(root, {**_read(root), name: value})


def forget(root: Path, name: str) -> None:
    content = _read(root)
    if name in content:
        content.pop(name)
        _write(root, content)


LEGACY = ("docs/.generated.json", ".site.built.json")  # the records earlier versions of the build kept


def remove_leftovers(root: Path) -> None:
    for leftover in [*root.glob(f"{NAME}.*.tmp"), *(root / name for name in LEGACY)]:
        leftover.unlink(missing_ok=True)


# ---------------------------------------------------------------- the "docs" part

def stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return [status.st_size, status.st_mtime_ns]


def input_stamps(root: Path) -> dict[str, list[int]]:
    package = Path(__file__).resolve().parents[1]  # the whole generator, every stage
    files = [root / "mkdocs.yml", root / "CONTRIBUTING.md", *sorted((root / "archive").rglob("*")),
             *sorted((root / "templates").rglob("*")), *sorted(package.rglob("*.py"))]
    return {str(path): found for path in files if path.is_file() and (found := stamp(path))}


def output_stamps(docs_dir: Path, pages: list[str]) -> dict[str, list[int] | None]:
    return {page: stamp(docs_dir / page) for page in pages}


def last_docs(root: Path, docs_dir: Path) -> dict | None:
    """The last generation's part when every file it wrote into docs_dir is as it left them."""
    last = part(root, DOCS)
    if last is None or last.get("docs_dir") != str(docs_dir.resolve()):
        return None
    outputs = last.get("outputs", {})
    return last if outputs and output_stamps(docs_dir, list(outputs)) == outputs else None


def is_fresh(last: dict | None, inputs: dict[str, list[int]]) -> bool:
    """Nothing changed since the last run: its pages are what this one would write."""
    return last is not None and last.get("inputs") == inputs


def keep_docs(root: Path, docs_dir: Path, pages: list[str], inputs: dict[str, list[int]], readouts: int,
              depends: dict[str, list[str]], sources: dict[str, str], last: dict | None = None,
              written: Iterable[str] = ()) -> None:
    """Inputs are stamped before the run started, so an edit during the run is not missed. A page
    this run did not write keeps the stamp `last` recorded (last_docs found every one as it was)."""
    stamped = dict(last["outputs"]) if last else {}
    for page in written:
        stamped.pop(page, None)
    outputs = {page: stamped[page] if page in stamped else stamp(docs_dir / page) for page in pages}
    keep(root, DOCS, {"docs_dir": str(docs_dir.resolve()), "inputs": inputs, "outputs": outputs,
                      "readouts": readouts, "depends": depends, "sources": sources})


def sources(root: Path) -> dict[str, str]:
    """Each readout's page (docs-relative) → its archive file, as the last generation recorded them."""
    found = (part(root, DOCS) or {}).get("sources", {})
    return found if isinstance(found, dict) else {}
