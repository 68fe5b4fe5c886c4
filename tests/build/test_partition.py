"""Packed records in a partition file (packed.Partition): read back as written, in the order a
build takes them, with nothing left in the build folder."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

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
    assert os.listdir(tmp_path / ".cache") == []  # unlinked at once: nothing left, however the build ends
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
