"""What a source says of itself outside its text: YAML front matter of scraped Markdown files,
and Markdown pages' bold field labels and headings (issue 21: a document without its title has
no plan year, so its targets have none)."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given
from hypothesis import strategies as st

from policygraph.extract.read import read_bytes
from policygraph.extract.record_meta import front_matter
from policygraph.models import Failure, Source

from ..conftest import record_of

_VALUE = st.text(alphabet="关于印发就业方案的通知〔〕号2024年国务院省市", min_size=1, max_size=20)


@given(title=_VALUE, number=_VALUE, day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
       extra=st.dictionaries(st.sampled_from(["id", "aliases", "region", "provenance"]),
                             st.one_of(_VALUE, st.lists(_VALUE, max_size=3)), max_size=3),
       body=_VALUE)
def test_front_matter_gives_the_fields_yaml_reads_and_the_text_after_it(
        title: str, number: str, day: dt.date, extra: dict, body: str) -> None:
    # The reference is PyYAML's own writer: what it dumps, read back, is what was put in.
    header = yaml.safe_dump({"title": title, "official_number": number, "date": day, **extra}, allow_unicode=True)
    text, meta = front_matter(f"---\n{header}---\n{body}\n")
    assert text == f"{body}\n"
    assert meta == {"title": title, "number": number, "date": day.isoformat()}


def test_a_scraped_markdown_file_takes_its_title_number_and_date_from_its_front_matter() -> None:
    page = ("---\nid: P_2022_X\ntitle: 2022年全市就业工作要点\nofficial_number: 某人社〔2022〕3号\nissuer:\n- 政府门户.www.example.gov.cn\n"
            "date: '2022-03-09'\n---\n\n## 政策原文\n\n首页 > 政策文件\n\n一、主要目标\n\n全年城镇新增就业5万人以上。\n")
    (source,) = read_bytes(page.encode("utf-8"), "p.md", "txt")
    assert isinstance(source, Source)
    assert source.meta == {"title": "2022年全市就业工作要点", "number": "某人社〔2022〕3号", "date": "2022-03-09"}
    assert not source.text.startswith("---")  # the header is not the text: its lines are no title
    rec = record_of(source.text, "p.md", **source.meta)
    assert (rec.title, rec.number, rec.date) == ("2022年全市就业工作要点", "某人社〔2022〕3号", "2022-03-09")
    # a site named as the issuer names no organ
    assert rec.issuers == ()


def test_what_is_not_front_matter_is_left_as_text() -> None:
    for text in ("---\n\n正文。\n", "---\n- 一\n- 二\n---\n正文。\n", "---\ntitle: [unclosed\n---\n正文。\n",
                 "——2024年工作要点\n"):
        assert front_matter(text) == (text, {})
    (failure,) = read_bytes("---\ntitle: 空\n---\n".encode(), "p.md", "txt")
    assert isinstance(failure, Failure) and failure.reason == "front matter only, no text"


def test_markdown_bold_field_labels_and_a_labelled_heading_give_the_title() -> None:
    text = ("## 文档 ：某某市北斗产业发展三年行动计划.md\n\n### 基本信息\n- **文件名称**：某某市北斗产业发展三年行动计划（2021-2023年）\n"
            "- **文件编号**：某府办发〔2021〕5号\n\n一、目标\n\n到2023年，产业规模达到1000亿元。\n")
    rec = record_of(text, "p.md")
    assert (rec.title, rec.number) == ("某某市北斗产业发展三年行动计划（2021-2023年）", "某府办发〔2021〕5号")
    # without the field, the heading gives it, without its label and its file's extension
    rec = record_of(text.split("### 基本信息")[0] + "一、目标\n\n到2023年，产业规模达到1000亿元。\n", "p.md")
    assert rec.title == "某某市北斗产业发展三年行动计划"


def test_hostile_or_odd_front_matter_never_stops_the_file_being_read() -> None:
    # values YAML would type (a date that does not exist, an octal-looking number, a tagged
    # scalar it cannot build) are kept as written or dropped; the text is read either way
    assert front_matter("---\ndate: 2021-02-30\nnumber: 0012\n---\n正文。\n") == (
        "正文。\n", {"date": "2021-02-30", "number": "0012"})
    assert front_matter("---\nx: !!float abc\ntitle: !!int ''\n---\n正文。\n")[0] == "正文。\n"
    # an alias bomb named as the title: a list of lists is no title, and nothing is expanded
    levels = [f"l0: &l0 [{', '.join(['某某'] * 9)}]"] + [
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 12)]
    text, meta = front_matter("---\n" + "\n".join(levels) + "\ntitle: *l11\n---\n正文。\n")
    assert (text, meta) == ("正文。\n", {})
    assert front_matter("---\nissuer: [[某某市人民政府, 某某市财政局]]\n---\n正文。\n")[1] == {}
    (source,) = read_bytes("---\ndate: 2021-02-30\ntitle: 关于做好就业工作的通知\n---\n各区：\n现通知如下。\n".encode(),
                           "p.md", "txt")
    assert isinstance(source, Source)
    rec = record_of(source.text, "p.md", **source.meta)
    assert (rec.title, rec.date) == ("关于做好就业工作的通知", None)  # no such day: no date, no failure
