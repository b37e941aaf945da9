"""Validated readouts kept between runs, so a build re-reads only the files that changed.

An entry is a plain text file: a line of JSON with its key and digest, then the readout as JSON
(on one line: JSON text holds no raw line break), so reading it parses the readout once. The key is the SHA-256 of
the readout file's path and bytes together with a fingerprint of everything validation
reads: the generator's own code, every registry under archive/, mkdocs.yml's Markdown
settings, the versions of the libraries that parse (PyYAML, Markdown, pymdown-extensions,
Jinja2, MkDocs) and the Python version. An entry is used only when the key it carries is
the key the build computed and the digest it carries is that of its content; anything
else (a missing, truncated, corrupted or foreign entry) is discarded and the file
validated again. A cache entry is never a reason for a build to fail.

Where it lives, and why: a pull request controls every file in the checkout, ignored
or not (a `.gitignore` does not stop `git add -f`), so a cache inside the project could
be planted to pass a harmful readout off as validated. The cache is therefore kept
outside the checkout, in the user's cache folder ($READOUTS_CACHE, else
$XDG_CACHE_HOME or ~/.cache, then a folder per project path); a location under the
project (symbolic links resolved first) is refused with a warning and the build runs
without a cache, as it does when the location cannot be used at all (a file, a
read-only mount). CI starts without one. Entries are read back through a fixed list of
model types, never unpickled or imported, so even a tampered entry can run no code;
the only other thing kept there is what each readout contributes to the whole-archive files
(fragments.py); nothing compiled is cached on disk (no compiled templates), and `generator check`,
what CI runs on a pull request, never reads the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
from datetime import date
from importlib import metadata
from pathlib import Path

from ..core import model
from ..core.model import Initiative, Official, Readout
from ..core.settings import markdown_extensions

_TYPES = {name: kind for name, kind in vars(model).items() if isinstance(kind, type) and dataclasses.is_dataclass(kind)}
PARSERS = ("PyYAML", "Markdown", "pymdown-extensions", "Jinja2", "MkDocs")
FORMAT = 3  # of an entry; another format finds no entry
FRAGMENTS = "fragments."  # the fragment store's files in the same folder (fragments.py), kept by keep()
# Data, not a registry: validating one readout never reads it (the ids are checked across the
# whole archive on every run), so adding an entry keeps every cached readout.
PUBLISHED_IDS = "published-ids.yml"


class CacheUnusable(Exception):
    """The cache location cannot be used; the build goes on without a cache."""


def cache_base() -> Path:
    base = os.environ.get("READOUTS_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "china-iran-readouts"


def cache_folder(root: Path) -> Path:
    """This project's cache folder; CacheUnusable when it would lie inside the project."""
    project = root.resolve()
    base = cache_base().resolve()  # symbolic links followed as far as they exist
    if base == project or base.is_relative_to(project):
        raise CacheUnusable(f"the cache folder {base} is inside the project {project}, where a pull request could "
                            "write to it: set READOUTS_CACHE to a folder outside the project")
    return base / hashlib.sha256(str(project).encode()).hexdigest()[:16]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for package in PARSERS:
        digest.update(f"{package}={_version(package)}\0".encode())
    digest.update(repr(markdown_extensions(root.resolve())).encode() + b"\0")
    package = Path(__file__).resolve().parents[1]
    registries = [path for path in sorted((root / "archive").glob("*.yml")) if path.name != PUBLISHED_IDS]
    for path in sorted(package.rglob("*.py")) + registries:
        digest.update(path.relative_to(path.parents[1]).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _encode(value):
    if isinstance(value, (Official, Initiative)):  # the registry's own object, found again by slug
        return {"$": type(value).__name__, "slug": value.slug}
    if dataclasses.is_dataclass(value):
        return {"$": type(value).__name__, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, date):
        return {"$": "date", "iso": value.isoformat()}
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {"$": "dict", "items": [[_encode(k), _encode(v)] for k, v in value.items()]}
    return value


def _tuples(value):
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def _decoder(officials: dict[str, Official], initiatives: dict[str, Initiative]):
    """json.loads' hook: each marked object as the model type it names (its members are decoded
    first; their lists become tuples here)."""
    def decode(value: dict):
        kind = value.pop("$")
        if kind == "Official":
            return officials[value["slug"]]
        if kind == "Initiative":
            return initiatives[value["slug"]]
        if kind == "date":
            return date.fromisoformat(value["iso"])
        if kind == "dict":
            return {_tuples(k): _tuples(v) for k, v in value["items"]}
        return _TYPES[kind](**{name: _tuples(item) for name, item in value.items()})  # KeyError: not a model type
    return decode


def as_validated(readout: Readout) -> Readout:
    """The readout as its file alone gives it: the archive tells a translation of its original on every run."""
    return dataclasses.replace(readout, translation_of=None) if readout.translation_of else readout


def _digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def discard(entry: Path) -> None:
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
    except OSError:
        pass


class ReadoutCache:
    """Validated readouts by key, one small JSON file each, in a folder per fingerprint.
    Raises CacheUnusable when the location is inside the project or cannot be made."""

    def __init__(self, root: Path):
        self.print = fingerprint(root)
        self.folder = cache_folder(root) / self.print[:32]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheUnusable(f"the cache folder {self.folder} cannot be made ({error.strerror or error})") from None
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise CacheUnusable(f"the cache folder {self.folder} cannot be written")

    def key(self, display_path: str, content: bytes) -> str:
        return hashlib.sha256(self.print.encode() + b"\0" + display_path.encode() + b"\0" + content).hexdigest()

    def has(self, key: str) -> bool:
        return (self.folder / f"{key}.json").is_file()

    def get(self, key: str, officials: dict[str, Official], initiatives: dict[str, Initiative]) -> Readout | None:
        entry = self.folder / f"{key}.json"
        try:
            header, _, payload = entry.read_text(encoding="utf-8").partition("\n")
            stored = json.loads(header)
            if stored["key"] != key or stored["digest"] != _digest(payload):
                raise ValueError("an entry for other content")
            found = json.loads(payload, object_hook=_decoder(officials, initiatives))
            if not isinstance(found, Readout):
                raise ValueError("not a readout")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            discard(entry)  # the file is validated again, and a good entry written in its place
            return None
        return found

    def keep(self, entries: dict[str, Readout], missing: set[str]) -> None:
        """Store the readouts that had no entry, and drop entries no current file has."""
        try:
            for key in missing:
                temporary = self.folder / f".{key}.{os.getpid()}.tmp"
                payload = json.dumps(_encode(as_validated(entries[key])), ensure_ascii=False)
                header = json.dumps({"key": key, "digest": _digest(payload)})
                temporary.write_text(header + "\n" + payload, encoding="utf-8")
                if (self.folder / f"{key}.json").is_dir():
                    discard(self.folder / f"{key}.json")  # a folder in an entry's place
                os.replace(temporary, self.folder / f"{key}.json")
            if missing:
                for name in os.listdir(self.folder):
                    if name.removesuffix(".json") not in entries and not name.startswith(FRAGMENTS):
                        discard(self.folder / name)
                for other in self.folder.parent.iterdir():  # entries for another generator or registry
                    if other != self.folder:
                        shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
