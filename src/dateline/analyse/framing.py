"""The framing extractor: loaded or partisan wording (from the framing lexicon), the neutral wording
beside it, the side whose usage it reflects, and whether the article or a quoted speaker uses it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.framing_lexicon import Entry, Lexicon, Party, load_lexicon
from dateline.analyse.regex_prefilter import folded, may_match
from dateline.record import Framing

NAME = "framing"
VERSION = "1.0.0"
CONTEXT_MIN_MENTIONS = 2  # party words of a conflict an article needs before its context-bound terms apply
PLACE_TYPES = {"GPE", "LOC", "FAC"}
TARGET_PREPOSITIONS = {"against", "on", "upon", "toward", "towards", "at", "in", "into", "inside"}


@dataclass(frozen=True)
class Match:
    """One lexicon hit: where, and which entry."""

    start: int
    end: int
    entry: Entry


def active_conflicts(text: str, lexicon: Lexicon) -> set[str]:
    """Conflicts the article is about: those whose parties it names at least twice."""
    counts: dict[str, int] = {}
    for found in lexicon.party_pattern.finditer(text):
        party = lexicon.party_named(re.sub(r"\s+", " ", found.group()))
        if party is not None:
            counts[party.conflict] = counts.get(party.conflict, 0) + 1
    return {conflict for conflict, count in counts.items() if count >= CONTEXT_MIN_MENTIONS}


def find_matches(text: str, lexicon: Lexicon, conflicts: set[str]) -> list[Match]:
    """Every lexicon hit, longest first where they overlap, context-bound entries only in their conflicts."""
    lowered = folded(text)
    candidates = [
        Match(found.start(), found.end(), entry)
        for entry in lexicon.entries
        if (not entry.needs_context or entry.conflict in conflicts or (entry.conflict == "any" and conflicts))
        and may_match(entry.required, lowered)
        for found in entry.pattern.finditer(text)
    ]
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start, m.entry.index))
    chosen: list[Match] = []
    for match in candidates:
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def party_in_context(analysis: Analysis, lexicon: Lexicon, match: Match) -> tuple[Party, str] | None:
    """The party the loaded words are about, and its role: 'agent' (named in or by the phrase) or
    'target' (named after 'against', 'on', 'in' …, or a place name before it: 'the Gaza genocide')."""
    inside = lexicon.party_pattern.search(analysis.text, match.start, match.end)
    if inside is not None:
        party = lexicon.party_named(re.sub(r"\s+", " ", inside.group()))
        if party is not None:
            return party, "agent"
    tokens = analysis.doc.char_span(match.start, match.end, alignment_mode="expand")
    if tokens is None:
        return None
    root = tokens.root
    for token in root.subtree:
        if match.start <= token.idx < match.end:
            continue
        party = _party_at(analysis, lexicon, token.idx)
        if party is None:
            continue
        path = []
        for ancestor in token.ancestors:
            if ancestor.i == root.i:
                break
            path.append(ancestor.lower_)
        place_modifier = token.ent_type_ in PLACE_TYPES and token.dep_ == "compound"  # 'the Gaza genocide'
        role = "target" if TARGET_PREPOSITIONS.intersection(path) or place_modifier else "agent"
        return party, role
    return None


def _party_at(analysis: Analysis, lexicon: Lexicon, char: int) -> Party | None:
    for found in lexicon.party_pattern.finditer(analysis.text, max(0, char - 40), char + 40):
        if found.start() <= char < found.end():
            return lexicon.party_named(re.sub(r"\s+", " ", found.group()))
    return None


def resolve(analysis: Analysis, lexicon: Lexicon, match: Match, conflicts: set[str]) -> tuple[str | None, str | None, str]:
    """Side, conflict and neutral wording of a match."""
    entry = match.entry
    conflict = entry.conflict if entry.conflict != "any" else (next(iter(conflicts)) if len(conflicts) == 1 else None)
    if entry.side_rule == "fixed":
        return entry.side, conflict, _neutral(entry.neutral, None)
    found = party_in_context(analysis, lexicon, match)
    if found is None:
        return None, conflict, _neutral(entry.neutral, None)
    party, role = found
    against = (entry.side_rule == "critic_of_party") == (role == "agent")
    return (party.opposite if against else party.side), party.conflict, _neutral(entry.neutral, party)


def _neutral(template: str, party: Party | None) -> str:
    text = template.replace("{party}", party.adjective if party else "")
    return re.sub(r"\s+", " ", text.replace("()", "")).strip()


def extract(analysis: Analysis) -> None:
    """Append a Framing item for every lexicon hit in the article."""
    lexicon = load_lexicon()
    conflicts = active_conflicts(analysis.text, lexicon)
    for match in find_matches(analysis.text, lexicon, conflicts):
        side, conflict, neutral = resolve(analysis, lexicon, match, conflicts)
        in_quote = analysis.quote_at(match.start, match.end) is not None
        confidence = 0.9 if match.entry.side_rule == "fixed" else 0.8 if side else 0.6
        analysis.record.framing.append(Framing(
            **analysis.provenance(match.start, match.end, NAME, VERSION, confidence), neutral=neutral, side=side, conflict=conflict,
            voice="quote" if in_quote else "article",
        ))


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=("quotes",), writes=("framing",), run=extract)
