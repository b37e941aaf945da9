"""The real archive's citation downloads rendered by real citation processors, in Chicago style.

pandoc's citeproc renders the whole archive's .bib and .csl.json, citeproc-py the .csl.json, both
with the Chicago notes-and-bibliography style (tests/fixtures, unmodified); each readout's note and
bibliography entry must come out the same from every file and equal to the forms on its page.
pandoc is Debian's package, installed by `make test` (tests/install-debian.sh).

Two differences of the processors are evened out, and only these: pandoc prints typographic
apostrophes (’) where a title has straight ones, and citeproc-py 0.11 repeats the title in a
bibliography entry with no author (its substitute for the author is not suppressed).
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import subprocess
import warnings
from pathlib import Path

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from ..conftest import REPO

CHICAGO = REPO / "tests" / "fixtures" / "chicago-notes-bibliography.csl"
PANDOC = os.environ.get("PANDOC", "/usr/bin/pandoc")


def _pandoc(bibliography: Path, ids: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Each readout's note and bibliography entry as pandoc's citeproc renders them, by citation key."""
    if not os.access(PANDOC, os.X_OK):
        pytest.fail(f"pandoc is not installed at {PANDOC}: run 'make test' (it installs Debian's pandoc), "
                    "or set PANDOC=/path/to/pandoc")
    document = "---\nnocite: '@*'\n---\n\n" + "\n\n".join(f"Cited.[@{key}]" for key in ids) + "\n"
    result = subprocess.run([PANDOC, "--from", "markdown", "--to", "plain", "--wrap=none", "--citeproc",
                             "--csl", str(CHICAGO), "--bibliography", str(bibliography)],
                            input=document, capture_output=True, text=True, check=True, timeout=300)
    assert "WARNING" not in result.stderr, result.stderr
    notes = dict(zip(ids, re.findall(r"^\[\d+\] (.+)$", result.stdout, flags=re.M), strict=True))
    entries = [line for line in result.stdout.split("\n\n") if line.strip() and not re.match(r"^(Cited\.|\[\d+\])", line)]
    return notes, _by_address(entries, ids)


def _by_address(entries: list[str], ids: list[str]) -> dict[str, str]:
    """Bibliography entries come sorted; each holds its readout's permanent address, ending in its id."""
    found = {}
    for key in ids:
        [entry] = [e.strip() for e in entries if f"/{key.removeprefix('readouts:')}/" in e]
        found[key] = entry
    return found


def _citeproc_py(items: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    style = CitationStylesStyle(str(CHICAGO), validate=False)
    with warnings.catch_warnings():  # citeproc-py predates CSL 1.0.2's `custom` and `event-title`
        warnings.simplefilter("ignore", UserWarning)
        source = CiteProcJSON(items)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        citations = [Citation([CitationItem(item["id"])]) for item in items]
        for citation in citations:
            bibliography.register(citation)
        notes = {item["id"]: str(bibliography.cite(citation, lambda _: None)) for item, citation in zip(items, citations, strict=True)}
        entries = [str(entry) for entry in bibliography.bibliography()]
    titles = [re.sub(r"</?span[^>]*>", "", item["title"]) for item in items]
    cleaned = []
    for entry in entries:
        repeated = next((f"{title}. " for title in titles if entry.startswith(f"{title}. {title}. ")), "")
        cleaned.append(entry[len(repeated):])
    return notes, _by_address(cleaned, [item["id"] for item in items])


def _same(text: str) -> str:
    return text.replace("\u2019", "'")


def _page_forms(site: Path, item: dict) -> tuple[str, str]:
    """The Chicago note and bibliography entry shown on the readout's page."""
    path = item["URL"].split("/readouts/", 1)[1]
    page = (site / "readouts" / path / "index.html").read_text(encoding="utf-8")
    forms = [html.unescape(re.search(rf'<pre id="cite-{name}"[^>]*>(.*?)</pre>', page, re.S).group(1))
             for name in ("chicago-note", "chicago-bibliography")]
    return forms[0], forms[1]


@pytest.fixture(scope="module")
def rendered(built_real_site):
    data = built_real_site / "site" / "data"
    items = json.loads((data / "readouts.csl.json").read_text(encoding="utf-8"))
    ids = [item["id"] for item in items]
    return {"items": items, "site": built_real_site / "site",
            "pandoc-bib": _pandoc(data / "readouts.bib", ids),
            "pandoc-csl": _pandoc(data / "readouts.csl.json", ids),
            "citeproc-py": _citeproc_py(items)}


def test_every_format_and_the_page_give_the_same_chicago_reference(rendered):
    assert len(rendered["items"]) == 5
    for item in rendered["items"]:
        key = item["id"]
        note, entry = _page_forms(rendered["site"], item)
        for processor in ("pandoc-bib", "pandoc-csl", "citeproc-py"):
            notes, entries = rendered[processor]
            assert _same(notes[key]) == _same(note), (processor, key)
            assert _same(entries[key]) == _same(entry), (processor, key)


# What the five readouts' references say, as every processor and the page give them.
EXPECTED = {
    "2023-12-06-liu-jianchao-meets-with-kamal-kharrazi": (
        "Liu Jianchao Meets with Kamal Kharrazi, Head of Iran's Strategic Council on Foreign Relations. Readout. "
        "Meeting between Liu Jianchao and Kamal Kharrazi, December 6, [2023], Tehran, Iran. "
        "[International Department of the CPC Central Committee], 2023."),
    "2023-10-26-li-qiang-meets-with-mohammad-mokhber": (
        "[Li Qiang Meets with Iran's First Vice President Mohammad Mokhber]. Readout. Meeting between Li Qiang and "
        "Mohammad Mokhber, October 26, 2023, Bishkek, Kyrgyzstan. [Xinhua News Agency], 2023."),
    "2023-07-24-wang-yi-meets-with-ahmadian": (
        "Wang Yi Meets with Ahmadian, Secretary of Iran's Supreme National Security Council. Readout. Meeting "
        "between Wang Yi and Ali-Akbar Ahmadian, July 24, 2023, Johannesburg, South Africa, 2023."),
    "2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership": (
        "China Ready for Mutual Coop. to Advance Strategic Partnership. Readout. Phone call between Xi Jinping "
        "and Ebrahim Raisi, [July 29, 2022], n.d."),
    "2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi": (
        "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone. Readout. Phone call between Xi "
        "Jinping and Ebrahim Raisi, July 29, 2022. Permanent Mission of the People's Republic of China to the UN, "
        "2022."),
}


def test_the_five_references_say_what_the_texts_show(rendered):
    """Supplied title and inferred publisher bracketed, only the inferred year of a date bracketed, an
    unidentified publisher left out (never an author), n.d. for an undated page, the meeting as the event."""
    for item in rendered["items"]:
        readout_id = item["custom"]["readout-id"]
        _, entry = _page_forms(rendered["site"], item)
        assert _same(entry) == EXPECTED[readout_id] + f" {item['URL']}.", readout_id
        assert "author" not in item


def test_ris_carries_the_same_facts(built_real_site):
    data = built_real_site / "site" / "data"
    items = {i["id"]: i for i in json.loads((data / "readouts.csl.json").read_text(encoding="utf-8"))}
    for record in rispy.load(io.StringIO((data / "readouts.ris").read_text(encoding="utf-8"))):
        item = items[record["id"]]
        assert record["type_of_reference"] == "RPRT" and "authors" not in record
        assert record["title"] == re.sub(r"</?span[^>]*>", "", item["title"])
        assert record.get("publisher") == item.get("publisher")
        assert record.get("year") == (str(item["issued"]["date-parts"][0][0]) if "issued" in item else None)
        assert record["tertiary_title"] == item["event-title"] and record.get("place_published") == item.get("event-place")
        assert record["urls"] == [item["URL"]]
