"""The search index as files: stable shards, BM25 impacts, and text folded alike in every script."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.publish.pipeline import generate
from generator.outputs.search import impacts, readout_numbers, strong_text
from generator.outputs.search_passages import phrase_pairs
from generator.outputs.search_text import shard_of, tokens, words

from ..conftest import write_readout

NEW_READOUT = """---
title: "Wang Yi Speaks with Zarif on the Phone Again"
date: 2020-11-02
id: 2020-11-02-wang-yi-speaks-with-zarif-again
added: 2024-01-15
kind: phone call
officials:
  - Wang Yi
  - Zarif
source:
  publisher: Ministry of Foreign Affairs of the People's Republic of China
  language: en
---
Wang Yi spoke with Zarif about vaccines.
"""


def _search_files(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((docs / "search").rglob("*")) if p.is_file()}


def test_adding_a_readout_rewrites_only_the_shards_it_touches(project):
    generate(project)
    before = _search_files(project / "docs")
    write_readout(project, "2020/2020-11-02-wang-yi-speaks-with-zarif-again.md", NEW_READOUT)
    generated = generate(project)
    after = _search_files(project / "docs")
    changed = sorted(path for path in after if before.get(path) != after[path])
    added = next(r for r in generated.archive.readouts if r.date.isoformat() == "2020-11-02")
    own_shards = {f"search/w/{shard_of(w)}.json" for w in impacts(added)}
    own_shards |= {f"search/n/{shard_of(pair.split()[0])}.json" for pair in phrase_pairs(added)}
    own_entities = {"search/e/o-wang-yi.json", "search/e/o-mohammad-javad-zarif.json",
                    "search/e/p-ministry-of-foreign-affairs-of-the-people-s-republic-of-china.json"}
    expected = ({"search/entities.json", "search/d/2020-11-02.json", "search/t/2020-11-02.json", "search/f/2020.json"}
                | own_shards | own_entities)
    assert set(changed) <= expected
    assert {"search/entities.json", "search/d/2020-11-02.json", "search/f/2020.json"} <= set(changed)
    assert not any(path.startswith("search/d/") and path != "search/d/2020-11-02.json" for path in changed)
    assert len(changed) <= len(expected) < len(after) / 2  # a handful, not the index
    assert set(before) <= set(after)


def test_numbers_are_stable_whatever_else_the_archive_holds(project):
    archive = generate(project).archive
    numbers = readout_numbers(archive.readouts)
    assert len(set(numbers.values())) == len(numbers)
    later = readout_numbers(archive.readouts[:1])
    assert later.items() <= numbers.items()
    same_day = [r for r in archive.readouts if r.date.isoformat() == "2021-03-27"]
    assert sorted(numbers[r.url_path] % 64 for r in same_day) == [0, 1]  # ranked by file name within the day
    newest, oldest = archive.readouts[0], archive.readouts[-1]
    assert numbers[newest.url_path] > numbers[oldest.url_path]


def test_a_title_word_weighs_more_than_a_body_word(project):
    archive = generate(project).archive
    talks = next(r for r in archive.readouts if r.title.startswith("Wang Yi Holds Talks"))
    weights = impacts(talks)
    assert weights["zarif"] > weights["regards"] >= 1  # title and participant vs once in the body
    assert weights["rowhani"] >= 1  # the alias of an official the text mentions counts for him
    assert {"2021", "march", "talks", "tehran", "jcpoa"} <= set(weights)  # date words, kind, venue, initiatives
    assert max(weights.values()) <= 7
    assert "zarif" in words(strong_text(talks))


def test_the_index_and_the_page_are_valid_json_and_markdown(project):
    generate(project)
    docs = project / "docs"
    manifest = json.loads((docs / "search/entities.json").read_text(encoding="utf-8"))
    assert manifest["readouts"] == 3 and manifest["slots"] == 64
    assert {e["t"] for e in manifest["entities"]} == {"o", "i", "v", "p", "f"}
    mfa = next(e for e in manifest["entities"] if e["t"] == "p" and "chinese foreign ministry" in e["k"])
    assert mfa["r"] == "Publisher · Ministry · Chinese side" and mfa["u"].startswith("search/?publisher=p-")
    rouhani = next(e for e in manifest["entities"] if e["id"] == "o-hassan-rouhani")
    assert rouhani["r"] == "President of Iran · Iran" and rouhani["c"] == 0 and rouhani["m"] == 1
    for path in (docs / "search").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    page = (docs / "search/index.md").read_text(encoding="utf-8")
    assert 'data-search-page' in page and 'href="../timeline/"' in page


def test_text_is_split_alike_in_every_script():
    assert tokens("国家主席习近平") == ["国家", "家主", "主席", "席习", "习近", "近平"]
    assert tokens("ISO 9000 于2022年") == ["iso", "9000", "于", "2022", "年"]
    assert tokens("علی‌اكبر") == ["علی", "اکبر", "علیاکبر"]  # parts, then joined
    assert tokens("علی‌اکبر", query=True) == ["علیاکبر"]
    assert tokens("رئيسـيِ ۱۴۰۱") == tokens("رئیسی 1401") == ["رییسی", "1401"]  # hamza seat folded too
    assert shard_of("china") == "chi" and shard_of("xi") == "xi" and shard_of("习近") == "x4e60" and shard_of("رئیسی") == "x631"
