"""The shape check that keeps over-deep or over-long queries away from Oxigraph's parser."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from policygraph.sparql.limits import MAX_DEPTH, MAX_JOINTS, check_query_shape, measure, nesting_depth
from policygraph.sparql.query import named_queries


def _reference_depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth = max(depth - 1, 0)
    return deepest


@given(st.text(alphabet="()[]{} ?x1+.", max_size=200))
def test_depth_is_plain_bracket_depth_without_strings(text: str) -> None:
    assert nesting_depth(text) == _reference_depth(text)


@given(st.text(alphabet="()[]{}x", max_size=60), st.text(alphabet="()[]{}x", max_size=60))
def test_brackets_inside_strings_and_comments_do_not_count(inside: str, outside: str) -> None:
    for wrapped in (f'"{inside}"', f"'{inside}'", f'"""{inside}"""', f"# {inside}\n"):
        assert nesting_depth(outside + wrapped + outside) == max(
            _reference_depth(outside), _reference_depth(outside + outside))


def test_an_iri_that_may_be_less_than_counts_its_openers() -> None:
    # `?a <(((…)))> 1` is an IRI to a tokenizer, but "less than" followed by brackets to a parser.
    assert nesting_depth("FILTER(?a <((((x))))> 1)") >= 5
    assert nesting_depth("SELECT * { ?s <http://example.org/a> ?o }") == 1


def test_the_shipped_queries_pass_with_a_wide_margin() -> None:
    for q in named_queries().values():
        depth, joints = measure(q.text)
        assert depth * 10 < MAX_DEPTH and joints * 10 < MAX_JOINTS, q.name
        assert check_query_shape(q.text) is None


#: Basic graph patterns of many triples parse fast but take Oxigraph's join planner seconds to run
#: (12 s each at 190): the thread test runs them at 60, far from any parser limit either way.
PLANNED = frozenset({"triples", "semicolons", "commas"})


def _attacks(n: int) -> dict[str, str]:
    return {
        "paren": "SELECT * { FILTER(" + "(" * n + "1" + ")" * n + ") }",
        "plus": "SELECT (" + "+".join(["1"] * n) + " AS ?x) {}",
        "minus": "SELECT (" + "-".join(["1"] * n) + " AS ?x) {}",
        "or": "SELECT * { FILTER(" + "||".join(["true"] * n) + ") }",
        "union": "SELECT * { " + " UNION ".join(["{}"] * n) + " }",
        "triples": "SELECT * { " + " . ".join(f"?s <http://p> ?o{i}" for i in range(n)) + " }",
        "optional": "SELECT * { " + " ".join(f"OPTIONAL {{ ?s <http://p> ?o{i} }}" for i in range(n)) + " }",
        "bind": "SELECT * { " + " ".join(f"BIND({i} AS ?b{i})" for i in range(n)) + " }",
        "filter": "SELECT * { " + "FILTER(true) " * n + "}",
        "semicolons": "SELECT * { ?s " + " ; ".join(f"<http://p> ?o{i}" for i in range(n)) + " }",
        "commas": "SELECT * { ?s <http://p> " + " , ".join(f"?o{i}" for i in range(n)) + " }",
        "not": "SELECT * { FILTER(" + "!" * n + "true) }",
    }


def test_every_chain_that_crashes_oxigraph_is_refused() -> None:
    # Each of these segfaults Oxigraph's parser at 10,000 (measured; 20,000 with a margin).
    for name, q in _attacks(20_000).items():
        reason = check_query_shape(q)
        assert reason is not None and "overflow" in reason, name
        assert "\n" not in reason


def test_a_huge_query_is_refused_by_length_first() -> None:
    assert "characters long" in (check_query_shape("#" + "x" * 2_000_000) or "")
    assert check_query_shape("SELECT * {}", max_length=5) is not None


def test_what_the_check_lets_through_runs_in_a_thread() -> None:
    """Queries just under both bounds run in a worker thread of a fresh process without a crash."""
    script = textwrap.dedent("""
        import sys, threading, pyoxigraph as ox
        from policygraph.sparql.limits import check_query_shape
        sys.path.insert(0, sys.argv[1])
        from test_limits import _attacks, PLANNED
        store, done = ox.Store(), []
        def go():
            chains = _attacks(int(sys.argv[3]))
            for name, q in _attacks(int(sys.argv[2])).items():
                if name in PLANNED:
                    q = chains[name]
                assert check_query_shape(q) is None, name
                r = store.query(q)
                list(r) if not isinstance(r, ox.QueryBoolean) else bool(r)
                done.append(name)
        t = threading.Thread(target=go)
        t.start()
        t.join()
        print(len(done))
    """)
    from pathlib import Path

    n = min(MAX_DEPTH, MAX_JOINTS // 2) - 10  # `||` counts twice, a triple's IRI once more
    ran = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(n), "60"],
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip() == str(len(_attacks(n)))
