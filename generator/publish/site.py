"""MkDocs renders docs/ into site/: in full, or only the pages that changed.

A full build renders everything into a fresh folder. An incremental one starts from a
hard-linked copy of the current site, unlinks in that copy every output about to be
written (so no write reaches the live site through a shared inode), lets MkDocs render
only the docs/ files that changed since the site was built, and removes the outputs of
files that are gone. Either way the new folder then takes site/'s place in one step (an
exchange of the two folders), so whoever serves site/ never shows half of two builds.

The copy is made from the site an incremental build retires: kept beside site/ as
`.<site>.spare`, it differs from the current site only in what the last build wrote, so
bringing it up to date (`_mirror`) links those files alone, where a fresh copy linked every
file of the site again (about 2 s at 3,000 readouts). Without a spare, a fresh copy.

What the site was built from is the "site" part of the build state (state.py): the stamp of
every file in docs/ and a fingerprint of what shapes every page (mkdocs.yml, the theme
override, the versions of MkDocs and Material). Without it, for another site folder, or with
another fingerprint, the build is full. Strict checks stay on; only MkDocs' warning that a build
is dirty is dropped, since this build puts right what that warning is about.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort

from . import state
from .progress import Progress, Silent
from .renderer import ZENSICAL, render_docs

ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")  # MkDocs' static templates, every build


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    theme = root / "templates" / "theme"
    for path in [root / "mkdocs.yml", *sorted(p for p in theme.rglob("*") if p.is_file())]:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package}={version}\0".encode())
    return digest.hexdigest()


def docs_stamps(docs_dir: Path) -> dict[str, list[int]]:
    """Size and modification time of every file MkDocs would read (it skips names starting with a dot)."""
    stamps = {}
    for folder, subfolders, files in os.walk(docs_dir):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        base = Path(folder).relative_to(docs_dir).as_posix()
        for name in files:
            if not name.startswith(".") and not name.endswith(".tmp"):
                status = os.stat(os.path.join(folder, name))
                stamps[name if base == "." else f"{base}/{name}"] = [status.st_size, status.st_mtime_ns]
    return stamps


def _last_record(root: Path, site_dir: Path, print_: str) -> dict | None:
    last = state.part(root, state.SITE)
    if last is None or last.get("site_dir") != str(site_dir) or last.get("fingerprint") != print_ or not site_dir.is_dir():
        return None
    return last


class _MemoryBytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per process (about 1.5 s each build otherwise), for
    the live preview's rebuilds. Memory only: compiled code read back from disk could be
    planted, so nothing compiled is ever kept in a file."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _MemoryBytecode()


def spare_of(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.spare"


def _start_from_spare(site_dir: Path, staging: Path) -> bool:
    """staging (empty) becomes the spare site brought up to date with site_dir; False without one."""
    spare = spare_of(site_dir)
    if spare.is_symlink() or not spare.is_dir():
        return False
    try:
        os.rename(spare, staging)
        _mirror(site_dir, staging)
    except OSError:  # a fresh copy instead, in an empty staging folder
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o777)  # as _staging_folder leaves it, the umask applied
        return False
    return True


def _same_file(first: os.DirEntry, second: os.DirEntry) -> bool:
    one, other = first.stat(follow_symlinks=False), second.stat(follow_symlinks=False)
    return (one.st_ino, one.st_dev) == (other.st_ino, other.st_dev)


def _discard(path: str, entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _mirror(source: Path | str, target: Path | str) -> None:
    """target becomes a copy of source whose files are hard links to source's, by changing only
    the entries that differ: a file of target that is not source's own file is linked again."""
    held = {entry.name: entry for entry in os.scandir(target)}
    for entry in os.scandir(source):
        there, path = held.pop(entry.name, None), os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if there is not None and not there.is_dir(follow_symlinks=False):
                _discard(path, there)
                there = None
            if there is None:
                os.mkdir(path)
                shutil.copystat(entry.path, path)
            _mirror(entry.path, path)
        elif there is None or there.is_dir(follow_symlinks=False) or not _same_file(entry, there):
            if there is not None:
                _discard(path, there)
            os.link(entry.path, path, follow_symlinks=False)
    for name, entry in held.items():
        _discard(os.path.join(target, name), entry)


def _link_tree(source: Path, destination: Path) -> None:
    """destination becomes a copy of source whose files are hard links to source's."""
    if shutil.which("cp") and subprocess.run(["cp", "-al", f"{source}/.", f"{destination}/"],
                                             capture_output=True).returncode == 0:
        return  # GNU cp does it in C, several times faster on a large site
    for folder, _subfolders, files in os.walk(source):
        target = destination / Path(folder).relative_to(source)
        target.mkdir(exist_ok=True)
        shutil.copystat(folder, target)
        for name in files:
            os.link(os.path.join(folder, name), target / name)


def _output_of(src_uri: str) -> str:
    """Where MkDocs writes a docs/ file, by MkDocs' own rules (.md, .markdown and its other Markdown
    suffixes, README.md as its folder's page, directory URLs); any other file it copies as it is."""
    from mkdocs.structure.files import File
    from mkdocs.utils import markdown_extensions

    if not src_uri.endswith(markdown_extensions):
        return src_uri  # most files of a large site: the downloads, citations and search shards
    return File(src_uri, "", "", use_directory_urls=True).dest_uri


def _changes(last: dict[str, list[int]], stamps: dict[str, list[int]]) -> tuple[set[str], list[str]]:
    """The docs/ files to render again, and the outputs to remove. Two files that MkDocs writes to
    one place (a folder's README.md and index.md) change together, so no output is left missing."""
    outputs = {path: _output_of(path) for path in stamps}
    changed = {path for path, stamp in stamps.items() if last.get(path) != stamp}
    gone = [_output_of(path) for path in last if path not in stamps]
    touched = {outputs[path] for path in changed} | set(gone)
    changed |= {path for path, output in outputs.items() if output in touched}
    return changed, [output for output in gone if output not in outputs.values()]


def _remove_outputs(staging: Path, outputs: list[str]) -> None:
    folders = set()
    for output in outputs:
        (staging / output).unlink(missing_ok=True)
        folders.update(Path(output).parents)
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if folder.parts and (staging / folder).is_dir() and not any((staging / folder).iterdir()):
            (staging / folder).rmdir()


class _OnlyChanged:
    """A plugin for one build: MkDocs renders and copies just the changed docs/ files (all when
    `changed` is None), and reports each page it writes."""

    def __init__(self, changed: set[str] | None, progress: Progress):
        self.changed, self.progress = changed, progress

    def on_files(self, files, **kwargs):
        pages = 0
        for file in files:
            modified = self.changed is None or file.src_uri in self.changed or not os.path.exists(file.abs_dest_path)
            file.is_modified = (lambda answer=modified: answer)
            pages += modified and file.is_documentation_page()
        self.progress.start_bar("MkDocs renders", pages)
        return files

    def on_env(self, env, **kwargs):
        env.bytecode_cache = COMPILED_TEMPLATES
        return env

    def on_post_page(self, output, **kwargs):
        self.progress.step()
        return output


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _mkdocs(root: Path, staging: Path, strict: bool, changed: set[str] | None, progress: Progress) -> None:
    logger, dropping, warnings = logging.getLogger("mkdocs.commands.build"), _DropDirtyWarning(), _Warnings()
    logger.addFilter(dropping)
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        render_docs(root / "mkdocs.yml", staging, strict=strict, dirty=changed is not None,
                    plugins={"readouts-only-changed": _OnlyChanged(changed, progress)})
    except Abort as stopped:
        raise Abort(_explained(str(stopped), warnings.messages, state.sources(root))) from None
    finally:
        logger.removeFilter(dropping)
        logging.getLogger("mkdocs").removeHandler(warnings)
    progress.end_bar()


class _Warnings(logging.Handler):
    """MkDocs' warnings of one build, to say which made strict mode stop it."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_DOCS_FILE = re.compile(r"'([^'\s]+\.(?:md|markdown|mdown|mkdn|mkd))'")


def _explained(stopped: str, warnings: list[str], sources: dict[str, str]) -> str:
    """MkDocs' "Aborted with N warnings", with each warning and the archive file its page was made from."""
    lines = [stopped.strip()]
    for warning in warnings:
        page = _DOCS_FILE.search(warning)  # MkDocs names the page first, then what it links to
        where = f" (in {sources.get(page.group(1), 'docs/' + page.group(1))})" if page else ""
        lines.append(f"  {warning.strip()}{where}")
    return "\n".join(lines)


def remove_leftovers(site_dir: Path) -> None:
    """What a killed build left beside site_dir: its unfinished new site and the old one it retired.
    Called under the build lock, so no running build owns them."""
    for pattern in (f".{site_dir.name}-*", f".{site_dir.name}.old-*"):
        for leftover in site_dir.parent.glob(pattern):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def _staging_folder(site_dir: Path) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it 0700; a site is for a web server to read
    return staging


def render_with_mkdocs(root: Path, site_dir: Path, strict: bool = True, full: bool = False,
                       progress: Progress | None = None) -> dict:
    """Render docs/ into site_dir; returns what was done: {"full": bool, "rendered": n, "removed": n}."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    docs_dir, print_ = root / "docs", fingerprint(root)
    stamps = docs_stamps(docs_dir)
    last = None if full else _last_record(root, site_dir, print_)
    progress = progress or Silent()
    if last is not None and last["docs"] == stamps:
        progress.stage("MkDocs", "nothing changed in docs/ since site/ was built")
        return {"full": False, "rendered": 0, "removed": 0}
    state.forget(root, state.SITE)  # until the new site is in place, no record claims it
    staging = _staging_folder(site_dir)
    try:
        if last is None:
            changed, gone = None, []
        else:
            if not _start_from_spare(site_dir, staging):
                _link_tree(site_dir, staging)
            changed, gone = _changes(last["docs"], stamps)
            _remove_outputs(staging, [_output_of(path) for path in changed] + list(ALWAYS_WRITTEN) + gone)
        _mkdocs(root, staging, strict, changed, progress)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, site_dir, keep_spare=changed is not None)
    state.keep(root, state.SITE, {"site_dir": str(site_dir), "fingerprint": print_, "docs": stamps})
    return {"full": changed is None, "rendered": len(stamps) if changed is None else len(changed), "removed": len(gone)}


def render_with_zensical(root: Path, site_dir: Path, progress: Progress | None = None) -> dict:
    """Render the whole of docs/ with Zensical into a new folder, then put it in place of site_dir.
    No record is kept: the next MkDocs build is a full one."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    state.forget(root, state.SITE)
    (progress or Silent()).stage("Zensical", "renders the whole of docs/")
    staging = _staging_folder(site_dir)
    try:
        render_docs(root / "mkdocs.yml", staging, renderer=ZENSICAL)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, site_dir)
    return {"full": True, "rendered": len(docs_stamps(root / "docs")), "removed": 0}


def _exchange(first: Path, second: Path) -> bool:
    """The two folders trade places in one step (Linux's renameat2 with RENAME_EXCHANGE);
    False where the system or its file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _swap(staging: Path, site_dir: Path, keep_spare: bool = False) -> None:
    """staging takes site_dir's place in one step, so a reader of site_dir sees the old site or the
    new one, never a mix and never nothing (where the exchange is not available, two renames
    leave a moment without site_dir). With keep_spare, the old site becomes the spare the next
    build starts from; what is retired is removed by a process of its own, since unlinking every
    file of a large site would double the time of a small change."""
    retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    old = retired / site_dir.name
    if site_dir.is_dir() and not site_dir.is_symlink() and _exchange(staging, site_dir):
        staging.rename(old)  # staging now holds the old site
    else:
        if site_dir.exists() or site_dir.is_symlink():
            site_dir.rename(old)
        staging.rename(site_dir)
    spare = spare_of(site_dir)
    if spare.exists() or spare.is_symlink():
        spare.rename(retired / spare.name)
    if keep_spare and old.is_dir() and not old.is_symlink():
        old.rename(spare)
    if shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", str(retired)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(retired, ignore_errors=True)
