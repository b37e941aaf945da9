"""Drafting a Chinese or Persian text: its language, its participants by their names in its script, a
Chinese date, and the readout it is probably a version of."""

from __future__ import annotations

from datetime import date

import yaml

from generator.contribute.draft import draft_readout

TODAY = date(2024, 5, 1)
ENGLISH = "2021-01-15-wang-yi-speaks-with-zarif-on-the-phone"
CHINESE = """王毅应约同伊朗外长扎里夫通电话

2021年1月15日，国务委员兼外长王毅应约同伊朗外长扎里夫通电话。

王毅表示，中方愿同伊方一道，推进两国全面战略伙伴关系。
"""
PERSIAN = """گفتگوی تلفنی ظریف و وانگ یی

ظریف در گفتگو با وانگ یی بر مشارکت راهبردی جامع تاکید کرد.
"""


def _front_matter(draft) -> dict:
    return yaml.safe_load(draft.text.split("---\n")[1])


def test_a_chinese_text_is_drafted_as_the_version_of_the_readout_of_its_day_and_participants(versions_project):
    draft = draft_readout(CHINESE, versions_project, today=TODAY)
    fields = _front_matter(draft)
    assert fields["source"]["language"] == "zh"
    assert sorted(fields["officials"]) == ["Mohammad Javad Zarif", "Wang Yi"]  # 扎里夫, 王毅: names in the registry
    assert fields["date"] == date(2021, 1, 15) and "date" not in draft.undetermined
    assert fields["version_of"] == ENGLISH and fields["id"] == ENGLISH + "-zh"
    assert f'version_of: "{ENGLISH}"  # proposed: archive/readouts/2021/{ENGLISH}.md is of the same day' in draft.text
    assert fields["kind"] == "phone call" and "kind" not in draft.undetermined  # from its other version
    assert draft.path == f"archive/readouts/2021/{ENGLISH}-zh.md"


def test_a_persian_text_finds_its_participants_and_proposes_nothing_without_a_date(versions_project):
    draft = draft_readout(PERSIAN, versions_project, today=TODAY)
    fields = _front_matter(draft)
    assert fields["source"]["language"] == "fa"
    assert fields["officials"] == ["Mohammad Javad Zarif", "Wang Yi"]
    assert "version_of" not in fields  # no date: no counterpart is guessed


def test_an_english_text_is_drafted_as_before(versions_project):
    draft = draft_readout("Wang Yi Speaks with Zarif\n\nOn January 15, 2021, Wang Yi spoke with Zarif on the phone.\n",
                          versions_project, today=TODAY)
    assert "version_of" not in _front_matter(draft)
