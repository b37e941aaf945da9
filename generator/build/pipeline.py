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

from ..archive.check import archive_unless_errors, check_archive
from ..archive.load import load_archive, readout_paths
from ..archive.validate import clashing_addresses, validate_archive
from ..contribute.reference import render_contributing
from ..core import parallel
from ..core.model import Archive
from ..core.problems import ArchiveInvalid, Problem, display_path
from ..core.settings import site_settings
from ..outputs.data import render_data
from ..outputs.formulations import render_formulations_data
from ..outputs.search import render_search_index
from ..pages.index import index_archive
from ..pages.render import render_site
from . import manifest
from .write import WriteReport, write_pages

# Set while the command line runs MkDocs itself, so the mkdocs.yml hook does not generate twice.
SKIP_GENERATE = "READOUTS_SKIP_GENERATE"


@dataclass(frozen=True)
class Generated:
    archive: Archive | None  # None when nothing had changed since the last run, which did the work
    report: WriteReport
    seconds: float
    readouts: int


# Readouts validated earlier in this process: root → (the inputs besides the readouts, and each
# readout file's stamp with its Readout). `mkdocs serve` generates in one process on every change,
# so it re-reads only the files that changed. Memory only: nothing a pull request puts on disk
# can stand in for a validated readout.
_VALIDATED: dict[str, tuple[dict, dict[str, tuple[list[int], object]]]] = {}


def _validate_chunk(root: Path, paths: list[Path]) -> tuple[list, list[Problem]]:
    _, readouts, problems = validate_archive(load_archive(root, paths), known=[])
    return readouts, problems


def _check_everything(root: Path) -> tuple[Archive | None, list[Problem]]:
    """check_archive for a build: a large archive is validated by several processes at once.
    Only errors matter to a build, so warnings that compare files across workers are left to `check`."""
    paths = readout_paths(root / "archive")
    workers = parallel.workers_for(len(paths))
    if workers == 1:
        return check_archive(root)
    registry, _, problems = validate_archive(load_archive(root, []), known=[])
    readouts = []
    for found_readouts, found_problems in parallel.map_chunks(lambda chunk: _validate_chunk(root, chunk),
                                                              parallel.split(paths, workers)):
        readouts += found_readouts
        problems += found_problems
    problems = list(set(problems + clashing_addresses(readouts)))  # each worker reports the registries' own
    return archive_unless_errors(registry, readouts, problems)


def _check_with_memory(root: Path, inputs: dict[str, list[int]]) -> tuple[Archive | None, list[Problem]]:
    readouts_dir = str(root / "archive" / "readouts") + "/"
    current = {path: stamp for path, stamp in inputs.items() if path.startswith(readouts_dir) and path.endswith(".md")}
    basis = {path: stamp for path, stamp in inputs.items() if path not in current}
    last_basis, remembered = _VALIDATED.get(str(root), (None, {}))
    if last_basis != basis or not remembered:
        archive, problems = _check_everything(root)
    else:
        changed = [Path(path) for path, stamp in current.items() if remembered.get(path, (None,))[0] != stamp]
        known = [readout for path, (stamp, readout) in remembered.items() if current.get(path) == stamp]
        registry, readouts, problems = validate_archive(load_archive(root, changed), known)
        archive, problems = archive_unless_errors(registry, readouts + known, problems)
    if archive is not None:
        by_source = {readout.source_path: readout for readout in archive.readouts}
        shown = {path: display_path(Path(path), root) for path in current}
        _VALIDATED[str(root)] = (basis, {path: (stamp, by_source[shown[path]])
                                         for path, stamp in current.items() if shown[path] in by_source})
    return archive, problems


def remember_archive(root: Path) -> None:
    """Validate the archive into this process's memory, so that the next change re-reads one file.
    The live preview calls it once at start-up: its first build usually finds docs/ up to date
    and stops early, which would leave the first edit to validate everything."""
    _check_with_memory(root, manifest.input_stamps(root))


def generate(root: Path, docs_dir: Path | None = None) -> Generated:
    """Write the generated pages of docs/ from archive/; raises ArchiveInvalid and writes nothing on error."""
    start = time.perf_counter()
    docs_dir = docs_dir or root / "docs"
    inputs = manifest.input_stamps(root)
    last = manifest.fresh_record(docs_dir, inputs)
    if last is not None:
        report = WriteReport(written=(), removed=(), unchanged=len(last["outputs"]))
        return Generated(None, report, time.perf_counter() - start, last["readouts"])
    archive, problems = _check_with_memory(root, inputs)
    if archive is None:
        raise ArchiveInvalid(problems)
    indexes = index_archive(archive)
    site = site_settings(root)
    pages = (render_site(archive, indexes, root / "templates", site) + render_data(archive, indexes, site)
             + [render_contributing(root), render_formulations_data(archive, indexes, site)]
             + render_search_index(archive, indexes))
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
