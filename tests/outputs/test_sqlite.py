"""readouts.sqlite: opened with sqlite3 and queried as the data page shows."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace

import pytest

from generator.core.model import make_archive
from generator.outputs.records import records
from generator.outputs.sqlite import readouts_sqlite
from generator.pages.index import index_archive

from .conftest import SITE

TABLES = {"readouts", "archived_copies", "inferred", "officials", "official_aliases", "positions", "initiatives", "publishers",
          "events", "readout_officials", "readout_initiatives", "readouts_fts", "paragraphs", "formulations",
          "formulation_variants", "formulation_uses"}


@pytest.fixture(scope="module")
def db(data):
    connection = sqlite3.connect(f"file:{data / 'readouts.sqlite'}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_the_database_holds_every_table(db):
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert TABLES <= names
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM readouts").fetchone() == (5,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_data_pages_queries_answer(db):
    rows = db.execute("""SELECT r.date, ro.positions, r.title FROM readouts r
        JOIN readout_officials ro ON ro.readout_id = r.id
        WHERE ro.official_id = 'wang-yi' AND ro.role = 'participant' ORDER BY r.date""").fetchall()
    assert rows == [("2023-07-24", "Director of the Office of the Central Foreign Affairs Commission",
                     "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council")]
    found = db.execute("SELECT r.id, r.text_plain FROM readouts_fts "
                       "JOIN readouts r ON r.rowid = readouts_fts.rowid "
                       "WHERE readouts_fts MATCH 'sovereignty AND territorial' ORDER BY rank").fetchall()
    assert "2023-10-26-li-qiang-meets-with-mohammad-mokhber" in [row[0] for row in found]
    assert all("sovereignty" in text and "territorial" in text for _, text in found)
    brics = db.execute("SELECT date, title FROM readouts WHERE rowid IN (SELECT rowid FROM readouts_fts WHERE "
                       "readouts_fts MATCH 'BRICS') ORDER BY date").fetchall()
    assert len(brics) >= 3
    counts = dict(db.execute("""SELECT i.name, count(*) FROM readout_initiatives ri
        JOIN initiatives i ON i.id = ri.initiative_id GROUP BY i.id""").fetchall())
    assert counts["Belt and Road Initiative"] == 2
    mentioned = db.execute("SELECT official_id FROM readout_officials WHERE role = 'mentioned' AND readout_id = "
                           "'2023-10-26-li-qiang-meets-with-mohammad-mokhber' ORDER BY official_id").fetchall()
    assert mentioned == [("ebrahim-raisi",), ("xi-jinping",)]
    # every event, single accounts too: the 29 July 2022 call (two accounts) and three meetings
    assert db.execute("SELECT count(*) FROM events").fetchone() == (4,)
    assert db.execute("SELECT count(*) FROM readouts WHERE event_id IS NULL").fetchone() == (0,)
    assert db.execute("SELECT id, accounts FROM events WHERE accounts > 1").fetchall() == [
        ("2022-07-29-xi-jinping-ebrahim-raisi", 2)]
    sides = db.execute("SELECT p.country, count(*) FROM readouts r JOIN publishers p ON p.id = r.publisher_id "
                       "WHERE p.identified GROUP BY p.country ORDER BY p.country").fetchall()
    assert sides == [("China", 3)]
    assert db.execute("SELECT count(*) FROM readouts WHERE event_id = '2022-07-29-xi-jinping-ebrahim-raisi'"
                      ).fetchone() == (2,)


def test_the_same_archive_gives_the_same_bytes_and_strangers_text_is_only_data(fixture_archive, tmp_path):
    readout = fixture_archive.readouts[0]
    hostile = replace(readout, title="x'); DROP TABLE readouts; --", notes="\x00 nul")
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, [hostile])
    found = records(archive, index_archive(archive), SITE)
    first, second = readouts_sqlite(archive, found, SITE), readouts_sqlite(archive, found, SITE)
    assert first == second and first.startswith(b"SQLite format 3\x00")
    path = tmp_path / "x.sqlite"
    path.write_bytes(first)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT title, notes FROM readouts").fetchall() == [(hostile.title, hostile.notes)]


def test_the_uses_of_a_formulation_lead_to_their_paragraphs_and_speakers(db):
    rows = db.execute("""SELECT r.date, o.name, r.side, r.page || '#p' || u.paragraph FROM formulation_uses u
        JOIN readouts r ON r.id = u.readout_id
        JOIN paragraphs p ON p.readout_id = u.readout_id AND p.number = u.paragraph
        LEFT JOIN officials o ON o.id = p.speaker_id
        WHERE u.formulation_id = 'one-china-principle' ORDER BY r.date, r.side""").fetchall()
    assert [row[:3] for row in rows] == [("2022-07-29", "Ebrahim Raisi", "China"), ("2022-07-29", "Ebrahim Raisi", "Iran")]
    assert rows[0][3].endswith("/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi/#p4")
    both = db.execute("SELECT count(*) FROM paragraphs WHERE both_sides = 1 AND speaker_id IS NULL").fetchone()[0]
    assert both == 2  # "The two presidents discussed", "Both sides also exchanged views"
    assert db.execute("SELECT count(*) FROM paragraphs").fetchone() == (45,)


def test_the_coverage_counts_come_from_the_events_table(data, built_real_site):
    """The coverage page's counts are what the events table holds, one row per event."""
    from generator.archive.check import check_archive
    from generator.pages.coverage import COLUMNS, coverage_class

    archive, _ = check_archive(built_real_site)
    with sqlite3.connect(data / "readouts.sqlite") as db:
        counted = dict(db.execute("SELECT coalesce(coverage, ''), count(*) FROM events GROUP BY coverage").fetchall())
        assert db.execute("SELECT count(*) FROM events").fetchone() == (len(archive.all_events),)
    expected: dict[str, int] = {}
    for event in archive.all_events:
        expected[coverage_class(event)] = expected.get(coverage_class(event), 0) + 1
    assert counted == expected
    page = (built_real_site / "site" / "coverage" / "index.html").read_text(encoding="utf-8")
    total_row = re.search(r'<tr class="coverage-total"><th scope="row">All years</th>(.*?)</tr>', page).group(1)
    assert [int(n) for n in re.findall(r"<td>(\d+)</td>", total_row)] == (
        [len(archive.all_events)] + [expected.get(column, 0) for column in COLUMNS])
    assert len(archive.all_events) == 4  # the five readouts: one call with two accounts, three meetings
