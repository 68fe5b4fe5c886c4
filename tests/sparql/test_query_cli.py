"""`policygraph query` as a careless or hostile user meets it: one-line errors at the user's own
line and column, CONSTRUCT and DESCRIBE as Turtle, a time limit that stops the query."""

from __future__ import annotations

import os
import time
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery

from policygraph.build import build
from policygraph.cli import main
from policygraph.sparql.bounded import sent_text

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
PG = "PREFIX pg: <https://w3id.org/policygraph/ns#>\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("query")
    build(EXAMPLES, out, jobs=1)
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["query", *args])
    got = capsys.readouterr()
    return code, got.out, got.err


def _raw_position(text: str) -> tuple[int, int]:
    """Where Oxigraph itself puts the error in `text`, sent as it is."""
    with pytest.raises(SyntaxError) as e:
        ox.Store().query(text)
    line, col = str(e.value).split()[2].rstrip(":").split(":")
    return int(line), int(col)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_syntax_error_is_one_line_at_the_users_line(built: Path, engine: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = "SELECT ?d\nWHERE {\n  ?d a pg:CorpusDocument .\n  FILTER(?d = )\n}"
    code, out, err = run(capsys, str(built), text, "--engine", engine)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    # Where each engine's own parser puts the error in the text as the user wrote it (the user's
    # PREFIX line, so nothing is added in front), one line up for that PREFIX line.
    if engine == "oxigraph":
        line, col = _raw_position(PG + text)
    else:
        with pytest.raises(ParseException) as e:
            parseQuery(PG + text)
        line, col = e.value.lineno, e.value.col
    assert f"syntax error at line {line - 1}, column {col}:" in err


@pytest.mark.parametrize("params", [{}, {"doc": "国发〔2019〕1号"}, {"a": "1", "b": "2", "doc": "x"}])
@pytest.mark.parametrize("where", ["WHERE {", "WHERE {  ?d a pg:CorpusDocument ."])
@pytest.mark.parametrize("bad", ["  FILTER(?d = )", "  ?d ?p", "}  GARBAGE("])
def test_positions_map_back_through_prefixes_and_bound_parameters(params: dict[str, str], where: str,
                                                                  bad: str) -> None:
    """Independent answer: where Oxigraph puts the error in the user's text with the same prefix
    declared by the user (so nothing is added in front)."""
    text = f"SELECT ?d\n{where}\n  ?d a pg:CorpusDocument .\n{bad}\n}}\n"
    full, shift = sent_text(text, params)
    assert full != text
    want_line, want_col = _raw_position(PG + text)
    got = shift.user_position(*_raw_position(full))
    if params and (want_line - 1, want_col) == (2, len(where) + 1):  # the end of the WHERE line: at `{`
        return
    assert got == (want_line - 1, want_col)


def test_an_error_inside_the_bound_values_points_at_the_brace() -> None:
    text = "SELECT ?d\nWHERE {\n  ?d a ?t .\n}\n"
    full, shift = sent_text(text, {"doc": "x"})
    values_line = full.splitlines().index('  VALUES ?doc { "x" }') + 1
    assert shift.user_position(values_line, 5) == (2, len("WHERE {"))


def test_construct_and_describe_print_turtle(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(built),
                       "CONSTRUCT { ?d a pg:CorpusDocument } WHERE { ?d a pg:CorpusDocument }")
    assert code == 0
    g = Graph().parse(data=out, format="turtle")
    code, count, _ = run(capsys, str(built), "SELECT (COUNT(*) AS ?n) WHERE { ?d a pg:CorpusDocument }",
                         "--format", "csv")
    assert len(g) == int(count.split()[1]) > 0
    for engine in ("oxigraph", "rdflib"):
        code, out, err = run(capsys, str(built), "DESCRIBE ?d WHERE { ?d a pg:CorpusDocument } LIMIT 1",
                             "--engine", engine)
        assert code == 0, err
        g = Graph().parse(data=out, format="turtle")
        assert len({s for s in g.subjects()}) >= 1 and len(g) > 3


def test_a_missing_or_unreadable_file_is_one_line(built: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(built), "--file", str(tmp_path / "nope.rq"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "nope.rq" in err
    (tmp_path / "gbk.rq").write_bytes("SELECT * { ?s ?p \"中文\" }".encode("gbk"))
    code, _, err = run(capsys, str(built), "--file", str(tmp_path / "gbk.rq"))
    assert code == 2 and "not UTF-8" in err and err.count("\n") == 1


def test_a_query_nested_10000_deep_is_refused_before_parsing(built: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    deep = "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"
    for engine in ("oxigraph", "rdflib"):
        code, out, err = run(capsys, str(built), deep, "--engine", engine)
        assert code == 2 and out == "" and "10,002 levels deep" in err


def test_brackets_written_as_escapes_count_as_brackets(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SPARQL's parser turns \u0028 into ( before it parses: 10,000 of them nest as deep
    deep = "SELECT * WHERE { FILTER(" + "\\u0028" * 10_000 + "1" + "\\u0029" * 10_000 + ") }"
    code, out, err = run(capsys, str(built), deep)
    assert code == 2 and out == "" and "10,002 levels deep" in err


def _children() -> set[int]:
    me = os.getpid()
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == me and stat[0] not in "ZX":
                found.add(int(entry))
    return found


def test_the_timeout_stops_the_query(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _children()
    start = time.monotonic()
    code, out, err = run(capsys, str(built), "--timeout", "1",
                         "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    took = time.monotonic() - start
    assert code == 1 and out == "" and "longer than 1 s" in err and err.count("\n") == 1
    assert took < 10
    assert _children() <= before  # the query's process is gone, not left running


def test_a_crash_of_the_engine_is_a_message(built: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.sparql import bounded

    monkeypatch.setattr(bounded, "_answer_oxigraph", lambda folder, text: os._exit(139))
    code, out, err = run(capsys, str(built), "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--engine", "oxigraph")
    assert code == 1 and out == "" and "crashed" in err and err.count("\n") == 1


def test_the_timeout_must_be_positive(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["query", str(built), "--timeout", "0", "ASK {}"])
    assert e.value.code == 2
