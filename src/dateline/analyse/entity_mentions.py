"""Candidate entity mentions: spaCy's named entities, cleaned, plus the alias table's names and patterns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from dateline.analyse.entity_tables import Alias, AliasTable, RoleLexicon, alias_table, role_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
AGENT_DEPS = frozenset({"nsubj", "poss", "dobj", "dative", "agent"})
AGENT_PREPOSITIONS = frozenset({"by", "with", "between", "against"})
NESTING_CONTAINERS = frozenset({"ORG", "EVENT", "FAC", "NORP"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "claim", "announce", "insist", "warn", "deny", "write"})
PEOPLE_ENDINGS = ("ians", "ans", "is", "ese", "ites", "iards")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass
class Candidate:
    """A mention before resolution: where it is, its type, kind and (if known) alias-table key."""

    start: int
    end: int
    type: str
    kind: str = "name"
    canonical: str | None = None
    name: str | None = None
    confidence: float = 0.85
    register: str | None = None

    def overlaps(self, other: Candidate) -> bool:
        """True when the two character ranges share a character."""
        return self.start < other.end and other.start < self.end


Trie = dict[str, "Trie"]  # "" marks the end of an alias


def _trie_regex(trie: Trie) -> str:
    """The alternation of a trie's strings; the longer continuation is tried before ending here."""
    branches = [re.escape(char) + _trie_regex(child) for char, child in trie.items() if char]
    if "" in trie:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def _alias_pattern(table: AliasTable) -> re.Pattern[str]:
    """Every alias, the longest that fits first; the first letter may take either case.

    The aliases are written as a trie (one branch per first letter, then per next character):
    the same matches as one alternation of the aliases longest first, found much faster.
    """
    heads: dict[frozenset[str], tuple[str, Trie]] = {}
    for text in {a.text for a in table.aliases}:
        first = text[0]
        letters = frozenset({first.lower(), first.upper()} if first.isalpha() else {first})
        if any(letters & other and letters != other for other in heads):
            raise ValueError(f"alias {text!r}: its first letter's cases overlap another alias's")
        head = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
        node = heads.setdefault(letters, (head, {}))[1]
        for char in text[1:]:
            node = node.setdefault(char, {})
        node[""] = {}
    alternatives = [head + _trie_regex(trie) for head, trie in heads.values()]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _lookup(table: AliasTable, matched: str) -> Alias | None:
    by_text = table.by_text()
    return by_text.get(matched) or by_text.get(matched[0].swapcase() + matched[1:])


class _DocCache:
    """The last Doc's text and entities, computed once (spaCy rebuilds both on every access)."""

    doc: Doc | None = None
    text: str = ""
    ents: tuple[Span, ...] = ()
    ent_starts: ClassVar[list[int]] = []


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` (which must equal ``doc.text``) as the text of ``doc`` for :func:`doc_text`."""
    _DocCache.doc, _DocCache.text, _DocCache.ents = doc, text, tuple(doc.ents)
    _DocCache.ent_starts = [entity.start_char for entity in _DocCache.ents]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    if _DocCache.doc is not doc:
        remember_text(doc, doc.text)
    return _DocCache.text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per Doc."""
    if _DocCache.doc is not doc:
        remember_text(doc, doc.text)
    return _DocCache.ents


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside it) from :func:`doc_ents`: spaCy's own property
    rebuilds ``doc.ents``, a Token per word, at every call."""
    found = []
    for entity in doc_ents(span.doc):
        if entity.start >= span.start:
            if entity.end > span.end:
                break
            found.append(entity)
    return found


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def used_as_agent(token: Token) -> bool:
    """A place name used as an actor (subject, possessor, object, 'by'/'with' object): its government."""
    while token.dep_ in ("appos", "conj") and token.head is not token:
        token = token.head
    if token.dep_ in AGENT_DEPS:
        return True
    if token.dep_ == "pobj":
        return token.head.lower_ in AGENT_PREPOSITIONS
    return False


def _container(doc: Doc, start: int, end: int) -> Span | None:
    """The named entity that holds the (non-empty) range ``[start, end)`` and is longer, if any."""
    ents = doc_ents(doc)
    # Entities do not overlap, so only the last one starting at or before ``start`` can hold the range.
    index = bisect.bisect_right(_DocCache.ent_starts, start) - 1
    if index < 0:
        return None
    entity = ents[index]
    if end <= entity.end_char and (entity.start_char, entity.end_char) != (start, end):
        return entity
    return None


def _of_noun_follows(doc: Doc, span: Span) -> bool:
    """'the occupation of the city': an 'of' + noun phrase attached to the span's head."""
    if span.end >= len(doc):
        return False
    following = doc[span.end]
    return (
        following.lower_ == "of"
        and following.head == span[-1]
        and any(child.dep_ == "pobj" and child.tag_ != "VBG" for child in following.children)
    )


def _alias_allowed(doc: Doc, alias: Alias, start: int, end: int, text: str) -> bool:
    span = _tokens(doc, start, end)
    if span is None:
        return False
    last = span[-1]
    if alias.register in ("loaded", "metonymy") and _of_noun_follows(doc, span):
        return False
    container = _container(doc, start, end)
    if container is not None and container.text.rstrip("’'s") != text[start:end]:
        nested_modifier = end < container.end_char - 2 and alias.register in ("name", "loaded")
        hyphenated = container.label_ == "NORP" and text[start - 1 : start] == "-"
        return container.label_ in NESTING_CONTAINERS and (nested_modifier or hyphenated)
    if alias.register not in ("name", "capital"):
        return True
    modifies_name = last.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.lower_ not in role_lexicon().person_role_nouns
    before = doc[span.start - 1] if span.start > 0 else None
    modified_by_name = before is not None and before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i >= span.start
    return not (modifies_name or modified_by_name)


def alias_candidates(doc: Doc, table: AliasTable | None = None) -> list[Candidate]:
    """Mentions named by the alias table; capitals resolve to their state only when used as agents."""
    table = table or alias_table()
    text = doc_text(doc)
    found: list[Candidate] = []
    for match in _alias_pattern(table).finditer(text):
        alias = _lookup(table, match.group())
        if alias is None or not _alias_allowed(doc, alias, match.start(), match.end(), text):
            continue
        canonical = table.canonicals[alias.canonical]
        if alias.register == "capital":
            span = _tokens(doc, match.start(), match.end())
            if span is None or not used_as_agent(span.root):
                found.append(Candidate(match.start(), match.end(), "GPE", "name", confidence=0.8))
                continue
        kind = {"name": "name", "group": "group"}.get(alias.register, "alias")
        confidence = 0.95 if alias.register in ("name", "group", "loaded") else 0.8
        found.append(
            Candidate(match.start(), match.end(), canonical.type, kind, canonical.key, canonical.name, confidence, alias.register)
        )
    return found + demonym_candidates(doc, table, role_lexicon())


@lru_cache(maxsize=1)
def _demonym_pattern(table: AliasTable, lexicon: RoleLexicon) -> re.Pattern[str]:
    governments = "|".join(sorted(lexicon.government_head_nouns, key=len, reverse=True))
    militaries = "|".join(sorted(lexicon.military_head_nouns, key=len, reverse=True))
    demonyms = sorted(table.by_demonym(), key=len, reverse=True)
    names = "|".join(re.escape(d) for d in demonyms)
    # The look-ahead on the letters a match can start with lets most positions fail at once (2x faster).
    first_letters = "".join(sorted({"T", "t"} | {d[0] for d in demonyms}))
    return re.compile(
        rf"(?=[{re.escape(first_letters)}])(?<!\w)([Tt]he\s+)?({names})\s+(?:(?P<gov>{governments})|(?P<mil>{militaries}))(?!\w)"
    )


def demonym_candidates(doc: Doc, table: AliasTable, lexicon: RoleLexicon) -> list[Candidate]:
    """'the <Demonym> regime/government' -> the state; '<Demonym> army/forces' -> its armed forces."""
    demonyms = table.by_demonym()
    pattern = _demonym_pattern(table, lexicon)
    found = []
    text = doc_text(doc)
    for match in pattern.finditer(text):
        state = demonyms[match.group(2)]
        if match.group("gov"):
            found.append(Candidate(match.start(), match.end(), state.type, "alias", state.key, state.name, 0.8, "metonymy"))
            continue
        start = match.start(2)
        military = table.canonicals.get(state.military or "")
        if military is not None:
            found.append(Candidate(start, match.end(), "ORG", "alias", military.key, military.name, 0.8, "metonymy"))
        else:
            found.append(Candidate(start, match.end(), "ORG", "name", None, text[start : match.end()], 0.7))
    return found


def _clean(text: str, entity: Span, lexicon: RoleLexicon) -> tuple[int, int] | None:
    """The entity's character range without a possessive ending, leading honorifics or titles."""
    tokens = list(entity)
    if any(mark in text[entity.start_char : entity.end_char] for mark in "()[]"):  # rare: test tokens only then
        bracket = next((i for i, t in enumerate(tokens) if t.text in ("(", ")", "[", "]")), None)
        if bracket is not None:
            tokens = tokens[:bracket]
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’", ".", ",", "-", "–"):
        tokens.pop()
    while len(tokens) > 1 and tokens[0].text in lexicon.honorifics:
        tokens.pop(0)
    if entity.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in lexicon.person_role_nouns:
            tokens.pop(0)
        while tokens and _given_name_before(tokens[0], lexicon):
            tokens.insert(0, tokens[0].nbor(-1))
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    end = start + len(POSSESSIVE.sub("", text[start:end]))
    return (start, end) if end > start else None


def _named_as_place(doc: Doc, entity: Span, lexicon: RoleLexicon) -> bool:
    """'the city of Eilat', 'the province of Idlib': the name after '<place noun> of' is a place."""
    if entity.start < 2 or doc[entity.start - 1].lower_ != "of":
        return False
    noun = doc[entity.start - 2]
    return noun.lower_ in lexicon.place_head_nouns and noun.lower_ not in ("state", "nation", "republic", "kingdom")


def _given_name_before(token: Token, lexicon: RoleLexicon) -> bool:
    """The capitalised name word NER left out before a person's name ("Rustem" in "Minister Rustem Umerov")."""
    if token.i == 0:
        return False
    before = token.nbor(-1)
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.text[:1].isupper()
        and before.ent_type_ in ("", "PERSON")
        and before.lower_ not in lexicon.person_role_nouns
        and before.text not in lexicon.honorifics
        and before.is_alpha
    )


def _dateline_place(text: str, entity: Span) -> bool:
    """'KABUL, Afghanistan (Jan. 22)' or 'WASHINGTON —': an upper-case place opening the article."""
    if entity.start_char >= 3 or not text[entity.start_char : entity.end_char].isupper():
        return False
    after = text[entity.end_char : entity.end_char + 3].lstrip()
    return after[:1] in (",", "—", "–", "-", "(")


def _keep_norp(entity: Span) -> bool:
    """Group nouns ("Palestinians", "Democrats"), not nationality adjectives ("Palestinian shelling")."""
    return entity.root.tag_ in ("NNPS", "NNS") or (len(entity) > 1 and entity.root.pos_ in ("PROPN", "NOUN"))


def ner_candidates(doc: Doc, lexicon: RoleLexicon | None = None) -> list[Candidate]:
    """spaCy's named entities of the OntoNotes name types, cleaned and retyped by rule."""
    lexicon = lexicon or role_lexicon()
    demonyms = alias_table().by_demonym()
    found = []
    text = doc_text(doc)
    for entity in doc_ents(doc):
        label = entity.label_
        if label not in ENTITY_LABELS:
            continue
        if label == "NORP" and not _keep_norp(entity):
            continue
        if text[entity.start_char : entity.end_char] in demonyms:  # the Span's text, without rebuilding it
            continue  # a nationality adjective ("Ukrainian shelling") names no entity
        cleaned = _clean(text, entity, lexicon)
        if cleaned is None or text[max(0, cleaned[0] - 1) : cleaned[0]] in ("#", "@"):
            continue
        if _named_as_place(doc, entity, lexicon) or _dateline_place(text, entity):
            label = "GPE"
        honorific = entity[0].text in lexicon.honorifics or (entity.start > 0 and doc[entity.start - 1].text in lexicon.honorifics)
        if honorific:
            label = "PERSON"
        words = text[cleaned[0] : cleaned[1]].split()
        if words[0].lower().startswith(("pro-", "anti-")):
            continue
        if not any(w[:1].isupper() for w in words) or (len(words) == 1 and words[0] in lexicon.generic_place_name_words):
            continue
        if words[0] in lexicon.event_name_first_words or (len(words) > 1 and words[-1] in lexicon.event_name_last_words):
            label = "EVENT"
        elif label in ("EVENT", "ORG", "FAC") and words[-1][:1].islower():
            continue  # "the Gaza war", "the Palestinian health ministry": descriptions, not names
        if len(words) == 1 and entity.root.tag_ == "NNPS" and words[0].endswith(PEOPLE_ENDINGS):
            label = "NORP"  # "Azerbaijanis", "Armenians": a people, whatever NER called it
        found.append(Candidate(cleaned[0], cleaned[1], label, "name", confidence=0.8, register="honorific" if honorific else None))
    return found


def _unnamed_proper_subjects(doc: Doc) -> list[Token]:
    """The proper-noun subjects outside any named entity, found on the Doc's arrays (no Token per word)."""
    from spacy.attrs import DEP, ENT_TYPE, POS
    from spacy.symbols import PROPN

    columns = doc.to_array([ENT_TYPE, POS, DEP])
    wanted = (columns[:, 0] == 0) & (columns[:, 1] == PROPN) & (columns[:, 2] == doc.vocab.strings["nsubj"])
    return [doc[int(i)] for i in wanted.nonzero()[0]]


def speaker_candidates(doc: Doc, table: AliasTable) -> list[Candidate]:
    """A capitalised proper noun NER missed that is the subject of a speech verb ("Modi told reporters")."""
    from dateline.analyse.entity_gazetteer import is_place_name

    found = []
    for token in _unnamed_proper_subjects(doc):
        if not token.text[:1].isupper():
            continue
        if token.head.lemma_ not in SPEECH_LEMMAS or not token.is_alpha:
            continue
        first = token
        while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).pos_ == "PROPN" and not first.nbor(-1).ent_type_:
            first = first.nbor(-1)
        name = doc_text(doc)[first.idx : token.idx + len(token)]
        if is_place_name(name) or name in table.by_demonym() or _lookup(table, name):
            continue
        found.append(Candidate(first.idx, token.idx + len(token), "PERSON", "name", confidence=0.6))
    return found


class _Chosen:
    """The candidates chosen so far, in the order chosen and indexed by start for overlap queries."""

    def __init__(self) -> None:
        self.in_order: list[Candidate] = []
        self.by_start: list[Candidate] = []
        self.starts: list[int] = []
        self.longest = 0

    def add(self, candidate: Candidate) -> None:
        """Choose ``candidate``."""
        index = bisect.bisect_right(self.starts, candidate.start)
        self.starts.insert(index, candidate.start)
        self.by_start.insert(index, candidate)
        self.in_order.append(candidate)
        self.longest = max(self.longest, candidate.end - candidate.start)

    def overlapping(self, candidate: Candidate) -> list[Candidate]:
        """The chosen candidates sharing a character with ``candidate``."""
        # Only those starting before its end and less than the longest length before its start can.
        first = bisect.bisect_right(self.starts, candidate.start - self.longest)
        last = bisect.bisect_left(self.starts, candidate.end)
        return [c for c in self.by_start[first:last] if c.overlaps(candidate)]


def candidates(doc: Doc) -> list[Candidate]:
    """All candidate mentions, without overlaps except names nested in organisation or event names."""
    aliases = alias_candidates(doc)
    chosen = _Chosen()
    for candidate in sorted(aliases, key=lambda c: (c.start, -(c.end - c.start))):
        if not chosen.overlapping(candidate):
            chosen.add(candidate)
    for candidate in ner_candidates(doc) + speaker_candidates(doc, alias_table()):
        clash = chosen.overlapping(candidate)
        nested_only = all(candidate.start <= c.start and c.end <= candidate.end and (c.start, c.end) != (candidate.start, candidate.end) for c in clash)
        if not clash or (nested_only and candidate.type in NESTING_CONTAINERS):
            chosen.add(candidate)
    return sorted(chosen.in_order, key=lambda c: (c.start, c.end))
