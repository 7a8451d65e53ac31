"""The core (corpus, catalog, analysis, search, store, export, config, state) never imports Textual;
no function of the analysis is over cyclomatic complexity 25."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
CORE_MODULES = sorted(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
    if "ui" not in p.relative_to(PACKAGE).parts and p.name != "__main__.py"
)


def test_core_modules_found() -> None:
    assert "reader.corpus.parse" in CORE_MODULES
    assert "reader.cli" in CORE_MODULES
    assert not any(m.startswith("reader.ui") for m in CORE_MODULES)


def test_core_source_has_no_textual_import() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                # the command line may start the app, but only inside the function that launches it.
                if not (path == PACKAGE / "cli" / "__init__.py" and _inside_function(tree, node)):
                    offenders.append(f"{path.name}:{node.lineno}")
            if any(n.startswith("reader.ui") for n in names) and path != PACKAGE / "cli" / "__init__.py":
                offenders.append(f"{path.name}:{node.lineno} imports reader.ui")
    assert offenders == []


def _inside_function(tree: ast.AST, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and target in ast.walk(node):
            return True
    return False


def test_importing_core_loads_no_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    missing = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Binding":
                given = {k.arg for k in node.keywords}
                if not {"id", "tooltip"} <= given:
                    missing.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "BINDINGS" for t in node.targets):
                if isinstance(node.value, ast.List) and any(isinstance(e, ast.Tuple) for e in node.value.elts):
                    missing.append(f"{path.name}:{node.lineno} (a tuple, not a Binding)")
    assert missing == []


def test_the_command_line_arguments_name_the_stores_own_values() -> None:
    """cli_store_args repeats three names so that building the command line imports no store."""
    from reader import export
    from reader.cli import store_args as cli_store_args
    from reader.store import STATUSES
    from reader.store.store import STORE_NAME

    assert cli_store_args.STORE_NAME == STORE_NAME
    assert cli_store_args.FORMATS == export.FORMATS
    assert cli_store_args.STATUSES == STATUSES


def test_a_shell_search_does_not_import_the_analysis_when_nothing_changed(seeds, isolated_home) -> None:
    """`baldreader search` on an index in step with the corpus parses no article, so it needs
    neither the analysis (~0.2 s of regular expressions to compile) nor the store."""
    import subprocess
    import sys

    env = {"BALDREADER_HOME": str(isolated_home), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "reader", "--corpus", str(seeds), "search", "insider"]
    subprocess.run(run, env=env, capture_output=True, check=True)  # builds the index
    probe = (
        "import runpy, sys; sys.argv = ['baldreader', '--corpus', sys.argv[1], 'search', 'insider'];"
        "import reader.cli as c; code = c.main();"
        "print(sorted(m for m in sys.modules if m.startswith(('reader.analysis', 'reader.store', 'textual'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(seeds)], env=env, capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_no_function_of_the_analysis_is_over_complexity_25() -> None:
    """The source reader stays changeable: radon's cyclomatic complexity of every function and
    method in analysis/ is at most 25 (the same check .ci/run runs with tools/complexity.py)."""
    import importlib.util

    root = Path(__file__).parents[1]
    spec = importlib.util.spec_from_file_location("complexity", root / "tools" / "complexity.py")
    assert spec is not None and spec.loader is not None
    complexity = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(complexity)
    blocks = complexity.measured(root / "src" / "reader" / "analysis")
    assert len(blocks) > 100  # it read the analysis
    assert [b for b in blocks if b[3] > 25] == []
