"""The import graph of src/reader: every `import` and `from … import` of a reader module, at
module level, inside functions, and under `if TYPE_CHECKING:`, counted apart; the cycles among
modules (strongly connected components, all three kinds of import together); and, with
--packages, the imports between the package's top-level parts (what the layers in
pyproject.toml's import-linter contracts forbid or allow).

    python tools/import_graph.py                 counts and cycles; exit status 1 on a cycle
    python tools/import_graph.py --packages      which part imports which
    python tools/import_graph.py --dot > g.dot   the graph for Graphviz
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "reader"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path, modules: set[str]) -> list[tuple[str, str]]:
    """(imported module, kind) for each import of a reader module in this file; kind is
    'module', 'function' or 'type_checking'."""
    name = module_name(path)
    found: list[tuple[str, str]] = []

    def target(candidate: str) -> str | None:
        while candidate and candidate not in modules:
            candidate = candidate.rpartition(".")[0]
        return candidate or None

    def visit(node: ast.AST, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            child_kind = kind
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                child_kind = "function" if kind == "module" else kind
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for sub in child.body:
                    visit_one(sub, "type_checking")
                for sub in child.orelse:
                    visit_one(sub, kind)
                continue
            visit_one(child, child_kind)

    def visit_one(child: ast.AST, kind: str) -> None:
        if isinstance(child, ast.Import):
            for alias in child.names:
                if alias.name.split(".")[0] == PACKAGE and (t := target(alias.name)):
                    found.append((t, kind))
        elif isinstance(child, ast.ImportFrom):
            base = _resolve(child, name, path.name == "__init__.py")
            if base.split(".")[0] != PACKAGE:
                return
            for alias in child.names:
                t = target(f"{base}.{alias.name}") if f"{base}.{alias.name}" in modules else target(base)
                if t:
                    found.append((t, kind))
        else:
            kind_inside = kind
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) and kind == "module":
                kind_inside = "function"
            visit(child, kind_inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), "module")
    return [(t, k) for t, k in found if t != name]


def graph() -> tuple[dict[str, set[str]], Counter[str]]:
    paths = sorted((ROOT / PACKAGE).rglob("*.py"))
    modules = {module_name(p) for p in paths}
    edges: dict[str, set[str]] = defaultdict(set)
    kinds: Counter[str] = Counter()
    for path in paths:
        for imported, kind in imports_of(path, modules):
            kinds[kind] += 1
            edges[module_name(path)].add(imported)
    for module in modules:
        edges.setdefault(module, set())
    return edges, kinds


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative).
    A package's __init__ importing its own submodules is no cycle of the design, but it is
    counted like any other import here: the graph is what Python sees."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def part(module: str) -> str:
    pieces = module.split(".")
    return ".".join(pieces[:2]) if len(pieces) > 1 else module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", action="store_true", help="imports between the package's top-level parts")
    parser.add_argument("--dot", action="store_true", help="the module graph in Graphviz's language")
    args = parser.parse_args(argv)
    edges, kinds = graph()
    if args.dot:
        print("digraph reader {")
        for source in sorted(edges):
            for imported in sorted(edges[source]):
                print(f'  "{source}" -> "{imported}";')
        print("}")
        return 0
    if args.packages:
        between: dict[str, set[str]] = defaultdict(set)
        for source, targets in edges.items():
            for imported in targets:
                if part(source) != part(imported):
                    between[part(source)].add(part(imported))
        for source in sorted({part(m) for m in edges}):
            print(f"{source} -> {', '.join(sorted(between[source])) or '(nothing of reader)'}")
        return 0
    found = cycles(edges)
    print(f"{len(edges)} modules, {sum(len(t) for t in edges.values())} module-to-module imports")
    print(
        f"import statements of reader modules: {kinds['module']} at module level, "
        f"{kinds['function']} inside functions, {kinds['type_checking']} under TYPE_CHECKING"
    )
    print(f"cycles: {len(found)}")
    for component in found:
        print(f"  {len(component)} modules: {', '.join(component)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
