"""Checks a query text must pass before any SPARQL parser sees it.

Oxigraph's parser and planner recurse once per nesting level and once per link of a chain: some
thousands of nested brackets, or of `+`, `||`, `UNION`, `.`-separated triples or `/` path steps in
a row, overflow the stack and the process dies with a segfault (a thread's stack is smaller still),
which no exception handler can catch. Both are therefore measured here, by a scanner that knows
only what can hold such a character without it counting: strings and comments. An IRI's brackets
count as openers only (a `<` may also be "less than"), so the measure never falls below what the
parser sees. No hand-written query comes near either bound (the shipped ones nest at most 6 deep
and join at most ~100 times), and the crashes start around 5,000.
"""

from __future__ import annotations

import re

MAX_LENGTH = 1_000_000  # characters
MAX_DEPTH = 200  # nested ( [ { together
MAX_JOINTS = 2_000  # operators, separators and group keywords: the links of chains

_SKIP = re.compile(
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|\#[^\n\r]*""",
    re.DOTALL,
)
_IRI = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>""")
_WORD = re.compile(r"[A-Za-z_]+")
_KEYWORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "SERVICE"})
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
_JOINTS = frozenset(".,;+-*/|^!&=<>")


def measure(text: str) -> tuple[int, int]:
    """(deepest bracket nesting, number of joints) outside strings and comments.

    Unbalanced text is measured as it stands (a stray closer never makes the depth negative);
    the parser, not this check, says what is wrong with it.
    """
    depth = deepest = joints = pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in "'\"#" and (m := _SKIP.match(text, pos)):
            pos = m.end()
            continue
        elif ch == "<" and (m := _IRI.match(text, pos)):
            # An IRI to the parser, or a "less than" followed by brackets: count what may open.
            opened = sum(1 for c in m.group() if c in _OPEN)
            depth += opened
            deepest = max(deepest, depth)
            joints += 1
            pos = m.end()
            continue
        elif ch in _JOINTS:
            joints += 1
        elif ch.isalpha() and (m := _WORD.match(text, pos)):
            joints += m.group().upper() in _KEYWORDS
            pos = m.end()
            continue
        pos += 1
    return deepest, joints


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets outside strings and comments (see measure)."""
    return measure(text)[0]


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape(text: str) -> str:
    """The text with SPARQL's codepoint escapes processed (as the parser does before parsing)."""
    def one(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(one, text) if "\\" in text else text


def check_query_shape(text: str, max_length: int = MAX_LENGTH, max_depth: int = MAX_DEPTH,
                      max_joints: int = MAX_JOINTS) -> str | None:
    """Why `text` must not be parsed (one line), or None when it may.

    Meant for every place a query from outside meets a parser: `policygraph query`, `serve`.
    """
    if len(text) > max_length:
        return f"the query is {len(text):,} characters long; at most {max_length:,} are accepted"
    depth, joints = measure(unescape(text))  # as the parser reads it: \u0028 is a bracket
    if depth > max_depth:
        return (f"the query nests brackets {depth:,} levels deep; at most {max_depth:,} are accepted "
                "(deeper nesting would overflow the SPARQL parser)")
    if joints > max_joints:
        return (f"the query chains {joints:,} operators, separators and group keywords; at most "
                f"{max_joints:,} are accepted (longer chains would overflow the SPARQL parser)")
    return None
