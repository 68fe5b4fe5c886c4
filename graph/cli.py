"""The `policygraph` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from . import __version__
from .build import build
from .extract import extract
from .models import DocumentRecord, Failure
from .read import iter_corpus


def _summary(rec: DocumentRecord) -> str:
    def row(label: str, value: object) -> str:
        return f"{label:<13}{value if value not in (None, '', ()) else '—'}"

    out = [
        row("source", rec.source),
        row("number", rec.number),
        row("title", rec.title),
        row("issuers", "、".join(rec.issuers)),
        row("jurisdiction", rec.jurisdiction),
        row("level", rec.level),
        row("date", rec.date),
        row("published", rec.web_date),
    ]
    if rec.evidence:
        out.append("evidence")
        out += [f"  {k:<12} {v}" for k, v in sorted(rec.evidence.items())]
    out.append(f"citations    {len(rec.citations)}")
    for c in rec.citations:
        target = c.number or f"《{c.title}》"
        extra = f" {c.title}" if c.number and c.title else ""
        lvl = f" [{c.level}{', ' + c.jurisdiction if c.jurisdiction else ''}]" if c.level else ""
        out.append(f"  {c.relation:<10} {target}{extra}{lvl}  (by {c.found_by}, {c.confidence})")
        out.append(f"             “{c.evidence[:120]}”")
    for p in rec.parts:
        out.append(f"embedded     {p.number or '—'} {p.title or ''} "
                   f"[{p.level or '?'}, {p.jurisdiction or '?'}, {p.date or '?'}]")
        for c in p.citations:
            out.append(f"  {c.relation:<10} {c.number or '《' + (c.title or '') + '》'}")
    if rec.warnings:
        out.append("warnings")
        out += [f"  {w}" for w in rec.warnings]
    return "\n".join(out)


def cmd_inspect(args: argparse.Namespace) -> int:
    status = 0
    for item in iter_corpus(args.file):
        if isinstance(item, Failure):
            print(f"{item.path}: {item.reason}", file=sys.stderr)
            status = 1
            continue
        rec = extract(item)
        if args.json:
            print(json.dumps(rec.to_dict(), ensure_ascii=False, indent=None if args.compact else 2))
        else:
            print(_summary(rec))
            print()
    return status


def _print_outputs(paths: dict[str, Path]) -> None:
    for name, path in paths.items():
        print(f"{name:<10} {path}")


def cmd_build(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"policygraph: {corpus}: no such file or folder", file=sys.stderr)
        return 2
    paths = build(corpus, Path(args.out), show_progress=not args.quiet and sys.stderr.isatty())
    _print_outputs(paths)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    root = resources.files("policygraph.examples").joinpath("corpus")
    with resources.as_file(root) as corpus:
        paths = build(corpus, Path(args.out))
    print(f"Built the bundled example corpus ({sum(1 for _ in Path(corpus).rglob('*.*'))} files) into "
          f"{Path(args.out).resolve()}:")
    _print_outputs(paths)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="policygraph",
        description="Extract identities and citations from Chinese policy documents.",
    )
    p.add_argument("--version", action="version", version=f"policygraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("inspect", help="show what one document is and what it cites")
    pi.add_argument("file", help="a .txt, .html, .json or .jsonl file")
    pi.add_argument("--json", action="store_true", help="print the document record as JSON")
    pi.add_argument("--compact", action="store_true", help="one JSON object per line")
    pi.set_defaults(func=cmd_inspect)

    pb = sub.add_parser("build", help="extract a whole corpus into an output folder")
    pb.add_argument("corpus", help="a folder (searched recursively) or a file")
    pb.add_argument("--out", required=True, help="output folder")
    pb.add_argument("--quiet", action="store_true", help="no progress bar")
    pb.set_defaults(func=cmd_build)

    pd = sub.add_parser("demo", help="build the bundled example corpus")
    pd.add_argument("--out", default="out", help="output folder (default: ./out)")
    pd.set_defaults(func=cmd_demo)

    args = p.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
