"""What the comparison layer costs: `python -m benchmarks.accounts [N ...]`.

For a synthetic archive of N readouts: the time to cut every text into paragraphs and find
their speakers and formulations (part of validation), and the generator's time for each kind
of page the layer adds or changes (readouts with anchors, events, officials with their
statements, formulations, coverage) and for data/formulations.json. Lines marked CPU count this
process's processor time, which neighbours on a shared machine do not inflate.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import make_bench_project
from generator.archive import accounts
from generator.archive.load import load_archive
from generator.archive.registry import load_registry
from generator.publish.pipeline import generate
from generator.outputs.formulations import render_formulations_data
from generator.pages.index import index_archive
from generator.pages.paragraphs import anchored_body

TEMPLATES = ("readout.md.j2", "event.md.j2", "official.md.j2", "formulation.md.j2", "formulations.md.j2",
             "coverage.md.j2", "coverage-year.md.j2")


def _paragraph_seconds(root: Path) -> float:
    """Cutting every text into paragraphs with speakers and formulations, as validation does."""
    loaded = load_archive(root)
    problems: list = []
    registry = accounts.add_registries(load_registry(loaded.officials, loaded.initiatives, problems, loaded.places),
                                       loaded, set(), problems)
    people = {o.name: o for o in registry.officials}
    start = time.process_time()  # CPU time: on a shared machine, wall time measures the neighbours too
    for doc in loaded.readouts:
        participants = tuple(people[name] for name in doc.data.get("officials", ()) if name in people)
        accounts.paragraphs(doc, participants, registry, registry.formulation_finder, problems)
    return time.process_time() - start


def measure(n: int, out) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_bench_project(Path(folder) / "project", n)
        split = _paragraph_seconds(root)
        generated = generate(root)
        indexes = index_archive(generated.archive)
        start = time.process_time()
        render_formulations_data(generated.archive, indexes, {})
        data = time.process_time() - start
        start = time.process_time()
        for readout in generated.archive.readouts:
            anchored_body(readout, "https://example.org/" + readout.url_path + "/", "Archive")
        anchors = time.process_time() - start
    print(f"N={n}: generator {generated.seconds:.2f} s in all", file=out)
    print(f"  paragraphs, speakers, formulations (validation, CPU): {split:.2f} s, {split * 1000 / n:.3f} ms per readout",
          file=out)
    for template in TEMPLATES:
        pages, seconds = (generated.timings or {}).get(template, (0, 0.0))
        each = f"{seconds * 1000 / pages:.2f} ms per page" if pages else ""
        print(f"  {template:<22} {int(pages):>6} pages {seconds:7.2f} s  {each}", file=out)
    print(f"  data/formulations.json (CPU): {data:.2f} s", file=out)
    print(f"  paragraph anchors and citations in the readout pages (CPU): {anchors:.2f} s, "
          f"{anchors * 1000 / n:.3f} ms per readout", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accounts", description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], metavar="N")
    for n in parser.parse_args(argv).sizes:
        measure(n, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
