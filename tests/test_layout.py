"""The package's shape: imports run one way, from the command line down to the core.

core ← archive ← pages ← outputs, contribute ← publish ← the command line. A module may import
its own folder and the folders below it, never one above or beside it, and no two modules
import each other, however indirectly.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"
LAYERS = {"core": 0, "archive": 1, "pages": 2, "outputs": 3, "contribute": 3, "publish": 4, "__main__": 5}
MAX_LINES = 400


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """The generator modules and packages that a file imports, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("generator.")}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {target for target in _imports(path) if target in modules and target != name}
            for name, path in modules.items()}


def _stage(module: str) -> str:
    return module.split(".")[1]


def test_imports_never_climb_or_cross_between_stages():
    wrong = []
    for module, targets in _graph().items():
        if module == "generator":
            continue
        for target in targets:
            if target == "generator":
                continue
            here, there = _stage(module), _stage(target)
            if here != there and LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_import_circle():
    graph = _graph()
    seen: dict[str, int] = {}  # 1 while on the current path, 2 when done
    circles = []

    def visit(module: str, path: list[str]) -> None:
        seen[module] = 1
        for target in sorted(graph[module]):
            if seen.get(target) == 1:
                circles.append(path[path.index(target):] + [target])
            elif target not in seen:
                visit(target, path + [target])
        seen[module] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module, [module])
    assert circles == []


def test_every_stage_folder_is_known():
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders == set(LAYERS) - {"__main__"}


def test_benchmarks_are_not_shipped():
    assert not list(PACKAGE.rglob("bench*.py")) and not list(PACKAGE.rglob("synthetic*.py"))
