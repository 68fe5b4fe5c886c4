"""What a build's output depends on besides its input: policygraph's own files and the versions
of the libraries it uses. The up-to-date check (uptodate.py) and the cluster's check that every
worker runs the same code (cluster.py) both digest these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path


def code_files(suffixes: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """(name, path) of each of policygraph's files with one of `suffixes`, in a fixed order,
    named package/… or ontology/…. The ontology is a folder of its own in a checkout
    (pyproject.toml) and inside the package when installed from a wheel: the same files get
    the same names either way."""
    import policygraph
    import policygraph.ontology

    wanted = frozenset(suffixes)
    ontology = Path(str(policygraph.ontology.__file__)).parent
    for package, root in (("policygraph", Path(str(policygraph.__file__)).parent), ("ontology", ontology)):
        for p in sorted(root.rglob("*")):
            if p.suffix in wanted and p.is_file() and "__pycache__" not in p.parts \
                    and (root == ontology or ontology not in p.parents):
                yield f"{package}/{p.relative_to(root).as_posix()}", p


def library_versions(libraries: Iterable[str]) -> bytes:
    """name=version\\0 of each library, name=?\\0 of one not installed."""
    out = []
    for lib in libraries:
        try:
            out.append(f"{lib}={metadata.version(lib)}\0")
        except metadata.PackageNotFoundError:
            out.append(f"{lib}=?\0")
    return "".join(out).encode()
