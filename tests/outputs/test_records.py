"""readouts.json and readouts.csv: built from the real archive, validated against the schema they
name, parsed as spreadsheets read them, and checked against the archive."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import jsonschema

from generator.archive.schema import json_schema
from generator.core.model import make_archive
from generator.outputs.data import render_data
from generator.outputs.records import CSV_COLUMNS, plain_text, readouts_csv, records
from generator.pages.index import index_archive

from .conftest import SITE, page_exists

CALL = "2022-07-29"
CALL_EVENT = "2022-07-29-xi-jinping-ebrahim-raisi"
AHMADIAN = "2023-07-24-wang-yi-meets-with-ahmadian"
MOKHBER = "2023-10-26-li-qiang-meets-with-mohammad-mokhber"


def _json(data) -> dict:
    return json.loads((data / "readouts.json").read_text(encoding="utf-8"))


def test_the_json_names_its_own_schema_and_validates_against_it(data, site_url):
    archive = _json(data)
    schema = json.loads((data / "readouts.schema.json").read_text(encoding="utf-8"))
    assert archive["$schema"] == schema["$id"] == site_url + "data/readouts.schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(archive)] == []
    broken = dict(archive, readouts=[dict(archive["readouts"][0], date="29 July 2022", extra=1)])
    assert {error.validator for error in validator.iter_errors(broken)} == {"additionalProperties", "format", "pattern"}
    assert archive["licence"]["name"] == "CC0 1.0 Universal" and "publishers'" in archive["licence"]["scope"]


def test_the_front_matter_schema_stays_for_contributors(data, site_url):
    schema = json.loads((data / "readout.schema.json").read_text(encoding="utf-8"))
    assert schema == json_schema(site_url) and schema["$id"] == site_url + "data/readout.schema.json"


def test_the_json_holds_everything_a_page_shows(data, site_url):
    archive = _json(data)
    readouts = archive["readouts"]
    assert len(readouts) == 5
    assert [r["date"] for r in readouts] == sorted((r["date"] for r in readouts), reverse=True)
    call = [r for r in readouts if r["date"] == CALL]
    assert len(call) == 2 and {r["event"] for r in call} == {CALL_EVENT}
    for readout in call:
        assert [p["name"] for p in readout["participants"]] == ["Xi Jinping", "Ebrahim Raisi"]
        assert readout["kind"] == "phone call" and readout["venue"] is None
        assert readout["event_page"] == f"{site_url}events/{CALL_EVENT}/"
    ahmadian = next(r for r in readouts if r["id"] == AHMADIAN)
    wang_yi = ahmadian["participants"][0]
    assert wang_yi["name"] == "Wang Yi"
    assert wang_yi["positions"] == ["Director of the Office of the Central Foreign Affairs Commission"]
    assert ahmadian["source"]["publisher_identified"] is False and ahmadian["source"]["side"] is None
    iranian = next(r for r in call if not r["source"]["publisher_identified"])
    assert iranian["source"]["side"] == "Iran"  # not named, but known to speak for Tehran
    publishers = {p["id"]: p for p in archive["publishers"]}
    assert publishers[iranian["source"]["publisher_id"]]["identified"] is False
    mokhber = next(r for r in readouts if r["id"] == MOKHBER)
    assert mokhber["occasion"] == "22nd Meeting of the Council of Heads of Government of the SCO Member States"
    assert [m["name"] for m in mokhber["mentioned"]] == ["Xi Jinping", "Ebrahim Raisi"]
    assert mokhber["title_supplied"] is True and "source.publisher" in mokhber["inferred"]
    assert mokhber["text_markdown"].startswith("*Chinese Premier Li Qiang meets")
    assert mokhber["text_plain"].startswith("Chinese Premier Li Qiang meets") and "*" not in mokhber["text_plain"]
    for readout in readouts:
        assert readout["added"] and readout["updated"] >= readout["added"]
        assert readout["source"]["url"] is None  # none of the five sources' addresses is known
        assert page_exists(data.parent, site_url, readout["page"])
    assert all(page_exists(data.parent, site_url, item["page"]) for item in archive["officials"] + archive["initiatives"])


def test_the_csv_opens_as_utf8_with_a_row_per_readout(data, site_url):
    raw = (data / "readouts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheet programs look for
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 5
    ahmadian = next(r for r in rows if r["id"] == AHMADIAN)
    assert ahmadian["participants"].startswith(
        "Wang Yi (Director of the Office of the Central Foreign Affairs Commission); Ali-Akbar Ahmadian")
    assert ahmadian["publisher_identified"] == "false" and ahmadian["source_url"] == ""
    mokhber = next(r for r in rows if r["id"] == MOKHBER)
    assert mokhber["publisher"] == "Xinhua News Agency" and mokhber["inferred"].startswith("source.publisher: ")
    assert mokhber["text_plain"].count("\n\n") >= 5 and "Mokhber said." in mokhber["text_plain"]
    for row in rows:
        assert page_exists(data.parent, site_url, row["page"])


def test_no_cell_can_start_a_formula(fixture_archive):
    readout = fixture_archive.readouts[0]
    hostile = replace(readout, title="-2+3", notes="@SUM(A1)", source=replace(
        readout.source, publisher="=HYPERLINK(\"https://example.org\")"))
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, [hostile])
    row = next(csv.DictReader(io.StringIO(readouts_csv(records(archive, index_archive(archive), SITE))[1:])))
    assert row["publisher"] == "'=HYPERLINK(\"https://example.org\")"
    assert row["title"] == "'-2+3" and row["notes"] == "'@SUM(A1)"


def test_plain_text_keeps_paragraphs_and_drops_marks():
    assert plain_text("*Caption.*\n\nSaid [here](https://x.org) \\*not\\* **bold**.\n") == \
        "Caption.\n\nSaid here *not* bold."


def test_the_same_archive_gives_the_same_bytes(fixture_archive):
    first = list(render_data(fixture_archive, index_archive(fixture_archive), SITE))
    second = list(render_data(fixture_archive, index_archive(fixture_archive), SITE))
    assert first == second
    assert [p.path for p in first][:5] == ["data/readouts.json", "data/readouts.csv", "data/readouts.schema.json",
                                           "data/readout.schema.json", "data/readouts.sqlite"]
