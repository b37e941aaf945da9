"""The benchmark of formulation finding runs end to end, on a small size (its timing is for `make bench`
and the README, never a test)."""

from benchmarks import formulations


def test_the_formulation_benchmark_finds_the_phrases_it_planted_and_checks_clean():
    result = formulations.measure(variants=300, paragraph_count=60)
    assert result["variants"] == 300 and result["paragraphs"] == 60 and result["errors"] == 0
    assert result["marks"] >= 6  # every tenth paragraph holds a phrase of the registry
