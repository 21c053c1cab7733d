"""``role_conflict``: one role (a definite role phrase) given to two different people in one article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from dateline.analyse.base import Analysis
from dateline.analyse.flag_common import flag_rules, make_flag
from dateline.record import Entity, Flag, Span

ARTICLES = {"the", "a", "an"}
TITLE_STOP_POS = {"DET", "PUNCT", "PRON", "VERB", "AUX", "SPACE", "CCONJ", "NUM"}
MAX_GAP = 3  # characters between a role phrase and the name it introduces (", ")


@dataclass(frozen=True)
class RoleClaim:
    """A role phrase attached to one person entity."""

    entity: str
    span: Span
    role: str


def normalise_role(text: str) -> str:
    """Lower case, no articles, no punctuation but hyphens and apostrophes, single spaces."""
    text = text.lower().replace("’", "'")
    words = re.findall(r"[\w'-]+", text)
    return " ".join(word for word in words if word not in ARTICLES)


def is_unique_role(analysis: Analysis, span: Span) -> bool:
    """A role only one person can hold at a time: definite, singular, qualified, not 'former'."""
    rules = flag_rules()
    words = normalise_role(span.text).split()
    first = span.text.strip().split()[0].lower() if span.text.strip() else ""
    if len(words) < 2 or first in rules["role_not_unique_markers"]:
        return False
    if any(word in rules["role_not_unique_markers"] for word in words):
        return False
    tokens = analysis.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    head = tokens.root
    if head.tag_ in ("NNS", "NNPS"):
        return False
    has_qualifier = any(t.dep_ == "prep" for t in head.children) or len(words) >= 3
    return head.lower_ not in rules["role_shared_heads"] or has_qualifier


def role_claims(analysis: Analysis) -> list[RoleClaim]:
    """Every role phrase tied to a PERSON entity: its descriptions and the titles and appositions of its names."""
    claims: dict[tuple[str, int, int], RoleClaim] = {}
    for entity in analysis.record.entities:
        if entity.type != "PERSON":
            continue
        spans = [d.span for d in entity.descriptions]
        for mention in entity.mentions:
            if mention.kind == "name":
                spans.extend(_roles_around_name(analysis, mention.start, mention.end))
        for span in spans:
            if is_unique_role(analysis, span):
                claims[(entity.id, span.start, span.end)] = RoleClaim(entity.id, span, normalise_role(span.text))
    return sorted(claims.values(), key=lambda c: c.span.start)


def _roles_around_name(analysis: Analysis, start: int, end: int) -> list[Span]:
    """Role phrases the parse ties to a name: 'Foreign Minister X', 'the head of Y, X', 'X, the head of Y'."""
    name = analysis.doc.char_span(start, end, alignment_mode="expand")
    if name is None:
        return []
    root = name.root
    found: list[Span] = []
    title = _title_before(analysis, name)
    if title is not None:
        found.append(title)
    if root.dep_ == "appos":
        found.extend(_phrase_without(analysis, _noun_phrase_head(root.head), name))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.extend(_phrase_without(analysis, child, name))
    return found


def _title_before(analysis: Analysis, name: TokenSpan) -> Span | None:
    """Title words right before a name and inside its phrase ('Israeli President' Isaac Herzog)."""
    doc = analysis.doc
    subtree = {t.i for t in name.root.subtree}
    index = name.start - 1
    while index >= 0 and index in subtree:
        token = doc[index]
        if token.ent_type_ == "PERSON" or token.pos_ in TITLE_STOP_POS or token.lower_ in ARTICLES:
            break
        index -= 1
    first = index + 1
    while first < name.start and doc[first].pos_ == "ADP":
        first += 1
    if first >= name.start:
        return None
    span = doc[first : name.start]
    return analysis.span(span.start_char, span.end_char)


def _noun_phrase_head(token: Token) -> Token:
    """Climb from a noun inside prepositional phrases to the noun that heads the whole phrase."""
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head
    return token


def _phrase_without(analysis: Analysis, head: Token, name: TokenSpan) -> list[Span]:
    """The phrase of ``head`` up to the name it is in apposition with, if it contains no name of a person."""
    inside_name = _subtree_ids(name)
    tokens = [t for t in head.subtree if not (name.start <= t.i < name.end) and t.i not in inside_name]
    contiguous: list[Token] = []
    for token in tokens:
        if contiguous and token.i != contiguous[-1].i + 1:
            break
        contiguous.append(token)
    while contiguous and (contiguous[-1].is_punct or contiguous[-1].is_space):
        contiguous.pop()
    while contiguous and contiguous[0].is_punct:
        contiguous.pop(0)
    if not contiguous or any(t.ent_type_ == "PERSON" for t in contiguous) or head not in contiguous:
        return []
    return [analysis.span(contiguous[0].idx, contiguous[-1].idx + len(contiguous[-1].text))]


def _subtree_ids(name: TokenSpan) -> set[int]:
    return {t.i for t in name.root.subtree}


def _same_person(a: Entity, b: Entity) -> bool:
    """Two entities that are one person split in two (one name's words inside the other's)."""
    words_a, words_b = set(a.name.lower().split()), set(b.name.lower().split())
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def role_conflict_flags(analysis: Analysis) -> list[Flag]:
    """One flag per role phrase claimed by two or more different people."""
    by_role: dict[str, list[RoleClaim]] = {}
    for claim in role_claims(analysis):
        by_role.setdefault(claim.role, []).append(claim)
    flags: list[Flag] = []
    for role, claims in by_role.items():
        people: list[RoleClaim] = []
        for claim in claims:
            entity = analysis.record.entity(claim.entity)
            if entity is None or any(
                (other := analysis.record.entity(p.entity)) is not None
                and (p.entity == claim.entity or _same_person(entity, other))
                for p in people
            ):
                continue
            people.append(claim)
        if len(people) < 2:
            continue
        flags.append(_flag_for(analysis, role, people))
    return flags


def _flag_for(analysis: Analysis, role: str, claims: list[RoleClaim]) -> Flag:
    last = claims[-1]
    main = last.span
    entity = analysis.record.entity(last.entity)
    following = [m for m in entity.mentions if 0 <= m.start - main.end <= MAX_GAP] if entity else []
    if following:
        main = analysis.span(main.start, following[0].end)
    names = [e.name for c in claims if (e := analysis.record.entity(c.entity)) is not None]
    why = f"The role '{role}' is given to {len(names)} different people: {', '.join(names[:-1])} and {names[-1]}."
    return make_flag(
        analysis, "role_conflict", main, why,
        spans=[main, *(c.span for c in claims)], entities=[c.entity for c in claims], confidence=0.7,
    )
