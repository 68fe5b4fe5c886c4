"""Whether a span counted from an event (30日内, 3年内, 届满前) is a time limit for an act, and
not a class of people (毕业2年内的高校毕业生), a look back (申请日前12个月内), a record's name
(24小时内入出院记录), an age group, who qualifies (于3个月内被…吸纳就业), a sanction's window (一年内
再次违反) or a target's value (压缩到5个工作日以内)."""

from __future__ import annotations

import re

from policygraph.extract.measures.quantities import CN_DIGITS
from policygraph.extract.numbers import chinese_to_int
from policygraph.extract.regexes import AGE_GROUP_AFTER

#: Words before a relative limit that make it a class of people or a look-back, not a time limit.
_NOT_LIMIT_BEFORE = re.compile(r"(?:毕业|离校|失业|退役|退出|近|最近|过去|连续|累计|服务期|劳动合同期|以|"
                               r"(?:日|之)前)\s*$")  # 申请日前12个月内: a look back
#: A sanction or an exemption measured in time (暂停其6个月以内, 5年内不再受理, 1年内有2次以上), or a
#: count within a span (一年内累计五次未…的, 24小时内累计驾驶时间): a period, not a limit for an act.
_SANCTION_BEFORE = re.compile(r"暂停|停止|禁止|吊销|取消|免征|免税|免于|减半|有效期|保护期")
_SANCTION_AFTER = re.compile(r"^(?:不得|不再|不予|再次|又|有\s*\d|\d+\s*次|免征|免税|累计)")  # 一日内累计…
#: A span of years is a limit when counted from an event (之日起一年内), aimed at (争取3年内让…) or
#: followed by what is to be done (力争三到五年时间内，…更加完善); else a period (两年之内对其…).
_YEARS_COUNTED = re.compile(r"(?:起|后|争取|力争|确保|(?<![使采适费占征试应作引享运动信借挪])用|经过)\s*$|"
                            r"(?:内|以内|之内)[^，,。；;内]{1,8}、\s*$")  # 9个月内开工、1年半内并网: listed
_YEARS_DONE = re.compile(r"^[^。；;]{0,24}?(?:完成|建成|实现|达到|基本|全面|形成|建立|制定|作出|更加|报告|"
                         r"压缩|压减|缩短|消除)")
#: A duration a verb cuts something to (压缩到5个工作日以内, 分别压缩至15个、7个工作日以内): a
#: target's value (压缩一半以上至8.5个工作日以内 too), not a limit for an act.
_CUT_TO = re.compile(r"(?:压缩|压减|缩短|减少|降低|降|控制)(?:[一二三四五六七八九十半\d.%]{1,5}以上)?"
                     r"(?:到|至|在)[^，,。；;]{0,8}$")


#: A record named by a span (24小时内入出院记录, 24小时内入院死亡记录 of a medical record's rules).
_NAMED_RECORD = re.compile(r"[^，,。；;应于在须做完填书写建形录作]{1,10}?记录")  # spaces of a PDF's text too


#: A window that says who a rule is for: an event it suffers (于3个月内被用人单位吸纳就业), a service it
#: receives (灾民24小时内得到基本生活救助: a standard of service, not an act's limit) or a
#: need arising in it (在6个月内需要变更定点医疗机构的，可…). An act done in it, a condition or
#: not (三十日内提起诉讼的，人民法院应予受理; 30日内未签订协议的，视为放弃), is still a limit.
_CONDITION_AFTER = re.compile(r"\s*(?:被|得到|(?:需要|需)[^，,。；;：:\n]{1,28}的\s*(?:[，,]|$))")
#: A duty to act within the span, right before it (应当在, 须于), and an act done again after it
#: (再次答复): a limit, not a sanction's window (再次违反, 不得再次申请).
_DUTY_BY = re.compile(r"(?:应当|应|须|必须|要)\s*(?:在|于)\s*$")
_DONE_AGAIN = re.compile(r"再次(?:答复|办理|提交|审查|审核|处理|报送|复核|作出|提出|反馈|核查|送达|"
                         r"回复|告知)")


#: A duty in the clause before a window (申请人应当在收到通知之日起十五日内被告知…): a limit still.
_DUTY_IN_CLAUSE = re.compile(r"应当|必须|须|应于|应在")
_CLAUSE_BREAK = re.compile(r"[，,。；;：:\n]")


def _clause_start(text: str, at: int, start: int) -> int:
    """Where the clause holding `at` starts (after the last break within 60 characters)."""
    lo = max(start, at - 60)
    return max((b.end() for b in _CLAUSE_BREAK.finditer(text, lo, at)), default=lo)


def is_limit(m: re.Match[str], text: str, start: int, end: int) -> bool:
    """Whether a relative span is a time limit for an act (see the patterns above)."""
    if m.group("num")[0] in CN_DIGITS + "十百" and chinese_to_int(m.group("num")) is None:
        return False
    before = text[max(start, m.start() - 8):m.start()]
    after = text[m.end():min(end, m.end() + 30)]
    if after.startswith("的") or _NOT_LIMIT_BEFORE.search(before[-6:]):
        return False  # 毕业2年内的高校毕业生: a class of people
    if _NAMED_RECORD.match(after):
        return False  # 24小时内入出院记录: a record's name
    if AGE_GROUP_AFTER.match(after):
        return False  # 提高4~6个月以内婴儿的纯母乳喂养率: an age group
    if (m.group("lim") in ("内", "以内", "之内") and _CONDITION_AFTER.match(text, m.end(), end)
            and not _DUTY_IN_CLAUSE.search(text, _clause_start(text, m.start(), start), m.start())):
        return False  # 于3个月内被…吸纳就业, 在6个月内需要变更…的，: who qualifies, not a limit
    if _CUT_TO.search(text, max(start, m.start() - 14), m.start()):
        return False
    within = m.group("lim") in ("内", "以内", "之内")
    duty = _DUTY_BY.search(before) is not None and _DONE_AGAIN.match(after) is not None
    if within and (_SANCTION_BEFORE.search(before) or (_SANCTION_AFTER.search(after) and not duty)):
        return False  # 一年内再次违反: a window of a sanction; not 应当在1个月内再次答复, a duty
    if m.group("unit") == "年":
        # 3年前 is three years ago; 两年之内对其… a period
        return _YEARS_COUNTED.search(before) is not None or (within and _YEARS_DONE.search(after) is not None)
    return True
