"""The measures of one part, provision by provision: the concepts it mentions with their
deadlines and agencies, its targets, deadlines and money, and its shingles for text reuse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from policygraph.extract.measures.agencies import agencies_in
from policygraph.extract.measures.concepts import concepts_in, deadline_for, sentence_bounds
from policygraph.extract.measures.deadlines import deadlines_in
from policygraph.extract.measures.scheme import load_scheme
from policygraph.extract.measures.targets import money_in, targets_in
from policygraph.extract.measures.words import words_in
from policygraph.extract.provisions import Provision
from policygraph.extract.shingles import from_words
from policygraph.extract.shingles import pack as pack_shingles


def extract_measures(
    text: str, provisions: Sequence[Provision], year: int | None, scheme_path: str | None = None
) -> dict[str, list[Any]]:
    """Measures, targets, deadlines and money of one part, provision by provision, and each
    provision's packed shingles (under "shingles", one per provision)."""
    measures: list[dict] = []
    targets: list[dict] = []
    deadlines: list[dict] = []
    money: list[dict] = []
    shingled: list[bytes] = []
    for p in provisions:
        ts = targets_in(text, p.start, p.end, year)
        ds = deadlines_in(text, p.start, p.end, year)
        targets += [{**t, "provision": p.path} for t in ts]
        deadlines += [{**d, "provision": p.path} for d in ds]
        money += [{**mo, "provision": p.path} for mo in money_in(text, p.start, p.end)]
        words = words_in(text, p.start, p.end, scheme_path)
        # Shingles for text reuse (shingles.py) are defined on the shipped scheme's words: the
        # words just cut, unless a custom scheme's tokenizer cut them differently.
        plain = words if scheme_path is None else words_in(text, p.start, p.end)
        shingled.append(pack_shingles(from_words([w for w, _s, _e in plain])))
        measures += _concepts_of(text, p, ts, ds, words, scheme_path)
    return {"measures": measures, "targets": targets, "deadlines": deadlines, "money": money,
            "shingles": shingled}


def _concepts_of(text: str, p: Provision, targets: list[dict], deadlines: list[dict],
                 words: list[tuple[str, int, int]], scheme_path: str | None) -> list[dict]:
    """One measure per scheme concept the provision mentions (where it is first mentioned),
    with the targets of that sentence, the deadlines governing each mention and the agencies
    the provision makes responsible."""
    scheme = load_scheme(scheme_path)
    agencies = agencies_in(text, p.start, p.end)
    seen: dict[str, dict] = {}
    for mention in concepts_in(text, p.start, p.end, scheme_path, words):
        s, e = sentence_bounds(text, mention.start, p.start, p.end)
        if mention.concept not in seen:
            seen[mention.concept] = {
                "concept": mention.concept,
                "label": scheme.concepts[mention.concept].label,
                "group": scheme.concepts[mention.concept].group,
                "provision": p.path,
                "term": text[mention.start:mention.end],
                "text": re.sub(r"\s+", "", text[s:e])[:300],
                "start": mention.start,
                "end": mention.end,
                "targets": [t["text"] for t in targets if s <= t["start"] < e],
                "deadlines": [],
                "agencies": agencies,
            }
        entry = seen[mention.concept]
        d = deadline_for(text, mention, deadlines, p.start, p.end)
        if d and d["text"] not in {x["text"] for x in entry["deadlines"]}:
            entry["deadlines"].append({"text": d["text"], "date": d["date"]})
    return list(seen.values())
