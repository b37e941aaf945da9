"""The floor: plain MkDocs with Material building the same readouts as bare pages under a short navigation."""

from __future__ import annotations

import json
import time
from pathlib import Path

FLOOR_MKDOCS_YML = """\
site_name: Floor
theme:
  name: material
plugins:
  - search
nav:
  - Home: index.md
validation:
  omitted_files: info
"""


def floor_build(root: str, site: str) -> dict:
    """Plain `mkdocs build` of the floor project, in-process, through the renderer's one function."""
    from generator.publish.renderer import render_docs

    start = time.perf_counter()
    render_docs(Path(root) / "mkdocs.yml", Path(site), strict=False)
    return {"mkdocs_s": time.perf_counter() - start}


def _front_matter_title(front: str) -> str:
    for line in front.splitlines():
        if line.startswith("title:"):
            value = line[len("title:"):].strip()
            if value.startswith('"'):
                return json.loads(value)
            return value.strip("'")
    return "Untitled"


def make_floor_project(root: Path, archive: Path) -> int:
    """Plain MkDocs pages for the readouts of an archive: '# title' and the body, nothing else."""
    docs = root / "docs"
    (docs / "readouts").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(FLOOR_MKDOCS_YML, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nThe floor: plain MkDocs with Material.\n", encoding="utf-8")
    count = 0
    for path in sorted((archive / "readouts").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        target = docs / "readouts" / path.parent.name / path.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(f"# {_front_matter_title(front)}\n\n{body}", encoding="utf-8")
        count += 1
    return count


