"""The benchmark: `python -m benchmarks.bench [N ...]` (or `make bench`).

For each N: a synthetic archive of N readouts in a fresh temporary folder; the
generator and strict MkDocs run in a child process (timed, with its peak memory);
the site's size, its search index (raw and gzipped) and its largest page; then whole
builds, each in a fresh interpreter, with nothing changed, with one readout added and
with one edited (seconds, files written to site/, see changes.py); the floor, plain
MkDocs with Material building the same N readouts as bare pages under a short
navigation; and `zensical build` on the same docs/ when zensical is installed. A table
for each N, then one machine-readable line:

    bench: N=1000 total_s=… floor_s=… ratio=… generator_ms_per_readout=… rss_mb=…
           search_gz_bytes=… max_page_bytes=… rebuild_written=… rebuild_s=… add_one_s=…
           add_one_written=… edit_one_s=… edit_one_written=… workers=… zensical_s=…
           render_ms=readout.md.j2:…,official.md.j2:…  (generator ms per page, by template)
           kinds_s=search-index:…,readouts:…  add_kinds_s=…  (generator seconds by kind of page,
           in the cold build and in the build after one readout is added)

N comes from the arguments, else from BENCH_N ("100 1000" or "100,1000"), else 100 and 1000.
This measures; it asserts nothing about time.

Peak memory: each measured build runs in a fresh interpreter (multiprocessing, 'spawn'),
which reports its own `getrusage(RUSAGE_SELF).ru_maxrss` when it is done; while it runs,
the parent samples the proportional set size of it and of any workers it forks (pages
shared after a fork counted once). The larger of the two is the build's peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .changes import add_one_readout, edit_one_readout, timed_build, zensical_build
from .floor import floor_build, make_floor_project
from .search import session_figures, session_rows
from .sitestats import SiteStats, site_stats
from .synthetic import make_bench_project

DEFAULT_N = "100 1000"
SERVE_MAX_N = 2000  # the live preview is measured where it is used: archives up to this size


# ---------------------------------------------------------------- child processes

def _peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def _warm_imports() -> None:
    """Import what the builds use before the clock starts: interpreter start-up is not the build."""
    import generator.publish.pipeline  # noqa: F401
    from generator.publish.renderer import load_mkdocs

    load_mkdocs()


def _child(work: Callable[..., dict], args: tuple, conn) -> None:
    try:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        _warm_imports()
        result = work(*args)
        result["rss_bytes"] = _peak_rss_bytes()
        conn.send(result)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        conn.send({"error": traceback.format_exc()})
    finally:
        conn.close()


def _build(root: str, site: str) -> dict:
    """The measured build: the generator, then strict MkDocs."""
    from generator.publish.pipeline import generate, run_mkdocs
    from generator.core import parallel

    start = time.perf_counter()
    generated = generate(Path(root))
    middle = time.perf_counter()
    run_mkdocs(Path(root), Path(site), strict=True)
    end = time.perf_counter()
    return {"generator_s": middle - start, "mkdocs_s": end - middle,
            "written": len(generated.report.written), "readouts": generated.readouts,
            "events": len(generated.archive.events), "timings": generated.timings, "kinds": generated.kind_timings,
            "workers": parallel.workers_for(generated.readouts)}


def _search_session(site: str, queries: list[str]) -> dict:
    """Five searches in headless Chromium; a child of its own, so no other Playwright session is in the way."""
    from .search import measure_search_session

    return measure_search_session(Path(site), queries)


def run_in_child(work: Callable[..., dict], *args) -> dict:
    """Run work(*args) in a fresh interpreter; its result, with the child's peak RSS."""
    if work.__module__ == "__main__":  # run as `python -m benchmarks.bench`: name it by its module
        import importlib

        work = getattr(importlib.import_module("benchmarks.bench"), work.__name__)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, args, sender))
    process.start()
    sender.close()
    peak_pss = 0
    try:
        while not receiver.poll(0.05):  # meanwhile, the memory of the child and of any workers it forked
            peak_pss = max(peak_pss, _tree_pss_bytes(process.pid))
        result = receiver.recv()
    except EOFError:
        result = {"error": "the child process ended without a result"}
    finally:
        receiver.close()
        process.join()
    if "error" in result:
        raise RuntimeError(f"{work.__name__} failed in the child process (exit code {process.exitcode}):\n"
                           + result["error"])
    result["tree_pss_bytes"] = peak_pss
    return result


def _tree_pss_bytes(pid: int) -> int:
    """Proportional set size of a process and its descendants: memory shared after a fork counted once."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            total = next((int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:")), 0)
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                total += sum(_tree_pss_bytes(int(child)) for child in children.read().split())
    except (OSError, ValueError):
        pass
    return total


# ---------------------------------------------------------------- one N

@dataclass
class BenchResult:
    n: int
    synthetic_s: float
    generator_s: float
    mkdocs_s: float
    pages_written: int
    events: int
    rss_bytes: int
    tree_pss_bytes: int
    site: SiteStats
    rebuild_s: float
    rebuild_written: int
    add_one: dict
    edit_one: dict
    workers: int
    timings: dict  # template → [pages, seconds]
    kinds: dict  # kind of page or file (generator/publish/kinds.py) → [files made, seconds]
    zensical_s: float | None
    floor_s: float
    floor_pages: int
    floor_rss_bytes: int
    floor_site: SiteStats
    search_session: dict
    serve: dict

    @property
    def total_s(self) -> float:
        return self.generator_s + self.mkdocs_s

    @property
    def ratio(self) -> float:
        return self.total_s / self.floor_s if self.floor_s else 0.0

    @property
    def generator_ms_per_readout(self) -> float:
        return self.generator_s * 1000 / self.n if self.n else 0.0

    @property
    def rss_mb(self) -> float:
        """The build's peak memory: its own peak RSS, or, when it forked workers, the peak of the
        whole tree's proportional set size (pages shared after the fork counted once), if higher."""
        return max(self.rss_bytes, self.tree_pss_bytes) / 2**20

    def line(self) -> str:
        return (f"bench: N={self.n} total_s={self.total_s:.2f} floor_s={self.floor_s:.2f} ratio={self.ratio:.2f} "
                f"generator_ms_per_readout={self.generator_ms_per_readout:.3f} rss_mb={self.rss_mb:.2f} "
                f"search_gz_bytes={self.site.search_gz_bytes} max_page_bytes={self.site.max_page_bytes} "
                f"rebuild_written={self.rebuild_written} rebuild_s={self.rebuild_s:.2f} "
                f"{session_figures(self.search_session)} "
                f"serve_edit_s={_seconds(self.serve.get('edit_served_s'))} "
                f"add_one_s={self.add_one['seconds']:.2f} add_one_written={self.add_one['site_written']} "
                f"edit_one_s={self.edit_one['seconds']:.2f} edit_one_written={self.edit_one['site_written']} "
                f"workers={self.workers} zensical_s={_seconds(self.zensical_s)} render_ms={self.render_ms()} "
                f"kinds_s={self.kinds_s(self.kinds)} add_kinds_s={self.kinds_s(self.add_one.get('kinds', {}))}")

    def render_ms(self) -> str:
        """Generator milliseconds per page, by template, costliest in total first."""
        ranked = sorted(self.timings.items(), key=lambda item: -item[1][1])
        return ",".join(f"{template}:{seconds * 1000 / count:.2f}" for template, (count, seconds) in ranked if count)

    @staticmethod
    def kinds_s(kinds: dict) -> str:
        """The generator's seconds by kind of page or file, costliest first (spaces in names as '-')."""
        ranked = sorted(kinds.items(), key=lambda item: -item[1][1])
        return ",".join(f"{kind.replace(' ', '-')}:{seconds:.2f}" for kind, (_, seconds) in ranked)

    def table(self) -> str:
        mb = 2**20
        rows = [
            ("synthetic archive written", f"{self.synthetic_s:8.2f} s"),
            ("generator", f"{self.generator_s:8.2f} s   {self.generator_ms_per_readout:.3f} ms per readout, "
                          f"{self.pages_written:,} pages written, {self.events:,} events"),
            ("MkDocs, strict", f"{self.mkdocs_s:8.2f} s   {self.mkdocs_s * 1000 / max(self.pages_written, 1):.2f} ms per page"),
            ("total", f"{self.total_s:8.2f} s"),
            ("peak memory of the build", f"{self.rss_mb:8.1f} MB   (own peak RSS {self.rss_bytes / mb:.1f} MB, "
                                        f"with its workers peak PSS {self.tree_pss_bytes / mb:.1f} MB)"),
            ("site", f"{self.site.bytes / mb:8.1f} MB   {self.site.bytes:,} bytes in {self.site.files:,} files"),
            ("search index", f"{self.site.search_bytes / mb:8.2f} MB   {self.site.search_bytes:,} bytes, "
                             f"{self.site.search_gz_bytes:,} gzipped, in {self.site.search_files:,} files"),
            ("largest search file", f"{self.site.search_largest_gz / 1024:8.1f} KB   gzipped ({self.site.search_largest or 'none'})"),
            ("largest page", f"{self.site.max_page_bytes / 1024:8.1f} KB   {self.site.max_page_bytes:,} bytes "
                             f"({self.site.max_page})"),
            *session_rows(self.search_session),
            ("serve: edit to page served", f"{_seconds(self.serve.get('edit_served_s')):>8} s   "
                                           f"(first build {_seconds(self.serve.get('first_build_s'))} s)"),
            ("rebuild, nothing changed", f"{self.rebuild_s:8.2f} s   {self.rebuild_written:,} files written"),
            ("one readout added", f"{self.add_one['seconds']:8.2f} s   {self.add_one['docs_written']:,} files written "
                                  f"to docs/, {self.add_one['site_written']:,} to site/"),
            ("one readout edited", f"{self.edit_one['seconds']:8.2f} s   {self.edit_one['docs_written']:,} files written "
                                   f"to docs/, {self.edit_one['site_written']:,} to site/"),
            ("generator, by template", ", ".join(f"{t} {c:,} pages {s * 1000 / c:.2f} ms each"
                                                 for t, (c, s) in sorted(self.timings.items(), key=lambda i: -i[1][1]) if c)),
            ("generator, by kind (cold)", ", ".join(f"{k} {s:.2f} s" for k, (_, s) in
                                                    sorted(self.kinds.items(), key=lambda i: -i[1][1]))),
            ("one added: generator, by kind", ", ".join(f"{k} {s:.2f} s" for k, (_, s) in
                                                        sorted(self.add_one.get("kinds", {}).items(), key=lambda i: -i[1][1]))
             + f"; generator {self.add_one.get('generator_s', 0):.2f} s of {self.add_one['seconds']:.2f} s"),
            ("workers", f"{self.workers:8d}"),
            ("zensical build, same docs/", f"{_seconds(self.zensical_s):>8} s"),
            ("floor: plain MkDocs+Material", f"{self.floor_s:8.2f} s   {self.floor_pages:,} readout pages, "
                                             f"peak RSS {self.floor_rss_bytes / mb:.1f} MB, "
                                             f"site {self.floor_site.bytes / mb:.1f} MB, "
                                             f"search {self.floor_site.search_gz_bytes:,} bytes gzipped"),
            ("ratio total / floor", f"{self.ratio:8.2f}"),
        ]
        width = max(len(label) for label, _ in rows)
        head = f"N = {self.n:,} readouts"
        return "\n".join([head, "-" * len(head)] + [f"  {label:<{width}}  {value}" for label, value in rows])


def _seconds(value) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def session_queries(root: Path) -> list[str]:
    """Five searches a reader would make: a name, a surname, an alias, an abbreviation, an initiative."""
    import yaml

    officials = yaml.safe_load((root / "archive" / "officials.yml").read_text(encoding="utf-8"))
    initiatives = yaml.safe_load((root / "archive" / "initiatives.yml").read_text(encoding="utf-8"))
    aliased = next(o for o in officials if o.get("aliases"))
    return [officials[0]["name"], officials[1]["name"].split()[-1], aliased["aliases"][0],
            initiatives[0]["short"], initiatives[1]["name"]]


def bench_one(n: int, seed: int = 1, keep: bool = False, log: TextIO | None = None) -> BenchResult:
    def say(message: str) -> None:
        if log is not None:
            print(f"[N={n}] {message}", file=log, flush=True)

    work = Path(tempfile.mkdtemp(prefix=f"readouts-bench-{n}-"))
    os.environ["READOUTS_CACHE"] = str(work / "cache")  # the children's validated readouts, gone with the run
    floor_work = Path(tempfile.mkdtemp(prefix=f"readouts-bench-floor-{n}-"))
    try:
        root = work / "project"
        start = time.perf_counter()
        make_bench_project(root, n, seed, published_ids=True)
        synthetic_s = time.perf_counter() - start
        say(f"synthetic archive in {synthetic_s:.2f} s; building (generator + strict MkDocs)")
        built = run_in_child(_build, str(root), str(work / "site"))
        say(f"built in {built['generator_s'] + built['mkdocs_s']:.2f} s; measuring the site")
        stats = site_stats(work / "site")
        say("a reader's five searches, in headless Chromium")
        queries = session_queries(root)
        session = {"queries": queries, **run_in_child(_search_session, str(work / "site"), queries)}
        say("a whole build again, nothing changed")
        rebuilt = run_in_child(timed_build, str(root), str(work / "site"))
        say("one readout added, then one edited")
        add_one_readout(root)
        added = run_in_child(timed_build, str(root), str(work / "site"))
        edit_one_readout(root)
        edited = run_in_child(timed_build, str(root), str(work / "site"))
        say("zensical build on the same docs/, when installed")
        zensical_s = zensical_build(root)
        say("floor: plain MkDocs with Material")
        floor_root = floor_work / "project"
        floor_pages = make_floor_project(floor_root, root / "archive")
        floor = run_in_child(floor_build, str(floor_root), str(floor_work / "site"))
        floor_stats = site_stats(floor_work / "site")
        say("serve: editing one readout")
        from .serve import measure_serve_edit
        serve = measure_serve_edit(root) if n <= SERVE_MAX_N else {}
        return BenchResult(
            n=n, synthetic_s=synthetic_s, generator_s=built["generator_s"], mkdocs_s=built["mkdocs_s"],
            pages_written=built["written"], events=built["events"], rss_bytes=built["rss_bytes"],
            tree_pss_bytes=built["tree_pss_bytes"],
            site=stats,
            rebuild_s=rebuilt["seconds"], rebuild_written=rebuilt["docs_written"] + rebuilt["site_written"],
            add_one=added, edit_one=edited, workers=built["workers"], timings=built["timings"], kinds=built["kinds"],
            zensical_s=zensical_s,
            floor_s=floor["mkdocs_s"], floor_pages=floor_pages, floor_rss_bytes=floor["rss_bytes"],
            floor_site=floor_stats, search_session=session, serve=serve,
        )
    finally:
        if keep:
            say(f"kept {work} and {floor_work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(floor_work, ignore_errors=True)


def parse_sizes(values: list[str]) -> list[int]:
    sizes = []
    for value in values:
        for part in value.replace(",", " ").split():
            size = int(part)
            if size < 1:
                raise ValueError(f"N must be at least 1, not {size}")
            sizes.append(size)
    return sizes


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", metavar="N", help="numbers of readouts (default: $BENCH_N or 100 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic archive")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")
    args = parser.parse_args(argv)
    try:
        sizes = parse_sizes(args.sizes or [os.environ.get("BENCH_N") or DEFAULT_N])
    except ValueError as error:
        parser.error(str(error))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # inherited by the child processes
    for n in sizes:
        result = bench_one(n, args.seed, args.keep, None if args.quiet else sys.stderr)
        print(result.table(), file=out)
        print(file=out)
        print(result.line(), file=out, flush=True)
        print(file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
