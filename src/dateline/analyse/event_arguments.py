"""Reading an event's actors, targets and place from the dependency parse, and linking them to entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.analyse.base import Analysis
from dateline.analyse.event_lexicon import load_lexicon
from dateline.analyse.event_triggers import Candidate, is_demonym, misattached_subject
from dateline.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})
TARGET_PREPS = frozenset({"against", "on", "at", "to", "into", "upon", "over", "toward", "towards", "for"})
TOPIC_PREPS = frozenset({"on", "over", "for", "about", "at"})
QUANTITY_WORDS = frozenset({
    "ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
    "score", "scores", "number", "some", "many", "most", "part", "half", "all", "group", "majority", "one", "more",
})
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME"})
PARTY_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PARTY_WORDS = frozenset({
    "government", "rebel", "troop", "force", "police", "army", "soldier", "civilian", "refugee", "official",
    "people", "militant", "guerrilla", "fighter", "leader", "president", "minister", "authority", "party",
    "group", "movement", "militia", "opposition", "protester", "demonstrator", "student", "worker", "prisoner",
    "hostage", "detainee", "resident", "villager", "member", "country", "nation", "state", "regime", "ally",
    "partner", "neighbor", "neighbour", "administration", "parliament", "council", "court", "agency", "union",
    "delegation", "diplomat", "ambassador", "envoy", "negotiator", "mediator", "peacekeeper", "inspector",
    "settler", "journalist", "national", "citizen", "immigrant", "community", "village", "town", "city",
    "camp", "hospital", "school", "position", "base", "target", "home", "house", "building",
})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "to"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
OWNER_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG"})
PREMODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
EVENT_SUBJECT_WORDS = frozenset({
    "attack", "airstrike", "strike", "bombing", "explosion", "blast", "bomb", "raid", "shelling", "fire",
    "offensive", "operation", "barrage", "missile", "rocket", "drone", "shell",
})


@dataclass
class Arguments:
    """The tokens that name an event's participants and where it happened."""

    actors: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)


def with_conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Israel and the Palestinians")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(with_conjuncts(child))
    return found


def antecedent(token: Token) -> Token:
    """For a relative pronoun ("which", "who"), the noun the relative clause hangs from."""
    if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    found: list[Token] = []
    for prep in _children(token, "prep", "agent"):
        if prep.lemma_.lower() in preps:
            found.extend(_children(prep, "pobj"))
    return found


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice (a bare past participle modifying a noun counts)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    has_perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not has_perfect


def content_head(token: Token) -> Token:
    """The counted noun under a quantity: "tens of thousands of Gazans" → "Gazans"."""
    for _ in range(4):
        if token.lower_ not in QUANTITY_WORDS and token.pos_ != "NUM":
            break
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not objects:
            break
        token = objects[0]
    return token


def clause_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of a verb, following control ("urged X to stop"), coordination and relative clauses."""
    if depth > 4:
        return []
    subjects = _children(verb, "nsubj")
    if subjects:
        return [antecedent(min(subjects, key=lambda s: abs(verb.i - s.i)))]
    misattached = misattached_subject(verb, load_lexicon())
    if misattached is not None:
        return [misattached]
    if is_passive(verb):
        return _prep_objects(verb, {"by"})
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = _children(head, "dobj")
        return objects if objects else clause_subject(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1)
    if verb.dep_ == "xcomp" or (head.pos_ == "ADJ" and head.dep_ == "acomp"):
        return clause_subject(head.head if head.dep_ == "acomp" else head, depth + 1)
    if verb.dep_ == "relcl":
        return [head]
    return []


def _object_of_verb(verb: Token) -> list[Token]:
    if is_passive(verb):
        passive = _children(verb, "nsubjpass")
        if passive:
            return [antecedent(p) for p in passive]
        if verb.dep_ == "acl":
            return [verb.head]
    objects = _children(verb, "dobj", "dative")
    resolved: list[Token] = []
    for obj in objects:
        owners = _children(obj, "poss")
        resolved.append(owners[0] if owners and owners[0].pos_ in ("PROPN", "NOUN") else obj)
    return resolved


def _noun_owners(noun: Token) -> list[Token]:
    """Who a nominal event belongs to: "Israel's offensive", "the Israeli attacks", "attacks by X"."""
    owners = [c for c in _children(noun, "poss") if c.pos_ in ("PROPN", "NOUN")]
    owners.extend(c for c in _children(noun, "amod", "compound") if c.ent_type_ in OWNER_ENTITY_TYPES)
    owners.extend(t for t in premodifier_parties(noun) if t not in owners)
    owners.extend(_prep_objects(noun, {"by"}))
    return owners


def premodifier_parties(noun: Token) -> list[Token]:
    """The named parties written just before an event noun ("Israeli shelling", "US air strikes"), read
    from the words themselves: the parser attaches such a modifier as amod, compound or nsubj of the
    noun, or even outside its phrase; a singular demonym right before the noun is its modifier wherever
    the parser puts it."""
    found: list[Token] = []
    for i in range(noun.i - 1, noun.sent.start - 1, -1):
        token = noun.doc[i]
        demonym = is_demonym(token)
        if token.pos_ not in PREMODIFIER_POS or token.dep_ == "poss" or not (demonym or i >= noun.left_edge.i):
            break
        if demonym or token.ent_type_ in OWNER_ENTITY_TYPES:
            found.append(token)
    return found


def _actors_for_event_subject(subjects: list[Token]) -> list[Token]:
    resolved: list[Token] = []
    for subject in subjects:
        if subject.lemma_.lower() in EVENT_SUBJECT_WORDS:
            resolved.extend(_noun_owners(subject))
        else:
            resolved.append(subject)
    return resolved


def is_party(token: Token) -> bool:
    """Whether a token names a participant (a named entity, a group or role noun) rather than a thing."""
    if token.ent_type_ in PARTY_ENTITY_TYPES or token.pos_ == "PROPN":
        return True
    return token.lemma_.lower() in PARTY_WORDS


def party_targets(tokens: list[Token]) -> list[Token]:
    """Targets that are parties; for a thing ("a ban", "demands", "a US offer") the party it concerns
    ("on X", "from X") or names ("US", "Israeli", "X's")."""
    found: list[Token] = []
    for token in tokens:
        if is_party(token):
            found.append(token)
            continue
        found.extend(t for t in _prep_objects(token, {"on", "of", "from", "to", "for", "against", "by"}) if is_party(t))
        found.extend(c for c in token.children
                     if c.dep_ in ("compound", "amod", "poss", "nmod") and c.ent_type_ in PARTY_ENTITY_TYPES)
    return found


def complement_parties(predicate: Token) -> list[Token]:
    """The first party named inside the verb's complement or purpose clause ("threatened to cut off
    electricity **to Nakhichevan**", "rallied to demand reforms **from X**")."""
    clauses = [c for c in predicate.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    for clause in clauses:
        for token in clause.subtree:
            if token.dep_ in ("dobj", "nsubjpass") and is_party(token):
                return with_conjuncts(token)
            if token.dep_ == "pobj" and token.head.lower_ in TARGET_PREPS | {"with", "from"} and is_party(token):
                return with_conjuncts(token)
    return []


def resolve_pronoun(token: Token) -> Token:
    """"X said it would ..." → X: a personal pronoun subject inside a speech verb's clause is its speaker."""
    if token.lower_ not in PERSONAL_PRONOUNS:
        return token
    for ancestor in token.ancestors:
        speakers = [c for c in ancestor.children if c.dep_ == "nsubj" and c.i != token.i and c.pos_ != "PRON"]
        if speakers and ancestor.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in ancestor.children):
            return speakers[0]
    return token


def read_arguments(candidate: Candidate) -> Arguments:
    """Actors, targets and places of one trigger candidate, as parse tokens."""
    kind, event_type = candidate.kind, candidate.sense.type
    predicate, noun, host = candidate.predicate, candidate.noun, candidate.host
    args = Arguments()
    if kind in ("verb", "support"):
        args.actors = _actors_for_event_subject(clause_subject(predicate))
        args.targets = _object_of_verb(predicate) if kind == "verb" else []
        owner = noun if noun is not None else predicate
        if not args.actors and noun is not None:
            args.actors = _noun_owners(noun)
        preps = TARGET_PREPS - TOPIC_PREPS if event_type in RECIPROCAL_TYPES else TARGET_PREPS
        if not args.targets:
            args.targets = _prep_objects(owner, preps) or _prep_objects(predicate, {"against"})
        if event_type in RECIPROCAL_TYPES and candidate.lemma not in ("exchange", "swap"):
            args.actors += _prep_objects(owner, {"with", "between"}) + _prep_objects(predicate, {"with"})
    elif kind == "occurrence":
        args.actors = _noun_owners(predicate) + _prep_objects(predicate, {"between", "with"})
        args.targets = _prep_objects(predicate, {"on", "against"})
    elif kind == "frame:under" and host is not None:
        args.targets = [antecedent(s) for s in _children(host, "nsubj", "nsubjpass")]
        args.actors = _prep_objects(predicate, {"by"}) + _noun_owners(predicate)
    elif kind.startswith("frame") and host is not None:
        args.actors = clause_subject(host) + _prep_objects(predicate, {"with", "between"})
        args.targets = _prep_objects(predicate, {"on", "against"})
    elif kind == "obligation":
        args.actors = clause_subject(predicate)
        clauses = _children(predicate, "ccomp")
        args.targets = [antecedent(s) for c in clauses for s in _children(c, "nsubj", "nsubjpass")]
    parties = party_targets(args.targets)
    if not parties and kind in ("verb", "support"):
        parties = [t for t in _prep_objects(predicate, TARGET_PREPS | {"from"}) if is_party(t)]
        parties += [s for c in _children(predicate, "ccomp") for s in _children(c, "nsubj", "nsubjpass") if is_party(s)]
    if not parties and kind in ("verb", "support"):
        parties = [t for t in complement_parties(predicate) if t not in args.actors]
    args.targets = parties or args.targets
    args.actors = _expand([resolve_pronoun(a) for a in args.actors])
    args.targets = [t for t in _expand(args.targets) if t not in args.actors]
    args.places = place_tokens(candidate)
    return args


def _expand(tokens: list[Token]) -> list[Token]:
    """Add conjuncts, step from quantities to what they count, drop times."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for item in with_conjuncts(token):
            item = content_head(item)
            if item.ent_type_ not in TIME_ENTITY_TYPES:
                seen.setdefault(item.i, item)
    return list(seen.values())


def place_tokens(candidate: Candidate) -> list[Token]:
    """Objects of locative prepositions on the trigger, its noun and its host, nearest first."""
    owners = [t for t in (candidate.noun, candidate.predicate, candidate.host) if t is not None]
    found: list[Token] = []
    for owner in owners:
        for obj in _prep_objects(owner, PLACE_PREPS):
            found.append(obj)
            found.extend(_children(obj, "appos"))
            found.extend(o for o in _prep_objects(obj, {"in", "of"}))
    core = candidate.noun if candidate.noun is not None else candidate.predicate
    nominal_gerund = core.tag_ == "VBG" and candidate.kind not in ("verb", "obligation")
    if core.pos_ not in ("NOUN", "PROPN") and not nominal_gerund:
        return found
    for token in core.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and token not in found:
            found.append(token)
            found.extend(_children(token, "appos"))
    return found


def phrase_span(analysis: Analysis, token: Token, modifiers: bool = False) -> Span:
    """The noun phrase a token heads, from its left edge to itself; with ``modifiers`` also its
    adjective and prepositional modifiers on the right ("a source close to Hamas")."""
    start = token.left_edge.idx
    end = token.idx + len(token.text)
    right = ("compound", "flat", "nummod", "amod", "prep") if modifiers else ("compound", "flat", "nummod")
    for child in token.children:
        if child.i > token.i and child.dep_ in right:
            last = child.right_edge
            end = max(end, last.idx + len(last.text))
    return analysis.span(start, end)


def entity_id_for(analysis: Analysis, token: Token) -> str | None:
    """The entity a token names: the head word's entity first, else its whole noun phrase's."""
    head = analysis.entity_at(token.idx, token.idx + len(token.text))
    if head is not None:
        return head.id
    phrase = phrase_span(analysis, token)
    entity = analysis.entity_at(phrase.start, phrase.end)
    return entity.id if entity is not None else None


def place_entity(analysis: Analysis, tokens: list[Token]) -> str | None:
    """The first of the tokens that names a GPE, LOC or FAC entity."""
    for token in tokens:
        entity = analysis.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None and entity.type in PLACE_TYPES:
            return entity.id
    return None
