"""The extraction stages: identify (the record without measures), measure (one per part), assemble."""

from __future__ import annotations

import pytest

from policygraph.extract.document import assemble, extract, identify, measure
from policygraph.models import Authority, Source

FORWARDING = (
    "某省人民政府办公厅转发国务院办公厅关于某项工作的通知\n某府办〔2021〕9号\n\n"
    "各市人民政府，省政府各部门：\n"
    "　　现将《国务院办公厅关于某项工作的通知》（国办发〔2021〕30号）转发给你们，请结合实际认真贯彻执行。\n"
    "　　一、各地要在9月底前制定实施方案。\n\n"
    "某省人民政府办公厅\n二〇二一年八月六日\n\n"
    "国务院办公厅关于某项工作的通知\n国办发〔2021〕30号\n\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "　　现就有关事项通知如下：\n　　一、城镇登记失业率控制在5.5%以内。\n　　二、各地要在6月底前出台配套政策。\n\n"
    "国务院办公厅\n2021年7月12日\n"
)


def _source(text: str, **meta: str) -> Source:
    return Source("doc.txt", text, "utf-8", "txt", dict(meta))


def test_identify_gives_the_record_without_measures_and_one_text_per_part() -> None:
    ident = identify(_source(FORWARDING))
    rec = ident.record
    assert (rec.number, rec.date, [p.number for p in rec.parts]) == (
        "某府办〔2021〕9号", "2021-08-06", ["国办发〔2021〕30号"])
    assert rec.measures is None and all(p.measures is None for p in rec.parts)
    assert len(ident.parts) == 1 + len(rec.parts)
    assert [p.year for p in ident.parts] == [2021, 2021]
    assert [pr.path for pr in ident.parts[1].provisions if pr.path] == ["一、", "二、"]


def test_measure_gives_one_measures_per_part_main_part_first() -> None:
    ident = identify(_source(FORWARDING))
    main, embedded = measure(ident)
    assert [d.date for d in main.deadlines] == ["2021-09-30"]
    assert [d.date for d in embedded.deadlines] == ["2021-06-30"]
    assert [(t.value, t.comparator) for t in embedded.targets] == [(5.5, "at_most")]
    assert len(main.shingles) == len(main.provisions) and len(embedded.shingles) == len(embedded.provisions)


def test_assemble_puts_each_part_s_measures_on_it() -> None:
    ident = identify(_source(FORWARDING))
    measured = measure(ident)
    rec = assemble(ident, measured)
    assert rec.measures == measured[0] and rec.parts[0].measures == measured[1]
    assert rec == extract(_source(FORWARDING))
    with pytest.raises(ValueError):
        assemble(ident, measured[:1])


def test_main_part_deadlines_are_read_against_the_date_of_a_page_field() -> None:
    """No signing date in the text: the 成文日期 field dates the document, and its year
    resolves 6月底前; the field is named as the date's evidence."""
    text = ("成文日期：2019年03月05日\n某市人民政府关于做好就业工作的通知\n某政发〔2018〕7号\n\n各区人民政府：\n"
            "　　一、各区要在6月底前出台实施办法。\n")
    ident = identify(_source(text))
    assert ident.record.date == "2019-03-05" and "成文日期" in ident.record.evidence["date"]
    assert ident.parts[0].year == 2019
    assert [d.date for d in measure(ident)[0].deadlines] == ["2019-06-30"]


def test_measuring_does_not_depend_on_learned_codes() -> None:
    """What lets the build take over an earlier record's measures when it re-extracts a
    document with codes learned from the corpus (build/budget.py)."""
    learned = {"某政发": Authority(code="某政发", name="某市人民政府", jurisdiction="某省某市",
                                   level="municipal", province="某省", confidence=0.9, evidence="test")}
    text = FORWARDING.replace("某府办〔2021〕9号", "某政发〔2021〕9号")
    plain, taught = identify(_source(text)), identify(_source(text), learned=learned)
    assert taught.record.level == "municipal" and plain.record.level != "municipal"
    assert measure(plain) == measure(taught)


def test_every_part_carries_its_rank_dates_and_history() -> None:
    """A notice that forwards a regulation in full: each part is dated and ranked by its own
    header, and the notice's date is its signature's, not the regulation's history."""
    text = ("某省人民政府关于转发某某条例的通知\n某政发〔2021〕9号\n\n各市人民政府：\n"
            "　　现将《某某条例》转发给你们，请认真贯彻执行。\n\n某省人民政府\n2021年8月6日\n\n"
            "某某行业管理条例\n某委发〔2021〕3号\n各有关单位：\n（2021年5月16日国务院第133次常务会议通过　2021年6月4日中华人民共和国国务院令第740号公布）\n"
            "　　第一条 为了加强管理，制定本条例。\n　　第二十条 本条例自2021年9月1日起施行。\n")
    rec = extract(_source(text))
    assert (rec.date, rec.rank, rec.history, rec.date_in_force) == ("2021-08-06", "normative_document", (), None)
    (part,) = rec.parts
    assert [(e.kind, e.date) for e in part.history] == [("adopted", "2021-05-16"), ("promulgated", "2021-06-04")]
    assert (part.date, part.date_publication, part.date_in_force, part.rank) == (
        "2021-06-04", "2021-06-04", "2021-09-01", "administrative_regulation")
    assert part.to_dict()["history"][0] == {"kind": "adopted", "date": "2021-05-16", "by": None,
                                            "text": "2021年5月16日国务院第133次常务会议通过"}
