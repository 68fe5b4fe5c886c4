"""The build's outputs around the explorer: graph.jsonld beside graph.ttl (the same graph),
CSV for Excel (`excel`: a byte order mark on every CSV, the bytes otherwise unchanged), and the
report's lists in report/ (every row there, the first ones in report.md, names not ids)."""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from policygraph.build import build
from policygraph.build.rdf import write_jsonld

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("page") / "out"
    build(EXAMPLES, folder, jobs=1)
    return folder


# rdflib's JSON-LD parser (another implementation than the writer's) uses its own deprecated class.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_json_ld_is_the_graph_of_the_turtle(out: Path) -> None:
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    triples = sum(1 for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(jsonld) == len(ttl) == triples > 500
    assert isomorphic(jsonld, ttl)
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(doc, list) and all("@id" in node for node in doc)  # expanded form, one object a subject run


def test_json_ld_is_the_same_bytes_for_the_same_triples(out: Path, tmp_path: Path) -> None:
    again = write_jsonld(out / "graph.nt", tmp_path / "again.jsonld")
    assert again.read_bytes() == (out / "graph.jsonld").read_bytes()
    assert not (tmp_path / "again.jsonld.new").exists()


def test_excel_puts_a_mark_before_the_same_bytes_and_is_a_setting(out: Path, tmp_path: Path) -> None:
    excel = tmp_path / "excel"
    build(EXAMPLES, excel, jobs=1)
    plain = {p.relative_to(excel): p.read_bytes() for p in excel.rglob("*.csv")}
    assert len(plain) >= 12 and not any(b.startswith(BOM) for b in plain.values())
    again = build(EXAMPLES, excel, jobs=1, excel=True)
    assert not again.up_to_date  # the folder's CSV files have no mark: built again
    for rel, data in plain.items():
        assert (excel / rel).read_bytes() == BOM + data, rel
    assert build(EXAMPLES, excel, jobs=1, excel=True).up_to_date


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_report_lists_every_row_beside_it_and_names_documents(out: Path) -> None:
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "src:" not in report and "title:" not in report
    documents = _csv(out / "report" / "documents.csv")
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(d["id"] for d in documents) == sorted(r["id"] for r in records)
    county = next(d for d in documents if d["file"] == "06_county_and_fragment.jsonl#L1")
    assert county["document"] == "《桐庐县人民政府关于推进社区养老服务设施建设的通知》（桐政发〔2022〕3号）"
    assert (county["level"], county["jurisdiction"]) == ("county", "浙江省杭州市桐庐县")
    cited = {r["document"]: int(r["cited by"]) for r in _csv(out / "report" / "most-cited.csv")}
    edges = _csv(out / "edges.csv")
    national = "国办发〔2021〕58号"
    assert cited["《国务院办公厅关于加快发展社区养老服务的通知》（国办发〔2021〕58号）"] == len(
        {e["source"] for e in edges if e["target"] == national and e["via"] != "probable"})
    assert "| 《国务院办公厅关于加快发展社区养老服务的通知》（国办发〔2021〕58号） | national | 4 |" in report
    reuse = _csv(out / "report" / "reuse.csv")
    comparisons = (out / "comparisons.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(reuse) == len(comparisons) and all(r["child"] and not r["child"].startswith("src:") for r in reuse)
    provinces = {r["province"]: int(r["documents"]) for r in _csv(out / "report" / "provinces.csv")}
    assert provinces == {"浙江省": 3, "江苏省": 3, "national": 1}
