"""A build into a folder that already holds the build of the same inputs does nothing; any
change to an input file, a setting, policygraph's code or an output file means a real build."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build, build_settings, stamps, uptodate
from policygraph.cli import main

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
build_module = importlib.import_module("policygraph.build.pipeline")  # the package's `build` is the function
KEEP = ("01_national_guobanfa_2021_58.txt", "02_zhejiang_forward.html", "03_jiangsu_supengfa_2021_102.txt")


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in KEEP:
        shutil.copy(EXAMPLES / name, corpus / name)
    return corpus


def _stats(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}


def _now(corpus: Path, **settings: object) -> uptodate.Inputs:
    return uptodate.inputs(corpus, build_settings(corpus, **settings))  # type: ignore[arg-type]


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test a moment ago count as settled (see test_a_file_changed_…)."""
    monkeypatch.setattr(stamps, "RACY_NS", 0)


@pytest.mark.usefixtures("trusting")
def test_an_unchanged_corpus_is_not_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    first = build(corpus, out, jobs=1)
    assert not first.up_to_date
    # Reading the store (query, serve) leaves it as it was, but for RocksDB's info log.
    assert main(["query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]) == 0
    before = _stats(out)
    assert "graph.ttl" in before and any(k.startswith("store/") for k in before)

    def no_build(*_a: object, **_k: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(build_module, "write_outputs", no_build)
    monkeypatch.setattr(build_module, "extract_all", no_build)
    again = build(corpus, out, jobs=2)  # the number of workers does not change the output
    assert again.up_to_date and dict(again) == dict(first)
    assert _stats(out) == before  # not a file rewritten

    assert main(["build", str(corpus), "--out", str(out)]) == 0
    assert "is up to date" in capsys.readouterr().err


@pytest.mark.usefixtures("trusting")
def test_every_kind_of_change_is_noticed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    paths = build(corpus, out, jobs=1)
    assert uptodate.current(out, _now(corpus)) == dict(paths)

    def edit_in_place(c: Path, _o: Path) -> None:  # same size: only the times tell
        p = c / KEEP[0]
        data = bytearray(p.read_bytes())
        data[-2:] = b"\n\n" if data[-2:] != b"\n\n" else b" \n"
        p.write_bytes(bytes(data))

    changes: dict[str, Callable[[Path, Path], None]] = {
        "file edited, same size": edit_in_place,
        "file touched": lambda c, _o: os.utime(c / KEEP[1], ns=(1, 1)),
        "file added": lambda c, _o: (c / "new.txt").write_text("关于加强管理的通知\n", encoding="utf-8"),
        "file deleted": lambda c, _o: (c / KEEP[2]).unlink(),
        "file added in a folder": lambda c, _o: (c / "sub").mkdir() or (c / "sub" / "a.txt").write_text(
            "通知", encoding="utf-8"),
        "output edited": lambda _c, o: (o / "report.md").write_text("edited", encoding="utf-8"),
        "output deleted": lambda _c, o: (o / "graph.html").unlink(),
        "output added": lambda _c, o: (o / "extra.csv").write_text("x", encoding="utf-8"),
        "store changed": lambda _c, o: (o / "store" / "CURRENT").touch(),
        "record damaged": lambda _c, o: (o / uptodate.RECORD).write_text("{", encoding="utf-8"),
    }
    for what, change in changes.items():
        change(corpus, out)
        assert uptodate.current(out, _now(corpus)) is None, what
        uptodate.remember(out, _now(corpus), paths)  # the next change is judged on its own
        assert uptodate.current(out, _now(corpus)) == dict(paths), what

    scheme = tmp_path / "scheme.ttl"
    scheme.write_text(resources.files("policygraph.ontology").joinpath("measures.ttl").read_text(
        encoding="utf-8") + "\n# mine\n", encoding="utf-8")
    for setting in ({"base": "https://example.org/x/"}, {"check": False}, {"budget": 5.0},
                    {"scheme": str(scheme)}):
        assert uptodate.current(out, _now(corpus, **setting)) is None, setting
    monkeypatch.setattr(uptodate, "code_digest", lambda: "another version of policygraph")
    assert uptodate.current(out, _now(corpus)) is None


def test_a_file_changed_just_before_the_build_read_it_is_not_trusted(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    build(corpus, out, jobs=1)
    # Written a moment before the build stat'ed it: a change in the same clock tick could keep
    # its size and times, so the next build reads again rather than trust them.
    assert uptodate.current(out, _now(corpus)) is None
    record = json.loads((out / uptodate.RECORD).read_text(encoding="utf-8"))
    record["started"] += 10 * stamps.RACY_NS  # as if the build had started long after
    (out / uptodate.RECORD).write_text(json.dumps(record), encoding="utf-8")
    assert uptodate.current(out, _now(corpus)) is not None


@pytest.mark.usefixtures("trusting")
def test_a_build_that_did_not_finish_leaves_no_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    build(corpus, out, jobs=1)

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt  # anywhere in the outputs: some may be rewritten, some not

    real = build_module.write_outputs
    monkeypatch.setattr(build_module, "write_outputs", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, jobs=1, base="https://example.org/other/")
    assert not (out / uptodate.RECORD).exists()
    # Back to the first build's inputs and settings: the folder is built, not trusted.
    monkeypatch.setattr(build_module, "write_outputs", real)
    assert not build(corpus, out, jobs=1).up_to_date
    assert build(corpus, out, jobs=1).up_to_date


@pytest.mark.usefixtures("trusting")
def test_a_file_changed_while_the_build_ran_is_read_again(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    real = build_module.write_outputs
    target = corpus / KEEP[2]
    original = target.read_text(encoding="utf-8")

    def change_midway(*a: object, **k: object) -> object:
        target.write_text(original.replace("95%以上", "99%以上"), encoding="utf-8")
        return real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "write_outputs", change_midway)
    build(corpus, out, jobs=1)
    assert "99%以上" not in (out / "documents.jsonl").read_text(encoding="utf-8")
    monkeypatch.setattr(build_module, "write_outputs", real)
    again = build(corpus, out, jobs=1)
    assert not again.up_to_date
    assert "99%以上" in (out / "documents.jsonl").read_text(encoding="utf-8")
