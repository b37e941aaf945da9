"""Aligning two language versions of a readout, and what the evidence shows one holds and the other not."""

from __future__ import annotations

import dataclasses

import pytest

from generator.archive.load import load_archive
from generator.archive.validate import validate_archive
from generator.pages.alignment import Name, NameForms, align, compare_versions, names_of, numbers, sentences

CALL = "2021-01-15-wang-yi-speaks-with-zarif-on-the-phone"
TALKS = "2021-03-27-wang-yi-holds-talks-with-zarif"
IRANIAN = "2021-03-27-zarif-receives-wang-yi"


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    from tests.conftest import make_versions_project

    root = make_versions_project(tmp_path_factory.mktemp("alignment") / "project")
    registry, readouts, problems = validate_archive(load_archive(root))
    assert not problems
    return {r.id: r for r in readouts}, names_of(registry.officials, registry.places.places)


def _compare(versions, original, english):
    by_id, names = versions
    return compare_versions(by_id[original], by_id[english], names)


def test_numbers_of_a_date_in_any_script_and_digits():
    assert numbers("On March 27, 2021, Wang Yi") == numbers("2021年3月27日，王毅") == {"n:3", "n:27", "n:2021"}
    assert numbers("۱۴۰۰ و ٢٧") == {"n:1400", "n:27"}


def test_names_are_found_in_each_script_and_only_where_a_form_exists():
    forms = NameForms([Name("o:wang-yi", "Wang Yi", ("Wang Yi", "王毅", "وانگ یی")),
                       Name("p:tehran", "Tehran", ("Tehran", "تهران"))])
    assert forms.found("国务委员兼外长王毅在德黑兰") == {"o:wang-yi"}  # inside a run of characters
    assert forms.found("وانگ يي در تهران") == {"o:wang-yi", "p:tehran"}  # Arabic yeh is the Persian letter
    assert forms.found("wang yi's visit to Tehrani") == {"o:wang-yi"}  # whole words outside Chinese
    assert forms.writable("p:tehran", "fa") and not forms.writable("p:tehran", "zh")


def test_sentences_end_in_every_script():
    assert sentences("王毅表示同意。中方支持。") == ["王毅表示同意。", "中方支持。"]
    assert sentences("ظریف گفت؟ بله. Yes!") == ["ظریف گفت؟", "بله.", "Yes!"]


def test_alignment_keeps_order_and_leaves_a_paragraph_without_evidence_in_common_unpaired():
    a, b, c, d = (frozenset({k}) for k in ("n:1", "o:x", "f:y", "n:9"))
    assert align([a, b, c], [a, b, c]) == [(0, 0), (1, 1), (2, 2)]
    assert align([a, b, c], [a, c]) == [(0, 0), (1, None), (2, 1)]  # the middle one has no counterpart
    assert align([a, d], [a, frozenset()]) == [(0, 0), (1, 1)]  # no evidence on one side: paired by order
    assert align([frozenset(), frozenset()], [frozenset()]) in ([(0, 0), (1, None)], [(0, None), (1, 0)])


def test_a_pair_that_agrees_has_rows_paired_and_no_difference(versions):
    comparison = _compare(versions, TALKS + "-zh", TALKS)
    assert [(r.left.number, r.right.number) for r in comparison.rows] == [(1, 1), (2, 2)]
    assert comparison.rows[0].shared == ("n:2021", "n:27", "n:3", "o:mohammad-javad-zarif", "o:wang-yi")
    assert comparison.differences == ()
    assert comparison.names_not_compared == ("Tehran",)  # no Chinese form in the registry: nothing claimed


def test_a_missing_sentence_and_formulation_are_found_with_their_paragraph(versions):
    comparison = _compare(versions, CALL + "-zh", CALL)
    found = [(d.kind, d.version.source.language, d.label, d.anchors) for d in comparison.differences]
    assert found == [
        ("formulation", "zh", "comprehensive strategic partnership", ("p2",)),
        ("formulation", "zh", "territorial integrity", ("p2",)),
        ("sentence", "zh", "中方坚定支持伊方维护国家主权和领土完整。", ("p2",)),
        ("length", "zh", "1.5", ("p2",)),
    ]
    assert comparison.rows[1].left_alone == (1,) and comparison.rows[1].right_alone == ()


def test_a_persian_pair_aligns_by_names_and_formulations(versions):
    comparison = _compare(versions, IRANIAN + "-fa", IRANIAN)
    assert [r.shared for r in comparison.rows] == [
        ("p:tehran",), (), ("f:one-china-principle", "f:unilateralism", "o:mohammad-javad-zarif")]
    assert comparison.differences == ()


def test_a_paragraph_without_counterpart_is_reported_as_such(versions):
    by_id, names = versions
    english = by_id[CALL]
    shorter = dataclasses.replace(english, paragraphs=english.paragraphs[:2] + english.paragraphs[3:])
    comparison = compare_versions(by_id[CALL + "-zh"], shorter, names)
    unpaired = [d for d in comparison.differences if d.kind == "paragraph"]
    assert [(d.version.source.language, d.anchors) for d in unpaired] == [("zh", ("p3",))]
    assert [(r.left and r.left.number, r.right and r.right.number) for r in comparison.rows] == [
        (1, 1), (2, 2), (3, None), (4, 4)]
