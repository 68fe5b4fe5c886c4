"""A cascade follows the implementation relations (forwards, issues, implements, based_on) by
default and says so; plain citations (provision cross-references) join only when asked."""

from __future__ import annotations

import networkx as nx
import pytest

from policygraph.corpus.analytics import cascade, followed, level_skips, relations_arg


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for n, level in (("law", "national"), ("reg", "provincial"), ("city", "municipal"), ("fine", "provincial"),
                     ("plan", "provincial"), ("amender", "provincial")):
        g.add_node(n, level=level, date="2020-01-01")
    g.add_edge("reg", "law", relation="based_on", stated=True)  # 根据《X法》，制定本条例
    g.add_edge("city", "reg", relation="implements", stated=True)
    g.add_edge("fine", "law", relation="cites", stated=True)  # 依照《X法》第N条处罚
    g.add_edge("plan", "law", relation="probably-implements", stated=False)
    g.add_edge("amender", "reg", relation="amends", stated=True)
    return g


def test_cascade_follows_based_on_by_default_and_not_cites() -> None:
    rows = cascade(_graph(), "law")
    assert [(r["id"], r["depth"], r["relation"]) for r in rows] == [("reg", 1, "based_on"), ("city", 2, "implements")]


def test_other_relations_join_only_when_asked() -> None:
    g = _graph()
    assert {r["id"] for r in cascade(g, "law", relations=relations_arg("cites"))} == {"reg", "city", "fine"}
    assert {r["id"] for r in cascade(g, "law", relations=relations_arg("only:cites"))} == {"fine"}
    assert {r["id"] for r in cascade(g, "law", relations=relations_arg("amends"))} == {"reg", "city", "amender"}
    assert {r["id"] for r in cascade(g, "law", include_probable=True)} == {"reg", "city", "plan"}


def test_the_relations_followed_are_said_and_unknown_ones_refused() -> None:
    assert followed(relations_arg(None)) == "follows forwards, issues, based_on, implements"
    assert followed(relations_arg("cites")) == "follows forwards, issues, based_on, implements, cites"
    with pytest.raises(ValueError, match="unknown relation implement "):
        relations_arg("implement")


def test_level_skips_count_based_on() -> None:
    g = _graph()
    g.add_edge("city", "law", relation="based_on", stated=True)
    assert [(s["child"], s["parent"], s["skipped"]) for s in level_skips(g)] == [("city", "law", 1)]


def test_a_cascade_page_draws_the_relations_asked() -> None:
    from policygraph.export.html.render import cascade_subgraph

    assert set(cascade_subgraph(_graph(), "law")) == {"law", "reg", "city"}
    assert set(cascade_subgraph(_graph(), "law", relations=relations_arg("cites"))) == {"law", "reg", "city", "fine"}
