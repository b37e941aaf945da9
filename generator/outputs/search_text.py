"""How search folds and splits text: the same rules at index time (here) and at query time
(docs/javascripts/search-text.js), so a word typed in any script meets the word indexed.

- Latin: lowercase, accents removed.
- Persian and Arabic: Arabic yeh and alef maksura become Persian yeh, Arabic kaf Persian kaf,
  a hamza on a seat is dropped (NFKD splits it off),
  diacritics and the kashida are removed, Persian and Arabic-Indic digits become 0-9. A word
  written with a zero-width non-joiner is indexed joined and as its parts, so "علی‌اکبر",
  "علیاکبر" and "علی اکبر" all find it; a query drops the non-joiner.
- Chinese, Japanese and Korean: a run of characters is split into overlapping pairs
  (bigrams), so a two-character name is found inside running text without a dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FORMS = {"ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه", "’": "", "'": ""}
_DIGITS = {chr(0x06F0 + d): str(d) for d in range(10)} | {chr(0x0660 + d): str(d) for d in range(10)}
_FOLD = str.maketrans(_LETTER_FORMS | _DIGITS)
ZWNJ = "\u200c"
_WORD = re.compile(r"[^\W_]+")
_JOINED = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he his in is it its of on or said she "
    "that the their them they this to was were which will with would".split())
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def normalise(text: str) -> str:
    """Lowercase, without accents, Arabic-script diacritics or kashida, with Persian letter
    forms and ASCII digits; the zero-width non-joiner is kept for tokens() to handle."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = _MARKS.sub("", text).translate(_FOLD)
    elif "'" in text:
        text = text.replace("'", "")
    return text.lower()


def _cjk_bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


def _split_word(word: str, out: list[str]) -> None:
    """A word of the text as index terms: CJK runs as bigrams, the rest as it is."""
    if word.isascii() or not _CJK.search(word):
        out.append(word)
        return
    last = 0
    for match in _CJK.finditer(word):
        if match.start() > last:
            out.append(word[last:match.start()])
        out.extend(_cjk_bigrams(match.group()))
        last = match.end()
    if last < len(word):
        out.append(word[last:])


def tokens(text: str, query: bool = False) -> list[str]:
    """The text's terms in order (stop words and single letters kept: the caller decides).
    A query drops the zero-width non-joiner; the index takes a word written with one as its
    parts and, after them, joined."""
    folded = normalise(text)
    if query:
        folded = folded.replace(ZWNJ, "")
    found = _WORD.findall(folded)  # the non-joiner is no word character: it splits
    if folded.isascii() or not _CJK.search(folded):
        out = found  # no word to cut into bigrams: most texts
    else:
        out = []
        for word in found:
            _split_word(word, out)
    if ZWNJ in folded:
        out.extend(joined.replace(ZWNJ, "") for joined in _JOINED.findall(folded))
    return out


def words(text: str) -> set[str]:
    """The distinct terms worth indexing: no stop words, no single Latin letters or digits."""
    return {w for w in tokens(text) if w not in STOPWORDS and (len(w) > 1 or not w.isascii())}


def shard_of(word: str) -> str:
    """The file a word's postings live in: its first three letters (the word itself when shorter)
    when they are ASCII letters or digits, otherwise its first character's code point. Three
    letters, not two: the shard of a common word's prefix ("in") would cost 50 KB at 10,000 readouts."""
    key = word[:3]
    if key.isascii() and key.isalnum():
        return key
    return "x" + format(ord(word[0]), "x")


def fold_name(text: str) -> str:
    """A name as the search matches names: folded words joined by single spaces, no bigrams."""
    return " ".join(_WORD.findall(normalise(text).replace(ZWNJ, "")))


def gaps(numbers: Iterable[int]) -> list[int]:
    """Sorted numbers as the differences between neighbours, the form the index's postings take."""
    previous, differences = 0, []
    for number in sorted(numbers):
        differences.append(number - previous)
        previous = number
    return differences
