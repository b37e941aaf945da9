"""The SQLite download's full-text table finds what the site's search finds: the same queries,
in English, Chinese and Persian, against the site's index and the table, on the search fixture
(Chinese running text, Persian with Arabic letter forms, diacritics, kashida and non-joiners)."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import pytest

from generator.outputs.search_sql import match_expression
from generator.outputs.search_text import shard_of, tokens

QUERIES = [
    "Raisi", "reahy", "nuclear deal", "JCPOA", "zarif tehran", "Zárif", "belt road", "2023", "july 2022",
    "习近平", "莱希", "伊朗总统", "全面战略", "رئیسی", "رئيسي", "پکن", "پكن", "ابراهیم رئیسی", "جینپینگ",
    "۱۴۰۱", "1401", "همکاری", "nothing-here",
]


@pytest.fixture(scope="module")
def built(built_search_site) -> Path:
    return built_search_site / "site"


def _site_finds(site: Path, query: str) -> set[int]:
    """The readouts the site's index holds every word of the query in, read as the browser reads it."""
    found = None
    for term in dict.fromkeys(tokens(query, query=True)):
        shard = site / "search" / "w" / f"{shard_of(term)}.json"
        postings = json.loads(shard.read_text(encoding="utf-8")).get(term, []) if shard.exists() else []
        numbers, total = set(), 0
        for posting in postings:
            total += posting // 8
            numbers.add(total)
        found = numbers if found is None else found & numbers
    return found or set()


def _ids_by_number(site: Path) -> dict[int, str]:
    """Each readout's search number → its id, from the day files' addresses."""
    slots = json.loads((site / "search" / "entities.json").read_text(encoding="utf-8"))["slots"]
    found = {}
    for day_file in (site / "search" / "d").glob("*.json"):
        ordinal = __import__("datetime").date.fromisoformat(day_file.stem).toordinal()
        for rank, record in enumerate(json.loads(day_file.read_text(encoding="utf-8"))):
            found[ordinal * slots + rank] = record[0].rstrip("/").rsplit("/", 1)[-1]
    return found


@pytest.mark.parametrize("query", QUERIES)
def test_the_table_finds_what_the_site_finds(built, query):
    ids = _ids_by_number(built)
    site = {ids[n] for n in _site_finds(built, query)}
    db = sqlite3.connect(f"file:{built / 'data' / 'readouts.sqlite'}?mode=ro", uri=True)
    table = {row[0] for row in db.execute(
        "SELECT r.id FROM readouts_fts JOIN readouts r ON r.rowid = readouts_fts.rowid WHERE readouts_fts MATCH ?",
        (match_expression(query),))}
    db.close()
    assert table == site
    if query != "nothing-here":
        assert site, query  # every query but the last finds something: the comparison is not of two empty sets


def test_the_data_pages_proving_queries_answer(built):
    db = sqlite3.connect(f"file:{built / 'data' / 'readouts.sqlite'}?mode=ro", uri=True)

    def ids(match: str) -> set[str]:
        return {row[0] for row in db.execute("SELECT r.id FROM readouts_fts JOIN readouts r ON r.rowid = "
                                             "readouts_fts.rowid WHERE readouts_fts MATCH ?", (match,))}

    chinese = "2022-07-29-xi-jinping-tong-yilang-zongtong-laixi-tong-dianhua"
    persian = "2023-02-14-didar-raisi-ba-xi"
    assert ids('"习近 近平"') == ids(match_expression("习近平")) and chinese in ids('"习近 近平"')  # inside running text
    assert ids("پکن") == {persian} == ids(match_expression("پكن"))  # Persian kaf finds the text's Arabic kaf
    assert ids("رییسی") == ids(match_expression("رئيسـي")) > {persian}  # hamza seat, kashida, Arabic yeh folded
    assert ids("zárif") == ids("ZARIF") == ids("zarif") != set()  # case and accents folded by the tokenizer
    page = html.unescape((built / "data" / "index.html").read_text(encoding="utf-8"))
    assert "MATCH '\\\"习近 近平\\\" OR پکن'" in page  # the data page shows this query in every script
    assert {chinese, persian} <= ids('"习近 近平" OR پکن')
    db.close()
