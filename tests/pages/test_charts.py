"""Charts drawn at build time: SVG with a text alternative, escaped, small, and theme-coloured."""

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date
from types import SimpleNamespace

from generator.pages.charts import MAX_WIDTH, bar_chart, counts_per_year

SVG = "{http://www.w3.org/2000/svg}"


def _readouts(*days: str):
    return [SimpleNamespace(date=date.fromisoformat(day)) for day in days]


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_counts_per_year_include_the_years_without_any():
    readouts = _readouts("2023-12-06", "2020-01-01", "2023-07-24", "2022-07-29")
    assert counts_per_year(readouts) == [(2020, 1), (2021, 0), (2022, 1), (2023, 2)]
    assert counts_per_year([]) == []


def test_a_chart_grows_with_the_years_that_have_readouts_not_with_the_span():
    readouts = [SimpleNamespace(date=date(year, 1, 1)) for year in (1949, 2020, 2024, 2027)]
    assert counts_per_year(readouts) == [(1949, 1), ("1950–2019", 0), (2020, 1), ("2021–2023", 0), (2024, 1),
                                         (2025, 0), (2026, 0), (2027, 1)]
    one = [SimpleNamespace(date=date(2020, 1, 1)), SimpleNamespace(date=date(2021, 1, 1))]
    far = [SimpleNamespace(date=date(1, 1, 1)), SimpleNamespace(date=date(9999, 1, 1))]
    assert len(bar_chart(counts_per_year(far), "Readouts per year")) < 2 * len(bar_chart(counts_per_year(one), "R"))
    figure = bar_chart(counts_per_year(readouts), "Readouts per year")
    assert "<title>1950–2019: 0 readouts</title>" in figure and "<td>1950–2019</td><td>0</td>" in figure


def test_a_chart_has_a_bar_per_year_and_a_text_alternative():
    figure = _parse(bar_chart([(2022, 2), (2023, 3)], "Readouts per year"))
    assert figure.tag == "figure" and figure.get("class") == "chart"
    svg = figure.find(f"{SVG}svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == "Readouts per year, 2022–2023"
    assert svg.findtext(f"{SVG}title") == "Readouts per year, 2022–2023"
    bars = svg.findall(f"{SVG}rect")
    assert [b.findtext(f"{SVG}title") for b in bars] == ["2022: 2 readouts", "2023: 3 readouts"]
    assert float(bars[1].get("height")) > float(bars[0].get("height")) > 0
    assert all(b.get("class") == "chart__bar" and b.get("fill") is None for b in bars)  # coloured by the theme's CSS
    table = figure.find("div[@class='visually-hidden']/table")
    assert [[td.text for td in tr] for tr in table.find("tbody")] == [["2022", "2"], ["2023", "3"]]
    assert [th.get("scope") for th in table.find("thead/tr")] == ["col", "col"]


def test_nothing_to_draw_draws_nothing():
    assert bar_chart([], "Readouts per year") == ""


def test_every_text_is_escaped():
    markup = bar_chart([(2022, 1)], 'A </title><script>alert(1)</script> & "quoted"')
    assert "<script" not in markup and "&lt;script&gt;" in markup
    figure = _parse(markup)
    assert figure.find(f"{SVG}svg").get("aria-label").startswith('A </title><script>alert(1)</script> & "quoted"')


def test_a_long_span_stays_small_and_its_year_labels_do_not_overlap():
    counts = [(year, year % 7) for year in range(1971, 2026)]
    markup = bar_chart(counts, "Readouts per year")
    svg = _parse(markup).find(f"{SVG}svg")
    assert int(svg.get("width")) <= MAX_WIDTH and len(svg.findall(f"{SVG}rect")) == len(counts)
    years = [float(t.get("x")) for t in svg.findall(f"{SVG}text[@class='chart__year']")]
    assert years and min(b - a for a, b in itertools.pairwise(years)) >= 36
    assert svg.findall(f"{SVG}text[@class='chart__year']")[-1].text == "2025"  # the newest year is always labelled
    assert len(markup) < 12_000
    assert not re.search(r"\n\s*\n", markup)  # one HTML block for Markdown: no blank line inside
