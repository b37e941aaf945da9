"""The stages in order, as library functions the command line and the tests call.

load → validate → model → index → render → write, then MkDocs renders docs/ into site/.
Nothing is written unless the whole archive validates, and a failed MkDocs build
leaves the previous site/ in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import manifest
from .load import load_archive
from .model import Archive, make_archive
from .problems import ERROR, ArchiveInvalid, Problem
from .render import render_site
from .search import render_search_index
from .validate import validate_archive
from .write import WriteReport, write_pages

# Set while the command line runs MkDocs itself, so the mkdocs.yml hook does not generate twice.
SKIP_GENERATE = "READOUTS_SKIP_GENERATE"


@dataclass(frozen=True)
class Generated:
    archive: Archive | None  # None when nothing had changed since the last run, which did the work
    report: WriteReport
    seconds: float
    readouts: int


def site_settings(root: Path) -> dict:
    """The few settings of mkdocs.yml the pages need (the site's address, its name)."""
    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    return {"url": str(config.get("site_url") or "").rstrip("/") + "/", "name": config.get("site_name", "")}


def check_archive(root: Path, only: list[Path] | None = None) -> tuple[Archive | None, list[Problem]]:
    """Load and validate; the archive when there is no error, and every problem found."""
    loaded = load_archive(root, only)
    registry, readouts, problems = validate_archive(loaded)
    problems.sort()
    if any(p.severity == ERROR for p in problems):
        return None, problems
    return make_archive(registry.officials, registry.initiatives, readouts), problems


def generate(root: Path, docs_dir: Path | None = None) -> Generated:
    """Write the generated pages of docs/ from archive/; raises ArchiveInvalid and writes nothing on error."""
    start = time.perf_counter()
    docs_dir = docs_dir or root / "docs"
    inputs = manifest.input_stamps(root)
    last = manifest.fresh_record(root, docs_dir, inputs)
    if last is not None:
        report = WriteReport(written=(), removed=(), unchanged=len(last["outputs"]))
        return Generated(None, report, time.perf_counter() - start, last["readouts"])
    archive, problems = check_archive(root)
    if archive is None:
        raise ArchiveInvalid(problems)
    pages = render_site(archive, root / "templates", site_settings(root)) + render_search_index(archive)
    manifest.forget(docs_dir)  # a run that fails while writing leaves no record claiming otherwise
    report = write_pages(pages, docs_dir)
    manifest.record(docs_dir, [page.path for page in pages], inputs, len(archive.readouts))
    return Generated(archive, report, time.perf_counter() - start, len(archive.readouts))


def run_mkdocs(root: Path, site_dir: Path, strict: bool = True) -> None:
    """Render docs/ with MkDocs into a fresh folder, then put it in place of site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    previous = os.environ.get(SKIP_GENERATE)
    os.environ[SKIP_GENERATE] = "1"
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging), strict=strict)
        build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if previous is None:
            os.environ.pop(SKIP_GENERATE, None)
        else:
            os.environ[SKIP_GENERATE] = previous
    retired = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True) -> Generated:
    generated = generate(root)
    run_mkdocs(root, site_dir or root / "site", strict)
    return generated
