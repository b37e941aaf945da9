"""Validated readouts kept between runs, so a build re-reads only the files that changed.

An entry is keyed by the SHA-256 of the readout file's path and bytes together with a
fingerprint of everything validation depends on: the generator's own code, every
registry under archive/ and the Python version. An edit, a registry change or a new
generator simply finds no entry.

Where it lives, and why: a pull request controls every file in the checkout, ignored
or not (a `.gitignore` does not stop `git add -f`), so a cache inside the project could
be planted to pass a harmful readout off as validated. The cache is therefore kept
outside the checkout, in the user's cache folder ($READOUTS_CACHE, else
$XDG_CACHE_HOME or ~/.cache, then a folder per project path), where a pull request
cannot write; CI starts without one. Entries are plain JSON read back through a fixed
list of model types, never pickle, so even a tampered entry can run no code; and
`generator check`, what CI runs on a pull request, never reads the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path

from ..core import model
from ..core.model import Initiative, Official, Readout

_TYPES = {name: kind for name, kind in vars(model).items() if isinstance(kind, type) and dataclasses.is_dataclass(kind)}


def cache_base() -> Path:
    base = os.environ.get("READOUTS_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "china-iran-readouts"


def cache_folder(root: Path) -> Path:
    return cache_base() / hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")) + sorted((root / "archive").glob("*.yml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
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


def _decoder(officials: dict[str, Official], initiatives: dict[str, Initiative]):
    def decode(value):
        if isinstance(value, list):
            return tuple(decode(item) for item in value)
        if not isinstance(value, dict):
            return value
        kind = value.pop("$")
        if kind == "Official":
            return officials[value["slug"]]
        if kind == "Initiative":
            return initiatives[value["slug"]]
        if kind == "date":
            return date.fromisoformat(value["iso"])
        if kind == "dict":
            return {decode(k): decode(v) for k, v in value["items"]}
        return _TYPES[kind](**{name: decode(item) for name, item in value.items()})  # KeyError: not a model type
    return decode


class ReadoutCache:
    """Validated readouts by key, one small JSON file each, in a folder per fingerprint."""

    def __init__(self, root: Path):
        self.folder = cache_folder(root) / fingerprint(root)[:32]

    @staticmethod
    def key(display_path: str, content: bytes) -> str:
        return hashlib.sha256(display_path.encode() + b"\0" + content).hexdigest()

    def get(self, key: str, officials: dict[str, Official], initiatives: dict[str, Initiative]) -> Readout | None:
        try:
            found = _decoder(officials, initiatives)(json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, unreadable or written by other code: validate the file again
        return found if isinstance(found, Readout) else None

    def keep(self, entries: dict[str, Readout], missing: set[str]) -> None:
        """Store the readouts that had no entry, and drop entries no current file has."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key in missing:
                temporary = self.folder / f"{key}.tmp"
                temporary.write_text(json.dumps(_encode(entries[key]), ensure_ascii=False), encoding="utf-8")
                os.replace(temporary, self.folder / f"{key}.json")
            if missing:
                for name in os.listdir(self.folder):
                    if name.removesuffix(".json") not in entries:
                        (self.folder / name).unlink(missing_ok=True)
                for other in self.folder.parent.iterdir():  # entries for another generator or registry
                    if other != self.folder:
                        shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
