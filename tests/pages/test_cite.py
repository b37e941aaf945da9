"""How to cite a readout: every format read back by the tools that use it, whatever the front matter holds.

BibTeX is parsed by bibtexparser and pybtex, RIS by rispy, and the CSL-JSON rendered by
citeproc-py with the Chicago notes-and-bibliography style (tests/fixtures, CC BY-SA 3.0).
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import replace
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from generator.archive.check import check_archive
from generator.pages.cite import (bibtex, chicago_bibliography, chicago_note, cite_key, csl_item, csl_json, ris,
                                  script_json)
from generator.pages.cite_page import citation_panel, csl_script, head_meta

URL = "https://example.org/archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif/"
SITE = "Readouts Archive"
CHICAGO = Path(__file__).resolve().parents[1] / "fixtures" / "chicago-notes-bibliography.csl"
# The fields biblatex's data model gives an @online entry (biblatex manual, 2.1.1), and the ones written here.
BIBLATEX_ONLINE = {"author", "editor", "title", "subtitle", "titleaddon", "language", "version", "note",
                   "organization", "date", "month", "year", "addendum", "pubstate", "doi", "eprint",
                   "eprintclass", "eprinttype", "url", "urldate", "langid"}


@pytest.fixture
def talks(project):
    archive, _ = check_archive(project)
    readout = next(r for r in archive.readouts if r.source_path.endswith("2021-03-27-wang-yi-holds-talks-with-zarif.md"))
    return replace(readout, headline="", added=date(2024, 5, 1),
                   source=replace(readout.source, captured=date(2024, 4, 30), archived=()))


@pytest.fixture
def inferred(talks):
    """The Mokhber case: no headline (the title is the archive's), the publisher known from a photo credit."""
    return replace(talks, title="Wang Yi and Zarif hold talks in Tehran", title_supplied=True, headline="",
                   inferred=(("date", 'The text says "on Saturday".'),
                             ("source.publisher", "From the photo credit (Xinhua).")),
                   source=replace(talks.source, url="", archived=("https://web.archive.org/web/2021/x",)))


@pytest.fixture
def unidentified(talks):
    """A publisher the registry records as not identified, with no publication or capture date."""
    name = "Iranian news website"
    return replace(talks, source=replace(talks.source, publisher=name, published=None, captured=None,
                                         by=replace(talks.source.by, name=name, identified=False)))


def _citeproc(items: list[dict]) -> tuple[str, str]:
    """A note and a bibliography entry, as citeproc-py renders the CSL-JSON in Chicago style."""
    style = CitationStylesStyle(str(CHICAGO), validate=False)
    with warnings.catch_warnings():  # citeproc-py predates CSL 1.0.2's `custom` and says so
        warnings.filterwarnings("ignore", "The following arguments for Reference are unsupported: custom")
        source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    citation = Citation([CitationItem(items[0]["id"])])
    bibliography.register(citation)
    note = bibliography.cite(citation, lambda item: None)
    return str(note), str(bibliography.bibliography()[0])


def test_csl_json_is_a_document_with_its_three_dates_and_its_publisher(talks):
    item = csl_item(talks, URL, SITE)
    assert item["type"] == "document" and "author" not in item
    assert item["publisher"] == "Ministry of Foreign Affairs of the People's Republic of China"
    assert item["issued"] == {"date-parts": [[2021, 3, 27]]}  # published
    assert item["event-date"] == {"date-parts": [[2021, 3, 27]]}  # the meeting
    assert item["accessed"] == {"date-parts": [[2024, 4, 30]]}  # captured
    assert item["custom"]["added"] == "2024-05-01" and item["custom"]["readout-id"] == talks.id
    assert item["URL"] == URL and item["archive"] == SITE and item["language"] == "en"
    assert "Source: https://example.org/wang-yi-zarif.html." in item["note"]
    note, entry = _citeproc([item])
    assert "Wang Yi Holds Talks with Iranian Foreign Minister Zarif" in note
    assert "Ministry of Foreign Affairs of the People's Republic of China" in note and "March 27, 2021" in note
    assert URL in entry and entry.index("Wang Yi Holds Talks") < entry.index("Ministry of Foreign Affairs")


def test_an_unidentified_publisher_is_left_out_of_every_citation(unidentified):
    item = csl_item(unidentified, URL, SITE)
    assert "publisher" not in item and "author" not in item and "issued" not in item and "accessed" not in item
    assert "Publisher not identified." in item["note"]
    rendered = " ".join(_citeproc([item]))
    texts = [rendered, chicago_note(unidentified, URL, SITE), chicago_bibliography(unidentified, URL, SITE)]
    assert all("news website" not in text for text in texts)
    assert "n.d." in texts[1]
    entry = bibtexparser.parse_string(bibtex(unidentified, URL, SITE)).entries[0]
    assert "organization" not in entry.fields_dict and "author" not in entry.fields_dict
    record = rispy.load(io.StringIO(ris(unidentified, URL, SITE)))[0]
    assert "publisher" not in record and "authors" not in record


def test_what_the_archive_supplied_or_inferred_is_marked(inferred):
    note = chicago_note(inferred, URL, SITE)
    assert note.startswith("[Wang Yi and Zarif hold talks in Tehran], [Ministry of Foreign Affairs")
    assert "readout of the talks of [March 27, 2021]" in note and "\u201c" not in note
    assert chicago_bibliography(inferred, URL, SITE).startswith("[Wang Yi and Zarif hold talks in Tehran]. [Ministry")
    item = csl_item(inferred, URL, SITE)
    assert item["title"] == "[Wang Yi and Zarif hold talks in Tehran]" and item["custom"]["title-supplied"] is True
    assert item["custom"]["inferred"]["source.publisher"] == "From the photo credit (Xinhua)."
    for text in (item["note"], bibtexparser.parse_string(bibtex(inferred, URL, SITE)).entries[0]["note"],
                 rispy.load(io.StringIO(ris(inferred, URL, SITE)))[0]["notes"][0]):
        assert "Title supplied by the archive" in text and "Publisher inferred: From the photo credit (Xinhua)." in text
        assert "Source address not recorded." in text and "Archived copy: https://web.archive.org/web/2021/x." in text
    assert head_meta(inferred, URL, SITE).startswith('citation: {"title": "[Wang Yi and Zarif hold talks in Tehran]"')


def test_a_headline_as_published_is_what_is_cited(talks):
    headlined = replace(talks, headline="WANG YI HOLDS TALKS WITH ZARIF")
    assert csl_item(headlined, URL)["title"] == "WANG YI HOLDS TALKS WITH ZARIF"
    assert chicago_note(headlined, URL).startswith("\u201cWANG YI HOLDS TALKS WITH ZARIF,\u201d")


def test_chicago_note_and_bibliography(talks):
    assert chicago_note(talks, URL, SITE) == (
        "\u201cWang Yi Holds Talks with Iranian Foreign Minister Zarif,\u201d Ministry of Foreign Affairs of the "
        "People's Republic of China, March 27, 2021, readout of the talks of March 27, 2021, archived in the "
        f"Readouts Archive, {URL}.")
    assert chicago_bibliography(talks, URL, SITE) == (
        "\u201cWang Yi Holds Talks with Iranian Foreign Minister Zarif.\u201d Ministry of Foreign Affairs of the "
        "People's Republic of China, March 27, 2021. Readout of the talks of March 27, 2021. Archived in the "
        f"Readouts Archive. {URL}.")
    question = replace(talks, title='Is "this" a question?')
    assert chicago_note(question, URL).startswith("\u201cIs \u2019this\u2019 a question?\u201d Ministry")


def test_bibtex_is_a_biblatex_online_entry_that_parsers_read(talks):
    text = bibtex(talks, URL, SITE)
    assert text.startswith(f"@online{{{cite_key(talks)},\n") and cite_key(talks) == f"readouts:{talks.id}"
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "online" and set(entry.fields_dict) <= BIBLATEX_ONLINE
    assert entry["title"] == "{Wang Yi Holds Talks with Iranian Foreign Minister Zarif}"
    assert entry["organization"] == "{Ministry of Foreign Affairs of the People's Republic of China}"
    assert entry["date"] == "2021-03-27" and entry["urldate"] == "2024-04-30" and entry["url"] == URL
    fields = parse_string(text, "bibtex").entries[cite_key(talks)].fields
    assert fields["date"] == "2021-03-27" and "Readout of the talks of 27 March 2021." in fields["note"]


def test_bibtex_escapes_whatever_a_title_holds(talks):
    hostile = replace(talks, title="50% of R&D_costs {sic} #1 ~ ^ \\ } @misc{x,", source=replace(
        talks.source, publisher="}, author = {Mallory"))
    text = bibtex(hostile, URL, SITE)
    assert r"{{50\% of R\&D\_costs \{sic\} \#1 \textasciitilde{} \textasciicircum{} \textbackslash{} \} @misc\{x,}}" in text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert set(library.entries[0].fields_dict) <= BIBLATEX_ONLINE and "author" not in library.entries[0].fields_dict
    assert list(parse_string(text, "bibtex").entries) == [cite_key(talks)]


def test_ris_is_a_generic_document_that_rispy_reads(talks):
    text = ris(talks, URL, SITE)
    assert text.startswith("TY  - GEN\r\n") and text.endswith("ER  - \r\n")
    record = rispy.load(io.StringIO(text))[0]
    assert record["type_of_reference"] == "GEN"
    assert record["title"] == "Wang Yi Holds Talks with Iranian Foreign Minister Zarif"
    assert record["publisher"] == "Ministry of Foreign Affairs of the People's Republic of China"
    assert record["date"] == "2021/03/27/" and record["year"] == "2021" and record["access_date"] == "2024/04/30/"
    assert record["urls"] == [URL] and record["name_of_database"] == SITE and record["language"] == "en"


def test_a_line_break_in_a_value_cannot_add_a_ris_field(talks):
    hostile = replace(talks, title="Talks\r\nAU  - Mallory\nER  - ", notes="x")
    records = rispy.load(io.StringIO(ris(hostile, URL, SITE)))
    assert len(records) == 1 and "authors" not in records[0]
    assert records[0]["title"] == "Talks AU - Mallory ER -"


def test_the_csl_json_shown_is_the_item_a_line_per_variable(talks):
    text = csl_json(talks, URL, SITE)
    assert json.loads(text) == [csl_item(talks, URL, SITE)]
    assert '    "issued": {"date-parts": [[2021, 3, 27]]},' in text.split("\n")


def test_csl_json_cannot_close_its_script_element(talks):
    hostile = replace(talks, title="</script><script>alert(1)</script> & <!--")
    script = csl_script(hostile, URL, SITE)
    inner = script[script.index(">") + 1: script.rindex("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)[0]["title"] == hostile.title
    assert json.loads(script_json(["\u2028"])) == ["\u2028"] and "\u2028" not in script_json(["\u2028"])


def test_the_panel_escapes_every_format_and_links_the_readouts_files(talks):
    hostile = replace(talks, title="<img src=x onerror=alert(1)> & \"quoted\"")
    panel = str(citation_panel(hostile, URL, SITE))
    assert "<img" not in panel and "&lt;img src=x onerror=alert(1)&gt; &amp;" in panel
    assert panel.count("<pre ") == 5 and panel.count('<button type="button"') == 5
    assert f'href="../../../data/cite/{talks.id}.bib" download' in panel
    assert f'href="../../../data/cite/{talks.id}.ris" download' in panel
    assert 'role="status"' in panel


def test_head_meta_is_one_line_of_json_whatever_the_title(talks):
    hostile = replace(talks, title="Talks\u2028: \"quoted\" \u0085 #not a comment")
    lines = head_meta(hostile, URL, SITE).split("\n")
    assert len(lines) == 1
    values = yaml.safe_load("\n".join(lines))
    assert values["citation"]["title"] == 'Talks : "quoted" #not a comment'  # on one line, as every citation
    assert values["citation"]["publisher"].startswith("Ministry") and values["citation"]["date"] == "2021-03-27"


def test_a_paragraph_is_cited_with_its_number_and_anchor(talks):
    note = chicago_note(talks, URL + "#p3", SITE, paragraph=3)
    assert note.endswith(f"readout of the talks of March 27, 2021, para. 3, archived in the Readouts Archive, {URL}#p3.")
