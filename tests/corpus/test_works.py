"""Works and versions: one work per statute, its versions chained in date order, citations to
the version in force at the citing date, ids told apart by date."""

from __future__ import annotations

from policygraph.build.extraction import _unique_ids
from policygraph.build.packed import head_of, pack
from policygraph.corpus.link import link

from .records import cite, event, record

ORDER = "国务院令第406号"
TITLE = "中华人民共和国道路运输条例"
AMEND = "国务院关于修改部分行政法规的决定"


def _versions() -> list:
    """Three files of one regulation, as a catalogue ships them: the same order number and title,
    each with the header history up to its own version (files in an order unrelated to dates)."""
    base = (event("promulgated", "2004-04-30"), event("revised", "2012-11-09", "国务院关于修改和废止部分行政法规的决定"),
            event("revised", "2016-02-06", AMEND))
    v2019 = (*base, event("revised", "2019-03-02", AMEND))
    v2022 = (*v2019, event("revised", "2022-03-29", "国务院关于修改和废止部分行政法规的决定"))
    return [
        record(f"{ORDER}@2022-03-29", TITLE, number=ORDER, date="2022-03-29", jurisdiction="中华人民共和国",
               level="national", history=v2022, source="a.txt"),
        record(f"{ORDER}@2016-02-06", TITLE, number=ORDER, date="2016-02-06", jurisdiction="中华人民共和国",
               level="national", history=base, source="b.txt"),
        record(f"{ORDER}@2019-03-02", TITLE, number=ORDER, date="2019-03-02", jurisdiction="中华人民共和国",
               level="national", history=v2019, source="c.txt"),
    ]


def test_versions_form_one_work_chained_in_date_order() -> None:
    nodes = link(_versions()).nodes
    v16, v19, v22 = (nodes[f"{ORDER}@{d}"] for d in ("2016-02-06", "2019-03-02", "2022-03-29"))
    assert v16.work == v19.work == v22.work == f"work:{TITLE}"
    assert (v16.previous_version, v19.previous_version, v22.previous_version) == (
        None, v16.id, v19.id)
    assert (v16.version_date, v22.version_date) == ("2016-02-06", "2022-03-29")
    assert v22.version_kind == "revised"


def test_a_title_citation_names_the_version_in_force_at_the_citing_date() -> None:
    citing = [
        record("src:early", "某省某条例", (cite(TITLE),), date="2010-05-01"),  # before every version
        record("src:mid", "某省另一条例", (cite(TITLE),), date="2020-06-01"),
        record("src:late", "某省第三条例", (cite(TITLE),), date="2022-03-29"),  # the very day
        record("src:undated", "某省第四条例", (cite(TITLE),)),
        record("src:by-number", "某省第五条例", (cite(number=ORDER),), date="2017-01-01"),
    ]
    targets = {e.source: e.target for e in link(_versions() + citing).edges}
    # Before every version in the corpus: an older version, not in the corpus, of the same work.
    assert targets["src:early"] == f"title:{TITLE}@before-2016-02-06"
    assert targets["src:mid"] == f"{ORDER}@2019-03-02"
    assert targets["src:late"] == f"{ORDER}@2022-03-29"
    assert targets["src:undated"] == f"{ORDER}@2022-03-29"
    assert targets["src:by-number"] == f"{ORDER}@2016-02-06"


def test_a_citation_older_than_every_corpus_version_names_an_earlier_version() -> None:
    """Never a later version: the child would precede its parent (a negative cascade lag)."""
    linked = link([*_versions(), record("src:early", "某省某条例", (cite(TITLE, relation="based_on"),),
                                        date="2010-05-01")])
    (edge,) = [e for e in linked.edges if e.source == "src:early"]
    older = linked.nodes[edge.target]
    assert (older.kind, older.work, older.date, older.title) == ("title", f"work:{TITLE}", None, TITLE)
    assert older.jurisdiction == "中华人民共和国" and not older.in_corpus


def test_a_version_mark_in_the_title_joins_the_work_and_gives_the_kind() -> None:
    a = record("src:a", "某省水土保持条例", date="2001-01-01", jurisdiction="某省")
    b = record("src:b", "某省水土保持条例（2011年修正本）", date="2011-06-01", jurisdiction="某省")
    nodes = link([a, b]).nodes
    assert nodes["src:a"].work == nodes["src:b"].work == "work:某省水土保持条例"
    assert nodes["src:b"].previous_version == "src:a"
    assert nodes["src:b"].version_kind == "amended"


def test_same_title_of_different_scopes_are_different_works() -> None:
    a = record("src:a", "城市绿化条例", date="2001-01-01", jurisdiction="甲市")
    b = record("src:b", "城市绿化条例", date="2005-01-01", jurisdiction="乙市")
    nodes = link([a, b]).nodes
    assert nodes["src:a"].work == "work:城市绿化条例@甲市"
    assert nodes["src:b"].work == "work:城市绿化条例@乙市"
    assert nodes["src:b"].previous_version is None


def test_notices_are_never_versions_of_each_other() -> None:
    a = record("src:a", "关于做好某项工作的通知", date="2001-01-01", jurisdiction="甲市")
    b = record("src:b", "关于做好某项工作的通知", date="2005-01-01", jurisdiction="甲市")
    nodes = link([a, b]).nodes
    assert nodes["src:a"].work is None and nodes["src:b"].previous_version is None


def test_copies_of_one_version_are_one_step_of_the_chain() -> None:
    a = record("src:a", "某省某条例", date="2001-01-01", jurisdiction="某省")
    b = record("src:b", "某省某条例", date="2009-01-01", jurisdiction="某省")
    c = record("src:c", "某省某条例", date="2009-01-01", jurisdiction="某省")
    nodes = link([a, b, c]).nodes
    assert nodes["src:b"].previous_version == nodes["src:c"].previous_version == "src:a"


def test_files_sharing_a_number_are_told_apart_by_date_else_by_file() -> None:
    recs = [record(ORDER, TITLE, number=ORDER, date=d, source=s)
            for d, s in (("2019-03-02", "x.txt"), ("2016-02-06", "y.txt"), (None, "z.txt"))]
    recs.append(record("国办发〔2003〕40号", "某通知", number="国办发〔2003〕40号", source="w.txt"))
    got = _unique_ids([pack(r) for r in recs], [head_of(r) for r in recs])
    assert [h.id for h in got.heads()] == ["国办发〔2003〕40号", f"{ORDER}@2019-03-02", f"{ORDER}@2016-02-06",
                                         f"{ORDER}@z.txt"]
    assert [r.id for r in got] == [h.id for h in got.heads()]
    assert "same number as y.txt, z.txt" in got[1].warnings[-1]


def test_a_documents_own_title_wins_over_a_title_it_was_cited_by() -> None:
    """A corpus document cited by number with a wrong title does not make that title ambiguous."""
    a = record("src:a", "某院关于审理某类案件适用法律若干问题的解释", date="2020-12-23", jurisdiction="中华人民共和国")
    b = record("法释〔2023〕5号", "某院关于审理某新类案件适用法律若干问题的解释", number="法释〔2023〕5号", date="2023-06-05",
               jurisdiction="中华人民共和国")
    by_number = record("src:c", "某条例", (cite("某院关于审理某类案件适用法律若干问题的解释", number="法释〔2023〕5号"),))
    by_title = record("src:d", "某另一条例", (cite("某院关于审理某类案件适用法律若干问题的解释"),), date="2024-01-01")
    linked = link([a, b, by_number, by_title])
    assert {e.source: e.target for e in linked.edges} == {"src:c": "法释〔2023〕5号", "src:d": "src:a"}
    assert linked.warnings == ()


def test_an_earlier_version_known_only_by_its_number_does_not_hide_the_work() -> None:
    title = "某院关于审理某类案件适用法律若干问题的解释"
    text2020 = record("src:a", title, date="2020-12-23", jurisdiction="中华人民共和国")
    cites_2015 = record("src:b", "某条例", (cite(title, number="法释〔2015〕12号"),), date="2016-01-01")
    by_title = record("src:c", "某另一条例", (cite(title),), date="2021-01-01")
    linked = link([text2020, cites_2015, by_title])
    assert {e.source: e.target for e in linked.edges} == {"src:b": "法释〔2015〕12号", "src:c": "src:a"}
    assert linked.warnings == ()
