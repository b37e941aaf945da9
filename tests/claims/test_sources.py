"""Kinds of source: what each publisher is, what a readout relays, and coverage counted on official
accounts only (a government body's readout), pinned on the five readouts."""

import re

from generator.archive.check import check_archive
from generator.core.problems import ERROR
from generator.pages.coverage import coverage_class

from tests.conftest import write_readout

from .conftest import CHINESE_CALL, IRANIAN_CALL, LI_MOKHBER, LIU_KHARRAZI, WANG_AHMADIAN

SOURCES = {  # readout → (what the publisher is, its side, a side's official account?)
    CHINESE_CALL: ("government body", "China", True),  # the Permanent Mission to the UN
    IRANIAN_CALL: ("unidentified", "Iran", False),  # an Iranian outlet that does not name itself
    WANG_AHMADIAN: ("unidentified", "", False),  # a website that does not say whose readout it reprints
    LI_MOKHBER: ("state media", "China", False),  # Xinhua, from the photo credit
    LIU_KHARRAZI: ("government body", "China", True),  # the IDCPC, inferred from its date stamp and style
}


def test_each_readout_says_what_its_publisher_is(real_archive):
    found = {r.id: (r.source.by.source_kind, r.side, r.official) for r in real_archive.readouts}
    assert found == SOURCES
    relayed = {r.id: (r.relays.publisher, r.relays.paragraphs) for r in real_archive.readouts if r.relays}
    assert relayed == {IRANIAN_CALL: ("Xinhua News Agency", (2,))}  # "..., Xinhua reported." is ¶2


def test_coverage_counts_official_accounts_only(real_archive):
    classes = {e.slug: coverage_class(e) for e in real_archive.all_events}
    assert classes == {"2022-07-29-xi-jinping-ebrahim-raisi": "China",  # the Iranian text is a media report
                       "2023-07-24-wang-yi-ali-akbar-ahmadian": "", "2023-10-26-li-qiang-mohammad-mokhber": "",
                       "2023-12-06-liu-jianchao-kamal-kharrazi": "China"}


def test_a_relay_names_a_known_publisher_and_paragraphs_of_the_text(project):
    text = (project / "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md").read_text(encoding="utf-8")
    text = text.replace("added: 2024-01-12\n", "added: 2024-01-12\nrelays:\n  publisher: Xinhau\n  paragraphs: [p1, p9]\n")
    path = write_readout(project, "2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md", text)
    lines = path.read_text(encoding="utf-8").split("\n")
    _, problems = check_archive(project)
    errors = [(p.line, p.message) for p in problems if p.severity == ERROR]
    assert errors == [(lines.index("  publisher: Xinhau") + 1, "unknown publisher 'Xinhau' in 'relays'"),
                      (lines.index("  paragraphs: [p1, p9]") + 1, "'p9' is not a paragraph of this text, which has 1")]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


def test_pages_label_each_source_and_state_the_scope(built_real_site):
    site = built_real_site / "site"
    iranian = (site / f"readouts/2022/{IRANIAN_CALL}/index.html").read_text(encoding="utf-8")
    panel = iranian.split('class="readout-panel"')[1].split("</dl>")[0]
    assert "Iranian English-language news outlet (unidentified) · unidentified · Iranian side" in _text(panel)
    assert "Relays" in panel and 'href="#p2"' in panel and "Xinhua News Agency (state media, Chinese side), in ¶2" in _text(panel)
    li = (site / f"readouts/2023/{LI_MOKHBER}/index.html").read_text(encoding="utf-8")
    panel = li.split('class="readout-panel"')[1].split("</dl>")[0]
    assert "Xinhua News Agency · state media · Chinese side" in _text(panel) and 'class="inferred"' in panel
    chinese = (site / f"readouts/2022/{CHINESE_CALL}/index.html").read_text(encoding="utf-8")
    assert "to the UN · official account · Chinese side" in _text(chinese.split('class="readout-panel"')[1].split("</dl>")[0])
    coverage = _text((site / "coverage/index.html").read_text(encoding="utf-8"))
    assert "All years 4 0 2 0 2" in coverage  # events, both sides' official accounts, Chinese only, Iranian only, none
    about = _text((site / "about/index.html").read_text(encoding="utf-8"))
    assert all(words in about for words in ("Official account (government body)", "State media", "Other media",
                                            "Unidentified", "Relayed accounts", "English versions"))
    home = _text((site / "index.html").read_text(encoding="utf-8"))
    assert "a government body's official account, state media, other media, or an unidentified publisher" in home
    assert "English versions as published" in home and "The official readouts" not in home
