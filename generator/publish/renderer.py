"""The renderer behind one function: everything that turns docs/ into a site calls render_docs.

MkDocs with Material is the renderer. Zensical, when it is installed (it is not a dependency),
builds the same docs/ from the same mkdocs.yml, with three changes made in a copy of the
configuration: no hooks (it runs none; the generator has written docs/ before), its own search
turned off (the archive's search, in docs/search/ and docs/javascripts/, is kept), and the
theme override without sitemap.xml (an MkDocs template; Zensical writes its own sitemap).
No other module loads MkDocs' configuration, builds or serves (a contract in pyproject.toml).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

MKDOCS = "mkdocs"
ZENSICAL = "zensical"
RENDERERS = (MKDOCS, ZENSICAL)
ZENSICAL_THEME_SKIPS = ("sitemap.xml",)  # MkDocs templates in the theme override that Zensical cannot read


class RendererMissing(RuntimeError):
    """The renderer asked for is not installed."""


def zensical_command() -> str | None:
    """The zensical program: beside this Python (in its virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / "zensical"
    return str(beside) if beside.exists() else shutil.which("zensical")


def render_docs(config_file: Path, site_dir: Path, *, strict: bool = True, dirty: bool = False,
                plugins: dict | None = None, renderer: str = MKDOCS) -> None:
    """Render the docs/ that config_file names into site_dir. With MkDocs, `plugins` are added to
    the configuration's own for this build, and `dirty` renders only the files marked modified;
    Zensical renders everything into a site_dir that is missing or empty."""
    if renderer == ZENSICAL:
        _zensical_build(Path(config_file), Path(site_dir))
        return
    if renderer != MKDOCS:
        raise ValueError(f"unknown renderer {renderer!r}: one of {', '.join(RENDERERS)}")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    for name, plugin in (plugins or {}).items():
        config.plugins[name] = plugin
    build(config, dirty=dirty)


def load_mkdocs() -> None:
    """Import MkDocs ahead of a build, so that a measured build does not count its imports."""
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401


def serve_docs(config_file: Path, dev_addr: str, full: bool) -> None:
    """MkDocs' live preview: rebuilt on every change, only the changed pages unless `full`."""
    from mkdocs.commands.serve import serve

    serve(config_file=str(config_file), open_in_browser=False, dev_addr=dev_addr, livereload=True,
          build_type="clean" if full else "dirty")


def zensical_config(config: dict, theme_dir: str | None, site_dir: str) -> dict:
    """mkdocs.yml as Zensical is given it: no hooks, its own search off, the theme override copied."""
    derived = {key: value for key, value in config.items() if key != "hooks"}
    derived["site_dir"] = site_dir
    derived["plugins"] = [{"search": {"enabled": False}}]
    theme = dict(derived.get("theme") or {})
    if theme_dir is None:
        theme.pop("custom_dir", None)
    else:
        theme["custom_dir"] = theme_dir
    derived["theme"] = theme
    return derived


def _zensical_build(config_file: Path, site_dir: Path) -> None:
    command = zensical_command()
    if command is None:
        raise RendererMissing("zensical is not installed: pip install zensical, or build with MkDocs")
    root = config_file.resolve().parent
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    # Zensical keeps docs_dir and site_dir inside the folder of its configuration file.
    work = Path(tempfile.mkdtemp(prefix=".zensical-", dir=root))
    try:
        theme_dir = _theme_copy(root, config, work)
        derived = zensical_config(config, theme_dir and os.path.relpath(theme_dir, root),
                                  os.path.relpath(work / "site", root))
        derived_file = root / f"{work.name}.yml"
        derived_file.write_text(yaml.safe_dump(derived, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            done = subprocess.run([command, "build", "--config-file", str(derived_file)], cwd=root,
                                  capture_output=True, text=True)
        finally:
            derived_file.unlink(missing_ok=True)
        if done.returncode != 0:
            raise RuntimeError(f"zensical build failed:\n{done.stdout}{done.stderr}".rstrip())
        if site_dir.exists():
            site_dir.rmdir()  # an empty folder made for the build (the caller's staging folder)
        shutil.move(str(work / "site"), str(site_dir))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _theme_copy(root: Path, config: dict, work: Path) -> Path | None:
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if not custom_dir:
        return None
    copy = work / "theme"
    shutil.copytree(root / custom_dir, copy, ignore=shutil.ignore_patterns(*ZENSICAL_THEME_SKIPS))
    return copy
