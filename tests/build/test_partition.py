"""Packed records in a partition file (packed.Partition): read back as written, in the order a
build takes them, with nothing left in the build folder (the file has no name), and closed when
extraction fails, so a process that goes on (a server, a test run) holds neither its descriptor
nor its disk space."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from policygraph.build.extraction import extract_all
from policygraph.build.packed import PackedRecords, Partition, head_of, pack
from policygraph.extract.document import extract
from policygraph.models import DocumentRecord, Source


@functools.cache
def _record(n: int) -> DocumentRecord:
    text = f"国务院关于第{n}件事的通知\n国发〔2020〕{n + 1}号\n各省人民政府：\n　　现通知如下。\n"
    return extract(Source(f"{n}.txt", text, "utf-8", "txt"))


def test_a_partition_reads_back_what_was_appended_and_replaced(tmp_path: Path) -> None:
    part = Partition(tmp_path / ".cache")
    blobs = [pack(_record(n)) for n in range(5)]
    for b in blobs:
        part.append(b)
    part[1] = pack(_record(10))  # re-extracted: appended again, the old bytes stay
    assert list(part) == [blobs[0], pack(_record(10)), *blobs[2:]]
    assert os.listdir(tmp_path / ".cache") == []  # no name: nothing left, however the build ends
    view = part.view([4, 0, 2])
    records = PackedRecords(view, [head_of(_record(n)) for n in (4, 0, 2)])
    assert [r.source for r in records] == ["4.txt", "0.txt", "2.txt"]
    assert [r.source for r in records[1:]] == ["0.txt", "2.txt"]
    assert records.blob(0) == blobs[4]
    with pytest.raises(TypeError):
        view.append(blobs[0])  # a view only reads
    with pytest.raises(TypeError):
        del part[0]  # append-only
    records.close()


def test_a_partition_is_written_the_same_way_every_time(tmp_path: Path) -> None:
    def written(folder: Path) -> bytes:
        part = Partition(folder)
        for n in range(3):
            part.append(pack(_record(n)))
        part[0] = pack(_record(7))
        data = os.pread(part._fd, part._end, 0)
        part.close()
        return data

    assert written(tmp_path / "a") == written(tmp_path / "b")


def _open_in(folder: Path) -> list[str]:
    """What this process holds open in `folder` (a nameless file shows as `folder/#N (deleted)`)."""
    fds = Path("/proc/self/fd")
    targets = []
    for fd in os.listdir(fds):
        try:
            targets.append(os.readlink(fds / fd))
        except OSError:  # the listing's own descriptor, closed since
            continue
    return [t for t in targets if t.startswith(str(folder))]


def test_a_partition_file_has_no_name_and_is_gone_once_closed(tmp_path: Path) -> None:
    part = Partition(tmp_path)
    part.append(b"x" * 400_000)  # one large record
    part.append(b"y")
    assert list(tmp_path.iterdir()) == []  # nothing a kill -9 could leave behind
    assert part[0] == b"x" * 400_000 and part.view([1, 0])[0] == b"y"
    assert len(_open_in(tmp_path)) == 1
    part.close()
    assert _open_in(tmp_path) == []


def test_extraction_that_fails_closes_its_partition_file(tmp_path: Path) -> None:
    def sources() -> Iterator[Source]:
        yield Source("a.txt", "国务院关于某某的通知\n第一条 为了。", "utf-8", "txt")
        raise RuntimeError("the corpus went away")

    with pytest.raises(RuntimeError, match="went away"):
        extract_all(sources(), spill=tmp_path)
    assert _open_in(tmp_path) == []
