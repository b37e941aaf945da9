"""The few settings of mkdocs.yml that the pages need."""

from __future__ import annotations

from pathlib import Path

import yaml


def site_settings(root: Path) -> dict:
    """The few settings of mkdocs.yml the pages need (the site's address, its name, its repository,
    the metadata's licence)."""
    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    return {"url": str(config.get("site_url") or "").rstrip("/") + "/", "name": config.get("site_name", ""),
            "repo_url": str(config.get("repo_url") or ""), "edit_uri": str(config.get("edit_uri") or ""),
            "licence": extra.get("metadata_licence") or {}}
