"""What the explorer's search box matches a query against, computed when the page is built.

Each document's keys are made here by the code the rest of policygraph uses: its number is
already canonical (extract/numbers.py), its title key is corpus/titles.title_key of the
simplified title, as corpus/lookup.py compares titles. The page only has to bring the typed
query to the same form, and is given the tables to do it with: the traditional → simplified
pairs (OpenCC's, for the characters the corpus's keys use), the punctuation title_key drops, and
the order-organ short forms (国令 → 国务院令) of extract/numbers.py. Documents come in the order
a list of matches shows them: national first, then by name.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import networkx as nx

from policygraph.corpus.titles import _TITLE_PUNCT, title_key
from policygraph.export.html.panel import level_of, name_of
from policygraph.extract.normalize import to_simplified
from policygraph.extract.numbers import ORDER_ORGAN_ALIASES
from policygraph.models import LEVEL_RANK

_ORDER = {lv: i for i, lv in enumerate((*LEVEL_RANK, "unknown"))}


@functools.cache
def _to_traditional() -> object:
    import opencc

    return opencc.OpenCC("s2t")


def variants(chars: set[str]) -> dict[str, str]:
    """Traditional characters (and the simplified forms OpenCC folds) that simplify to one
    of `chars`: what a query may type for them.

    >>> variants({"国", "号", "发", "a"}) == {"國": "国", "號": "号", "發": "发", "髮": "发"}
    True
    """
    conv = _to_traditional()
    out = {}
    for c in sorted(chars):
        for t in {conv.convert(c), *_EXTRA.get(c, ())}:  # type: ignore[attr-defined]
            if len(t) == 1 and t != c and to_simplified(t) == c:
                out[t] = c
    return out


#: Traditional forms OpenCC's one-to-many s2t table does not give first.
_EXTRA = {"发": ("發", "髮")}


def search_index(g: nx.DiGraph) -> dict[str, object]:
    """The search keys of every node of `g` in list order, and the tables to normalise a query."""
    ids = sorted(g.nodes, key=lambda n: (_ORDER[level_of(g.nodes[n])], name_of(n, g.nodes[n]), n))
    titles, numbers = [], []
    for n in ids:
        a: Mapping = g.nodes[n]
        titles.append(title_key(to_simplified(str(a.get("title") or ""))))
        numbers.append(str(a.get("number") or ""))
    chars = {c for k in (*titles, *numbers) for c in k}
    return {"ids": ids, "titles": titles, "numbers": numbers,
            "t2s": variants(chars), "punct": _TITLE_PUNCT.pattern,
            "orderAliases": dict(ORDER_ORGAN_ALIASES)}
