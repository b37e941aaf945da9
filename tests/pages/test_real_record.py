"""The smaller claims of the record, pinned on the five real readouts as the built site shows them:
officials in order of family name, open positions "to present", one separator for positions in
every output, an index page at each folder of the readouts' addresses, and the Provenance wanted
page naming every gap in plain words."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest

from generator.archive.check import check_archive
from generator.archive.registry import family_first

from .test_record_pages import _page


@pytest.fixture(scope="module")
def site(built_real_site):
    return built_real_site / "site"


def test_officials_are_sorted_by_family_name(built_real_site, site):
    archive, _ = check_archive(built_real_site)
    assert [o.name for o in archive.officials] == [
        "Ali-Akbar Ahmadian", "Kamal Kharrazi", "Li Qiang", "Liu Jianchao", "Mohammad Mokhber", "Ebrahim Raisi",
        "Wang Yi", "Xi Jinping"]
    listed = [label for attributes, label in _page(site, "officials/index.html").links
              if re.fullmatch(r"[a-z-]+/", attributes.get("href", ""))]
    assert listed == ["Li Qiang", "Liu Jianchao", "Wang Yi", "Xi Jinping",  # by country, then family name
                      "Ali-Akbar Ahmadian", "Kamal Kharrazi", "Mohammad Mokhber", "Ebrahim Raisi"]
    # the rule: the last word first, unless the registry says otherwise (a Chinese name is family-first)
    assert family_first("Hossein Amir-Abdollahian") == "Amir-Abdollahian Hossein"
    assert [o.sort_as for o in archive.officials][:3] == ["Ahmadian Ali-Akbar", "Kharrazi Kamal", "Li Qiang"]


def test_a_sort_key_must_be_the_names_own_words(tmp_path):
    from tests.conftest import make_project

    root = make_project(tmp_path / "project")
    registry = root / "archive" / "officials.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("- name: Wang Yi\n", "- name: Wang Yi\n  sort_as: Wang Lei\n", 1), encoding="utf-8")
    _, problems = check_archive(root)
    [problem] = [p for p in problems if "sort_as" in p.message]
    assert problem.path.endswith("officials.yml") and problem.line == 2
    assert "'Wang Lei' is not the words of the name 'Wang Yi' reordered" in problem.message


def test_an_open_position_reads_to_present(site):
    page = _page(site, "officials/xi-jinping/index.html")
    positions = page.text(".positions")
    assert "President of the People's Republic of China, from 14 March 2013 to present" in positions
    assert "still held" not in positions and "end not recorded" not in positions


def test_positions_are_joined_with_one_separator_in_every_output(built_real_site, site):
    """Xi Jinping held two positions on the day of the call: "; " between them everywhere."""
    both = "President of the People's Republic of China; General Secretary of the CPC Central Committee"
    call = "2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi"
    data = site / "data"
    rows = list(csv.DictReader(io.StringIO((data / "readouts.csv").read_text(encoding="utf-8-sig"))))
    assert f"Xi Jinping ({both})" in next(r for r in rows if r["id"] == call)["participants"]
    with sqlite3.connect(data / "readouts.sqlite") as db:
        assert db.execute("SELECT positions FROM readout_officials WHERE readout_id = ? AND official_id = "
                          "'xi-jinping'", (call,)).fetchone() == (both,)
    record = next(r for r in json.loads((data / "readouts.json").read_text(encoding="utf-8"))["readouts"]
                  if r["id"] == call)
    assert "; ".join(next(p for p in record["participants"] if p["name"] == "Xi Jinping")["positions"]) == both
    page = _page(site, f"readouts/2022/{call}/index.html")
    assert f"Xi Jinping ({both})" in page.text(".participants")
    assert f"Xi Jinping ({both})" in (data / "cite" / f"{call}.ris").read_text(encoding="utf-8")


def test_each_folder_of_a_readouts_address_is_a_page(site):
    """readouts/ and readouts/<year>/: a shortened address is an index, not a 404 on a static host."""
    top = _page(site, "readouts/index.html")
    years = {label: attributes["href"] for attributes, label in top.links if re.fullmatch(r"\d{4}/", attributes["href"])}
    assert years == {"2023": "2023/", "2022": "2022/"}
    for year, count in (("2023", 3), ("2022", 2)):
        page = _page(site, f"readouts/{year}/index.html")
        readouts = [label for attributes, label in page.links
                    if re.fullmatch(rf"{year}-\d\d-\d\d-[a-z0-9-]+/", attributes.get("href", ""))]
        assert len(readouts) == count, year
        for attributes, _ in page.links:
            if re.fullmatch(rf"{year}-\d\d-\d\d-[a-z0-9-]+/", attributes.get("href", "")):
                assert (site / "readouts" / year / attributes["href"] / "index.html").is_file()


def test_the_provenance_page_names_every_gap_in_plain_words(site):
    page = _page(site, "provenance/index.html")
    text = page.text("article") or page.text(".md-content")
    assert ("source address; publisher not identified; publication date; capture date; archived copy; inferred, "
            "to confirm: date of the meeting") in text  # the Iranian outlet's account of the call
    assert "source address; publisher not identified; capture date; archived copy" in text  # Ahmadian
    assert "inferred, to confirm: date of the meeting (year), publisher" in text  # Kharrazi: the year only
    assert not re.search(r"source\.\w+|date\.year|title_supplied|_identified", text)  # no raw field names
    readout = _page(site, "readouts/2023/2023-12-06-liu-jianchao-meets-with-kamal-kharrazi/index.html")
    assert "Date of the meeting (year): The dateline" in readout.text(".inferred-notes")
    assert "year inferred" in readout.text(".readout-panel")
