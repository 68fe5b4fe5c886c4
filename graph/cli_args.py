"""Checks of the command line's arguments (argparse types): a value is refused with one line
before anything runs, never with a traceback after hours of work."""

from __future__ import annotations

import argparse

from policygraph.corpus.validity import check_as_of
from policygraph.export.terms import check_iri


def as_of_arg(value: str) -> str:
    try:
        return check_as_of(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def scheme_arg(text: str) -> str:
    """A measure scheme that can be read, checked before the build starts."""
    from policygraph.extract.measures.scheme import load_scheme

    try:
        scheme = load_scheme(text)
    except OSError as e:
        raise argparse.ArgumentTypeError(f"{text}: {e.strerror or e}") from None
    except Exception as e:  # rdflib's parser: not Turtle
        why = " ".join(str(e).split())[:200]
        raise argparse.ArgumentTypeError(f"{text} is not a SKOS scheme in Turtle: {why}") from None
    if not scheme.concepts:
        raise argparse.ArgumentTypeError(f"{text} holds no skos:Concept under a top concept")
    return text


def seconds_arg(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 1e9:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def scheduler_arg(text: str) -> str:
    """A Dask scheduler's address, checked for its form (whether one answers there is checked
    when the build starts, cluster.connect)."""
    from policygraph.build.cluster import host_port

    try:
        host_port(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def iri_arg(text: str) -> str:
    try:
        return check_iri(text, "")
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e).strip()) from None
