"""The package's shape: imports run one way, and modules and functions stay short.

The import contracts are import-linter's, in pyproject.toml ([tool.importlinter]): the stages in
layers (core ← archive ← pages ← outputs | contribute ← publish ← the command line), no import
circles, the package never importing the benchmarks, core and archive importing neither the
renderer (pages), Jinja2 nor MkDocs, and one module alone loading MkDocs' configuration,
building or serving.
import-linter follows every import, indirect ones and those inside functions included.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"
CODE = (PACKAGE, REPO / "benchmarks")  # the package and the benchmarks; tests may hold long tables of cases
MAX_LINES = 400  # a module
MAX_FUNCTION_LINES = 60  # a function or method, its decorators and docstring included


def _python_files() -> list[Path]:
    return sorted(path for folder in CODE for path in folder.rglob("*.py"))


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"  # installed with the test dependencies
    done = subprocess.run([str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    assert f"Contracts: {len(contracts)} kept, 0 broken." in done.stdout, done.stdout  # every contract was read


def test_modules_stay_under_the_size_limit():
    long = {str(path.relative_to(REPO)): lines for path in _python_files()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_LINES}
    assert long == {}, f"split these modules: each under {MAX_LINES} lines"


def test_functions_stay_under_the_length_limit():
    long = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
                if (lines := node.end_lineno - first + 1) >= MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(REPO)}:{node.lineno} {node.name}"] = lines
    assert long == {}, f"split these functions: each under {MAX_FUNCTION_LINES} lines"


def test_benchmarks_are_not_shipped():
    assert not list(PACKAGE.rglob("bench*.py")) and not list(PACKAGE.rglob("synthetic*.py"))
