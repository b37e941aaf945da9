"""What the search page reads besides the word postings (generator/outputs/search.py):

- `t/<yyyy-mm-dd>.json`: the text of each readout of one day as plain paragraphs, each with its
  number (its anchor on the readout's page is p<number>), in the order of the day's records in
  `d/`. The search page fetches it for the results it shows, to quote the passage with the most
  and rarest of the words searched for; the header's box never does.
- `n/<key>.json`: each pair of adjacent indexed words (stop words left out, so "Belt and Road"
  is the pair "belt road") → the readouts whose title, occasion or text hold it, as gaps between
  their numbers; sharded by the first word's shard. A quoted phrase keeps only the readouts
  holding each of its pairs, so "One China" no longer matches "One Belt, One Road", and a
  hyphenated word ("25-year") ranks the readouts that write it so first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from ..core.model import Readout
from ..core.remembered import per_readout
from .search_text import STOPWORDS, gaps, shard_of, tokens

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(?<!\w)[*_`#>]+|[*_`]+(?!\w)")
_MARKS_CHARACTERS = frozenset("*_`#>")  # a text with none of them is left as it is, without the pattern


def plain(text: str) -> str:
    """Markdown as the reader sees it: link text without addresses, no emphasis marks, one space."""
    if "[" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if _MARKS_CHARACTERS.intersection(text):
        text = _MARKDOWN_MARKS.sub("", text)
    return " ".join(text.split())


def readout_passages(readout: Readout) -> list[list]:
    """The readout's paragraphs as [number, plain text]."""
    return [[p.number, plain(p.text)] for p in readout.paragraphs if p.text.strip()]


def _phrase_words(text: str) -> list[str]:
    """The words a phrase is made of, in order: as indexed, stop words and single letters left out.
    A query's phrase is cut the same way (docs/javascripts/search-engine.js)."""
    return [w for w in tokens(text, query=True) if w not in STOPWORDS and (len(w) > 1 or not w.isascii())]


@per_readout
def phrase_pairs(readout: Readout) -> frozenset[str]:
    """Every pair of adjacent words in the title, the occasion and each paragraph (never across two)."""
    pairs = set()
    for text in (readout.title, readout.occasion, *(p.text for p in readout.paragraphs)):
        found = _phrase_words(plain(text)) if text else []
        pairs.update(f"{a} {b}" for a, b in pairwise(found))
    return frozenset(pairs)


def pair_shards(readouts: tuple[Readout, ...], number: dict[str, int], keys: dict[str, set[str]] | None = None
                ) -> dict[str, dict[str, list[int]]]:
    """Every pair shard; keys, when given: filled with the shards each readout's pairs fall in."""
    holding: dict[str, list[int]] = defaultdict(list)
    for readout in readouts:
        its_number = number[readout.url_path]
        pairs = phrase_pairs(readout)
        for pair in pairs:
            holding[pair].append(its_number)
        if keys is not None:
            keys[readout.id] = {shard_of(pair.split(" ", 1)[0]) for pair in pairs}
    shards: dict[str, dict] = defaultdict(dict)
    for pair in sorted(holding):
        shards[shard_of(pair.split(" ", 1)[0])][pair] = gaps(holding[pair])
    return shards


def text_shards(readouts: tuple[Readout, ...], number: dict[str, int]) -> dict[str, list[list]]:
    days: dict[str, list[tuple[int, list]]] = defaultdict(list)
    for r in readouts:
        days[r.date.isoformat()].append((number[r.url_path], readout_passages(r)))
    return {day: [passages for _, passages in sorted(entries)] for day, entries in days.items()}
