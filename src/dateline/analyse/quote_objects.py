"""Non-clausal contents of speech verbs: "urged X to stop …", "vowed to punish …", "denied the charge".

A speech verb without a reported clause may still report what was said through its object, an
infinitive, a gerund ("reported spending $2 million": an infinitive's like, for the stances of
either kind) or a prepositional complement ("accused X of lying", "warned against hackers"). The
content is the run of those complements right after the verb; adjuncts of the verb (time, place,
reasons, a trailing clause) are not part of it. Which verbs take such contents, and which
prepositions introduce one, is data (``data/speech_cues.json``: ``phrasal_contents``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import trim
from dateline.analyse.quote_cues import CueWord, verb_cue
from dateline.analyse.quote_frames import is_gerund_subject
from dateline.data import load_json

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

OBJECT_DEPS = ("dobj", "xcomp", "oprd", "dative")
TIME_ENTITIES = ("DATE", "TIME")
PASSIVE_PREPOSITIONS = ("of", "for", "as")  # "accused of", "criticized for", "described as"; not "charged with"
PASSIVE_INFINITIVE_STANCES = ("directive", "interrogative")  # "was asked to release …", "was urged to quit"
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
CONTRACTED_HAS = ("'s", "’s")  # "he's said": "has", which the parser may read as a passive "is"
CONJUNCT_WINDOW = 4  # words between "and" and a conjoined verb ("and in some cases exceed")


@dataclass(frozen=True)
class PhrasalRules:
    """Which cues may report a non-clausal content and through which complements."""

    infinitive_stances: frozenset[str]
    object_stances: frozenset[str]
    clause_only: frozenset[str]
    infinitive_only: frozenset[str]
    prepositions: frozenset[str]


@lru_cache(maxsize=1)
def phrasal_rules() -> PhrasalRules:
    """The ``phrasal_contents`` table of the cue lexicon."""
    raw = load_json("speech_cues.json")["phrasal_contents"]
    return PhrasalRules(
        infinitive_stances=frozenset(raw["infinitive_stances"]),
        object_stances=frozenset(raw["object_stances"]),
        clause_only=frozenset(raw["clause_only_verbs"]),
        infinitive_only=frozenset(raw["infinitive_only_verbs"]),
        prepositions=frozenset(raw["content_prepositions"]),
    )


def _is_infinitive(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in token.children
    )


def _gerund_subject_clause(verb: Token) -> Token | None:
    """The gerund right after a cue that opens the reported clause when the parser hung that
    clause's verb on the gerund ("said seeing so many officers there was a welcome sight": "was"
    parsed as the complement of "seeing"), or None."""
    for child in verb.rights:
        if is_gerund_subject(child) and any(
            grandchild.dep_ == "ccomp" and _is_finite(grandchild) for grandchild in child.rights
        ):
            return child
    return None


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(child.tag_ == "MD" for child in verb.children)


def _is_gerund(token: Token) -> bool:
    """True for a gerund complement ("reported spending $2 million", "recalled sitting in on focus
    groups"): like an infinitive, a clause whose subject is the speaker's; not a gerund with a
    determiner or possessor, which is a noun phrase ("condemned the group's targeting of …")."""
    return token.dep_ == "xcomp" and token.tag_ == "VBG" and not any(
        child.dep_ in ("nsubj", "nsubjpass", "det", "poss") for child in token.children
    )


def _is_content_child(token: Token, rules: PhrasalRules) -> bool:
    """True for an object, infinitive or content preposition that is not a time phrase."""
    if token.dep_ == "prep":
        return token.lower_ in rules.prepositions and token.ent_type_ not in TIME_ENTITIES
    if token.dep_ not in OBJECT_DEPS or token.ent_type_ in TIME_ENTITIES:
        return False
    return not (token.pos_ == "PRON" and token.right_edge.i == token.i)


def _predicates(children: list[Token]) -> bool:
    """True when a verb's object comes with what is said of it ("accused X of lying", "described X
    as 'unhinged'", "blasted X for …"): a bare object ("praised the people") names no proposition."""
    return any(child.dep_ in ("prep", "oprd") for child in children) or all(
        child.dep_ != "dobj" for child in children
    )


def phrasal_range(analysis: Analysis, verb: Token, cue: CueWord) -> tuple[int, int] | None:
    """The characters a speech verb's object or infinitive reports, or None when it has none (or
    the clause opened by a gerund subject the parser took for the cue's complement)."""
    rules = phrasal_rules()
    gerund_clause = _gerund_subject_clause(verb)
    if gerund_clause is not None:  # "said seeing so many officers there was a welcome sight"
        return trim(analysis.text, gerund_clause.idx, gerund_clause.right_edge.idx + len(gerund_clause.right_edge.text))
    if cue.lemma in rules.clause_only or verb.dep_ in ("relcl", "amod", "auxpass"):
        return None
    if verb.dep_ == "acl" and verb.tag_ != "VBG":
        return None
    if is_passive(verb) or is_passive_participle(verb):
        return _passive_range(analysis, verb, cue, rules)
    children = [child for child in verb.rights if _is_content_child(child, rules)]
    if not children:
        return None
    infinitive = any(_is_infinitive(child) for child in children)
    gerund = any(_is_gerund(child) for child in children)
    allowed = rules.infinitive_stances if infinitive else rules.object_stances
    if gerund:  # "reported spending …", "lamented hosting …"
        allowed, infinitive = rules.infinitive_stances | rules.object_stances, True
    if not infinitive and (cue.lemma in rules.infinitive_only or not _predicates(children)):
        return None
    if cue.stance not in allowed or any(verb_cue(child) is not None for child in children):
        return None
    first, last = children[0], children[-1]
    if analysis.sentence_index(first.idx) != analysis.sentence_index(verb.idx):
        return None
    listener = _listener_before(verb, first) if infinitive else None
    start = (listener or first).left_edge.idx
    if infinitive:
        last = _conjoined_infinitive(last) or last
    return trim(analysis.text, start, last.right_edge.idx + len(last.right_edge.text))


def is_passive(verb: Token) -> bool:
    """True for a passive cue verb ("was accused of …", "is being criticized as …")."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def is_passive_participle(verb: Token) -> bool:
    """True for a past participle opening a clause with no subject or auxiliary of its own ("Asked
    about the vote, Ortiz laughed", "When asked to respond, …"): a passive whose subject is the
    person asked, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for child in verb.children)
    )


def is_passive_cue(verb: Token) -> bool:
    """True for a passive cue ("was asked", "had been told") or a passive participle with no
    subject of its own ("Asked about the vote, …", "When asked which …")."""
    children = list(verb.children)
    if verb.tag_ != "VBN":
        return False
    if any(child.dep_ == "auxpass" and child.lower_ not in CONTRACTED_HAS for child in children):
        return True  # "he's said he'll fight": the parser reads "'s" (has) as a passive "is"
    return is_passive_participle(verb)


def passive_agent(verb: Token) -> Token | None:
    """The speaker of a passive cue verb: the noun of its "by" phrase, or None."""
    agents = [child for child in verb.children if child.dep_ == "agent"]
    return next((child for child in agents[0].children if child.dep_ == "pobj"), None) if agents else None


def _passive_range(analysis: Analysis, verb: Token, cue: CueWord, rules: PhrasalRules) -> tuple[int, int] | None:
    """What a passive cue verb says of its subject ("X was accused of lying", "they have been
    criticized for being slow", "is being criticized as a 'use it or lose it' approach"): its
    content preposition's phrase, when the verb's stance reports objects; what it asks of it ("was
    asked to release the transcripts", "was urged by aides to quit")."""
    if cue.stance in PASSIVE_INFINITIVE_STANCES or cue.lemma == "tell":
        infinitive = next((child for child in verb.rights if child.dep_ == "xcomp" and _is_infinitive(child)), None)
        if infinitive is not None and analysis.sentence_index(infinitive.idx) == analysis.sentence_index(verb.idx):
            last = (_conjoined_infinitive(infinitive) or infinitive).right_edge
            return trim(analysis.text, infinitive.left_edge.idx, last.idx + len(last.text))
    if cue.lemma in rules.infinitive_only or cue.stance not in rules.object_stances:
        return None
    phrases = [child for child in verb.rights if child.dep_ == "prep" and child.lower_ in PASSIVE_PREPOSITIONS]
    if not phrases or analysis.sentence_index(phrases[0].idx) != analysis.sentence_index(verb.idx):
        return None
    first = phrases[0]
    return trim(analysis.text, first.idx, first.right_edge.idx + len(first.right_edge.text))


def _listener_before(verb: Token, infinitive: Token) -> Token | None:
    """The pronoun an infinitive is said of ("urged them to reconsider"), which is part of it."""
    return next(
        (c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" and c.i < infinitive.i),
        None,
    )


def _conjoined_infinitive(last: Token) -> Token | None:
    """A bare verb conjoined right after an infinitive content that the parser hung higher up
    ("promising to meet and in some cases exceed his goals", "agreed to share a currency and rely
    on …"): it has no subject and no tense of its head, so it continues the infinitive."""
    doc = last.doc
    index = last.right_edge.i + 1
    if index >= len(doc) or doc[index].dep_ != "cc":
        return None
    for token in doc[index + 1 : index + 1 + CONJUNCT_WINDOW]:
        if token.dep_ == "conj" and token.pos_ == "VERB":
            bare = token.tag_ == "VB" or (token.tag_ == "VBP" and token.head.tag_ != "VBP")
            has_subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
            return token if bare and not has_subject else None
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return None
    return None
