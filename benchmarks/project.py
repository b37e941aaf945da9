"""A project folder for a build: the repository's site set-up, around whatever archive is put in it."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.publish.write import GENERATED


def repository_root() -> Path:
    import generator

    return Path(generator.__file__).resolve().parent.parent


def copy_site_setup(root: Path) -> Path:
    """A project folder with the repository's site set-up and no archive: mkdocs.yml, the
    templates, CONTRIBUTING.md, the hand-written pages of docs/ and a link to the generator."""
    repo = repository_root()
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(repo / "CONTRIBUTING.md", root / "CONTRIBUTING.md")  # the source of the generated contribute page
    shutil.copytree(repo / "templates", root / "templates")
    (root / "docs").mkdir(exist_ok=True)
    for source in sorted((repo / "docs").iterdir()):  # the hand-written pages and assets, not build output
        if source.name in GENERATED or source.name.startswith("."):
            continue
        if source.is_dir():
            shutil.copytree(source, root / "docs" / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / "docs" / source.name)
    # mkdocs.yml names its hook by a path relative to itself (generator/publish/hook.py).
    hook_link = root / "generator"
    if not hook_link.exists():
        try:
            hook_link.symlink_to(repo / "generator", target_is_directory=True)
        except OSError:
            shutil.copytree(repo / "generator", hook_link, ignore=shutil.ignore_patterns("__pycache__"))
    return root
