"""What the source log knows, shown: the Source panel's line, the Provenance wanted page's lists,
the Atom feed of source changes, the data downloads' events, and Robust Links to the copy nearest
the capture date, on a real site built with MkDocs."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from generator.archive.record import copy_day, nearest_copy
from generator.publish.pipeline import build_site

from tests.conftest import make_project

pytestmark = pytest.mark.slow  # the module builds a site with strict MkDocs

TALKS = "2021-03-27-wang-yi-holds-talks-with-zarif"
RECEIVES = "2021-03-27-zarif-receives-wang-yi"
RECEIVES_TITLE = "Zarif Receives Chinese Foreign Minister"
NEAR = "https://web.archive.org/web/20240111093000/https://example.org/wang-yi-zarif.html"
LOG = f"""# the watcher's log
- readout: {TALKS}
  date: 2025-01-06
  state: live
  url: https://example.org/wang-yi-zarif.html
- readout: {TALKS}
  date: 2026-03-04
  state: edited
  url: https://example.org/wang-yi-zarif.html
  removed:
    - "President Rouhani sent his regards."
- readout: {RECEIVES}
  date: 2026-03-02
  state: unreachable
  note: "not found once (HTTP 404): a removal is recorded when it is seen again"
- readout: {RECEIVES}
  date: 2026-03-09
  state: removed
  note: HTTP 404
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("history") / "project")
    talks = root / "archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif.md"
    talks.write_text(talks.read_text(encoding="utf-8").replace("/web/20240110000000/", "/web/20250601000000/").replace(
        "    - https://perma.cc/ABCD-1234\n", f"    - https://perma.cc/ABCD-1234\n    - {NEAR}\n"), encoding="utf-8")
    (root / "archive/source-log.yml").write_text(LOG, encoding="utf-8")
    build_site(root, root / "site", strict=True)
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_source_panel_says_what_the_log_knows_and_links_the_difference(site):
    page = _html(site, f"readouts/2021/{TALKS}")
    assert ("<dt>Source page</dt><dd>Source page seen edited on 4 March 2026: 1 sentence removed "
            f'(<a href="../../../provenance/#change-{TALKS}-2026-03-04">the difference</a>)</dd>') in page
    provenance = _html(site, "provenance")
    assert f'<li id="change-{TALKS}-2026-03-04">' in provenance
    assert "<del>President Rouhani sent his regards.</del>" in provenance
    assert "Source page seen removed on 9 March 2026 (HTTP 404)" in _html(site, f"readouts/2021/{RECEIVES}")


def test_the_provenance_page_lists_sources_removed_or_unreachable(site):
    provenance = _html(site, "provenance")
    gone = provenance.split('id="source-pages-removed-or-unreachable"', 1)[1].split('id="changes-seen-in-source-pages"', 1)[0]
    assert RECEIVES in gone and "<td>removed</td><td>9 March 2026</td><td>HTTP 404</td>" in gone
    assert TALKS not in gone


def test_robust_links_point_at_the_copy_nearest_the_capture_date(site):
    page = _html(site, f"readouts/2021/{TALKS}")
    assert (f'<a href="https://example.org/wang-yi-zarif.html" data-originalurl="https://example.org/wang-yi-zarif.html" '
            f'data-versiondate="2024-01-10" data-versionurl="{NEAR}"') in page  # not the first listed, made in 2025
    copies = ("https://perma.cc/X", "https://web.archive.org/web/20250101000000/https://x.org/", NEAR)
    assert nearest_copy(copies, date(2024, 1, 10)) == NEAR and nearest_copy(copies, None) == "https://perma.cc/X"
    assert copy_day(NEAR) == date(2024, 1, 11) and copy_day("https://perma.cc/X") is None


def test_an_atom_feed_lists_the_source_changes(site):
    feed = ET.parse(site / "data/feeds/sources.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert titles == [f"Source page removed: {RECEIVES_TITLE}",
                      "Source page edited: Wang Yi Holds Talks with Iranian Foreign Minister Zarif",
                      f"Source page unreachable: {RECEIVES_TITLE}"]  # newest first; "live" is no change
    summaries = [e.findtext(f"{atom}summary") for e in feed.iter(f"{atom}entry")]
    assert summaries[1] == "Seen edited on 2026-03-04: 1 sentence(s) removed"


def test_the_downloads_carry_the_log(site):
    readouts = {r["id"]: r for r in json.loads((site / "data/readouts.json").read_text(encoding="utf-8"))["readouts"]}
    assert [e["state"] for e in readouts[TALKS]["source"]["events"]] == ["live", "edited"]
    assert readouts[TALKS]["source"]["events"][1]["removed"] == ["President Rouhani sent his regards."]
    csv_text = (site / "data/readouts.csv").read_text(encoding="utf-8-sig")
    assert "edited (2026-03-04)" in csv_text and "removed (2026-03-09)" in csv_text
    with sqlite3.connect(site / "data/readouts.sqlite") as db:
        rows = db.execute("SELECT readout_id, date, state, sentences_removed, note FROM source_events "
                          "ORDER BY date").fetchall()
    assert rows == [(TALKS, "2025-01-06", "live", None, None), (RECEIVES, "2026-03-02", "unreachable", None,
                     "not found once (HTTP 404): a removal is recorded when it is seen again"),
                    (TALKS, "2026-03-04", "edited", "President Rouhani sent his regards.", None),
                    (RECEIVES, "2026-03-09", "removed", None, "HTTP 404")]
