"""What a change costs on a built archive: nothing changed, one readout added, one edited.

Each is a whole build (`generator build`'s library call: the generator, then MkDocs on
what changed) in a fresh interpreter, as a contributor runs it. The files written to
site/ are counted by their inodes: an incremental build hard-links every file it does
not write, so a file with a new inode is one it wrote.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def site_inodes(site: Path) -> dict[str, int]:
    inodes = {}
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            inodes[path] = os.stat(path).st_ino
    return inodes


def timed_build(root: str, site: str) -> dict:
    """One build as the command line runs it; seconds, and files written to docs/ and to site/."""
    from generator.publish.pipeline import build_site

    before = site_inodes(Path(site))
    start = time.perf_counter()
    generated = build_site(Path(root), Path(site), strict=True)
    seconds = time.perf_counter() - start
    after = site_inodes(Path(site))
    return {"seconds": seconds, "docs_written": len(generated.report.written),
            "site_written": sum(before.get(path) != inode for path, inode in after.items()),
            "generator_s": generated.seconds, "kinds": generated.kind_timings or {}}


def _readouts(root: Path) -> list[Path]:
    return sorted((root / "archive" / "readouts").rglob("*.md"))


def add_one_readout(root: Path) -> Path:
    """A new account, a day after the archive's middle readout, with its entry in published-ids.yml:
    its neighbours, officials, year change."""
    source = _readouts(root)[len(_readouts(root)) // 2]
    text = source.read_text(encoding="utf-8")
    day = date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M).group(1)) + timedelta(days=1)
    target = root / "archive" / "readouts" / str(day.year) / f"{day.isoformat()}-a-readout-added-by-the-benchmark.md"
    target.parent.mkdir(exist_ok=True)
    text = re.sub(r"^date: \S+$", f"date: {day.isoformat()}", text, count=1, flags=re.M)
    text = re.sub(r"^(\s+)published: \S+$", rf"\g<1>published: {day.isoformat()}", text, count=1, flags=re.M)
    text = re.sub(r"^id: \S+$", f"id: {target.stem}", text, count=1, flags=re.M)  # an id of its own
    target.write_text(text, encoding="utf-8")
    listed = root / "archive" / "published-ids.yml"
    if listed.exists():  # as CONTRIBUTING.md asks: the readout and its entry, in one pull request
        entry = f"\n- id: {target.stem}\n  year: {day.year}\n  path: archive/readouts/{day.year}/{target.name}\n"
        listed.write_text(listed.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return target


def edit_one_readout(root: Path) -> Path:
    """A sentence added to the text of the archive's newest readout."""
    path = _readouts(root)[-1]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nA sentence added by the benchmark.\n",
                    encoding="utf-8")
    return path


def zensical_build(root: Path) -> float | None:
    """Seconds for Zensical to render the project's docs/ (the renderer's one function, as
    `generator build --renderer zensical` runs it); None when zensical is not installed or fails."""
    from generator.publish.renderer import ZENSICAL, render_docs, zensical_command

    if zensical_command() is None:
        return None
    with tempfile.TemporaryDirectory(prefix="readouts-zensical-") as work:
        start = time.perf_counter()
        try:
            render_docs(root / "mkdocs.yml", Path(work) / "site", renderer=ZENSICAL)
        except RuntimeError as failed:
            print(f"bench: {failed}", file=sys.stderr)
            return None
        return time.perf_counter() - start
