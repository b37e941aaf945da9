"""Measures `python -m generator serve`: how long after a readout is edited its page is served anew."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from generator.core.settings import site_settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, marker: str, limit_s: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit_s:
        if marker in _fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def measure_serve_edit(root: Path, limit_s: float = 300.0) -> dict:
    """Start the live preview, wait for the first build, edit one readout, time until it is served."""
    readout = sorted((root / "archive" / "readouts").rglob("*.md"))[-1]
    url_path = f"readouts/{readout.parent.name}/{readout.stem}/"
    port = _free_port()
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mount = urlsplit(site_settings(root)["url"]).path or "/"  # serve mounts the site at site_url's path
    base = f"http://127.0.0.1:{port}{mount}"
    try:
        first_build = _wait_for(base + url_path, "<article", limit_s)
        if first_build is None:
            return {"first_build_s": None, "edit_served_s": None}
        time.sleep(1.0)  # let the watcher settle after the first build
        marker = f"Edited at {time.time_ns()}."
        readout.write_text(readout.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
        return {"first_build_s": first_build, "edit_served_s": _wait_for(base + url_path, marker, 60.0)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
