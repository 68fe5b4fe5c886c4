"""The terminal views (graph/export/text.py) and the commands that print them, on the bundled
example corpus."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main
from policygraph.corpus.compare import AgencyChange, Comparison, DeadlineChange
from policygraph.export.text import comparison_text
from policygraph.models import MentionDeadline

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
PARENT, CHILD = "国办发〔2021〕58号", "浙政办发〔2021〕66号"
PARENT_NAME = "《国务院办公厅关于加快发展社区养老服务的通知》（国办发〔2021〕58号）"
CHILD_NAME = "《浙江省人民政府办公厅转发国务院办公厅关于加快发展社区养老服务的通知》（浙政办发〔2021〕66号）"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    build(EXAMPLES, out, jobs=1)
    return out


def test_compare_prints_measures_changes_and_reuse(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(built), CHILD, PARENT]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{CHILD_NAME}  compared with  {PARENT_NAME}"
    assert out[1].startswith("  inherited   1  ")
    assert "  target    社区养老服务设施覆盖率: “社区养老服务设施覆盖率达到90%以上” → “社区养老服务设施覆盖率达到100%”  " \
           "tightened" in out
    assert "  deadline  服务设施建设: 2025年底前 (2025-12-31) → 2023年底前 (2023-12-31)  earlier by 731 days" in out
    assert any(line.startswith("text reuse: ") and "of the child's word 3-grams" in line for line in out)


def test_comparison_text_names_measures_by_label_and_every_change_kind() -> None:
    c = Comparison("child", "parent", "stated", ("child", "parent"), ("a",), (), ("b",), (
        DeadlineChange("x", "x", MentionDeadline("年底前", None), MentionDeadline("年底前", None), 0, "same"),
        AgencyChange("y", "y", ("省财政厅",), ()),
    ), {"share": 0.5, "copied": 1, "shingles": 2,
        "provisions": [{"child": "", "parent": "一、", "similarity": 0.25},
                       {"child": "二、", "parent": None, "similarity": 0.9}]})
    assert comparison_text(c, {"a": "补贴"}, {"child": "《子》", "parent": "《父》（父发〔2020〕1号）"}).splitlines() == [
        "《子》  compared with  《父》（父发〔2020〕1号）",
        "  inherited   1  补贴",
        "  added       0  ",
        "  dropped     1  b",
        "",
        "changes",
        "  deadline  x: 年底前 (None) → 年底前 (None)  same",
        "  agencies  y: +省财政厅  --",
        "",
        "text reuse: 50.0% of the child's word 3-grams appear in the parent (1 of 2)",
        "  (preamble)     ≈ 一、             0.25",
    ]


def test_a_cascade_page_shows_the_builds_comparisons(built: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "cascade.html"
    assert main(["cascade", str(built), "国办发[2021]58号", "--html", str(page), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {page}\nlevel,id,")
    data = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>',
                     page.read_text(encoding="utf-8"), re.DOTALL)
    assert data is not None
    comparisons = json.loads(data.group(1))["nodes"][CHILD]["comparisons"]
    assert [c["parent"] for c in comparisons] == [PARENT]
    assert {"direction": "tightened", "text": "社区养老服务设施覆盖率: 社区养老服务设施覆盖率达到90%以上 → "
            "社区养老服务设施覆盖率达到100%"} in comparisons[0]["changes"]
    # never over a file that is there (here the page just written), never into a missing folder
    written = page.read_bytes()
    assert main(["cascade", str(built), "国办发[2021]58号", "--html", str(page)]) == 2
    assert page.read_bytes() == written and "is there already" in capsys.readouterr().err
    assert main(["cascade", str(built), "国办发[2021]58号", "--html", str(tmp_path / "no" / "x.html")]) == 2
    assert not (tmp_path / "no").exists()


def test_measures_prints_each_provision_then_the_figures(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["measures", str(built), CHILD]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"measures of {CHILD_NAME}\n")
    assert "\n\n一、  一、到2023年底前，" in out
    assert "\n  服务设施建设 (supply)  2023年底前→2023-12-31\n" in out
    assert "\n\ntargets\n  一、           每个街道: 1 个 at_least (2023)  “全省每个街道建成1个以上”\n" in out
    assert "\n  一、           社区养老服务设施覆盖率: 100 % at_least (2023)  “社区养老服务设施覆盖率达到100%”\n" in out
    assert "\n\ndeadlines\n  一、           2023年底前 → 2023-12-31  全省每个街道" in out
    assert main(["measures", str(built), "no-such-document"]) == 2
    assert capsys.readouterr().err == f'policygraph: no document in {built} matches "no-such-document" (a ' \
        "number in any variant, a title or a part of one, a file name or a node id)\n"


def test_record_text_names_the_document_and_shows_rank_dates_and_history() -> None:
    from policygraph.export.text import record_text

    rec = {"id": "src:laws/lrb_1.txt", "source": "laws/lrb_1.txt", "number": None, "title": "江苏省道路运输条例",
           "issuers": ["江苏省人民代表大会常务委员会"], "jurisdiction": "江苏省", "level": "provincial",
           "rank": "local_regulation", "date": "2010-07-01", "date_publication": "2010-07-05",
           "date_in_force": "2010-09-01", "web_date": None,
           "history": [{"kind": "adopted", "date": "2004-06-01", "by": None, "text": ""},
                       {"kind": "amended", "date": "2010-07-01", "by": "关于修改〈江苏省道路运输条例〉的决定",
                        "text": ""}],
           "citations": [], "parts": [], "warnings": []}
    assert record_text(rec).splitlines() == [
        "《江苏省道路运输条例》",
        "source       laws/lrb_1.txt",
        "number       —",
        "title        江苏省道路运输条例",
        "issuers      江苏省人民代表大会常务委员会",
        "jurisdiction 江苏省",
        "level        provincial",
        "rank         地方性法规 (local_regulation)",
        "date         2010-07-01",
        "published    2010-07-05",
        "in force     2010-09-01",
        "web page     —",
        "history",
        "  2004-06-01 adopted",
        "  2010-07-01 amended     《关于修改〈江苏省道路运输条例〉的决定》",
        "citations    0",
    ]
