"""Agencies a provision makes responsible: 由X负责, X牵头, and a closing （X，Y） list."""

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
    cleaned = []
    for a in found:
        a = re.sub(r"^(?:这项工作|此项工作|工作|并|由|要|各级|其中)+", "", a)
        if len(a) >= 2:
            cleaned.append(a)
    return list(dict.fromkeys(cleaned))

