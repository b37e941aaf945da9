"""How to cite a readout: the note, BibTeX and CSL-JSON, safe whatever the front matter holds."""

import json
import re
from dataclasses import replace

import markdown
import pytest

from generator.pages.cite import bibtex, chicago_note, citation, cite_key, csl_item, fenced, script_json
from generator.archive.check import check_archive
from generator.pages.render import Md, demote, page_url

URL = "https://example.org/archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif/"
EXTENSIONS = ["toc", "tables", "fenced_code", "md_in_html", "attr_list", "admonition", "def_list"]


@pytest.fixture
def talks(project):
    archive, _ = check_archive(project)
    return next(r for r in archive.readouts if r.slug == "2021-03-27-wang-yi-holds-talks-with-zarif")


def test_the_page_url_is_the_sites_address_and_the_pages_folder(talks):
    site = {"url": "https://example.org/archive/"}
    assert page_url(site, talks) == URL
    assert page_url(site, "index.md") == "https://example.org/archive/"
    assert page_url(site, "officials/index.md") == "https://example.org/archive/officials/"
    assert page_url(site, "data/readouts.json") == "https://example.org/archive/data/readouts.json"


def test_a_chicago_note_names_publisher_title_date_source_and_page(talks):
    note = chicago_note(talks, URL, "Readouts Archive")
    assert note == ('Ministry of Foreign Affairs of the People\'s Republic of China, "Wang Yi Holds Talks with Iranian '
                    'Foreign Minister Zarif," March 27, 2021, https://example.org/wang-yi-zarif.html; archived in the '
                    f"Readouts Archive, {URL}.")
    undated = replace(talks, title='Is "this" a question?', source=replace(talks.source, published=None, url=""))
    assert chicago_note(undated, URL, "") == (
        f"Ministry of Foreign Affairs of the People's Republic of China, \"Is 'this' a question?\" n.d.; archived at {URL}.")


def test_bibtex_is_a_misc_entry_with_a_stable_key_and_escaped_text(talks):
    entry = bibtex(replace(talks, title="50% of R&D_costs {sic} #1 ~ ^ \\"), URL, "Readouts Archive")
    assert entry.startswith("@misc{readouts:2021-03-27-wang-yi-holds-talks-with-zarif,\n")
    assert cite_key(talks) == "readouts:2021-03-27-wang-yi-holds-talks-with-zarif"
    assert r"title        = {{50\% of R\&D\_costs \{sic\} \#1 \textasciitilde{} \textasciicircum{} \textbackslash{}}}," in entry
    assert "  date         = {2021-03-27},\n  year         = {2021},\n  month        = mar,\n" in entry
    assert r"howpublished = {\url{https://example.org/wang-yi-zarif.html}}," in entry
    assert f"url          = {{{URL}}}," in entry and entry.endswith(",\n}")
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")  # balanced groups


def test_csl_json_cannot_close_its_script_element(talks):
    hostile = replace(talks, title="</script><script>alert(1)</script> & <!--")
    script = citation("csl-json", hostile, URL, "Readouts Archive")
    inner = script[script.index(">") + 1: script.rindex("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    item = json.loads(inner)[0]
    assert item["title"] == hostile.title and item["URL"] == URL
    assert item["issued"] == {"date-parts": [[2021, 3, 27]]} and item["type"] == "webpage"
    assert csl_item(replace(talks, source=replace(talks.source, published=None)), URL).get("issued") is None
    assert json.loads(script_json(["\u2028"])) == ["\u2028"] and "\u2028" not in script_json(["\u2028"])


def test_backticks_in_a_title_cannot_leave_the_code_block(talks):
    hostile = replace(talks, title="Talks ```\n# Injected\n```` and ``````")
    html = markdown.markdown(citation("chicago", hostile, URL) + "\n\nafter", extensions=EXTENSIONS)
    assert html.count("<pre>") == 1 and "<h1" not in html and html.endswith("<p>after</p>")
    assert "Talks ``` # Injected ```` and ``````" in html
    assert fenced("a ``` b").startswith("````text\n") and fenced("plain").startswith("```text\n")


def test_demote_moves_body_headings_below_the_given_level():
    body = Md("Intro\n\n# Top\n\ntext\n\nSub\n---\n\n```\n# not a heading\n```\n\n###### Deep\n")
    result = demote(body, 2)
    assert isinstance(result, Md)
    assert result.split("\n") == ["Intro", "", "### Top", "", "text", "", "#### Sub", "", "```", "# not a heading",
                                  "```", "", "###### Deep", ""]
    assert demote("## Already low\n", 1) == "## Already low\n"  # never raised
    assert demote(Md("# Heading\n---\ntext"), 1) == "## Heading\n---\ntext"  # a rule after a heading stays a rule
    assert not isinstance(demote("# plain text", 1), Md)  # demote never makes text trusted
    html = markdown.markdown(str(demote(Md("# A\n\nB\n===\n\ntext"), 3)), extensions=EXTENSIONS)
    assert re.findall(r"<h(\d)", html) == ["4", "4"]
