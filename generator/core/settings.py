"""The few settings of mkdocs.yml that the generator needs."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may name Python objects (!!python/name:...) for MkDocs to import: read as nothing."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config(root: Path) -> dict:
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    return config if isinstance(config, dict) else {}


def site_settings(root: Path) -> dict:
    """The few settings of mkdocs.yml the pages need (the site's address, its name, its repository,
    the metadata's licence, the web archive asked for copies of sources)."""
    config = _config(root)
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    return {"url": str(config.get("site_url") or "").rstrip("/") + "/", "name": config.get("site_name", ""),
            "repo_url": str(config.get("repo_url") or ""), "edit_uri": str(config.get("edit_uri") or ""),
            "licence": extra.get("metadata_licence") or {}, "archive_service": str(extra.get("archive_service") or "")}


@functools.lru_cache(maxsize=8)
def markdown_extensions(root: Path) -> tuple[tuple[str, str], ...]:
    """mkdocs.yml's markdown_extensions as (name, its options as YAML), so that the check reads a
    readout's text with the very configuration the site renders it with."""
    found = []
    for entry in _config(root).get("markdown_extensions") or ():
        if isinstance(entry, str):
            found.append((entry, "{}"))
        elif isinstance(entry, dict):
            found += [(str(name), yaml.safe_dump(options or {}, sort_keys=True)) for name, options in entry.items()]
    return tuple(found)
