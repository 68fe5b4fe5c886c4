"""Checks a query text must pass before any SPARQL parser sees it.

Oxigraph's parser recurses once per nesting level: some thousands of nested brackets overflow the
stack and the process dies with a segfault (a server thread's stack is smaller still), which no
exception handler can catch. The nesting is therefore measured here, with a scanner that knows
only what can hold a bracket without nesting: strings, IRIs and comments. No legitimate query
nests deeper than a few dozen levels, so the default bound leaves a wide margin on both sides.
"""

from __future__ import annotations

import re

MAX_LENGTH = 1_000_000  # characters
MAX_DEPTH = 200  # nested ( [ { together

# What may hold a bracket that is not one: long strings first, then short ones, IRIs, comments.
_OPAQUE = re.compile(
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|\#[^\n\r]*""",
    re.DOTALL,
)
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets outside strings, IRIs and comments.

    Unbalanced text is measured as it stands (a stray closer never makes the depth negative);
    the parser, not this check, says what is wrong with it.
    """
    depth = deepest = pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in "'\"<#":
            m = _OPAQUE.match(text, pos)
            if m:
                pos = m.end()
                continue
        pos += 1
    return deepest


def check_query_shape(text: str, max_length: int = MAX_LENGTH, max_depth: int = MAX_DEPTH) -> str | None:
    """Why `text` must not be parsed (one line), or None when it may.

    Meant for every place a query from outside meets a parser: `policygraph query`, `serve`.
    """
    if len(text) > max_length:
        return f"the query is {len(text):,} characters long; at most {max_length:,} are accepted"
    depth = nesting_depth(text)
    if depth > max_depth:
        return (f"the query nests brackets {depth:,} levels deep; at most {max_depth:,} are accepted "
                "(deeper nesting would overflow the parser)")
    return None
