"""Part and whole: "105 prisoners, including 81 Israelis and 24 foreigners" links the parts to the
whole and checks whether they add up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.figure_lexicon import FigureLexicon
from dateline.record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Token


def link_parts(figures: list[Figure], nominals: list[Token], lexicon: FigureLexicon) -> None:
    """Set ``part_of`` on every figure whose noun hangs off a part marker ("including", "among")
    under another figure's noun, and ``sum_check`` on the whole."""
    index_of = {token.i: index for index, token in enumerate(nominals)}
    parts: dict[int, list[int]] = {}
    for index, nominal in enumerate(nominals):
        token = nominal
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        marker = token.head
        if token.dep_ != "pobj" or marker.lower_ not in lexicon.part_markers:
            continue
        whole = index_of.get(marker.head.i)
        if whole is not None and whole != index and figures[whole].kind == figures[index].kind:
            figures[index].part_of = whole
            parts.setdefault(whole, []).append(index)
    for whole, members in parts.items():
        figures[whole].sum_check = sum_check(figures[whole], [figures[m] for m in members])


def sum_check(whole: Figure, parts: list[Figure]) -> str | None:
    """``consistent`` when exact parts add up to the whole, ``subset`` when they add up to less
    (a listing with "including" may be partial), ``inconsistent`` when they exceed it."""
    if any(p.lower is None or p.lower != p.upper or p.approx for p in parts) or whole.lower is None:
        return None
    total = sum(p.lower or 0 for p in parts)
    if whole.upper is not None and total > whole.upper:
        return "inconsistent"
    if whole.lower == whole.upper and total == whole.lower:
        return "consistent"
    return "subset" if total < whole.lower else "consistent"
