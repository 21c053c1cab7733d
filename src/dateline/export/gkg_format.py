"""The GDELT GKG 2.1 line format: 27 tab-separated fields, each with its own sub-delimiters.

:func:`parse_gkg_line` and :func:`format_gkg_line` are exact inverses on real GKG rows (tested on
the GDELT samples in ../shared), and the exporter writes its rows with the same functions.
"""

from __future__ import annotations

import re

GKG_FIELDS = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
    "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
    "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
# field -> (block delimiter, sub-field delimiter); fields not named here are scalars.
DELIMITERS = {
    "V1COUNTS": (";", "#"), "V2.1COUNTS": (";", "#"), "V1THEMES": (";", None), "V2ENHANCEDTHEMES": (";", ","),
    "V1LOCATIONS": (";", "#"), "V2ENHANCEDLOCATIONS": (";", "#"), "V1PERSONS": (";", None),
    "V2ENHANCEDPERSONS": (";", ","), "V1ORGANIZATIONS": (";", None), "V2ENHANCEDORGANIZATIONS": (";", ","),
    "V1.5TONE": (None, ","), "V2.1ENHANCEDDATES": (";", "#"), "V2GCAM": (",", ":"), "V2.1RELATEDIMAGES": (";", None),
    "V2.1QUOTATIONS": ("#", "|"), "V2.1ALLNAMES": (";", ","), "V2.1AMOUNTS": (";", ","),
}
# Characters that would break a field: tabs and newlines always, and each field's delimiters.
_BREAKING = re.compile(r"[\t\r\n]+")

Parsed = dict[str, object]


def parse_gkg_line(line: str) -> Parsed:
    """Split one GKG 2.1 line into its 27 named fields, block-delimited fields into lists."""
    values = line.rstrip("\r\n").split("\t")
    if len(values) != len(GKG_FIELDS):
        raise ValueError(f"a GKG 2.1 line has {len(GKG_FIELDS)} tab-separated fields, this one {len(values)}")
    parsed: Parsed = {}
    for name, value in zip(GKG_FIELDS, values, strict=True):
        block, sub = DELIMITERS.get(name, (None, None))
        if block is None and sub is None:
            parsed[name] = value
        elif block is None:
            parsed[name] = value.split(sub) if value else []
        else:
            parsed[name] = [_split_block(part, sub, name) for part in value.split(block)] if value else []
    return parsed


def _split_block(part: str, sub: str | None, name: str) -> object:
    if sub is None or not part:
        return part
    if name == "V2.1QUOTATIONS":
        return part.split(sub, 3)  # the quote text may hold the delimiter
    if sub == "," and name != "V2GCAM":
        # Name,Offset: names never end in ",digits"; a name may hold commas (amount objects do)
        head, _, tail = part.rpartition(",")
        if name == "V2.1AMOUNTS":
            amount, _, obj = head.partition(",")
            return [amount, obj, tail]
        return [head, tail]
    return part.split(sub)


def format_gkg_line(parsed: Parsed) -> str:
    """Join the 27 fields back into one GKG 2.1 line (no trailing newline)."""
    values = []
    for name in GKG_FIELDS:
        value = parsed.get(name, "")
        block, sub = DELIMITERS.get(name, (None, None))
        if isinstance(value, str):
            values.append(value)
        elif block is None:
            values.append((sub or "").join(str(v) for v in value))  # type: ignore[attr-defined]
        else:
            values.append(block.join(
                part if isinstance(part, str) else (sub or "").join(str(v) for v in part)
                for part in value  # type: ignore[attr-defined]
            ))
    return "\t".join(values)


def clean(text: str, *delimiters: str) -> str:
    """``text`` made safe for a GKG sub-field: tabs, newlines and the given delimiters become spaces."""
    text = _BREAKING.sub(" ", text)
    for delimiter in delimiters:
        text = text.replace(delimiter, " ")
    return text.strip()
