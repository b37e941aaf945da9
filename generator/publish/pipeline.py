"""The stages in order, as library functions the command line and the tests call.

load → validate → model → index → render → write, then MkDocs renders docs/ into site/.
Nothing is written unless the whole archive validates, and a failed MkDocs build
leaves the previous site/ in place.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..archive.check import archive_unless_errors, check_archive
from ..archive.load import load_archive, readout_paths, with_readouts
from ..archive.identity import PUBLISHED, check_identities
from ..archive.validate import validate_archive
from ..core import parallel, remembered
from ..core.model import Archive
from ..core.problems import ERROR, ArchiveInvalid, Problem, display_path
from ..core.settings import site_settings
from ..outputs.search_update import SearchMemory
from ..outputs.spliced import DownloadMemory
from ..pages.addresses import page_path
from ..pages.index import index_archive
from ..pages.render import Renderer
from . import cache, site, state
from .kinds import KINDS, Context
from .site_check import address_problems
from .depends import depends_on, dirty_pages
from .fragments import Fragments
from .lock import build_lock
from .progress import Progress, Silent
from .renderer import MKDOCS, ZENSICAL
from .write import Backup, WriteReport, Writer, remove_leftovers

# Set while the command line runs MkDocs itself, so the mkdocs.yml hook does not generate twice.
SKIP_GENERATE = "READOUTS_SKIP_GENERATE"


@dataclass(frozen=True)
class Generated:
    archive: Archive | None  # None when nothing had changed since the last run, which did the work
    report: WriteReport
    seconds: float
    readouts: int
    timings: dict | None = None  # template → [pages rendered, seconds]
    kind_timings: dict | None = None  # kind of page or file (kinds.py) → [files made, seconds]


# Readouts validated earlier in this process: root → (the inputs besides the readouts, and each
# readout file's stamp with its Readout and its content key, when the cache is usable). `mkdocs
# serve` generates in one process on every change, so it re-reads only the files that changed.
# Memory only: nothing a pull request puts on disk can stand in for a validated readout.
_VALIDATED: dict[str, tuple[dict, dict[str, tuple[list[int], object, str | None]]]] = {}


def _validate_chunk(root: Path, paths: list[Path]) -> tuple[list, list[Problem]]:
    _, readouts, problems = validate_archive(load_archive(root, paths), known=[], identities=False)
    return readouts, problems


def _check_everything(root: Path) -> tuple[Archive | None, list[Problem]]:
    """check_archive for a build: a large archive is validated by several processes at once.
    Only errors matter to a build, so warnings that compare files across workers are left to `check`."""
    paths = readout_paths(root / "archive")
    workers = parallel.workers_for(len(paths))
    if workers == 1:
        return check_archive(root)
    loaded = load_archive(root, [])
    registry, _, problems = validate_archive(loaded, known=[], identities=False)
    readouts = []
    for found_readouts, found_problems in parallel.map_chunks(lambda chunk: _validate_chunk(root, chunk),
                                                              parallel.split(paths, workers)):
        readouts += found_readouts
        problems += found_problems
    redirects, found = check_identities(loaded.published, readouts, root)
    registry.redirects = tuple(redirects)
    problems = list(set(problems + found))  # each worker reports the registries' own
    return archive_unless_errors(registry, readouts, problems)


def _check_with_cache(root: Path, paths: list[Path], progress: Progress
                      ) -> tuple[Archive | None, list[Problem], Fragments]:
    """The archive from the readouts validated by earlier runs (cache.py) and the files that changed;
    everything again, in parallel, when most files have no entry or a registry has an error. Each
    file and registry is validated once either way. With it, the store of each readout's fragments
    (fragments.py), found by the same keys."""
    try:
        store = cache.ReadoutCache(root)
    except cache.CacheUnusable as unusable:
        progress.warn(f"{unusable}; building without a cache")
        progress.stage("check", f"{len(paths)} readout files read and validated")
        return (*_check_everything(root), Fragments(None, {}))
    keys = {path: store.key(display_path(path, root), path.read_bytes()) for path in paths}
    if sum(map(store.has, keys.values())) < len(paths) - len(paths) // 2:  # a cold build, or most files changed
        progress.stage("check", f"{len(paths)} readout files read and validated")
        archive, problems = _check_everything(root)
        changed = list(paths)
    else:
        registries = load_archive(root, [])
        registry, _, problems = validate_archive(registries, known=[], identities=False)
        if any(p.severity == ERROR for p in problems):
            progress.stage("check", f"{len(paths)} readout files read and validated")
            return (*_check_everything(root), Fragments(None, {}))
        officials, initiatives = {o.slug: o for o in registry.officials}, {i.slug: i for i in registry.initiatives}
        known = {key: readout for key in keys.values() if (readout := store.get(key, officials, initiatives))}
        changed = [path for path, key in keys.items() if key not in known]
        progress.stage("check", f"{len(paths)} readout files, {len(changed)} read and validated, {len(known)} from the cache")
        # the ids are checked across the changed files and the cached ones alike (two cached in other states too)
        registry, readouts, problems = validate_archive(with_readouts(registries, changed, root), list(known.values()))
        # clashing addresses, among files cached in other states too, are left to address_problems
        archive, problems = archive_unless_errors(registry, readouts + list(known.values()), problems)
    if archive is None:
        return archive, problems, Fragments(None, {})
    by_source = {readout.source_path: readout for readout in archive.readouts}
    store.keep({key: by_source[display_path(path, root)] for path, key in keys.items()},
               {keys[path] for path in changed})
    return archive, problems, Fragments(store.folder, {display_path(path, root): key for path, key in keys.items()})


def _check_with_memory(root: Path, inputs: dict[str, list[int]], progress: Progress | None = None
                       ) -> tuple[Archive | None, list[Problem], Fragments]:
    progress = progress or Silent()
    readouts_dir = str(root / "archive" / "readouts") + "/"
    current = {path: stamp for path, stamp in inputs.items() if path.startswith(readouts_dir) and path.endswith(".md")}
    published = str(root / PUBLISHED)  # data read again on every run (see depends.py), not a basis
    basis = {path: stamp for path, stamp in inputs.items() if path not in current and path != published}
    last_basis, remembered = _VALIDATED.get(str(root), (None, {}))
    fragments = Fragments(None, {})  # none for an archive with errors
    if last_basis != basis or not remembered:
        archive, problems, fragments = _check_with_cache(root, readout_paths(root / "archive"), progress)
    else:
        changed = [Path(path) for path, stamp in current.items() if remembered.get(path, (None,))[0] != stamp]
        known = [readout for path, (stamp, readout, _) in remembered.items() if current.get(path) == stamp]
        progress.stage("check", f"{len(current)} readout files, {len(changed)} read and validated, {len(known)} in memory")
        registry, readouts, problems = validate_archive(load_archive(root, changed), known)
        archive, problems = archive_unless_errors(registry, readouts + known, problems)
        if archive is not None:
            fragments = _store_for(root, current, remembered)
    if archive is not None:
        by_source = {readout.source_path: readout for readout in archive.readouts}
        shown = {path: display_path(Path(path), root) for path in current}
        _VALIDATED[str(root)] = (basis, {path: (stamp, cache.as_validated(by_source[shown[path]]),
                                                fragments.keys.get(shown[path]))
                                         for path, stamp in current.items() if shown[path] in by_source})
    return archive, problems, fragments


def _store_for(root: Path, current: dict[str, list[int]], remembered: dict) -> Fragments:
    """The fragment store for readouts validated in memory, so that the live preview's runs reuse
    and keep the whole-archive files' parts as the command line's do: each file's content key is
    the one kept with it while its stamp is unchanged, else computed from the file again."""
    try:
        store = cache.ReadoutCache(root)
    except cache.CacheUnusable:
        return Fragments(None, {})
    keys = {}
    for path, stamp in current.items():
        shown, (held_stamp, _, key) = display_path(Path(path), root), remembered.get(path, (None, None, None))
        keys[shown] = key if key and held_stamp == stamp else store.key(shown, Path(path).read_bytes())
    return Fragments(store.folder, keys)


def remember_archive(root: Path) -> None:
    """Validate the archive into this process's memory, so that the next change re-reads one file.
    The live preview calls it once at start-up: its first build usually finds docs/ up to date
    and stops early, which would leave the first edit to validate everything. From then on the
    values computed from each unchanged readout are kept between builds too (remembered.py)."""
    remembered.keep_between_builds()
    _check_with_memory(root, state.input_stamps(root))[2].close()


def generate(root: Path, docs_dir: Path | None = None, backup: Backup | None = None,
             progress: Progress | None = None) -> Generated:
    """Write the generated pages of docs/ from archive/; raises ArchiveInvalid and writes nothing on error.
    Only the pages that the changed readout files appear on are rendered again (see depends.py).
    One build of a project at a time (lock.py): BuildLocked when another holds it too long."""
    with build_lock(root):
        if backup is not None:
            return _generate(root, docs_dir, backup, progress)
        backup, before = Backup(root), state.part(root, state.DOCS)
        try:
            return _generate(root, docs_dir, backup, progress)
        except BaseException:
            _put_back(root, docs_dir or root / "docs", backup, before)
            raise
        finally:
            backup.discard()


def _put_back(root: Path, docs_dir: Path, backup: Backup, before: dict | None) -> None:
    """docs/ as it was before a failed run, and the record that described it."""
    backup.restore(docs_dir)
    if before is not None:
        state.keep(root, state.DOCS, before)


def _generate(root: Path, docs_dir: Path | None, backup: Backup | None, progress: Progress | None) -> Generated:
    start, progress = time.perf_counter(), progress or Silent()
    docs_dir = docs_dir or root / "docs"
    inputs = state.input_stamps(root)
    last = state.last_docs(root, docs_dir)
    if state.is_fresh(last, inputs):
        report = WriteReport(written=(), removed=(), unchanged=len(last["outputs"]))
        progress.stage("generate", "nothing changed since the last run")
        return Generated(None, report, time.perf_counter() - start, last["readouts"])
    archive, problems, fragments = _check_with_memory(root, inputs, progress)
    with fragments:
        if archive is None:
            raise ArchiveInvalid(problems)
        remembered.forget_all_but(archive.readouts)
        indexes = index_archive(archive)
        clashes = address_problems(archive, indexes, root)  # the check computes them too: never a surprise here
        if clashes:
            raise ArchiveInvalid(clashes)
        depends = depends_on(archive, indexes)
        dirty = dirty_pages(root, last, inputs, depends)
        state.forget(root, state.DOCS)  # a run that fails while writing leaves no record claiming otherwise
        writer = Writer(docs_dir, backup)
        with remembered.storing(fragments, fragments.named(archive.readouts)):
            renderers = Renderers(archive, indexes, root, site_settings(root),
                                  fragments.downloads(docs_dir), fragments.search(docs_dir))
            timings, kind_timings = _make_and_write(renderers, dirty, last, writer)
        made = sum(count for count, _ in kind_timings.values())
        progress.stage("render", f"{made} pages and files made, {len(writer.targets) - made} pages kept as they are")
        report = writer.finish()
        progress.stage("write", f"{len(report.written)} files written to docs/, {len(report.removed)} removed")
        state.keep_docs(root, docs_dir, sorted(writer.targets), inputs, len(archive.readouts), depends,
                        {page_path(readout): readout.source_path for readout in archive.readouts}, last, report.written)
    return Generated(archive, report, time.perf_counter() - start, len(archive.readouts), timings, kind_timings)


@dataclass
class Renderers:
    """The renderer of a build, for the pages that changed and, made when a kept page is missing, for all."""

    archive: Archive
    indexes: object
    root: Path
    site: dict
    downloads: DownloadMemory | None = None
    search: SearchMemory | None = None
    made: dict = field(default_factory=dict)  # whether for every page → Context

    def context(self, dirty: set[str] | None) -> Context:
        key = dirty is None
        if key not in self.made:
            renderer = Renderer(self.archive, self.indexes, self.root / "templates", self.site, dirty)
            self.made[key] = Context(self.archive, self.indexes, self.site, self.root, renderer, self.downloads, self.search)
        return self.made[key]

    def template_timings(self) -> dict:
        timings: dict[str, list[float]] = {}
        for context in self.made.values():
            for template, (count, seconds) in context.renderer.timings.items():
                spent = timings.setdefault(template, [0, 0.0])
                spent[0] += count
                spent[1] += seconds
        return timings


def _counting(pages, made: list[int]):
    for page in pages:
        made[0] += page.content is not None
        yield page


def _make_and_write(renderers: Renderers, dirty: set[str] | None, last: dict | None, writer: Writer) -> tuple[dict, dict]:
    """Each kind's files, written as they are made, so no more than one kind's are in memory. Kinds
    made every run are streamed; an incremental kind is checked first: a page it would keep that
    the last run did not write makes the whole kind again."""
    kind_timings: dict[str, list[float]] = {}
    for kind in KINDS:
        start = time.perf_counter()
        pages = kind.make(renderers.context(dirty))
        if dirty is not None and kind.shows:
            pages = list(pages)
            if any(page.content is None and page.path not in last["outputs"] for page in pages):
                pages = list(kind.make(renderers.context(None)))
        made = [0]
        writer.write(_counting(pages, made))
        kind_timings[kind.name] = [made[0], time.perf_counter() - start]
    return renderers.template_timings(), kind_timings


def run_mkdocs(root: Path, site_dir: Path, strict: bool = True, full: bool = False,
               progress: Progress | None = None, renderer: str = MKDOCS) -> dict:
    """Render docs/ with MkDocs into a new folder, then put it in place of site_dir (see site.py):
    only the changed pages, unless `full` or nothing records what the site was built from.
    With renderer="zensical", Zensical renders the whole of docs/ instead."""
    previous = os.environ.get(SKIP_GENERATE)
    os.environ[SKIP_GENERATE] = "1"
    try:
        with build_lock(root):
            if renderer == ZENSICAL:
                return site.render_with_zensical(root, site_dir, progress)
            return site.render_with_mkdocs(root, site_dir, strict, full, progress)
    finally:
        if previous is None:
            os.environ.pop(SKIP_GENERATE, None)
        else:
            os.environ[SKIP_GENERATE] = previous


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True, full: bool = False,
               progress: Progress | None = None, renderer: str = MKDOCS) -> Generated:
    """docs/ from the archive, then site/ from docs/; when either fails, both stay as they were."""
    site_dir = site_dir or root / "site"
    with build_lock(root):
        remove_leftovers(root, root / "docs")
        site.remove_leftovers(site_dir.resolve())
        state.remove_leftovers(root)
        backup, before = Backup(root), state.part(root, state.DOCS)
        try:
            generated = generate(root, backup=backup, progress=progress)
            run_mkdocs(root, site_dir, strict, full, progress, renderer)
            return generated
        except BaseException:
            _put_back(root, root / "docs", backup, before)
            raise
        finally:
            backup.discard()
