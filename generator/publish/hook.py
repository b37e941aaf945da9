"""MkDocs hook (named in mkdocs.yml): plain `mkdocs build` and `mkdocs serve` run the generator first.

It calls the generator's library functions only, so the renderer can change
without touching the pipeline.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.publish.pipeline import SKIP_GENERATE, generate, remember_archive
from generator.core.problems import ArchiveInvalid
from generator.publish.lock import BuildLocked
from generator.publish.site import COMPILED_TEMPLATES
from generator.outputs.data import LASTMOD_FILE

log = logging.getLogger("mkdocs.plugins.readouts")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config, **kwargs) -> None:
    if os.environ.get(SKIP_GENERATE):
        return
    try:
        generated = generate(_root(config))
    except ArchiveInvalid as invalid:
        raise PluginError(str(invalid)) from None
    except BuildLocked as locked:
        raise PluginError(str(locked)) from None
    report = generated.report
    log.info("readouts: %d pages written, %d removed, %d unchanged in %.2f s",
             len(report.written), len(report.removed), report.unchanged, generated.seconds)


def on_startup(command, dirty, **kwargs) -> None:
    if command == "serve":
        _serving.append(True)


_serving: list[bool] = []  # on_startup has no config; the first on_config of a live preview warms the memory


def on_config(config, **kwargs):
    if _serving and not os.environ.get(SKIP_GENERATE):
        _serving.clear()
        remember_archive(_root(config))
    return config


def on_env(env, config, files, **kwargs):
    """Each page's last change, for the sitemap: written by the generator, since MkDocs reads the
    front matter only of the pages it renders, and an incremental build renders the changed ones.
    The theme's templates are compiled once per process (the live preview rebuilds many times)."""
    env.bytecode_cache = COMPILED_TEMPLATES
    try:
        env.globals["page_lastmod"] = json.loads((Path(config.docs_dir) / LASTMOD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        env.globals["page_lastmod"] = {}
    return env


def on_serve(server, config, builder, **kwargs):
    root = _root(config)
    for folder in ("archive", "templates"):
        server.watch(str(root / folder))
    return server
