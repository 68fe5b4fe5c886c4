"""Issuer codes the corpus itself explains: a document stating both its number and its issuer
(江办发〔2004〕11号 and 中共江门市委办公室) teaches the code 江办发, so the other documents
using that ambiguous city code can be placed (the build extracts them again with it)."""

from __future__ import annotations

from collections.abc import Iterable

from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.numbers import parse_canonical
from policygraph.models import Authority, DocumentRecord


def statements(rec: DocumentRecord) -> list[tuple[str, str, str]]:
    """(number, first issuer, source) for the record and each part stating both: what
    learn_codes reads of a record."""
    return [(number, issuers[0], rec.source)
            for number, issuers in [(rec.number, rec.issuers)] + [(p.number, p.issuers) for p in rec.parts]
            if number and issuers]


def learn_codes(records: Iterable[DocumentRecord],
                table: AuthorityTable | None = None) -> dict[str, Authority]:
    """Issuer codes whose authority the corpus states: documents giving number and issuer.

    A code is learned only when every document using it agrees on the jurisdiction.
    """
    return learn_from_statements((s for rec in records for s in statements(rec)), table)


def learn_from_statements(stated: Iterable[tuple[str, str, str]],
                          table: AuthorityTable | None = None) -> dict[str, Authority]:
    """learn_codes, given the records' statements (see statements)."""
    table = table or load_table()
    seen: dict[str, set[tuple[str, str, str]]] = {}
    example: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    of_name: dict[str, Authority] = {}  # issuers repeat across a corpus; looking one up is not cheap
    for number, issuer, source in stated:
        dn = parse_canonical(number)
        if dn is None:
            continue
        a = of_name.get(issuer) or of_name.setdefault(issuer, table.authority_of_name(issuer))
        known = table.resolve(dn.code, dn.year)
        if known.jurisdiction and known.confidence >= 0.9:
            continue  # the table already knows this code for sure
        if a.jurisdiction and a.level and a.confidence >= 0.8:
            seen.setdefault(dn.code, set()).add((a.jurisdiction, a.level, a.province or ""))
            names.setdefault(dn.code, set()).add(issuer)
            example.setdefault(dn.code, f"{number} issued by {issuer} ({source})")
    out: dict[str, Authority] = {}
    for code, vals in sorted(seen.items()):
        if len(vals) == 1:
            juris, level, province = next(iter(vals))
            out[code] = Authority(code=code, name=next(iter(names[code])) if len(names[code]) == 1 else None,
                                  jurisdiction=juris, level=level,
                                  province=province or None, confidence=0.9,
                                  evidence=example[code])
    return out
