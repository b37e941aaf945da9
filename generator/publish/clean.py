"""Remove everything a build made: the generated parts of docs/ (kinds.py names them), the site,
the build's records and what killed builds left. Hand-written pages in docs/ stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import site, state
from .lock import NAME as LOCK, build_lock
from .write import GENERATED, remove_leftovers


def _remove(path: Path, removed: list[str], root: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    else:
        return
    removed.append(path.relative_to(root).as_posix())


def clean(root: Path) -> list[str]:
    """The paths removed, relative to the project. Waits for a running build (lock.py) first."""
    removed: list[str] = []
    site_dir = root / "site"
    with build_lock(root):
        remove_leftovers(root, root / "docs")
        site.remove_leftovers(site_dir)
        state.remove_leftovers(root)
        for name in GENERATED:
            _remove(root / "docs" / name, removed, root)
        for path in (site_dir, site.spare_of(site_dir), root / state.NAME):
            _remove(path, removed, root)
    (root / LOCK).unlink(missing_ok=True)
    return removed
