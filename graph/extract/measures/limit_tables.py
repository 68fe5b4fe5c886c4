"""Where a page labels or tabulates its time limits without 前: a label before a date (治理时限：
2018年12月底), a task table whose header ends in a column of limits (序号 重点工作任务 牵头单位
完成期限), a day a thing is to be handed in on (于2019年12月25日集中上报), and a signature's line
(某某市人民政府办公室 2023年4月12日), whose date is none.
deadlines.py reads the dates; this module says what stands around them."""

from __future__ import annotations

import re

from policygraph.extract.measures.table_rows import MD_RULE

#: A label of a time limit before its date (完成时限：, 整改期限:).
LIMIT_LABEL = re.compile(r"(?:时\s*限|(?:完成|整改|治理|办结)\s*期\s*限)\s*[:：]\s*$")
#: A table's column of time limits, in its header (序号 重点工作任务 … 完成期限).
LIMIT_COLUMN = re.compile(r"(?:完成|整改|办结)(?:时限|期限|时间)|时间节点|时限要求")
#: A delivery or a completion, in the clause after a day it is due on (于4月17日报送至市文明办, 于12月20日
#: 完成项目建设, 于2020年1月10日登录…系统在线填报): that day is its limit; not a meeting or a start
#: (于5月10日召开, 于6月1日起施行).
DUE_ON = re.compile(r"[^，,。；;：:\n前]{0,24}?(?:报送|上报|报至|报到|报给|提交|填报|送至|送达|反馈|办结|"
                    r"(?<!开始)完成(?!了))")
#: 于 right before a day (not 关于, 对于, 由于, 基于, 属于, 等于, 鉴于, 至于, 位于).
DUE_AT = re.compile(r"(?<![关对由基属等鉴至位已])于")
#: A label of a cut-off day (调查工作截止时间为11月25日, 申报时间截止4月13日, 截止日期：…); not 截至 a
#: report's day (截至2020年底，全市…), which names no 时间.
CUT_OFF = re.compile(r"(?:时间|日期)\s*截止(?:到|至)?|截止(?:时间|日期)\s*(?:为|是)?\s*[:：]?")
#: How far above a provision the header of a column of time limits is looked for.
COLUMN_REACH = 3000
#: A table's header line: three cells or more split by spaces, tabs or |, with no digit (序号 重点工作
#: 任务 主要责任单位 完成期限; | 序号 | 文件名称 | 印发时间 |).
_HEADER_LINE = re.compile(r"[ \t\u3000|｜]*[^\s|｜。；;，,]+(?:[ \t\u3000|｜]+[^\s|｜。；;，,]+){2,}"
                          r"[ \t\u3000|｜]*")
_CELL_SPLIT = re.compile(r"[ \t\u3000|｜]+")
_NOTE_HEAD = re.compile(r"备\s*注|说\s*明")
#: A row's ordinal cell (1, （一）, 一、) and a cell of data (3000个, 2023年5月, 5亿元): none of them in
#: a header (2023年目标 is one).
_ORDINAL_CELL = re.compile(r"[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?")
_VALUE_CELL = re.compile(r"^\d[\d.,]*\s*(?:[^\d年\s]{0,3})$|\d\s*年\s*\d{1,2}\s*月|\d\s*年\s*[底末]")
#: An issuer's name alone before a date on its line: the signature (某某市人民政府办公室 2023年4月12日).
_ISSUER = (r"[^\s\d，,。；;|｜、]{2,30}(?:政府|办公室|办公厅|委员会|局|厅|委|部|中心|管委会|指挥部|领导小组|"
           r"办事处|党委|县委|市委|区委|镇委)")
SIGNED = re.compile(rf"{_ISSUER}(?:[ \t\u3000]+{_ISSUER})*[ \t\u3000]*$")


def under_limit_column(text: str, start: int, at: int) -> bool:
    """Whether the nearest table header above `at` (after `start`) ends in a column of time
    limits, under which a row's last cell is its limit (not 印发时间, 开工时间)."""
    for line in reversed(text[start:at].split("\n")):
        if _HEADER_LINE.fullmatch(line) and not MD_RULE.match(line.strip()):  # | --- | --- |
            cells = _CELL_SPLIT.split(line.strip(" \t\u3000|｜"))
            if _ORDINAL_CELL.fullmatch(cells[0]) or any(_VALUE_CELL.search(c) for c in cells):
                continue  # a row of the table (（一） 加强组织领导 …, 1 新建5G基站 3000个 …), no header
            if len(cells) > 3 and _NOTE_HEAD.fullmatch(cells[-1]):
                cells = cells[:-1]  # … | 完成时限 | 备注 |: the limit before a column of notes
            return LIMIT_COLUMN.fullmatch(cells[-1]) is not None
    return False
