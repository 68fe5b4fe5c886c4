"""A target's range, start year and base year reach the RDF, typed, and conform to the shapes."""

from __future__ import annotations

from rdflib import XSD, Literal

from policygraph.corpus.compare import measures_by_node
from policygraph.corpus.link import link
from policygraph.export.rdf import to_rdf
from policygraph.export.shacl import validate
from policygraph.export.terms import PG

from ..conftest import record_of

TEXT = ("某市人民政府关于印发某市就业促进规划的通知\n某政发〔2015〕3号\n各区人民政府：\n"
        "一、2015年至2017年，每年培训农村劳动力10万人以上。\n"
        "二、到2017年，城镇登记失业率较2012年下降1个百分点。\n"
        "三、到2017年，新建创业孵化基地3—5个。\n")


def test_ranges_and_years_of_targets_are_in_the_graph() -> None:
    rec = record_of(TEXT)
    g = to_rdf(link([rec]), measures=measures_by_node([rec]))
    targets = {str(g.value(t, PG.evidence)): t for t in g.subjects(PG.value, None)}
    range_ = next(t for text, t in targets.items() if "3—5个" in text)
    assert g.value(range_, PG.value) == Literal("3", datatype=XSD.decimal)
    assert g.value(range_, PG.valueHigh) == Literal("5", datatype=XSD.decimal)
    span = next(t for text, t in targets.items() if "培训" in text)
    assert (g.value(span, PG.startYear), g.value(span, PG.targetYear)) == (Literal(2015), Literal(2017))
    base = next(t for text, t in targets.items() if "较2012年" in text)
    assert (g.value(base, PG.baseYear), g.value(base, PG.targetYear)) == (Literal(2012), Literal(2017))
    assert validate(g)[0]
