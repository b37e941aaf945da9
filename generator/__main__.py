"""Command line: python -m generator build | serve | check | new.

A thin layer: each command parses its arguments and calls library functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import ERROR, WARNING, ArchiveInvalid, Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _print_problems(problems: list[Problem], output_format: str = "text", stream=sys.stderr) -> None:
    for problem in problems:
        print(problem.github() if output_format == "github" else problem.text(), file=stream)


def command_build(args) -> int:
    from .pipeline import build_site, generate

    root = Path(args.root)
    try:
        if args.pages_only:
            generated = generate(root)
        else:
            generated = build_site(root, Path(args.site_dir) if args.site_dir else None, strict=not args.no_strict)
    except ArchiveInvalid as invalid:
        _print_problems(invalid.problems)
        errors = sum(p.severity == ERROR for p in invalid.problems)
        print(f"build stopped: {errors} error(s); docs/ and site/ are as they were", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as error:  # MkDocs' own failure, such as a warning in strict mode
        print(f"build stopped: {error}; site/ is as it was", file=sys.stderr)
        return EXIT_PROBLEMS
    report = generated.report
    print(f"{len(generated.archive.readouts)} readouts: {len(report.written)} pages written, "
          f"{len(report.removed)} removed, {report.unchanged} unchanged ({generated.seconds:.2f} s)")
    return EXIT_OK


def command_serve(args) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(Path(args.root) / "mkdocs.yml"), open_in_browser=False,
          dev_addr=args.dev_addr, livereload=True)
    return EXIT_OK


def command_check(args) -> int:
    from .pipeline import check_archive

    root = Path(args.root)
    only = [Path(p) for p in args.paths] or None
    if only:
        missing = [p for p in only if not p.is_file()]
        if missing:
            print(f"check: no such file: {missing[0]}", file=sys.stderr)
            return EXIT_USAGE
    _, problems = check_archive(root, only)
    stream = sys.stdout if args.format == "github" else sys.stderr
    _print_problems(problems, args.format, stream)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = sum(p.severity == WARNING for p in problems)
    failed = errors or (args.strict and warnings)
    print(f"check: {errors} error(s), {warnings} warning(s)" + (" (warnings are errors with --strict)" if args.strict and warnings else ""),
          file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


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
    build.set_defaults(run=command_build)

    serve = commands.add_parser("serve", help="live preview; rebuilds when archive/ or templates/ change",
                                description="Serve the site on localhost and rebuild it when archive/, templates/ "
                                            "or docs/ change.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
