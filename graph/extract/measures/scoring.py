"""The points an assessment awards: what a threshold earns is an assessment's rule.

A scoring rule (考核细则, 评分标准) reads like a list of goals: 双季稻面积达到85%加1分, 年内发展1名以上
新党员计2分. Its numbers and limits are the conditions of points, not goals or time limits the
document sets, so the target and deadline readers both skip a number or a limit followed by points.

>>> scored("加1分，达到90%以上加2分", 0), scored("，计入考核", 0)
(True, False)
"""

from __future__ import annotations

import re

#: Points given, taken or withheld (加1分, 扣0.5分, 计15分, 不计分); not 分贝 or 分钟.
_POINTS = r"(?:[加减扣得计]\s*\d+(?:\.\d+)?\s*分(?![贝钟])|不(?:得|计)分|得满分)"
#: Points after a threshold: in its clause (…达到85%加1分, 未达到III类…水质扣5分), the next (每增加1%，
#: 加1分) or after a condition ending in 的 (2024年6月底前完成验收的，加5分; 自办2个千亩示范片，达到计划
#: 产量的，计15分).
_SCORED = re.compile(rf"[^，,。；;]{{0,30}}?{_POINTS}|\s*[，,]\s*{_POINTS}|"
                     rf"(?:[^，,。；;]{{0,30}}?[，,])?[^，,。；;]{{0,20}}?的\s*[，,]\s*{_POINTS}")


def scored(text: str, at: int) -> bool:
    """Whether points follow text[at:] as set out in the module (the threshold ends at `at`)."""
    return _SCORED.match(text, at) is not None
