"""A build never destroys what it did not write: the folder it claims, the pages of a previous
build it removes, the paths it skips while reading the corpus (each listed with why)."""

from __future__ import annotations

import json
import os
import shutil
from importlib import resources
from pathlib import Path

import pytest

from policygraph import files
from policygraph.build import build, stamps
from policygraph.build.folder import FolderRefused
from policygraph.cli import main
from policygraph.files import BUILD_MARKER, list_files

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


folder_lock = ".policygraph-build.lock"  # the build's lock on its folder (build/folder.py)


def _tree(folder: Path) -> set[str]:
    """Every file under `folder` but the store's and the cache's insides (RocksDB names its
    files by sequence number) and the marker."""
    found = set()
    for top, dirs, names in os.walk(folder):
        rel = Path(top).relative_to(folder)
        if rel == Path("."):
            dirs[:] = [d for d in dirs if d not in ("store", ".cache")]
        found |= {(rel / n).as_posix() for n in names if n not in (BUILD_MARKER, folder_lock)}
    return found


def _docs(out: Path) -> list[str]:
    return [json.loads(line)["source"] for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def _report_rows(out: Path) -> str:
    return (out / "report.md").read_text(encoding="utf-8")


def test_a_folder_of_someone_elses_files_is_refused_and_left_alone(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine"
    for name in ("store", "store.old", "store.new"):
        (out / name).mkdir(parents=True)
        (out / name / "precious.db").write_bytes(b"mine")
    (out / "report.md").write_text("my own report", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert main(["build", str(EXAMPLES), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not empty and not a policygraph build folder" in err and "--force" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_force_takes_over_moving_aside_never_deleting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine"
    for name in ("store", "store.old", "store.new"):
        (out / name).mkdir(parents=True)
        (out / name / "precious.db").write_bytes(name.encode())
    (out / "report.md").write_text("my own report", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", str(EXAMPLES), "--out", str(out), "--quiet", "--force", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "moved aside store.old -> store.old.before-policygraph" in err
    for name in ("store", "store.old", "store.new"):
        assert (out / f"{name}.before-policygraph" / "precious.db").read_bytes() == name.encode()
    assert (out / "report.md.before-policygraph").read_text(encoding="utf-8") == "my own report"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / BUILD_MARKER).is_file() and len(_docs(out)) == 7


def test_a_new_empty_or_marked_folder_is_built_into(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    build(EXAMPLES, tmp_path / "empty", jobs=1)
    build(EXAMPLES, tmp_path / "new" / "deeper", jobs=1)
    build(EXAMPLES, tmp_path / "empty", jobs=1, use_cache=False)  # marked now: a rebuild
    with pytest.raises(FolderRefused):
        build(EXAMPLES, tmp_path / "new", jobs=1)  # holds a build but is not one


def test_a_rebuild_leaves_exactly_what_a_fresh_build_writes_and_the_users_own_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built from more documents, then from fewer: the pages of documents gone are removed (the
    independent answer: the file list of a fresh build of the smaller corpus)."""
    monkeypatch.setattr(stamps, "RACY_NS", 0)  # files the test wrote a moment ago count as settled
    small = tmp_path / "small"
    small.mkdir()
    for name in ("01_national_guobanfa_2021_58.txt", "03_jiangsu_supengfa_2021_102.txt"):
        shutil.copy(EXAMPLES / name, small / name)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(EXAMPLES, out, jobs=1)
    big = _tree(out)
    (out / "cascades" / "my-notes.txt").write_text("mine", encoding="utf-8")
    (out / "mine.txt").write_text("mine", encoding="utf-8")
    result = build(small, out, jobs=1)
    build(small, fresh, jobs=1)
    assert _tree(fresh) < big  # the smaller corpus writes fewer pages: there was something stale
    assert _tree(out) == _tree(fresh) | {"cascades/my-notes.txt", "mine.txt"}
    assert set(result.removed) == big - _tree(fresh)
    assert (out / "cascades" / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert build(small, out, jobs=1).up_to_date  # the removal was made before the outputs were recorded


def test_a_marker_naming_paths_outside_the_folder_deletes_nothing_there(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(EXAMPLES, out, jobs=1)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    marker = json.loads((out / BUILD_MARKER).read_text(encoding="utf-8"))
    marker["written"] += ["../victim.txt", str(victim)]
    (out / BUILD_MARKER).write_text(json.dumps(marker), encoding="utf-8")
    build(EXAMPLES, out, jobs=1, use_cache=False)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_out_inside_the_corpus_is_never_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    for _ in range(2):
        assert main(["build", str(corpus), "--out", str(corpus / "out"), "--quiet", "--no-cache"]) == 0
        docs = _docs(corpus / "out")
        assert len(docs) == 7 and not any(d.startswith("out/") for d in docs)
        assert "| out | skipped: a policygraph build output" in _report_rows(corpus / "out")
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(corpus), "--quiet", "--force"]) == 2
    assert "is or holds the corpus" in capsys.readouterr().err


def test_every_skipped_path_is_listed_with_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    shutil.copytree(EXAMPLES, corpus)
    elsewhere.mkdir()
    shutil.copy(EXAMPLES / "05_hangzhou_gbk.txt", elsewhere / "linked.txt")
    (corpus / "linked-folder").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(corpus / "fifo.txt")
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("x", encoding="utf-8")
    scandir = os.scandir

    def refusing(path: object) -> object:  # as chmod 0 does for anyone but root
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied")
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(files.os, "scandir", refusing)
    listing = list_files(corpus)
    why = {p.relative_to(corpus).as_posix(): reason for p, reason in listing.skipped}
    assert why["loop"].startswith("a link to the folder") and "dangling" in why["dangling.txt"]
    assert "not a regular file" in why["fifo.txt"]
    assert why["locked"] == "folder not readable: Permission denied"
    assert corpus / "linked-folder" / "linked.txt" in listing.files  # linked folders are followed
    out = tmp_path / "out"
    build(corpus, out, jobs=1)
    report = _report_rows(out)
    for rel, reason in why.items():
        assert f"| {rel} | skipped: {reason} |" in report
    assert "linked-folder/linked.txt" in _docs(out)


def test_an_out_that_cannot_be_made_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for out in (tmp_path / "file", tmp_path / "file" / "out"):
        assert main(["build", str(EXAMPLES), "--out", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(tmp_path / "file") in err and "Traceback" not in err


def test_a_second_build_into_a_folder_being_written_is_refused(tmp_path: Path) -> None:
    # two builds at once corrupted the store and left a broken folder; the lock is a process's
    # (fcntl.lockf), so the second build is another process, as a user's second terminal is
    import subprocess
    import sys

    from policygraph.build import folder

    out = tmp_path / "out"
    held = folder.claim(out)
    try:
        second = subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(EXAMPLES), "--out",
                                 str(out), "--quiet"], capture_output=True, text=True, timeout=120)
        assert second.returncode == 2, second.stderr
        assert "another policygraph build is writing into" in second.stderr and second.stderr.count("\n") == 1
    finally:
        folder.release(held)
    assert build(EXAMPLES, out, jobs=1)["report"].is_file()  # once released, a build goes on
