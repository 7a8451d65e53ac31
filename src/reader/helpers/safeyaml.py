"""Loading YAML that a user (or an attacker) wrote: the safe loader, no aliases, no giant numbers.

Safe YAML still has two traps: aliases (`*name`) let a few hundred bytes stand for billions of
entries (the "billion laughs"), which blow up whatever walks the data afterwards, and an integer
of thousands of digits raises Python's own ValueError. Every YAML file baldreader reads (notes,
config, state, themes) goes through `load`, which refuses both with a `yaml.YAMLError`.
"""

from __future__ import annotations

from typing import Any

import yaml

# The C-accelerated safe loader when libyaml is present: the same constructors, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class AliasRefused(yaml.YAMLError):
    """The document uses an alias (`*name`): refused, as baldreader's files never need one."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("aliases (*name) are not allowed")
        self.problem = "aliases (*name) are not allowed"
        self.problem_mark = mark


class ValueRefused(yaml.YAMLError):
    """A scalar Python cannot hold (e.g. an integer of thousands of digits)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.problem = message


def load(raw: bytes | str) -> Any:
    """The one document in `raw`, as plain Python data; raises `yaml.YAMLError` (including for
    aliases and unrepresentable values, and `yaml.constructor.ConstructorError` for tags)."""
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_shared_nodes(node)
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError) as exc:
            raise ValueRefused(f"a value cannot be read ({str(exc)[:80]})") from None
    finally:
        loader.dispose()


def _refuse_shared_nodes(root: yaml.Node) -> None:
    """An alias makes the composer hand back a node already seen: any node reached twice is one."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise AliasRefused(node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
