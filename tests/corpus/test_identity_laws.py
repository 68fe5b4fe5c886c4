"""Node identity on real laws (a few files of ../shared/corpus/laws, copied to a tmp folder):
generic amending decisions are never one node across legislatures or dates, and the versions
of 中华人民共和国道路运输条例 form one chain in date order."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from policygraph.build import extract_all
from policygraph.corpus.link import Linked, link
from policygraph.corpus.titles import is_generic
from policygraph.extract.gazetteer import province_of
from policygraph.extract.read import iter_corpus

from ..conftest import needs_shared

LAWS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
#: 道路运输条例's three files, and files of 河南, 重庆, 北京, 上海 and national regulations whose
#: headers name generic amending decisions (关于修改部分地方性法规的决定 …) of several dates.
ROAD = ("lrb_48f9403bdc5f", "lrb_791d72e07ac6", "lrb_d86f6ea28233")
GENERIC = ("lrb_010ab61c4184", "lrb_048d185c321e", "lrb_045b8b80de51", "lrb_0b09ac734132", "lrb_073c1f73f40d",
           "lrb_0940a3c3d91a", "lrb_2da22acfb214", "lrb_00b107199011", "lrb_284e4e1693c9", "lrb_00313cf0f5a8",
           "lrb_0386cdfb5c8a", "lrb_14df7348ad1f")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Linked:
    folder = tmp_path_factory.mktemp("laws")
    for name in ROAD + GENERIC:
        shutil.copy(LAWS / f"{name}.txt", folder / f"{name}.txt")
    return link(extract_all(iter_corpus(folder)).records)


@needs_shared
def test_the_road_transport_regulation_is_one_chain_in_date_order(linked: Linked) -> None:
    # the last history line of each file, read by hand: 2016-02-06, 2022-03-29, 2023-07-20
    ids = ["国务院令第406号@2016-02-06", "国务院令第406号@2022-03-29", "国务院令第406号@2023-07-20"]
    versions = [linked.nodes[i] for i in ids]
    assert {v.work for v in versions} == {"work:中华人民共和国道路运输条例"}
    assert [v.previous_version for v in versions] == [None, *ids[:2]]
    assert [v.validity for v in versions] == ["amended", "amended", "in_force"]


@needs_shared
def test_no_generic_decision_is_one_node_across_places_or_dates(linked: Linked) -> None:
    # a generic decision named in a header history line amends the document whose header it is
    into: dict[str, list] = {}
    for e in linked.edges:
        title = linked.nodes[e.source].title or ""
        if is_generic(title):
            assert (e.relation, e.via) == ("amends", "history")
            into.setdefault(e.source, []).append(e)
    assert len(into) >= 8  # 河南, 重庆, 北京 ×2, 上海 ×3, 国务院 ×3 at least
    for decision, edges in into.items():
        node = linked.nodes[decision]
        written = {f"{y}-{int(m):02d}-{int(d):02d}" for e in edges for y, m, d in _DATE.findall(e.evidence)[:1]}
        assert written == {node.date}, decision  # the date each history line writes is the node's
        provinces = {province_of(linked.nodes[e.target].jurisdiction) for e in edges}
        assert provinces == {province_of(node.jurisdiction)}, decision
    places = {linked.nodes[t].jurisdiction for t in into if linked.nodes[t].title == "关于修改部分地方性法规的决定"}
    assert {"河南省", "重庆市", "北京市"} <= places


@needs_shared
def test_every_corpus_node_is_one_file(linked: Linked) -> None:
    files = [n for n in linked.nodes.values() if n.kind == "document"]
    assert len(files) == len(ROAD + GENERIC)
    assert all(len(n.sources) == 1 for n in files)
