"""Golden pages: the generated docs/ of the fixture archive, checked in and compared.

After a deliberate change to the output, regenerate them with `make golden`
(python -m tests.golden) and review the diff.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.publish.pipeline import generate
from tests.conftest import make_project

GOLDEN = Path(__file__).resolve().parent / "golden"
# Binary downloads are left out: their bytes follow the SQLite library's version (the data tests check them).
BINARY = (".sqlite",)


def generated_pages(workdir: Path) -> dict[str, str]:
    root = make_project(workdir / "project")
    generated = generate(root)
    docs = root / "docs"
    return {path: (docs / path).read_text(encoding="utf-8") for path in sorted(generated.report.written)
            if not path.endswith(BINARY)}


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        pages = generated_pages(Path(workdir))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, content in pages.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"{len(pages)} golden pages written to {GOLDEN.relative_to(Path.cwd()) if GOLDEN.is_relative_to(Path.cwd()) else GOLDEN}")


if __name__ == "__main__":
    main()
