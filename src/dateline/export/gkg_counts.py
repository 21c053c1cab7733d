"""Figures as GDELT GKG 2.1 counts: the count type of a figure and one ``V2.1COUNTS`` entry.

GKG holds one number per count, with no bounds, approximation or source: those stay in Dateline's
own JSON (``Figure.lower``/``upper``/``approx``/``qualifier``/``source``). The number written is
the figure's conservative (ACLED-style) value, else its lower, else its upper bound.
The mapping uses only the figure's category and the article's own noun for what is counted, so
the same words give the same type whichever party a figure is about.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.record import Figure

CATEGORY_TYPES = {
    "killed": "KILL",
    "injured": "WOUND",
    "killed_or_injured": "AFFECT",
    "held": "KIDNAP",
    "detained": "ARREST",
    "displaced": "DISPLACED",
    "affected": "AFFECT",
    "missing": "AFFECT",
}
SUBJECT_TYPES = (
    (("prisoner", "detainee", "inmate"), {"held": "ARREST"}),
    (("refugee",), {"displaced": "REFUGEES"}),
    (("protester", "protestor", "demonstrator"), {"other": "PROTEST", "detained": "ARREST"}),
)
EMPTY_LOCATION = ("", "", "", "", "", "", "", "")


def gkg_count_type(figure: Figure) -> str | None:
    """The GKG count type (KILL, WOUND, KIDNAP, ARREST, DISPLACED, REFUGEES, PROTEST, AFFECT) of a
    count, or None when GKG has no type for it (percentages, money, destroyed homes, releases)."""
    if figure.kind != "count":
        return None
    subject = (figure.subject or "").lower()
    for words, by_category in SUBJECT_TYPES:
        if any(word in subject for word in words) and figure.category in by_category:
            return by_category[figure.category]
    return CATEGORY_TYPES.get(figure.category)


def gkg_count_number(figure: Figure) -> int | None:
    """The one number GKG can hold: conservative value, else lower bound, else upper bound."""
    for value in (figure.conservative, figure.lower, figure.upper):
        if value is not None:
            return value
    return None


def gkg_count_field(figure: Figure, location: Sequence[str] = EMPTY_LOCATION, offset: int | None = None) -> str | None:
    """One ``V2.1COUNTS`` entry, ``TYPE#N#OBJECT#LocType#FullName#CC#ADM1#Lat#Lon#FeatureID#Offset``
    (``location`` as the seven location sub-fields, empty when unknown; ``offset`` defaults to the
    figure's start), or None when the figure has no GKG count type or no number."""
    count_type = gkg_count_type(figure)
    number = gkg_count_number(figure)
    if count_type is None or number is None:
        return None
    location_fields = list(location)[:7]
    location_fields += [""] * (7 - len(location_fields))
    where = figure.start if offset is None else offset
    parts = [count_type, str(number), _clean(figure.subject or ""), *(_clean(f) for f in location_fields), str(where)]
    return "#".join(parts)


def _clean(value: str) -> str:
    """Remove GKG's delimiters from a free-text sub-field."""
    return " ".join(value.replace("#", " ").replace(";", " ").replace("\t", " ").split())
