"""The cost of finding formulations: 30,000 variants against a readout of 3,000 paragraphs.

A readout's paragraphs are read once each, word by word, through one automaton of every
phrase (archive/formulations.py), so the cost grows with the text, not with variants ×
paragraphs. This measures the finding alone and `check` of a whole project around it.

    python -m benchmarks.formulations [--variants 30000] [--paragraphs 3000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from generator.archive.check import check_archive
from generator.archive.formulations import FormulationFinder
from generator.core.model import Formulation
from generator.core.problems import ERROR

from .project import repository_root

_SYLLABLES = ("ka", "lo", "mi", "ter", "van", "sul", "dor", "pe", "ri", "zan", "qu", "bel", "ost", "nir", "fa")
PER_ENTRY = 10  # a name and nine variants


def _words(rng: random.Random, count: int) -> list[str]:
    """A vocabulary of made-up words, so no phrase is a stop word or an English word."""
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def phrases(rng: random.Random, vocabulary: list[str], count: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        found.setdefault(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 4))))
    return list(found)


def registry_yaml(all_phrases: list[str]) -> str:
    lines = []
    for start in range(0, len(all_phrases), PER_ENTRY):
        name, *variants = all_phrases[start:start + PER_ENTRY]
        lines.append(f"- name: {name}\n  variants:\n" + "".join(f"    - {v}\n" for v in variants))
    return "".join(lines)


def paragraphs(rng: random.Random, vocabulary: list[str], all_phrases: list[str], count: int) -> list[str]:
    """Paragraphs of eight words from the same vocabulary, every tenth with a phrase in it."""
    found = []
    for number in range(count):
        words = [rng.choice(vocabulary) for _ in range(8)]
        if number % 10 == 0:
            words.insert(4, rng.choice(all_phrases))
        found.append(" ".join(words).capitalize() + ".")
    return found


def _readout(body: list[str]) -> str:
    return ("---\nid: 2021-01-05-a-long-readout\ntitle: A long readout\ndate: 2021-01-05\nkind: phone call\n"
            "officials:\n  - Wang Yi\n  - Mohammad Javad Zarif\nsource:\n"
            "  publisher: Ministry of Foreign Affairs of the People's Republic of China\n  language: en\n"
            "added: 2024-01-12\n---\n" + "\n\n".join(body) + "\n")


def measure(variants: int, paragraph_count: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    vocabulary = _words(rng, 2000)
    all_phrases = phrases(rng, vocabulary, variants)
    body = paragraphs(rng, vocabulary, all_phrases, paragraph_count)
    formulations = tuple(Formulation(slug=f"f{i}", name=all_phrases[i], variants=tuple(all_phrases[i + 1:i + PER_ENTRY]))
                         for i in range(0, len(all_phrases), PER_ENTRY))
    start = time.perf_counter()
    finder = FormulationFinder(formulations)
    built = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(len(finder.marks(text)) for text in body)
    finding = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(repository_root() / "tests" / "fixtures" / "archive", root / "archive")
        (root / "archive" / "formulations.yml").write_text(registry_yaml(all_phrases), encoding="utf-8")
        (root / "archive" / "readouts" / "2021" / "2021-01-05-a-long-readout.md").write_text(_readout(body), encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        archive, problems = check_archive(root)
        checking, checking_cpu = time.perf_counter() - start, time.process_time() - cpu
    errors = [p for p in problems if p.severity == ERROR]
    return {"variants": len(all_phrases), "paragraphs": len(body), "marks": found, "automaton_s": built,
            "find_s": finding, "check_s": checking, "check_cpu_s": checking_cpu, "errors": len(errors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", type=int, default=30_000)
    parser.add_argument("--paragraphs", type=int, default=3_000)
    args = parser.parse_args(argv)
    result = measure(args.variants, args.paragraphs)
    print(f"formulations: {result['variants']} variants, {result['paragraphs']} paragraphs, {result['marks']} found; "
          f"automaton_s={result['automaton_s']:.2f} find_s={result['find_s']:.2f} check_s={result['check_s']:.2f} "
          f"check_cpu_s={result['check_cpu_s']:.2f} (the whole check of a project around them; errors={result['errors']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
