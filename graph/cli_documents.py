"""The commands that take a document of a build: `cascade`, `measures`, `compare`, and
`inspect DIR DOCUMENT`. Each resolves what the person typed the same way (corpus/lookup.py)
and names documents as corpus/names.py does; ids stay only in machine formats (CSV, JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policygraph.export.text import record_text
from policygraph.models import DocumentRecord, Measures, Part

if TYPE_CHECKING:  # only the commands that read a graph import these
    import networkx as nx

    from policygraph.corpus.lookup import Candidate, Resolution

#: How every command taking a document says what it accepts (corpus/lookup.py).
DOCUMENT_HELP = ("a number in any written variant, a title or its beginning or a part of it, a file "
                 "name or path, or a node id")

#: The columns of a cascade table, as analytics.cascade names them, with each document's name
#: (corpus/names.py) beside its id; a table for people shows the names only.
CASCADE_COLUMNS = ("level", "id", "name", "jurisdiction", "date", "lag_days", "relation", "parent",
                   "parent_name", "lag_parent_days", "depth")
CASCADE_TABLE = ("name", "jurisdiction", "date", "lag_days", "relation", "parent_name", "lag_parent_days",
                 "depth")
#: Candidates an ambiguous query lists before saying how many more there are.
MAX_CHOICES = 20
_HOW = {"id": "id", "number": "number", "file": "file name", "title": "exact title",
        "prefix": "title beginning", "substring": "part of the title"}


def _pick(res: Resolution, where: str) -> Candidate | None:
    """The one document a query names, or None after telling the person (stderr) what the
    query matched instead: the candidates to choose from, or near matches."""
    if res.found:
        return res.found
    err = sys.stderr
    if res.matches:
        print(f"policygraph: \"{res.query}\" matches {len(res.matches)} documents in {where} "
              f"(by {_HOW[res.how]}); choose one and give its id:", file=err)
        for c in res.matches[:MAX_CHOICES]:
            print(f"  {c.line}", file=err)
        if len(res.matches) > MAX_CHOICES:
            print(f"  … and {len(res.matches) - MAX_CHOICES} more: type more of the title", file=err)
        return None
    near = "; near matches:" if res.suggestions else " (a number in any variant, a title or a part of " \
        "one, a file name or a node id)"
    print(f"policygraph: no document in {where} matches \"{res.query}\"{near}", file=err)
    for c in res.suggestions:
        print(f"  {c.line}", file=err)
    return None


def _graph(folder: Path, quiet: bool = False) -> nx.DiGraph | None:
    """A build's graph, or None (said on stderr unless `quiet`) when it has none."""
    from policygraph.export.tables import read_graphml

    path = folder / "graph.graphml"
    if not path.is_file():
        if not quiet:
            print(f"policygraph: {path} not found; run `policygraph build CORPUS --out {folder}` first",
                  file=sys.stderr)
        return None
    return read_graphml(path)


def cmd_cascade(args: argparse.Namespace) -> int:
    from policygraph.corpus.analytics import cascade, relations_arg
    from policygraph.corpus.lookup import graph_candidates, resolve
    from policygraph.sparql.query import format_rows

    try:
        relations = relations_arg(getattr(args, "relations", None))
    except ValueError as err:
        print(f"policygraph: --relations: {err}", file=sys.stderr)
        return 2
    g = _graph(Path(args.dir))
    if g is None:
        return 2
    found = _pick(resolve(args.document, graph_candidates(g.nodes(data=True))), args.dir)
    if found is None:
        return 2
    rows = [{**r, "name": _name(g, r["id"]), "parent_name": _name(g, r["parent"])}
            for r in cascade(g, found.id, include_probable=args.probable, relations=relations)]
    if args.html:
        refused = _page_refused(Path(args.html))
        if refused:
            print(f"policygraph cascade: {refused}", file=sys.stderr)
            return 2
        page = _cascade_page(g, found.id, args.probable, Path(args.dir), Path(args.html), relations)
        print(f"wrote {page}")
    if args.format != "table":
        sys.stdout.write(format_rows(list(CASCADE_COLUMNS), _cells(rows, CASCADE_COLUMNS), args.format))
        return 0
    _print_cascade(g, found.id, rows, args.probable, relations)
    return 0


def _page_refused(page: Path) -> str | None:
    """Why the cascade page may not be written at `page`: never over a file that is there (the
    user's, or a build's own explorer), never into a folder that is not."""
    if page.exists() or page.is_symlink():
        return f"{page} is there already: give a new file name (nothing is overwritten)"
    if not page.parent.is_dir():
        return f"{page.parent} is no folder: give --html a file in a folder that exists"
    return None


def _name(g: nx.DiGraph, node: str) -> str:
    from policygraph.corpus.names import attrs_name

    return attrs_name(node, g.nodes[node])


def _cells(rows: list[dict], columns: Sequence[str]) -> list[list[str | None]]:
    return [[None if r[c] is None else str(r[c]) for c in columns] for r in rows]


def _cascade_page(g: nx.DiGraph, root: str, probable: bool, folder: Path, page: Path,
                  relations: frozenset[str]) -> Path:
    """The explorer page of a cascade (following `relations`), with the build's comparisons along it."""
    from policygraph.corpus.compare import Comparison
    from policygraph.export.html.render import cascade_subgraph, cascade_title, render

    sub = cascade_subgraph(g, root, probable, relations)
    comps = []
    path = folder / "comparisons.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            c = Comparison.from_dict(json.loads(line))
            if c.child in sub and c.parent in sub:
                comps.append(c)
    return render(sub, page, cascade_title(g, root), comps, _labels(), root=root)


def _labels() -> dict[str, str]:
    """The label of each concept of the shipped measure scheme."""
    from policygraph.extract.measures import load_scheme

    return {k: v.label for k, v in load_scheme().concepts.items()}


def _print_cascade(g: nx.DiGraph, root: str, rows: list[dict], probable: bool,
                   relations: frozenset[str] = frozenset()) -> None:
    """The cascade as tables: the root, its cascade level by level, its reach by province."""
    from policygraph.corpus.analytics import CASCADE_RELATIONS, by_level, followed, province_reach
    from policygraph.sparql.query import format_rows

    a = g.nodes[root]
    print(f"cascade of {_name(g, root)}")
    print(f"  {a.get('level') or 'level unknown'}, {a.get('jurisdiction') or ''}, "
          f"{a.get('date') or 'date unknown'}; "
          f"{'stated and probable links' if probable else 'stated links only'}; "
          f"{followed(relations or CASCADE_RELATIONS)}")
    for level, group in by_level(rows).items():
        print(f"\n{level} ({len(group)})")
        sys.stdout.write(format_rows(list(CASCADE_TABLE), _cells(group, CASCADE_TABLE), "table"))
    reach = province_reach(g, root, include_probable=probable, relations=relations or CASCADE_RELATIONS)
    if reach:
        print("\nreach by province")
        sys.stdout.write(format_rows(list(reach[0]), _cells(reach, list(reach[0])), "table"))


@dataclass(frozen=True)
class Found:
    """A document of a build that a query names: how it was matched, and its record, or the
    embedded part of a record, as documents.jsonl holds it."""

    candidate: Candidate
    record: DocumentRecord | Part

    @property
    def measures(self) -> Measures:
        return self.record.measures or Measures()


def _find_record(folder: Path, wanted: str) -> Found | None:
    """The record (or embedded part) of a build that `wanted` names (corpus/lookup.py), or None
    after saying why: missing build, no match, several matches, or a document only cited.
    Documents are named as the build's graph names them (with their version, which a record
    does not know), when the build has its graph."""
    from policygraph.corpus.lookup import graph_candidates, record_candidates, resolve

    path = folder / "documents.jsonl"
    if not path.is_file():
        print(f"policygraph: {path} not found; run `policygraph build CORPUS --out {folder}` first",
              file=sys.stderr)
        return None
    g = _graph(folder, quiet=True)
    nodes = {c.id: c for c in graph_candidates(g.nodes(data=True))} if g is not None else {}
    with path.open(encoding="utf-8") as f:  # one record decoded at a time: a build can be large
        cands = [(nodes.get(c.id, c), i, k) for c, i, k in record_candidates(_records(f))]
    res = resolve(wanted, [c for c, _i, _k in cands])
    textless = _only_cited(g, resolve(wanted, list(nodes.values())), res) if g is not None else []
    if textless and not res.matches:
        _say_only_cited(wanted, textless, more=False)
        return None
    found = _pick(res, str(folder))
    if textless:
        _say_only_cited(wanted, textless, more=True)
    if found is None:
        return None
    i, k = next((i, k) for c, i, k in cands if c is found)
    with path.open(encoding="utf-8") as f:
        rec = next(r for n, r in enumerate(_records(f)) if n == i)
    return Found(found, rec if k is None else rec.parts[k])


def _records(lines: Iterable[str]) -> Iterator[DocumentRecord]:
    return (DocumentRecord.from_dict(json.loads(line)) for line in lines)


def _say_only_cited(wanted: str, textless: list[Candidate], more: bool) -> None:
    """Say (stderr) which documents `wanted` names that have no record: they are only cited.
    `more`: besides the documents with a record that were matched."""
    one = len(textless) == 1
    what = "1 more document" if one else f"{len(textless)} more documents"
    head = (f"{what} of the build {'matches' if one else 'match'} \"{wanted}\" but" if more else
            textless[0].name if one else f"\"{wanted}\" matches {len(textless)} documents that")
    names = "; ".join(c.name for c in textless[:MAX_CHOICES]) if more else ""
    print(f"policygraph: {head} {'is' if one else 'are'} only cited in this build: "
          f"{'it has' if one else 'they have'} no text in the corpus, so no record or measures"
          + (f": {names}" if names else ""), file=sys.stderr)


def _only_cited(g: nx.DiGraph, in_graph: Resolution, in_records: Resolution) -> list[Candidate]:
    """The documents `cascade` would match and a record cannot: those of the graph matched the
    same way (or any way, when the records match none) that are only cited, without text."""
    if in_records.matches and in_graph.how != in_records.how:
        return []
    return [c for c in in_graph.matches if g.nodes[c.id].get("kind") in ("cited", "title")]


def cmd_measures(args: argparse.Namespace) -> int:
    from policygraph.export.text import measures_text

    found = _find_record(Path(args.dir), args.document)
    if found is None:
        return 2
    cand = found.candidate
    if args.format == "json":
        print(json.dumps({"id": cand.id, "name": cand.name, **found.measures.to_dict()},
                         ensure_ascii=False, indent=2))
        return 0
    print(measures_text(cand.name, found.measures))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from policygraph.corpus.compare import compare
    from policygraph.export.text import comparison_text

    child = _find_record(Path(args.dir), args.child)
    parent = _find_record(Path(args.dir), args.parent) if child else None
    if child is None or parent is None:
        return 2
    cc, pc = child.candidate, parent.candidate
    place = child.record.jurisdiction
    c = compare(cc.id, pc.id, child.measures, parent.measures,
                same_scale=bool(place) and place == parent.record.jurisdiction)
    if args.format == "json":
        print(json.dumps({**c.to_dict(), "child_name": cc.name, "parent_name": pc.name},
                         ensure_ascii=False, indent=2))
        return 0
    print(comparison_text(c, _labels(), {cc.id: cc.name, pc.id: pc.name}))
    return 0


def inspect_in_build(folder: Path, document: str, as_json: bool, compact: bool) -> int:
    """`inspect DIR DOCUMENT`: the record of a document of a build, as text or JSON."""
    found = _find_record(folder, document)
    if found is None:
        return 2
    stored = found.record.to_dict()
    print(json.dumps(stored, ensure_ascii=False, indent=None if compact else 2) if as_json
          else record_text(found.record if isinstance(found.record, DocumentRecord) else stored))
    return 0


def doc_param(folder: Path, value: str) -> str:
    """The value a named query's `doc` parameter gets for what the person typed: a number in
    its canonical form (any variant), a document the build's graph resolves to one (a title, a
    file) by its number, else its title; anything else (a work's name matching its versions, a
    miss) as typed, for the query to answer."""
    from policygraph.corpus.lookup import canonical_number, graph_candidates, resolve

    number = canonical_number(value)
    if number:
        return number
    g = _graph(folder, quiet=True)
    found = resolve(value, graph_candidates(g.nodes(data=True))).found if g is not None else None
    return (found.number or found.title or value) if found else value
