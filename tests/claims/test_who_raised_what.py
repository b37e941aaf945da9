"""Who raised which initiative, read paragraph by paragraph from the five readouts: an official raises
an initiative in a paragraph attributed to them, or to both sides (then both participants do)."""

import csv
import io
import json
import re
import sqlite3
import tempfile
from pathlib import Path

from generator.outputs.data import render_data
from generator.pages.addresses import Streamed

from .conftest import CHINESE_CALL, IRANIAN_CALL, LI_MOKHBER, LIU_KHARRAZI, WANG_AHMADIAN

CCP, BRI, JCPOA, UN = ("china-iran-comprehensive-cooperation-plan", "belt-and-road-initiative",
                       "joint-comprehensive-plan-of-action", "united-nations")
GDI, GSI, GCI, SCO = ("global-development-initiative", "global-security-initiative",
                      "global-civilization-initiative", "shanghai-cooperation-organisation")

# official → initiative → the paragraphs (readout, number) in which they raise it, newest first
RAISED = {
    "xi-jinping": {CCP: [(IRANIAN_CALL, 5), (IRANIAN_CALL, 7), (CHINESE_CALL, 3)],  # ¶5: "The two presidents discussed"
                   GDI: [(IRANIAN_CALL, 15), (CHINESE_CALL, 3)], GSI: [(IRANIAN_CALL, 15), (CHINESE_CALL, 3)],
                   SCO: [(IRANIAN_CALL, 19), (CHINESE_CALL, 3)]},
    "ebrahim-raisi": {CCP: [(IRANIAN_CALL, 5)], SCO: [(IRANIAN_CALL, 18)], "brics": [(IRANIAN_CALL, 18)],
                      JCPOA: [(IRANIAN_CALL, 20)], GDI: [(CHINESE_CALL, 4)], GSI: [(CHINESE_CALL, 4)]},
    "wang-yi": {CCP: [(WANG_AHMADIAN, 3)], BRI: [(WANG_AHMADIAN, 3)]},
    "ali-akbar-ahmadian": {BRI: [(WANG_AHMADIAN, 4)], "brics": [(WANG_AHMADIAN, 4)]},
    "li-qiang": {UN: [(LI_MOKHBER, 2)], SCO: [(LI_MOKHBER, 2)], "brics": [(LI_MOKHBER, 2)],
                 CCP: [(LI_MOKHBER, 7)], BRI: [(LI_MOKHBER, 7)]},
    "mohammad-mokhber": {BRI: [(LI_MOKHBER, 10)]},
    "liu-jianchao": {UN: [(LIU_KHARRAZI, 2)]},
    "kamal-kharrazi": {GDI: [(LIU_KHARRAZI, 3)], GSI: [(LIU_KHARRAZI, 3)], GCI: [(LIU_KHARRAZI, 3)],
                       "brics": [(LIU_KHARRAZI, 3)], SCO: [(LIU_KHARRAZI, 3)]},
}
# what their readouts name that they raise in no paragraph
NAMED_AROUND = {
    "xi-jinping": {"brics", JCPOA}, "ebrahim-raisi": set(), "wang-yi": {"brics"}, "ali-akbar-ahmadian": {CCP},
    "li-qiang": set(), "mohammad-mokhber": {UN, SCO, "brics", CCP}, "liu-jianchao": {GDI, GSI, GCI, "brics", SCO},
    "kamal-kharrazi": {UN},
}


def test_each_official_raised_exactly_what_their_paragraphs_name(real_index):
    found = {official: {initiative.slug: [(r.id, p.number) for r, p in said] for initiative, said in pairs}
             for official, pairs in real_index.raised_by.items()}
    assert found == RAISED
    around = {official: {i.slug for i, _ in pairs} for official, pairs in real_index.named_around.items()}
    assert around == NAMED_AROUND


def test_each_initiative_names_who_raised_it_and_the_paragraphs_without_a_speaker(real_index):
    by_initiative = {}
    for official, initiatives in RAISED.items():
        for initiative, said in initiatives.items():
            by_initiative.setdefault(initiative, {})[official] = said
    by_initiative[SCO][None] = [(LI_MOKHBER, 1), (LI_MOKHBER, 3)]  # the photo caption and the occasion's name
    found = {initiative: {(o.slug if o else None): [(r.id, p.number) for r, p in said] for o, said in pairs}
             for initiative, pairs in real_index.raisers_of.items()}
    assert found == by_initiative


def test_the_downloads_carry_who_raised_what(real_archive, real_index):
    files = {page.path: page.content.whole() if isinstance(page.content, Streamed) else page.content
             for page in render_data(real_archive, real_index, {"url": "https://example.org/"})}
    relation = set()
    for record in json.loads(files["data/readouts.json"])["readouts"]:
        for paragraph in record["paragraphs"]:
            relation |= {(record["id"], paragraph["number"], i, paragraph["speaker"]) for i in paragraph["initiatives"]}
    assert (IRANIAN_CALL, 5, CCP, "both sides") in relation and (LI_MOKHBER, 1, SCO, None) in relation
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "db.sqlite").write_bytes(files["data/readouts.sqlite"])
        db = sqlite3.connect(Path(folder) / "db.sqlite")
        rows = db.execute("SELECT readout_id, paragraph, initiative_id, coalesce(speaker_id, speaker) "
                          "FROM paragraph_initiatives").fetchall()
        db.close()
    assert set(rows) == relation and len(rows) == len(relation)
    csv_rows = list(csv.DictReader(io.StringIO(files["data/readouts.csv"].decode("utf-8").lstrip("\ufeff"))))
    liu = next(row for row in csv_rows if row["id"] == LIU_KHARRAZI)
    assert liu["initiatives_by_paragraph"] == (
        "p2 United Nations (Liu Jianchao); p3 Global Development Initiative (Kamal Kharrazi); "
        "p3 Global Security Initiative (Kamal Kharrazi); p3 Global Civilization Initiative (Kamal Kharrazi); "
        "p3 BRICS (Kamal Kharrazi); p3 Shanghai Cooperation Organisation (Kamal Kharrazi)")
    assert sum(len(re.findall(r"p\d+ ", row["initiatives_by_paragraph"])) for row in csv_rows) == len(relation)


def _section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("<h2 ")[0]


def test_official_pages_list_initiatives_raised_with_their_paragraphs(built_real_site):
    site = built_real_site / "site"
    liu = (site / "officials/liu-jianchao/index.html").read_text(encoding="utf-8")
    raised = _section(liu, "initiatives-raised")
    assert "United Nations" in raised and f"{LIU_KHARRAZI}/#p2" in raised
    assert "Global Development Initiative" not in raised and "BRICS" not in raised
    around = _section(liu, "named-in-their-readouts-raised-by-others")
    assert all(name in around for name in ("Global Development Initiative", "Global Security Initiative",
                                           "Global Civilization Initiative", "BRICS", "Shanghai Cooperation"))
    xi = (site / "officials/xi-jinping/index.html").read_text(encoding="utf-8")
    assert "BRICS" not in _section(xi, "initiatives-raised") and "Joint Comprehensive" not in _section(xi, "initiatives-raised")
    assert "BRICS" in _section(xi, "named-in-their-readouts-raised-by-others")
    brics = (site / "initiatives/brics/index.html").read_text(encoding="utf-8")
    who = _section(brics, "who-raised-it")
    assert all(name in who for name in ("Ebrahim Raisi", "Kamal Kharrazi", "Li Qiang", "Ali-Akbar Ahmadian"))
    assert "Xi Jinping" not in who and "Liu Jianchao" not in who and f"{IRANIAN_CALL}/#p18" in who
