"""Agencies a provision makes responsible: 由X负责, X牵头, and a closing （X，Y） list, each an
organ's name (organisation): never the words of the clause around it."""

from __future__ import annotations

import re

from policygraph.extract.regexes import AGENCY_BY, AGENCY_SUBJECT, AGENCY_TRAILER, ORGAN_FULL_NAME

_BY_VERB = re.compile("会同|组织实施|承担")  # AGENCY_BY's other verbs


def agencies_in(text: str, start: int, end: int) -> list[str]:
    """Responsible agencies: 由X负责, X负责, and a trailing （X，Y） list closing a provision."""
    found: list[str] = []
    chunk = text[start:end]
    # Both patterns end in a verb such as 负责 and try an organ name at every position before
    # it: most provisions have no such verb, so they are not searched at all.
    has_verb = "负责" in chunk or "牵头" in chunk
    patterns = []
    if "由" in chunk and (has_verb or _BY_VERB.search(chunk)):
        patterns.append(AGENCY_BY)
    if has_verb:
        patterns.append(AGENCY_SUBJECT)
    for pat in patterns:
        for m in pat.finditer(chunk):
            found += [a for a in re.split(r"[、和及与]", m.group("a")) if ORGAN_FULL_NAME.match(a)]
    closing = chunk.rstrip()
    t = AGENCY_TRAILER.search(closing) if closing.endswith(("）", ")")) else None  # its only end
    if t:
        items = [a.strip() for a in re.split(r"[，,、；;]", t.group("a")) if a.strip()]
        if items and all(ORGAN_FULL_NAME.match(a) for a in items):
            found += items
    cleaned = [organisation(a) for a in found]
    return list(dict.fromkeys(a for a in cleaned if a))


#: What stands before an organ's name in a clause, up to the name: 年度立法计划由…, 具体工作由…,
#: …主管部门所属的…局, 对…. 由 of 自由贸易试验区 is a word's, not this.
_LEAD_IN = re.compile(r"^.*(?:(?<!自)由|(?<!设区)的)|^(?:这项工作|此项工作|工作|并|要|其中)+")
#: Not an organ: a deixis or a generic body (该单位, 有关人民政府), a verb inside (设, 自行), a role.
_NOT_AN_ORGAN = re.compile(r"^(?:该|本|其|有关|相关|上述|以上|以下|对(?!外))"
                           r"|自行|设(?:办公室|立|置)|召集人|一般|具体")


def organisation(name: str) -> str | None:
    """The organ a captured agency names, its clause's lead-in cut (年度立法计划由市人民代表大会常务委员会
    法制工作委员会 → 市人民代表大会常务委员会法制工作委员会); None when what is left is no organ's name
    (该单位自行, 以上的爱卫会设办公室, 对有关人民政府)."""
    name = _LEAD_IN.sub("", name.strip())
    name = re.sub(r"^各级(?=[^人])", "", name)
    if len(name) < 2 or _NOT_AN_ORGAN.search(name) or not ORGAN_FULL_NAME.match(name):
        return None
    return name

