"""The formulations in the data downloads: each readout's record in readouts.json (validated against
its schema), the CSV's column, and the SQLite tables, read from the built real site and checked
against formulations.json and the registry."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
from dataclasses import replace

import jsonschema
import pytest

from generator.core.model import Formulation, make_archive
from generator.outputs.records import readouts_csv, records
from generator.outputs.sqlite import readouts_sqlite
from generator.pages.index import index_archive

from .conftest import SITE, page_exists

CHINA_READY = "2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership"
HOSTILE = Formulation("hostile", "=HYPERLINK(\"https://example.org\"); DROP TABLE formulations; --",
                      variants=("<b>x</b>",), summary="'); --")


def _read(data, name: str) -> dict:
    return json.loads((data / name).read_text(encoding="utf-8"))


def _uses_in_records(readouts: list[dict]) -> set[tuple[str, str, int]]:
    return {(r["id"], f["id"], n) for r in readouts for f in r["formulations"] for n in f["paragraphs"]}


def _uses_in_formulations_json(data) -> set[tuple[str, str, int]]:
    return {(u["readout"], f["slug"], u["paragraph"])
            for f in _read(data, "formulations.json")["formulations"] for u in f["uses"]}


@pytest.fixture(scope="module")
def db(data):
    connection = sqlite3.connect(f"file:{data / 'readouts.sqlite'}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_each_record_names_the_formulations_its_paragraphs_use(data, site_url):
    archive = _read(data, "readouts.json")
    uses = _uses_in_records(archive["readouts"])
    assert uses and uses == _uses_in_formulations_json(data)
    china_ready = next(r for r in archive["readouts"] if r["id"] == CHINA_READY)
    formulations = {f["id"]: f for f in china_ready["formulations"]}
    assert formulations["one-china-principle"] == {"id": "one-china-principle", "name": "One China principle",
                                                   "paragraphs": [11]}
    assert formulations["non-interference-in-internal-affairs"]["paragraphs"] == [9]  # ¶12's is related wording
    assert next(iter(formulations)) == "strategic-perspective"  # in order of first use
    registry = {f["id"]: f for f in archive["formulations"]}
    assert {formulation for _, formulation, _ in uses} <= set(registry)
    assert "one-China policy" not in registry["one-china-principle"]["variants"]
    assert "model of the Cold War" in registry["cold-war-mentality"]["related"]
    assert all(page_exists(data.parent, site_url, f["page"]) for f in registry.values())


def test_the_schema_describes_the_formulations_and_refuses_malformed_ones(data):
    archive = _read(data, "readouts.json")
    validator = jsonschema.Draft202012Validator(_read(data, "readouts.schema.json"),
                                                format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(archive)) == []
    record = next(r for r in archive["readouts"] if r["id"] == CHINA_READY)
    for broken in ({"id": "Core Interests", "name": "x", "paragraphs": [1]}, {"id": "x", "name": "x", "paragraphs": []},
                   {"id": "x", "name": "x", "paragraphs": [0]}, {"id": "x", "name": "x"}):
        bad = dict(archive, readouts=[dict(record, formulations=[broken])])
        assert list(validator.iter_errors(bad)), broken


def test_the_csv_has_a_formulations_column(data):
    rows = list(csv.DictReader(io.StringIO((data / "readouts.csv").read_bytes().decode("utf-8-sig"), newline="")))
    records_by_id = {r["id"]: r for r in _read(data, "readouts.json")["readouts"]}
    for row in rows:
        assert row["formulations"] == "; ".join(f["name"] for f in records_by_id[row["id"]]["formulations"])
    china_ready = next(r for r in rows if r["id"] == CHINA_READY)
    assert "; One China principle; " in china_ready["formulations"]


def test_the_database_holds_every_use_with_its_speaker_and_side(db, data):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    registry = _read(data, "readouts.json")["formulations"]
    assert db.execute("SELECT id, name FROM formulations").fetchall() == [(f["id"], f["name"]) for f in registry]
    assert db.execute("SELECT variant FROM formulation_variants WHERE formulation_id = 'one-china-principle'"
                      ).fetchall() == [("one-China principle",)]
    rows = db.execute("SELECT readout_id, formulation_id, paragraph FROM formulation_uses").fetchall()
    assert len(rows) == len(set(rows)) and set(rows) == _uses_in_formulations_json(data)
    first = db.execute("SELECT speaker_id, speaker, side FROM formulation_uses WHERE readout_id = ? "
                       "AND paragraph = 1", (CHINA_READY,)).fetchall()
    assert first == [("xi-jinping", "Xi Jinping", "China")] * 2
    both = db.execute("SELECT count(*) FROM formulation_uses WHERE readout_id = ? AND paragraph = 5",
                      (CHINA_READY,)).fetchone()
    assert both == (0,)  # "25-year comprehensive strategic partnership program" is related wording only
    disagreeing = db.execute("""SELECT count(*) FROM formulation_uses u
        JOIN paragraphs p ON p.readout_id = u.readout_id AND p.number = u.paragraph
        LEFT JOIN officials o ON o.id = u.speaker_id
        WHERE u.speaker_id IS NOT p.speaker_id OR (u.speaker IS 'both sides') IS NOT p.both_sides
           OR u.side IS NOT o.country OR u.speaker IS NOT coalesce(o.name, u.speaker)""").fetchone()
    assert disagreeing == (0,)  # a use repeats its paragraph's speaker, and the side is the speaker's


def test_the_data_page_documents_the_tables_and_its_query_answers(db, data):
    page = html.unescape(re.sub(r"<[^>]+>", "", (data / "index.html").read_text(encoding="utf-8")))
    assert all(table in page for table in ("formulation_uses", "formulation_variants", "speaker_id"))
    query = re.search(r'sqlite3 readouts\.sqlite "(SELECT [^"]*FROM formulation_uses [^"]*)"', page).group(1)
    rows = db.execute(query).fetchall()
    assert [row[:4] for row in rows] == [("2022-07-29", "Ebrahim Raisi", "Iran", "Iran"),
                                         ("2022-07-29", "Ebrahim Raisi", "Iran", "China")]
    assert rows[0][4].endswith(f"/{CHINA_READY}/#p11")
    by_side = dict(db.execute("""SELECT side, count(*) FROM formulation_uses
        WHERE formulation_id = 'comprehensive-strategic-partnership' GROUP BY side""").fetchall())
    assert by_side == {"China": 4, "Iran": 3}


def test_a_strangers_formulation_is_only_data(fixture_archive, tmp_path):
    readout = fixture_archive.readouts[0]
    first = replace(readout.paragraphs[0], formulations=(HOSTILE,))
    hostile = replace(readout, paragraphs=(first, *readout.paragraphs[1:]))
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, [hostile], formulations=[HOSTILE])
    found = records(archive, index_archive(archive), SITE)
    row = next(csv.DictReader(io.StringIO(readouts_csv(found)[1:])))
    assert row["formulations"] == "'" + HOSTILE.name
    path = tmp_path / "x.sqlite"
    path.write_bytes(readouts_sqlite(archive, found, SITE))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name, summary FROM formulations").fetchall() == [(HOSTILE.name, HOSTILE.summary)]
        assert db.execute("SELECT formulation_id, paragraph FROM formulation_uses").fetchall() == [("hostile", 1)]
