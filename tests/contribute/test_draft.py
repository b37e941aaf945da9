"""The draft command's library: raw text as published → a readout file, as far as the text allows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.contribute.draft import DraftError, draft_readout, read_raw, write_draft
from generator.archive.load import load_readout
from generator.archive.check import check_archive

from tests.conftest import REPO, make_project
from tests.work import calls_made

RAW = REPO / "tests" / "fixtures" / "raw"
TODAY = date(2024, 6, 1)

SEEDS = {  # raw text → the curated file made from it
    "000_7a3463ed38877b04.txt": "2023/2023-12-06-liu-jianchao-meets-with-kamal-kharrazi.md",
    "001_f3ab70c35eed1927.txt": "2022/2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership.md",
    "002_f2f16d151fcc7faf.txt": "2022/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi.md",
    "003_733d6b641c15f80b.txt": "2023/2023-07-24-wang-yi-meets-with-ahmadian.md",
    "004_c98ed59eb832343e.txt": "2023/2023-10-26-li-qiang-meets-with-mohammad-mokhber.md",
}


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A project with the real archive and registries."""
    return make_project(tmp_path / "project", REPO / "archive")


def _front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def _compared(front: dict) -> dict:
    return {"date": front.get("date"), "kind": front.get("kind"), "venue": front.get("venue"),
            "officials": set(front.get("officials") or ()), "initiatives": set(front.get("initiatives") or ())}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_each_seed_drafts_as_curated(real, seed):
    curated_path = real / "archive" / "readouts" / SEEDS[seed]
    curated = _front(curated_path.read_text(encoding="utf-8"))
    curated_path.unlink()  # the draft is made as if the readout were new to the archive
    draft = draft_readout((RAW / "seeds" / seed).read_text(encoding="utf-8"), real, today=TODAY)
    assert _compared(_front(draft.text)) == _compared(curated)
    assert draft.unresolved == []


def test_seed_furniture_is_left_out_and_the_text_kept(real):
    draft = draft_readout((RAW / "seeds" / "002_f2f16d151fcc7faf.txt").read_text(encoding="utf-8"), real, today=TODAY)
    body = draft.text.split("\n---\n", 1)[1]
    assert body.startswith("On the afternoon of July 29, 2022, President Xi Jinping had a phone conversation")
    assert "Suggest to a friend" not in body and "Home" not in body and "23:45" not in body
    assert "Suggest to a friend" in draft.removed
    front = _front(draft.text)
    assert front["source"]["publisher"] == "Permanent Mission of the People's Republic of China to the UN"
    assert front["source"]["published"] == date(2022, 7, 29)
    assert front["title"] == "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"


def test_a_repeated_headline_a_subheading_and_comment_lines(real):
    draft = draft_readout((RAW / "seeds" / "001_f3ab70c35eed1927.txt").read_text(encoding="utf-8"), real, today=TODAY)
    body = draft.text.split("\n---\n", 1)[1]
    assert "China Ready for Mutual Coop." not in body and "comment" not in body
    assert "\n\n## Regional Security\n\n" in body
    notes = _front(draft.text)["notes"]
    assert '"on Friday"' in notes and "2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi.md" in notes


def test_a_photo_credit_gives_the_publisher_and_marks_the_caption(real):
    draft = draft_readout((RAW / "seeds" / "004_c98ed59eb832343e.txt").read_text(encoding="utf-8"), real, today=TODAY)
    front = _front(draft.text)
    assert front["source"]["publisher"] == "Xinhua News Agency"
    assert front["occasion"] == "22nd Meeting of the Council of Heads of Government of the SCO Member States"
    assert front["title"] == "Chinese Premier Li Qiang meets with Iran's First Vice President Mohammad Mokhber"
    assert draft.text.split("\n---\n", 1)[1].startswith("*Chinese Premier Li Qiang meets")
    assert draft.mentioned == ["Xi Jinping", "Ebrahim Raisi"]
    assert "# Also named in the text, not listed as taking part" in draft.text


OTHER_SHAPES = {
    "irna-dateline.txt": dict(
        title="Iran, China foreign ministers discuss bilateral ties and regional developments",
        date=date(2024, 1, 14), kind="talks", venue="Beijing, China", officials=["Wang Yi"],
        initiatives=["China–Iran Comprehensive Cooperation Plan", "Belt and Road Initiative",
                     "Joint Comprehensive Plan of Action", "Shanghai Cooperation Organisation"],
        publisher="Islamic Republic News Agency (IRNA)", published=date(2024, 1, 14),
        unresolved=["Hossein Amir-Abdollahian"]),
    "mfa-evening.txt": dict(
        title="Wang Yi Holds Talks with Iranian Foreign Minister Hossein Amir-Abdollahian",
        date=date(2024, 3, 9), kind="talks", venue="Beijing, China", officials=["Wang Yi"],
        initiatives=["Global Development Initiative", "Global Security Initiative", "Shanghai Cooperation Organisation",
                     "BRICS"],
        publisher="Ministry of Foreign Affairs of the People's Republic of China", published=date(2024, 3, 10),
        unresolved=["Hossein Amir-Abdollahian"]),
    "tehran-times-last-tuesday.txt": dict(
        title="Iran and China discuss regional situation in phone call",
        date=date(2024, 1, 16), kind="phone call", venue=None, officials=["Wang Yi"],
        initiatives=["United Nations", "BRICS"], publisher="Tehran Times", published=date(2024, 1, 20),
        unresolved=["Hossein Amir-Abdollahian"]),
    "xinhua-video.txt": dict(
        title="Xi holds video talks with Iranian president",
        date=date(2022, 12, 14), kind="video call", venue=None, officials=["Xi Jinping", "Ebrahim Raisi"],
        initiatives=["Belt and Road Initiative", "Global Development Initiative"],
        publisher="Xinhua News Agency", published=date(2022, 12, 14), unresolved=[]),
    "no-headline-yesterday.txt": dict(
        title="Chinese Vice Premier Ding Xuexiang met with Iranian First Vice President Mohammad Mokhber",
        date=date(2024, 5, 1), kind="meeting", venue="Tehran, Iran", officials=["Mohammad Mokhber"],
        initiatives=["Belt and Road Initiative"], publisher=None, published=date(2024, 5, 2),
        unresolved=["Ding Xuexiang"]),
}
URLS = {"tehran-times-last-tuesday.txt": "https://www.tehrantimes.com/news/493000/iran-and-china"}


@pytest.mark.parametrize("name", sorted(OTHER_SHAPES))
def test_other_publishers_datelines_and_date_styles(real, name):
    draft = draft_readout((RAW / name).read_text(encoding="utf-8"), real, url=URLS.get(name, ""), today=TODAY)
    front = _front(draft.text)
    expected = OTHER_SHAPES[name]
    found = dict(title=front["title"], date=front["date"], kind=front["kind"], venue=front.get("venue"),
                 officials=front["officials"], initiatives=front["initiatives"],
                 publisher=front["source"]["publisher"], published=front["source"]["published"],
                 unresolved=draft.unresolved)
    assert found == expected
    for name_ in draft.unresolved:  # listed for the contributor, in a comment of the front matter
        assert f"# - {name_}" in draft.text


@pytest.mark.parametrize("name", sorted(OTHER_SHAPES))
def test_a_draft_is_a_readout_the_check_reads(real, name):
    draft = draft_readout((RAW / name).read_text(encoding="utf-8"), real, url=URLS.get(name, ""), today=TODAY)
    path = write_draft(draft, real)
    assert path == real / draft.path and path.parent.parent.name == "readouts"
    assert draft.text.splitlines()[1] == (
        "# yaml-language-server: $schema=https://china-iran-readouts.github.io/archive/data/readout.schema.json")
    _, problems = check_archive(real, [path])
    errors = [p.text() for p in problems if p.severity == "error"]
    if OTHER_SHAPES[name]["publisher"]:
        assert errors == []
    else:  # what the draft could not determine is what the check asks for
        assert errors == [f"{draft.path}:14:3: error: the required field 'source.publisher' is empty "
                          "(fill it in, for example 'publisher: Permanent Mission of the People's Republic of China "
                          "to the UN')"]


def test_the_front_matter_is_safe_yaml_whatever_the_text(real, tmp_path):
    raw = ('A Title with "quotes": colons, # hashes, \\backslashes and * stars\n'
           "2024-03-10\n"
           "On 9 March 2024, Wang Yi met with Ebrahim Raisi in Tehran: \"yes\" # no.\n")
    draft = draft_readout(raw, real, publisher="Publisher: with a colon #1", today=TODAY)
    path = tmp_path / "draft.md"
    path.write_text(draft.text, encoding="utf-8")
    doc, problems = load_readout(path, tmp_path)
    assert problems == []
    assert doc.data["title"] == 'A Title with "quotes": colons, # hashes, \\backslashes and * stars'
    assert doc.data["source"]["publisher"] == "Publisher: with a colon #1"
    assert doc.data["date"] == date(2024, 3, 9) and doc.data["venue"] == "Tehran, Iran"


def test_what_cannot_be_determined_is_left_empty_and_said(real):
    draft = draft_readout("Some words that say nothing about any meeting at all, really.\n", real, today=TODAY)
    assert {"kind", "date", "source.publisher", "source.url"} <= set(draft.undetermined)
    assert any(u.startswith("officials") for u in draft.undetermined)
    front = _front(draft.text)
    assert front["date"] is None and front["kind"] is None
    assert draft.path.startswith("archive/readouts/undated/undated-")


def test_a_draft_never_overwrites(real):
    draft = draft_readout((RAW / "mfa-evening.txt").read_text(encoding="utf-8"), real, today=TODAY)
    path = write_draft(draft, real)
    path.write_text("edited by hand", encoding="utf-8")
    with pytest.raises(DraftError, match="already exists"):
        write_draft(draft, real)
    assert path.read_text(encoding="utf-8") == "edited by hand"


def test_raw_input_is_refused_when_empty_binary_or_huge(tmp_path):
    for content, message in ((b"", "empty"), (b"\xff\xfe\x00x", "not UTF-8"), (b"x" * (1024 * 1024 + 1), "over")):
        path = tmp_path / "raw.txt"
        path.write_bytes(content)
        with pytest.raises(DraftError, match=message):
            read_raw(str(path))
    with pytest.raises(DraftError, match="no such file"):
        read_raw(str(tmp_path / "missing.txt"))


@pytest.mark.parametrize("seed, inferred", [("001_f3ab70c35eed1927.txt", {"date"}),
                                            ("004_c98ed59eb832343e.txt", {"source.publisher"}),
                                            ("002_f2f16d151fcc7faf.txt", set())])
def test_a_draft_records_its_id_the_day_and_what_it_inferred(real, seed, inferred):
    (real / "archive" / "readouts" / SEEDS[seed]).unlink()
    draft = draft_readout((RAW / "seeds" / seed).read_text(encoding="utf-8"), real, today=TODAY)
    front = _front(draft.text)
    assert front["id"] == Path(draft.path).stem
    assert front["added"] == front["source"]["captured"] == TODAY
    assert set(front.get("inferred") or {}) == inferred
    assert front.get("title_supplied", False) is (seed == "004_c98ed59eb832343e.txt")
    if "date" in inferred:
        assert '"on Friday"' in front["inferred"]["date"]
    if "source.publisher" in inferred:
        assert "Xinhua" in front["inferred"]["source.publisher"]
    path = write_draft(draft, real)
    _, problems = check_archive(real, [path])
    record = ("'id'", "'added'", "captured", "inferred", "title_supplied")
    assert [p.text() for p in problems if p.path == draft.path and any(w in p.message for w in record)] == []


# ---------------------------------------------------------------- a date without a year, and long pasted text

def test_a_dateline_without_a_year_takes_the_one_year_the_weekday_and_the_terms_allow(real):
    raw = (RAW / "dateline-without-year.txt").read_text(encoding="utf-8")
    draft = draft_readout(raw, real, today=TODAY)
    front = _front(draft.text)
    assert front["date"] == date(2022, 9, 15) and front["officials"] == ["Xi Jinping", "Ebrahim Raisi"]
    assert ("The text gives no year: Sept. 15 was a Thursday in 2022 alone while Xi Jinping and Ebrahim Raisi "
            "held office.") in front["notes"]
    assert not any("year" in item for item in draft.undetermined)


def test_a_date_without_a_year_or_a_weekday_is_left_for_the_contributor_never_guessed(real):
    raw = (RAW / "dateline-without-year.txt").read_text(encoding="utf-8").replace(" on Thursday", "")
    draft = draft_readout(raw, real, today=TODAY)
    assert _front(draft.text)["date"] is None
    date_line = next(line for line in draft.text.splitlines() if line.startswith("date:"))
    assert date_line.startswith("date:  # THE YEAR IS NOT IN THE TEXT: Sept. 15 of which year?")
    assert "2022" in date_line and "2023" in date_line  # the candidates, for the contributor to choose
    assert any(item.startswith("the year of 'Sept. 15': the text gives none") for item in draft.undetermined)


# Work, counted in function calls (tests/work.py), not timed: drafting's calls whatever the text (the
# registries), and its calls per character and per line of pasted text (4 to 9 a character, and 630 a
# line of a name alone, when these were written). Two scans that restarted from the start of the text
# for every date found once made 220 KB of these shapes take minutes; at 55 KB, a step whose calls grow
# with the square of the text makes hundreds of times the budget.
DRAFT_CALLS, CALLS_PER_CHARACTER, CALLS_PER_LINE = 500_000, 25, 1_000
PASTED = {  # shapes of long pasted text, each 55 KB: drafting must stay linear in them
    "stamps": "2022-07-29 ", "stamp-lines": "2022-07-29\n", "short-lines": "Wang Yi\n", "page": None,
    "dates": "on Sept. 15 ", "titles": "President ", "cities": "in Tehran, ", "dashes": "TEHRAN -- ",
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(PASTED))
def test_drafting_takes_work_linear_in_long_pasted_text(real, shape):
    unit = PASTED[shape] or (RAW / "seeds" / "002_f2f16d151fcc7faf.txt").read_text(encoding="utf-8") + "\n"
    raw = (unit * (55_000 // len(unit) + 1))[:55_000]

    def draft():
        try:
            draft_readout(raw, real, today=TODAY)
        except DraftError:
            pass  # no paragraph in it: refused, which is an outcome too

    calls_made(draft, budget=DRAFT_CALLS + CALLS_PER_CHARACTER * len(raw) + CALLS_PER_LINE * raw.count("\n"))
