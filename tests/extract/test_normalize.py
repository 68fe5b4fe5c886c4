"""Normalisation: pinyin removed first, then 繁→简 and full-width folding, offsets kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.normalize import normalize, strip_marks


def test_pinyin_annotations_are_removed_before_conversion() -> None:
    n = normalize("關(guān)於印發(fā)推進社區(qū)就業(yè)")
    assert n.text == "关于印发推进社区就业"


def test_full_width_brackets_around_pinyin() -> None:
    assert normalize("發（fā）文").text == "发文"


def test_latin_in_brackets_is_not_pinyin() -> None:
    # No tone mark: an ordinary bracketed letter stays.
    assert normalize("附件(a)和附件（b）").text == "附件(a)和附件（b）"
    assert normalize("标准(GB 5749)").text == "标准(GB 5749)"


def test_traditional_to_simplified_and_full_width() -> None:
    assert normalize("國務院辦公廳　２００３年ＡＢ％").text == "国务院办公厅 2003年AB%"


def test_simplified_text_is_left_alone() -> None:
    text = "显著提高就业质量，著力解决结构性矛盾，乾隆年间"
    assert normalize(text).text == text  # 著 and 乾 are simplified already: not 着, not 干


def test_offsets_map_back_to_the_original() -> None:
    original = "連政發(fā)〔2003〕97號文件"
    n = normalize(original)
    i = n.text.index("97")
    assert original[n.to_original(i):n.to_original(i) + 2] == "97"
    s, e = n.original_span(0, n.text.index("〔"))
    assert original[s:e] == "連政發(fā)"[:e - s]
    assert original[n.to_original(n.text.index("〔"))] == "〔"
    start, end = n.original_span(0, len(n.text))
    assert (start, end) == (0, len(original))


PINYIN = st.sampled_from(["(fā)", "(guān)", "(qū)", "(yè)", "(mén)", "（chǔ）"])
HAN = st.sampled_from(list("發關區業門處國辦文号年"))


@given(st.lists(st.tuples(HAN, st.one_of(st.just(""), PINYIN)), max_size=60))
@settings(max_examples=300, deadline=None)
def test_every_kept_character_maps_to_itself(pieces: list[tuple[str, str]]) -> None:
    original = "".join(h + p for h, p in pieces)
    stripped, _cuts, _shifts = strip_marks(original)
    n = normalize(original)
    assert len(n.text) == len(stripped) == len(pieces)
    for i, (han, _p) in enumerate(pieces):
        assert original[n.to_original(i)] == han


@given(st.lists(st.sampled_from(["发", "布", "日", "1", "2", "：", "\n", "**", "***", "*"]), max_size=80))
@settings(max_examples=300, deadline=None)
def test_asterisks_removed_or_kept_every_character_maps_to_itself(tokens: list[str]) -> None:
    original = "".join(tokens)
    n = normalize(original)
    for i, ch in enumerate(n.text):
        assert original[n.to_original(i)] == ch
    # the removed runs pair up within their line, and none follows a digit
    removed = [j for j in range(len(original)) if j not in {n.to_original(i) for i in range(len(n.text))}]
    assert all(original[j] == "*" for j in removed)
    assert all(not original[j - 1].isdigit() for j in removed if j and original[j - 1] != "*")


def test_markdown_bold_is_read_past_and_masks_are_kept() -> None:
    assert normalize("> **发布机构**：某市人民政府").text == "> 发布机构：某市人民政府"
    assert normalize("**（2026年1月3日）**").text == "（2026年1月3日）"
    assert normalize("转发《关于**的通知》").text == "转发《关于**的通知》"  # one alone: a mask
    assert normalize("培训1**人次，9**5%").text == "培训1**人次，9**5%"  # after a digit: a mask


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_normalize_is_total_and_length_preserving_without_pinyin_or_asterisks(text: str) -> None:
    n = normalize(text)
    if not strip_marks(text)[1]:
        assert len(n.text) == len(text)
    assert normalize(text) == n  # deterministic


def test_text_wrapped_at_a_page_s_width_is_joined_and_prose_is_not() -> None:
    line = "全市消费市场平稳增长，社会消费品零售总额增幅达到百分之三以上，旅游综合收入力争达到"
    wrapped = "\n".join([line] * 9 + ["一千三百七十亿元。", "二、重点任务", "（一）实施商品消费提升行动。"])
    n = normalize(wrapped)
    assert n.text == line * 9 + "一千三百七十亿元。\n二、重点任务\n（一）实施商品消费提升行动。"
    assert wrapped[n.to_original(len(line))] == line[0]  # the joined text maps back past the break
    # paragraphs of any length, each ending its sentence, stay apart
    sentence = "本办法所称就业困难人员是指因身体状况、技能水平等原因难以实现就业的人员。"
    prose = "\n".join(f"第{i}条 " + sentence * (i % 3 + 1) for i in range(12))
    assert normalize(prose).text == prose


def test_kangxi_radicals_read_as_the_ideographs_they_look_like() -> None:
    assert normalize("废旧家电回收量增加约⼀倍，⼈⺠满意").text == "废旧家电回收量增加约一倍，人⺠满意"


def test_wrapping_leaves_tables_items_and_quoted_sentence_ends_alone() -> None:
    line = "全市消费市场平稳增长社会消费品零售总额增幅达到百分之三以上旅游综合收入力争达到四十"
    rows = "\n".join(f"| {i} | 城镇新增就业人数第{i}项 | 万人 | 11.5 | 12 | 预期性 |" for i in range(10))
    assert normalize(rows).text == rows  # a Markdown table's rows, as wide as one another
    quoted = "\n".join([line] * 8 + [line[:-2] + "。”", "第二部分 主要任务", "⼀、总体要求"])
    assert normalize(quoted).text.endswith("。”\n第二部分 主要任务\n一、总体要求")
    # a number broken over two lines is one again; a pinyin annotation after the breaks is removed once
    broken = "\n".join([line] * 8 + [line[:-6] + "国办发〔202", "3〕15号）发(fā)展。"])
    n = normalize(broken)
    assert "国办发〔2023〕15号）发展。" in n.text and n.text.count(line) == 8
