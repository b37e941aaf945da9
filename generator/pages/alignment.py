"""Two language versions of one readout, paragraph against paragraph, and what one says that the
other does not, as far as the texts show it.

Paragraphs are aligned by their order and by what both versions can be seen to hold: numbers
(dates included: "March 27, 2021" and "2021年3月27日" share 3, 27 and 2021), registry names in
the forms each script writes them (王毅, محمدجواد ظریف, Tehran, تهران) and formulations by their
per-language forms. A name or formulation counts as evidence only where the registries give it
a form in both versions' languages: without one, its absence from a version shows nothing.
The comparison never says "omitted": what it cannot pair, it reports as "no counterpart found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..archive.formulations import fold
from ..core.languages import language
from ..core.model import Paragraph, Readout

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_DIGITS = str.maketrans({chr(0x06F0 + d): str(d) for d in range(10)} | {chr(0x0660 + d): str(d) for d in range(10)})
_NUMBER = re.compile(r"\d+")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_SENTENCE = re.compile(r"(?<=[.!?。！？؟])\s*")
# Two versions' paragraphs are longer or shorter than each other beyond the usual ratio of their
# languages when they differ from it by this factor; shorter paragraphs than MIN_LENGTH (characters
# of the English-equivalent length) are too short for a ratio to mean anything.
LENGTH_TOLERANCE = 1.5
MIN_LENGTH = 60
BY_ORDER = 0.3  # how much a pair's place in both texts counts where no shared evidence decides
CONFLICT = -0.2  # both paragraphs hold evidence and share none of it


@dataclass(frozen=True)
class Name:
    """A registry name as evidence: its key, its English label, every form it is written in."""

    key: str
    label: str
    forms: tuple[str, ...]


def script_of(code: str) -> str:
    return {"zh": "cjk", "ja": "cjk", "fa": "arabic", "ar": "arabic"}.get(code, "latin")


def _script(text: str) -> str:
    return "cjk" if _CJK.search(text) else "arabic" if _ARABIC.search(text) else "latin"


class NameForms:
    """Finds registry names in a text of any script: Chinese forms wherever their characters stand,
    the others as whole words, folded as formulations are (case, Persian letter forms)."""

    def __init__(self, names: list[Name]):
        self.names = {name.key: name for name in names}
        self._scripts: dict[str, set[str]] = {}
        self._patterns: list[tuple[str, str, re.Pattern]] = []
        for name in names:
            for form in dict.fromkeys(fold(f) for f in name.forms if f.strip()):
                script = _script(form)
                self._scripts.setdefault(name.key, set()).add(script)
                escaped = re.escape(form)
                self._patterns.append((name.key, form, re.compile(escaped if script == "cjk" else
                                                                  rf"(?<!\w){escaped}(?!\w)")))

    def writable(self, key: str, code: str) -> bool:
        """Whether the registries give the name a form in the language's script."""
        return script_of(code) in self._scripts.get(key, ())

    def found(self, text: str) -> set[str]:
        folded = fold(text)
        # the substring test, in C, rules out nearly every name before its pattern runs
        return {key for key, form, pattern in self._patterns if form in folded and pattern.search(folded)}


def names_of(officials, places) -> list[Name]:
    """The officials (name, aliases, native name) and places (city, aliases, native name) as evidence."""
    found = [Name("o:" + o.slug, o.name, (o.name, *o.aliases, o.native)) for o in officials]
    return found + [Name("p:" + p.city.casefold(), p.city, (p.city, *p.aliases, p.native)) for p in places]


def numbers(text: str) -> set[str]:
    """The numbers a text holds, in any digits, and the month of an English date as its number."""
    text = _MONTH.sub(lambda m: str(_MONTHS.index(m.group(1).lower()) + 1), text.translate(_DIGITS))
    return {"n:" + str(int(n)) for n in _NUMBER.findall(text)}


@dataclass(frozen=True)
class Evidence:
    """What the comparison of two languages can see in a text."""

    names: NameForms
    languages: tuple[str, str]
    formulations: frozenset[str]  # slugs of the formulations written in both languages

    def of(self, text: str, paragraph: Paragraph | None = None) -> frozenset[str]:
        found = numbers(text) | {k for k in self.names.found(text)
                                 if all(self.names.writable(k, code) for code in self.languages)}
        if paragraph is not None:
            found |= {"f:" + f.slug for f in paragraph.formulations if f.slug in self.formulations
                      and _in_text(f, text)}
        return frozenset(found)


def _in_text(formulation, text: str) -> bool:
    folded = fold(text)
    return any(fold(phrase) in folded for _, forms in (("en", (formulation.name, *formulation.variants)),
                                                        *formulation.forms) for phrase in forms)


def evidence_for(left: Readout, right: Readout, names: list[Name] | NameForms) -> Evidence:
    """What the two versions' languages let the comparison see; `names` compiled once for many comparisons."""
    codes = (left.source.language, right.source.language)
    both = {f.slug for r in (left, right) for f in r.formulations if all(f.phrases(code) for code in codes)}
    return Evidence(names if isinstance(names, NameForms) else NameForms(names), codes, frozenset(both))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s.strip()]


@dataclass(frozen=True)
class Row:
    """A row of the side-by-side view: a paragraph of each version, or of one with no counterpart
    found; what they share; the sentences (by index) of each in which no counterpart was found."""

    left: Paragraph | None
    right: Paragraph | None
    shared: tuple[str, ...] = ()  # evidence keys both hold; empty: paired by their order alone
    left_alone: tuple[int, ...] = ()
    right_alone: tuple[int, ...] = ()
    length_ratio: float = 0.0  # right's length over left's, against the usual ratio; 0: not compared


def _score(own: frozenset[str], theirs: frozenset[str], place: float) -> float:
    if own and theirs:
        shared = len(own & theirs)
        return shared / min(len(own), len(theirs)) + BY_ORDER * place if shared else CONFLICT
    return BY_ORDER * place


def align(left: list[frozenset[str]], right: list[frozenset[str]]) -> list[tuple[int | None, int | None]]:
    """The pairs of paragraph indexes (or None where no counterpart was found) that keep both orders
    and score most: a global alignment whose gaps cost nothing."""
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            place = 1 - abs(i / max(n, 1) - j / max(m, 1))
            best[i][j] = max(best[i + 1][j + 1] + _score(left[i], right[j], place), best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n or j < m:
        if i < n and j < m:
            place = 1 - abs(i / max(n, 1) - j / max(m, 1))
            if best[i][j] == best[i + 1][j + 1] + _score(left[i], right[j], place):
                pairs.append((i, j))
                i, j = i + 1, j + 1
                continue
            if best[i][j] == best[i + 1][j]:
                pairs.append((i, None))
                i += 1
                continue
            pairs.append((None, j))
            j += 1
        elif i < n:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs


def _alone(paragraph: Paragraph, other: frozenset[str], evidence: Evidence) -> tuple[int, ...]:
    """The sentences holding evidence none of which the counterpart paragraph holds."""
    parts = sentences(paragraph.text)
    if len(parts) < 2:
        return ()
    return tuple(i for i, sentence in enumerate(parts) if (own := evidence.of(sentence, paragraph)) and not own & other)


def length_ratio(left: Readout, right: Readout, left_text: str, right_text: str) -> float:
    """The right text's length over the left's, divided by the usual ratio of their languages; 0 when
    either is too short to tell."""
    usual = language(right.source.language).english_ratio / language(left.source.language).english_ratio
    left_length = len("".join(left_text.split())) / language(left.source.language).english_ratio
    right_length = len("".join(right_text.split())) / language(right.source.language).english_ratio
    if min(left_length, right_length) < MIN_LENGTH:
        return 0.0
    return (len("".join(right_text.split())) / len("".join(left_text.split()))) / usual


def compare_paragraphs(left: Readout, right: Readout, evidence: Evidence) -> list[Row]:
    """The two versions' paragraphs in rows, aligned."""
    lefts = [evidence.of(p.text, p) for p in left.paragraphs]
    rights = [evidence.of(p.text, p) for p in right.paragraphs]
    rows = []
    for i, j in align(lefts, rights):
        if i is None or j is None:
            rows.append(Row(left.paragraphs[i] if i is not None else None, right.paragraphs[j] if j is not None else None))
            continue
        a, b = left.paragraphs[i], right.paragraphs[j]
        shared = tuple(sorted(lefts[i] & rights[j]))
        rows.append(Row(a, b, shared, _alone(a, rights[j], evidence) if shared else (),
                        _alone(b, lefts[i], evidence) if shared else (), length_ratio(left, right, a.text, b.text)))
    return rows


def unusual_length(ratio: float) -> bool:
    return bool(ratio) and not 1 / LENGTH_TOLERANCE <= ratio <= LENGTH_TOLERANCE


@dataclass(frozen=True)
class Difference:
    """One thing the comparison found in one version and not the other, with the paragraphs that show it."""

    kind: str  # formulation | name | paragraph | sentence | length
    version: Readout  # the version that holds it (for a length: the longer)
    label: str  # the formulation's or name's English label, the sentence, or the paragraph's opening
    anchors: tuple[str, ...]  # the paragraphs of `version` that show it
    other: tuple[str, ...] = ()  # for a length: the counterpart paragraph of the other version


@dataclass(frozen=True)
class Comparison:
    left: Readout
    right: Readout
    rows: tuple[Row, ...]
    differences: tuple[Difference, ...]
    formulations_compared: tuple[str, ...]  # the formulations the registry writes in both languages
    names_not_compared: tuple[str, ...]  # names in a text that the registries write in one of the languages only


def _uses(readout: Readout, evidence: Evidence) -> dict[str, list[str]]:
    """Evidence key → the anchors of the paragraphs of the readout that hold it (names and formulations)."""
    found: dict[str, list[str]] = {}
    for paragraph in readout.paragraphs:
        for key in sorted(evidence.of(paragraph.text, paragraph)):
            if not key.startswith("n:"):
                found.setdefault(key, []).append(paragraph.anchor)
    return found


def _one_sided(left: Readout, right: Readout, evidence: Evidence) -> list[Difference]:
    labels = {"f:" + f.slug: f.name for r in (left, right) for f in r.formulations}
    labels |= {key: name.label for key, name in evidence.names.names.items()}
    uses = {readout.id: _uses(readout, evidence) for readout in (left, right)}
    found = []
    for readout, other in ((left, right), (right, left)):
        for key, anchors in uses[readout.id].items():
            if key not in uses[other.id]:
                kind = "formulation" if key.startswith("f:") else "name"
                found.append(Difference(kind, readout, labels.get(key, key), tuple(anchors)))
    return found


def _unpaired(rows: tuple[Row, ...], left: Readout, right: Readout) -> list[Difference]:
    found = []
    for row in rows:
        for paragraph, readout, alone in ((row.left, left, row.left_alone), (row.right, right, row.right_alone)):
            if paragraph is None:
                continue
            if (row.left if readout is right else row.right) is None:
                found.append(Difference("paragraph", readout, opening(paragraph.text), (paragraph.anchor,)))
            parts = sentences(paragraph.text)
            found += [Difference("sentence", readout, parts[i], (paragraph.anchor,)) for i in alone]
        if unusual_length(row.length_ratio):
            longer, shorter = (row.right, row.left) if row.length_ratio > 1 else (row.left, row.right)
            factor = max(row.length_ratio, 1 / row.length_ratio)
            found.append(Difference("length", right if longer is row.right else left, f"{factor:.1f}",
                                    (longer.anchor,), (shorter.anchor,)))
    return found


def opening(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def compare_versions(left: Readout, right: Readout, names: list[Name] | NameForms) -> Comparison:
    """The two versions aligned, and every difference the evidence shows, in the order of the summary:
    formulations, names, paragraphs and sentences, lengths."""
    evidence = evidence_for(left, right, names)
    rows = tuple(compare_paragraphs(left, right, evidence))
    differences = _one_sided(left, right, evidence) + _unpaired(rows, left, right)
    order = ("formulation", "name", "paragraph", "sentence", "length")
    differences.sort(key=lambda d: (order.index(d.kind), d.version is right))
    seen = evidence.names.found(left.body) | evidence.names.found(right.body)
    uncompared = sorted({evidence.names.names[key].label for key in seen
                         if not all(evidence.names.writable(key, code) for code in evidence.languages)})
    formulations = sorted({f.name for r in (left, right) for f in r.formulations if f.slug in evidence.formulations})
    return Comparison(left, right, rows, tuple(differences), tuple(formulations), tuple(uncompared))
