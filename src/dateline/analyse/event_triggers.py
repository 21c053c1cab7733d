"""Finding event triggers in a parsed sentence: verbs, support verb + event noun, event nouns that
occur ("a ceasefire took effect"), framing phrases ("in a meeting with", "under siege"), and
obligations reported by a speaker ("X said Y must ...")."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.symbols import NOUN, PROPN, VERB

from dateline.analyse.entity_tables import alias_table
from dateline.analyse.event_lexicon import NO_EVENT, Lexicon, Sense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PREP_OBJECT_VERBS = frozenset({"go", "engage", "enter", "participate", "take", "join"})
PARTICIPLE_MODIFIER_DEPS = frozenset({"amod", "compound"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
VERBAL_COMPLEMENT_DEPS = OBJECT_DEPS | {"ccomp", "xcomp", "prt", "acomp"}
NOUN_MODIFIER_TAGS = frozenset({"DT", "JJ", "PRP$", "POS"})


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    """Every state's demonym and its last word ("North Korean", "Korean"), from data/aliases.json."""
    names = alias_table().by_demonym()
    return frozenset(names) | frozenset(name.split()[-1] for name in names)


def is_demonym(token: Token) -> bool:
    """Whether the token is a singular demonym ("Israeli", "Ukrainian"), whichever entity type NER gives it."""
    return token.text in demonym_words() or (token.ent_type_ == "NORP" and token.tag_ in ("NNP", "JJ"))


@dataclass
class Candidate:
    """An event trigger found in the parse, before arguments are read.

    ``predicate`` is the token whose dependents carry the event's arguments (the verb, the support
    verb, or the event noun); ``host`` the verb a framing phrase hangs from.
    """

    sense: Sense
    kind: str
    trigger_start: int
    trigger_end: int
    predicate: Token
    noun: Token | None = None
    host: Token | None = None
    lemma: str = ""
    absorbed: list[Candidate] = field(default_factory=list)
    merged: list[Candidate] = field(default_factory=list)
    conditions: list[Candidate] = field(default_factory=list)

    @property
    def tokens(self) -> tuple[int, int]:
        """The trigger's token range (start, end exclusive)."""
        return self.trigger_start, self.trigger_end


def verb_lemma(token: Token, fixes: dict[str, str] | None = None) -> str:
    """The verb's lemma, joined with its particle ("carry out") when it has one."""
    lemma = (fixes or {}).get(token.lower_, token.lemma_.lower())
    particles = [c.lemma_.lower() for c in token.children if c.dep_ == "prt"]
    return f"{lemma} {particles[0]}" if particles else lemma


def object_tokens(token: Token) -> list[Token]:
    """The verb's objects: direct objects, passive subjects and objects of its prepositions and xcomp."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            found.append(child)
        elif child.dep_ in ("prep", "agent"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("xcomp", "ccomp"):
            found.extend(g for g in child.children if g.dep_ in OBJECT_DEPS)
    for item in list(found):
        found.extend(c for c in item.children if c.dep_ == "conj")
    found.extend(t.nbor() for t in list(found) if is_demonym(t) and t.i + 1 < t.sent.end
                 and t.nbor().tag_ in ("NN", "NNS", "VBG", "VBZ"))
    return found


def object_words(verb: Token) -> set[str]:
    """The words a verb's senses test its objects against: :func:`context_lemmas` of its objects, and
    "_xcomp" when it has an open clausal complement."""
    objects = context_lemmas(object_tokens(verb))
    if any(c.dep_ == "xcomp" for c in verb.children):
        objects.add("_xcomp")
    return objects


def context_lemmas(tokens: list[Token]) -> set[str]:
    """Lemmas of the tokens and of their modifiers (compounds, adjectives, of-phrases)."""
    lemmas: set[str] = set()
    for token in tokens:
        lemmas.add(token.lemma_.lower())
        lemmas.add(token.text.lower())
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nummod", "prep", "poss", "acl"):
                lemmas.add(child.lemma_.lower())
                lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ in ("pobj", "compound", "agent"))
    return lemmas


def subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the words of the verb's subject."""
    lemmas: set[str] = set()
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            lemmas.update(t.lemma_.lower() for t in child.subtree)
            lemmas.update(entity_label(t) for t in child.subtree if t.ent_type_)
    return lemmas


def entity_label(token: Token) -> str:
    """The token's entity type in lower case; a people named by a plural demonym ("Pakistanis") is
    "norp" whichever type NER gives it."""
    if token.text.endswith("s") and token.text[:-1] in demonym_words():
        return "norp"
    return token.ent_type_.lower()


def _noun_key(noun: Token, lexicon: Lexicon) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in lexicon.nouns:
        return lemma
    if noun.text.lower() in lexicon.nouns:
        return noun.text.lower()
    named = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in lexicon.nouns]
    return named[0] if named else None


def _measured(noun: Token, lexicon: Lexicon) -> Token:
    """Step from a measure noun to what it measures: "ten days of war games" → "games"."""
    if noun.lemma_.lower() in lexicon.measure_nouns:
        objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if objects:
            return objects[0]
    return noun


def _noun_sense(noun: Token, lexicon: Lexicon, extra: str = "") -> tuple[str, Sense] | None:
    key = _noun_key(noun, lexicon)
    if key is None:
        return None
    context = context_lemmas([noun])
    context.update(t.lemma_.lower() for t in list(noun.subtree)[:40])
    if extra:
        context.update(extra.split())
    sense = lexicon.noun_sense(key, context)
    return (key, sense) if sense else None


def _support_candidate(verb: Token, lemma: str, lexicon: Lexicon) -> Candidate | None:
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if lemma.split()[0] in PREP_OBJECT_VERBS:
        nouns.extend(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    for noun in (_measured(n, lexicon) for n in nouns):
        found = _noun_sense(noun, lexicon, extra=lemma)
        if found:
            start, end = sorted((verb.i, noun.i))
            if end - start > 7:
                start, end = noun.i, noun.i
            return Candidate(found[1], "support", start, end + 1, verb, noun=noun, lemma=found[0])
    return None


def is_nominal(token: Token, lexicon: Lexicon) -> bool:
    """Whether the token is used as a noun: a noun, or an event noun the parser tagged as a verb with no
    complement: a gerund in a noun's slot or after a determiner or adjective ("the shelling"), or a gerund
    or -s form right after a demonym ("Israeli shelling", "Russian strikes on"), whatever its attachment."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    as_noun = token.lower_ if token.tag_ == "VBG" else token.lemma_.lower() if token.tag_ == "VBZ" else ""
    if as_noun not in lexicon.nouns:
        return False
    if any(c.dep_ in VERBAL_COMPLEMENT_DEPS for c in token.children):
        return False
    before = token.nbor(-1) if token.i > token.sent.start else None
    if before is not None and is_demonym(before):
        return token.tag_ in ("VBG", "VBZ")
    modified = before is not None and before.tag_ in NOUN_MODIFIER_TAGS
    return token.tag_ == "VBG" and (token.dep_ in NOMINAL_DEPS or modified)


def nominal_role(token: Token) -> tuple[str, Token]:
    """The dependency and head an event noun has in the sentence, repairing two misparses of a gerund
    or -s form after a demonym: hung under the demonym ("Israeli ← shelling"), it takes the demonym's
    role; hung on the next verb as aux or advmod, it is that verb's subject when the verb's only subject
    is the phrase written just before it ("Israeli shelling had continued")."""
    head = token.head
    if token.tag_ not in ("VBG", "VBZ") or token.dep_ in NOMINAL_DEPS:
        return token.dep_, head
    if head.i == token.i - 1 and is_demonym(head) and head.head.i != head.i:
        return head.dep_, head.head
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i != token.i]
    if head.i > token.i and head.pos_ in ("VERB", "AUX") and all(s.right_edge.i == token.i - 1 for s in subjects):
        return "nsubj", head
    return token.dep_, head


def misattached_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun the parser hung on the verb in another role although it is the verb's subject."""
    for child in verb.children:
        if child.i < verb.i and child.dep_ not in SUBJECT_DEPS and is_nominal(child, lexicon):
            dep, head = nominal_role(child)
            if dep == "nsubj" and head.i == verb.i:
                return child
    return None


def _may_trigger(lemma: str, lexicon: Lexicon) -> bool:
    """Whether a verb lemma has a sense or is a support verb (else it triggers nothing)."""
    first = lemma.split()[0]
    if lexicon.verbs.get(lemma) or lexicon.verbs.get(first):
        return True
    return lemma in lexicon.support_verbs or (lemma not in lexicon.verbs and first in lexicon.support_verbs)


def verb_candidate(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A trigger headed by a verb: its own sense, or a support verb carrying an event noun."""
    if token.pos_ != "VERB" or token.dep_ in PARTICIPLE_MODIFIER_DEPS or is_nominal(token, lexicon):
        return None
    lemma = verb_lemma(token, lexicon.lemma_fixes)
    if lemma in lexicon.reporting_without_object and not any(c.dep_ == "dobj" for c in token.children):
        return None
    if lemma != "open" and not _may_trigger(lemma, lexicon):
        return None  # no sense and no support use: the verb's arguments cannot change that
    objects = object_words(token) if lemma == "open" else None
    if objects is not None and "fire" in objects:
        lemma = "open fire"
    phrasal = lemma in lexicon.verbs
    senses = lexicon.verbs.get(lemma) or lexicon.verbs.get(lemma.split()[0], [])
    conditional = [s for s in senses if s.objects or s.subjects or s.preps]
    # each kind of complement (a walk of the parse) matters only to the senses that name words of it
    if objects is None:
        objects = object_words(token) if any(s.objects for s in conditional) else set()
    subjects = subject_lemmas(token) if any(s.subjects for s in conditional) else set()
    preps = {c.lemma_.lower() for c in token.children if c.dep_ == "prep"} if any(s.preps for s in conditional) else set()
    for sense in conditional:
        if sense.matches(objects, subjects, preps):
            if sense.type == NO_EVENT:
                return None
            return Candidate(sense, "verb", token.i, token.i + 1, token, lemma=lemma)
    if lemma in lexicon.support_verbs or (not phrasal and lemma.split()[0] in lexicon.support_verbs):
        support = _support_candidate(token, lemma, lexicon)
        if support:
            return support
    default = next((s for s in senses if not (s.objects or s.subjects or s.preps)), None)
    if default:
        return Candidate(default, "verb", token.i, token.i + 1, token, lemma=lemma)
    return None


def noun_candidate(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A trigger headed by an event noun: the subject of an occurrence verb or the object of a frame."""
    if not is_nominal(token, lexicon):
        return None
    found = _noun_sense(token, lexicon)
    if not found:
        return None
    key, sense = found
    dep, head = nominal_role(token)
    occurs = verb_lemma(head, lexicon.lemma_fixes) in lexicon.occurrence_verbs
    if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and occurs:
        return Candidate(sense, "occurrence", token.i, token.i + 1, token, host=head, lemma=key)
    if dep == "pobj" and head.dep_ == "prep":
        prep = head.lemma_.lower()
        host = head.head
        fronted = token.i < host.i or prep not in ("in", "during")
        if key in lexicon.frames.get(prep, frozenset()) and host.pos_ in ("VERB", "AUX") and fronted:
            return Candidate(sense, "frame:" + prep, token.i, token.i + 1, token, host=host, lemma=key)
    return None


def obligation_candidate(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A REQUEST made by a speaker who says another party must or should act."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.demand_speech_verbs:
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        modal = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in lexicon.obligation_words]
        is_have_to = clause.lemma_.lower() in ("have", "need") and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in clause.children
        )
        if not (modal or is_have_to):
            continue
        subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subject and subject[0].pos_ != "PRON":
            sense = Sense(cameo="10", type="REQUEST")
            return Candidate(sense, "obligation", token.i, token.i + 1, token, lemma=token.lemma_.lower())
    return None


def possible_triggers(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indices, in order, of the tokens the candidate rules can make a trigger; read from the doc's
    arrays, so that no Token is made for the other words. The rules (:func:`verb_candidate`,
    :func:`noun_candidate`, :func:`obligation_candidate`) each begin with a test this repeats: a verb
    whose lemma starts with a trigger or support verb, or is a demand verb; a verb, noun or VBG/VBZ form
    that is an event noun or has one as compound modifier ("peace talks" → "talks")."""
    if "" in lexicon.nouns:
        return list(range(len(doc)))  # any word may be an event noun: no test applies
    strings = doc.vocab.strings
    rows = doc.to_array([POS, TAG, DEP, LEMMA, LOWER, ORTH, HEAD])
    compounds = numpy.flatnonzero(rows[:, 2] == strings["compound"])
    heads = compounds + rows[compounds, 6].astype(numpy.int64)  # HEAD is stored as an offset
    modified = {head for lemma_id, head in zip(rows[compounds, 3].tolist(), heads.tolist(), strict=True)
                if strings[lemma_id].lower() in lexicon.nouns}
    pos, tag = rows[:, 0], rows[:, 1]
    wordlike = (pos == VERB) | (pos == NOUN) | (pos == PROPN) | (tag == strings["VBG"]) | (tag == strings["VBZ"])
    possible = []
    indices = numpy.flatnonzero(wordlike)
    columns = rows[indices][:, [0, 3, 4, 5]].T.tolist()
    for i, pos_id, lemma_id, lower_id, orth_id in zip(indices.tolist(), *columns, strict=True):
        lemma = strings[lemma_id].lower()
        if pos_id == VERB:
            base = lexicon.lemma_fixes.get(strings[lower_id], lemma).split()
            if not base or base[0] in lexicon.verb_heads or base[0] == "open" or lemma in lexicon.demand_speech_verbs:
                possible.append(i)
                continue
        if lemma in lexicon.nouns or strings[orth_id].lower() in lexicon.nouns or i in modified:
            possible.append(i)
    return possible


def sentence_candidates(sentence: SpacySpan, lexicon: Lexicon, possible: list[int]) -> list[Candidate]:
    """Every trigger candidate in one sentence, in text order (``possible``: :func:`possible_triggers`
    of the sentence's doc, computed once per doc by the caller)."""
    found: list[Candidate] = []
    doc = sentence.doc
    for index in possible[bisect.bisect_left(possible, sentence.start) : bisect.bisect_left(possible, sentence.end)]:
        token = doc[index]
        candidate = verb_candidate(token, lexicon) or noun_candidate(token, lexicon)
        if candidate is None:
            candidate = obligation_candidate(token, lexicon)
        if candidate:
            found.append(candidate)
    return found
