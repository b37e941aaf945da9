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
from generator.outputs.bibliography import BIBLIOGRAPHY, render_bibliography
from generator.pages.index import index_archive
from generator.pages.cite import (bibtex, chicago_bibliography, chicago_note, cite_key, csl_item, csl_json, ris,
                                  script_json, us_date)
from generator.pages.cite_page import citation_panel, csl_script, head_meta

URL = "https://example.org/archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif/"
SITE = "Readouts Archive"
CHICAGO = Path(__file__).resolve().parents[1] / "fixtures" / "chicago-notes-bibliography.csl"
# The fields biblatex's data model gives a @report entry (biblatex manual, 2.1.1), with the event's
# title and venue (its fields for events, which pandoc reads as the CSL event), and the ones written here.
BIBLATEX_REPORT = {"author", "title", "type", "institution", "date", "year", "subtitle", "titleaddon", "language",
                   "number", "version", "note", "location", "month", "isrn", "chapter", "pages", "pagetotal",
                   "addendum", "pubstate", "doi", "eprint", "eprintclass", "eprinttype", "url", "urldate", "langid",
                   "eventtitle", "venue"}


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
    with warnings.catch_warnings():  # citeproc-py predates CSL 1.0.2's `custom` and `event-title`, and says so
        warnings.filterwarnings("ignore", "The following arguments for Reference are unsupported")
        source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    citation = Citation([CitationItem(items[0]["id"])])
    bibliography.register(citation)
    note = bibliography.cite(citation, lambda item: None)
    return str(note), str(bibliography.bibliography()[0])


def test_csl_json_is_a_report_with_its_dates_its_event_and_its_publisher(talks):
    item = csl_item(talks, URL, SITE)
    assert item["type"] == "report" and item["genre"] == "readout" and "author" not in item
    assert item["title"] == '<span class="nocase">Wang Yi Holds Talks with Iranian Foreign Minister Zarif</span>'
    assert item["publisher"] == "Ministry of Foreign Affairs of the People's Republic of China"
    assert item["issued"] == {"date-parts": [[2021, 3, 27]]}  # published
    assert item["event-title"] == "Talks between Wang Yi and Mohammad Javad Zarif, March 27, 2021"  # the meeting
    assert item["event-place"] == "Tehran, Iran" and item["custom"]["meeting-date"] == "2021-03-27"
    assert item["accessed"] == {"date-parts": [[2024, 4, 30]]}  # captured
    assert item["custom"]["added"] == "2024-05-01" and item["custom"]["readout-id"] == talks.id
    assert item["URL"] == URL and item["custom"]["archive"] == SITE and item["language"] == "en"
    assert "Source: https://example.org/wang-yi-zarif.html." in item["note"]
    note, entry = _citeproc([item])
    assert note == chicago_note(talks, URL, SITE)
    assert entry.endswith(chicago_bibliography(talks, URL, SITE))  # citeproc-py repeats the title first


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
    assert note.startswith("[Wang Yi and Zarif hold talks in Tehran], readout, Talks between Wang Yi and Mohammad "
                           "Javad Zarif, [March 27, 2021], Tehran, Iran ([Ministry of Foreign Affairs")
    assert chicago_bibliography(inferred, URL, SITE).startswith("[Wang Yi and Zarif hold talks in Tehran]. Readout.")
    item = csl_item(inferred, URL, SITE)
    assert item["title"] == '<span class="nocase">[Wang Yi and Zarif hold talks in Tehran]</span>'
    assert item["custom"]["title-supplied"] is True and item["publisher"].startswith("[Ministry")
    assert item["custom"]["inferred"]["source.publisher"] == "From the photo credit (Xinhua)."
    for text in (item["note"], bibtexparser.parse_string(bibtex(inferred, URL, SITE)).entries[0]["note"],
                 rispy.load(io.StringIO(ris(inferred, URL, SITE)))[0]["notes"][0]):
        assert "Title supplied by the archive" in text and "Publisher inferred: From the photo credit (Xinhua)." in text
        assert "Source address not recorded." in text and "Archived copy: https://web.archive.org/web/2021/x." in text
    assert head_meta(inferred, URL, SITE).startswith('citation: {"title": "[Wang Yi and Zarif hold talks in Tehran]"')


def test_an_inferred_part_of_a_date_is_bracketed_alone(talks):
    """The Kharrazi case: the dateline says "December 6th", the year is the page's date stamp."""
    year_only = replace(talks, inferred=(("date.year", "From the page's date stamp."),))
    assert us_date(date(2023, 12, 6), frozenset({"year"})) == "December 6, [2023]"
    assert us_date(date(2023, 12, 6), frozenset({"year", "month", "day"})) == "[December 6, 2023]"
    assert us_date(date(2023, 12, 6), frozenset({"day"})) == "December [6], 2023"
    assert "Zarif, March 27, [2021], Tehran" in chicago_note(year_only, URL, SITE)
    assert csl_item(year_only, URL)["event-title"].endswith("March 27, [2021]")
    assert "Date of the meeting (year) inferred: From the page's date stamp." in csl_item(year_only, URL)["note"]
    published = replace(talks, inferred=(("source.published.year", "From the copyright line."),))
    assert "(Ministry of Foreign Affairs of the People's Republic of China, [2021])" in chicago_note(published, URL)
    assert csl_item(published, URL)["issued"]["literal"] == "[2021]"
    assert "year         = {[2021]}" in bibtex(published, URL)


def test_a_headline_as_published_is_what_is_cited(talks):
    headlined = replace(talks, headline="WANG YI HOLDS TALKS WITH ZARIF")
    assert csl_item(headlined, URL)["title"] == '<span class="nocase">WANG YI HOLDS TALKS WITH ZARIF</span>'
    assert chicago_note(headlined, URL).startswith("WANG YI HOLDS TALKS WITH ZARIF, readout,")


def test_chicago_note_and_bibliography(talks):
    assert chicago_note(talks, URL, SITE) == (
        "Wang Yi Holds Talks with Iranian Foreign Minister Zarif, readout, Talks between Wang Yi and Mohammad Javad "
        "Zarif, March 27, 2021, Tehran, Iran (Ministry of Foreign Affairs of the People's Republic of China, 2021), "
        f"{URL}.")
    assert chicago_bibliography(talks, URL, SITE) == (
        "Wang Yi Holds Talks with Iranian Foreign Minister Zarif. Readout. Talks between Wang Yi and Mohammad Javad "
        "Zarif, March 27, 2021, Tehran, Iran. Ministry of Foreign Affairs of the People's Republic of China, 2021. "
        f"{URL}.")
    undated = replace(talks, source=replace(talks.source, published=None))
    assert chicago_note(undated, URL).endswith(f"(Ministry of Foreign Affairs of the People's Republic of China, "
                                               f"n.d.), accessed April 30, 2024, {URL}.")
    assert chicago_bibliography(undated, URL).endswith(
        f"Ministry of Foreign Affairs of the People's Republic of China, n.d. Accessed April 30, 2024. {URL}.")


def test_bibtex_is_a_biblatex_report_that_parsers_read(talks):
    text = bibtex(talks, URL, SITE)
    assert text.startswith(f"@report{{{cite_key(talks)},\n") and cite_key(talks) == f"readouts:{talks.id}"
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "report" and set(entry.fields_dict) <= BIBLATEX_REPORT
    assert entry["title"] == "{Wang Yi Holds Talks with Iranian Foreign Minister Zarif}"
    assert entry["institution"] == "{Ministry of Foreign Affairs of the People's Republic of China}"
    assert entry["eventtitle"] == "{Talks between Wang Yi and Mohammad Javad Zarif, March 27, 2021}"
    assert entry["date"] == "2021-03-27" and entry["urldate"] == "2024-04-30" and entry["url"] == URL
    fields = parse_string(text, "bibtex").entries[cite_key(talks)].fields
    assert fields["date"] == "2021-03-27" and "Readout: Talks between Wang Yi" in fields["note"]


HOSTILE_TITLES = [
    "50% of R&D_costs {sic} #1 ~ ^ \\ } @misc{x,",
    "}", "{", "}{", "{{}", "a } b { c", "\\}", "\\{\\", "@comment{", "% not a comment } @online{y, title={z}}",
    "#define ~home {\\textbf{x}}", "Talks}}, author = {Mallory", "$x^2$ \\end{document}",
]


def _latex_text(value: str) -> str:
    """A BibTeX value as LaTeX would print it (pylatexenc, with the textcomp symbols it lacks)."""
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
    context = get_default_latex_context_db()
    context.add_context_category("textcomp", prepend=True, macros=[
        MacroTextSpec("textbraceleft", simplify_repl="{"), MacroTextSpec("textbraceright", simplify_repl="}"),
        MacroTextSpec("textasciicircum", simplify_repl="^")])
    return LatexNodes2Text(latex_context=context, math_mode="verbatim").latex_to_text(value)


def test_bibtex_escapes_whatever_a_title_holds(talks):
    hostile = replace(talks, title="50% of R&D_costs {sic} #1 ~ ^ \\ } @misc{x,", source=replace(
        talks.source, publisher="}, author = {Mallory"))
    text = bibtex(hostile, URL, SITE)
    assert (r"{{50\% of R\&D\_costs \{sic\} \#1 \textasciitilde{} \textasciicircum{} \textbackslash{} "
            r"\textbraceright{} @misc\textbraceleft{}x,}}") in text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert set(library.entries[0].fields_dict) <= BIBLATEX_REPORT and "author" not in library.entries[0].fields_dict
    assert list(parse_string(text, "bibtex").entries) == [cite_key(talks)]


def test_the_whole_archives_bib_parses_and_keeps_every_hostile_title(project):
    """Every readout of the fixture archive given a hostile title: the one .bib holds them all, and
    pybtex and bibtexparser read each title back as it was written."""
    archive, _ = check_archive(project)
    readouts = tuple(replace(archive.readouts[n % len(archive.readouts)], id=f"hostile-{n}", headline="",
                             title_supplied=False, title=title) for n, title in enumerate(HOSTILE_TITLES))
    hostile = replace(archive, readouts=readouts)
    pages = render_bibliography(hostile, index_archive(hostile), {"name": SITE, "url": "https://example.org/"})
    whole = next(p.content.whole().decode("utf-8") for p in pages if p.path == BIBLIOGRAPHY["bib"])
    keys = [cite_key(r) for r in readouts]
    entries = parse_string(whole, "bibtex").entries
    library = bibtexparser.parse_string(whole)
    assert list(entries) == keys and library.failed_blocks == [] and [e.key for e in library.entries] == keys
    for readout, entry in zip(readouts, library.entries, strict=True):
        assert _latex_text(entries[cite_key(readout)].fields["title"]) == readout.title
        assert _latex_text(entry["title"][1:-1]) == readout.title and "author" not in entry.fields_dict
    for title in HOSTILE_TITLES:  # each on its own too, so that no title is only saved by a neighbour
        alone = bibtex(replace(readouts[0], title=title), URL, SITE)
        assert _latex_text(parse_string(alone, "bibtex").entries[cite_key(readouts[0])].fields["title"]) == title


def test_ris_is_a_report_that_rispy_reads(talks):
    text = ris(talks, URL, SITE)
    assert text.startswith("TY  - RPRT\r\n") and text.endswith("ER  - \r\n")
    record = rispy.load(io.StringIO(text))[0]
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == "Wang Yi Holds Talks with Iranian Foreign Minister Zarif"
    assert record["publisher"] == "Ministry of Foreign Affairs of the People's Republic of China"
    assert record["date"] == "2021/03/27/" and record["year"] == "2021" and record["access_date"] == "2024/04/30/"
    assert record["tertiary_title"] == "Talks between Wang Yi and Mohammad Javad Zarif, March 27, 2021"
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
    assert json.loads(inner)[0]["title"] == f'<span class="nocase">{hostile.title}</span>'
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
    assert note.endswith(f"Tehran, Iran (Ministry of Foreign Affairs of the People's Republic of China, 2021), para. 3, "
                         f"{URL}#p3.")
