"""`policygraph query` run so that no query can hang, crash or garble the command.

The query runs in a forked child: a time limit then really stops it (the child is killed; an
engine in the same process could only be abandoned, still running), and a crash of the engine
ends the child, not the command. Syntax errors are reported at the line and column of the text
the user wrote: the prefixes declared in front and the parameters bound inside are taken out.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from policygraph.children import die_with_parent
from policygraph.sparql.limits import check_query_shape
from policygraph.sparql.query import bind_at, prepare

DEFAULT_TIMEOUT = 60.0


class QueryError(Exception):
    """A query that could not be answered: one line for the user, and the exit status
    (2: the query or its input is wrong, 1: it failed or ran out of time)."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, int]]:  # sent from the child whole
        return QueryError, (str(self), self.status)


@dataclass(frozen=True)
class Answer:
    """Rows of a SELECT or ASK query, or the Turtle of a CONSTRUCT or DESCRIBE one."""

    names: list[str]
    rows: list[list[str | None]]
    turtle: str | None = None


@dataclass(frozen=True)
class _Shift:
    """Where the text sent to the engine differs from the user's: prefix lines added in front,
    and `lines` lines of VALUES inserted after column `col` of line `line` (1-based, the user's)."""

    prefix_lines: int
    line: int = 0
    col: int = 0
    lines: int = 0

    def user_position(self, line: int, col: int) -> tuple[int, int]:
        """The user's line and column (both 1-based) of the engine's `line`, `col`."""
        line -= self.prefix_lines
        if self.lines and line > self.line:
            if line <= self.line + self.lines:  # inside the inserted VALUES: at the `{`
                return self.line, self.col
            line -= self.lines
            if line == self.line + 1:  # the rest of the line the VALUES were inserted in
                return self.line, self.col + col
            line -= 1
        return max(line, 1), col


def sent_text(text: str, params: dict[str, str]) -> tuple[str, _Shift]:
    """The query text as the engine gets it, and how it is shifted from `text`."""
    bound, at = bind_at(text, params)
    full = prepare(bound)
    prefix_lines = full[:len(full) - len(bound)].count("\n")
    if at is None:
        return full, _Shift(prefix_lines)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1)
    return full, _Shift(prefix_lines, line, col, bound.count("\n") - text.count("\n") - 1)


_OX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def _syntax_message(error: Exception, shift: _Shift) -> str:
    """One line naming the user's line and column, from Oxigraph's or rdflib's error."""
    text = str(error).strip()
    m = _OX_POSITION.match(text)
    if m:
        where, what = (int(m.group(1)), int(m.group(2))), m.group(3)
    elif hasattr(error, "lineno") and hasattr(error, "col"):
        where, what = (int(error.lineno), int(error.col)), re.sub(r"\s*\(at char.*$", "", text)
    else:
        return f"SPARQL syntax error: {' '.join(text.split())}"
    line, col = shift.user_position(*where)
    return f"SPARQL syntax error at line {line}, column {col}: {' '.join(what.split())}"


def _answer_oxigraph(folder: Path, text: str) -> Answer:
    import pyoxigraph as ox

    from policygraph.export.terms import PREFIXES
    from policygraph.sparql.store import open_store

    store = open_store(folder)
    if store is None:
        raise QueryError(f"{folder / 'store'} not found; rebuild with `policygraph build`")
    res = store.query(text)
    if isinstance(res, ox.QueryBoolean):
        return Answer(["ask"], [[str(bool(res)).lower()]])
    if isinstance(res, ox.QueryTriples):
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        data = ox.serialize(res, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
        return Answer([], [], data.decode("utf-8"))
    names = [v.value for v in res.variables]
    return Answer(names, [[None if row[n] is None else row[n].value for n in names] for row in res])


def _answer_rdflib(folder: Path, text: str) -> Answer:
    from rdflib import Graph

    from policygraph.export.terms import PREFIXES
    from policygraph.sparql.query import plain

    ttl = folder / "graph.ttl"
    if not ttl.is_file():
        raise QueryError(f"{ttl} not found; run `policygraph build CORPUS --out {folder}` first")
    res = Graph().parse(ttl, format="turtle").query(text)
    if res.type == "ASK":
        return Answer(["ask"], [[str(bool(res.askAnswer)).lower()]])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        if res.graph is None or not len(res.graph):
            return Answer([], [], "")
        for prefix, namespace in PREFIXES.items():
            res.graph.bind(prefix, namespace)
        return Answer([], [], res.graph.serialize(format="turtle"))
    names = [str(v) for v in res.vars or ()]
    return Answer(names, [[plain(row[i]) for i in range(len(names))] for row in res])  # type: ignore[index]


def _child(conn: Connection, parent: int, folder: Path, text: str, engine: str, shift: _Shift) -> None:
    die_with_parent(parent)
    try:
        answer = _answer_oxigraph(folder, text) if engine == "oxigraph" else _answer_rdflib(folder, text)
        conn.send(answer)
    except QueryError as e:
        conn.send(e)
    except SyntaxError as e:
        conn.send(QueryError(_syntax_message(e, shift)))
    except Exception as e:
        if type(e).__name__ == "ParseException":  # rdflib's parser (pyparsing)
            conn.send(QueryError(_syntax_message(e, shift)))
        else:
            conn.send(QueryError(f"the query failed: {' '.join(str(e).split())[:500]}", 1))
    finally:
        conn.close()


def answer(folder: Path, text: str, params: dict[str, str], engine: str = "oxigraph",
           timeout: float = DEFAULT_TIMEOUT) -> Answer:
    """Run the user's `text` (with `params` bound) on the build in `folder` within `timeout`
    seconds; raises QueryError with a one-line message otherwise."""
    reason = check_query_shape(text)
    if reason is not None:
        raise QueryError(reason)
    try:
        full, shift = sent_text(text, params)
    except ValueError as e:
        raise QueryError(str(e)) from None
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, os.getpid(), folder, full, engine, shift), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"the query took longer than {timeout:g} s and was stopped "
                             "(--timeout SECONDS allows more)", 1)
        try:
            got = receive.recv()
        except EOFError:
            child.join(5)
            raise QueryError(f"the query engine crashed on this query (exit status {child.exitcode})", 1) \
                from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if isinstance(got, QueryError):
        raise got
    return got

