"""YAML i18n files (Rails ``ru:`` trees, flat or nested keys) -> entries with the line of each
key, from the node marks of PyYAML's safe composer (no object construction)."""

from __future__ import annotations

import re
from typing import Any

from tcheck.errors import InputError
from tcheck.load.formats.base import Resource, Text
from tcheck.load.formats.tree import MAX_ENTRIES, Node, resource_from_tree

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_SPACES = re.compile(" *")


def read(text: str, name: str) -> Resource:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "syntax error"
        raise InputError(f"{name}{where}: invalid YAML ({problem})") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: invalid YAML ({exc})") from None
    if root is None:
        return Resource(())
    budget = [MAX_ENTRIES]
    try:
        tree = _node(root, None, budget)
    except RecursionError:
        raise InputError(f"{name}: YAML nested too deeply") from None
    if budget[0] < 0:
        raise InputError(f"{name}: more than {MAX_ENTRIES} values (alias expansion?)")
    if not isinstance(tree, list):
        raise InputError(f"{name}: expected a YAML mapping of keys and strings at the top")
    return resource_from_tree(tree, name)


def _node(node: Any, key_node: Any, budget: list[int]) -> Node:
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR:
            return None
        line = (key_node or node).start_mark.line + 1
        column = node.start_mark.column + 1 + (node.style in ("'", '"'))
        if node.style in ("|", ">"):  # a block scalar's text starts on the next line
            line, column = _block_start(node.start_mark)
        return Text(node.value, line, column)
    if isinstance(node, yaml.SequenceNode):
        return [(str(i), _node(child, child, budget)) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[str, Node]] = []
        merged: list[tuple[str, Node]] = []
        for k, v in node.value:
            if k.tag == _MERGE:
                sources = v.value if isinstance(v, yaml.SequenceNode) else [v]
                for source in sources:
                    tree = _node(source, None, budget)
                    merged.extend(tree if isinstance(tree, list) else [])
            elif isinstance(k, yaml.ScalarNode):
                pairs.append((k.value, _node(v, k, budget)))
        explicit = {key for key, _ in pairs}
        # "<<: *defaults" fills in the keys the mapping does not set itself.
        pairs[:0] = [(key, child) for key, child in merged if key not in explicit]
        return pairs
    return None


def _block_start(mark: Any) -> tuple[int, int]:
    """1-based line and column where a block scalar's text starts (after its ``|`` line)."""
    buffer = mark.buffer or ""
    newline = buffer.find("\n", mark.pointer)
    if newline < 0:
        return mark.line + 1, mark.column + 1
    indent = _SPACES.match(buffer, newline + 1).end() - newline - 1  # type: ignore[union-attr]
    return mark.line + 2, indent + 1
