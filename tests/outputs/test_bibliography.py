"""The citation downloads: every readout's .bib and .ris, and the whole archive's, read by real parsers."""

from __future__ import annotations

import io
import json

from dataclasses import replace

import bibtexparser
import pytest
import rispy
from pybtex.database import parse_file

from generator.outputs.bibliography import BIBLIOGRAPHY, render_bibliography
from generator.pages.addresses import page_url
from generator.pages.cite import bibtex, csl_item, ris
from generator.pages.index import index_archive

from .conftest import SITE


def test_each_readout_has_its_bib_and_ris(data, site_url):
    readouts = json.loads((data / "readouts.json").read_text(encoding="utf-8"))["readouts"]
    for readout in readouts:
        bib = bibtexparser.parse_string((data / "cite" / f"{readout['id']}.bib").read_text(encoding="utf-8"))
        assert bib.failed_blocks == [] and [e.key for e in bib.entries] == [f"readouts:{readout['id']}"]
        assert bib.entries[0]["url"] == readout["page"]
        ris = rispy.load(io.StringIO((data / "cite" / f"{readout['id']}.ris").read_text(encoding="utf-8")))
        assert len(ris) == 1 and ris[0]["type_of_reference"] == "RPRT" and ris[0]["urls"] == [readout["page"]]


def test_the_whole_archive_as_bibtex_ris_and_csl_json(data):
    ids = [r["id"] for r in json.loads((data / "readouts.json").read_text(encoding="utf-8"))["readouts"]]
    keys = [f"readouts:{i}" for i in ids]
    assert list(parse_file(str(data / "readouts.bib"), "bibtex").entries) == keys
    library = bibtexparser.parse_file(str(data / "readouts.bib"))
    assert library.failed_blocks == [] and [e.key for e in library.entries] == keys
    references = rispy.load(io.StringIO((data / "readouts.ris").read_text(encoding="utf-8")))
    assert [r["id"] for r in references] == keys
    items = json.loads((data / "readouts.csl.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == keys and {i["type"] for i in items} == {"report"}
    assert all("author" not in i for i in items)
    unidentified = [i for i in items if "publisher" not in i]
    assert len(unidentified) == 2 and all("Publisher not identified." in i["note"] for i in unidentified)


def test_a_citation_names_the_participants_with_their_positions_that_day(data):
    text = (data / "cite" / "2023-07-24-wang-yi-meets-with-ahmadian.ris").read_text(encoding="utf-8")
    note = rispy.load(io.StringIO(text))[0]["notes"][0]
    assert "Participants: Wang Yi (Director of the Office of the Central Foreign Affairs Commission), " in note
    assert "Minister of Foreign Affairs" not in note  # he became minister the next day


@pytest.mark.parametrize("readouts", [slice(None), slice(0, 1), slice(0, 0)])
def test_the_whole_archives_files_are_their_entries_joined(fixture_archive, readouts):
    """Assembled from each readout's part (outputs/spliced.py), the files are what joining the entries
    (and json.dumps of the CSL items, indented by one) gives, with no readout, one or several."""
    archive = replace(fixture_archive, readouts=fixture_archive.readouts[readouts])
    pages = {p.path: p.content.whole().decode("utf-8")
             for p in render_bibliography(archive, index_archive(archive), SITE)}
    cited = [(r, page_url(SITE, r), SITE["name"]) for r in archive.readouts]
    assert pages[BIBLIOGRAPHY["bib"]] == "\n".join(bibtex(*c) for c in cited)
    assert pages[BIBLIOGRAPHY["ris"]] == "\r\n".join(ris(*c) for c in cited)
    assert pages[BIBLIOGRAPHY["csl-json"]] == json.dumps([csl_item(*c) for c in cited], ensure_ascii=False,
                                                         indent=1) + "\n"
