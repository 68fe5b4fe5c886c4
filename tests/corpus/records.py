"""Hand-made records for the linking tests: only the fields linking reads."""

from __future__ import annotations

from policygraph.models import Citation, DocumentRecord, HistoryEvent


def record(rid: str, title: str | None, citations: tuple[Citation, ...] = (), *, date: str | None = None,
           jurisdiction: str | None = None, level: str | None = None, number: str | None = None,
           issuers: tuple[str, ...] = (), history: tuple[HistoryEvent, ...] = (),
           date_in_force: str | None = None, source: str | None = None) -> DocumentRecord:
    return DocumentRecord(id=rid, source=source or rid.replace("src:", "") + ".txt", number=number, title=title,
                          issuers=issuers, jurisdiction=jurisdiction, level=level, date=date, web_date=None,
                          citations=citations, parts=(), warnings=(), date_in_force=date_in_force,
                          history=history)


def cite(title: str | None = None, evidence: str | None = None, relation: str = "cites",
         number: str | None = None) -> Citation:
    return Citation(relation=relation, evidence=evidence or f"依照《{title}》的规定", start=0, end=1,
                    confidence=0.9, number=number, title=title, found_by="number" if number else "title")


def event(kind: str, date: str, by: str | None = None) -> HistoryEvent:
    return HistoryEvent(kind, date, by, f"{date} {by or ''} {kind}")
