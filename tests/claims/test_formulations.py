"""Formulations that are the formulation: every variant of the registry is found where it stands and
nowhere else, related wording is never a use, and every use in the five readouts is pinned."""

import re

import pytest
import yaml

from generator.archive.check import check_archive
from generator.archive.formulations import FormulationFinder
from generator.core.model import Formulation
from generator.core.problems import ERROR
from generator.core.text import slugify

from .conftest import CHINESE_CALL, IRANIAN_CALL, LI_MOKHBER, LIU_KHARRAZI, REPO, WANG_AHMADIAN

ENTRIES = yaml.safe_load((REPO / "archive" / "formulations.yml").read_text(encoding="utf-8"))
FORMULATIONS = tuple(Formulation(slug=slugify(e["name"]), name=e["name"], variants=tuple(e.get("variants", ())),
                                 related=tuple(e.get("related", ()))) for e in ENTRIES)
FINDER = FormulationFinder(FORMULATIONS)
PHRASES = [(slugify(e["name"]), phrase, key == "related") for e in ENTRIES
           for key in ("name", "variants", "related") for phrase in ([e["name"]] if key == "name" else e.get(key, ()))]


def _marks(text: str, slug: str, related: bool) -> list[str]:
    return [text[m.start:m.end] for m in FINDER.marks(text) if m.slug == slug and m.related == related]


@pytest.mark.parametrize(("slug", "phrase", "related"), PHRASES, ids=[p for _, p, _ in PHRASES])
def test_every_phrase_is_found_where_it_stands_and_only_there(slug, phrase, related):
    written = phrase.upper().replace("-", " ")  # case and hyphens do not matter
    assert _marks(f"Both sides said that {written}, as before.", slug, related) == [written]
    assert _marks(f"Both sides said that {phrase.replace(chr(39), '’')} as before.", slug, related)
    assert _marks(f"Both sides said that zz{phrase}zz as before.", slug, related) == []  # whole words only
    words = phrase.split()
    if len(words) > 1:  # the phrase broken off before its last word is not the phrase
        assert _marks(f"Both sides said that {' '.join(words[:-1])} as before.", slug, related) == []


@pytest.mark.parametrize(("text", "slug", "use", "related_words"), [
    ("any effort by the United States to repeat the model of the Cold War in the world", "cold-war-mentality",
     False, "model of the Cold War"),
    ("the American side as the violating party to revoke its illegal sanctions against Iran", "unilateral-sanctions",
     False, "illegal sanctions"),
    ("expedite the implementation of the 25-year comprehensive strategic partnership program.",
     "comprehensive-strategic-partnership", False, "25-year comprehensive strategic partnership program"),
    ("reject interference in other countries' internal affairs", "non-interference-in-internal-affairs", False,
     "interference in other countries' internal affairs"),
    ("uphold non-interference in others’ internal affairs", "non-interference-in-internal-affairs", True, None),
    ("Iran firmly pursues the one-China principle", "one-china-principle", True, None),
])
def test_related_wording_is_never_a_use(text, slug, use, related_words):
    marks = [m for m in FINDER.marks(text) if m.slug == slug]
    assert any(not m.related for m in marks) == use
    assert [text[m.start:m.end] for m in marks if m.related] == ([related_words] if related_words else [])


def test_the_one_china_policy_is_not_the_one_china_principle():
    text = "The United States reaffirmed its one-China policy."
    assert [(m.slug, m.related) for m in FINDER.marks(text)] == [("one-china-policy", False)]


def test_a_phrase_must_be_specific_enough_to_find_a_formulation_by(project):
    registry = project / "archive" / "formulations.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "\n- name: the\n  single_word: true\n\n- name: Belt\n\n- name: bilateral ties\n  variants:\n    - of the\n"
        "  related:\n    - ties\n"), encoding="utf-8")
    lines = registry.read_text(encoding="utf-8").split("\n")
    _, problems = check_archive(project)
    errors = {(p.line, p.message.split(":")[0]) for p in problems if p.severity == ERROR and p.path.endswith("formulations.yml")}
    line = lines.index("- name: the") + 1
    assert errors == {
        (line, "the phrase 'the' is made of words too common to tell a formulation by"),
        (line + 3, "the phrase 'Belt' is a single word"),
        (line + 7, "the phrase 'of the' is made of words too common to tell a formulation by"),
        (line + 9, "the phrase 'ties' is a single word"),
    }


# every use of each formulation in the five readouts: (readout, paragraph), newest first, and related wording apart
USES = {
    "basic-norms-of-international-relations": [(WANG_AHMADIAN, 3), (IRANIAN_CALL, 9), (CHINESE_CALL, 3)],
    "camp-based-confrontation": [(LIU_KHARRAZI, 2)],
    "changes-unseen-in-a-century": [(LIU_KHARRAZI, 2), (CHINESE_CALL, 2)],
    "cold-war-mentality": [],
    "common-interests-of-developing-countries": [(LI_MOKHBER, 2), (WANG_AHMADIAN, 3), (CHINESE_CALL, 4)],
    "comprehensive-strategic-partnership": [(LIU_KHARRAZI, 2), (LI_MOKHBER, 5), (LI_MOKHBER, 8), (WANG_AHMADIAN, 4), (IRANIAN_CALL, 1), (CHINESE_CALL, 2), (CHINESE_CALL, 4)],
    "core-interests": [(LIU_KHARRAZI, 2), (IRANIAN_CALL, 3), (CHINESE_CALL, 3), (CHINESE_CALL, 4)],
    "double-standards": [(CHINESE_CALL, 4)],
    "hegemonism": [(CHINESE_CALL, 4)],
    "international-fairness-and-justice": [(CHINESE_CALL, 2), (CHINESE_CALL, 4)],
    "multipolarity": [(LIU_KHARRAZI, 2)],
    "non-interference-in-internal-affairs": [(IRANIAN_CALL, 9), (CHINESE_CALL, 3)],
    "one-china-principle": [(IRANIAN_CALL, 11), (CHINESE_CALL, 4)],
    "one-china-policy": [],
    "people-to-people-exchanges": [(LI_MOKHBER, 7)],
    "practical-cooperation": [(LIU_KHARRAZI, 2), (IRANIAN_CALL, 8), (CHINESE_CALL, 3)],
    "strategic-perspective": [(WANG_AHMADIAN, 2), (IRANIAN_CALL, 1), (CHINESE_CALL, 2)],
    "territorial-integrity": [(LI_MOKHBER, 6), (IRANIAN_CALL, 10)],
    "true-multilateralism": [(LI_MOKHBER, 2)],
    "unilateral-sanctions": [(CHINESE_CALL, 4)],
    "unilateralism": [(IRANIAN_CALL, 12), (CHINESE_CALL, 4)],
}
RELATED = {
    "cold-war-mentality": [(IRANIAN_CALL, 14)],
    "comprehensive-strategic-partnership": [(IRANIAN_CALL, 5)],
    "multipolarity": [(LIU_KHARRAZI, 2)],
    "non-interference-in-internal-affairs": [(LI_MOKHBER, 6), (WANG_AHMADIAN, 3), (IRANIAN_CALL, 12), (CHINESE_CALL, 4)],
    "unilateral-sanctions": [(IRANIAN_CALL, 20)],
}


def test_every_formulation_use_in_the_five_readouts(real_archive, real_index):
    found = {f.slug: [(r.id, p.number) for r, p in real_index.uses_of.get(f.slug, ())] for f in real_archive.formulations}
    assert found == USES
    related = {slug: [(r.id, p.number) for r, p in uses] for slug, uses in real_index.related_of.items()}
    assert related == RELATED


def test_formulation_pages_mark_the_words_matched(built_real_site):
    site = built_real_site / "site"
    page = (site / "formulations/cold-war-mentality/index.html").read_text(encoding="utf-8")
    assert "Uses (0)" in page and "No readout in the archive uses it yet." in page
    related = page.split('id="related-wording-1"')[1]
    assert "<mark>model of the Cold War</mark>" in related and f"{IRANIAN_CALL}/#p14" in related
    page = (site / "formulations/one-china-principle/index.html").read_text(encoding="utf-8")
    uses = page.split('id="uses-2"')[1]
    assert "<mark>one-China principle</mark>" in uses and "<mark>One China principle</mark>" in uses
    assert "one-China policy" not in page
    assert "Uses (0)" in (site / "formulations/one-china-policy/index.html").read_text(encoding="utf-8")
    for path in (site / "formulations").glob("*/index.html"):
        html = path.read_text(encoding="utf-8")
        items = re.findall(r'<ul class="uses">(.*?)</ul>', html, re.S)
        for item in re.findall(r"<li>.*?</li>", "".join(items), re.S):
            assert "<mark>" in item, (path.parent.name, item[:200])
