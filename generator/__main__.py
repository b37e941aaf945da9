"""Command line: python -m generator build | serve | check | new | fields.

A thin layer: each command parses its arguments and calls library functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.problems import ERROR, WARNING, ArchiveInvalid, Problem
from .publish.renderer import MKDOCS, RENDERERS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a program stopped by Ctrl-C


def _print_problems(problems: list[Problem], output_format: str = "text", stream=None) -> None:
    stream = stream or sys.stderr  # looked up at each call, so that a caller's redirection counts
    for problem in problems:
        print(problem.github() if output_format == "github" else problem.text(), file=stream)


def command_build(args) -> int:
    from .publish.pipeline import build_site, generate
    from .publish.progress import Progress

    root = Path(args.root)
    progress = Progress(sys.stderr)
    try:
        if args.pages_only:
            generated = generate(root, progress=progress)
        else:
            generated = build_site(root, Path(args.site_dir) if args.site_dir else None, strict=not args.no_strict,
                                   full=args.full, progress=progress, renderer=args.renderer)
    except ArchiveInvalid as invalid:
        _print_problems(invalid.problems)
        errors = sum(p.severity == ERROR for p in invalid.problems)
        print(f"build stopped: {errors} error(s); docs/ and site/ are as they were", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as error:  # MkDocs' own failure, such as a warning in strict mode
        print(f"build stopped: {error}; docs/ and site/ are as they were", file=sys.stderr)
        return EXIT_PROBLEMS
    report = generated.report
    print(f"{generated.readouts} readouts: {len(report.written)} pages written, "
          f"{len(report.removed)} removed, {report.unchanged} unchanged ({generated.seconds:.2f} s)")
    return EXIT_OK


def serve_address(root: Path, dev_addr: str) -> str:
    """Where the live preview shows the site: MkDocs serves it under the path of site_url."""
    from urllib.parse import urlsplit

    from .core.settings import site_settings

    path = urlsplit(site_settings(root)["url"]).path or "/"
    return f"http://{dev_addr}{path if path.startswith('/') else '/' + path}"


def command_serve(args) -> int:
    from .publish.renderer import serve_docs

    print(f"serve: the site is at {serve_address(Path(args.root), args.dev_addr)} (Ctrl+C stops it)", flush=True)

    # The generator rewrites only pages whose content changed, so a dirty build renders
    # just those: an edited readout is served again in about a second, not a full build.
    serve_docs(Path(args.root) / "mkdocs.yml", args.dev_addr, full=args.full)
    return EXIT_OK


def command_check(args) -> int:
    from .publish.site_check import check_site

    root = Path(args.root)
    only = None
    if args.paths:
        only, readouts = [], (root / "archive" / "readouts").resolve()
        for given in map(Path, args.paths):
            path = given if given.is_absolute() or given.exists() else root / given  # cwd first, then --root
            if not path.is_file():
                print(f"check: no such file: {given}", file=sys.stderr)
                return EXIT_USAGE
            if path.suffix != ".md":
                print(f"check: {given} is not a readout: readouts are .md files", file=sys.stderr)
                return EXIT_USAGE
            if not (path.parent.resolve() / path.name).is_relative_to(readouts):
                print(f"check: {given} is outside archive/readouts/: only readout files can be checked on their own",
                      file=sys.stderr)
                return EXIT_USAGE
            only.append(path)
    _, problems = check_site(root, only)
    stream = sys.stdout if args.format == "github" else sys.stderr
    _print_problems(problems, args.format, stream)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = sum(p.severity == WARNING for p in problems)
    failed = errors or (args.strict and warnings)
    print(f"check: {errors} error(s), {warnings} warning(s)" + (" (warnings are errors with --strict)" if args.strict and warnings else ""),
          file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def command_clean(args) -> int:
    from .publish.clean import clean

    removed = clean(Path(args.root))
    print(f"clean: {len(removed)} generated paths removed" + (": " + ", ".join(removed) if removed else ""))
    return EXIT_OK


def command_new(args) -> int:
    from .contribute.draft import DraftError, draft_readout, raw_text, read_source, valid_url, write_draft
    from .contribute.from_page import draft_saved_page
    from .contribute.saved_page import MAX_PAGE_BYTES, looks_like_html

    root = Path(args.root)
    if args.url and not valid_url(args.url):
        print(f"new: --url must be an http(s) address (with any ( ) [ ] as %28 %29 %5B %5D), not {args.url!r}",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        data = read_source(args.source, MAX_PAGE_BYTES)
        if looks_like_html(data, args.source):  # a saved web page: its metadata fills the source's fields
            draft = draft_saved_page(data, args.source, root, url=args.url, publisher=args.publisher.strip())
        else:
            draft = draft_readout(raw_text(data, args.source), root, url=args.url, publisher=args.publisher.strip())
        if args.output == "-":
            sys.stdout.write(draft.text)
            target = None
        else:
            target = write_draft(draft, root, Path(args.output) if args.output else None)
    except DraftError as error:
        print(f"new: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    out = sys.stderr if target is None else sys.stdout
    if target is not None:
        print(f"wrote {target.as_posix()}", file=out)
    if draft.undetermined:
        print("could not determine: " + "; ".join(draft.undetermined), file=out)
    if draft.unresolved:
        print("names not in archive/officials.yml (add them there if they took part): " + ", ".join(draft.unresolved),
              file=out)
    if draft.mentioned:
        print("named in the text but not taken as participants: " + ", ".join(draft.mentioned), file=out)
    if draft.removed:
        shown = "; ".join(repr(line[:60]) for line in draft.removed[:6])
        more = f" and {len(draft.removed) - 6} more" if len(draft.removed) > 6 else ""
        print(f"left out as page furniture: {shown}{more}", file=out)
    if target is not None:
        print(f"next: compare the draft with the source, then run: python -m generator check {target.as_posix()}",
              file=out)
    return EXIT_OK


def command_fields(args) -> int:
    from .contribute.reference import update_contributing

    path, changed = update_contributing(Path(args.root))
    if path is None:
        print("fields: CONTRIBUTING.md has no '<!-- field-reference -->' and '<!-- /field-reference -->' markers",
              file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{path.name}: the field reference was {'rewritten' if changed else 'already up to date'}")
    return EXIT_OK


def _fetch_settings(timeout: float):
    import os

    from .contribute.fetch import FetchSettings

    # Only the tests, whose servers listen on 127.0.0.1, set this: a real run never fetches from the loopback.
    return FetchSettings(timeout=timeout, allow_loopback=os.environ.get("READOUTS_TEST_ALLOW_LOOPBACK") == "1")


def command_sources_archive(args) -> int:
    from .contribute.archiving import ArchiveSettings, archive_sources, service_address
    from .contribute.source_edit import EditError

    root = Path(args.root)
    settings = ArchiveSettings(service=args.service or service_address(root), fetch=_fetch_settings(args.timeout),
                               pause=args.pause)
    try:
        report = archive_sources(root, settings)
    except EditError as error:
        print(f"sources archive: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"sources archive: {len(report.added)} copied, {len(report.failed)} failed"
          + (f", stopped early: {report.stopped}" if report.stopped else ""), file=sys.stderr)
    return EXIT_PROBLEMS if report.failed or report.stopped else EXIT_OK


def command_sources_watch(args) -> int:
    from .contribute.fetch import FetchError
    from .contribute.watching import LOG, WatchSettings, watch_sources

    try:
        events = watch_sources(Path(args.root), WatchSettings(fetch=_fetch_settings(args.timeout), pause=args.pause))
    except FetchError as error:
        print(f"sources watch: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"sources watch: {len(events)} change(s) added to {LOG}", file=sys.stderr)
    return EXIT_OK


def _add_new_parser(commands) -> None:
    new = commands.add_parser("new", help="draft a readout file from a saved web page or the text of a published readout",
                              description="Turn a published readout into a draft under archive/readouts/<year>/, with "
                                          "the front matter filled in as far as the page allows: from the page as the "
                                          "browser saved it (PAGE.html: its address, publisher, headline, dates, "
                                          "language and article), or from its text copied from the page, navigation "
                                          "and all. Prints the path and what it could not determine. Never overwrites "
                                          "a file. Exit 0 when written, 1 when not.")
    new.add_argument("--from", dest="source", required=True, metavar="FILE",
                     help="the saved page (.html, 'HTML only' or 'complete'), or the raw text as UTF-8; "
                          "'-' reads standard input")
    new.add_argument("--url", default="", help="the address of the published page (http or https), when the saved "
                                               "page does not give it")
    new.add_argument("--publisher", default="", help="who published it, when the text does not say")
    new.add_argument("--output", metavar="PATH",
                     help="where to write the draft (default: archive/readouts/<year>/<date>-<slug>.md); '-' prints it")
    new.set_defaults(run=command_new)


def _add_sources_parser(commands) -> None:
    sources = commands.add_parser("sources", help="archive the source pages, or watch them for changes",
                                  description="Work on the readouts' source pages on the web.")
    source_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND",
                                             help="archive: copies of new addresses; watch: record changes")
    archive = source_commands.add_parser(
        "archive", help="ask a web archive for a copy of each source address without one",
        description="Ask a public web archive (READOUTS_ARCHIVE_SERVICE, else extra.archive_service in mkdocs.yml) "
                    "for a copy of each readout's source address that has no archived copy, and add the copy's "
                    "address under source.archived, one inserted line per file (the diff is printed). Exit 0 when "
                    "every address was archived, 1 when some failed or the service limited the rate.")
    archive.add_argument("--service", default="", help="the archive's save address, the source address appended")
    archive.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the archive (default 120)")
    archive.add_argument("--pause", type=float, default=5.0, help="seconds between two requests (default 5)")
    archive.set_defaults(run=command_sources_archive)
    watch = source_commands.add_parser(
        "watch", help="fetch each source page and record in archive/source-log.yml what changed",
        description="Fetch each readout's source address (one request at a time, robots.txt respected), compare "
                    "the page's article with the archived text and add what changed to archive/source-log.yml: "
                    "live, edited (the sentences added and removed), moved, removed (gone twice in a row), "
                    "restored, unreachable. Exit 0 when it ran, 1 when the archive has errors.")
    watch.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a page (default 30)")
    watch.add_argument("--pause", type=float, default=2.0, help="seconds between two requests to one host (default 2)")
    watch.set_defaults(run=command_sources_watch)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build and check the China–Iran Readouts Archive.")
    parser.add_argument("--root", default=".", help="the project folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="check the archive, write docs/ and build site/",
                                description="Check the archive, write the generated pages into docs/ and build site/ "
                                            "with MkDocs in strict mode. On any error nothing is changed.")
    build.add_argument("--site-dir", help="where to build the site (default: site/)")
    build.add_argument("--pages-only", action="store_true", help="write docs/ only; do not run MkDocs")
    build.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    build.add_argument("--full", action="store_true",
                       help="render every page with MkDocs, not only the pages that changed since the last build")
    build.add_argument("--renderer", choices=RENDERERS, default=MKDOCS,
                       help="what renders docs/ into the site: mkdocs (default), or zensical when it is installed")
    build.set_defaults(run=command_build)

    serve = commands.add_parser("serve", help="live preview; rebuilds when archive/ or templates/ change",
                                description="Serve the site on localhost and rebuild it when archive/, templates/ "
                                            "or docs/ change.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.add_argument("--full", action="store_true",
                       help="rebuild every page on each change (slower; after editing mkdocs.yml or the theme)")
    serve.set_defaults(run=command_serve)

    check = commands.add_parser("check", help="validate the archive, or the given readout files",
                                description="Validate the whole archive, or the given readout files against the "
                                            "registries. Prints path:line:col: error|warning: message (hint). "
                                            "Exit 0 when clean, 1 on errors, 2 on usage errors.")
    check.add_argument("paths", nargs="*", help="readout files to check (default: the whole archive)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github prints GitHub Actions annotations")
    check.add_argument("--strict", action="store_true", help="count warnings as errors")
    check.set_defaults(run=command_check)

    clean = commands.add_parser("clean", help="remove what builds made: docs/'s generated pages, site/, the records",
                                description="Remove the generated parts of docs/ (every kind of page the build "
                                            "writes), site/ and the build's records. Hand-written pages stay.")
    clean.set_defaults(run=command_clean)

    _add_new_parser(commands)

    _add_sources_parser(commands)

    fields = commands.add_parser("fields", help="rewrite the field reference in CONTRIBUTING.md from the schema",
                                 description="Rewrite the block between the field-reference markers in CONTRIBUTING.md "
                                             "from generator/archive/schema.py, so the reference never drifts from the check.")
    fields.set_defaults(run=command_fields)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: a failed build has already put docs/ and site/ back
        print("interrupted: docs/ and site/ are as they were", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
